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
          << "set logscale y\nset format y '10^{%L}'\nset key bottom left width 1\n"
          << "plot " << curves("loss", runs, "1:4") << "\n";
        figs_.png("loss", g.str(), 1000, 600);
    }

    void params(const std::vector<gd::LineRun>& runs) {
        std::ostringstream g;
        g << "set multiplot layout 2,1 title 'a and b per iteration against the true line "
             "(dashed): SGD and momentum crawl along b'\n"
          << epochs_axis() << "set key outside right top\nset lmargin 10\n";
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
          << "set logscale y\nset format y '10^{%L}'\nset key bottom left width 1\nset yrange "
             "[1e-7:5]\n"
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
        // The shared map shades log10(L − floor), its floor a little below the smallest loss on
        // the grid; here the minimum is L = 0, so say plainly what the shade is.
        std::string map = gd::contour_map("paths_surface", box, surf);
        const std::string label = "set cblabel 'log_{10}(loss - floor)'";
        if (const auto at = map.find(label); at != std::string::npos) {
            map.replace(at, label.size(),
                        "set cblabel sprintf('log_{10}(L + %.2g), L the mean squared error', "
                        "-floor)");
        }
        std::ostringstream g;
        g << "set title 'Paths: Adam swings wide in a but reaches b = -28 in 45 steps; SGD and "
             "momentum lag behind'\n"
          << "set xlabel 'a (slope)'\nset ylabel 'b (intercept)'\nset key bottom left width 1\n"
          << "set label 1 'start (1, 1)' at 1,1 point pt 7 ps 1.5 lc rgb 'black' offset 1,0 front\n"
          << "set label 2 'minimum (1.5, -28)' at 1.5,-28 point pt 6 ps 2.5 lw 2 lc rgb 'black' "
             "offset 7,-2.6 front\n"
          << map << ", \\\n     " << curves("loss", runs, "2:3", "with lines", "1.2") << "\n";
        figs_.png("paths", g.str(), 1000, 750);
    }

    // Bias correction: b over the first 60 updates with and without it (top), and the factor
    // √(1−β2ᵗ)/(1−β1ᵗ) by which the correction scales the uncorrected step (bottom).
    void first_steps(const std::vector<gd::LineRun>& runs, double beta1, double beta2) {
        series("first_steps", runs, 60);
        std::ostringstream g;
        g << "set multiplot layout 2,1 title 'Without bias correction: the first step 5 % shorter, "
             "the next 30 up to 30 % longer'\n"
          << "set xrange [0:60]\nset key top right\nset xlabel 'iteration t'\nset lmargin 10\n"
          << "set ylabel 'b (intercept)'\n"
          << "plot " << curves("first_steps", runs, "1:3", "with linespoints pt 7 ps 0.5", "1.5")
          << ", \\\n     -28 with lines dt 2 lc rgb '#444444' lw 1.5 title 'true b'\n"
          << "set ylabel 'corrected / uncorrected step'\nset yrange [0.7:1.1]\n"
          << "b1 = " << beta1 << "; b2 = " << beta2 << "\nset samples 61\n"
          << "plot (x < 1 ? NaN : sqrt(1 - b2**x) / (1 - b1**x)) with linespoints lt 1 pt 7 ps 0.5 "
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
                  "set xrange [-10:10]\nset yrange [-50:15]\nset key bottom right\n"
                  "set xlabel 'x'\nset ylabel 'y'\n" +
                      gd::plot::frame_loop(its, frame.str()),
                  800, 500, 15);
    }

    gd::plot::Figures& figs_;
    const gd::Points& pts_;
    bool quick_;
    std::size_t total_ = 0;
};

// Every point of a path's first `early` steps, then every stride-th, and its last one: the
// figures' data stays small, the early steps (where most of the story is) all show, and the
// tables are computed from the full paths.
inline gd::Trajectory thinned(const gd::Trajectory& p, std::size_t early, std::size_t max_later) {
    gd::Trajectory t;
    t.label = p.label;
    t.diverged_at = p.diverged_at;
    const std::size_t later = p.size() > early ? p.size() - early : 0;
    const std::size_t stride = std::max<std::size_t>(1, (later + max_later - 1) / max_later);
    for (std::size_t i = 0; i < p.size(); ++i) {
        if (i < early || (i - early) % stride == 0 || i + 1 == p.size()) {
            t.add(p.step[i], p.x[i], p.y[i], p.loss[i], p.lr[i]);
            t.evaluations.push_back(p.evaluations[i]);
        }
    }
    return t;
}

// The racers each panel of a race's map shows, by family; the GIF's one of each.
struct Panel {
    const char* title;
    std::vector<const char*> racers;
};
inline const std::vector<Panel>& race_panels() {
    static const std::vector<Panel> p{
        {"SGD and momentum (chapters 01-03)", {"sgd", "momentum", "nesterov", "momentum-ema"}},
        {"Per-coordinate steps (chapter 04)",
         {"adagrad", "rmsprop", "adadelta", "rprop", "local-gain"}},
        {"The Adam family (chapter 05)", {"adam", "adamw", "amsgrad", "adamax", "nadam", "radam"}},
        {"Second order: L-BFGS, each iteration a dot", {"lbfgs"}}};
    return p;
}
inline const std::vector<const char*>& gif_racers() {
    static const std::vector<const char*> r{"sgd", "nesterov", "rmsprop", "rprop", "adam", "lbfgs"};
    return r;
}

// The colour and dash of the k-th path of a panel.
inline std::string panel_style(std::size_t k) {
    static const char* s[] = {"lt 2", "lt 3 dt 2", "lt 7", "lt 4 dt 4", "lt 5 dt 3", "lt 1 dt 5"};
    return s[k % 6];
}

// The map's box: the paths' bounding box with the start and the minima, a margin around it,
// never beyond view_box() (at most three times the surface's frame); on the saddle, whose
// paths run away, the frame itself.
inline gd::Box race_box(const gd::Surface2& f, const Race& race,
                        const std::vector<gd::Trajectory>& paths) {
    if (race.surface == "saddle") return f.frame();
    const gd::Box outer = gd::view_box(f, paths);
    gd::Box b{race.start.x, race.start.x, race.start.y, race.start.y};
    const auto grow = [&b](double x, double y) {
        b.x0 = std::min(b.x0, x), b.x1 = std::max(b.x1, x);
        b.y0 = std::min(b.y0, y), b.y1 = std::max(b.y1, y);
    };
    for (const gd::Point2& m : f.minima()) grow(m.x, m.y);
    for (const auto& p : paths) {
        for (std::size_t i = 0; i < p.size(); ++i) grow(p.x[i], p.y[i]);
    }
    const double mx = 0.08 * (b.x1 - b.x0), my = 0.08 * (b.y1 - b.y0);
    return {std::max(outer.x0, b.x0 - mx), std::min(outer.x1, b.x1 + mx),
            std::max(outer.y0, b.y0 - my), std::min(outer.y1, b.y1 + my)};
}

// The race on one surface: a map in four panels, one per family of optimizers, every path
// drawn with a dot at each step and a ringed disc where it ends; and a GIF of one racer per
// family. The box holds every path (grown at most to three times the surface's frame; the
// saddle's runaways leave it).
inline void plot_race(gd::plot::Figures& figs, const Race& race,
                      const std::vector<gd::Trajectory>& full, const std::string& what,
                      const std::string& key, bool quick) {
    const auto f = gd::make_surface(race.surface);
    std::vector<gd::Trajectory> paths;
    paths.reserve(full.size());
    for (const auto& p : full) paths.push_back(thinned(p, 200, 400));
    const gd::Box box = race_box(*f, race, paths);
    const std::string slug = "race_" + race.surface;

    gd::plot::Data data({"step", "x", "y", "loss", "lr", "evaluations"}, 12);
    for (const auto& p : paths) {
        data.block(p.label);
        for (std::size_t i = 0; i < p.size(); ++i) {
            data.row(
                {double(p.step[i]), p.x[i], p.y[i], p.loss[i], p.lr[i], double(p.evaluations[i])});
        }
    }
    figs.write(slug, data);
    const auto value = [&](double x, double y) { return f->value(x, y); };
    const gd::Surface surf =
        gd::write_surface(figs, slug + "_surface", value, box, quick ? 41 : 101);

    std::ostringstream marks;  // the start, and the minima as crosses
    marks << "set label 1 'start' at " << race.start.x << "," << race.start.y
          << " point pt 6 ps 2.5 lw 2 lc rgb 'black' offset 1.2,0.6 front\n";
    int label = 10;
    for (const gd::Point2& m : f->minima()) {
        marks << "set label " << label++ << " '' at " << m.x << "," << m.y
              << " point pt 3 ps 3 lw 2 lc rgb 'black' front\n";
    }
    std::ostringstream g;
    g << "set multiplot layout 2,2 title 'The race on " << race.surface << ": " << what
      << (f->minima().empty() ? " (the paths run off the map)'\n"
                              : " (ringed disc: where each path ends; cross: the minimum)'\n")
      << "set xlabel 'x' offset 0,0.9\nset ylabel 'y'\nunset colorbox\n"
      << "set key below maxrows 3 opaque\n"
      << marks.str();
    for (const Panel& panel : race_panels()) {
        g << "set title '" << panel.title << "'\n"
          << gd::contour_map(slug + "_surface", box, surf, 14);
        for (std::size_t k = 0; k < panel.racers.size(); ++k) {
            const std::size_t i = racer(panel.racers[k]);
            const std::size_t end = paths[i].size() - 1;
            g << ", \\\n     '" << slug << ".dat' index " << i << " using 2:3 with linespoints "
              << panel_style(k) << " lw 1.5 pt 7 ps 0.35 title '" << paths[i].label << "'"
              << ", \\\n     '' index " << i << " every ::" << end << "::" << end
              << " using 2:3 with points " << panel_style(k) << " pt 7 ps 2 notitle"
              << ", \\\n     '' index " << i << " every ::" << end << "::" << end
              << " using 2:3 with points pt 6 ps 2 lw 1.5 lc rgb 'black' notitle";
        }
        g << "\n";
    }
    g << "unset multiplot\n";
    figs.png(slug, g.str(), 1400, 1300);

    // The GIF: frames at steps growing quadratically (the early steps get most frames), each
    // path up to that step, a disc at its head.
    const std::string anim = slug + "_anim";
    std::vector<gd::Trajectory> shown;
    for (const char* name : gif_racers()) shown.push_back(paths[racer(name)]);
    const int frames = quick ? 5 : 60;
    const long last_step = full[0].last_step();
    std::ostringstream arrays, steps;
    for (int fr = 1; fr <= frames; ++fr) {
        const long s = std::lround(double(last_step) * std::pow(double(fr) / frames, 2));
        steps << (fr > 1 ? "," : "") << s;
    }
    for (std::size_t i = 0; i < shown.size(); ++i) {
        arrays << "array M" << i << "[" << frames << "] = [";
        std::size_t row = 0;
        for (int fr = 1; fr <= frames; ++fr) {
            const long s = std::lround(double(last_step) * std::pow(double(fr) / frames, 2));
            while (row + 1 < shown[i].size() && shown[i].step[row + 1] <= s) ++row;
            arrays << (fr > 1 ? "," : "") << row;
        }
        arrays << "]\n";
    }
    std::ostringstream a;
    a << "set xlabel 'x'\nset ylabel 'y'\nset key " << key << " opaque\n"
      << marks.str() << arrays.str() << "array S[" << frames << "] = [" << steps.str() << "]\n"
      << gd::paths_map(figs, anim, *f, shown, quick ? 31 : 61, box, false) << "\n"
      << "do for [n = 1:" << frames << "] {\n"
      << "  set title sprintf('The race on " << race.surface
      << ", one racer of each family: step %d of " << last_step << "', S[n])\n"
      << "  plot $contours using 1:2 with lines lc rgb '#7f9fb9' lw 0.8 notitle";
    for (std::size_t i = 0; i < shown.size(); ++i) {
        a << ", \\\n       '" << anim << ".dat' index " << i << " every ::0::M" << i
          << "[n] using 2:3 with lines " << panel_style(i) << " lw 2 title '" << shown[i].label
          << "', \\\n       '' index " << i << " every ::M" << i << "[n]::M" << i
          << "[n] using 2:3 with points " << panel_style(i) << " pt 7 ps 1.5 notitle";
    }
    a << "\n}\n";
    figs.gif(anim, a.str(), 800, 640, 8);
}

}  // namespace ch08
