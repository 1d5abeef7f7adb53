# race_loss.gp: replot with `gnuplot race_loss.gp` inside this folder.
set terminal pngcairo size 1600,600 enhanced font 'DejaVu Sans,13' linewidth 1.2
set output 'race_loss.png'
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
set multiplot layout 1,2 title 'Loss per step: who arrives first depends on the ravine''s axes, who stays on the rule' margins screen 0.08, 0.79, 0.12, 0.88 spacing screen 0.07
set logscale xy
set format y '10^{%L}'
set format x '10^{%L}'
set xlabel 'step t'
set ylabel 'loss'
set yrange [1e-40:1e3]
set xrange [1:2000]
set title 'ravine 0.1x² + 2y²'
unset key
plot 1e-6 with lines dt 3 lc rgb '#444444' title 'loss 10^{-6}', \
     'race_loss.dat' index 0 using 1:2 with lines lt 7 title 'GD', \
     'race_loss.dat' index 1 using 1:2 with lines lt 2 title 'AdaGrad', \
     'race_loss.dat' index 2 using 1:2 with lines lt 1 title 'RMSprop', \
     'race_loss.dat' index 3 using 1:2 with lines lt 6 dt 2 title 'centered RMSprop', \
     'race_loss.dat' index 4 using 1:2 with lines lt 8 dt 3 title 'RMSprop + momentum', \
     'race_loss.dat' index 5 using 1:2 with lines lt 3 title 'Adadelta', \
     'race_loss.dat' index 6 using 1:2 with lines lt 4 dt 4 title 'Rprop', \
     'race_loss.dat' index 7 using 1:2 with lines lt 5 dt 5 title 'local gain'
set title 'the same ravine turned by 45°'
set key at screen 0.995, 0.5 right center
plot 1e-6 with lines dt 3 lc rgb '#444444' title 'loss 10^{-6}', \
     'race_loss.dat' index 8 using 1:2 with lines lt 7 title 'GD', \
     'race_loss.dat' index 9 using 1:2 with lines lt 2 title 'AdaGrad', \
     'race_loss.dat' index 10 using 1:2 with lines lt 1 title 'RMSprop', \
     'race_loss.dat' index 11 using 1:2 with lines lt 6 dt 2 title 'centered RMSprop', \
     'race_loss.dat' index 12 using 1:2 with lines lt 8 dt 3 title 'RMSprop + momentum', \
     'race_loss.dat' index 13 using 1:2 with lines lt 3 title 'Adadelta', \
     'race_loss.dat' index 14 using 1:2 with lines lt 4 dt 4 title 'Rprop', \
     'race_loss.dat' index 15 using 1:2 with lines lt 5 dt 5 title 'local gain'
unset multiplot
