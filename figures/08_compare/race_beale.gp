# race_beale.gp: replot with `gnuplot race_beale.gp` inside this folder.
set terminal pngcairo size 1400,1300 enhanced font 'DejaVu Sans,13' linewidth 1.2
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
set multiplot layout 2,2 title 'The race on beale: each takes its own way down to (3, 0.5) (ringed disc: where each path ends; cross: the minimum)'
set xlabel 'x' offset 0,0.9
set ylabel 'y'
unset colorbox
set key below maxrows 3 opaque
set label 1 'start' at 1,1.5 point pt 6 ps 2.5 lw 2 lc rgb 'black' offset 1.2,0.6 front
set label 10 '' at 3,0.5 point pt 3 ps 3 lw 2 lc rgb 'black' front
set title 'SGD and momentum (chapters 01-03)'
floor = -1.70969250593
set xrange [-1.35106494812:3.73937679971]
set yrange [-2.12530568242:1.76854116166]
set contour base
unset surface
set view map
set cntrparam levels discrete 0.00114349471938,1.2008745623,3.24192217569,6.71426316336,12.6215981297,22.6714770238,39.7688765043,68.8559005449,118.340324682,202.525913032,345.747005513,589.402502063,1003.92245838,1709.12630814
set table $contours
splot 'race_beale_surface.dat' using 1:2:3 with lines notitle
unset table
unset contour
set palette defined (0 '#fbfdff', 0.45 '#dbe9f6', 0.8 '#a9c9e4', 1 '#7aa6cf')
set cblabel sprintf("log_{10}(loss - m),  m = %.4g, just below the lowest loss", floor)
plot 'race_beale_surface.dat' using 1:2:(log10($3 - floor)) with image notitle, \
     $contours using 1:2 with lines lc rgb '#7f9fb9' lw 0.8 notitle, \
     'race_beale.dat' index 0 using 2:3 with linespoints lt 2 lw 1.5 pt 7 ps 0.35 title 'sgd (η = 0.02)', \
     '' index 0 every ::550::550 using 2:3 with points lt 2 pt 7 ps 2 notitle, \
     '' index 0 every ::550::550 using 2:3 with points pt 6 ps 2 lw 1.5 lc rgb 'black' notitle, \
     'race_beale.dat' index 1 using 2:3 with linespoints lt 3 dt 2 lw 1.5 pt 7 ps 0.35 title 'momentum (η = 0.005)', \
     '' index 1 every ::550::550 using 2:3 with points lt 3 dt 2 pt 7 ps 2 notitle, \
     '' index 1 every ::550::550 using 2:3 with points pt 6 ps 2 lw 1.5 lc rgb 'black' notitle, \
     'race_beale.dat' index 2 using 2:3 with linespoints lt 7 lw 1.5 pt 7 ps 0.35 title 'nesterov (η = 0.005)', \
     '' index 2 every ::550::550 using 2:3 with points lt 7 pt 7 ps 2 notitle, \
     '' index 2 every ::550::550 using 2:3 with points pt 6 ps 2 lw 1.5 lc rgb 'black' notitle, \
     'race_beale.dat' index 3 using 2:3 with linespoints lt 4 dt 4 lw 1.5 pt 7 ps 0.35 title 'momentum-ema (η = 0.05)', \
     '' index 3 every ::550::550 using 2:3 with points lt 4 dt 4 pt 7 ps 2 notitle, \
     '' index 3 every ::550::550 using 2:3 with points pt 6 ps 2 lw 1.5 lc rgb 'black' notitle
set title 'Per-coordinate steps (chapter 04)'
floor = -1.70969250593
set xrange [-1.35106494812:3.73937679971]
set yrange [-2.12530568242:1.76854116166]
set contour base
unset surface
set view map
set cntrparam levels discrete 0.00114349471938,1.2008745623,3.24192217569,6.71426316336,12.6215981297,22.6714770238,39.7688765043,68.8559005449,118.340324682,202.525913032,345.747005513,589.402502063,1003.92245838,1709.12630814
set table $contours
splot 'race_beale_surface.dat' using 1:2:3 with lines notitle
unset table
unset contour
set palette defined (0 '#fbfdff', 0.45 '#dbe9f6', 0.8 '#a9c9e4', 1 '#7aa6cf')
set cblabel sprintf("log_{10}(loss - m),  m = %.4g, just below the lowest loss", floor)
plot 'race_beale_surface.dat' using 1:2:(log10($3 - floor)) with image notitle, \
     $contours using 1:2 with lines lc rgb '#7f9fb9' lw 0.8 notitle, \
     'race_beale.dat' index 4 using 2:3 with linespoints lt 2 lw 1.5 pt 7 ps 0.35 title 'adagrad (η = 2)', \
     '' index 4 every ::550::550 using 2:3 with points lt 2 pt 7 ps 2 notitle, \
     '' index 4 every ::550::550 using 2:3 with points pt 6 ps 2 lw 1.5 lc rgb 'black' notitle, \
     'race_beale.dat' index 5 using 2:3 with linespoints lt 3 dt 2 lw 1.5 pt 7 ps 0.35 title 'rmsprop (η = 0.005)', \
     '' index 5 every ::550::550 using 2:3 with points lt 3 dt 2 pt 7 ps 2 notitle, \
     '' index 5 every ::550::550 using 2:3 with points pt 6 ps 2 lw 1.5 lc rgb 'black' notitle, \
     'race_beale.dat' index 6 using 2:3 with linespoints lt 7 lw 1.5 pt 7 ps 0.35 title 'adadelta (η = 0.1)', \
     '' index 6 every ::550::550 using 2:3 with points lt 7 pt 7 ps 2 notitle, \
     '' index 6 every ::550::550 using 2:3 with points pt 6 ps 2 lw 1.5 lc rgb 'black' notitle, \
     'race_beale.dat' index 7 using 2:3 with linespoints lt 4 dt 4 lw 1.5 pt 7 ps 0.35 title 'rprop (η = 0.1)', \
     '' index 7 every ::550::550 using 2:3 with points lt 4 dt 4 pt 7 ps 2 notitle, \
     '' index 7 every ::550::550 using 2:3 with points pt 6 ps 2 lw 1.5 lc rgb 'black' notitle, \
     'race_beale.dat' index 8 using 2:3 with linespoints lt 5 dt 3 lw 1.5 pt 7 ps 0.35 title 'local-gain (η = 0.02)', \
     '' index 8 every ::550::550 using 2:3 with points lt 5 dt 3 pt 7 ps 2 notitle, \
     '' index 8 every ::550::550 using 2:3 with points pt 6 ps 2 lw 1.5 lc rgb 'black' notitle
set title 'The Adam family (chapter 05)'
floor = -1.70969250593
set xrange [-1.35106494812:3.73937679971]
set yrange [-2.12530568242:1.76854116166]
set contour base
unset surface
set view map
set cntrparam levels discrete 0.00114349471938,1.2008745623,3.24192217569,6.71426316336,12.6215981297,22.6714770238,39.7688765043,68.8559005449,118.340324682,202.525913032,345.747005513,589.402502063,1003.92245838,1709.12630814
set table $contours
splot 'race_beale_surface.dat' using 1:2:3 with lines notitle
unset table
unset contour
set palette defined (0 '#fbfdff', 0.45 '#dbe9f6', 0.8 '#a9c9e4', 1 '#7aa6cf')
set cblabel sprintf("log_{10}(loss - m),  m = %.4g, just below the lowest loss", floor)
plot 'race_beale_surface.dat' using 1:2:(log10($3 - floor)) with image notitle, \
     $contours using 1:2 with lines lc rgb '#7f9fb9' lw 0.8 notitle, \
     'race_beale.dat' index 9 using 2:3 with linespoints lt 2 lw 1.5 pt 7 ps 0.35 title 'adam (η = 0.5)', \
     '' index 9 every ::550::550 using 2:3 with points lt 2 pt 7 ps 2 notitle, \
     '' index 9 every ::550::550 using 2:3 with points pt 6 ps 2 lw 1.5 lc rgb 'black' notitle, \
     'race_beale.dat' index 10 using 2:3 with linespoints lt 3 dt 2 lw 1.5 pt 7 ps 0.35 title 'adamw (η = 0.5)', \
     '' index 10 every ::550::550 using 2:3 with points lt 3 dt 2 pt 7 ps 2 notitle, \
     '' index 10 every ::550::550 using 2:3 with points pt 6 ps 2 lw 1.5 lc rgb 'black' notitle, \
     'race_beale.dat' index 11 using 2:3 with linespoints lt 7 lw 1.5 pt 7 ps 0.35 title 'amsgrad (η = 0.5)', \
     '' index 11 every ::550::550 using 2:3 with points lt 7 pt 7 ps 2 notitle, \
     '' index 11 every ::550::550 using 2:3 with points pt 6 ps 2 lw 1.5 lc rgb 'black' notitle, \
     'race_beale.dat' index 12 using 2:3 with linespoints lt 4 dt 4 lw 1.5 pt 7 ps 0.35 title 'adamax (η = 1)', \
     '' index 12 every ::550::550 using 2:3 with points lt 4 dt 4 pt 7 ps 2 notitle, \
     '' index 12 every ::550::550 using 2:3 with points pt 6 ps 2 lw 1.5 lc rgb 'black' notitle, \
     'race_beale.dat' index 13 using 2:3 with linespoints lt 5 dt 3 lw 1.5 pt 7 ps 0.35 title 'nadam (η = 0.2)', \
     '' index 13 every ::550::550 using 2:3 with points lt 5 dt 3 pt 7 ps 2 notitle, \
     '' index 13 every ::550::550 using 2:3 with points pt 6 ps 2 lw 1.5 lc rgb 'black' notitle, \
     'race_beale.dat' index 14 using 2:3 with linespoints lt 1 dt 5 lw 1.5 pt 7 ps 0.35 title 'radam (η = 0.01)', \
     '' index 14 every ::550::550 using 2:3 with points lt 1 dt 5 pt 7 ps 2 notitle, \
     '' index 14 every ::550::550 using 2:3 with points pt 6 ps 2 lw 1.5 lc rgb 'black' notitle
set title 'Second order: L-BFGS, each iteration a dot'
floor = -1.70969250593
set xrange [-1.35106494812:3.73937679971]
set yrange [-2.12530568242:1.76854116166]
set contour base
unset surface
set view map
set cntrparam levels discrete 0.00114349471938,1.2008745623,3.24192217569,6.71426316336,12.6215981297,22.6714770238,39.7688765043,68.8559005449,118.340324682,202.525913032,345.747005513,589.402502063,1003.92245838,1709.12630814
set table $contours
splot 'race_beale_surface.dat' using 1:2:3 with lines notitle
unset table
unset contour
set palette defined (0 '#fbfdff', 0.45 '#dbe9f6', 0.8 '#a9c9e4', 1 '#7aa6cf')
set cblabel sprintf("log_{10}(loss - m),  m = %.4g, just below the lowest loss", floor)
plot 'race_beale_surface.dat' using 1:2:(log10($3 - floor)) with image notitle, \
     $contours using 1:2 with lines lc rgb '#7f9fb9' lw 0.8 notitle, \
     'race_beale.dat' index 15 using 2:3 with linespoints lt 2 lw 1.5 pt 7 ps 0.35 title 'lbfgs (η = 1)', \
     '' index 15 every ::550::550 using 2:3 with points lt 2 pt 7 ps 2 notitle, \
     '' index 15 every ::550::550 using 2:3 with points pt 6 ps 2 lw 1.5 lc rgb 'black' notitle
unset multiplot
