# fits.gp: replot with `gnuplot fits.gp` inside this folder.
set terminal pngcairo size 1500,520 enhanced font 'DejaVu Sans,13' linewidth 1.2
set output 'fits.png'
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
set multiplot layout 1,3 title 'The same network after 1000 epochs: ReLU bends only at its kinks x = -b1_j/W1_j, tanh and sigmoid are smooth'
set xlabel 'x'
set ylabel 'y'
set xrange [-5.3:5.3]
set yrange [-1.6:2.3]
set key top center
set title 'relu: final loss 0.0110'
plot 'points.dat' using 1:2 with points pt 7 ps 0.6 lc rgb '#555555' title 'sin(x), 61 points', \
     'fits.dat' index 0 using 1:2 with lines lt 2 lw 2.5 title 'network', \
     'fits_kinks.dat' using 1:2 with points pt 6 ps 1.6 lw 2 lc rgb 'black' title 'kink x = -b1_j/W1_j'
set title 'tanh: final loss 0.0023'
plot 'points.dat' using 1:2 with points pt 7 ps 0.6 lc rgb '#555555' title 'sin(x), 61 points', \
     'fits.dat' index 1 using 1:2 with lines lt 1 lw 2.5 title 'network'
set title 'sigmoid: final loss 0.0138'
plot 'points.dat' using 1:2 with points pt 7 ps 0.6 lc rgb '#555555' title 'sin(x), 61 points', \
     'fits.dat' index 2 using 1:2 with lines lt 3 lw 2.5 title 'network'
unset multiplot
