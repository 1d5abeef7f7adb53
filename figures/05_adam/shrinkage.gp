# shrinkage.gp: replot with `gnuplot shrinkage.gp` inside this folder.
set terminal pngcairo size 1000,600 enhanced font 'DejaVu Sans,13' linewidth 1.2
set output 'shrinkage.png'
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
set title 'Where the runs end: L2 shrinks by curvature, AdamW caps every |θ_i| at 1/ω'
set xlabel 'weight decay ω'
set ylabel 'final value / unregularised value'
set logscale x
set format x '10^{%L}'
set key outside right top
set yrange [0:1.4]
set xrange [8e-4:1.25]
plot 'shrinkage.dat' using 1:3 with linespoints lt 2 pt 7 title 'Adam + L2: b', \
     '' using 1:5 with linespoints lt 3 pt 7 title 'AdamW: b', \
     '' using 1:2 with linespoints lt 2 dt 2 pt 5 title 'Adam + L2: a', \
     '' using 1:4 with linespoints lt 3 dt 2 pt 5 title 'AdamW: a', \
     (x < 1/28. ? 1 : 1/(28*x)) with lines dt 3 lc rgb 'black' title 'min(1, 1/(28ω))', \
     2/(2 + x) with lines dt 4 lc rgb '#666666' title '2/(2+ω)'
