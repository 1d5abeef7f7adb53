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
frames = '0 2 4 6 8 10 12 14 16 18 20 22 24 26 28 30 32 34 36 38 40 42 44 46 48 50 52 54 56 58 60 62 64 66 68 70 72 74 76 78 80 82 84 86 88 90 92 94 96 98 100 102 104 106 108 110 112 114 116 118 120 122 124 126 128 130 132 134 136 138 140 142 144 146 148 150 '
do for [i = 1:words(frames)] {
  set title sprintf('Fitted line after epoch %s (true: y = 1.5x - 28)', word(frames, i))
  plot 'fit_points.dat' with points pt 7 ps 1.3 lc rgb '#333333' title 'data', \
       'fit.dat' index i-1 using 1:2 with lines lt 2 lw 2 title 'per-sample', \
       '' index i-1 using 1:3 with lines lt 3 lw 2 title 'mini-batch', \
       '' index i-1 using 1:4 with lines lt 7 lw 2 title 'full batch'
}
