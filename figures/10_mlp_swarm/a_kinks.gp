# a_kinks.gp: replot with `gnuplot a_kinks.gp` inside this folder.
set terminal pngcairo size 1100,1050 enhanced font 'DejaVu Sans,13' linewidth 1.2
set output 'a_kinks.png'
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
set xrange [-10:10]
set yrange [0:*]
set xlabel 'kink position x = -b/w'
set ylabel 'hidden units'
set style fill solid 0.6 noborder
set boxwidth 0.45
unset key
set object 1 rect from -5, graph 0 to 5, graph 1 fc rgb '#f0f0f0' fs solid behind
set multiplot layout 3,2 title 'Where the ReLU kinks sit (a) more momentum or a larger rate: faster fits (grey: the data, x in [-5, 5])' font ',15'
set title 'μ = 0.7, η = 0.002 (8 outside ±10)'
set yrange [0:20]
plot 'a_kinks.dat' index 0 using 1:2 with boxes lt 1 notitle
set title 'μ = 0.7, η = 0.01 (8 outside ±10)'
set yrange [0:20]
plot 'a_kinks.dat' index 1 using 1:2 with boxes lt 2 notitle
set title 'μ = 0.9, η = 0.002 (6 outside ±10)'
set yrange [0:18]
plot 'a_kinks.dat' index 2 using 1:2 with boxes lt 3 notitle
set title 'μ = 0.9, η = 0.01 (6 outside ±10)'
set yrange [0:20]
plot 'a_kinks.dat' index 3 using 1:2 with boxes lt 4 notitle
set title 'μ = 0.95, η = 0.002 (7 outside ±10)'
set yrange [0:24]
plot 'a_kinks.dat' index 4 using 1:2 with boxes lt 5 notitle
set title 'μ = 0.95, η = 0.01 (6 outside ±10)'
set yrange [0:26]
plot 'a_kinks.dat' index 5 using 1:2 with boxes lt 6 notitle
unset multiplot
