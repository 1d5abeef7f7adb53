# race_paths.gp: replot with `gnuplot race_paths.gp` inside this folder.
set terminal pngcairo size 950,700 enhanced font 'DejaVu Sans,13' linewidth 1.2
set output 'race_paths.png'
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
set title 'Ravine 0.1x² + 2y²: the adaptive methods take the diagonal'
set xlabel 'x'
set ylabel 'y'
set key top left
set label 10 '' at 0,0 point pt 3 ps 2.5 lw 2 lc rgb 'black' front
floor = -0.02034875
set xrange [-6:2]
set yrange [-2.5:3]
set contour base
unset surface
set view map
set cntrparam levels discrete 0.00125,0.016396215877,0.0421637804612,0.0860009599916,0.160579149284,0.287455613002,0.503304739915,0.870518990877,1.49524380695,2.55805957402,4.36617944645,7.44225111791,12.6754312141,21.57840125
set table $contours
splot 'race_paths_surface.dat' using 1:2:3 with lines notitle
unset table
unset contour
set palette defined (0 '#fbfdff', 0.45 '#dbe9f6', 0.8 '#a9c9e4', 1 '#7aa6cf')
set cblabel 'log_{10}(loss - floor)'
plot 'race_paths_surface.dat' using 1:2:(log10($3 - floor)) with image notitle, \
     $contours using 1:2 with lines lc rgb '#7f9fb9' lw 0.8 notitle, \
     'race_paths.dat' index 0 using 2:3 with linespoints lt 2 lw 1.5 pt 7 ps 0.45 title 'GD', \
     'race_paths.dat' index 1 using 2:3 with linespoints lt 3 lw 1.5 pt 7 ps 0.45 title 'AdaGrad', \
     'race_paths.dat' index 2 using 2:3 with linespoints lt 7 lw 1.5 pt 7 ps 0.45 title 'RMSprop', \
     'race_paths.dat' index 3 using 2:3 with linespoints lt 4 lw 1.5 pt 7 ps 0.45 title 'centered RMSprop', \
     'race_paths.dat' index 4 using 2:3 with linespoints lt 5 lw 1.5 pt 7 ps 0.45 title 'RMSprop + momentum', \
     'race_paths.dat' index 0 every ::0::0 using 2:3 with points pt 6 ps 2.5 lw 2 lc rgb 'black' title 'start'
