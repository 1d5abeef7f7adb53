# noise_ball.gp: replot with `gnuplot noise_ball.gp` inside this folder.
set terminal pngcairo size 900,650 enhanced font 'DejaVu Sans,13' linewidth 1.2
set output 'noise_ball.png'
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
set title "Constant rate: with independent batches the noise ball's variance grows like η;\nreshuffling every epoch keeps the slow b far tighter"
set xrange [0.0004:0.015]
set xlabel 'learning rate η (constant, batch 8)'
set ylabel 'variance of the parameter around θ*'
set logscale xy
set format y '10^{%L}'
set key bottom right
plot 'noise_ball.dat' using 1:2 with lines lt 7 dt 2 lw 2 title 'rule of thumb η·σ²/B', \
     '' using 1:3 with linespoints lt 2 pt 7 title 'a, batches with replacement', \
     '' using 1:4 with linespoints lt 1 pt 5 title 'b, batches with replacement', \
     '' using 1:5 with linespoints lt 2 dt 3 pt 6 title 'a, reshuffled every epoch', \
     '' using 1:6 with linespoints lt 1 dt 3 pt 4 title 'b, reshuffled every epoch'
