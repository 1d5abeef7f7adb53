# c_kinks.gp: replot with `gnuplot c_kinks.gp` inside this folder.
set terminal pngcairo size 1100,1050 enhanced font 'DejaVu Sans,13' linewidth 1.2
set output 'c_kinks.png'
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
set xrange [-0.5:249.5]
set yrange [-5:5]
set xlabel 'epoch'
set ylabel 'kink x = -b/w'
set ytics 2.5
set cbrange [0:12]
set cblabel 'units per bin'
set palette defined (0 'white', 1 '#9ecae1', 3 '#3182bd', 6 '#08306b')
set grid front
unset key
set multiplot layout 3,2 title 'Hive (c): where the kinks −b/w sit within the data, epoch by epoch (at μ = 0.99 they wander)' font ',14'
set title 'μ = 0.9, η = 0.002'
plot 'c_kinks.dat' index 0 using 1:2:3 with image
set title 'μ = 0.9, η = 0.01'
plot 'c_kinks.dat' index 1 using 1:2:3 with image
set title 'μ = 0.96, η = 0.002'
plot 'c_kinks.dat' index 2 using 1:2:3 with image
set title 'μ = 0.96, η = 0.01'
plot 'c_kinks.dat' index 3 using 1:2:3 with image
set title 'μ = 0.99, η = 0.002'
plot 'c_kinks.dat' index 4 using 1:2:3 with image
set title 'μ = 0.99, η = 0.01'
plot 'c_kinks.dat' index 5 using 1:2:3 with image
unset multiplot
