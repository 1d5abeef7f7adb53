# line_rates.gp: replot with `gnuplot line_rates.gp` inside this folder.
set terminal pngcairo size 1350,560 enhanced font 'DejaVu Sans,13' linewidth 1.2
set output 'line_rates.png'
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
set multiplot layout 1,2 title 'Line fit: AdaGrad''s step size along b falls like 1/√t, RMSprop''s does not' margins screen 0.07, 0.76, 0.13, 0.87 spacing screen 0.09
set logscale xy
set format y '10^{%L}'
set xlabel 'step t'
set autoscale xfix
set title 'along a'
set ylabel 'step size along a, the factor g is multiplied by'
unset key
plot 'line_rates.dat' index 0 using 1:2 with lines lt 7 title 'GD', 'line_rates.dat' index 1 using 1:2 with lines lt 2 title 'AdaGrad', 'line_rates.dat' index 2 using 1:2 with lines lt 1 title 'RMSprop', 0.00453721/sqrt(x) with lines dt 2 lc rgb '#666666' title '∝ 1/√t (AdaGrad, g fixed)'
set title 'along b'
set ylabel 'step size along b, the factor g is multiplied by'
set key at screen 0.995, 0.5 right center width -7
plot 'line_rates.dat' index 0 using 1:3 with lines lt 7 title 'GD', 'line_rates.dat' index 1 using 1:3 with lines lt 2 title 'AdaGrad', 'line_rates.dat' index 2 using 1:3 with lines lt 1 title 'RMSprop', 0.00869565/sqrt(x) with lines dt 2 lc rgb '#666666' title '∝ 1/√t (AdaGrad, g fixed)'
unset multiplot
