# sweep_ravine.gp: replot with `gnuplot sweep_ravine.gp` inside this folder.
set terminal pngcairo size 1000,620 enhanced font 'DejaVu Sans,13' linewidth 1.2
set output 'sweep_ravine.png'
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
set title 'Ravine at η = 0.3: Nesterov needs fewer steps from μ = 0.7 on, where momentum rings'
set xlabel 'momentum μ'
set ylabel 'steps until the loss stays below 10^{-6}'
set logscale y
set key top left
set xrange [0:1]
plot 'sweep_ravine.dat' index 0 using 1:2 with points lt 2 pt 7 ps 1.5 title 'momentum, run', '' index 1 using 1:2 with lines lt 2 dt 2 title 'momentum, linear theory', \
     '' index 0 using 1:3 with points lt 3 pt 9 ps 1.7 title 'Nesterov, run', '' index 1 using 1:3 with lines lt 3 dt 2 title 'Nesterov, linear theory'
