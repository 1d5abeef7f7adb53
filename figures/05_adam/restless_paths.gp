# restless_paths.gp: replot with `gnuplot restless_paths.gp` inside this folder.
set terminal pngcairo size 950,750 enhanced font 'DejaVu Sans,13' linewidth 1.2
set output 'restless_paths.png'
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
set title 'Adam''s last 5 epochs (black) wander about the minimum; AMSGrad stops on it'
set xlabel 'a (slope)'
set ylabel 'b (intercept)'
set key bottom left
set label 1 'start' at 1,1 point pt 7 ps 1.5 lc rgb 'black' offset 1,0 front
set label 2 '' at 1.5,-28 point pt 3 ps 2.5 lw 2 lc rgb 'black' front
floor = -1.38545948646
set xrange [-1.76707595601:2.80507359152]
set yrange [-31.5171965928:2.54843793299]
set contour base
unset surface
set view map
set cntrparam levels discrete 0.0121933984319,0.99230346571,2.65971991239,5.49641927861,10.322366216,18.5325290977,32.5001038384,56.2625001451,96.6883785616,165.463077234,282.466327697,481.518608303,820.157152599,1396.2674254
set table $contours
splot 'restless_paths_surface.dat' using 1:2:3 with lines notitle
unset table
unset contour
set palette defined (0 '#fbfdff', 0.45 '#dbe9f6', 0.8 '#a9c9e4', 1 '#7aa6cf')
set cblabel sprintf("log_{10}(loss - m),  m = %.4g, just below the lowest loss", floor)
plot 'restless_paths_surface.dat' using 1:2:(log10($3 - floor)) with image notitle, \
     $contours using 1:2 with lines lc rgb '#7f9fb9' lw 0.8 notitle, \
     'restless_paths.dat' index 0 using 2:3 with lines lt 2 lw 0.8 title 'Adam, all updates', \
     '' index 0 every ::1350 using 2:3 with lines lt 7 lw 2.5 title 'Adam, last 150 updates', \
     '' index 1 using 2:3 with lines lt 3 lw 1.5 title 'AMSGrad'
