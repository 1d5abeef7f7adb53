# a_loss.gp: replot with `gnuplot a_loss.gp` inside this folder.
set terminal pngcairo size 1100,600 enhanced font 'DejaVu Sans,13' linewidth 1.2
set output 'a_loss.png'
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
set title 'Loss per epoch, hive (a) more momentum or a larger rate: faster fits'
set xlabel 'epoch'
set ylabel 'MSE on the 61 points (median bee; band: best-worst)'
set logscale y
set format y '10^{%L}'
set key outside right top
set xrange [0:249]
set yrange [5e-3:3]
plot 'a_loss.dat' index 0 using 1:3:4 with filledcurves fs transparent solid 0.15 noborder lt 1 notitle, \
     '' index 0 using 1:2 with lines lw 2.5 lt 1 title 'μ = 0.7, η = 0.002', \
     'a_loss.dat' index 1 using 1:3:4 with filledcurves fs transparent solid 0.15 noborder lt 2 notitle, \
     '' index 1 using 1:2 with lines lw 2.5 lt 2 title 'μ = 0.7, η = 0.01', \
     'a_loss.dat' index 2 using 1:3:4 with filledcurves fs transparent solid 0.15 noborder lt 3 notitle, \
     '' index 2 using 1:2 with lines lw 2.5 lt 3 title 'μ = 0.9, η = 0.002', \
     'a_loss.dat' index 3 using 1:3:4 with filledcurves fs transparent solid 0.15 noborder lt 4 notitle, \
     '' index 3 using 1:2 with lines lw 2.5 lt 4 title 'μ = 0.9, η = 0.01', \
     'a_loss.dat' index 4 using 1:3:4 with filledcurves fs transparent solid 0.15 noborder lt 5 notitle, \
     '' index 4 using 1:2 with lines lw 2.5 lt 5 title 'μ = 0.95, η = 0.002', \
     'a_loss.dat' index 5 using 1:3:4 with filledcurves fs transparent solid 0.15 noborder lt 6 notitle, \
     '' index 5 using 1:2 with lines lw 2.5 lt 6 title 'μ = 0.95, η = 0.01'
