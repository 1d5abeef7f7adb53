# range_test_convnet_change.gp: replot with `gnuplot range_test_convnet_change.gp` inside this folder.
set terminal pngcairo size 1300,650 enhanced font 'DejaVu Sans,13' linewidth 1.2
set output 'range_test_convnet_change.png'
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
set title "The article's reading of the convnet: the loss's change per batch over 20 batches, most negative where it learns fastest"
set logscale x
set format x '10^{%L}'
set xlabel 'learning rate η (log scale)'
set ylabel 'Δ_i = (ℓ_i − ℓ_{i−k}) / k,  k = 20'
set key outside right top box opaque font ',11'
set xzeroaxis lt -1
set yrange [-0.179014:0.180014]
set arrow from 10**-1.95, graph 0 to 10**-1.95, graph 1 nohead dt 3 lw 2 lc 1 back
set arrow from 10**-3.95, graph 0 to 10**-3.95, graph 1 nohead dt 3 lw 2 lc 2 back
set label "the article's\nSGD pick" at 10**-1.9, graph 0.93 tc lt 1 font ',10'
set label "the article's\nAdam pick" at 10**-3.9, graph 0.93 tc lt 2 font ',10'
plot 'range_test_convnet.dat' index 0 using 1:5 with lines lt 1 lw 2.5 title 'SGD', 'range_test_convnet.dat' index 1 using 1:5 with lines lt 2 lw 2.5 title 'Adam', 'range_test_convnet.dat' index 2 using 1:5 with lines lt 3 lw 2.5 title 'SGD, momentum 0.9', 'range_test_convnet_marks.dat' index 0 using 1:($4 == 0 ? $3 : NaN) with points pt 11 ps 2.2 lc rgb 'black' title 'steepest descent', 'range_test_convnet_marks.dat' index 1 using 1:($4 == 0 ? $3 : NaN) with points pt 11 ps 2.2 lc rgb 'black' notitle, 'range_test_convnet_marks.dat' index 2 using 1:($4 == 0 ? $3 : NaN) with points pt 11 ps 2.2 lc rgb 'black' notitle
