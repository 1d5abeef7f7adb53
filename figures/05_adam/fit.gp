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
frames = '0 10 20 30 40 50 60 70 80 90 100 110 120 130 140 150 160 170 180 190 200 210 220 230 240 250 260 270 280 290 300 310 320 330 340 350 360 370 380 390 400 410 420 430 440 450 460 470 480 490 500 510 520 530 540 550 560 570 580 590 600 610 620 630 640 650 660 670 680 690 700 710 720 730 740 750 760 770 780 790 800 810 820 830 840 850 860 870 880 890 900 910 920 930 940 950 960 970 980 990 1000 '
do for [i = 1:words(frames)] {
  set title sprintf('Fitted lines after update %s (epoch %.1f): Adam keeps moving', word(frames, i), word(frames, i) / 20.0)
  plot 'fit_points.dat' with points pt 7 ps 1.3 lc rgb '#333333' title 'data', \
       'fit.dat' index i-1 using 1:2 with lines lt 2 lw 2 title 'Adam', \
       '' index i-1 using 1:3 with lines lt 3 lw 2 title 'AMSGrad'
}
