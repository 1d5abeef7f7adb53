# b_zoom.gp: replot with `gnuplot b_zoom.gp` inside this folder.
set terminal pngcairo size 1000,1080 enhanced font 'DejaVu Sans,13' linewidth 1.2
set output 'b_zoom.png'
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
set multiplot layout 4,3 title "Bee 1 at μ = 0, η = 0.05, epochs 112-123: η·λ_{max} < 2, every step lands short, a calm glide\n{/=11 grey dots: sin x on the 61 points;  blue: the bee's fit;  dashed: the kink of the unit with the largest gradient (orange when ηλ_{max} > 2)}" font ',14'
set ylabel 'prediction'
set xlabel ''
unset arrow
set arrow from -0.417493,-1.7 to -0.417493,1.7 nohead dt 2 lw 1.5 lc rgb '#666666'
set title 'epoch 112: loss 0.1675, ηλ_{max} = 1.56' font ',11'
plot 'target.dat' using 1:2 with points pt 7 ps 0.4 lc rgb '#aaaaaa', 'b_zoom.dat' index 0 using 1:2:3 with lines lw 2 lc variable
set ylabel ''
set xlabel ''
unset arrow
set arrow from -0.421142,-1.7 to -0.421142,1.7 nohead dt 2 lw 1.5 lc rgb '#666666'
set title 'epoch 113: loss 0.1650, ηλ_{max} = 1.57' font ',11'
plot 'target.dat' using 1:2 with points pt 7 ps 0.4 lc rgb '#aaaaaa', 'b_zoom.dat' index 1 using 1:2:3 with lines lw 2 lc variable
set ylabel ''
set xlabel ''
unset arrow
set arrow from -0.424791,-1.7 to -0.424791,1.7 nohead dt 2 lw 1.5 lc rgb '#666666'
set title 'epoch 114: loss 0.1625, ηλ_{max} = 1.57' font ',11'
plot 'target.dat' using 1:2 with points pt 7 ps 0.4 lc rgb '#aaaaaa', 'b_zoom.dat' index 2 using 1:2:3 with lines lw 2 lc variable
set ylabel 'prediction'
set xlabel ''
unset arrow
set arrow from -0.42844,-1.7 to -0.42844,1.7 nohead dt 2 lw 1.5 lc rgb '#666666'
set title 'epoch 115: loss 0.1600, ηλ_{max} = 1.58' font ',11'
plot 'target.dat' using 1:2 with points pt 7 ps 0.4 lc rgb '#aaaaaa', 'b_zoom.dat' index 3 using 1:2:3 with lines lw 2 lc variable
set ylabel ''
set xlabel ''
unset arrow
set arrow from -0.432088,-1.7 to -0.432088,1.7 nohead dt 2 lw 1.5 lc rgb '#666666'
set title 'epoch 116: loss 0.1576, ηλ_{max} = 1.59' font ',11'
plot 'target.dat' using 1:2 with points pt 7 ps 0.4 lc rgb '#aaaaaa', 'b_zoom.dat' index 4 using 1:2:3 with lines lw 2 lc variable
set ylabel ''
set xlabel ''
unset arrow
set arrow from -0.435733,-1.7 to -0.435733,1.7 nohead dt 2 lw 1.5 lc rgb '#666666'
set title 'epoch 117: loss 0.1552, ηλ_{max} = 1.59' font ',11'
plot 'target.dat' using 1:2 with points pt 7 ps 0.4 lc rgb '#aaaaaa', 'b_zoom.dat' index 5 using 1:2:3 with lines lw 2 lc variable
set ylabel 'prediction'
set xlabel ''
unset arrow
set arrow from -0.439375,-1.7 to -0.439375,1.7 nohead dt 2 lw 1.5 lc rgb '#666666'
set title 'epoch 118: loss 0.1528, ηλ_{max} = 1.60' font ',11'
plot 'target.dat' using 1:2 with points pt 7 ps 0.4 lc rgb '#aaaaaa', 'b_zoom.dat' index 6 using 1:2:3 with lines lw 2 lc variable
set ylabel ''
set xlabel ''
unset arrow
set arrow from -0.443013,-1.7 to -0.443013,1.7 nohead dt 2 lw 1.5 lc rgb '#666666'
set title 'epoch 119: loss 0.1504, ηλ_{max} = 1.61' font ',11'
plot 'target.dat' using 1:2 with points pt 7 ps 0.4 lc rgb '#aaaaaa', 'b_zoom.dat' index 7 using 1:2:3 with lines lw 2 lc variable
set ylabel ''
set xlabel ''
unset arrow
set arrow from -0.446647,-1.7 to -0.446647,1.7 nohead dt 2 lw 1.5 lc rgb '#666666'
set title 'epoch 120: loss 0.1481, ηλ_{max} = 1.61' font ',11'
plot 'target.dat' using 1:2 with points pt 7 ps 0.4 lc rgb '#aaaaaa', 'b_zoom.dat' index 8 using 1:2:3 with lines lw 2 lc variable
set ylabel 'prediction'
set xlabel 'x'
unset arrow
set arrow from -0.450275,-1.7 to -0.450275,1.7 nohead dt 2 lw 1.5 lc rgb '#666666'
set title 'epoch 121: loss 0.1458, ηλ_{max} = 1.62' font ',11'
plot 'target.dat' using 1:2 with points pt 7 ps 0.4 lc rgb '#aaaaaa', 'b_zoom.dat' index 9 using 1:2:3 with lines lw 2 lc variable
set ylabel ''
set xlabel 'x'
unset arrow
set arrow from -0.453896,-1.7 to -0.453896,1.7 nohead dt 2 lw 1.5 lc rgb '#666666'
set title 'epoch 122: loss 0.1435, ηλ_{max} = 1.63' font ',11'
plot 'target.dat' using 1:2 with points pt 7 ps 0.4 lc rgb '#aaaaaa', 'b_zoom.dat' index 10 using 1:2:3 with lines lw 2 lc variable
set ylabel ''
set xlabel 'x'
unset arrow
set arrow from -0.45751,-1.7 to -0.45751,1.7 nohead dt 2 lw 1.5 lc rgb '#666666'
set title 'epoch 123: loss 0.1412, ηλ_{max} = 1.63' font ',11'
plot 'target.dat' using 1:2 with points pt 7 ps 0.4 lc rgb '#aaaaaa', 'b_zoom.dat' index 11 using 1:2:3 with lines lw 2 lc variable
unset multiplot
