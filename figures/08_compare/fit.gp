# fit.gp: replot with `gnuplot fit.gp` inside this folder.
set terminal gif animate delay 15 loop 0 size 800,500 font 'DejaVuSans,12'
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
set xrange [-10:10]
set yrange [-50:15]
set key bottom right
set xlabel 'x'
set ylabel 'y'
frames = '0 1 3 6 10 16 23 32 42 53 65 79 94 110 128 146 167 188 211 235 260 287 315 344 375 407 440 475 510 548 586 626 667 709 753 798 844 891 940 990 1042 1094 1148 1204 1260 1318 1378 1438 1500 '
do for [i = 1:words(frames)] {
  set title sprintf('Fitted lines after iteration %s of 1500 (true: y = 1.5x - 28)', word(frames, i))
  plot 'fit_points.dat' with points pt 7 ps 1.2 lc rgb '#333333' title 'data', \
       'fit.dat' index i-1 using 1:2 with lines lt 2 lw 2 title 'SGD', \
       'fit.dat' index i-1 using 1:3 with lines lt 3 lw 2 title 'Momentum', \
       'fit.dat' index i-1 using 1:4 with lines lt 7 lw 2 title 'Adam', \
       'fit.dat' index i-1 using 1:5 with lines lt 4 lw 2 title 'AdamAnn'
}
