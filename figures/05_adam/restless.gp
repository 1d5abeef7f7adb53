# restless.gp: replot with `gnuplot restless.gp` inside this folder.
set terminal pngcairo size 1100,950 enhanced font 'DejaVu Sans,13' linewidth 1.2
set output 'restless.png'
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
set multiplot layout 3,1 title 'The post''s setting, η = 1, β = (0.7, 0.9): Adam arrives within 5 epochs and never settles; AMSGrad does'
set xlabel 'epoch (30 updates each)'
set key outside right top
set xrange [0:*]
set lmargin 12
set ylabel 'a (slope)'
plot 1.5 with lines dt 3 lc rgb 'black' lw 1.5 title 'true value', \
     'restless.dat' index 0 using 2:3 with lines lt 2 lw 1.8 title 'Adam', \
     'restless.dat' index 1 using 2:3 with lines lt 1 lw 1.4 dt 2 title 'no correction', \
     'restless.dat' index 2 using 2:3 with lines lt 3 lw 1.8 title 'AMSGrad'
set ylabel 'b (intercept)'
plot -28 with lines dt 3 lc rgb 'black' lw 1.5 title 'true value', \
     'restless.dat' index 0 using 2:4 with lines lt 2 lw 1.8 title 'Adam', \
     'restless.dat' index 1 using 2:4 with lines lt 1 lw 1.4 dt 2 title 'no correction', \
     'restless.dat' index 2 using 2:4 with lines lt 3 lw 1.8 title 'AMSGrad'
set ylabel 'mean squared error (all 30 points)'
set logscale y
set format y '10^{%L}'
set yrange [1e-30:*]
plot \
     'restless.dat' index 0 using 2:5 with lines lt 2 lw 1.8 title 'Adam', \
     'restless.dat' index 1 using 2:5 with lines lt 1 lw 1.4 dt 2 title 'no correction', \
     'restless.dat' index 2 using 2:5 with lines lt 3 lw 1.8 title 'AMSGrad'
unset multiplot
