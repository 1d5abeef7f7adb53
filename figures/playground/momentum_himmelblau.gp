# momentum_himmelblau.gp: replot with `gnuplot momentum_himmelblau.gp` inside this folder.
set terminal pngcairo size 950,750 enhanced font 'DejaVu Sans,13' linewidth 1.2
set output 'momentum_himmelblau.png'
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
set title 'himmelblau: 200 steps'
set xlabel 'x'
set ylabel 'y'
set key top left
set label 10 '' at 3,2 point pt 3 ps 2.5 lw 2 lc rgb 'black' front
set label 11 '' at -2.80511808695,3.13131251825 point pt 3 ps 2.5 lw 2 lc rgb 'black' front
set label 12 '' at -3.77931025338,-3.28318599129 point pt 3 ps 2.5 lw 2 lc rgb 'black' front
set label 13 '' at 3.58442834033,-1.84812652696 point pt 3 ps 2.5 lw 2 lc rgb 'black' front
floor = -0.89
set xrange [-5:5]
set yrange [-5:5]
set contour base
unset surface
set view map
set cntrparam levels discrete 0,0.624116309069,1.685896851,3.49225554222,6.56533099661,11.7934137657,20.687711952,35.8191748078,61.5616407517,105.356121113,179.861668261,306.614549219,522.253430432,889.11
set table $contours
splot 'momentum_himmelblau_surface.dat' using 1:2:3 with lines notitle
unset table
unset contour
set palette defined (0 '#fbfdff', 0.45 '#dbe9f6', 0.8 '#a9c9e4', 1 '#7aa6cf')
set cblabel sprintf("log_{10}(loss - m),  m = %.4g, just below the lowest loss", floor)
plot 'momentum_himmelblau_surface.dat' using 1:2:(log10($3 - floor)) with image notitle, \
     $contours using 1:2 with lines lc rgb '#7f9fb9' lw 0.8 notitle, \
     'momentum_himmelblau.dat' index 0 using 2:3 with linespoints lt 2 pt 7 ps 0.35 title 'sgd --lr 0.01 --momentum 0.9 --schedule cosine --t-max 200', \
     'momentum_himmelblau.dat' index 0 every ::0::0 using 2:3 with points lt 2 pt 6 ps 2 lw 2 notitle
