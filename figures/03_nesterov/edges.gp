# edges.gp: replot with `gnuplot edges.gp` inside this folder.
set terminal pngcairo size 1000,620 enhanced font 'DejaVu Sans,13' linewidth 1.2
set output 'edges.png'
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
set title 'The stability edges at μ = 0.9: 3 % inside each, the ravine converges; 3 % past it, it diverges'
set xlabel 'step t'
set ylabel 'loss L(θ_t)'
set logscale y
set format y '10^{%L}'
set key bottom left
set xrange [0:*]
set yrange [1e-30:1e30]
plot 1 with lines lc rgb '#888888' dt 3 notitle, \
     'edges.dat' index 0 using 1:2 with lines lt 2 lw 2 title 'momentum (η = 0.9215, μ = 0.9), 3 % inside the edge', \
     'edges.dat' index 1 using 1:2 with lines lt 2 dt 2 lw 2 title 'momentum (η = 0.9785, μ = 0.9), 3 % past the edge', \
     'edges.dat' index 2 using 1:2 with lines lt 3 lw 2 title 'Nesterov (η = 0.3291, μ = 0.9), 3 % inside the edge', \
     'edges.dat' index 3 using 1:2 with lines lt 3 dt 2 lw 2 title 'Nesterov (η = 0.3495, μ = 0.9), 3 % past the edge'
