# schedule.gp: replot with `gnuplot schedule.gp` inside this folder.
set terminal pngcairo size 900,600 enhanced font 'DejaVu Sans,13' linewidth 1.2
set output 'schedule.png'
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
set title 'When η changes: torch and the average rescale the whole velocity, Δθ keeps its old steps'
set xlabel 'update (the rate drops tenfold after updates 25, 50, 75)'
set ylabel 'step length |θ_t - θ_{t-1}|'
set logscale y
set format y '10^{%L}'
set key bottom left
set xrange [0:*]
do for [k = 1:3] { set arrow k from 25*k, graph 0 to 25*k, graph 1 nohead lc rgb '#999999' dt 2 }
plot 'schedule.dat' index 0 using 1:2 with lines lt 3 lw 4 title 'torch velocity u, η_t = 0.4 · 0.1^{⌊t/25⌋}', '' index 1 using 1:2 with lines lt 7 lw 1.5 dt 2 title 'the average m, η_t = 4 · 0.1^{⌊t/25⌋}', '' index 2 using 1:2 with lines lt 4 lw 2 title 'the lecture’s Δθ, the same η_t as torch'
