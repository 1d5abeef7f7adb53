# line_paths.gp: replot with `gnuplot line_paths.gp` inside this folder.
set terminal pngcairo size 950,700 enhanced font 'DejaVu Sans,13' linewidth 1.2
set output 'line_paths.png'
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
set title 'Line fit: AdaGrad''s steps along b die away, RMSprop''s do not'
set key bottom right
set label 10 '' at 1.5,-28 point pt 3 ps 2.5 lw 2 lc rgb 'black' front
floor = -1.25278365625
set xrange [-0.5:5.5]
set yrange [-32:3]
set contour base
unset surface
set view map
set cntrparam levels discrete 0.02259375,0.91695761456,2.43849796689,5.02702500326,9.43076770239,16.9226538167,29.6682571327,51.3517693235,88.2409372403,150.998792039,257.765861109,439.403794313,748.416105559,1274.12462259
set table $contours
splot 'line_paths_surface.dat' using 1:2:3 with lines notitle
unset table
unset contour
set palette defined (0 '#fbfdff', 0.45 '#dbe9f6', 0.8 '#a9c9e4', 1 '#7aa6cf')
set cblabel sprintf("log_{10}(loss - m),  m = %.4g, just below the lowest loss", floor)
plot 'line_paths_surface.dat' using 1:2:(log10($3 - floor)) with image notitle, \
     $contours using 1:2 with lines lc rgb '#7f9fb9' lw 0.8 notitle, \
     'line_paths.dat' index 0 using 2:3 with linespoints lt 7 lw 1.5 pt 7 ps 0.4 title 'GD', \
     'line_paths.dat' index 1 using 2:3 with linespoints lt 2 lw 1.5 pt 7 ps 0.4 title 'AdaGrad', \
     'line_paths.dat' index 2 using 2:3 with linespoints lt 1 lw 1.5 pt 7 ps 0.4 title 'RMSprop', \
     'line_paths.dat' index 0 every ::0::0 using 2:3 with points pt 6 ps 2.5 lw 2 lc rgb 'black' title 'start'
