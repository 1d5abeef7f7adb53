# line_loss.gp: replot with `gnuplot line_loss.gp` inside this folder.
set terminal pngcairo size 1300,560 enhanced font 'DejaVu Sans,13' linewidth 1.2
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
set multiplot layout 1,2 title 'Line fit: at the same η the average is about as fast as plain SGD, the velocity is not'
set title 'loss per epoch, the chapter’s 20 points from (0, 0)'
set xlabel 'epoch (20 per-sample updates)'
set ylabel 'mean squared error on all 20 points'
set logscale y
set format y '10^{%L}'
set key right center
set xrange [0:*]
plot 'line_loss.dat' index 0 using 1:2 with lines lt 7 lw 3 title 'plain SGD', '' index 1 using 1:2 with lines lt 2 dt 2 lw 2.5 title 'the average m', '' index 2 using 1:2 with lines lt 3 title 'torch velocity u'
unset logscale y
set format y '%g'
set key bottom left
set title 'the average’s loss / plain SGD’s (above 1: the average is behind)'
set xlabel 'epoch (log scale)'
set ylabel 'loss ratio'
set logscale x
set xrange [1:150]
plot 1 with lines lc rgb '#888888' dt 3 notitle, 'line_loss.dat' index 3 using 1:2 with lines lt 2 lw 2.5 title 'the chapter’s 20 points from (0, 0)', '' index 4 using 1:2 with lines lt 1 lw 2.5 title 'the post’s comparison: 30 points from (1, 1)'
unset multiplot
