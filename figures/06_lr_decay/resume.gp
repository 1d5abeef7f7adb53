# resume.gp: replot with `gnuplot resume.gp` inside this folder.
set terminal pngcairo size 1500,520 enhanced font 'DejaVu Sans,13' linewidth 1.2
set output 'resume.png'
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
set multiplot layout 1,3 title 'A break after epoch 30: the exact resume is the unbroken run; a lost state costs as long as it remembers, a clock at 0 costs the rest of the run'
set logscale y
set format y '10^{%L}'
set xlabel 'epoch'
set ylabel 'L(θ) − L(θ*), mean over seeds'
set key top right font ',9'
set arrow 1 from 30, graph 0 to 30, graph 1 nohead dt 3 lc rgb 'gray40'
set title 'sgd mu=0.9 lr=0.001'
plot 'resume.dat' index 0 using 1:2 with lines lt 7 lw 4 title 'no break', \
     'resume.dat' index 2 using 1:2 with lines lt 2 lw 1.5 title 'resumed without optimizer state', \
     'resume.dat' index 3 using 1:2 with lines lt 1 lw 2 dt 2 title 'resumed with the schedule clock at 0', \
     'resume.dat' index 1 using 1:2 with points lt 5 pt 6 ps 1.1 title 'resumed with everything'
set title 'adam beta2=0.999 lr=0.2'
plot 'resume.dat' index 4 using 1:2 with lines lt 7 lw 4 title 'no break', \
     'resume.dat' index 6 using 1:2 with lines lt 2 lw 1.5 title 'resumed without optimizer state', \
     'resume.dat' index 7 using 1:2 with lines lt 1 lw 2 dt 2 title 'resumed with the schedule clock at 0', \
     'resume.dat' index 5 using 1:2 with points lt 5 pt 6 ps 1.1 title 'resumed with everything'
set title 'adam beta2=0.9 lr=0.2'
plot 'resume.dat' index 8 using 1:2 with lines lt 7 lw 4 title 'no break', \
     'resume.dat' index 10 using 1:2 with lines lt 2 lw 1.5 title 'resumed without optimizer state', \
     'resume.dat' index 11 using 1:2 with lines lt 1 lw 2 dt 2 title 'resumed with the schedule clock at 0', \
     'resume.dat' index 9 using 1:2 with points lt 5 pt 6 ps 1.1 title 'resumed with everything'
unset multiplot
