# modes.gp: replot with `gnuplot modes.gp` inside this folder.
set terminal pngcairo size 1300,560 enhanced font 'DejaVu Sans,13' linewidth 1.2
set output 'modes.png'
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
set multiplot layout 1,2 title 'The error along the valley: the steep part falls fast until it is tied to the shallow part, which sets the pace'
set xlabel 'epoch'
set logscale y
set format y '10^{%L}'
set xrange [0:*]
set key bottom left
set title 'steep direction, λ = 54.82 (dashed: (1 - ηλ)^{updates})'
set yrange [1e-5:5]
set ylabel '|error along the steep direction|'
plot 'modes.dat' index 0 using 1:2 with lines lt 2 title 'per-sample', \
     '' index 0 using 1:4 with lines lt 2 dt 2 lw 1.2 notitle, \
     'modes.dat' index 1 using 1:2 with lines lt 3 title 'mini-batch', \
     '' index 1 using 1:4 with lines lt 3 dt 2 lw 1.2 notitle, \
     'modes.dat' index 2 using 1:2 with lines lt 7 title 'full batch', \
     '' index 2 using 1:4 with lines lt 7 dt 2 lw 1.2 notitle
set title 'shallow direction, λ = 1.98 (dashed: (1 - ηλ)^{updates})'
set yrange [*:*]
set ylabel '|error along the shallow direction|'
plot 'modes.dat' index 0 using 1:3 with lines lt 2 title 'per-sample', \
     '' index 0 using 1:5 with lines lt 2 dt 2 lw 1.2 notitle, \
     'modes.dat' index 1 using 1:3 with lines lt 3 title 'mini-batch', \
     '' index 1 using 1:5 with lines lt 3 dt 2 lw 1.2 notitle, \
     'modes.dat' index 2 using 1:3 with lines lt 7 title 'full batch', \
     '' index 2 using 1:5 with lines lt 7 dt 2 lw 1.2 notitle
unset multiplot
