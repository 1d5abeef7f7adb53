# adam_rosenbrock.gp: replot with `gnuplot adam_rosenbrock.gp` inside this folder.
set terminal pngcairo size 950,750 enhanced font 'DejaVu Sans,13' linewidth 1.2
set output 'adam_rosenbrock.png'
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
set title 'rosenbrock: 1500 steps'
set xlabel 'x'
set ylabel 'y'
set key top left
set label 10 '' at 1,1 point pt 3 ps 2.5 lw 2 lc rgb 'black' front
floor = -2.509
set xrange [-2:2]
set yrange [-1:3]
set contour base
unset surface
set view map
set cntrparam levels discrete 0,1.75944698815,4.75271370691,9.84502152295,18.5083319893,33.2468259979,58.3207520086,100.977875947,173.548490613,297.009559406,507.048231085,864.377420213,1472.28523253,2506.491
set table $contours
splot 'adam_rosenbrock_surface.dat' using 1:2:3 with lines notitle
unset table
unset contour
set palette defined (0 '#fbfdff', 0.45 '#dbe9f6', 0.8 '#a9c9e4', 1 '#7aa6cf')
set cblabel sprintf("log_{10}(loss - m),  m = %.4g, just below the lowest loss", floor)
plot 'adam_rosenbrock_surface.dat' using 1:2:(log10($3 - floor)) with image notitle, \
     $contours using 1:2 with lines lc rgb '#7f9fb9' lw 0.8 notitle, \
     'adam_rosenbrock.dat' index 0 using 2:3 with linespoints lt 2 pt 7 ps 0.35 title 'adam --lr 0.05', \
     'adam_rosenbrock.dat' index 0 every ::0::0 using 2:3 with points lt 2 pt 6 ps 2 lw 2 notitle
