# rates.gp: replot with `gnuplot rates.gp` inside this folder.
set terminal pngcairo size 1000,800 enhanced font 'DejaVu Sans,13' linewidth 1.2
set output 'rates.png'
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
set multiplot layout 2,1 title 'Learning-rate schedules over 1000 updates (η₀ = max\_lr = 1)'
set xlabel 'update t'
set ylabel 'rate η_t'
set key outside right top
set xrange [0:1000]
set yrange [0:1.05]
set title 'Cosine falls once; SGDR jumps back to η₀; one-cycle warms up first'
plot 'rates.dat' index 0 using 1:2 with lines lt 7 title 'cosine, T = 1000', \
     '' index 1 using 1:2 with lines lt 2 title 'SGDR, T_0 = 200, T_{mult} = 1', \
     '' index 2 using 1:2 with lines lt 3 dt 2 title 'SGDR, T_0 = 100, T_{mult} = 2', \
     '' index 3 using 1:2 with lines lt 4 title 'one-cycle, 30 % warm-up'
set title 'The same on a log scale: one-cycle ends 25·10^4 times below its peak'
set logscale y
set format y '10^{%L}'
set yrange [1e-7:2]
replot
unset multiplot
