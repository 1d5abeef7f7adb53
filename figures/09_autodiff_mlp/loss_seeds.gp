# loss_seeds.gp: replot with `gnuplot loss_seeds.gp` inside this folder.
set terminal pngcairo size 1000,600 enhanced font 'DejaVu Sans,13' linewidth 1.2
set output 'loss_seeds.png'
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
set title "Training loss of seeds 1-10, one line per seed: where two bands overlap, the ranking is the seed's"
set xlabel 'epoch (one full-batch update of SGD with momentum)'
set ylabel 'mean squared error on the 61 points'
set logscale y
set format y '10^{%L}'
set xrange [0:*]
set key top right
plot 'loss_seeds.dat' index 0 using 1:2 with lines lt 2 lw 1 title 'relu', \
     'loss_seeds.dat' index 1 using 1:2 with lines lt 2 lw 1 notitle, \
     'loss_seeds.dat' index 2 using 1:2 with lines lt 2 lw 1 notitle, \
     'loss_seeds.dat' index 3 using 1:2 with lines lt 2 lw 1 notitle, \
     'loss_seeds.dat' index 4 using 1:2 with lines lt 2 lw 1 notitle, \
     'loss_seeds.dat' index 5 using 1:2 with lines lt 2 lw 1 notitle, \
     'loss_seeds.dat' index 6 using 1:2 with lines lt 2 lw 1 notitle, \
     'loss_seeds.dat' index 7 using 1:2 with lines lt 2 lw 1 notitle, \
     'loss_seeds.dat' index 8 using 1:2 with lines lt 2 lw 1 notitle, \
     'loss_seeds.dat' index 9 using 1:2 with lines lt 2 lw 1 notitle, \
     'loss_seeds.dat' index 10 using 1:2 with lines lt 1 lw 1 title 'tanh', \
     'loss_seeds.dat' index 11 using 1:2 with lines lt 1 lw 1 notitle, \
     'loss_seeds.dat' index 12 using 1:2 with lines lt 1 lw 1 notitle, \
     'loss_seeds.dat' index 13 using 1:2 with lines lt 1 lw 1 notitle, \
     'loss_seeds.dat' index 14 using 1:2 with lines lt 1 lw 1 notitle, \
     'loss_seeds.dat' index 15 using 1:2 with lines lt 1 lw 1 notitle, \
     'loss_seeds.dat' index 16 using 1:2 with lines lt 1 lw 1 notitle, \
     'loss_seeds.dat' index 17 using 1:2 with lines lt 1 lw 1 notitle, \
     'loss_seeds.dat' index 18 using 1:2 with lines lt 1 lw 1 notitle, \
     'loss_seeds.dat' index 19 using 1:2 with lines lt 1 lw 1 notitle, \
     'loss_seeds.dat' index 20 using 1:2 with lines lt 3 lw 1 title 'sigmoid', \
     'loss_seeds.dat' index 21 using 1:2 with lines lt 3 lw 1 notitle, \
     'loss_seeds.dat' index 22 using 1:2 with lines lt 3 lw 1 notitle, \
     'loss_seeds.dat' index 23 using 1:2 with lines lt 3 lw 1 notitle, \
     'loss_seeds.dat' index 24 using 1:2 with lines lt 3 lw 1 notitle, \
     'loss_seeds.dat' index 25 using 1:2 with lines lt 3 lw 1 notitle, \
     'loss_seeds.dat' index 26 using 1:2 with lines lt 3 lw 1 notitle, \
     'loss_seeds.dat' index 27 using 1:2 with lines lt 3 lw 1 notitle, \
     'loss_seeds.dat' index 28 using 1:2 with lines lt 3 lw 1 notitle, \
     'loss_seeds.dat' index 29 using 1:2 with lines lt 3 lw 1 notitle
