# fit.gp: replot with `gnuplot fit.gp` inside this folder.
set terminal gif animate delay 8 loop 0 size 800,500 font 'DejaVuSans,12'
set output 'fit.gif'
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
set xrange [-11:10]
set yrange [-50:20]
set key top left
set xlabel 'x'
set ylabel 'y'
frames = '0 1 2 3 4 5 6 7 8 10 11 12 14 16 17 19 21 23 25 27 29 31 34 36 39 41 44 47 50 53 56 59 62 66 69 72 76 80 83 87 91 95 99 103 108 112 117 121 126 130 135 140 145 150 '
do for [i = 1:words(frames)] {
  set title sprintf('Fitted line after epoch %s (true: y = 1.5x - 28)', word(frames, i))
  plot 'fit_points.dat' with points pt 7 ps 1.3 lc rgb '#333333' title 'data', \
       'fit.dat' index i-1 using 1:2 with lines lt 2 lw 2 title 'per-sample', \
       '' index i-1 using 1:3 with lines lt 3 lw 2 title 'mini-batch', \
       '' index i-1 using 1:4 with lines lt 7 lw 2 title 'full batch'
}
