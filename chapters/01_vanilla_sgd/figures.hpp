// figures.hpp: chapter 01's figures, one function each, in the order the README shows them.
// Each writes its data and gnuplot script through gd::plot::Figures (common/plot/figures.hpp),
// so every picture can be redrawn from its folder. The runs are gd::LineRun
// (common/train/line_training.hpp): a point's x is the slope a, its y the intercept b.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <sstream>
#include <string>
#include <vector>

#include "plot/contour.hpp"
#include "plot/figures.hpp"
#include "problems/line_fit.hpp"
#include "train/line_training.hpp"
#include "valley.hpp"

namespace ch01 {

inline std::string run_label(const gd::LineRun& r) {
    std::ostringstream s;
    s << r.name << " (batch " << r.batch << ", " << r.updates() << " updates)";
    return s.str();
}

// The three paths on the loss surface, with the valley's two directions through the minimum:
// every path first runs across the valley (steep) to its floor, then down it (shallow).
inline void plot_paths(gd::plot::Figures& figs, const std::vector<gd::LineRun>& runs,
                       const gd::Points& pts, const Valley& v, int grid) {
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
    // The two eigenvectors of H through θ* = (1.5, −28), long enough to cross the whole map.
    gd::plot::Data axes({"a", "b"});
    const double reach = 2 * (box.y1 - box.y0 + box.x1 - box.x0);
    for (int k = 0; k < 2; ++k) {
        const gd::Point2 d = k == 0 ? v.steep : v.shallow;
        axes.block(k == 0 ? "steep direction" : "shallow direction");
        axes.row({1.5 - reach * d.x, -28 - reach * d.y});
        axes.row({1.5 + reach * d.x, -28 + reach * d.y});
    }
    figs.write("paths_valley", axes);
    const auto loss = [&](double a, double b) { return gd::mean_loss(a, b, pts); };
    const gd::Surface surf = gd::write_surface(figs, "paths_surface", loss, box, grid);
    // The shared map shades log10(L − floor), its floor a little below the smallest loss on
    // the grid; here the minimum is L = 0, so say plainly what the shade is.
    std::string map = gd::contour_map("paths_surface", box, surf);
    const std::string label = "set cblabel 'log_{10}(loss - floor)'";
    if (const auto at = map.find(label); at != std::string::npos) {
        map.replace(at, label.size(),
                    "set cblabel sprintf('log_{10}(L + %.1f), L the mean squared error', -floor)");
    }

    char steep[80], shallow[80];
    std::snprintf(steep, sizeof steep, "steep direction, λ_{max} = %.1f", v.lambda_max);
    std::snprintf(shallow, sizeof shallow, "shallow direction, λ_{min} = %.2f", v.lambda_min);
    std::ostringstream gp;
    gp << "set title 'Paths on the loss surface: across the valley first (steep), then down it "
          "(shallow)'\n"
       << "set xlabel 'a (slope)'\nset ylabel 'b (intercept)'\nset key left center\n"
       << "set label 1 'start' at 0,0 point pt 7 ps 1.5 lc rgb 'black' offset 1,0.5 front\n"
       << "set label 2 'minimum (1.5, -28)' at 1.5,-28 point pt 6 ps 2 lw 2 lc rgb 'black' "
          "offset 1.2,-0.6 front\n"
       << "set clip two\n"  // the valley's lines start and end outside the map
       << map << ", \\\n";
    const char* styles[] = {"with lines lt 2 lw 1.2", "with lines lt 3 lw 2",
                            "with linespoints lt 7 lw 2 pt 7 ps 0.4"};
    for (std::size_t i = 0; i < runs.size(); ++i) {
        gp << "     'paths.dat' index " << i << " using 2:3 " << styles[i % 3] << " title '"
           << run_label(runs[i]) << "', \\\n";
    }
    gp << "     'paths_valley.dat' index 0 using 1:2 with lines dt 2 lw 2 lc rgb '#333333' "
          "title '"
       << steep << "', \\\n"
       << "     '' index 1 using 1:2 with lines dt 3 lw 2.5 lc rgb '#333333' title '" << shallow
       << "'\n";
    figs.png("paths", gp.str(), 1000, 700);
}

// Loss per epoch on a log scale: straight lines where convergence is linear. The dashed curve
// is the control: full batch at n = 20 times the rate, as many updates' worth per epoch as
// per-sample SGD makes.
inline void plot_loss(gd::plot::Figures& figs, const std::vector<gd::LineRun>& runs,
                      const gd::LineRun& scaled_full, double scaled_lr) {
    gd::plot::Data data({"epoch", "loss"});
    for (const gd::LineRun* r : {&runs[0], &runs[1], &runs[2], &scaled_full}) {
        data.block(run_label(*r));
        for (std::size_t e = 0; e < r->epoch_loss.size(); ++e)
            data.row({double(e), r->epoch_loss[e]});
    }
    figs.write("loss", data);
    std::ostringstream gp;
    gp << "set title 'More updates an epoch, faster fall; full batch at 20 times the rate "
          "catches up'\n"
       << "set xlabel 'epoch (one pass over the 20 points)'\n"
       << "set ylabel 'mean squared error on all 20 points'\n"
       << "set logscale y\nset format y '10^{%L}'\nset key bottom left\nset xrange [0:*]\n"
       << "plot 'loss.dat' index 0 using 1:2 with lines lt 2 title '" << run_label(runs[0])
       << "', \\\n     '' index 1 using 1:2 with lines lt 3 title '" << run_label(runs[1])
       << "', \\\n     '' index 2 using 1:2 with lines lt 7 title '" << run_label(runs[2])
       << "', \\\n     '' index 3 using 1:2 with lines lt 7 dt 2 title 'full batch at lr = "
       << scaled_lr << " (" << scaled_full.updates() << " updates)'\n";
    figs.png("loss", gp.str());
}

// a and b per epoch against their true values. Dashed: the valley floor at the run's own b,
// 1.5 + (0.0189)·(b + 28); a meets it once the steep part has died, then moves with b.
inline void plot_params(gd::plot::Figures& figs, const std::vector<gd::LineRun>& runs,
                        const Valley& v) {
    const double tilt = v.shallow.x / v.shallow.y;  // a's change per unit of b along the floor
    gd::plot::Data data({"epoch", "a", "b", "floor_a"});
    for (const gd::LineRun& r : runs) {
        data.block(run_label(r));
        for (std::size_t e = 0; e < r.epoch_path.size(); ++e) {
            const gd::Point2 t = r.epoch_path[e];
            data.row({double(e), t.x, t.y, 1.5 + tilt * (t.y + 28)});
        }
    }
    figs.write("params", data);
    char floor[96];
    std::snprintf(floor, sizeof floor, "dashed: valley floor a = 1.5 + %.4f (b + 28)", tilt);
    std::ostringstream gp;
    gp << "set multiplot layout 2,1 title 'a overshoots onto the valley floor, then moves down it "
          "with b (dashed: the floor at the same b)'\n"
       << "set xlabel 'epoch'\nset xrange [0:*]\n";
    const char* which[] = {"a (slope)", "b (intercept)"};
    const char* truth[] = {"1.5", "-28"};
    const char* keys[] = {"bottom right", "bottom left"};  // where the curves are not
    const int lts[] = {2, 3, 7};
    for (int p = 0; p < 2; ++p) {
        gp << "set ylabel '" << which[p] << "'\nset key " << keys[p] << "\n"
           << "plot " << truth[p]
           << " with lines dt 3 lc rgb '#777777' lw 2.5 title 'true value', \\\n";
        for (std::size_t i = 0; i < runs.size(); ++i) {
            gp << "     'params.dat' index " << i << " using 1:" << p + 2 << " with lines lt "
               << lts[i % 3] << " title '" << runs[i].name << "'";
            if (p == 0) {
                gp << ", \\\n     '' index " << i << " using 1:4 with lines lt " << lts[i % 3]
                   << " dt 2 lw 1.2 "
                   << (i == 0 ? std::string("title '") + floor + "'" : "notitle");
            }
            gp << (i + 1 < runs.size() ? ", \\\n" : "\n");
        }
    }
    gp << "unset multiplot\n";
    figs.png("params", gp.str(), 900, 800);
}

// The error split along the two directions, per epoch, on a log scale; dashed is what
// (1 − η·h)^updates predicts from the start. The steep part is what a overshoots by; the
// shallow part is b's slow march, and carries 0.0189 of itself in a.
inline void plot_modes(gd::plot::Figures& figs, const std::vector<gd::LineRun>& runs,
                       const Valley& v, double lr) {
    const Split s0 = split(v, {-1.5, 28});
    gd::plot::Data data({"epoch", "steep", "shallow", "steep_pred", "shallow_pred"});
    for (const gd::LineRun& r : runs) {
        data.block(run_label(r));
        const double per_epoch = double(r.updates()) / double(r.epoch_path.size() - 1);
        for (std::size_t e = 0; e < r.epoch_path.size(); ++e) {
            const Split s = split(v, {r.epoch_path[e].x - 1.5, r.epoch_path[e].y + 28});
            const double k = per_epoch * double(e);  // updates so far
            data.row({double(e), std::abs(s.steep), std::abs(s.shallow),
                      std::abs(s0.steep) * std::pow(std::abs(1 - lr * v.lambda_max), k),
                      std::abs(s0.shallow) * std::pow(std::abs(1 - lr * v.lambda_min), k)});
        }
    }
    figs.write("modes", data);
    std::ostringstream gp;
    gp << "set multiplot layout 1,2 title 'The error along the valley: the steep part falls fast "
          "until it is tied to the shallow part, which sets the pace'\n"
       << "set xlabel 'epoch'\nset logscale y\nset format y '10^{%L}'\nset xrange [0:*]\n"
       << "set key bottom left\n";
    const char* which[] = {"steep", "shallow"};
    const int lts[] = {2, 3, 7};
    for (int p = 0; p < 2; ++p) {
        char title[96];
        std::snprintf(title, sizeof title, "%s direction, λ = %.2f (dashed: (1 - ηλ)^{updates})",
                      which[p], p ? v.lambda_min : v.lambda_max);
        // The predicted steep part falls out of sight within epochs; the scale is for the runs.
        gp << "set title '" << title << "'\n"
           << (p ? "set yrange [*:*]\n" : "set yrange [1e-5:5]\n")
           << "set ylabel '|error along the " << which[p] << " direction|'\nplot ";
        for (std::size_t i = 0; i < runs.size(); ++i) {
            gp << (i ? ", \\\n     " : "") << "'modes.dat' index " << i << " using 1:" << p + 2
               << " with lines lt " << lts[i % 3] << " title '" << runs[i].name
               << "', \\\n     '' index " << i << " using 1:" << p + 4 << " with lines lt "
               << lts[i % 3] << " dt 2 lw 1.2 notitle";
        }
        gp << "\n";
    }
    gp << "unset multiplot\n";
    figs.png("modes", gp.str(), 1300, 560);
}

// The fitted lines over the epochs, one GIF frame per shown epoch.
inline void animate_fit(gd::plot::Figures& figs, const std::vector<gd::LineRun>& runs,
                        const gd::Points& pts, int frames) {
    gd::plot::Data points({"x", "y"});
    for (std::size_t i = 0; i < pts.size(); ++i) points.row({pts.x[i], pts.y[i]});
    figs.write("fit_points", points);

    std::size_t epochs = 0;
    for (const gd::LineRun& r : runs) epochs = std::max(epochs, r.epoch_path.size() - 1);
    // Frames at E·(k/(F−1))²: every early epoch, where the slope changes fast, sparser later.
    std::vector<std::size_t> shown;
    for (int k = 0; k < frames; ++k) {
        const double u = double(k) / double(frames - 1);
        const auto e = std::size_t(std::lround(double(epochs) * u * u));
        if (shown.empty() || e != shown.back()) shown.push_back(e);
    }
    gd::plot::Data lines({"x", "per_sample", "mini_batch", "full_batch"});
    std::vector<std::string> frame_epochs;
    for (std::size_t e : shown) {
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
