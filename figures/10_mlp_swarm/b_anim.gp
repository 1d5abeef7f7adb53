# b_anim.gp: replot with `gnuplot b_anim.gp` inside this folder.
set terminal gif animate delay 8 loop 0 size 700,620 font 'DejaVuSans,12'
set output 'b_anim.gif'
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
set linetype 11 lc rgb '#0072B2'
set linetype 12 lc rgb '#D55E00'
set linetype 13 lc rgb '#009E73'
set linetype 14 lc rgb '#CC79A7'
set linetype 15 lc rgb '#E69F00'
set linetype 16 lc rgb '#56B4E9'
set linetype 17 lc rgb '#000000'
set linetype 18 lc rgb '#882255'
set linetype 19 lc rgb '#999933'
set linetype 20 lc rgb '#44AA99'
set linetype 21 lc rgb '#BBBBBB'
set xrange [-5.3:5.3]
set yrange [-1.7:1.7]
set xtics 2.5
set ytics 1
set xlabel 'x'
set ylabel 'prediction'
unset key
frames = '0 3 6 9 12 15 18 21 24 27 30 33 36 39 42 45 48 51 54 57 60 63 66 69 72 75 78 81 84 87 90 93 96 99 102 105 108 111 114 117 120 123 126 129 132 135 138 141 144 147 150 153 156 159 162 165 168 171 174 177 180 183 186 189 192 195 198 201 204 207 210 213 216 219 222 225 228 231 234 237 240 243 246 249 '
do for [i = 1:words(frames)] {
  set multiplot layout 3,2 title sprintf('Hive (b) little momentum: slow, and at η = 0.05 unstable:  epoch %s', word(frames, i))
  set title 'μ = 0, η = 0.01'
plot 'target.dat' using 1:2 with points pt 7 ps 0.5 lc rgb '#aaaaaa', 'b_anim.dat' index (i-1)*6+0 using 1:2:3 with lines lw 1.5 lc variable
  set title 'μ = 0, η = 0.05'
plot 'target.dat' using 1:2 with points pt 7 ps 0.5 lc rgb '#aaaaaa', 'b_anim.dat' index (i-1)*6+1 using 1:2:3 with lines lw 1.5 lc variable
  set title 'μ = 0.1, η = 0.01'
plot 'target.dat' using 1:2 with points pt 7 ps 0.5 lc rgb '#aaaaaa', 'b_anim.dat' index (i-1)*6+2 using 1:2:3 with lines lw 1.5 lc variable
  set title 'μ = 0.1, η = 0.05'
plot 'target.dat' using 1:2 with points pt 7 ps 0.5 lc rgb '#aaaaaa', 'b_anim.dat' index (i-1)*6+3 using 1:2:3 with lines lw 1.5 lc variable
  set title 'μ = 0.3, η = 0.01'
plot 'target.dat' using 1:2 with points pt 7 ps 0.5 lc rgb '#aaaaaa', 'b_anim.dat' index (i-1)*6+4 using 1:2:3 with lines lw 1.5 lc variable
  set title 'μ = 0.3, η = 0.05'
plot 'target.dat' using 1:2 with points pt 7 ps 0.5 lc rgb '#aaaaaa', 'b_anim.dat' index (i-1)*6+5 using 1:2:3 with lines lw 1.5 lc variable
  unset multiplot
}
