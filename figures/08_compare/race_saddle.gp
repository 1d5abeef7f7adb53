# race_saddle.gp: replot with `gnuplot race_saddle.gp` inside this folder.
set terminal pngcairo size 1400,1300 enhanced font 'DejaVu Sans,13' linewidth 1.2
set output 'race_saddle.png'
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
set multiplot layout 2,2 title 'The race on saddle: every path leaves along y, the adaptive ones first (the paths run off the map)'
set xlabel 'x' offset 0,0.9
set ylabel 'y'
unset colorbox
set key below maxrows 3 opaque
set label 1 'start' at 1,0.001 point pt 6 ps 2.5 lw 2 lc rgb 'black' offset 1.2,0.6 front
set title 'SGD and momentum (chapters 01-03)'
floor = -4.008
set xrange [-2:2]
set yrange [-2:2]
set contour base
unset surface
set view map
set cntrparam levels discrete -4,-3.99438996576,-3.984845871,-3.96860893895,-3.94098578879,-3.89399178638,-3.81404303863,-3.67802988937,-3.44663693706,-3.05297868663,-2.38326590328,-1.24391416433,0.69441285782,3.992
set table $contours
splot 'race_saddle_surface.dat' using 1:2:3 with lines notitle
unset table
unset contour
set palette defined (0 '#fbfdff', 0.45 '#dbe9f6', 0.8 '#a9c9e4', 1 '#7aa6cf')
set cblabel sprintf("log_{10}(loss - m),  m = %.4g, just below the lowest loss", floor)
plot 'race_saddle_surface.dat' using 1:2:(log10($3 - floor)) with image notitle, \
     $contours using 1:2 with lines lc rgb '#7f9fb9' lw 0.8 notitle, \
     'race_saddle.dat' index 0 using 2:3 with linespoints lt 2 lw 1.5 pt 7 ps 0.35 title 'sgd (η = 0.05)', \
     '' index 0 every ::150::150 using 2:3 with points lt 2 pt 7 ps 2 notitle, \
     '' index 0 every ::150::150 using 2:3 with points pt 6 ps 2 lw 1.5 lc rgb 'black' notitle, \
     'race_saddle.dat' index 1 using 2:3 with linespoints lt 3 dt 2 lw 1.5 pt 7 ps 0.35 title 'momentum (η = 0.005)', \
     '' index 1 every ::150::150 using 2:3 with points lt 3 dt 2 pt 7 ps 2 notitle, \
     '' index 1 every ::150::150 using 2:3 with points pt 6 ps 2 lw 1.5 lc rgb 'black' notitle, \
     'race_saddle.dat' index 2 using 2:3 with linespoints lt 7 lw 1.5 pt 7 ps 0.35 title 'nesterov (η = 0.005)', \
     '' index 2 every ::150::150 using 2:3 with points lt 7 pt 7 ps 2 notitle, \
     '' index 2 every ::150::150 using 2:3 with points pt 6 ps 2 lw 1.5 lc rgb 'black' notitle, \
     'race_saddle.dat' index 3 using 2:3 with linespoints lt 4 dt 4 lw 1.5 pt 7 ps 0.35 title 'momentum-ema (η = 0.05)', \
     '' index 3 every ::150::150 using 2:3 with points lt 4 dt 4 pt 7 ps 2 notitle, \
     '' index 3 every ::150::150 using 2:3 with points pt 6 ps 2 lw 1.5 lc rgb 'black' notitle
set title 'Per-coordinate steps (chapter 04)'
floor = -4.008
set xrange [-2:2]
set yrange [-2:2]
set contour base
unset surface
set view map
set cntrparam levels discrete -4,-3.99438996576,-3.984845871,-3.96860893895,-3.94098578879,-3.89399178638,-3.81404303863,-3.67802988937,-3.44663693706,-3.05297868663,-2.38326590328,-1.24391416433,0.69441285782,3.992
set table $contours
splot 'race_saddle_surface.dat' using 1:2:3 with lines notitle
unset table
unset contour
set palette defined (0 '#fbfdff', 0.45 '#dbe9f6', 0.8 '#a9c9e4', 1 '#7aa6cf')
set cblabel sprintf("log_{10}(loss - m),  m = %.4g, just below the lowest loss", floor)
plot 'race_saddle_surface.dat' using 1:2:(log10($3 - floor)) with image notitle, \
     $contours using 1:2 with lines lc rgb '#7f9fb9' lw 0.8 notitle, \
     'race_saddle.dat' index 4 using 2:3 with linespoints lt 2 lw 1.5 pt 7 ps 0.35 title 'adagrad (η = 0.1)', \
     '' index 4 every ::150::150 using 2:3 with points lt 2 pt 7 ps 2 notitle, \
     '' index 4 every ::150::150 using 2:3 with points pt 6 ps 2 lw 1.5 lc rgb 'black' notitle, \
     'race_saddle.dat' index 5 using 2:3 with linespoints lt 3 dt 2 lw 1.5 pt 7 ps 0.35 title 'rmsprop (η = 0.01)', \
     '' index 5 every ::150::150 using 2:3 with points lt 3 dt 2 pt 7 ps 2 notitle, \
     '' index 5 every ::150::150 using 2:3 with points pt 6 ps 2 lw 1.5 lc rgb 'black' notitle, \
     'race_saddle.dat' index 6 using 2:3 with linespoints lt 7 lw 1.5 pt 7 ps 0.35 title 'adadelta (η = 30)', \
     '' index 6 every ::150::150 using 2:3 with points lt 7 pt 7 ps 2 notitle, \
     '' index 6 every ::150::150 using 2:3 with points pt 6 ps 2 lw 1.5 lc rgb 'black' notitle, \
     'race_saddle.dat' index 7 using 2:3 with linespoints lt 4 dt 4 lw 1.5 pt 7 ps 0.35 title 'rprop (η = 0.1)', \
     '' index 7 every ::150::150 using 2:3 with points lt 4 dt 4 pt 7 ps 2 notitle, \
     '' index 7 every ::150::150 using 2:3 with points pt 6 ps 2 lw 1.5 lc rgb 'black' notitle, \
     'race_saddle.dat' index 8 using 2:3 with linespoints lt 5 dt 3 lw 1.5 pt 7 ps 0.35 title 'local-gain (η = 0.05)', \
     '' index 8 every ::150::150 using 2:3 with points lt 5 dt 3 pt 7 ps 2 notitle, \
     '' index 8 every ::150::150 using 2:3 with points pt 6 ps 2 lw 1.5 lc rgb 'black' notitle
set title 'The Adam family (chapter 05)'
floor = -4.008
set xrange [-2:2]
set yrange [-2:2]
set contour base
unset surface
set view map
set cntrparam levels discrete -4,-3.99438996576,-3.984845871,-3.96860893895,-3.94098578879,-3.89399178638,-3.81404303863,-3.67802988937,-3.44663693706,-3.05297868663,-2.38326590328,-1.24391416433,0.69441285782,3.992
set table $contours
splot 'race_saddle_surface.dat' using 1:2:3 with lines notitle
unset table
unset contour
set palette defined (0 '#fbfdff', 0.45 '#dbe9f6', 0.8 '#a9c9e4', 1 '#7aa6cf')
set cblabel sprintf("log_{10}(loss - m),  m = %.4g, just below the lowest loss", floor)
plot 'race_saddle_surface.dat' using 1:2:(log10($3 - floor)) with image notitle, \
     $contours using 1:2 with lines lc rgb '#7f9fb9' lw 0.8 notitle, \
     'race_saddle.dat' index 9 using 2:3 with linespoints lt 2 lw 1.5 pt 7 ps 0.35 title 'adam (η = 0.1)', \
     '' index 9 every ::150::150 using 2:3 with points lt 2 pt 7 ps 2 notitle, \
     '' index 9 every ::150::150 using 2:3 with points pt 6 ps 2 lw 1.5 lc rgb 'black' notitle, \
     'race_saddle.dat' index 10 using 2:3 with linespoints lt 3 dt 2 lw 1.5 pt 7 ps 0.35 title 'adamw (η = 0.1)', \
     '' index 10 every ::150::150 using 2:3 with points lt 3 dt 2 pt 7 ps 2 notitle, \
     '' index 10 every ::150::150 using 2:3 with points pt 6 ps 2 lw 1.5 lc rgb 'black' notitle, \
     'race_saddle.dat' index 11 using 2:3 with linespoints lt 7 lw 1.5 pt 7 ps 0.35 title 'amsgrad (η = 0.1)', \
     '' index 11 every ::150::150 using 2:3 with points lt 7 pt 7 ps 2 notitle, \
     '' index 11 every ::150::150 using 2:3 with points pt 6 ps 2 lw 1.5 lc rgb 'black' notitle, \
     'race_saddle.dat' index 12 using 2:3 with linespoints lt 4 dt 4 lw 1.5 pt 7 ps 0.35 title 'adamax (η = 0.1)', \
     '' index 12 every ::150::150 using 2:3 with points lt 4 dt 4 pt 7 ps 2 notitle, \
     '' index 12 every ::150::150 using 2:3 with points pt 6 ps 2 lw 1.5 lc rgb 'black' notitle, \
     'race_saddle.dat' index 13 using 2:3 with linespoints lt 5 dt 3 lw 1.5 pt 7 ps 0.35 title 'nadam (η = 0.1)', \
     '' index 13 every ::150::150 using 2:3 with points lt 5 dt 3 pt 7 ps 2 notitle, \
     '' index 13 every ::150::150 using 2:3 with points pt 6 ps 2 lw 1.5 lc rgb 'black' notitle, \
     'race_saddle.dat' index 14 using 2:3 with linespoints lt 1 dt 5 lw 1.5 pt 7 ps 0.35 title 'radam (η = 0.05)', \
     '' index 14 every ::150::150 using 2:3 with points lt 1 dt 5 pt 7 ps 2 notitle, \
     '' index 14 every ::150::150 using 2:3 with points pt 6 ps 2 lw 1.5 lc rgb 'black' notitle
set title 'Second order: L-BFGS, each iteration a dot'
floor = -4.008
set xrange [-2:2]
set yrange [-2:2]
set contour base
unset surface
set view map
set cntrparam levels discrete -4,-3.99438996576,-3.984845871,-3.96860893895,-3.94098578879,-3.89399178638,-3.81404303863,-3.67802988937,-3.44663693706,-3.05297868663,-2.38326590328,-1.24391416433,0.69441285782,3.992
set table $contours
splot 'race_saddle_surface.dat' using 1:2:3 with lines notitle
unset table
unset contour
set palette defined (0 '#fbfdff', 0.45 '#dbe9f6', 0.8 '#a9c9e4', 1 '#7aa6cf')
set cblabel sprintf("log_{10}(loss - m),  m = %.4g, just below the lowest loss", floor)
plot 'race_saddle_surface.dat' using 1:2:(log10($3 - floor)) with image notitle, \
     $contours using 1:2 with lines lc rgb '#7f9fb9' lw 0.8 notitle, \
     'race_saddle.dat' index 15 using 2:3 with linespoints lt 2 lw 1.5 pt 7 ps 0.35 title 'lbfgs (η = 1)', \
     '' index 15 every ::10::10 using 2:3 with points lt 2 pt 7 ps 2 notitle, \
     '' index 15 every ::10::10 using 2:3 with points pt 6 ps 2 lw 1.5 lc rgb 'black' notitle
unset multiplot
