# gradient_a.gp: replot with `gnuplot gradient_a.gp` inside this folder.
set terminal pngcairo size 1000,800 enhanced font 'DejaVu Sans,13' linewidth 1.2
set output 'gradient_a.png'
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
set multiplot layout 2,1 title 'Gradient of a (slope): the raw per-sample value jumps, its moving average (β = 0.95) glides'
set ylabel '∂ℓ_i/∂a'
set key top right
set xlabel 'update (20 per epoch)'
set xrange [0:3000]
set object 1 rect from 400, graph 0 to 440, graph 1 fc rgb '#f0e442' fs solid 0.35 noborder behind
plot 'gradient_a.dat' using 1:2 with lines lt 8 lw 0.8 title 'raw gradient g', '' using 1:3 with lines lt 2 lw 2 title 'moving average m'
unset object 1
set xrange [400:440]
set xlabel sprintf('updates %d to %d, close up (the shaded band above)', 400, 440)
plot 'gradient_a.dat' using 1:2 with linespoints lt 8 lw 1 pt 7 ps 0.5 title 'raw gradient g', '' using 1:3 with linespoints lt 2 lw 2 pt 7 ps 0.5 title 'moving average m', 0 with lines lc rgb '#444444' dt 2 lw 1 notitle
unset multiplot
