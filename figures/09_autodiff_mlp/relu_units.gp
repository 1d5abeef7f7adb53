# relu_units.gp: replot with `gnuplot relu_units.gp` inside this folder.
set terminal pngcairo size 1000,650 enhanced font 'DejaVu Sans,13' linewidth 1.2
set output 'relu_units.png'
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
set title 'The ReLU fit is a sum of hinges: each unit is 0 on one side of its kink and a straight line on the other'
set xlabel 'x'
set ylabel 'contribution to the output'
set xrange [-5.3:5.3]
set yrange [-3.5:3.5]
set key below horizontal
plot 'points.dat' using 1:2 with points pt 7 ps 0.5 lc rgb '#555555' title 'sin(x)', \
     'relu_units.dat' using 1:2 with lines lt 6 lw 1.5 title 'unit j: v_j relu(w_j x + c_j)', \
     'relu_units.dat' using 1:3 with lines lt 6 lw 1.5 title '', \
     'relu_units.dat' using 1:4 with lines lt 6 lw 1.5 title '', \
     'relu_units.dat' using 1:5 with lines lt 6 lw 1.5 title '', \
     'relu_units.dat' using 1:6 with lines lt 6 lw 1.5 title '', \
     'relu_units.dat' using 1:7 with lines lt 6 lw 1.5 title '', \
     'relu_units.dat' using 1:8 with lines lt 6 lw 1.5 title '', \
     'relu_units.dat' using 1:9 with lines lt 6 lw 1.5 title '', \
     'relu_units.dat' using 1:10 with lines lt 6 lw 1.5 title '', \
     'relu_units.dat' using 1:11 with lines lt 6 lw 1.5 title '', \
     'relu_units.dat' using 1:12 with lines lt 2 lw 3 title 'sum + d = fit', \
     'fits_kinks.dat' using 1:2 with points pt 6 ps 1.6 lw 2 lc rgb 'black' title 'kinks'
