# nadam.gp: replot with `gnuplot nadam.gp` inside this folder.
set terminal pngcairo size 1000,650 enhanced font 'DejaVu Sans,13' linewidth 1.2
set output 'nadam.png'
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
set title "NAdam on the ravine, η = 0.3: the look-ahead trims Adam's overshoot past x = 0 a little,\ntorch's smaller early momentum much more"
set xlabel 'x'
set ylabel 'y'
set key bottom right
set arrow 1 from 0,-2.5 to 0,2.5 nohead dt 3 lw 1.5 lc rgb '#444444' front
set label 10 '' at 0,0 point pt 3 ps 2.5 lw 2 lc rgb 'black' front
floor = -0.015525
set xrange [-5.5:1.5]
set yrange [-2.5:2.5]
set contour base
unset surface
set view map
set cntrparam levels discrete 0,0.0108869726947,0.0294084815862,0.0609182778572,0.114524453621,0.205722189565,0.360872728152,0.624823245945,1.07387019401,1.83781323626,3.13747460645,5.34852907485,9.11009495221,15.509475
set table $contours
splot 'nadam_surface.dat' using 1:2:3 with lines notitle
unset table
unset contour
set palette defined (0 '#fbfdff', 0.45 '#dbe9f6', 0.8 '#a9c9e4', 1 '#7aa6cf')
set cblabel sprintf("log_{10}(loss - m),  m = %.4g, just below the lowest loss", floor)
plot 'nadam_surface.dat' using 1:2:(log10($3 - floor)) with image notitle, \
     $contours using 1:2 with lines lc rgb '#7f9fb9' lw 0.8 notitle, \
     'nadam.dat' index 0 every ::0::300 using 2:3 with lines lt 2 lw 1.6 title 'Adam', \
     'nadam.dat' index 1 every ::0::300 using 2:3 with lines lt 1 lw 1.6 title 'NAdam (torch)', \
     'nadam.dat' index 2 every ::0::300 using 2:3 with lines lt 6 dt 2 lw 1.6 title 'NAdam, mu = beta1', \
     'nadam.dat' index 3 every ::0::300 using 2:3 with lines lt 7 dt 3 lw 1.6 title 'Adam, beta1 = 0.45'
