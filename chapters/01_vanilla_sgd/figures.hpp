// figures.hpp: chapter 01's figures, one function each, in the order the README shows them.
// Each writes its data and gnuplot script through gd::plot::Figures (common/plot/figures.hpp),
// so every picture can be redrawn from its folder. The runs are gd::LineRun
// (common/train/line_training.hpp): a point's x is the slope a, its y the intercept b.
#pragma once

#include <algorithm>
#include <sstream>
#include <string>
#include <vector>

#include "plot/contour.hpp"
#include "plot/figures.hpp"
#include "problems/line_fit.hpp"
#include "train/line_training.hpp"

namespace ch01 {

inline std::string run_label(const gd::LineRun& r) {
    std::ostringstream s;
    s << r.name << " (batch " << r.batch << ", " << r.updates() << " updates)";
    return s.str();
}

// The three paths on the loss surface: per-sample zig-zags across the steep a-direction, full
// batch moves smoothly but, with one update an epoch, is still far from b = -28.
inline void plot_paths(gd::plot::Figures& figs, const std::vector<gd::LineRun>& runs,
                       const gd::Points& pts, int grid) {
    gd::plot::Data paths({"update", "a", "b"});
    std::vector<double> as{1.5}, bs{-28.0};
    for (const gd::LineRun& r : runs) {
        paths.block(run_label(r));
        for (std::size_t k = 0; k < r.path.size(); ++k) {
            paths.row({double(k), r.path[k].x, r.path[k].y});
            as.push_back(r.path[k].x);
            bs.push_back(r.path[k].y);
        }
    }
    figs.write("paths", paths);
    const gd::Box box = gd::bounding_box(as, bs, 0.08);
    const auto loss = [&](double a, double b) { return gd::mean_loss(a, b, pts); };
    const gd::Surface surf = gd::write_surface(figs, "paths_surface", loss, box, grid);

    std::ostringstream gp;
    gp << "set title 'Paths on the loss surface: batch 1 zig-zags to the minimum, full batch "
          "has barely left'\n"
       << "set xlabel 'a (slope)'\nset ylabel 'b (intercept)'\nset key bottom left\n"
       << "set label 1 'start' at 0,0 point pt 7 ps 1.5 lc rgb 'black' offset 1,0.5 front\n"
       << "set label 2 'minimum (1.5, -28)' at 1.5,-28 point pt 6 ps 2 lw 2 lc rgb 'black' "
          "offset 1.2,-0.6 front\n"
       << gd::contour_map("paths_surface", box, surf) << ", \\\n";
    const char* styles[] = {"with lines lt 2 lw 1.2", "with lines lt 3 lw 2",
                            "with linespoints lt 7 lw 2 pt 7 ps 0.4"};
    for (std::size_t i = 0; i < runs.size(); ++i) {
        gp << "     'paths.dat' index " << i << " using 2:3 " << styles[i % 3] << " title '"
           << run_label(runs[i]) << "'" << (i + 1 < runs.size() ? ", \\\n" : "\n");
    }
    figs.png("paths", gp.str(), 1000, 700);
}

// Loss per epoch on a log scale: the curves are straight lines where convergence is linear.
inline void plot_loss(gd::plot::Figures& figs, const std::vector<gd::LineRun>& runs) {
    gd::plot::Data data({"epoch", "loss"});
    for (const gd::LineRun& r : runs) {
        data.block(run_label(r));
        for (std::size_t e = 0; e < r.epoch_loss.size(); ++e)
            data.row({double(e), r.epoch_loss[e]});
    }
    figs.write("loss", data);
    std::ostringstream gp;
    gp << "set title 'Same rate, same epochs: the more updates an epoch, the faster the loss "
          "falls'\n"
       << "set xlabel 'epoch (one pass over the 20 points)'\n"
       << "set ylabel 'mean squared error on all 20 points'\n"
       << "set logscale y\nset format y '10^{%L}'\nset key bottom left\nset xrange [0:*]\n"
       << "plot 'loss.dat' index 0 using 1:2 with lines lt 2 title '" << run_label(runs[0])
       << "', \\\n     '' index 1 using 1:2 with lines lt 3 title '" << run_label(runs[1])
       << "', \\\n     '' index 2 using 1:2 with lines lt 7 title '" << run_label(runs[2]) << "'\n";
    figs.png("loss", gp.str());
}

// a and b per epoch against their true values: a settles within a few epochs, b takes ~100.
inline void plot_params(gd::plot::Figures& figs, const std::vector<gd::LineRun>& runs) {
    gd::plot::Data data({"epoch", "a", "b"});
    for (const gd::LineRun& r : runs) {
        data.block(run_label(r));
        for (std::size_t e = 0; e < r.epoch_path.size(); ++e) {
            data.row({double(e), r.epoch_path[e].x, r.epoch_path[e].y});
        }
    }
    figs.write("params", data);
    std::ostringstream gp;
    gp << "set multiplot layout 2,1 title 'a overshoots and settles early, b crawls: the valley is "
          "steep along a, shallow along b'\n"
       << "set xlabel 'epoch'\nset key outside right top\nset xrange [0:*]\n";
    const char* which[] = {"a (slope)", "b (intercept)"};
    const char* truth[] = {"1.5", "-28"};
    for (int p = 0; p < 2; ++p) {
        gp << "set ylabel '" << which[p] << "'\n"
           << "plot " << truth[p]
           << " with lines dt 2 lc rgb 'black' lw 1.5 title 'true value', \\\n";
        for (std::size_t i = 0; i < runs.size(); ++i) {
            gp << "     'params.dat' index " << i << " using 1:" << p + 2 << " with lines lt "
               << (i == 0   ? 2
                   : i == 1 ? 3
                            : 7)
               << " title '" << runs[i].name << "'" << (i + 1 < runs.size() ? ", \\\n" : "\n");
        }
    }
    gp << "unset multiplot\n";
    figs.png("params", gp.str(), 900, 800);
}

// The fitted lines over the epochs, one GIF frame every `stride` epochs.
inline void animate_fit(gd::plot::Figures& figs, const std::vector<gd::LineRun>& runs,
                        const gd::Points& pts, int frames) {
    gd::plot::Data points({"x", "y"});
    for (std::size_t i = 0; i < pts.size(); ++i) points.row({pts.x[i], pts.y[i]});
    figs.write("fit_points", points);

    std::size_t epochs = 0;
    for (const gd::LineRun& r : runs) epochs = std::max(epochs, r.epoch_path.size() - 1);
    const std::size_t stride = std::max<std::size_t>(1, (epochs + frames - 1) / frames);
    gd::plot::Data lines({"x", "per_sample", "mini_batch", "full_batch"});
    std::vector<std::string> frame_epochs;
    for (std::size_t e = 0; e <= epochs; e += stride) {
        lines.block("epoch " + std::to_string(e));
        frame_epochs.push_back(std::to_string(e));
        for (double x : {-11.0, 10.0}) {
            std::vector<double> row{x};
            for (const gd::LineRun& r : runs) {
                const gd::Point2& t = r.epoch_path[std::min(e, r.epoch_path.size() - 1)];
                row.push_back(t.x * x + t.y);  // y = a·x + b
            }
            lines.row(row);
        }
    }
    figs.write("fit", lines);
    std::ostringstream gp;
    std::ostringstream frame;
    frame << "  set title sprintf('Fitted line after epoch %s (true: y = 1.5x - 28)', "
             "word(frames, i))\n"
          << "  plot 'fit_points.dat' with points pt 7 ps 1.3 lc rgb '#333333' title 'data', \\\n"
          << "       'fit.dat' index i-1 using 1:2 with lines lt 2 lw 2 title '" << runs[0].name
          << "', \\\n       '' index i-1 using 1:3 with lines lt 3 lw 2 title '" << runs[1].name
          << "', \\\n       '' index i-1 using 1:4 with lines lt 7 lw 2 title '" << runs[2].name
          << "'\n";
    gp << "set xrange [-11:10]\nset yrange [-50:20]\nset key top left\n"
       << "set xlabel 'x'\nset ylabel 'y'\n"
       << gd::plot::frame_loop(frame_epochs, frame.str());
    figs.gif("fit", gp.str(), 800, 500, 8);
}

}  // namespace ch01
