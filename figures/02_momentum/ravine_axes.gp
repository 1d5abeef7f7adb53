# ravine_axes.gp: replot with `gnuplot ravine_axes.gp` inside this folder.
set terminal pngcairo size 1300,560 enhanced font 'DejaVu Sans,13' linewidth 1.2
set output 'ravine_axes.png'
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
set multiplot layout 1,2 title 'Ravine at η = 0.4: momentum shortens the error along x, and may lengthen it across y'
set logscale y
set format y '10^{%L}'
set xlabel 'update t'
set xrange [0:*]
set key bottom left
set title 'along the ravine: |x_t|, λ = 0.2, each line falls as ρ^t'
set ylabel '|x_t|'
plot 'ravine_axes.dat' index 0 using 1:2 with linespoints lt 2 pt 7 ps 0.4 title 'plain GD, ρ = 0.92', \
     'ravine_axes.dat' index 1 using 1:2 with linespoints lt 3 pt 7 ps 0.4 title 'momentum 0.5, ρ = 0.774', \
     'ravine_axes.dat' index 2 using 1:2 with linespoints lt 7 pt 7 ps 0.4 title 'momentum 0.9, ρ = 0.949'
set title 'across the ravine: |y_t|, λ = 4, each line falls as ρ^t'
set ylabel '|y_t|'
plot 'ravine_axes.dat' index 0 using 1:3 with linespoints lt 2 pt 7 ps 0.4 title 'plain GD, ρ = 0.6', \
     'ravine_axes.dat' index 1 using 1:3 with linespoints lt 3 pt 7 ps 0.4 title 'momentum 0.5, ρ = 0.707', \
     'ravine_axes.dat' index 2 using 1:3 with linespoints lt 7 pt 7 ps 0.4 title 'momentum 0.9, ρ = 0.949'
unset multiplot
