# theory_map.gp: replot with `gnuplot theory_map.gp` inside this folder.
set terminal pngcairo size 1000,760 enhanced font 'DejaVu Sans,13' linewidth 1.2
set output 'theory_map.png'
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
set title 'Heavy ball on a quadratic: the error shrinks by max|z| per step' font ',14'
set xlabel 'η·λ  (rate × curvature)'
set ylabel 'momentum μ'
set xrange [0:4.4]
set yrange [0:0.99]
set cbrange [0:1]
set cblabel 'max|z|: 0 = done in a step, 1 = no progress (white: it grows)'
set palette defined (0 '#08306b', 0.5 '#4292c6', 0.8 '#c6dbef', 0.95 '#fee391', 1 '#ec7014')
set key at screen 0.45, screen 0.01 center bottom horizontal maxrows 2 opaque box
set bmargin 8
set label 1 'over-damped' at 0.45, 0.78 front
set arrow 2 from 0.43, 0.77 to 0.05, 0.6 lw 1.5 front
set label 2 'under-damped: |z| = √μ' at 0.9, 0.55 front
set label 3 'flipping: the sign flips every step' at 2.55, 0.06 front
set arrow 1 from 2.53, 0.065 to 2.12, 0.08 lw 1.5 front
set label 4 'unstable' at 3.5, 0.45 front
plot 'theory_map.dat' using 1:2:($3 < 1 ? $3 : 1/0) with image notitle, \
     'theory_map_curves.dat' index 0 using 1:2 with lines lw 3 lc rgb '#cc0000' title 'stability edge ηλ = 2(1 + μ)', \
     '' index 1 using 1:2 with lines lw 2 dt 2 lc rgb '#000000' title 'critical damping ηλ = (1 ∓ √μ)²', \
     '' index 2 using 1:2 with lines lw 2 dt 2 lc rgb '#000000' notitle, \
     'theory_map_cells.dat' using 1:2 with points pt 7 ps 1.3 lc rgb '#000000' title 'the post’s cells, at λ = λ_{max} of the settled bees'
