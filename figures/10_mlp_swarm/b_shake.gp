# b_shake.gp: replot with `gnuplot b_shake.gp` inside this folder.
set terminal pngcairo size 1000,1000 enhanced font 'DejaVu Sans,13' linewidth 1.2
set output 'b_shake.png'
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
set xrange [-5.3:5.3]
set yrange [-1.7:1.7]
set xtics 2.5
unset key
set multiplot layout 4,3 title 'One bee at μ = 0, η = 0.05 shakes out of its fit and settles again' font ',15'
set title 'epoch 137: loss 0.1084'
plot 'b_shake.dat' index 0 using 1:2 with points pt 7 ps 0.5 lc rgb '#aaaaaa', '' index 0 using 1:3 with lines lw 2 lt 1
set title 'epoch 138: loss 0.1401'
plot 'b_shake.dat' index 1 using 1:2 with points pt 7 ps 0.5 lc rgb '#aaaaaa', '' index 1 using 1:3 with lines lw 2 lt 1
set title 'epoch 139: loss 0.1932'
plot 'b_shake.dat' index 2 using 1:2 with points pt 7 ps 0.5 lc rgb '#aaaaaa', '' index 2 using 1:3 with lines lw 2 lt 1
set title 'epoch 140: loss 0.2776'
plot 'b_shake.dat' index 3 using 1:2 with points pt 7 ps 0.5 lc rgb '#aaaaaa', '' index 3 using 1:3 with lines lw 2 lt 1
set title 'epoch 141: loss 0.4125'
plot 'b_shake.dat' index 4 using 1:2 with points pt 7 ps 0.5 lc rgb '#aaaaaa', '' index 4 using 1:3 with lines lw 2 lt 2
set title 'epoch 142: loss 0.6042'
plot 'b_shake.dat' index 5 using 1:2 with points pt 7 ps 0.5 lc rgb '#aaaaaa', '' index 5 using 1:3 with lines lw 2 lt 1
set title 'epoch 143: loss 0.8722'
plot 'b_shake.dat' index 6 using 1:2 with points pt 7 ps 0.5 lc rgb '#aaaaaa', '' index 6 using 1:3 with lines lw 2 lt 1
set title 'epoch 144: loss 1.1411'
plot 'b_shake.dat' index 7 using 1:2 with points pt 7 ps 0.5 lc rgb '#aaaaaa', '' index 7 using 1:3 with lines lw 2 lt 1
set title 'epoch 145: loss 1.3661'
plot 'b_shake.dat' index 8 using 1:2 with points pt 7 ps 0.5 lc rgb '#aaaaaa', '' index 8 using 1:3 with lines lw 2 lt 1
set title 'epoch 146: loss 1.3200'
plot 'b_shake.dat' index 9 using 1:2 with points pt 7 ps 0.5 lc rgb '#aaaaaa', '' index 9 using 1:3 with lines lw 2 lt 1
set title 'epoch 147: loss 1.0877'
plot 'b_shake.dat' index 10 using 1:2 with points pt 7 ps 0.5 lc rgb '#aaaaaa', '' index 10 using 1:3 with lines lw 2 lt 1
set title 'epoch 148: loss 0.6939'
plot 'b_shake.dat' index 11 using 1:2 with points pt 7 ps 0.5 lc rgb '#aaaaaa', '' index 11 using 1:3 with lines lw 2 lt 1
unset multiplot
