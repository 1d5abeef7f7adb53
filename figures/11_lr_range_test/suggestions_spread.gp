# suggestions_spread.gp: replot with `gnuplot suggestions_spread.gp` inside this folder.
set terminal pngcairo size 1400,620 enhanced font 'DejaVu Sans,13' linewidth 1.2
set output 'suggestions_spread.png'
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
set multiplot layout 1,2 title 'Every rule over 3 seeds (network and batch order drawn again): how far apart the suggestions land'
set logscale y
set format y '10^{%L}'
set ylabel 'suggested rate η (log scale)'
set xrange [-0.6:6.6]
set xtics rotate by -30 ('steepest' 0, 'min10' 1, 'valley' 2, 'steep' 3, 'slide' 4, 'smith base' 5, 'smith max' 6)
set key bottom left box opaque font ',11'
set grid ytics
set title 'convnet'
plot 'suggestions_spread.dat' index 0 using 1:($2 > 0 ? $2 : NaN) with points pt 7 ps 1.3 lt 1 title 'SGD', 'suggestions_spread.dat' index 1 using 1:($2 > 0 ? $2 : NaN) with points pt 7 ps 1.3 lt 2 title 'Adam'
set title 'mlp'
plot 'suggestions_spread.dat' index 2 using 1:($2 > 0 ? $2 : NaN) with points pt 7 ps 1.3 lt 1 title 'SGD', 'suggestions_spread.dat' index 3 using 1:($2 > 0 ? $2 : NaN) with points pt 7 ps 1.3 lt 2 title 'Adam'
unset multiplot
