# weight_decay.gp: replot with `gnuplot weight_decay.gp` inside this folder.
set terminal pngcairo size 950,750 enhanced font 'DejaVu Sans,13' linewidth 1.2
set output 'weight_decay.png'
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
set title 'Weight decay ω = 0.05: Adam + L2 stops near the minimum, AdamW at the edge b = -1/ω'
set xlabel 'a (slope)'
set ylabel 'b (intercept)'
set key bottom right
set label 2 'minimum' at 1.5,-28 point pt 3 ps 2.5 lw 2 lc rgb 'black' offset 1,0 front
set arrow 1 from 0.923124,-20 to 2.35814,-20 nohead dt 2 lw 1.5 lc rgb '#444444' front
set label 3 'b = -1/ω' at 0.966175,-19.3501 front
floor = -0.960597161096
set xrange [0.923123893265:2.35814455232]
set yrange [-29.753288182:2.74075216125]
set contour base
unset surface
set view map
set cntrparam levels discrete 0.0112373879457,0.69274052477,1.85215065302,3.82460209582,7.18024355468,12.8890429482,22.6011623493,39.1239470468,67.2334052285,115.054741265,196.410993864,334.818666792,570.285312725,970.87395188
set table $contours
splot 'weight_decay_surface.dat' using 1:2:3 with lines notitle
unset table
unset contour
set palette defined (0 '#fbfdff', 0.45 '#dbe9f6', 0.8 '#a9c9e4', 1 '#7aa6cf')
set cblabel sprintf("log_{10}(loss - m),  m = %.4g, just below the lowest loss", floor)
plot 'weight_decay_surface.dat' using 1:2:(log10($3 - floor)) with image notitle, \
     $contours using 1:2 with lines lc rgb '#7f9fb9' lw 0.8 notitle, \
     'weight_decay.dat' index 1 using 2:3 with lines lt 2 lw 2 title 'Adam + L2', \
     '' index 1 every ::694 using 2:3 with points lt 2 lw 2 pt 7 ps 2 notitle, \
     'weight_decay.dat' index 2 using 2:3 with lines lt 3 lw 2 title 'AdamW', \
     '' index 2 every ::694 using 2:3 with points lt 3 lw 2 pt 7 ps 2 notitle, \
     'weight_decay.dat' index 0 using 2:3 with lines lt 7 lw 1.5 dt 2 title 'Adam, no decay', \
     '' index 0 every ::694 using 2:3 with points lt 7 lw 1.5 dt 2 pt 7 ps 2 notitle
