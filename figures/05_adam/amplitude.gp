# amplitude.gp: replot with `gnuplot amplitude.gp` inside this folder.
set terminal pngcairo size 800,560 enhanced font 'DejaVu Sans,13' linewidth 1.2
set output 'amplitude.png'
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
set title 'β2 = 0.9: the swing at the end is proportional to η, it never dies out'
set xlabel 'learning rate η'
set ylabel 'rms distance from the fit, last 100 epochs'
set logscale xy
set format x '10^{%L}'
set format y '10^{%L}'
set key top left
set xrange [0.002:1.5]
plot 'amplitude.dat' using 1:3 with linespoints lt 2 pt 7 ps 1.3 title 'b (intercept)', \
     '' using 1:2 with linespoints lt 3 pt 5 ps 1.3 title 'a (slope)', \
     0.67956*x/1 with lines dt 2 lc rgb 'black' lw 1 title '∝ η'
