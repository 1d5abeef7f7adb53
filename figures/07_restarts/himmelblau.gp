# himmelblau.gp: replot with `gnuplot himmelblau.gp` inside this folder.
set terminal pngcairo size 1500,820 enhanced font 'DejaVu Sans,13' linewidth 1.2
set output 'himmelblau.png'
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
set multiplot layout 1,2 title 'Himmelblau, 24 noisy SGD+momentum runs from the same starts: each path coloured by the minimum it ends in'
set xlabel 'x'
set ylabel 'y'
set size ratio -1
unset colorbox
set key at screen 0.5, screen 0.035 center center horizontal
set bmargin 6
set title 'one cosine over the run'
floor = -0.89
set xrange [-5:5]
set yrange [-5:5]
set contour base
unset surface
set view map
set cntrparam levels discrete 0,0.624116309069,1.685896851,3.49225554222,6.56533099661,11.7934137657,20.687711952,35.8191748078,61.5616407517,105.356121113,179.861668261,306.614549219,522.253430432,889.11
set table $contours
splot 'himmelblau_surface.dat' using 1:2:3 with lines notitle
unset table
unset contour
set palette defined (0 '#fbfdff', 0.45 '#dbe9f6', 0.8 '#a9c9e4', 1 '#7aa6cf')
set cblabel sprintf("log_{10}(loss - m),  m = %.4g, just below the lowest loss", floor)
plot 'himmelblau_surface.dat' using 1:2:(log10($3 - floor)) with image notitle, \
     $contours using 1:2 with lines lc rgb '#7f9fb9' lw 0.8 notitle, \
     'himmelblau.dat' index 0:23 using 2:3:4 with lines lc variable lw 0.7 notitle, \
     '' index 0:23 every ::0::0 using 2:3 with points pt 6 ps 1 lc rgb '#333333' notitle, \
     'himmelblau_ends.dat' index 0 using 1:2:3 with points pt 7 ps 1.6 lc variable notitle, \
     NaN with lines lt 2 lw 3 title 'ends at (3, 2)', \
     NaN with lines lt 3 lw 3 title 'ends at (-2.81, 3.13)', \
     NaN with lines lt 4 lw 3 title 'ends at (-3.78, -3.28)', \
     NaN with lines lt 7 lw 3 title 'ends at (3.58, -1.85)'
unset key
set title 'warm restarts (SGDR)'
floor = -0.89
set xrange [-5:5]
set yrange [-5:5]
set contour base
unset surface
set view map
set cntrparam levels discrete 0,0.624116309069,1.685896851,3.49225554222,6.56533099661,11.7934137657,20.687711952,35.8191748078,61.5616407517,105.356121113,179.861668261,306.614549219,522.253430432,889.11
set table $contours
splot 'himmelblau_surface.dat' using 1:2:3 with lines notitle
unset table
unset contour
set palette defined (0 '#fbfdff', 0.45 '#dbe9f6', 0.8 '#a9c9e4', 1 '#7aa6cf')
set cblabel sprintf("log_{10}(loss - m),  m = %.4g, just below the lowest loss", floor)
plot 'himmelblau_surface.dat' using 1:2:(log10($3 - floor)) with image notitle, \
     $contours using 1:2 with lines lc rgb '#7f9fb9' lw 0.8 notitle, \
     'himmelblau.dat' index 24:47 using 2:3:4 with lines lc variable lw 0.7 notitle, \
     '' index 24:47 every ::0::0 using 2:3 with points pt 6 ps 1 lc rgb '#333333' notitle, \
     'himmelblau_ends.dat' index 1 using 1:2:3 with points pt 7 ps 1.6 lc variable notitle, \
     NaN with lines lt 2 lw 3 title 'ends at (3, 2)', \
     NaN with lines lt 3 lw 3 title 'ends at (-2.81, 3.13)', \
     NaN with lines lt 4 lw 3 title 'ends at (-3.78, -3.28)', \
     NaN with lines lt 7 lw 3 title 'ends at (3.58, -1.85)'
unset multiplot
