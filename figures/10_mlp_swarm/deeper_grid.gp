# deeper_grid.gp: replot with `gnuplot deeper_grid.gp` inside this folder.
set terminal pngcairo size 1100,1300 enhanced font 'DejaVu Sans,13' linewidth 1.2
set output 'deeper_grid.png'
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
set linetype 11 lc rgb '#0072B2'
set linetype 12 lc rgb '#D55E00'
set linetype 13 lc rgb '#009E73'
set linetype 14 lc rgb '#CC79A7'
set linetype 15 lc rgb '#E69F00'
set linetype 16 lc rgb '#56B4E9'
set linetype 17 lc rgb '#000000'
set linetype 18 lc rgb '#882255'
set linetype 19 lc rgb '#999933'
set linetype 20 lc rgb '#44AA99'
set linetype 21 lc rgb '#BBBBBB'
set xrange [-5.3:5.3]
set yrange [-1.7:1.7]
set xtics 2.5
set ytics 1
set xlabel 'x'
set ylabel 'prediction'
unset key
set multiplot layout 4,2 title 'Hive 1-10-10-1: a second layer settles more bees (epoch 249, 10 bees a cell)' font ',15'
set title 'μ = 0.7, η = 0.002'
plot 'target.dat' using 1:2 with points pt 7 ps 0.5 lc rgb '#aaaaaa', 'deeper_grid.dat' index 0 using 1:2:3 with lines lw 1.5 lc variable
set title 'μ = 0.7, η = 0.01'
plot 'target.dat' using 1:2 with points pt 7 ps 0.5 lc rgb '#aaaaaa', 'deeper_grid.dat' index 1 using 1:2:3 with lines lw 1.5 lc variable
set title 'μ = 0.9, η = 0.002'
plot 'target.dat' using 1:2 with points pt 7 ps 0.5 lc rgb '#aaaaaa', 'deeper_grid.dat' index 2 using 1:2:3 with lines lw 1.5 lc variable
set title 'μ = 0.9, η = 0.01'
plot 'target.dat' using 1:2 with points pt 7 ps 0.5 lc rgb '#aaaaaa', 'deeper_grid.dat' index 3 using 1:2:3 with lines lw 1.5 lc variable
set title 'μ = 0.96, η = 0.002'
plot 'target.dat' using 1:2 with points pt 7 ps 0.5 lc rgb '#aaaaaa', 'deeper_grid.dat' index 4 using 1:2:3 with lines lw 1.5 lc variable
set title 'μ = 0.96, η = 0.01'
plot 'target.dat' using 1:2 with points pt 7 ps 0.5 lc rgb '#aaaaaa', 'deeper_grid.dat' index 5 using 1:2:3 with lines lw 1.5 lc variable
set title 'μ = 0.99, η = 0.002'
plot 'target.dat' using 1:2 with points pt 7 ps 0.5 lc rgb '#aaaaaa', 'deeper_grid.dat' index 6 using 1:2:3 with lines lw 1.5 lc variable
set title 'μ = 0.99, η = 0.01'
plot 'target.dat' using 1:2 with points pt 7 ps 0.5 lc rgb '#aaaaaa', 'deeper_grid.dat' index 7 using 1:2:3 with lines lw 1.5 lc variable
unset multiplot
