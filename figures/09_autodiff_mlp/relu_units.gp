# relu_units.gp: replot with `gnuplot relu_units.gp` inside this folder.
set terminal pngcairo size 1150,650 enhanced font 'DejaVu Sans,13' linewidth 1.2
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
set title 'The ReLU fit is the sum of its units: each is 0 on one side of its kink and a straight line on the other'
set xlabel 'x'
set ylabel 'contribution to the output p(x)'
set xrange [-5.3:5.3]
set yrange [-6:5]
set key outside right top
plot 'points.dat' using 1:2 with points pt 7 ps 0.5 lc rgb '#555555' title 'sin(x)', \
     'relu_units.dat' using 1:2 with lines lw 2 lc rgb '#E69F00' title 'unit 1, kink at 0.44', \
     '+' using (0.443981):(0) every ::0::0 with points pt 7 ps 1.2 lc rgb '#E69F00' notitle, \
     'relu_units.dat' using 1:3 with lines lw 2 lc rgb '#56B4E9' title 'unit 2, kink at 2.00', \
     '+' using (1.99928):(0) every ::0::0 with points pt 7 ps 1.2 lc rgb '#56B4E9' notitle, \
     'relu_units.dat' using 1:4 with lines lw 2 lc rgb '#009E73' title 'unit 3, kink at -1.42', \
     '+' using (-1.42482):(0) every ::0::0 with points pt 7 ps 1.2 lc rgb '#009E73' notitle, \
     'relu_units.dat' using 1:5 with lines lw 2 lc rgb '#9467BD' title 'unit 4, kink at -0.95', \
     '+' using (-0.952012):(0) every ::0::0 with points pt 7 ps 1.2 lc rgb '#9467BD' notitle, \
     'relu_units.dat' using 1:6 with lines lw 2 lc rgb '#0072B2' title 'unit 5, kink at -0.87', \
     '+' using (-0.873201):(0) every ::0::0 with points pt 7 ps 1.2 lc rgb '#0072B2' notitle, \
     'relu_units.dat' using 1:7 with lines lw 2 lc rgb '#BCBD22' title 'unit 6, kink at -2.04', \
     '+' using (-2.04088):(0) every ::0::0 with points pt 7 ps 1.2 lc rgb '#BCBD22' notitle, \
     'relu_units.dat' using 1:8 with lines lw 2 lc rgb '#CC79A7' title 'unit 7, kink at 1.13', \
     '+' using (1.12993):(0) every ::0::0 with points pt 7 ps 1.2 lc rgb '#CC79A7' notitle, \
     'relu_units.dat' using 1:9 with lines lw 2 lc rgb '#000000' dt 2 title 'unit 8, no kink: dead', \
     'relu_units.dat' using 1:10 with lines lw 2 lc rgb '#8C564B' title 'unit 9, kink at 2.00', \
     '+' using (1.99995):(0) every ::0::0 with points pt 7 ps 1.2 lc rgb '#8C564B' notitle, \
     'relu_units.dat' using 1:11 with lines lw 2 lc rgb '#7F7F7F' title 'unit 10, kink at -3.67', \
     '+' using (-3.66812):(0) every ::0::0 with points pt 7 ps 1.2 lc rgb '#7F7F7F' notitle, \
     'relu_units.dat' using 1:12 with lines lc rgb '#D55E00' lw 4 dt 1 title 'sum + b2 = fit', \
     'fits_kinks.dat' using 1:2 with points pt 6 ps 1.6 lw 2 lc rgb 'black' title 'kinks on the fit'
