# race.gp: replot with `gnuplot race.gp` inside this folder.
set terminal gif animate delay 6 loop 0 size 800,640 font 'DejaVuSans,12'
set output 'race.gif'
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
set title 'Ravine race: AdaGrad is still short of the minimum'
set xlabel 'x'
set ylabel 'y'
set key top left
set label 10 '' at 0,0 point pt 3 ps 2.5 lw 2 lc rgb 'black' front
floor = -0.0216
set xrange [-6:6]
set yrange [-3:3]
set contour base
unset surface
set view map
set cntrparam levels discrete 0,0.0151470924448,0.0409161482939,0.0847558648449,0.159338370255,0.286222176785,0.50208379569,0.869319298707,1.49408026993,2.5569575461,4.36518206115,7.44143175632,12.6749147161,21.5784
set table $contours
splot 'race_surface.dat' using 1:2:3 with lines notitle
unset table
unset contour
set palette defined (0 '#fbfdff', 0.45 '#dbe9f6', 0.8 '#a9c9e4', 1 '#7aa6cf')
set cblabel sprintf("log_{10}(loss - m),  m = %.4g, just below the lowest loss", floor)
plot $contours using 1:2 with lines lc rgb '#7f9fb9' lw 0.8 notitle
do for [n = 5:205:5] {
  last = n - 1
  set title sprintf('Ravine race: AdaGrad is still short of the minimum (step %d)', last)
  mark0 = last < 200 ? last : 200
  mark1 = last < 200 ? last : 200
  mark2 = last < 200 ? last : 200
  mark3 = last < 200 ? last : 200
  plot $contours using 1:2 with lines lc rgb '#7f9fb9' lw 0.8 notitle, \
       'race.dat' index 0 every ::0::last using 2:3 with lines lt 2 title 'GD', \
       'race.dat' index 0 every ::mark0::mark0 using 2:3 with points lt 2 pt 7 ps 1.5 notitle, \
       'race.dat' index 1 every ::0::last using 2:3 with lines lt 3 title 'AdaGrad', \
       'race.dat' index 1 every ::mark1::mark1 using 2:3 with points lt 3 pt 7 ps 1.5 notitle, \
       'race.dat' index 2 every ::0::last using 2:3 with lines lt 7 title 'RMSprop', \
       'race.dat' index 2 every ::mark2::mark2 using 2:3 with points lt 7 pt 7 ps 1.5 notitle, \
       'race.dat' index 3 every ::0::last using 2:3 with lines lt 4 title 'centered RMSprop', \
       'race.dat' index 3 every ::mark3::mark3 using 2:3 with points lt 4 pt 7 ps 1.5 notitle
}
