# himmelblau_noise.gp: replot with `gnuplot himmelblau_noise.gp` inside this folder.
set terminal pngcairo size 1000,620 enhanced font 'DejaVu Sans,13' linewidth 1.2
set output 'himmelblau_noise.png'
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
set title 'Hops need noise: none up to σ = 10; then restarts hop more than one cosine, less than a constant rate'
set xlabel 'gradient noise σ'
set ylabel 'in 240 runs: hops (solid), runs that hopped (dashed)'
set key top left
set xrange [0:40]
set yrange [0:*]
plot 'himmelblau_noise.dat' index 0 using 1:2 with linespoints lt 8 title 'constant rate', \
     '' index 1 using 1:2 with linespoints lt 1 title 'one cosine', \
     '' index 2 using 1:2 with linespoints lt 2 title 'SGDR (restarts)', \
     '' index 0 using 1:3 with linespoints lt 8 dt 2 notitle, \
     '' index 1 using 1:3 with linespoints lt 1 dt 2 notitle, \
     '' index 2 using 1:3 with linespoints lt 2 dt 2 notitle
