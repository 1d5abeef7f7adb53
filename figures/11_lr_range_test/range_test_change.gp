# range_test_change.gp: replot with `gnuplot range_test_change.gp` inside this folder.
set terminal pngcairo size 1000,620 enhanced font 'DejaVu Sans,13' linewidth 1.2
set output 'range_test_change.png'
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
set title "Change of the loss per batch (mean of the last 20): most negative where the rate teaches fastest"
set logscale x
set format x '10^{%L}'
set xlabel 'learning rate η (log scale)'
set ylabel '(ℓ_i − ℓ_{i−k}) / k,  k = 20'
set grid
set key top left box opaque
set xzeroaxis lt -1
set yrange [-0.0593095:0.0603095]
plot 'range_test.dat' index 0 using 1:4 with lines lt 1 lw 2.5 title 'SGD (momentum 0.9)', 'range_test.dat' index 1 using 1:4 with lines lt 2 lw 2.5 title 'Adam', 'range_test_marks.dat' index 0 using 1:($4 == 0 ? $3 : NaN) with points pt 11 ps 2.2 lc rgb 'black' title 'steepest descent', 'range_test_marks.dat' index 1 using 1:($4 == 0 ? $3 : NaN) with points pt 11 ps 2.2 lc rgb 'black' notitle
