# spread.gp: replot with `gnuplot spread.gp` inside this folder.
set terminal pngcairo size 1200,560 enhanced font 'DejaVu Sans,13' linewidth 1.2
set output 'spread.png'
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
set multiplot layout 1,2 title 'Final (a, b) of 20 seeds after 60 epochs: every decay shrinks the constant rate''s noise ball'
set xlabel 'a (slope)'
set ylabel 'b (intercept)'
unset colorbox
set key bottom right font ',11'
set title 'all schedules'
set label 1 'θ*' at 1.51163,-27.9339 right point pt 6 ps 3 lw 2 lc rgb 'black' offset -1.3,0 front
floor = 4.29192157898
set xrange [1.25590725736:1.94009045972]
set yrange [-27.9762461177:-27.8842324103]
set contour base
unset surface
set view map
set cntrparam levels discrete 4.29886625761,4.30373624322,4.31202132709,4.32611636147,4.35009559904,4.39089037959,4.46029267459,4.57836362599,4.77923233738,5.12096109233,5.70232859923,6.69138255851,8.37401483975,11.2366002096
set table $contours
splot 'spread_surface.dat' using 1:2:3 with lines notitle
unset table
unset contour
set palette defined (0 '#fbfdff', 0.45 '#dbe9f6', 0.8 '#a9c9e4', 1 '#7aa6cf')
set cblabel sprintf("log_{10}(loss - m),  m = %.4g, just below the lowest loss", floor)
plot 'spread_surface.dat' using 1:2:(log10($3 - floor)) with image notitle, \
     $contours using 1:2 with lines lc rgb '#7f9fb9' lw 0.8 notitle, \
     'spread.dat' index 0 using 1:2 with points pt 7 ps 1.2 lc rgb '#000000' title 'constant', \
     'spread.dat' index 1 using 1:2 with points pt 5 ps 1.1 lt 2 title 'step', \
     'spread.dat' index 2 using 1:2 with points pt 9 ps 1.3 lt 1 title 'exponential', \
     'spread.dat' index 3 using 1:2 with points pt 11 ps 1.3 lt 3 title 'inverse-time', \
     'spread.dat' index 4 using 1:2 with points pt 13 ps 1.3 lt 5 title 'linear'
set title 'zoom on the four decays'
set label 1 'θ*' at 1.51163,-27.9339 right point pt 6 ps 3 lw 2 lc rgb 'black' offset -1.3,0 front
floor = 4.29781915309
set xrange [1.44621035723:1.57662455465]
set yrange [-27.939230801:-27.9235906122]
set contour base
unset surface
set view map
set cntrparam levels discrete 4.29798094402,4.2980944006,4.2982874191,4.29861579264,4.29917443953,4.30012483994,4.3017417127,4.30449242441,4.30917208449,4.31713337622,4.33067755785,4.35371965481,4.39292012089,4.45961008158
set table $contours
splot 'spread_zoom_surface.dat' using 1:2:3 with lines notitle
unset table
unset contour
set palette defined (0 '#fbfdff', 0.45 '#dbe9f6', 0.8 '#a9c9e4', 1 '#7aa6cf')
set cblabel sprintf("log_{10}(loss - m),  m = %.4g, just below the lowest loss", floor)
plot 'spread_zoom_surface.dat' using 1:2:(log10($3 - floor)) with image notitle, \
     $contours using 1:2 with lines lc rgb '#7f9fb9' lw 0.8 notitle, \
     'spread.dat' index 1 using 1:2 with points pt 5 ps 1.1 lt 2 title 'step', \
     'spread.dat' index 2 using 1:2 with points pt 9 ps 1.3 lt 1 title 'exponential', \
     'spread.dat' index 3 using 1:2 with points pt 11 ps 1.3 lt 3 title 'inverse-time', \
     'spread.dat' index 4 using 1:2 with points pt 13 ps 1.3 lt 5 title 'linear'
unset multiplot
