# restless_paths.gp: replot with `gnuplot restless_paths.gp` inside this folder.
set terminal pngcairo size 950,750 enhanced font 'DejaVu Sans,13' linewidth 1.2
set output 'restless_paths.png'
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
set title 'The paths on the loss surface: Adam ends on a closed loop around the minimum'
set xlabel 'a (slope)'
set ylabel 'b (intercept)'
set key bottom right
set label 1 'start' at 1,1 point pt 7 ps 1.5 lc rgb 'black' offset 1,0 front
set label 2 '' at 1.5,-28 point pt 3 ps 2.5 lw 2 lc rgb 'black' front
floor = -1.00541512255
set xrange [-0.139186937603:2.92292569049]
set yrange [-31.1690469336:2.53185937779]
set contour base
unset surface
set view map
set cntrparam levels discrete 0.0503983278271,0.790792028632,2.0503899809,4.19328638809,7.83889807211,14.0410105522,24.5923809531,42.542945006,73.0814189268,125.035128385,213.421598954,363.789460291,619.603427943,1054.80803526
set table $contours
splot 'restless_paths_surface.dat' using 1:2:3 with lines notitle
unset table
unset contour
set palette defined (0 '#fbfdff', 0.45 '#dbe9f6', 0.8 '#a9c9e4', 1 '#7aa6cf')
set cblabel 'log_{10}(loss - floor)'
plot 'restless_paths_surface.dat' using 1:2:(log10($3 - floor)) with image notitle, \
     $contours using 1:2 with lines lc rgb '#7f9fb9' lw 0.8 notitle, \
     'restless_paths.dat' index 0 using 2:3 with lines lt 2 lw 0.8 title 'Adam, all updates', \
     '' index 0 every ::900 using 2:3 with lines lt 7 lw 2.5 title 'Adam, last 100 updates', \
     '' index 1 using 2:3 with lines lt 3 lw 1.5 title 'AMSGrad'
