# schedules.gp: replot with `gnuplot schedules.gp` inside this folder.
set terminal pngcairo size 1200,700 enhanced font 'DejaVu Sans,13' linewidth 1.2
set output 'schedules.png'
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
set title 'Every schedule from the same η₀: the four decays end 8-20x lower, chapter 07''s restart and warm up'
set xlabel 'epoch t'
set ylabel 'learning rate η_t'
set logscale y
set format y '10^{%L}'
set xrange [0:59]
set yrange [1e-9:0.05]
set key inside bottom left Left reverse font ',11'
plot 'schedules.dat' index 0 using 1:2 with lines lt 7 lw 3 title 'constant(base\_lr=0.01)', \
     'schedules.dat' index 1 using 1:2 with lines lt 2 title 'step(base\_lr=0.01, step\_size=15, gamma=0.5)', \
     'schedules.dat' index 2 using 1:2 with lines lt 1 title 'exponential(base\_lr=0.01, gamma=0.95)', \
     'schedules.dat' index 3 using 1:2 with lines lt 3 title 'inverse-time(base\_lr=0.01, decay=0.3)', \
     'schedules.dat' index 4 using 1:2 with lines lt 5 title 'linear(base\_lr=0.01, start\_factor=1, end\_factor=0.05, total\_iters=50)', \
     'schedules.dat' index 5 using 1:2 with lines lt 8 dt 2 title 'cosine(base\_lr=0.01, t\_max=60, eta\_min=0)', \
     'schedules.dat' index 6 using 1:2 with lines lt 6 dt 2 title 'cosine-restarts(base\_lr=0.01, t0=10, t\_mult=2, eta\_min=0)', \
     'schedules.dat' index 7 using 1:2 with lines lt 4 dt 2 title 'onecycle(max\_lr=0.01, total\_steps=60, pct\_start=0.3, div\_factor=25, final\_div\_factor=10000, three\_phase=0)'
