# lr.gp: replot with `gnuplot lr.gp` inside this folder.
set terminal pngcairo size 1000,550 enhanced font 'DejaVu Sans,13' linewidth 1.2
set output 'lr.png'
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
set title 'Learning rate per iteration: AdamAnn divides Adam''s rate by 4 every 5 epochs'
set xlabel 'iteration (one update per sample; 30 per epoch)'
set xrange [0:1500]
set ylabel 'learning rate η_t'
set logscale y
set format y '10^{%L}'
set key bottom left width 1
set yrange [1e-7:5]
plot 'loss.dat' index 0 using 1:5 with lines lt 2 lw 4 title 'SGD', \
     'loss.dat' index 1 using 1:5 with lines lt 3 lw 1.5 title 'Momentum', \
     'loss.dat' index 2 using 1:5 with lines lt 7 lw 1.5 title 'Adam', \
     'loss.dat' index 3 using 1:5 with lines lt 4 lw 1.5 title 'AdamAnn'
