# line_params.gp: replot with `gnuplot line_params.gp` inside this folder.
set terminal pngcairo size 1000,800 enhanced font 'DejaVu Sans,13' linewidth 1.2
set output 'line_params.png'
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
set multiplot layout 2,1 title 'a and b per update: Adam at η = 1, β_2 = 0.9 keeps shaking, the annealed runs and β_2 = 0.999 settle'
set lmargin 10
set xlabel 'update'
set key outside right top
set xrange [0:1500]
set ylabel 'a (slope)'
set yrange [0:3.5]
plot 1.5 with lines dt 2 lc rgb '#444444' lw 1.5 title 'true value', \
     'line.dat' index 0 using 1:2 with lines lt 2 lw 1.5 title 'Adam', \
     'line.dat' index 1 using 1:2 with lines lt 3 lw 2 title 'AdamAnn', \
     'line.dat' index 2 using 1:2 with lines lt 4 lw 2 dt 2 title 'Adam + cosine', \
     'line.dat' index 3 using 1:2 with lines lt 1 lw 2 title 'Adam, β_2 0.999'
set ylabel 'b (intercept)'
set yrange [-36:4]
plot -28 with lines dt 2 lc rgb '#444444' lw 1.5 title 'true value', \
     'line.dat' index 0 using 1:3 with lines lt 2 lw 1.5 title 'Adam', \
     'line.dat' index 1 using 1:3 with lines lt 3 lw 2 title 'AdamAnn', \
     'line.dat' index 2 using 1:3 with lines lt 4 lw 2 dt 2 title 'Adam + cosine', \
     'line.dat' index 3 using 1:3 with lines lt 1 lw 2 title 'Adam, β_2 0.999'
unset multiplot
