# loss.gp: replot with `gnuplot loss.gp` inside this folder.
set terminal pngcairo size 900,600 enhanced font 'DejaVu Sans,13' linewidth 1.2
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
set title 'More updates an epoch, faster fall; full batch at 20 times the rate catches up'
set xlabel 'epoch (one pass over the 20 points)'
set ylabel 'mean squared error on all 20 points'
set logscale y
set format y '10^{%L}'
set key bottom left
set xrange [0:*]
plot 'loss.dat' index 0 using 1:2 with lines lt 2 title 'per-sample (batch 1, 3000 updates)', \
     '' index 1 using 1:2 with lines lt 3 title 'mini-batch (batch 4, 750 updates)', \
     '' index 2 using 1:2 with lines lt 7 title 'full batch (batch 20, 150 updates)', \
     '' index 3 using 1:2 with lines lt 7 dt 2 title 'full batch at lr = 0.02 (150 updates)'
