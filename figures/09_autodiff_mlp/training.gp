# training.gp: replot with `gnuplot training.gp` inside this folder.
set terminal gif animate delay 10 loop 0 size 800,500 font 'DejaVuSans,12'
set output 'training.gif'
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
set xrange [-5.3:5.3]
set yrange [-1.6:2.3]
set key top center horizontal
set xlabel 'x'
set ylabel 'y'
frames = '0 1 3 5 7 10 14 18 23 29 35 41 49 56 65 74 83 93 104 115 127 139 152 165 180 194 209 225 242 259 276 294 313 332 352 372 393 415 437 460 483 507 531 556 582 608 635 662 690 718 747 777 807 838 869 901 933 966 1000 '
do for [i = 1:words(frames)] {
  set title sprintf('Fitting sin(x), epoch %s', word(frames, i))
  plot 'points.dat' using 1:2 with points pt 7 ps 0.7 lc rgb '#555555' title 'sin(x)', \
       'training.dat' index (i-1)*3+0 using 1:2 with lines lt 2 lw 2 title 'relu', \
       'training.dat' index (i-1)*3+1 using 1:2 with lines lt 1 lw 2 title 'tanh', \
       'training.dat' index (i-1)*3+2 using 1:2 with lines lt 3 lw 2 title 'sigmoid'
}
