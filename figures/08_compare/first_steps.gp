# first_steps.gp: replot with `gnuplot first_steps.gp` inside this folder.
set terminal pngcairo size 1000,800 enhanced font 'DejaVu Sans,13' linewidth 1.2
set output 'first_steps.png'
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
set multiplot layout 2,1 title 'Without bias correction: the first step 5 % shorter, the next 30 up to 30 % longer'
set xrange [0:60]
set key top right
set xlabel 'iteration t'
set lmargin 10
set ylabel 'b (intercept)'
plot 'first_steps.dat' index 0 using 1:3 with linespoints pt 7 ps 0.5 lt 2 lw 1.5 title 'Adam', \
     'first_steps.dat' index 1 using 1:3 with linespoints pt 7 ps 0.5 lt 3 lw 1.5 title 'Adam, no bias corr.', \
     -28 with lines dt 2 lc rgb '#444444' lw 1.5 title 'true b'
set ylabel 'corrected / uncorrected step'
set yrange [0.7:1.1]
b1 = 0.7; b2 = 0.9
set samples 61
plot (x < 1 ? NaN : sqrt(1 - b2**x) / (1 - b1**x)) with linespoints lt 1 pt 7 ps 0.5 title sprintf('√(1-β_2^t) / (1-β_1^t), β_1 = %g, β_2 = %g', b1, b2), \
     1 with lines dt 2 lc rgb '#444444' notitle
unset multiplot
