# rates_more.gp: replot with `gnuplot rates_more.gp` inside this folder.
set terminal pngcairo size 1000,950 enhanced font 'DejaVu Sans,13' linewidth 1.2
set output 'rates_more.png'
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
set multiplot title 'More schedules over 1000 updates from η₀ = 1, and the momentum the cycling ones set'
set xlabel 'update t'
set key outside right top
set xrange [0:1000]
set lmargin at screen 0.10
set rmargin at screen 0.66
set tmargin at screen 0.90
set bmargin at screen 0.53
set ylabel 'rate η_t'
set yrange [0:1.05]
set title 'Steps, polynomials, a warm-up in front of a cosine, cycles'
plot 'rates_more.dat' index 0 using 1:2 with lines lt 1 title 'multistep 50%, 75%', \
     'rates_more.dat' index 1 using 1:2 with lines lt 2 title 'polynomial, p = 1', \
     'rates_more.dat' index 2 using 1:2 with lines lt 3 dt 2 title 'polynomial, p = 2', \
     'rates_more.dat' index 3 using 1:2 with lines lt 7 title 'warm-up + cosine', \
     'rates_more.dat' index 4 using 1:2 with lines lt 4 title 'cyclic, μ cycled', \
     'rates_more.dat' index 5 using 1:2 with lines lt 5 dt 3 title 'cyclic, triangular2', \
     'rates_more.dat' index 6 using 1:2 with lines lt 6 lw 2.5 title 'one-cycle, β_1 cycled'
set tmargin at screen 0.37
set bmargin at screen 0.08
set ylabel 'μ_t or β_{1,t}'
set yrange [0.78:0.97]
set title 'The momentum goes down while the rate goes up'
plot 'rates_more.dat' index 4 using 1:3 with lines lt 4 title 'cyclic, μ cycled', \
     'rates_more.dat' index 6 using 1:3 with lines lt 6 lw 2.5 title 'one-cycle, β_1 cycled'
unset multiplot
