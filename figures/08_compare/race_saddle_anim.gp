# race_saddle_anim.gp: replot with `gnuplot race_saddle_anim.gp` inside this folder.
set terminal gif animate delay 8 loop 0 size 800,640 font 'DejaVuSans,12'
set output 'race_saddle_anim.gif'
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
set xlabel 'x'
set ylabel 'y'
set key top right opaque
set label 1 'start' at 1,0.001 point pt 6 ps 2.5 lw 2 lc rgb 'black' offset 1.2,0.6 front
array M0[60] = [0,0,0,1,1,2,2,3,3,4,5,6,7,8,9,11,12,14,15,17,18,20,22,24,26,28,30,33,35,38,40,43,45,48,51,54,57,60,63,67,70,73,77,81,84,88,92,96,100,104,108,113,117,122,126,131,135,140,145,150]
array M1[60] = [0,0,0,1,1,2,2,3,3,4,5,6,7,8,9,11,12,14,15,17,18,20,22,24,26,28,30,33,35,38,40,43,45,48,51,54,57,60,63,67,70,73,77,81,84,88,92,96,100,104,108,113,117,122,126,131,135,140,145,150]
array M2[60] = [0,0,0,1,1,2,2,3,3,4,5,6,7,8,9,11,12,14,15,17,18,20,22,24,26,28,30,33,35,38,40,43,45,48,51,54,57,60,63,67,70,73,77,81,84,88,92,96,100,104,108,113,117,122,126,131,135,140,145,150]
array M3[60] = [0,0,0,1,1,2,2,3,3,4,5,6,7,8,9,11,12,14,15,17,18,20,22,24,26,28,30,33,35,38,40,43,45,48,51,54,57,60,63,67,70,73,77,81,84,88,92,96,100,104,108,113,117,122,126,131,135,140,145,150]
array M4[60] = [0,0,0,1,1,2,2,3,3,4,5,6,7,8,9,11,12,14,15,17,18,20,22,24,26,28,30,33,35,38,40,43,45,48,51,54,57,60,63,67,70,73,77,81,84,88,92,96,100,104,108,113,117,122,126,131,135,140,145,150]
array M5[60] = [0,0,0,1,1,2,2,3,3,4,5,6,7,8,9,10,10,10,10,10,10,10,10,10,10,10,10,10,10,10,10,10,10,10,10,10,10,10,10,10,10,10,10,10,10,10,10,10,10,10,10,10,10,10,10,10,10,10,10,10]
array S[60] = [0,0,0,1,1,2,2,3,3,4,5,6,7,8,9,11,12,14,15,17,18,20,22,24,26,28,30,33,35,38,40,43,45,48,51,54,57,60,63,67,70,73,77,81,84,88,92,96,100,104,108,113,117,122,126,131,135,140,145,150]
floor = -4.008
set xrange [-2:2]
set yrange [-2:2]
set contour base
unset surface
set view map
set cntrparam levels discrete -4,-3.99438996576,-3.984845871,-3.96860893895,-3.94098578879,-3.89399178638,-3.81404303863,-3.67802988937,-3.44663693706,-3.05297868663,-2.38326590328,-1.24391416433,0.69441285782,3.992
set table $contours
splot 'race_saddle_anim_surface.dat' using 1:2:3 with lines notitle
unset table
unset contour
set palette defined (0 '#fbfdff', 0.45 '#dbe9f6', 0.8 '#a9c9e4', 1 '#7aa6cf')
set cblabel sprintf("log_{10}(loss - m),  m = %.4g, just below the lowest loss", floor)
plot $contours using 1:2 with lines lc rgb '#7f9fb9' lw 0.8 notitle
do for [n = 1:60] {
  set title sprintf('The race on saddle, one racer of each family: step %d of 150', S[n])
  plot $contours using 1:2 with lines lc rgb '#7f9fb9' lw 0.8 notitle, \
       'race_saddle_anim.dat' index 0 every ::0::M0[n] using 2:3 with lines lt 2 lw 2 title 'sgd (η = 0.05)', \
       '' index 0 every ::M0[n]::M0[n] using 2:3 with points lt 2 pt 7 ps 1.5 notitle, \
       'race_saddle_anim.dat' index 1 every ::0::M1[n] using 2:3 with lines lt 3 dt 2 lw 2 title 'nesterov (η = 0.005)', \
       '' index 1 every ::M1[n]::M1[n] using 2:3 with points lt 3 dt 2 pt 7 ps 1.5 notitle, \
       'race_saddle_anim.dat' index 2 every ::0::M2[n] using 2:3 with lines lt 7 lw 2 title 'rmsprop (η = 0.01)', \
       '' index 2 every ::M2[n]::M2[n] using 2:3 with points lt 7 pt 7 ps 1.5 notitle, \
       'race_saddle_anim.dat' index 3 every ::0::M3[n] using 2:3 with lines lt 4 dt 4 lw 2 title 'rprop (η = 0.1)', \
       '' index 3 every ::M3[n]::M3[n] using 2:3 with points lt 4 dt 4 pt 7 ps 1.5 notitle, \
       'race_saddle_anim.dat' index 4 every ::0::M4[n] using 2:3 with lines lt 5 dt 3 lw 2 title 'adam (η = 0.1)', \
       '' index 4 every ::M4[n]::M4[n] using 2:3 with points lt 5 dt 3 pt 7 ps 1.5 notitle, \
       'race_saddle_anim.dat' index 5 every ::0::M5[n] using 2:3 with lines lt 1 dt 5 lw 2 title 'lbfgs (η = 1)', \
       '' index 5 every ::M5[n]::M5[n] using 2:3 with points lt 1 dt 5 pt 7 ps 1.5 notitle
}
