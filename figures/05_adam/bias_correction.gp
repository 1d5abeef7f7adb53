# bias_correction.gp: replot with `gnuplot bias_correction.gp` inside this folder.
set terminal pngcairo size 900,560 enhanced font 'DejaVu Sans,13' linewidth 1.2
set output 'bias_correction.png'
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
set title 'Without bias correction the first steps are up to 6.6 times too long'
set xlabel 'step t (the gradient is the same at every step)'
set ylabel 'step size |Δθ| / η'
set key right center at graph 0.98,0.4
set yrange [0:7.5]
plot 'bias_correction.dat' using 1:3 with lines lt 2 title 'no correction, β = (0.9, 0.999)', \
     '' using 1:5 with points lt 7 pt 6 ps 0.8 title '(1 - 0.9^t) / √(1 - 0.999^t)', \
     '' using 1:4 with lines lt 3 title 'no correction, β = (0.7, 0.9), the post''s β', \
     '' using 1:2 with lines lt 1 title 'with bias correction (any β)'
