# ravine_loss.gp: replot with `gnuplot ravine_loss.gp` inside this folder.
set terminal pngcairo size 950,650 enhanced font 'DejaVu Sans,13' linewidth 1.2
set output 'ravine_loss.png'
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
set title 'Ravine: the loss per update, on a log scale; each line falls by its loss factor'
set xlabel 'update t'
set ylabel 'f(x, y) = 0.1x^2 + 2y^2'
set logscale y
set format y '10^{%L}'
set key bottom left
set xrange [0:*]
plot 'ravine_loss.dat' index 0 using 1:2 with linespoints lt 2 pt 7 ps 0.5 title 'plain GD, η = 0.4', '' index 1 using 1:2 with linespoints lt 3 pt 7 ps 0.5 title 'momentum 0.5, η = 0.4', '' index 2 using 1:2 with linespoints lt 7 pt 7 ps 0.5 title 'momentum 0.9, η = 0.4', \
     '' index 3 using 1:2 with lines lt 2 dt 2 lw 2 title 'GD, best η = 0.476', '' index 4 using 1:2 with lines lt 1 lw 3 title 'heavy ball, best η = 0.668, μ = 0.403'
