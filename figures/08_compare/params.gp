# params.gp: replot with `gnuplot params.gp` inside this folder.
set terminal pngcairo size 1000,800 enhanced font 'DejaVu Sans,13' linewidth 1.2
set output 'params.png'
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
set multiplot layout 2,1 title 'a and b per iteration against the true line (dashed): SGD and momentum crawl along b'
set xlabel 'iteration (one update per sample; 30 per epoch)'
set xrange [0:1500]
set key outside right top
set lmargin 10
set ylabel 'a (slope)'
plot 'loss.dat' index 0 using 1:2 with lines lt 2 lw 4 title 'SGD', \
     'loss.dat' index 1 using 1:2 with lines lt 3 lw 1.5 title 'Momentum', \
     'loss.dat' index 2 using 1:2 with lines lt 7 lw 1.5 title 'Adam', \
     'loss.dat' index 3 using 1:2 with lines lt 4 lw 1.5 title 'AdamAnn', \
     1.5 with lines dt 2 lc rgb '#444444' lw 2 title 'true value'
set ylabel 'b (intercept)'
plot 'loss.dat' index 0 using 1:3 with lines lt 2 lw 4 title 'SGD', \
     'loss.dat' index 1 using 1:3 with lines lt 3 lw 1.5 title 'Momentum', \
     'loss.dat' index 2 using 1:3 with lines lt 7 lw 1.5 title 'Adam', \
     'loss.dat' index 3 using 1:3 with lines lt 4 lw 1.5 title 'AdamAnn', \
     -28 with lines dt 2 lc rgb '#444444' lw 2 title 'true value'
unset multiplot
