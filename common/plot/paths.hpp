// paths.hpp: optimizers' paths drawn on a surface's contour map, as PNG or animated GIF.
//
// Introduced with the playground; chapters 02-08 race optimizers on the test surfaces and draw
// them with these. The paths are train/descent.hpp's Trajectory records.
#pragma once

#include <algorithm>
#include <cstddef>
#include <filesystem>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "core/usage_error.hpp"
#include "plot/contour.hpp"
#include "plot/figures.hpp"
#include "problems/surfaces.hpp"
#include "train/descent.hpp"

namespace gd {

// The box to draw: the surface's own frame, grown to hold the paths but never beyond three
// times its size, so one runaway path does not shrink the interesting part to a dot.
inline Box view_box(const Surface2& f, const std::vector<Trajectory>& paths) {
    Box b = f.frame();
    const double w = b.x1 - b.x0, h = b.y1 - b.y0;
    for (const auto& p : paths) {
        for (std::size_t i = 0; i < p.size(); ++i) {
            b.x0 = std::max(std::min(b.x0, p.x[i]), f.frame().x0 - w);
            b.x1 = std::min(std::max(b.x1, p.x[i]), f.frame().x1 + w);
            b.y0 = std::max(std::min(b.y0, p.y[i]), f.frame().y0 - h);
            b.y1 = std::min(std::max(b.y1, p.y[i]), f.frame().y1 + h);
        }
    }
    return b;
}

// Writes <slug>.dat (one block per path: step x y loss lr) and <slug>_surface.dat, and returns
// the gnuplot lines that draw the contour map with the minima marked, `plot` left open.
inline std::string paths_map(plot::Figures& figs, const std::string& slug, const Surface2& f,
                             const std::vector<Trajectory>& paths, int grid, Box box,
                             bool shaded = true) {
    plot::Data data({"step", "x", "y", "loss", "lr"}, 12);
    for (const auto& p : paths) {
        data.block(p.label);
        for (std::size_t i = 0; i < p.size(); ++i) {
            data.row({double(p.step[i]), p.x[i], p.y[i], p.loss[i], p.lr[i]});
        }
    }
    figs.write(slug, data);
    const auto value = [&](double x, double y) { return f.value(x, y); };
    const Surface s = write_surface(figs, slug + "_surface", value, box, grid);
    std::ostringstream g;
    g.precision(12);
    int k = 10;
    for (const Point2& m : f.minima()) {
        g << "set label " << k++ << " '' at " << m.x << ',' << m.y
          << " point pt 3 ps 2.5 lw 2 lc rgb 'black' front\n";
    }
    g << contour_map(slug + "_surface", box, s, 14, shaded);
    return g.str();
}

// The colour of path i: orange, green, black, ... (the map itself is blue).
inline int path_linetype(std::size_t i) {
    static const int order[] = {2, 3, 7, 4, 5, 1, 8, 6};
    return order[i % 8];
}

// What a chapter may change in plot_paths' map; the defaults draw the playground's.
struct PathsLook {
    std::string key = "top left";  // where the legend goes
    std::string axes = "set xlabel 'x'\nset ylabel 'y'\n";
    std::optional<Box> box;                           // the view; by default view_box()
    std::vector<std::string> styles{"pt 7 ps 0.35"};  // path i's, after its colour; the last
                                                      // one serves the paths beyond the list
    std::vector<std::size_t> order;                   // drawing order, later on top; 0, 1, ...
    // The start: a ring in each path's colour, one black ring titled 'start' (for paths that
    // share it), or none (the chapter labels it itself).
    enum Start { each, shared, none };
    Start start = each;
    std::string before;  // more gnuplot before the plot (labels)
    std::string after;   // more plot items after the paths
    int width = 950, height = 750;
};

// Draws paths on the surface as a PNG, one colour per path, with their start ringed.
inline void plot_paths(plot::Figures& figs, const std::string& slug, const Surface2& f,
                       const std::vector<Trajectory>& paths, const std::string& title,
                       int grid = 121, const PathsLook& look = {}) {
    const Box box = look.box ? *look.box : view_box(f, paths);
    std::ostringstream g;
    g << "set title '" << title << "'\n"
      << look.axes << "set key " << look.key << "\n"
      << look.before << paths_map(figs, slug, f, paths, grid, box);
    std::vector<std::size_t> order = look.order;
    if (order.empty()) {
        for (std::size_t i = 0; i < paths.size(); ++i) order.push_back(i);
    }
    for (std::size_t i : order) {
        const std::string& style = look.styles[std::min(i, look.styles.size() - 1)];
        g << ", \\\n     '" << slug << ".dat' index " << i << " using 2:3 with linespoints lt "
          << path_linetype(i) << ' ' << style << " title '" << paths[i].label << "'";
        if (look.start != PathsLook::each) continue;
        g << ", \\\n     '" << slug << ".dat' index " << i
          << " every ::0::0 using 2:3 with points lt " << path_linetype(i)
          << " pt 6 ps 2 lw 2 notitle";
    }
    if (look.start == PathsLook::shared) {
        g << ", \\\n     '" << slug << ".dat' index 0 every ::0::0 using 2:3 with points pt 6 "
          << "ps 2.5 lw 2 lc rgb 'black' title 'start'";
    }
    g << look.after << "\n";
    figs.png(slug, g.str(), look.width, look.height);
}

// The same as an animated GIF: the paths grow together, at most `frames` frames.
inline void animate_paths(plot::Figures& figs, const std::string& slug, const Surface2& f,
                          const std::vector<Trajectory>& paths, const std::string& title,
                          int frames = 60, int grid = 101, const std::string& key = "top left") {
    const Box box = view_box(f, paths);
    std::size_t longest = 1;
    for (const auto& p : paths) longest = std::max(longest, p.size());
    const std::size_t stride = std::max<std::size_t>(1, (longest + frames - 1) / frames);
    std::ostringstream g;
    // The first frame is the bare map; it also fills the $contours datablock the others reuse.
    g << "set title '" << title << "'\nset xlabel 'x'\nset ylabel 'y'\nset key " << key << "\n"
      << paths_map(figs, slug, f, paths, grid, box, false) << "\n"
      << "do for [n = " << stride << ":" << longest + stride - 1 << ":" << stride << "] {\n"
      << "  last = n - 1\n"
      << "  set title sprintf('" << title << " (step %d)', last)\n";
    // A path that ended early (diverged, or fewer steps) keeps its marker at its last point.
    for (std::size_t i = 0; i < paths.size(); ++i) {
        const long end = static_cast<long>(paths[i].size()) - 1;
        g << "  mark" << i << " = last < " << end << " ? last : " << end << "\n";
    }
    g << "  plot $contours using 1:2 with lines lc rgb '#7f9fb9' lw 0.8 notitle";
    for (std::size_t i = 0; i < paths.size(); ++i) {
        g << ", \\\n       '" << slug << ".dat' index " << i << " every ::0::last using 2:3 "
          << "with lines lt " << path_linetype(i) << " title '" << paths[i].label
          << "', \\\n       '" << slug << ".dat' index " << i << " every ::mark" << i << "::mark"
          << i << " using 2:3 with points lt " << path_linetype(i) << " pt 7 ps 1.5 notitle";
    }
    g << "\n}\n";
    figs.gif(slug, g.str(), 800, 640, 6);
}

// For the playground: figures named by the user's file name (its folder and stem).
inline void plot_path_file(const Surface2& f, const Trajectory& path, const std::string& file,
                           bool render, bool animate) {
    namespace fs = std::filesystem;
    const fs::path p(file);
    const fs::path dir = p.parent_path().empty() ? fs::path(".") : p.parent_path();
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (!fs::is_directory(dir)) throw UsageError("cannot create folder '" + dir.string() + "'");
    plot::Figures figs(dir, render);
    std::string title = f.name() + ": " + std::to_string(path.size() - 1) + " steps";
    if (path.diverged_at >= 0) title += ", diverged at step " + std::to_string(path.diverged_at);
    if (animate) {
        animate_paths(figs, p.stem().string(), f, {path}, title);
    } else {
        plot_paths(figs, p.stem().string(), f, {path}, title);
    }
}

}  // namespace gd
