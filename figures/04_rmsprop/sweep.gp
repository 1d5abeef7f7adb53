# sweep.gp: replot with `gnuplot sweep.gp` inside this folder.
set terminal pngcairo size 1600,600 enhanced font 'DejaVu Sans,13' linewidth 1.2
set output 'sweep.png'
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
set multiplot layout 1,2 title 'Steps to a loss of 10^{-6} against η: AdaGrad and RMSprop need 5-8 at their best η on the ravine, about 90 (as GD) turned by 45°' margins screen 0.08, 0.79, 0.12, 0.88 spacing screen 0.05
set logscale xy
set format x '10^{%L}'
set xlabel 'learning rate η (Rprop: its first step)'
set yrange [2:3000]
set title 'ravine 0.1x² + 2y²'
set ylabel 'first step with loss < 10^{-6}'
unset key
plot 'sweep.dat' index 0 using 1:2 with linespoints lt 7 pt 7 ps 0.6 title 'GD', \
     'sweep.dat' index 1 using 1:2 with linespoints lt 2 pt 7 ps 0.6 title 'AdaGrad', \
     'sweep.dat' index 2 using 1:2 with linespoints lt 1 pt 7 ps 0.6 title 'RMSprop', \
     'sweep.dat' index 3 using 1:2 with linespoints lt 6 dt 2 pt 7 ps 0.6 title 'centered RMSprop', \
     'sweep.dat' index 4 using 1:2 with linespoints lt 8 dt 3 pt 7 ps 0.6 title 'RMSprop + momentum', \
     'sweep.dat' index 5 using 1:2 with linespoints lt 3 pt 7 ps 0.6 title 'Adadelta', \
     'sweep.dat' index 6 using 1:2 with linespoints lt 4 dt 4 pt 7 ps 0.6 title 'Rprop', \
     'sweep.dat' index 7 using 1:2 with linespoints lt 5 dt 5 pt 7 ps 0.6 title 'local gain'
set title 'the same ravine turned by 45°'
unset ylabel
set key at screen 0.995, 0.5 right center
plot 'sweep.dat' index 0 using 1:3 with linespoints lt 7 pt 7 ps 0.6 title 'GD', \
     'sweep.dat' index 1 using 1:3 with linespoints lt 2 pt 7 ps 0.6 title 'AdaGrad', \
     'sweep.dat' index 2 using 1:3 with linespoints lt 1 pt 7 ps 0.6 title 'RMSprop', \
     'sweep.dat' index 3 using 1:3 with linespoints lt 6 dt 2 pt 7 ps 0.6 title 'centered RMSprop', \
     'sweep.dat' index 4 using 1:3 with linespoints lt 8 dt 3 pt 7 ps 0.6 title 'RMSprop + momentum', \
     'sweep.dat' index 5 using 1:3 with linespoints lt 3 pt 7 ps 0.6 title 'Adadelta', \
     'sweep.dat' index 6 using 1:3 with linespoints lt 4 dt 4 pt 7 ps 0.6 title 'Rprop', \
     'sweep.dat' index 7 using 1:3 with linespoints lt 5 dt 5 pt 7 ps 0.6 title 'local gain'
unset multiplot
