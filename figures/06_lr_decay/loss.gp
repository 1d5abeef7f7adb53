# loss.gp: replot with `gnuplot loss.gp` inside this folder.
set terminal pngcairo size 1300,560 enhanced font 'DejaVu Sans,13' linewidth 1.2
set output 'loss.png'
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
set multiplot layout 1,2 title 'Excess loss, mean over 20 seeds: a decay beats the constant rate only while its rates still carry b all the way'
set xlabel 'epoch (320 points)'
set ylabel 'L(θ) − L(θ*)'
set logscale y
set format y '10^{%L}'
set xrange [1:*]
set key top right
set yrange [0.0001:1000]
set title "batch 8, 40 updates an epoch:\ninverse-time, the earliest decay, is lowest most of the run"
plot 'loss.dat' index 0 using 1:2 with lines lt 7 lw 3 title 'constant', \
     'loss.dat' index 1 using 1:2 with lines lt 2 lw 2 title 'step', \
     'loss.dat' index 2 using 1:2 with lines lt 1 lw 2 title 'exponential', \
     'loss.dat' index 3 using 1:2 with lines lt 3 lw 2 title 'inverse-time', \
     'loss.dat' index 4 using 1:2 with lines lt 5 lw 2 title 'linear'
set title "batch 32, 10 updates an epoch:\ninverse-time and exponential stop short of b*"
plot 'loss.dat' index 5 using 1:2 with lines lt 7 lw 3 title 'constant', \
     'loss.dat' index 6 using 1:2 with lines lt 2 lw 2 title 'step', \
     'loss.dat' index 7 using 1:2 with lines lt 1 lw 2 title 'exponential', \
     'loss.dat' index 8 using 1:2 with lines lt 3 lw 2 title 'inverse-time', \
     'loss.dat' index 9 using 1:2 with lines lt 5 lw 2 title 'linear'
unset multiplot
