// contour.hpp: a 2-D loss surface drawn as a shaded map with contour lines, for paths to run on.
//
// Introduced in chapter 01 (the line fit's (a, b) plane); the playground and chapters 02-08 draw
// their optimizers' paths on the same kind of map. The surface is sampled on a grid written to
// <name>.dat (columns x y loss, one blank line per scan line, as gnuplot's splot expects); the
// returned gnuplot lines shade log10(loss) and turn log-spaced levels into contour lines through a
// datablock ($contours, which later plots in the same script may reuse), so the paths plotted
// after them sit on top.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <sstream>
#include <string>

#include "plot/figures.hpp"
#include "problems/plane.hpp"

namespace gd {

struct Surface {
    double lo, hi;  // smallest and largest sampled loss
};

// Samples f on an n × n grid over box and writes it to <name>.dat.
template <class F>
Surface write_surface(plot::Figures& figs, const std::string& name, F f, Box box, int n) {
    plot::Data grid({"x", "y", "loss"});
    Surface s{std::numeric_limits<double>::infinity(), -std::numeric_limits<double>::infinity()};
    for (int i = 0; i < n; ++i) {
        const double x = box.x0 + (box.x1 - box.x0) * i / (n - 1);
        for (int j = 0; j < n; ++j) {
            const double y = box.y0 + (box.y1 - box.y0) * j / (n - 1);
            const double z = f(x, y);
            s.lo = std::min(s.lo, z);
            s.hi = std::max(s.hi, z);
            grid.row({x, y, z});
        }
        grid.gap();
    }
    figs.write(name, grid);
    return s;
}

// Gnuplot lines that draw the surface in <name>.dat as a shaded map with `levels` contour lines
// spaced evenly in log(loss - floor), floor being just below the smallest sampled loss so that
// surfaces with negative values (the saddle) work too. Ends with the axis ranges set and a
// `plot` command left open: append ", <your paths>" and a newline.
inline std::string contour_map(const std::string& name, const Box& box, const Surface& s,
                               int levels = 14, bool shaded = true) {
    const double span = s.hi - s.lo;
    const double floor = s.lo - 1e-3 * span;  // keeps the logarithm finite at the minimum
    std::ostringstream g;
    g.precision(12);
    g << "floor = " << floor << "\n"
      << "set xrange [" << box.x0 << ":" << box.x1 << "]\n"
      << "set yrange [" << box.y0 << ":" << box.y1 << "]\n"
      << "set contour base\nunset surface\nset view map\n"
      << "set cntrparam levels discrete ";
    // Log-spaced levels between 1e-3 and 1 of the span above the floor.
    for (int k = 0; k < levels; ++k) {
        const double frac = std::pow(10.0, -3.0 + 3.0 * k / (levels - 1));
        g << (k ? "," : "") << floor + frac * span;
    }
    g << "\nset table $contours\n"
      << "splot '" << name << ".dat' using 1:2:3 with lines notitle\n"
      << "unset table\nunset contour\n"
      << "set palette defined (0 '#fbfdff', 0.45 '#dbe9f6', 0.8 '#a9c9e4', 1 '#7aa6cf')\n"
      // Say what the floor is: a reader cannot read "loss - floor" off a bar without it.
      << "set cblabel sprintf(\"log_{10}(loss - m),  m = %.4g, just below the lowest loss\", "
         "floor)\n";
    // Unshaded maps (the animations) keep only the lines: a GIF's frames stay small.
    if (shaded)
        g << "plot '" << name
          << ".dat' using 1:2:(log10($3 - floor)) with image notitle, \\\n     ";
    else
        g << "plot ";
    g << "$contours using 1:2 with lines lc rgb '#7f9fb9' lw 0.8 notitle";
    return g.str();
}

}  // namespace gd
