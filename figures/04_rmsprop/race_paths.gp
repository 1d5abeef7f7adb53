# race_paths.gp: replot with `gnuplot race_paths.gp` inside this folder.
set terminal pngcairo size 1500,700 enhanced font 'DejaVu Sans,13' linewidth 1.2
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
set multiplot layout 1,2 title 'Where each rule is after 30 steps (large dots): GD 0.41 from the minimum on both; RMSprop 0.10 on the ravine, 1.85 turned by 45°'
set xlabel 'x'
set ylabel 'y'
set title 'ravine 0.1x² + 2y²: its axes are x and y'
set key top right
set label 10 '' at 0,0 point pt 3 ps 2.5 lw 2 lc rgb 'black' front
floor = -0.0216
set xrange [-6:2]
set yrange [-3:3]
set contour base
unset surface
set view map
set cntrparam levels discrete 0,0.0151470924448,0.0409161482939,0.0847558648449,0.159338370255,0.286222176785,0.50208379569,0.869319298707,1.49408026993,2.5569575461,4.36518206115,7.44143175632,12.6749147161,21.5784
set table $contours
splot 'race_paths_surface.dat' using 1:2:3 with lines notitle
unset table
unset contour
set palette defined (0 '#fbfdff', 0.45 '#dbe9f6', 0.8 '#a9c9e4', 1 '#7aa6cf')
set cblabel sprintf("log_{10}(loss - m),  m = %.4g, just below the lowest loss", floor)
plot 'race_paths_surface.dat' using 1:2:(log10($3 - floor)) with image notitle, \
     $contours using 1:2 with lines lc rgb '#7f9fb9' lw 0.8 notitle, \
     'race_paths.dat' index 0 using 2:3 with linespoints lt 7 lw 1.5 pt 7 ps 0.4 title 'GD', \
     'race_paths.dat' index 1 using 2:3 with linespoints lt 2 lw 1.5 pt 7 ps 0.4 title 'AdaGrad', \
     'race_paths.dat' index 2 using 2:3 with linespoints lt 1 lw 1.5 pt 7 ps 0.4 title 'RMSprop', \
     'race_paths.dat' index 3 using 2:3 with linespoints lt 6 dt 2 lw 1.5 pt 7 ps 0.4 title 'centered RMSprop', \
     'race_paths.dat' index 4 using 2:3 with linespoints lt 8 dt 3 lw 1.5 pt 7 ps 0.4 title 'RMSprop + momentum', \
     'race_paths.dat' index 0 every ::0::0 using 2:3 with points pt 6 ps 2.5 lw 2 lc rgb 'black' title 'start', \
     'race_paths.dat' index 0 every ::30::30 using 2:3 with points lt 7 pt 7 ps 1.8 notitle, \
     'race_paths.dat' index 1 every ::30::30 using 2:3 with points lt 2 pt 7 ps 1.8 notitle, \
     'race_paths.dat' index 2 every ::30::30 using 2:3 with points lt 1 pt 7 ps 1.8 notitle, \
     'race_paths.dat' index 3 every ::30::30 using 2:3 with points lt 6 dt 2 pt 7 ps 1.8 notitle, \
     'race_paths.dat' index 4 every ::30::30 using 2:3 with points lt 8 dt 3 pt 7 ps 1.8 notitle
set title 'the same ravine turned by 45°'
set key top left
set label 10 '' at 0,0 point pt 3 ps 2.5 lw 2 lc rgb 'black' front
floor = -0.0905625
set xrange [-4.5:3.5]
set yrange [-6:2]
set contour base
unset surface
set view map
set cntrparam levels discrete 0,0.0635073407192,0.17154947592,0.355356620834,0.668059312787,1.20004610579,2.10509091422,3.64480226802,6.2642427984,10.7205772115,18.3019352043,31.1997529367,53.1422205545,90.4719375
set table $contours
splot 'race_paths_rotated_surface.dat' using 1:2:3 with lines notitle
unset table
unset contour
set palette defined (0 '#fbfdff', 0.45 '#dbe9f6', 0.8 '#a9c9e4', 1 '#7aa6cf')
set cblabel sprintf("log_{10}(loss - m),  m = %.4g, just below the lowest loss", floor)
plot 'race_paths_rotated_surface.dat' using 1:2:(log10($3 - floor)) with image notitle, \
     $contours using 1:2 with lines lc rgb '#7f9fb9' lw 0.8 notitle, \
     'race_paths_rotated.dat' index 0 using 2:3 with linespoints lt 7 lw 1.5 pt 7 ps 0.4 title 'GD', \
     'race_paths_rotated.dat' index 1 using 2:3 with linespoints lt 2 lw 1.5 pt 7 ps 0.4 title 'AdaGrad', \
     'race_paths_rotated.dat' index 2 using 2:3 with linespoints lt 1 lw 1.5 pt 7 ps 0.4 title 'RMSprop', \
     'race_paths_rotated.dat' index 3 using 2:3 with linespoints lt 6 dt 2 lw 1.5 pt 7 ps 0.4 title 'centered RMSprop', \
     'race_paths_rotated.dat' index 4 using 2:3 with linespoints lt 8 dt 3 lw 1.5 pt 7 ps 0.4 title 'RMSprop + momentum', \
     'race_paths_rotated.dat' index 0 every ::0::0 using 2:3 with points pt 6 ps 2.5 lw 2 lc rgb 'black' title 'start', \
     'race_paths_rotated.dat' index 0 every ::30::30 using 2:3 with points lt 7 pt 7 ps 1.8 notitle, \
     'race_paths_rotated.dat' index 1 every ::30::30 using 2:3 with points lt 2 pt 7 ps 1.8 notitle, \
     'race_paths_rotated.dat' index 2 every ::30::30 using 2:3 with points lt 1 pt 7 ps 1.8 notitle, \
     'race_paths_rotated.dat' index 3 every ::30::30 using 2:3 with points lt 6 dt 2 pt 7 ps 1.8 notitle, \
     'race_paths_rotated.dat' index 4 every ::30::30 using 2:3 with points lt 8 dt 3 pt 7 ps 1.8 notitle
unset multiplot
