# dampening.gp: replot with `gnuplot dampening.gp` inside this folder.
set terminal pngcairo size 1200,540 enhanced font 'DejaVu Sans,13' linewidth 1.2
set output 'dampening.png'
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
set xlabel 'epoch'
set ylabel 'MSE of the median bee'
set logscale y
set xrange [0:249]
set format y '10^{%L}'
set yrange [5e-3:3]
unset key
set multiplot layout 1,3 title "Dampening τ is a smaller rate: SGD(η = 0.01, μ, τ) (solid) follows SGD(η(1 − τ), μ, 0) (dashed, mostly hidden under it)\n{/=12 grey τ = 0, blue τ = 0.5, orange τ = 0.9}" font ',14'
set title 'μ = 0.9'
plot 'dampening.dat' index 0 using 1:2 with lines lw 2.5 lc rgb '#999999' notitle, \
     'dampening.dat' index 3 using 1:2 with lines lw 2.5 lc rgb '#0072B2' notitle, '' index 3 using 1:3 with lines lw 2 dt 2 lc rgb '#0072B2' notitle, \
     'dampening.dat' index 6 using 1:2 with lines lw 2.5 lc rgb '#D55E00' notitle, '' index 6 using 1:3 with lines lw 2 dt 2 lc rgb '#D55E00' notitle
set title 'μ = 0.96'
plot 'dampening.dat' index 1 using 1:2 with lines lw 2.5 lc rgb '#999999' notitle, \
     'dampening.dat' index 4 using 1:2 with lines lw 2.5 lc rgb '#0072B2' notitle, '' index 4 using 1:3 with lines lw 2 dt 2 lc rgb '#0072B2' notitle, \
     'dampening.dat' index 7 using 1:2 with lines lw 2.5 lc rgb '#D55E00' notitle, '' index 7 using 1:3 with lines lw 2 dt 2 lc rgb '#D55E00' notitle
set title 'μ = 0.99'
plot 'dampening.dat' index 2 using 1:2 with lines lw 2.5 lc rgb '#999999' notitle, \
     'dampening.dat' index 5 using 1:2 with lines lw 2.5 lc rgb '#0072B2' notitle, '' index 5 using 1:3 with lines lw 2 dt 2 lc rgb '#0072B2' notitle, \
     'dampening.dat' index 8 using 1:2 with lines lw 2.5 lc rgb '#D55E00' notitle, '' index 8 using 1:3 with lines lw 2 dt 2 lc rgb '#D55E00' notitle
unset multiplot
