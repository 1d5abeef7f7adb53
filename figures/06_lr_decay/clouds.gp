# clouds.gp: replot with `gnuplot clouds.gp` inside this folder.
set terminal gif animate delay 12 loop 0 size 800,500 font 'DejaVuSans,12'
set output 'clouds.gif'
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
set xlabel 'a (slope)'
set ylabel 'b (intercept)'
set key outside right top
set label 1 'θ*' at 1.51163,-27.9339 right point pt 6 ps 3 lw 2 lc rgb 'black' offset -1.3,0 front
frames = '0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29 30 31 32 33 34 35 36 37 38 39 40 41 42 43 44 45 46 47 48 49 50 51 52 53 54 55 56 57 58 59 60 '
do for [i = 1:words(frames)] {
  set title sprintf('All seeds after epoch %s: constant rate vs exponential decay', word(frames, i))
  floor = 4.29106051728
set xrange [1.25590725736:1.94009045972]
set yrange [-27.9762461177:-27.8842324103]
set contour base
unset surface
set view map
set cntrparam levels discrete 4.29800605612,4.30287664495,4.31116275504,4.32525953531,4.34924174306,4.39004157665,4.45945246815,4.57753804439,4.77843163635,5.12020271948,5.70164223737,6.69081870566,8.37365940587,11.2365993494
set table $contours
splot 'clouds_surface.dat' using 1:2:3 with lines notitle
unset table
unset contour
set palette defined (0 '#fbfdff', 0.45 '#dbe9f6', 0.8 '#a9c9e4', 1 '#7aa6cf')
set cblabel sprintf("log_{10}(loss - m),  m = %.4g, just below the lowest loss", floor)
plot $contours using 1:2 with lines lc rgb '#7f9fb9' lw 0.8 notitle, \
    'clouds.dat' index i-1 using 1:2 with points pt 7 ps 1.4 lc rgb '#000000' title 'constant', \
    '' index i-1 using 3:4 with points pt 9 ps 1.6 lt 1 title 'exponential'
}
