# k_sweep.gp: replot with `gnuplot k_sweep.gp` inside this folder.
set terminal pngcairo size 1300,560 enhanced font 'DejaVu Sans,13' linewidth 1.2
set output 'k_sweep.png'
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
set multiplot layout 1,2 title 'η_t = η₀·e^{−kt} over 100 epochs (batch 8): too small a k leaves the noise, too large a k stops b short'
set logscale y
set format y '10^{%L}'
set ylabel 'L(θ) − L(θ*), mean over seeds'
set title 'excess loss, epoch by epoch'
set xlabel 'epoch t'
set xrange [1:*]
set key bottom left font ',10'
plot 'k_sweep.dat' index 0 using 1:2 with lines lt 7 lw 3 title 'k = 0', \
     'k_sweep.dat' index 1 using 1:2 with lines lt 2 lw 2 title 'k = 0.01', \
     'k_sweep.dat' index 4 using 1:2 with lines lt 1 lw 2 title 'k = 0.05', \
     'k_sweep.dat' index 6 using 1:2 with lines lt 3 lw 2 title 'k = 0.1', \
     'k_sweep.dat' index 8 using 1:2 with lines lt 5 lw 2 title 'k = 0.2', \
     'k_sweep.dat' index 10 using 1:2 with lines lt 4 lw 2 title 'k = 0.5'
set title 'after 100 epochs, against k'
set xlabel 'k (per epoch)'
set xrange [-0.01:0.52]
set key bottom right font ',10'
set yrange [1e-08:*]
plot 'k_sweep_final.dat' using 1:2 with linespoints lt 7 pt 7 lw 2 title 'measured L(θ) − L(θ*)', \
     '' using 1:3 with lines lt 1 lw 2 dt 2 title 'cost of the gap left in b: (b* e^{−2Σ_kη_k})^2'
unset multiplot
