# loss.gp: replot with `gnuplot loss.gp` inside this folder.
set terminal pngcairo size 1400,620 enhanced font 'DejaVu Sans,13' linewidth 1.2
set output 'loss.png'
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
set multiplot layout 1,2 title 'Loss per step: momentum (orange) against Nesterov (green), the same η and μ in each race'
set logscale y
set format y '10^{%L}'
set yrange [1e-20:1e4]
set ylabel 'loss L(θ_t)'
set key bottom left
set title 'ravine 0.1x² + 2y², start (−5, −2)'
set xlabel 'step t'
set key top right
set xrange [0:300]
set label 1 'Nesterov at η = 0.4 diverges (off the top)' at graph 0.03, graph 0.05 tc lt 3
plot 1e-6 with lines lc rgb '#888888' dt 3 lw 1.5 title 'loss 10^{-6}', \
     'loss.dat' index 0 every ::1 using 1:2 with lines lt 2 lw 2 title 'momentum (η = 0.3, μ = 0.9)', \
     'loss.dat' index 1 every ::1 using 1:2 with lines lt 3 lw 2 title 'Nesterov (η = 0.3, μ = 0.9)', \
     'loss.dat' index 2 every ::1 using 1:2 with lines lt 2 lw 1.5 dt 2 title 'momentum (η = 0.4, μ = 0.9)', \
     'loss.dat' index 3 every ::1 using 1:2 with lines lt 3 lw 1.5 dt 2 title 'Nesterov (η = 0.4, μ = 0.9)'
unset label 1
set key bottom left
set title 'Rosenbrock, start (−1.5, 2)'
set logscale x
set xlabel 'step t (log scale)'
set xrange [1:3000]
plot 1e-6 with lines lc rgb '#888888' dt 3 lw 1.5 title 'loss 10^{-6}', \
     'loss.dat' index 4 every ::1 using 1:2 with lines lt 2 lw 2 title 'momentum (η = 0.001, μ = 0.9)', \
     'loss.dat' index 5 every ::1 using 1:2 with lines lt 3 lw 2 title 'Nesterov (η = 0.001, μ = 0.9)', \
     'loss.dat' index 6 every ::1 using 1:2 with lines lt 2 lw 1.5 dt 2 title 'momentum (η = 0.001, μ = 0.95)', \
     'loss.dat' index 7 every ::1 using 1:2 with lines lt 3 lw 1.5 dt 2 title 'Nesterov (η = 0.001, μ = 0.95)'
unset multiplot
