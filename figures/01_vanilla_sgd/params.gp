# params.gp: replot with `gnuplot params.gp` inside this folder.
set terminal pngcairo size 900,800 enhanced font 'DejaVu Sans,13' linewidth 1.2
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
set multiplot layout 2,1 title 'a overshoots onto the valley floor, then moves down it with b (dashed: the floor at the same b)'
set xlabel 'epoch'
set xrange [0:*]
set ylabel 'a (slope)'
set key bottom right
plot 1.5 with lines dt 3 lc rgb '#777777' lw 2.5 title 'true value', \
     'params.dat' index 0 using 1:2 with lines lt 2 title 'per-sample', \
     '' index 0 using 1:4 with lines lt 2 dt 2 lw 1.2 title 'dashed: valley floor a = 1.5 + 0.0189 (b + 28)', \
     'params.dat' index 1 using 1:2 with lines lt 3 title 'mini-batch', \
     '' index 1 using 1:4 with lines lt 3 dt 2 lw 1.2 notitle, \
     'params.dat' index 2 using 1:2 with lines lt 7 title 'full batch', \
     '' index 2 using 1:4 with lines lt 7 dt 2 lw 1.2 notitle
set ylabel 'b (intercept)'
set key bottom left
plot -28 with lines dt 3 lc rgb '#777777' lw 2.5 title 'true value', \
     'params.dat' index 0 using 1:3 with lines lt 2 title 'per-sample', \
     'params.dat' index 1 using 1:3 with lines lt 3 title 'mini-batch', \
     'params.dat' index 2 using 1:3 with lines lt 7 title 'full batch'
unset multiplot
