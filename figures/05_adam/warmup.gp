# warmup.gp: replot with `gnuplot warmup.gp` inside this folder.
set terminal pngcairo size 1650,560 enhanced font 'DejaVu Sans,13' linewidth 1.2
set output 'warmup.png'
set encoding utf8
set linetype 1 lc rgb '#0072B2' lw 2 pt 7
set linetype 2 lc rgb '#D55E00' lw 2 pt 5
set linetype 3 lc rgb '#009E73' lw 2 pt 9
set linetype 4 lc rgb '#CC79A7' lw 2 pt 11
set linetype 5 lc rgb '#E69F00' lw 2 pt 13
set linetype 6 lc rgb '#56B4E9' lw 2 pt 3
set linetype 7 lc rgb '#000000' lw 2 pt 1
set linetype 8 lc rgb '#999999' lw 2 pt 2
set border lc rgb '#444444'
set grid back lc rgb '#e0e0e0' lw 1 dt 1
set tics nomirror out
set key opaque box lc rgb '#bbbbbb' samplen 2 spacing 1.1
set multiplot layout 1,3 title 'RAdam''s warm-up is r_t: it keeps the spread of Adam''s rate at its long-run width; on the noiseless ravine every warm-up only costs steps'
set logscale x
set format x '10^{%L}'
set xlabel 'step t'
set xrange [1:3000]
set key at graph 0.03, 0.86 left top Left reverse
set title 'the factor on Adam''s step'
set ylabel 'factor'
set yrange [0:1.1]
set label 1 't ≤ 5: RAdam takes momentum steps η m̂' at graph 0.03, graph 0.55
plot 1 with lines lt 2 title 'Adam', 'warmup.dat' using 1:2 with lines lt 1 title 'RAdam: r_t', '' using 1:3 with lines lt 7 dt 2 title 'linear warm-up'
unset label 1
set logscale y
set format y '10^{%L}'
set yrange [*:*]
set title 'spread of the adaptive rate, every g drawn from N(0, 1)'
set ylabel '95th - 5th percentile of the rate'
set key inside top right Right noreverse
plot 'warmup.dat' using 1:4 with lines lt 2 title 'Adam: 1/√v̂', \
     '' using 1:5 with lines lt 1 title 'RAdam: r_t/√v̂'
set title 'on the ravine, η = 0.3'
set ylabel 'loss'
set yrange [1e-30:1e2]
set key inside bottom left Left reverse
plot 'warmup_loss.dat' index 0 using 1:2 with lines lt 2 title 'Adam', 'warmup_loss.dat' index 1 using 1:2 with lines lt 1 title 'RAdam', 'warmup_loss.dat' index 2 using 1:2 with lines lt 7 dt 2 title 'Adam + warm-up'
unset multiplot
