# dampening.gp: replot with `gnuplot dampening.gp` inside this folder.
set terminal pngcairo size 1300,560 enhanced font 'DejaVu Sans,13' linewidth 1.2
set output 'dampening.png'
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
set multiplot layout 1,2 title 'SGD(momentum = dampening = 0.95) is the post’s average started at the first gradient instead of at 0'
set xlabel 'update t'
set key bottom right
set xrange [0:60]
set title 'the buffers, b component'
set ylabel 'u_b (torch), m_b (post)'
plot 'dampening.dat' index 0 using 1:2 with linespoints lt 3 pt 7 ps 0.5 title 'torch u_b: u_1 = g_1, then u_t = βu_{t-1} + (1-β)g_t', '' index 1 using 1:2 with linespoints lt 2 pt 7 ps 0.5 title 'post m_b: m_1 = (1-β)g_1'
set title 'the parameters (true line: a = 1.5, b = -28)'
set ylabel 'a, b'
set key bottom left
plot 'dampening.dat' index 0 using 1:3 with lines lt 3 title 'a, torch', '' index 1 using 1:3 with lines lt 2 title 'a, post', '' index 0 using 1:4 with lines lt 3 dt 2 title 'b, torch', '' index 1 using 1:4 with lines lt 2 dt 2 title 'b, post'
unset multiplot
