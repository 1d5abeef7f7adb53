# paths.gp: replot with `gnuplot paths.gp` inside this folder.
set terminal pngcairo size 1000,750 enhanced font 'DejaVu Sans,13' linewidth 1.2
set output 'paths.png'
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
set title 'Paths: Adam swings wide in a but reaches b = -28 in 45 steps; SGD and momentum lag behind'
set xlabel 'a (slope)'
set ylabel 'b (intercept)'
set key bottom left width 1
set label 1 'start (1, 1)' at 1,1 point pt 7 ps 1.5 lc rgb 'black' offset 1,0 front
set label 2 'minimum (1.5, -28)' at 1.5,-28 point pt 6 ps 2.5 lw 2 lc rgb 'black' offset 7,-2.6 front
floor = -1.42761081512
set xrange [-1.81645525035:2.98469119349]
set yrange [-31.7633106361:2.85452701714]
set contour base
unset surface
set view map
set cntrparam levels discrete 0.00260645718791,1.00555244052,2.71181858711,5.61461117158,10.5529994794,18.9544537237,33.2474637138,57.5635081314,98.931282766,169.308386411,289.037735191,492.727802226,839.256400534,1428.7896615
set table $contours
splot 'paths_surface.dat' using 1:2:3 with lines notitle
unset table
unset contour
set palette defined (0 '#fbfdff', 0.45 '#dbe9f6', 0.8 '#a9c9e4', 1 '#7aa6cf')
set cblabel sprintf("log_{10}(loss - m),  m = %.4g, just below the lowest loss", floor)
plot 'paths_surface.dat' using 1:2:(log10($3 - floor)) with image notitle, \
     $contours using 1:2 with lines lc rgb '#7f9fb9' lw 0.8 notitle, \
     'loss.dat' index 0 using 2:3 with lines lt 2 lw 1.2 title 'SGD', \
     'loss.dat' index 1 using 2:3 with lines lt 3 lw 1.5 title 'Momentum', \
     'loss.dat' index 2 using 2:3 with lines lt 7 lw 1.5 title 'Adam', \
     'loss.dat' index 3 using 2:3 with lines lt 4 lw 1.5 title 'AdamAnn'
