# paths.gp: replot with `gnuplot paths.gp` inside this folder.
set terminal pngcairo size 1000,700 enhanced font 'DejaVu Sans,13' linewidth 1.2
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
set title 'Paths on the loss surface: across the valley first (steep), then down it (shallow)'
set xlabel 'a (slope)'
set ylabel 'b (intercept)'
set key left center
set label 1 'start' at 0,0 point pt 7 ps 1.5 lc rgb 'black' offset 1,0.5 front
set label 2 'minimum (1.5, -28)' at 1.5,-28 point pt 6 ps 2 lw 2 lc rgb 'black' offset 1.2,-0.6 front
set clip two
floor = -1.06565624471
set xrange [-0.409459015163:2.5551967047]
set yrange [-30.24:2.24]
set contour base
unset surface
set view map
set cntrparam levels discrete 0.00643828184218,0.758249156995,2.03727062599,4.21321137414,7.91503988463,14.2127914814,24.9268683388,43.1542374472,74.1636271533,126.918484106,216.667910281,369.354505674,629.113229564,1071.02887031
set table $contours
splot 'paths_surface.dat' using 1:2:3 with lines notitle
unset table
unset contour
set palette defined (0 '#fbfdff', 0.45 '#dbe9f6', 0.8 '#a9c9e4', 1 '#7aa6cf')
set cblabel sprintf("log_{10}(loss - m),  m = %.4g, just below the lowest loss", floor)
plot 'paths_surface.dat' using 1:2:(log10($3 - floor)) with image notitle, \
     $contours using 1:2 with lines lc rgb '#7f9fb9' lw 0.8 notitle, \
     'paths.dat' index 0 using 2:3 with lines lt 2 lw 1.2 title 'per-sample (batch 1, 3000 updates)', \
     'paths.dat' index 1 using 2:3 with lines lt 3 lw 2 title 'mini-batch (batch 4, 750 updates)', \
     'paths.dat' index 2 using 2:3 with linespoints lt 7 lw 2 pt 7 ps 0.4 title 'full batch (batch 20, 150 updates)', \
     'paths_valley.dat' index 0 using 1:2 with lines dt 2 lw 2 lc rgb '#333333' title 'steep direction, λ_{max} = 54.8', \
     '' index 1 using 1:2 with lines dt 3 lw 2.5 lc rgb '#333333' title 'shallow direction, λ_{min} = 1.98'
