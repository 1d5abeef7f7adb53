# race_beale_anim.gp: replot with `gnuplot race_beale_anim.gp` inside this folder.
set terminal gif animate delay 8 loop 0 size 800,640 font 'DejaVuSans,12'
set output 'race_beale_anim.gif'
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
set title 'The race on beale'
set xlabel 'x'
set ylabel 'y'
set key bottom left
set label 1 'start' at 1,1.5 point pt 6 ps 2.5 lw 2 lc rgb 'black' offset 1.2,0.6 front
set label 10 '' at 3,0.5 point pt 3 ps 2.5 lw 2 lc rgb 'black' front
floor = -181.847322958
set xrange [-4.5:4.5]
set yrange [-4.5:4.5]
set contour base
unset surface
set view map
set cntrparam levels discrete 0.00628403941406,127.531904253,344.485411432,713.578494049,1341.49968052,2409.7532864,4227.12430538,7318.93452951,12578.8899058,21527.4115015,36751.1221646,62650.5250854,106711.99515,181671.759674
set table $contours
splot 'race_beale_anim_surface.dat' using 1:2:3 with lines notitle
unset table
unset contour
set palette defined (0 '#fbfdff', 0.45 '#dbe9f6', 0.8 '#a9c9e4', 1 '#7aa6cf')
set cblabel 'log_{10}(loss - floor)'
plot $contours using 1:2 with lines lc rgb '#7f9fb9' lw 0.8 notitle
do for [n = 7:382:7] {
  last = n - 1
  mark0 = last < 375 ? last : 375
  mark1 = last < 375 ? last : 375
  mark2 = last < 375 ? last : 375
  mark3 = last < 375 ? last : 375
  mark4 = last < 375 ? last : 375
  mark5 = last < 375 ? last : 375
  mark6 = last < 375 ? last : 375
  set title sprintf('The race on beale, step %d of 3000', int(last * 8))
  plot $contours using 1:2 with lines lc rgb '#7f9fb9' lw 0.8 notitle, \
       'race_beale_anim.dat' index 0 every ::0::last using 2:3 with lines lt 2 title 'sgd (η = 0.02)', \
       '' index 0 every ::mark0::mark0 using 2:3 with points lt 2 pt 7 ps 1.5 notitle, \
       'race_beale_anim.dat' index 1 every ::0::last using 2:3 with lines lt 3 title 'momentum (η = 0.005)', \
       '' index 1 every ::mark1::mark1 using 2:3 with points lt 3 pt 7 ps 1.5 notitle, \
       'race_beale_anim.dat' index 2 every ::0::last using 2:3 with lines lt 7 title 'nesterov (η = 0.005)', \
       '' index 2 every ::mark2::mark2 using 2:3 with points lt 7 pt 7 ps 1.5 notitle, \
       'race_beale_anim.dat' index 3 every ::0::last using 2:3 with lines lt 4 title 'adagrad (η = 2)', \
       '' index 3 every ::mark3::mark3 using 2:3 with points lt 4 pt 7 ps 1.5 notitle, \
       'race_beale_anim.dat' index 4 every ::0::last using 2:3 with lines lt 5 title 'rmsprop (η = 0.005)', \
       '' index 4 every ::mark4::mark4 using 2:3 with points lt 5 pt 7 ps 1.5 notitle, \
       'race_beale_anim.dat' index 5 every ::0::last using 2:3 with lines lt 1 title 'adam (η = 0.5)', \
       '' index 5 every ::mark5::mark5 using 2:3 with points lt 1 pt 7 ps 1.5 notitle, \
       'race_beale_anim.dat' index 6 every ::0::last using 2:3 with lines lt 8 title 'adamw (η = 0.5)', \
       '' index 6 every ::mark6::mark6 using 2:3 with points lt 8 pt 7 ps 1.5 notitle
}
