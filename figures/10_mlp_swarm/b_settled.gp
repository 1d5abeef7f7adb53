# b_settled.gp: replot with `gnuplot b_settled.gp` inside this folder.
set terminal pngcairo size 1000,620 enhanced font 'DejaVu Sans,13' linewidth 1.2
set output 'b_settled.png'
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
set title 'Epoch from which the loss stays below 0.02, hive (b) little momentum: slow, and at η = 0.05 unstable' noenhanced offset 0,1.5
set xtics ('μ = 0, η = 0.01' 0, 'μ = 0, η = 0.05' 1, 'μ = 0.1, η = 0.01' 2, 'μ = 0.1, η = 0.05' 3, 'μ = 0.3, η = 0.01' 4, 'μ = 0.3, η = 0.05' 5) rotate by 20 right
set xrange [-0.6:5.6]
set yrange [0:270]
set ylabel 'epoch (top line: not within 250)'
set key at screen 0.5, screen 0.905 center horizontal noopaque nobox
set tmargin 5
set arrow from -0.6,250 to 5.6,250 nohead dt 3 lc rgb '#888888'
plot 'b_settled.dat' using 1:($3 == 1 ? $2 : 1/0) with points pt 7 ps 1.2 lt 1 title 'bee settles', \
     '' using 1:($3 == 0 ? $2 : 1/0) with points pt 2 ps 1.4 lt 2 title 'bee never settles', \
     'b_settled_median.dat' using ($1 - 0.2):2:(0.4):(0) with vectors nohead lw 4 lt 7 title 'median bee'
