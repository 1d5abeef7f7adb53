# sweep.gp: replot with `gnuplot sweep.gp` inside this folder.
set terminal pngcairo size 1000,620 enhanced font 'DejaVu Sans,13' linewidth 1.2
set output 'sweep.png'
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
set title 'Momentum at η = 0.4: faster than plain GD along x while μ < 0.846, across y only while μ < 0.36'
set xlabel 'momentum μ'
set ylabel 'ρ: error factor per update (lower is faster)'
set xrange [0:1]
set yrange [0:1.05]
set key bottom right
set label 1 sprintf('x critically damped: μ = %.3f', 0.514) at 0.514, 0.717 point pt 6 ps 2 offset 1, -1.2
set label 2 sprintf('y critically damped: μ = %.3f', 0.0702) at 0.0702, 0.265 point pt 6 ps 2 offset 1, -1
set label 3 'beyond critical damping both axes ring: ρ = √μ' at 0.55, 0.95 center
plot 'sweep.dat' index 0 using 1:2 with lines lt 2 lw 2.5 title 'along x (λ = 0.2)', '' index 0 using 1:3 with lines lt 1 lw 2.5 title 'across y (λ = 4)', \
     0.92 with lines lt 2 dt 2 lw 1.5 title 'plain GD along x', 0.6 with lines lt 1 dt 2 lw 1.5 title 'plain GD across y', \
     '' index 1 using 1:2 with points lt 7 pt 7 ps 1.3 title 'measured, the worse axis'
