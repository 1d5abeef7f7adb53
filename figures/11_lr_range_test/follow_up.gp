# follow_up.gp: replot with `gnuplot follow_up.gp` inside this folder.
set terminal pngcairo size 1500,560 enhanced font 'DejaVu Sans,13' linewidth 1.2
set output 'follow_up.png'
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
set multiplot layout 1,3 title '5 epochs at the rates the test suggested: one-cycle peaking at the min/10 rate (solid), the valley rate held constant (dashed)'
set grid
set key bottom right box opaque font ',10' samplen 5
set title 'learning rate per batch'
set logscale y
set format y '10^{%L}'
set xlabel 'batch'
set ylabel 'η (log scale)'
set key bottom left
plot 'follow_up_rates.dat' index 0 using 1:2 with lines lt 1 lw 2.2 dt 2 title 'SGD (momentum 0.9), constant', 'follow_up_rates.dat' index 1 using 1:2 with lines lt 1 lw 2.2 dt 1 title 'SGD (momentum 0.9), one-cycle', 'follow_up_rates.dat' index 2 using 1:2 with lines lt 2 lw 2.2 dt 2 title 'Adam, constant', 'follow_up_rates.dat' index 3 using 1:2 with lines lt 2 lw 2.2 dt 1 title 'Adam, one-cycle'
unset logscale y
set format y '%g'
set key top right
set title 'test loss after each epoch'
set xlabel 'epoch'
set xtics 1
set xrange [0.8:5.2]
set ylabel 'cross-entropy on the test images'
plot 'follow_up_scores.dat' index 0 using 1:2 with linespoints pt 7 ps 1.1 lt 1 lw 2.2 dt 2 title 'SGD (momentum 0.9), constant', 'follow_up_scores.dat' index 1 using 1:2 with linespoints pt 7 ps 1.1 lt 1 lw 2.2 dt 1 title 'SGD (momentum 0.9), one-cycle', 'follow_up_scores.dat' index 2 using 1:2 with linespoints pt 7 ps 1.1 lt 2 lw 2.2 dt 2 title 'Adam, constant', 'follow_up_scores.dat' index 3 using 1:2 with linespoints pt 7 ps 1.1 lt 2 lw 2.2 dt 1 title 'Adam, one-cycle'
set title 'test accuracy after each epoch'
set ylabel 'accuracy (%)'
set key bottom right
plot 'follow_up_scores.dat' index 0 using 1:3 with linespoints pt 7 ps 1.1 lt 1 lw 2.2 dt 2 title 'SGD (momentum 0.9), constant', 'follow_up_scores.dat' index 1 using 1:3 with linespoints pt 7 ps 1.1 lt 1 lw 2.2 dt 1 title 'SGD (momentum 0.9), one-cycle', 'follow_up_scores.dat' index 2 using 1:3 with linespoints pt 7 ps 1.1 lt 2 lw 2.2 dt 2 title 'Adam, constant', 'follow_up_scores.dat' index 3 using 1:3 with linespoints pt 7 ps 1.1 lt 2 lw 2.2 dt 1 title 'Adam, one-cycle'
unset multiplot
