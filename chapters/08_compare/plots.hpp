// plots.hpp: chapter 08's figures. Each function writes its data and gnuplot script through
// gd::plot::Figures (common/plot.hpp), so every picture can be redrawn from its folder.
#pragma once

#include <algorithm>
#include <cmath>
#include <sstream>
#include <string>
#include <vector>

#include "contour.hpp"
#include "line_fit.hpp"
#include "line_race.hpp"
#include "plot.hpp"
#include "race.hpp"
#include "trajectory.hpp"

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

    // main: the post's four methods; bias: Adam, Adam uncorrected, AdamAnn, AdamAnn uncorrected.
    void all(const std::vector<LineRun>& main, const std::vector<LineRun>& bias) {
        series("loss", main, 0, "loss");
        loss(main);
        params(main);
        rates(main);
        paths(main);
        first_steps(bias);
        fit(main);
    }

  private:
    // One block per run, columns: update, a, b, loss, lr; every `stride`-th update up to `last`.
    void series(const std::string& name, const std::vector<LineRun>& runs, std::size_t last,
                const char*) {
        gd::plot::Data d({"update", "a", "b", "loss", "lr"});
        for (const LineRun& r : runs) {
            d.block(r.name);
            const std::size_t end = last ? std::min(last, r.updates()) : r.updates();
            for (std::size_t k = 0; k <= end; ++k) d.row({double(k), r.a[k], r.b[k], r.loss[k], r.lr[k]});
        }
        figs_.write(name, d);
    }

    std::string curves(const std::string& file, const std::vector<LineRun>& runs, int column,
                       const char* style = "with lines") const {
        std::ostringstream g;
        for (std::size_t i = 0; i < runs.size(); ++i) {
            g << (i ? ", \\\n     " : "") << "'" << file << ".dat' index " << i << " using 1:"
              << column << " " << style << " lt " << line_type(i) << " title '" << runs[i].name
              << "'";
        }
        return g.str();
    }

    std::string epochs_axis() const {
        std::ostringstream g;
        g << "set xlabel 'iteration (one update per sample; " << pts_.size()
          << " per epoch)'\nset xrange [0:*]\n";
        return g.str();
    }

    // Loss on all points after every update, log scale.
    void loss(const std::vector<LineRun>& runs) {
        std::ostringstream g;
        g << "set title 'Loss per iteration: Adam arrives within an epoch, then shakes; "
             "AdamAnn settles'\n"
          << epochs_axis() << "set ylabel 'mean squared error on all points'\n"
          << "set logscale y\nset format y '10^{%L}'\nset key bottom left\n"
          << "plot " << curves("loss", runs, 4) << "\n";
        figs_.png("loss", g.str(), 1000, 600);
    }

    void params(const std::vector<LineRun>& runs) {
        std::ostringstream g;
        g << "set multiplot layout 2,1 title 'a and b per iteration against the true line "
             "(dashed): SGD and momentum crawl along b'\n"
          << epochs_axis() << "set key outside right top\n";
        const char* which[] = {"a (slope)", "b (intercept)"};
        const char* truth[] = {"1.5", "-28"};
        for (int p = 0; p < 2; ++p) {
            g << "set ylabel '" << which[p] << "'\nplot " << truth[p]
              << " with lines dt 2 lc rgb '#444444' lw 1.5 title 'true value', \\\n     "
              << curves("loss", runs, p + 2) << "\n";
        }
        g << "unset multiplot\n";
        figs_.png("params", g.str(), 1000, 800);
    }

    void rates(const std::vector<LineRun>& runs) {
        std::ostringstream g;
        g << "set title 'Learning rate per iteration: AdamAnn divides Adam''s rate by 4 every 5 "
             "epochs'\n"
          << epochs_axis() << "set ylabel 'learning rate η_t'\n"
          << "set logscale y\nset format y '10^{%L}'\nset key bottom left\nset yrange [1e-7:5]\n"
          << "plot " << curves("loss", runs, 5) << "\n";
        figs_.png("lr", g.str(), 1000, 550);
    }

    // The paths on the contour map of the mean loss over the points.
    void paths(const std::vector<LineRun>& runs) {
        std::vector<double> as{1.5}, bs{-28.0};
        for (const LineRun& r : runs) {
            as.insert(as.end(), r.a.begin(), r.a.end());
            bs.insert(bs.end(), r.b.begin(), r.b.end());
        }
        const gd::Box box = gd::bounding_box(as, bs, 0.06);
        const auto f = [&](double a, double b) { return gd::mean_loss(a, b, pts_); };
        const gd::Surface surf = gd::write_surface(figs_, "paths_surface", f, box, quick_ ? 41 : 121);
        std::ostringstream g;
        g << "set title 'Paths in the (a, b) plane: Adam runs straight down b, SGD and momentum "
             "turn late'\n"
          << "set xlabel 'a (slope)'\nset ylabel 'b (intercept)'\nset key bottom right\n"
          << "set label 1 'start (1, 1)' at 1,1 point pt 7 ps 1.5 lc rgb 'black' offset 1,0 front\n"
          << "set label 2 'minimum (1.5, -28)' at 1.5,-28 point pt 6 ps 2.5 lw 2 lc rgb 'black' "
             "offset 1.2,-0.8 front\n"
          << gd::contour_map("paths_surface", box, surf) << ", \\\n     "
          << curves("loss", runs, 0, "") << "\n";
        std::string body = g.str();
        // curves() plots column 1 against the chosen one; the paths need a against b instead.
        for (std::size_t pos; (pos = body.find("using 1:0 ")) != std::string::npos;)
            body.replace(pos, 10, "using 2:3 with lines lw 1.5 ");
        figs_.png("paths", body, 1000, 750);
    }

    // Bias correction, the first 60 updates of b: Adam with and without it, and the annealed pair.
    void first_steps(const std::vector<LineRun>& runs) {
        series("first_steps", runs, 60, "b");
        std::ostringstream g;
        g << "set title 'Bias correction changes only the first steps: uncorrected Adam starts at "
             "0.95 of the step'\n"
          << "set xlabel 'iteration'\nset ylabel 'b (intercept)'\nset key top right\n"
          << "set xrange [0:60]\n"
          << "plot -28 with lines dt 2 lc rgb '#444444' lw 1.5 title 'true b', \\\n     "
          << curves("first_steps", runs, 3, "with linespoints pt 7 ps 0.5") << "\n";
        figs_.png("first_steps", g.str(), 1000, 600);
    }

    // The fitted lines, on frames spaced quadratically in the iteration (more early on).
    void fit(const std::vector<LineRun>& runs) {
        gd::plot::Data points({"x", "y"});
        for (std::size_t i = 0; i < pts_.size(); ++i) points.row({pts_.x[i], pts_.y[i]});
        figs_.write("fit_points", points);
        const std::size_t total = runs[0].updates(), frames = quick_ ? 6 : 48;
        std::vector<std::size_t> at;
        for (std::size_t f = 0; f <= frames; ++f) {
            const std::size_t k = std::size_t(std::lround(total * std::pow(double(f) / frames, 2)));
            if (at.empty() || k != at.back()) at.push_back(k);
        }
        std::vector<std::string> cols{"x"};
        for (const LineRun& r : runs) cols.push_back(r.name);
        gd::plot::Data lines(cols);
        std::string list;
        for (std::size_t k : at) {
            lines.block("iteration " + std::to_string(k));
            list += std::to_string(k) + ' ';
            for (double x : {-10.0, 10.0}) {
                std::vector<double> row{x};
                for (const LineRun& r : runs) {
                    const std::size_t j = std::min(k, r.updates());
                    row.push_back(r.a[j] * x + r.b[j]);
                }
                lines.row(row);
            }
        }
        figs_.write("fit", lines);
        std::ostringstream g;
        g << "its = '" << list << "'\nset xrange [-10:10]\nset yrange [-50:15]\n"
          << "set key top left\nset xlabel 'x'\nset ylabel 'y'\n"
          << "do for [i = 1:words(its)] {\n"
          << "  set title sprintf('Fitted lines after iteration %s of " << total
          << " (true: y = 1.5x - 28)', word(its, i))\n"
          << "  plot 'fit_points.dat' with points pt 7 ps 1.2 lc rgb '#333333' title 'data'";
        for (std::size_t i = 0; i < runs.size(); ++i) {
            g << ", \\\n       'fit.dat' index i-1 using 1:" << i + 2 << " with lines lt "
              << line_type(i) << " lw 2 title '" << runs[i].name << "'";
        }
        g << "\n}\n";
        figs_.gif("fit", g.str(), 800, 500, 15);
    }

    gd::plot::Figures& figs_;
    const gd::Points& pts_;
    bool quick_;
};

// The race on one surface: the final paths as a PNG, their growth as a GIF.
inline void plot_race(gd::plot::Figures& figs, const Race& race,
                      const std::vector<gd::Trajectory>& paths, bool quick) {
    const auto surface = gd::make_surface(race.surface);
    const std::string title = "The race on " + race.surface;
    gd::plot_paths(figs, "race_" + race.surface, *surface, paths, title, quick ? 41 : 121);
    gd::animate_paths(figs, "race_" + race.surface + "_anim", *surface, paths, title,
                      quick ? 5 : 60, quick ? 31 : 101);
}

}  // namespace ch08
