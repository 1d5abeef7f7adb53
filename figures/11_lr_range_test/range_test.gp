# range_test.gp: replot with `gnuplot range_test.gp` inside this folder.
set terminal pngcairo size 1000,620 enhanced font 'DejaVu Sans,13' linewidth 1.2
set output 'range_test.png'
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
set title 'Range test on Fashion-MNIST: the loss falls fastest a decade or more below where it blows up'
set logscale x
set format x '10^{%L}'
set xlabel 'learning rate η (log scale)'
set ylabel 'training loss (cross-entropy, per batch)'
set yrange [0:3.6]
set grid
set key top right box opaque font ',11'
plot 'range_test.dat' index 0 using 1:2 with lines lt 1 lw 0.9 title 'SGD (momentum 0.9), raw', '' index 0 using 1:3 with lines lt 1 lw 3 title 'SGD (momentum 0.9), smoothed (β = 0.98)', 'range_test.dat' index 1 using 1:2 with lines lt 2 lw 0.9 title 'Adam, raw', '' index 1 using 1:3 with lines lt 2 lw 3 title 'Adam, smoothed (β = 0.98)', 'range_test_marks.dat' index 0 using 1:($4 == 0 ? $2 : NaN) with points pt 11 ps 2.2 lc rgb 'black' title 'steepest descent', 'range_test_marks.dat' index 1 using 1:($4 == 0 ? $2 : NaN) with points pt 11 ps 2.2 lc rgb 'black' notitle, 'range_test_marks.dat' index 0 using 1:($4 == 1 ? $2 : NaN) with points pt 7 ps 2.2 lc rgb 'black' title 'lowest loss / 10', 'range_test_marks.dat' index 1 using 1:($4 == 1 ? $2 : NaN) with points pt 7 ps 2.2 lc rgb 'black' notitle, 'range_test_marks.dat' index 0 using 1:($4 == 2 ? $2 : NaN) with points pt 13 ps 2.2 lc rgb 'black' title 'valley', 'range_test_marks.dat' index 1 using 1:($4 == 2 ? $2 : NaN) with points pt 13 ps 2.2 lc rgb 'black' notitle
