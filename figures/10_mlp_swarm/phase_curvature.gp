# phase_curvature.gp: replot with `gnuplot phase_curvature.gp` inside this folder.
set terminal pngcairo size 1000,620 enhanced font 'DejaVu Sans,13' linewidth 1.2
set output 'phase_curvature.png'
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
set title 'Settled bees sit below or at the stability edge ηλ_{max} = 2(1 + μ): the larger η, the flatter their minimum' font ',13'
set logscale x
set format x '%g'
set xlabel 'learning rate η of the bee’s cell'
set xrange [8e-4:0.15]
set ylabel 'η·λ_{max} / 2(1 + μ)  at the last epoch'
set yrange [0:1.3]
set cblabel 'momentum μ'
set cbrange [0:1]
set palette defined (0 '#fdd0a2', 0.5 '#e6550d', 1 '#3f007d')
set key top left opaque box
set arrow from graph 0, first 1 to graph 1, first 1 nohead lw 2 lc rgb '#cc0000' front
plot 'phase_curvature.dat' using ($1 * exp(0.08 * (rand(0) - 0.5))):3:2 with points pt 7 ps 0.6 lc palette title 'one settled bee (η jittered within its cell)'
