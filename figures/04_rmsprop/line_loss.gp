# line_loss.gp: replot with `gnuplot line_loss.gp` inside this folder.
set terminal pngcairo size 900,600 enhanced font 'DejaVu Sans,13' linewidth 1.2
set output 'line_loss.png'
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
set title 'Line fit: AdaGrad crawls, RMSprop arrives, then hovers'
set xlabel 'step t'
set ylabel 'loss'
set logscale y
set format y '10^{%L}'
set yrange [1e-16:*]
set key at graph 0.98, 0.45 right
plot 'line_loss.dat' index 0 using 1:2 with lines lt 7 title 'GD', 'line_loss.dat' index 1 using 1:2 with lines lt 2 title 'AdaGrad', 'line_loss.dat' index 2 using 1:2 with lines lt 1 title 'RMSprop'
