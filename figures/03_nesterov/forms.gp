# forms.gp: replot with `gnuplot forms.gp` inside this folder.
set terminal pngcairo size 1000,650 enhanced font 'DejaVu Sans,13' linewidth 1.2
set output 'forms.png'
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
set title 'The first 12 steps: PyTorch’s θ_t is the lecture’s look-ahead point, not its w_t'
set xlabel 'x'
set ylabel 'y'
set key bottom right
set label 10 '' at 0,0 point pt 3 ps 2.5 lw 2 lc rgb 'black' front
floor = -0.0196377339441
set xrange [-5.54372289925:2.34025913987]
set yrange [-2.3648:2.9248]
set contour base
unset surface
set view map
set cntrparam levels discrete 0.000543918575722,0.0146963887797,0.0387733392848,0.0797343543773,0.14941945661,0.267971535027,0.469658765818,0.812780030393,1.39651655026,2.38960080299,4.0790896382,6.95333974986,11.8431700537,20.1620147858
set table $contours
splot 'forms_surface.dat' using 1:2:3 with lines notitle
unset table
unset contour
set palette defined (0 '#fbfdff', 0.45 '#dbe9f6', 0.8 '#a9c9e4', 1 '#7aa6cf')
set cblabel sprintf("log_{10}(loss - m),  m = %.4g, just below the lowest loss", floor)
plot 'forms_surface.dat' using 1:2:(log10($3 - floor)) with image notitle, \
     $contours using 1:2 with lines lc rgb '#7f9fb9' lw 0.8 notitle, \
     'forms.dat' index 0 using 2:3 with linespoints lt 2 pt 6 ps 1.6 lw 1.5 title 'lecture: weights w_t', \
     'forms.dat' index 1 using 2:3 with linespoints lt 3 pt 2 ps 2.2 lw 1 dt 2 title 'lecture: look-ahead w_t − μΔw_{t−1}', \
     'forms.dat' index 2 using 2:3 with points lt 7 pt 7 ps 0.7 title 'PyTorch nesterov=True: θ_t'
