# memory.gp: replot with `gnuplot memory.gp` inside this folder.
set terminal pngcairo size 1100,800 enhanced font 'DejaVu Sans,13' linewidth 1.2
set output 'memory.png'
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
set multiplot layout 2,1 title "What v remembers: with β2 = 0.9 the rate on b climbs within 3 epochs and the run kicks back;\nwith 0.999 it stays low until the fit is exact; with noise in y the fit is never exact, and the kick comes later"
set xlabel 'epoch (log scale)'
set key outside right top
set lmargin 12
set logscale xy
set format y '10^{%L}'
set xrange [0.0333333:200]
set ylabel 'loss (exact 0 drawn at 10^{-32})'
set yrange [3e-33:1e4]
plot 'memory.dat' index 0 using 1:2 with lines lt 2 title 'beta2 = 0.9', 'memory.dat' index 1 using 1:2 with lines lt 1 title 'beta2 = 0.999', 'memory.dat' index 2 using 1:2 with lines lt 3 dt 2 title 'beta2 = 0.999, noisy'
set ylabel 'rate on b,  η / √v̂_b'
set yrange [*:*]
plot 'memory.dat' index 0 using 1:3 with lines lt 2 title 'beta2 = 0.9', 'memory.dat' index 1 using 1:3 with lines lt 1 title 'beta2 = 0.999', 'memory.dat' index 2 using 1:3 with lines lt 3 dt 2 title 'beta2 = 0.999, noisy'
unset multiplot
