# adapted.gp: replot with `gnuplot adapted.gp` inside this folder.
set terminal pngcairo size 1650,560 enhanced font 'DejaVu Sans,13' linewidth 1.2
set output 'adapted.png'
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
set multiplot layout 1,3 title 'What each rule adapts, per coordinate (solid: the ravine, dashed: turned by 45°); the local gain finds 1/λ along each axis of the ravine'
set logscale xy
set format y '10^{%L}'
set xlabel 'step t'
set xrange [1:2000]
set title 'Adadelta'
set ylabel 'rate  η √(d + ε) / √(v + ε)'
set key top left
plot 'adapted.dat' index 0 using 1:2 with lines lt 2 title 'x', \
     '' index 0 using 1:3 with lines lt 1 title 'y', \
     '' index 1 using 1:2 with lines lt 2 dt 2 title 'x, turned', \
     '' index 1 using 1:3 with lines lt 1 dt 2 title 'y, turned'
set title 'Rprop'
set ylabel 'step Δ'
set key bottom left
plot 'adapted.dat' index 2 using 1:2 with lines lt 2 title 'x', \
     '' index 2 using 1:3 with lines lt 1 title 'y', \
     '' index 3 using 1:2 with lines lt 2 dt 2 title 'x, turned', \
     '' index 3 using 1:3 with lines lt 1 dt 2 title 'y, turned'
set title 'local gain'
set ylabel 'rate  η k'
set key bottom right
set yrange [0.02:12]
set label 1 '1/λ_x = 5' at graph 0.03, first 6.3
set label 2 '1/λ_y = 0.25' at graph 0.03, first 0.21
set arrow 1 from graph 0, first 5 to graph 1, first 5 nohead dt 3
set arrow 2 from graph 0, first 0.25 to graph 1, first 0.25 nohead dt 3
plot 'adapted.dat' index 4 using 1:2 with lines lt 2 title 'x', \
     '' index 4 using 1:3 with lines lt 1 title 'y', \
     '' index 5 using 1:2 with lines lt 2 dt 2 title 'x, turned', \
     '' index 5 using 1:3 with lines lt 1 dt 2 title 'y, turned'
unset multiplot
