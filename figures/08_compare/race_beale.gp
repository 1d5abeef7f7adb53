# race_beale.gp: replot with `gnuplot race_beale.gp` inside this folder.
set terminal pngcairo size 1000,780 enhanced font 'DejaVu Sans,13' linewidth 1.2
set output 'race_beale.png'
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
set title 'The race on beale: each takes its own way down to (3, 0.5)'
set xlabel 'x'
set ylabel 'y'
set key bottom left
set label 1 'start' at 1,1.5 point pt 6 ps 2.5 lw 2 lc rgb 'black' offset 1.2,0.6 front
set label 10 '' at 3,0.5 point pt 3 ps 2.5 lw 2 lc rgb 'black' front
floor = -181.846627663
set xrange [-4.5:4.5]
set yrange [-4.5:4.5]
set contour base
unset surface
set view map
set cntrparam levels discrete 0.00697863922119,127.532598366,344.486104716,713.579185923,1341.50036999,2409.7539718,4227.12498384,7318.93519615,12578.8905523,21527.4121139,36751.1227188,62650.5255407,106711.995437,181671.759675
set table $contours
splot 'race_beale_surface.dat' using 1:2:3 with lines notitle
unset table
unset contour
set palette defined (0 '#fbfdff', 0.45 '#dbe9f6', 0.8 '#a9c9e4', 1 '#7aa6cf')
set cblabel 'log_{10}(loss - floor)'
plot 'race_beale_surface.dat' using 1:2:(log10($3 - floor)) with image notitle, \
     $contours using 1:2 with lines lc rgb '#7f9fb9' lw 0.8 notitle, \
     'race_beale.dat' index 0 using 2:3 with linespoints lt 2 lw 1.5 pt 7 ps 0.3 title 'sgd (η = 0.02)', \
     'race_beale.dat' index 1 using 2:3 with linespoints lt 3 lw 1.5 pt 7 ps 0.3 title 'momentum (η = 0.005)', \
     'race_beale.dat' index 2 using 2:3 with linespoints lt 7 lw 1.5 pt 7 ps 0.3 title 'nesterov (η = 0.005)', \
     'race_beale.dat' index 3 using 2:3 with linespoints lt 4 lw 1.5 pt 7 ps 0.3 title 'adagrad (η = 2)', \
     'race_beale.dat' index 4 using 2:3 with linespoints lt 5 lw 1.5 pt 7 ps 0.3 title 'rmsprop (η = 0.005)', \
     'race_beale.dat' index 5 using 2:3 with linespoints lt 1 lw 1.5 pt 7 ps 0.3 title 'adam (η = 0.5)', \
     'race_beale.dat' index 6 using 2:3 with linespoints lt 8 lw 1.5 pt 7 ps 0.3 title 'adamw (η = 0.5)'
