# phase.gp: replot with `gnuplot phase.gp` inside this folder.
set terminal pngcairo size 1200,1040 enhanced font 'DejaVu Sans,13' linewidth 1.2
set output 'phase.png'
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
set logscale x
set xrange [0.000857696:0.2]
set yrange [-0.033:1.023]
set xlabel 'learning rate η'
set ylabel 'momentum μ'
set format x '%g'
unset key
set multiplot layout 2,2 title "256 cells × 32 bees × 250 epochs: where do bees settle, blow up and ring?\n{/=12 the stability edge η = 2(1 + μ)/λ_{max}: black for λ_{max} of the random starts, orange for λ_{max} of each row’s settled bees}" font ',15'
set title 'fraction of bees that settle (loss < 0.02 to the end)'
set cbrange [0:1]
set palette defined (0 'white', 1 '#08519c')
plot 'phase.dat' using 1:2:3:4:5:6:7 with boxxyerror fs solid 1.0 noborder lc palette notitle, \
     'phase_edge_start.dat' index 0 using 1:2 with lines lw 2.5 lc rgb '#000000', \
     'phase_edge_rows.dat' using 1:2 with lines lw 3 lc rgb '#e6550d'
set title 'median settling epoch of those that do'
set cbrange [0:250]
set palette defined (0 '#006d2c', 1 '#e5f5e0')
plot 'phase.dat' using 1:2:3:4:5:6:8 with boxxyerror fs solid 1.0 noborder lc palette notitle, \
     'phase_edge_start.dat' index 0 using 1:2 with lines lw 2.5 lc rgb '#000000', \
     'phase_edge_rows.dat' using 1:2 with lines lw 3 lc rgb '#e6550d'
set title 'fraction of bees that blow up'
set cbrange [0:1]
set palette defined (0 'white', 1 '#a50f15')
plot 'phase.dat' using 1:2:3:4:5:6:9 with boxxyerror fs solid 1.0 noborder lc palette notitle, \
     'phase_edge_start.dat' index 0 using 1:2 with lines lw 2.5 lc rgb '#000000', \
     'phase_edge_rows.dat' using 1:2 with lines lw 3 lc rgb '#e6550d'
set title 'median fraction of epochs 125-249 the loss rises (ringing)'
set cbrange [0:0.5]
set palette defined (0 'white', 1 '#54278f')
plot 'phase.dat' using 1:2:3:4:5:6:10 with boxxyerror fs solid 1.0 noborder lc palette notitle, \
     'phase_edge_start.dat' index 0 using 1:2 with lines lw 2.5 lc rgb '#000000', \
     'phase_edge_rows.dat' using 1:2 with lines lw 3 lc rgb '#e6550d'
unset multiplot
