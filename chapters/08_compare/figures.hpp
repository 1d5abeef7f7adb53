// figures.hpp: chapter 08's figures. Each function writes its data and gnuplot script through
// gd::plot::Figures (common/plot/figures.hpp), so every picture can be redrawn from its folder.
#pragma once

#include <algorithm>
#include <cmath>
#include <sstream>
#include <string>
#include <vector>

#include "line_race.hpp"
#include "plot/contour.hpp"
#include "plot/figures.hpp"
#include "plot/paths.hpp"
#include "problems/line_fit.hpp"
#include "race.hpp"
#include "train/descent.hpp"
#include "train/line_training.hpp"

namespace ch08 {

// Colours (plot.hpp's linetypes): SGD orange, Momentum green, Adam black, AdamAnn pink.
inline int line_type(std::size_t i) {
    static const int lt[] = {2, 3, 7, 4, 5, 1};
    return lt[i % 6];
}

class LineFigures {
  public:
    LineFigures(gd::plot::Figures& figs, const gd::Points& pts, bool quick)
        : figs_(figs), pts_(pts), quick_(quick) {}

    // main: the post's four methods; bias: Adam with and without bias correction.
    void all(const std::vector<gd::LineRun>& main, const std::vector<gd::LineRun>& bias,
             double beta1, double beta2) {
        total_ = main[0].updates();
        series("loss", main, 0);
        loss(main);
        params(main);
        rates(main);
        paths(main);
        first_steps(bias, beta1, beta2);
        fit(main);
    }

  private:
    // One block per run, columns: update, a, b, loss, lr; every `stride`-th update up to `last`.
    void series(const std::string& name, const std::vector<gd::LineRun>& runs, std::size_t last) {
        gd::plot::Data d({"update", "a", "b", "loss", "lr"}, 8);
        for (const gd::LineRun& r : runs) {
            d.block(r.name);
            const std::size_t end = last ? std::min(last, r.updates()) : r.updates();
            for (std::size_t k = 0; k <= end; ++k)
                d.row({double(k), r.path[k].x, r.path[k].y, r.loss[k], r.lr[k]});
        }
        figs_.write(name, d);
    }

    // One curve per run from `file`.dat's blocks, columns `using`; the first run (SGD) drawn
    // wide, so that momentum, which nearly coincides with it, stays visible on top.
    std::string curves(const std::string& file, const std::vector<gd::LineRun>& runs,
                       const std::string& using_, const char* style = "with lines",
                       const char* first_width = "4") const {
        std::ostringstream g;
        for (std::size_t i = 0; i < runs.size(); ++i) {
            g << (i ? ", \\\n     " : "") << "'" << file << ".dat' index " << i << " using "
              << using_ << " " << style << " lt " << line_type(i) << " lw "
              << (i ? "1.5" : first_width) << " title '" << runs[i].name << "'";
        }
        return g.str();
    }

    std::string epochs_axis() const {
        std::ostringstream g;
        g << "set xlabel 'iteration (one update per sample; " << pts_.size()
          << " per epoch)'\nset xrange [0:" << total_ << "]\n";
        return g.str();
    }

    // Loss on all points after every update, log scale.
    void loss(const std::vector<gd::LineRun>& runs) {
        std::ostringstream g;
        g << "set title 'Loss per iteration: Adam arrives within an epoch, then shakes; "
             "AdamAnn settles'\n"
          << epochs_axis() << "set ylabel 'mean squared error on all points'\n"
          << "set logscale y\nset format y '10^{%L}'\nset key bottom left\n"
          << "plot " << curves("loss", runs, "1:4") << "\n";
        figs_.png("loss", g.str(), 1000, 600);
    }

    void params(const std::vector<gd::LineRun>& runs) {
        std::ostringstream g;
        g << "set multiplot layout 2,1 title 'a and b per iteration against the true line "
             "(dashed): SGD and momentum crawl along b'\n"
          << epochs_axis() << "set key outside right top\n";
        const char* which[] = {"a (slope)", "b (intercept)"};
        const char* truth[] = {"1.5", "-28"};
        for (int p = 0; p < 2; ++p) {
            g << "set ylabel '" << which[p] << "'\nplot " << curves("loss", runs, p ? "1:3" : "1:2")
              << ", \\\n     " << truth[p]
              << " with lines dt 2 lc rgb '#444444' lw 2 title 'true value'\n";
        }
        g << "unset multiplot\n";
        figs_.png("params", g.str(), 1000, 800);
    }

    void rates(const std::vector<gd::LineRun>& runs) {
        std::ostringstream g;
        g << "set title 'Learning rate per iteration: AdamAnn divides Adam''s rate by 4 every 5 "
             "epochs'\n"
          << epochs_axis() << "set ylabel 'learning rate η_t'\n"
          << "set logscale y\nset format y '10^{%L}'\nset key bottom left\nset yrange [1e-7:5]\n"
          << "plot " << curves("loss", runs, "1:5") << "\n";
        figs_.png("lr", g.str(), 1000, 550);
    }

    // The paths on the contour map of the mean loss over the points.
    void paths(const std::vector<gd::LineRun>& runs) {
        std::vector<double> as{1.5}, bs{-28.0};
        for (const gd::LineRun& r : runs) {
            for (const gd::Point2& p : r.path) as.push_back(p.x), bs.push_back(p.y);
        }
        const gd::Box box = gd::bounding_box(as, bs, 0.06);
        const auto f = [&](double a, double b) { return gd::mean_loss(a, b, pts_); };
        const gd::Surface surf =
            gd::write_surface(figs_, "paths_surface", f, box, quick_ ? 41 : 101);
        std::ostringstream g;
        g << "set title 'Paths: Adam swings wide in a but reaches b = -28 in 45 steps; SGD and "
             "momentum lag behind'\n"
          << "set xlabel 'a (slope)'\nset ylabel 'b (intercept)'\nset key bottom left\n"
          << "set label 1 'start (1, 1)' at 1,1 point pt 7 ps 1.5 lc rgb 'black' offset 1,0 front\n"
          << "set label 2 'minimum (1.5, -28)' at 1.5,-28 point pt 6 ps 2.5 lw 2 lc rgb 'black' "
             "offset -3,-1.9 front\n"
          << gd::contour_map("paths_surface", box, surf) << ", \\\n     "
          << curves("loss", runs, "2:3", "with lines", "1.2") << "\n";
        figs_.png("paths", g.str(), 1000, 750);
    }

    // Bias correction: b over the first 60 updates with and without it (top), and the factor
    // √(1−β2ᵗ)/(1−β1ᵗ) by which the correction scales the uncorrected step (bottom).
    void first_steps(const std::vector<gd::LineRun>& runs, double beta1, double beta2) {
        series("first_steps", runs, 60);
        std::ostringstream g;
        g << "set multiplot layout 2,1 title 'Without bias correction: the first step 5 % shorter, "
             "the next 30 up to 30 % longer'\n"
          << "set xrange [0:60]\nset key top right\nset xlabel 'iteration t'\n"
          << "set ylabel 'b (intercept)'\n"
          << "plot " << curves("first_steps", runs, "1:3", "with linespoints pt 7 ps 0.5", "1.5")
          << ", \\\n     -28 with lines dt 2 lc rgb '#444444' lw 1.5 title 'true b'\n"
          << "set ylabel 'corrected / uncorrected step'\nset yrange [0.7:1.1]\n"
          << "b1 = " << beta1 << "; b2 = " << beta2 << "\nset samples 60\n"
          << "plot [1:60] sqrt(1 - b2**x) / (1 - b1**x) with linespoints lt 1 pt 7 ps 0.5 "
             "title sprintf('√(1-β_2^t) / (1-β_1^t), β_1 = %g, β_2 = %g', b1, b2), \\\n"
          << "     1 with lines dt 2 lc rgb '#444444' notitle\n"
          << "unset multiplot\n";
        figs_.png("first_steps", g.str(), 1000, 800);
    }

    // The fitted lines, on frames spaced quadratically in the iteration (more early on).
    void fit(const std::vector<gd::LineRun>& runs) {
        gd::plot::Data points({"x", "y"});
        for (std::size_t i = 0; i < pts_.size(); ++i) points.row({pts_.x[i], pts_.y[i]});
        figs_.write("fit_points", points);
        const std::size_t total = runs[0].updates(), frames = quick_ ? 6 : 48;
        std::vector<std::size_t> at;
        for (std::size_t f = 0; f <= frames; ++f) {
            const std::size_t k =
                std::size_t(std::lround(double(total) * std::pow(double(f) / double(frames), 2)));
            if (at.empty() || k != at.back()) at.push_back(k);
        }
        std::vector<std::string> cols{"x"};
        for (const gd::LineRun& r : runs) cols.push_back(r.name);
        gd::plot::Data lines(cols);
        std::vector<std::string> its;
        for (std::size_t k : at) {
            lines.block("iteration " + std::to_string(k));
            its.push_back(std::to_string(k));
            for (double x : {-10.0, 10.0}) {
                std::vector<double> row{x};
                for (const gd::LineRun& r : runs) {
                    const std::size_t j = std::min(k, r.updates());
                    row.push_back(r.path[j].x * x + r.path[j].y);
                }
                lines.row(row);
            }
        }
        figs_.write("fit", lines);
        std::ostringstream frame;
        frame << "  set title sprintf('Fitted lines after iteration %s of " << total
              << " (true: y = 1.5x - 28)', word(frames, i))\n"
              << "  plot 'fit_points.dat' with points pt 7 ps 1.2 lc rgb '#333333' title 'data'";
        for (std::size_t i = 0; i < runs.size(); ++i) {
            frame << ", \\\n       'fit.dat' index i-1 using 1:" << i + 2 << " with lines lt "
                  << line_type(i) << " lw 2 title '" << runs[i].name << "'";
        }
        frame << "\n";
        figs_.gif("fit",
                  "set xrange [-10:10]\nset yrange [-50:15]\nset key top left\n"
                  "set xlabel 'x'\nset ylabel 'y'\n" +
                      gd::plot::frame_loop(its, frame.str()),
                  800, 500, 15);
    }

    gd::plot::Figures& figs_;
    const gd::Points& pts_;
    bool quick_;
    std::size_t total_ = 0;
};

// Every `stride`-th point of a path and its last one: the figures' data stays small, the
// tables are computed from the full paths.
inline gd::Trajectory thinned(const gd::Trajectory& p, std::size_t max_points) {
    gd::Trajectory t;
    t.label = p.label;
    t.diverged_at = p.diverged_at;
    const std::size_t stride = std::max<std::size_t>(1, (p.size() + max_points - 1) / max_points);
    for (std::size_t i = 0; i < p.size(); ++i)
        if (i % stride == 0 || i + 1 == p.size())
            t.add(p.step[i], p.x[i], p.y[i], p.loss[i], p.lr[i]);
    return t;
}

// The race on one surface: the final paths as a PNG (gd::plot_paths), their growth as a GIF,
// drawn as gd::animate_paths does but with the legend where the surface leaves room (`key`) and
// the title counting the steps of the full run: the paths are thinned to at most 400 points.
inline void plot_race(gd::plot::Figures& figs, const Race& race,
                      const std::vector<gd::Trajectory>& full, const std::string& key,
                      const std::string& what, bool quick) {
    const auto f = gd::make_surface(race.surface);
    std::vector<gd::Trajectory> paths;
    paths.reserve(full.size());
    for (const auto& p : full) paths.push_back(thinned(p, 400));
    // The saddle's paths run off towards −∞: show the frame around the saddle point, not them.
    const gd::Box box = race.surface == "saddle" ? f->frame() : gd::view_box(*f, paths);
    const std::string slug = "race_" + race.surface, title = "The race on " + race.surface;
    std::ostringstream start;
    start << "set label 1 'start' at " << race.start.x << "," << race.start.y
          << " point pt 6 ps 2.5 lw 2 lc rgb 'black' offset 1.2,0.6 front\n";
    gd::PathsLook look;
    look.key = key, look.box = box, look.before = start.str();
    look.styles = {"lw 1.5 pt 7 ps 0.3"};
    look.start = gd::PathsLook::none;
    look.width = 1000, look.height = 780;
    gd::plot_paths(figs, slug, *f, paths, title + ": " + what, quick ? 41 : 81, look);

    // The GIF: 60 frames, each the paths up to step n, with a dot at each racer's head.
    const std::string anim = slug + "_anim";
    const std::size_t frames = quick ? 5 : 60;
    std::size_t longest = 1;
    for (const auto& p : paths) longest = std::max(longest, p.size());
    const std::size_t stride = std::max<std::size_t>(1, (longest + frames - 1) / frames);
    std::ostringstream g;
    g << "set title '" << title << "'\nset xlabel 'x'\nset ylabel 'y'\nset key " << key << "\n"
      << start.str() << gd::paths_map(figs, anim, *f, paths, quick ? 31 : 61, box, false) << "\n"
      << "do for [n = " << stride << ":" << longest + stride - 1 << ":" << stride << "] {\n"
      << "  last = n - 1\n";
    for (std::size_t i = 0; i < paths.size(); ++i) {
        g << "  mark" << i << " = last < " << paths[i].size() - 1
          << " ? last : " << paths[i].size() - 1 << "\n";
    }
    g << "  set title sprintf('" << title << ", step %d of " << full[0].last_step()
      << "', int(last * " << double(full[0].last_step()) / double(paths[0].size() - 1) << "))\n"
      << "  plot $contours using 1:2 with lines lc rgb '#7f9fb9' lw 0.8 notitle";
    for (std::size_t i = 0; i < paths.size(); ++i) {
        g << ", \\\n       '" << anim << ".dat' index " << i << " every ::0::last using 2:3 "
          << "with lines lt " << gd::path_linetype(i) << " title '" << paths[i].label
          << "', \\\n       '' index " << i << " every ::mark" << i << "::mark" << i
          << " using 2:3 with points lt " << gd::path_linetype(i) << " pt 7 ps 1.5 notitle";
    }
    g << "\n}\n";
    figs.gif(anim, g.str(), 800, 640, 8);
}

}  // namespace ch08
