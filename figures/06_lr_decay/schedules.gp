# schedules.gp: replot with `gnuplot schedules.gp` inside this folder.
set terminal pngcairo size 1300,640 enhanced font 'DejaVu Sans,13' linewidth 1.2
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
set multiplot layout 1,2 title 'Every schedule from the same η₀ = 0.01: this chapter''s four decays end 8x to 21x lower (left); chapter 07''s anneal to 0 or restart (right)'
set xlabel 'epoch t'
set ylabel 'learning rate η_t'
set xrange [0:59]
set title 'chapter 06: constant and the four decays (log scale)'
set logscale y
set format y '10^{%L}'
set yrange [0.000161648:0.02]
set key below Left reverse font ',10'
plot 'schedules.dat' index 0 using 1:2 with lines lt 7 lw 3 title 'constant', \
     'schedules.dat' index 1 using 1:2 with lines lt 2 lw 2 title 'step (step\_size=15, gamma=0.5)', \
     'schedules.dat' index 2 using 1:2 with lines lt 1 lw 2 title 'exponential (gamma=0.95)', \
     'schedules.dat' index 3 using 1:2 with lines lt 3 lw 2 title 'inverse-time (decay=0.3)', \
     'schedules.dat' index 4 using 1:2 with lines lt 5 lw 2 title 'linear (start\_factor=1, end\_factor=0.05, total\_iters=50)'
set title 'chapter 07, for reference (linear scale)'
unset logscale y
set format y '%g'
set yrange [0:0.011]
set key below Left reverse font ',10'
plot 'schedules.dat' index 5 using 1:2 with lines lt 8 lw 2 dt 2 title 'cosine', \
     'schedules.dat' index 6 using 1:2 with lines lt 6 lw 2 dt 2 title 'cosine-restarts', \
     'schedules.dat' index 7 using 1:2 with lines lt 4 lw 2 dt 2 title 'onecycle'
unset multiplot
