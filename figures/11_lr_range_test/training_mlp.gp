# training_mlp.gp: replot with `gnuplot training_mlp.gp` inside this folder.
set terminal pngcairo size 1500,620 enhanced font 'DejaVu Sans,13' linewidth 1.2
set output 'training_mlp.png'
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
set multiplot layout 1,2 title 'Training the mlp 4 epochs at the bounds each rule reads off its own range test (3 seeds)'
set title "the rates of one seed's runs, Smith's bounds"
set logscale y
set format y '10^{%L}'
set xlabel 'batch'
set ylabel 'learning rate η (log scale)'
set yrange [1e-6:2]
set key bottom center box opaque font ',11' samplen 6
plot 'training_mlp_rates.dat' index 0 using 1:2 with lines lt 1 lw 2.2 dt 2 title 'SGD, constant', 'training_mlp_rates.dat' index 1 using 1:2 with lines lt 1 lw 2.2 dt 4 title 'SGD, cyclic', 'training_mlp_rates.dat' index 2 using 1:2 with lines lt 1 lw 2.2 dt 1 title 'SGD, onecycle', 'training_mlp_rates.dat' index 3 using 1:2 with lines lt 2 lw 2.2 dt 2 title 'Adam, constant', 'training_mlp_rates.dat' index 4 using 1:2 with lines lt 2 lw 2.2 dt 4 title 'Adam, cyclic', 'training_mlp_rates.dat' index 5 using 1:2 with lines lt 2 lw 2.2 dt 1 title 'Adam, onecycle'
unset logscale y
set format y '%g'
set title 'test accuracy after the last epoch: mean, lowest to highest'
set xlabel 'rate rule and schedule'
set ylabel 'test accuracy (%)'
unset yrange
set key top left
set xrange [-0.5:5.5]
set xtics rotate by -30 ('steepest constant' 0, 'steepest cyclic' 1, 'steepest onecycle' 2, 'smith constant' 3, 'smith cyclic' 4, 'smith onecycle' 5)
plot 'training_mlp_scores.dat' index 0 using ($1 + -0.12):2:3:4 with yerrorbars pt 7 ps 1.4 lw 2 lt 1 title 'SGD', 'training_mlp_scores.dat' index 1 using ($1 + 0.12):2:3:4 with yerrorbars pt 7 ps 1.4 lw 2 lt 2 title 'Adam'
unset multiplot
