# batch_or_rate.gp: replot with `gnuplot batch_or_rate.gp` inside this folder.
set terminal pngcairo size 1300,520 enhanced font 'DejaVu Sans,13' linewidth 1.2
set output 'batch_or_rate.png'
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
set multiplot layout 1,2 title 'The same η/B every epoch: the growing batch follows the decaying rate epoch by epoch (left), in fewer updates (right)'
set logscale y
set format y '10^{%L}'
set ylabel 'L(θ) − L(θ*), mean over seeds'
set key top right
set xlabel 'epoch'
set title 'by epoch'
plot 'batch_or_rate.dat' index 0 using 1:3 with lines lt 2 lw 2 title 'decaying rate, fixed batch', \
     '' index 1 using 1:3 with lines lt 1 lw 2 title 'growing batch, fixed rate'
set xlabel 'updates'
set title 'by update'
plot 'batch_or_rate.dat' index 0 using 2:3 with lines lt 2 lw 2 title 'decaying rate, fixed batch', \
     '' index 1 using 2:3 with lines lt 1 lw 2 title 'growing batch, fixed rate'
unset multiplot
