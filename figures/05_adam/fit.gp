# fit.gp: replot with `gnuplot fit.gp` inside this folder.
set terminal gif animate delay 10 loop 0 size 800,500 font 'DejaVuSans,12'
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
set yrange [-50:15]
set key top left
set xlabel 'x'
set ylabel 'y'
frames = '0 15 30 45 60 75 90 105 120 135 150 165 180 195 210 225 240 255 270 285 300 315 330 345 360 375 390 405 420 435 450 465 480 495 510 525 540 555 570 585 600 615 630 645 660 675 690 705 720 735 750 765 780 795 810 825 840 855 870 885 900 915 930 945 960 975 990 1005 1020 1035 1050 1065 1080 1095 1110 1125 1140 1155 1170 1185 1200 1215 1230 1245 1260 1275 1290 1305 1320 1335 1350 1365 1380 1395 1410 1425 1440 1455 1470 1485 1500 '
do for [i = 1:words(frames)] {
  set title sprintf('Fitted lines after update %s (epoch %.1f): Adam keeps moving', word(frames, i), word(frames, i) / 30.0)
  plot 'fit_points.dat' with points pt 7 ps 1.3 lc rgb '#333333' title 'data', \
       'fit.dat' index i-1 using 1:2 with lines lt 2 lw 2 title 'Adam', \
       '' index i-1 using 1:3 with lines lt 3 lw 2 title 'AMSGrad'
}
