# b_grid.gp: replot with `gnuplot b_grid.gp` inside this folder.
set terminal pngcairo size 1100,1050 enhanced font 'DejaVu Sans,13' linewidth 1.2
set output 'b_grid.png'
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
array bee[10] = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000', '#882255', '#999933', '#44AA99']
set xrange [-5.3:5.3]
set yrange [-1.7:1.7]
set key top left
set xlabel 'x'
set ylabel 'prediction'
set xtics 2.5
set multiplot layout 3,2 title 'Hive (b) little momentum: slow, and at η = 0.05 unstable (epoch 249, 10 bees a cell)' font ',15'
set key top left
set title 'μ = 0, η = 0.01'
plot 'target.dat' using 1:2 with points pt 7 ps 0.6 lc rgb '#aaaaaa' title 'sin x', \
     'b_grid.dat' index 0 using 1:2 with lines lw 1.5 lc rgb bee[1] notitle, \
     'b_grid.dat' index 0 using 1:3 with lines lw 1.5 lc rgb bee[2] notitle, \
     'b_grid.dat' index 0 using 1:4 with lines lw 1.5 lc rgb bee[3] notitle, \
     'b_grid.dat' index 0 using 1:5 with lines lw 1.5 lc rgb bee[4] notitle, \
     'b_grid.dat' index 0 using 1:6 with lines lw 1.5 lc rgb bee[5] notitle, \
     'b_grid.dat' index 0 using 1:7 with lines lw 1.5 lc rgb bee[6] notitle, \
     'b_grid.dat' index 0 using 1:8 with lines lw 1.5 lc rgb bee[7] notitle, \
     'b_grid.dat' index 0 using 1:9 with lines lw 1.5 lc rgb bee[8] notitle, \
     'b_grid.dat' index 0 using 1:10 with lines lw 1.5 lc rgb bee[9] notitle, \
     'b_grid.dat' index 0 using 1:11 with lines lw 1.5 lc rgb bee[10] notitle
unset key
set title 'μ = 0, η = 0.05'
plot 'target.dat' using 1:2 with points pt 7 ps 0.6 lc rgb '#aaaaaa' notitle, \
     'b_grid.dat' index 1 using 1:2 with lines lw 1.5 lc rgb bee[1] notitle, \
     'b_grid.dat' index 1 using 1:3 with lines lw 1.5 lc rgb bee[2] notitle, \
     'b_grid.dat' index 1 using 1:4 with lines lw 1.5 lc rgb bee[3] notitle, \
     'b_grid.dat' index 1 using 1:5 with lines lw 1.5 lc rgb bee[4] notitle, \
     'b_grid.dat' index 1 using 1:6 with lines lw 1.5 lc rgb bee[5] notitle, \
     'b_grid.dat' index 1 using 1:7 with lines lw 1.5 lc rgb bee[6] notitle, \
     'b_grid.dat' index 1 using 1:8 with lines lw 1.5 lc rgb bee[7] notitle, \
     'b_grid.dat' index 1 using 1:9 with lines lw 1.5 lc rgb bee[8] notitle, \
     'b_grid.dat' index 1 using 1:10 with lines lw 1.5 lc rgb bee[9] notitle, \
     'b_grid.dat' index 1 using 1:11 with lines lw 1.5 lc rgb bee[10] notitle
unset key
set title 'μ = 0.1, η = 0.01'
plot 'target.dat' using 1:2 with points pt 7 ps 0.6 lc rgb '#aaaaaa' notitle, \
     'b_grid.dat' index 2 using 1:2 with lines lw 1.5 lc rgb bee[1] notitle, \
     'b_grid.dat' index 2 using 1:3 with lines lw 1.5 lc rgb bee[2] notitle, \
     'b_grid.dat' index 2 using 1:4 with lines lw 1.5 lc rgb bee[3] notitle, \
     'b_grid.dat' index 2 using 1:5 with lines lw 1.5 lc rgb bee[4] notitle, \
     'b_grid.dat' index 2 using 1:6 with lines lw 1.5 lc rgb bee[5] notitle, \
     'b_grid.dat' index 2 using 1:7 with lines lw 1.5 lc rgb bee[6] notitle, \
     'b_grid.dat' index 2 using 1:8 with lines lw 1.5 lc rgb bee[7] notitle, \
     'b_grid.dat' index 2 using 1:9 with lines lw 1.5 lc rgb bee[8] notitle, \
     'b_grid.dat' index 2 using 1:10 with lines lw 1.5 lc rgb bee[9] notitle, \
     'b_grid.dat' index 2 using 1:11 with lines lw 1.5 lc rgb bee[10] notitle
unset key
set title 'μ = 0.1, η = 0.05'
plot 'target.dat' using 1:2 with points pt 7 ps 0.6 lc rgb '#aaaaaa' notitle, \
     'b_grid.dat' index 3 using 1:2 with lines lw 1.5 lc rgb bee[1] notitle, \
     'b_grid.dat' index 3 using 1:3 with lines lw 1.5 lc rgb bee[2] notitle, \
     'b_grid.dat' index 3 using 1:4 with lines lw 1.5 lc rgb bee[3] notitle, \
     'b_grid.dat' index 3 using 1:5 with lines lw 1.5 lc rgb bee[4] notitle, \
     'b_grid.dat' index 3 using 1:6 with lines lw 1.5 lc rgb bee[5] notitle, \
     'b_grid.dat' index 3 using 1:7 with lines lw 1.5 lc rgb bee[6] notitle, \
     'b_grid.dat' index 3 using 1:8 with lines lw 1.5 lc rgb bee[7] notitle, \
     'b_grid.dat' index 3 using 1:9 with lines lw 1.5 lc rgb bee[8] notitle, \
     'b_grid.dat' index 3 using 1:10 with lines lw 1.5 lc rgb bee[9] notitle, \
     'b_grid.dat' index 3 using 1:11 with lines lw 1.5 lc rgb bee[10] notitle
unset key
set title 'μ = 0.3, η = 0.01'
plot 'target.dat' using 1:2 with points pt 7 ps 0.6 lc rgb '#aaaaaa' notitle, \
     'b_grid.dat' index 4 using 1:2 with lines lw 1.5 lc rgb bee[1] notitle, \
     'b_grid.dat' index 4 using 1:3 with lines lw 1.5 lc rgb bee[2] notitle, \
     'b_grid.dat' index 4 using 1:4 with lines lw 1.5 lc rgb bee[3] notitle, \
     'b_grid.dat' index 4 using 1:5 with lines lw 1.5 lc rgb bee[4] notitle, \
     'b_grid.dat' index 4 using 1:6 with lines lw 1.5 lc rgb bee[5] notitle, \
     'b_grid.dat' index 4 using 1:7 with lines lw 1.5 lc rgb bee[6] notitle, \
     'b_grid.dat' index 4 using 1:8 with lines lw 1.5 lc rgb bee[7] notitle, \
     'b_grid.dat' index 4 using 1:9 with lines lw 1.5 lc rgb bee[8] notitle, \
     'b_grid.dat' index 4 using 1:10 with lines lw 1.5 lc rgb bee[9] notitle, \
     'b_grid.dat' index 4 using 1:11 with lines lw 1.5 lc rgb bee[10] notitle
unset key
set title 'μ = 0.3, η = 0.05'
plot 'target.dat' using 1:2 with points pt 7 ps 0.6 lc rgb '#aaaaaa' notitle, \
     'b_grid.dat' index 5 using 1:2 with lines lw 1.5 lc rgb bee[1] notitle, \
     'b_grid.dat' index 5 using 1:3 with lines lw 1.5 lc rgb bee[2] notitle, \
     'b_grid.dat' index 5 using 1:4 with lines lw 1.5 lc rgb bee[3] notitle, \
     'b_grid.dat' index 5 using 1:5 with lines lw 1.5 lc rgb bee[4] notitle, \
     'b_grid.dat' index 5 using 1:6 with lines lw 1.5 lc rgb bee[5] notitle, \
     'b_grid.dat' index 5 using 1:7 with lines lw 1.5 lc rgb bee[6] notitle, \
     'b_grid.dat' index 5 using 1:8 with lines lw 1.5 lc rgb bee[7] notitle, \
     'b_grid.dat' index 5 using 1:9 with lines lw 1.5 lc rgb bee[8] notitle, \
     'b_grid.dat' index 5 using 1:10 with lines lw 1.5 lc rgb bee[9] notitle, \
     'b_grid.dat' index 5 using 1:11 with lines lw 1.5 lc rgb bee[10] notitle
unset multiplot
