# b_shake.gp: replot with `gnuplot b_shake.gp` inside this folder.
set terminal pngcairo size 1000,1080 enhanced font 'DejaVu Sans,13' linewidth 1.2
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
set linetype 11 lc rgb '#0072B2'
set linetype 12 lc rgb '#D55E00'
set linetype 13 lc rgb '#009E73'
set linetype 14 lc rgb '#CC79A7'
set linetype 15 lc rgb '#E69F00'
set linetype 16 lc rgb '#56B4E9'
set linetype 17 lc rgb '#000000'
set linetype 18 lc rgb '#882255'
set linetype 19 lc rgb '#999933'
set linetype 20 lc rgb '#44AA99'
set linetype 21 lc rgb '#BBBBBB'
set xrange [-5.3:5.3]
set yrange [-1.7:1.7]
set xtics 2.5
set ytics 1
set xlabel 'x'
set ylabel 'prediction'
unset key
set xlabel ''
set ylabel ''
set multiplot layout 4,3 title "Bee 4 at μ = 0, η = 0.05 shakes out of its fit: η·λ_{max} > 2 makes each step overshoot\n{/=11 grey dots: sin x on the 61 points;  blue: the bee's fit;  dashed: the kink of the unit with the largest gradient (orange when ηλ_{max} > 2)}" font ',14'
set ylabel 'prediction'
set xlabel ''
unset arrow
set arrow from -1.0948,-1.7 to -1.0948,1.7 nohead dt 2 lw 1.5 lc rgb '#D55E00'
set title 'epoch 137: loss 0.1084, ηλ_{max} = 2.28' font ',11'
plot 'target.dat' using 1:2 with points pt 7 ps 0.4 lc rgb '#aaaaaa', 'b_shake.dat' index 0 using 1:2:3 with lines lw 2 lc variable
set ylabel ''
set xlabel ''
unset arrow
set arrow from -1.17993,-1.7 to -1.17993,1.7 nohead dt 2 lw 1.5 lc rgb '#D55E00'
set title 'epoch 138: loss 0.1401, ηλ_{max} = 2.29' font ',11'
plot 'target.dat' using 1:2 with points pt 7 ps 0.4 lc rgb '#aaaaaa', 'b_shake.dat' index 1 using 1:2:3 with lines lw 2 lc variable
set ylabel ''
set xlabel ''
unset arrow
set arrow from -1.08258,-1.7 to -1.08258,1.7 nohead dt 2 lw 1.5 lc rgb '#D55E00'
set title 'epoch 139: loss 0.1932, ηλ_{max} = 2.27' font ',11'
plot 'target.dat' using 1:2 with points pt 7 ps 0.4 lc rgb '#aaaaaa', 'b_shake.dat' index 2 using 1:2:3 with lines lw 2 lc variable
set ylabel 'prediction'
set xlabel ''
unset arrow
set arrow from -1.2233,-1.7 to -1.2233,1.7 nohead dt 2 lw 1.5 lc rgb '#D55E00'
set title 'epoch 140: loss 0.2776, ηλ_{max} = 2.30' font ',11'
plot 'target.dat' using 1:2 with points pt 7 ps 0.4 lc rgb '#aaaaaa', 'b_shake.dat' index 3 using 1:2:3 with lines lw 2 lc variable
set ylabel ''
set xlabel ''
unset arrow
set arrow from -1.06257,-1.7 to -1.06257,1.7 nohead dt 2 lw 1.5 lc rgb '#D55E00'
set title 'epoch 141: loss 0.4125, ηλ_{max} = 2.26' font ',11'
plot 'target.dat' using 1:2 with points pt 7 ps 0.4 lc rgb '#aaaaaa', 'b_shake.dat' index 4 using 1:2:3 with lines lw 2 lc variable
set ylabel ''
set xlabel ''
unset arrow
set arrow from 1.28251,-1.7 to 1.28251,1.7 nohead dt 2 lw 1.5 lc rgb '#D55E00'
set title 'epoch 142: loss 0.6042, ηλ_{max} = 2.29' font ',11'
plot 'target.dat' using 1:2 with points pt 7 ps 0.4 lc rgb '#aaaaaa', 'b_shake.dat' index 5 using 1:2:3 with lines lw 2 lc variable
set ylabel 'prediction'
set xlabel ''
unset arrow
set arrow from -1.03979,-1.7 to -1.03979,1.7 nohead dt 2 lw 1.5 lc rgb '#D55E00'
set title 'epoch 143: loss 0.8722, ηλ_{max} = 2.21' font ',11'
plot 'target.dat' using 1:2 with points pt 7 ps 0.4 lc rgb '#aaaaaa', 'b_shake.dat' index 6 using 1:2:3 with lines lw 2 lc variable
set ylabel ''
set xlabel ''
unset arrow
set arrow from 1.29755,-1.7 to 1.29755,1.7 nohead dt 2 lw 1.5 lc rgb '#D55E00'
set title 'epoch 144: loss 1.1411, ηλ_{max} = 2.23' font ',11'
plot 'target.dat' using 1:2 with points pt 7 ps 0.4 lc rgb '#aaaaaa', 'b_shake.dat' index 7 using 1:2:3 with lines lw 2 lc variable
set ylabel ''
set xlabel ''
unset arrow
set arrow from -1.04028,-1.7 to -1.04028,1.7 nohead dt 2 lw 1.5 lc rgb '#D55E00'
set title 'epoch 145: loss 1.3661, ηλ_{max} = 2.09' font ',11'
plot 'target.dat' using 1:2 with points pt 7 ps 0.4 lc rgb '#aaaaaa', 'b_shake.dat' index 8 using 1:2:3 with lines lw 2 lc variable
set ylabel 'prediction'
set xlabel 'x'
unset arrow
set arrow from 1.35583,-1.7 to 1.35583,1.7 nohead dt 2 lw 1.5 lc rgb '#D55E00'
set title 'epoch 146: loss 1.3200, ηλ_{max} = 2.06' font ',11'
plot 'target.dat' using 1:2 with points pt 7 ps 0.4 lc rgb '#aaaaaa', 'b_shake.dat' index 9 using 1:2:3 with lines lw 2 lc variable
set ylabel ''
set xlabel 'x'
unset arrow
set arrow from -1.10694,-1.7 to -1.10694,1.7 nohead dt 2 lw 1.5 lc rgb '#666666'
set title 'epoch 147: loss 1.0877, ηλ_{max} = 1.87' font ',11'
plot 'target.dat' using 1:2 with points pt 7 ps 0.4 lc rgb '#aaaaaa', 'b_shake.dat' index 10 using 1:2:3 with lines lw 2 lc variable
set ylabel ''
set xlabel 'x'
unset arrow
set arrow from 1.45834,-1.7 to 1.45834,1.7 nohead dt 2 lw 1.5 lc rgb '#666666'
set title 'epoch 148: loss 0.6939, ηλ_{max} = 1.82' font ',11'
plot 'target.dat' using 1:2 with points pt 7 ps 0.4 lc rgb '#aaaaaa', 'b_shake.dat' index 11 using 1:2:3 with lines lw 2 lc variable
unset multiplot
