# range_test_mlp.gp: replot with `gnuplot range_test_mlp.gp` inside this folder.
set terminal pngcairo size 1300,650 enhanced font 'DejaVu Sans,13' linewidth 1.2
set output 'range_test_mlp.png'
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
set title "Range test of the mlp, 240 batches or fewer: Adam learns fastest 2 to 3 decades below plain SGD"
set logscale x
set format x '10^{%L}'
set xlabel 'learning rate η (log scale)'
set ylabel 'training loss (cross-entropy, per batch)'
set yrange [0:3.2]
set key outside right top box opaque font ',11'
set label "thin: every batch\nthick: centred mean\nof 21 batches" at screen 0.815, screen 0.45 font ',11'
set arrow from 10**-1.95, graph 0 to 10**-1.95, graph 1 nohead dt 3 lw 2 lc 1 back
set arrow from 10**-3.95, graph 0 to 10**-3.95, graph 1 nohead dt 3 lw 2 lc 2 back
set label "the article's\nSGD pick" at 10**-1.9, graph 0.93 tc lt 1 font ',10'
set label "the article's\nAdam pick" at 10**-3.9, graph 0.93 tc lt 2 font ',10'
plot 'range_test_mlp.dat' index 0 using 1:2 with lines lt 1 lw 0.6 notitle, '' index 0 using 1:3 with lines lt 1 lw 3 title 'SGD', 'range_test_mlp.dat' index 1 using 1:2 with lines lt 2 lw 0.6 notitle, '' index 1 using 1:3 with lines lt 2 lw 3 title 'Adam', 'range_test_mlp.dat' index 2 using 1:2 with lines lt 3 lw 0.6 notitle, '' index 2 using 1:3 with lines lt 3 lw 3 title 'SGD, momentum 0.9', 'range_test_mlp_marks.dat' index 0 using 1:($4 == 0 ? $2 : NaN) with points pt 11 ps 2.2 lc rgb 'black' title 'steepest descent (the article)', 'range_test_mlp_marks.dat' index 1 using 1:($4 == 0 ? $2 : NaN) with points pt 11 ps 2.2 lc rgb 'black' notitle, 'range_test_mlp_marks.dat' index 2 using 1:($4 == 0 ? $2 : NaN) with points pt 11 ps 2.2 lc rgb 'black' notitle, 'range_test_mlp_marks.dat' index 0 using 1:($4 == 1 ? $2 : NaN) with points pt 13 ps 2.2 lc rgb 'black' title 'valley (fastai)', 'range_test_mlp_marks.dat' index 1 using 1:($4 == 1 ? $2 : NaN) with points pt 13 ps 2.2 lc rgb 'black' notitle, 'range_test_mlp_marks.dat' index 2 using 1:($4 == 1 ? $2 : NaN) with points pt 13 ps 2.2 lc rgb 'black' notitle, 'range_test_mlp_marks.dat' index 0 using 1:($4 == 2 ? $2 : NaN) with points pt 8 ps 2.2 lc rgb 'black' title 'Smith: starts to fall', 'range_test_mlp_marks.dat' index 1 using 1:($4 == 2 ? $2 : NaN) with points pt 8 ps 2.2 lc rgb 'black' notitle, 'range_test_mlp_marks.dat' index 2 using 1:($4 == 2 ? $2 : NaN) with points pt 8 ps 2.2 lc rgb 'black' notitle, 'range_test_mlp_marks.dat' index 0 using 1:($4 == 3 ? $2 : NaN) with points pt 10 ps 2.2 lc rgb 'black' title 'Smith: stops falling', 'range_test_mlp_marks.dat' index 1 using 1:($4 == 3 ? $2 : NaN) with points pt 10 ps 2.2 lc rgb 'black' notitle, 'range_test_mlp_marks.dat' index 2 using 1:($4 == 3 ? $2 : NaN) with points pt 10 ps 2.2 lc rgb 'black' notitle
