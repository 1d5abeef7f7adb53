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
set xlabel 'x'
set ylabel 'y'
set key bottom left opaque
set label 1 'start' at 1,1.5 point pt 6 ps 2.5 lw 2 lc rgb 'black' offset 1.2,0.6 front
set label 10 '' at 3,0.5 point pt 3 ps 3 lw 2 lc rgb 'black' front
array M0[60] = [1,3,8,13,21,30,41,53,68,83,101,120,141,163,188,201,205,208,212,216,220,225,230,235,240,245,251,256,262,268,275,281,288,295,302,310,317,325,333,341,350,358,367,376,386,395,405,415,425,435,445,456,467,478,490,501,513,525,537,550]
array M1[60] = [1,3,8,13,21,30,41,53,68,83,101,120,141,163,188,201,205,208,212,216,220,225,230,235,240,245,251,256,262,268,275,281,288,295,302,310,317,325,333,341,350,358,367,376,386,395,405,415,425,435,445,456,467,478,490,501,513,525,537,550]
array M2[60] = [1,3,8,13,21,30,41,53,68,83,101,120,141,163,188,201,205,208,212,216,220,225,230,235,240,245,251,256,262,268,275,281,288,295,302,310,317,325,333,341,350,358,367,376,386,395,405,415,425,435,445,456,467,478,490,501,513,525,537,550]
array M3[60] = [1,3,8,13,21,30,41,53,68,83,101,120,141,163,188,201,205,208,212,216,220,225,230,235,240,245,251,256,262,268,275,281,288,295,302,310,317,325,333,341,350,358,367,376,386,395,405,415,425,435,445,456,467,478,490,501,513,525,537,550]
array M4[60] = [1,3,8,13,21,30,41,53,68,83,101,120,141,163,188,201,205,208,212,216,220,225,230,235,240,245,251,256,262,268,275,281,288,295,302,310,317,325,333,341,350,358,367,376,386,395,405,415,425,435,445,456,467,478,490,501,513,525,537,550]
array M5[60] = [1,3,8,13,21,30,41,53,68,83,101,120,141,163,188,201,205,208,212,216,220,225,230,235,240,245,251,256,262,268,275,281,288,295,302,310,317,325,333,341,350,358,367,376,386,395,405,415,425,435,445,456,467,478,490,501,513,525,537,550]
array S[60] = [1,3,8,13,21,30,41,53,68,83,101,120,141,163,188,213,241,270,301,333,367,403,441,480,521,563,608,653,701,750,801,853,908,963,1021,1080,1141,1203,1268,1333,1401,1470,1541,1613,1688,1763,1841,1920,2001,2083,2167,2253,2341,2430,2521,2613,2708,2803,2901,3000]
set label 10 '' at 3,0.5 point pt 3 ps 2.5 lw 2 lc rgb 'black' front
floor = -1.70865687028
set xrange [-1.35106494812:3.73937679971]
set yrange [-2.12530568242:1.76854116166]
set contour base
unset surface
set view map
set cntrparam levels discrete 0.00217809576794,1.20190843783,3.24295481693,6.71529370475,12.6226250988,22.6724979153,39.7698870565,68.8568935072,118.34128772,202.526825159,345.74783103,589.403180233,1003.92288587,1709.12630918
set table $contours
splot 'race_beale_anim_surface.dat' using 1:2:3 with lines notitle
unset table
unset contour
set palette defined (0 '#fbfdff', 0.45 '#dbe9f6', 0.8 '#a9c9e4', 1 '#7aa6cf')
set cblabel sprintf("log_{10}(loss - m),  m = %.4g, just below the lowest loss", floor)
plot $contours using 1:2 with lines lc rgb '#7f9fb9' lw 0.8 notitle
do for [n = 1:60] {
  set title sprintf('The race on beale, one racer of each family: step %d of 3000', S[n])
  plot $contours using 1:2 with lines lc rgb '#7f9fb9' lw 0.8 notitle, \
       'race_beale_anim.dat' index 0 every ::0::M0[n] using 2:3 with lines lt 2 lw 2 title 'sgd (η = 0.02)', \
       '' index 0 every ::M0[n]::M0[n] using 2:3 with points lt 2 pt 7 ps 1.5 notitle, \
       'race_beale_anim.dat' index 1 every ::0::M1[n] using 2:3 with lines lt 3 dt 2 lw 2 title 'nesterov (η = 0.005)', \
       '' index 1 every ::M1[n]::M1[n] using 2:3 with points lt 3 dt 2 pt 7 ps 1.5 notitle, \
       'race_beale_anim.dat' index 2 every ::0::M2[n] using 2:3 with lines lt 7 lw 2 title 'rmsprop (η = 0.005)', \
       '' index 2 every ::M2[n]::M2[n] using 2:3 with points lt 7 pt 7 ps 1.5 notitle, \
       'race_beale_anim.dat' index 3 every ::0::M3[n] using 2:3 with lines lt 4 dt 4 lw 2 title 'rprop (η = 0.1)', \
       '' index 3 every ::M3[n]::M3[n] using 2:3 with points lt 4 dt 4 pt 7 ps 1.5 notitle, \
       'race_beale_anim.dat' index 4 every ::0::M4[n] using 2:3 with lines lt 5 dt 3 lw 2 title 'adam (η = 0.5)', \
       '' index 4 every ::M4[n]::M4[n] using 2:3 with points lt 5 dt 3 pt 7 ps 1.5 notitle, \
       'race_beale_anim.dat' index 5 every ::0::M5[n] using 2:3 with lines lt 1 dt 5 lw 2 title 'lbfgs (η = 1)', \
       '' index 5 every ::M5[n]::M5[n] using 2:3 with points lt 1 dt 5 pt 7 ps 1.5 notitle
}
