# line_tour.gp: replot with `gnuplot line_tour.gp` inside this folder.
set terminal pngcairo size 1400,1000 enhanced font 'DejaVu Sans,13' linewidth 1.2
set output 'line_tour.png'
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
set multiplot layout 2,2 title 'The post''s Adam run (η₀ = 1, β_2 = 0.9) under the other schedules: rate used (left, with the legend), loss (right)'
set xlabel 'update (30 per epoch)'
set xrange [0:1500]
set logscale y
set format y '10^{%L}'
set key bottom left
set title 'Decays: the rate'
set ylabel 'rate η_t'
set yrange [1e-9:3]
plot 'line_tour.dat' index 0 using 1:5 with lines lt 1 lw 1.5 title 'multistep 50%, 75%', \
     'line_tour.dat' index 1 using 1:5 with lines lt 2 dt 2 lw 1.5 title 'polynomial, p = 1', \
     'line_tour.dat' index 2 using 1:5 with lines lt 3 lw 1.5 title 'polynomial, p = 2', \
     'line_tour.dat' index 3 using 1:5 with lines lt 4 dt 3 lw 1.5 title 'warm-up + cosine'
set title 'Decays: the loss'
set ylabel 'mean squared error'
set yrange [1e-19:1e4]
unset key
plot 'line_tour.dat' index 0 using 1:4 with lines lt 1 lw 1.5 title 'multistep 50%, 75%', \
     'line_tour.dat' index 1 using 1:4 with lines lt 2 dt 2 lw 1.5 title 'polynomial, p = 1', \
     'line_tour.dat' index 2 using 1:4 with lines lt 3 lw 1.5 title 'polynomial, p = 2', \
     'line_tour.dat' index 3 using 1:4 with lines lt 4 dt 3 lw 1.5 title 'warm-up + cosine'
set key bottom left
set title 'Cycles and a plateau: the rate'
set ylabel 'rate η_t'
set yrange [1e-9:3]
plot 'line_tour.dat' index 4 using 1:5 with lines lt 1 lw 1.5 title 'one-cycle', \
     'line_tour.dat' index 5 using 1:5 with lines lt 2 dt 2 lw 1.5 title 'one-cycle, β_1 cycled', \
     'line_tour.dat' index 8 using 1:5 with lines lt 3 lw 1.5 title 'cyclic, ends at a trough', \
     'line_tour.dat' index 9 using 1:5 with lines lt 4 dt 3 lw 1.5 title 'cyclic, triangular2', \
     'line_tour.dat' index 11 using 1:5 with lines lt 7 lw 1.5 title 'plateau, patience 1 ep.'
set title 'Cycles and a plateau: the loss'
set ylabel 'mean squared error'
set yrange [1e-19:1e4]
unset key
plot 'line_tour.dat' index 4 using 1:4 with lines lt 1 lw 1.5 title 'one-cycle', \
     'line_tour.dat' index 5 using 1:4 with lines lt 2 dt 2 lw 1.5 title 'one-cycle, β_1 cycled', \
     'line_tour.dat' index 8 using 1:4 with lines lt 3 lw 1.5 title 'cyclic, ends at a trough', \
     'line_tour.dat' index 9 using 1:4 with lines lt 4 dt 3 lw 1.5 title 'cyclic, triangular2', \
     'line_tour.dat' index 11 using 1:4 with lines lt 7 lw 1.5 title 'plateau, patience 1 ep.'
set key bottom left
unset multiplot
