// figures.hpp: chapter 05's figures, one function each, data and gnuplot script side by side.
#pragma once

#include <algorithm>
#include <cmath>
#include <sstream>
#include <string>
#include <vector>

#include "adam_scalar.hpp"
#include "plot/contour.hpp"
#include "plot/figures.hpp"
#include "problems/line_fit.hpp"
#include "problems/surfaces.hpp"
#include "train/descent.hpp"

namespace ch05 {

// Step size over η for the first steps: 1 with correction, (1 − β1ᵗ)/√(1 − β2ᵗ) without.
inline void plot_first_steps(gd::plot::Figures& figs, const std::vector<std::vector<double>>& r,
                             double beta1, double beta2) {
    gd::plot::Data data({"t", "corrected", "uncorrected", "uncorrected_post", "formula"});
    for (std::size_t k = 0; k < r[0].size(); ++k) {
        const double t = double(k + 1);
        const double formula = (1 - std::pow(0.9, t)) / std::sqrt(1 - std::pow(0.999, t));
        data.row({t, r[0][k], r[1][k], r[2][k], formula});
    }
    figs.write("bias_correction", data);
    std::ostringstream gp;
    gp << "set title 'Without bias correction the first steps are up to 6.6 times too long'\n"
       << "set xlabel 'step t (the gradient is the same at every step)'\n"
       << "set ylabel 'step size |Δθ| / η'\nset key right center at graph 0.98,0.4\n"
       << "set yrange [0:7.5]\n"
       << "plot 'bias_correction.dat' using 1:3 with lines lt 2 title 'no correction, β = (0.9, "
          "0.999)', \\\n"
       << "     '' using 1:5 with points lt 7 pt 6 ps 0.8 title '(1 - 0.9^t) / √(1 - 0.999^t)', "
          "\\\n"
       << "     '' using 1:4 with lines lt 3 title 'no correction, β = (" << beta1 << ", " << beta2
       << "), the post', \\\n"
       << "     '' using 1:2 with lines lt 1 title 'with bias correction (any β)'\n";
    figs.png("bias_correction", gp.str(), 900, 560);
}

// a, b and the loss after every update of the line-fit runs.
inline void plot_restless(gd::plot::Figures& figs, const std::vector<Run>& runs, std::size_t n) {
    gd::plot::Data data({"update", "epoch", "a", "b", "loss"}, 8);
    for (const Run& r : runs) {
        const gd::LineRun& f = r.fit;
        data.block(f.name);
        for (std::size_t k = 0; k < f.path.size(); ++k)
            data.row({double(k), double(k) / double(n), f.path[k].x, f.path[k].y, f.loss[k]});
    }
    figs.write("restless", data);
    const int lts[] = {2, 5, 3};
    const char* ylabel[] = {"a (slope)", "b (intercept)", "mean squared error (all 20 points)"};
    const char* truth[] = {"1.5", "-28", ""};
    std::ostringstream gp;
    gp << "set multiplot layout 3,1 title 'Adam (η = 1, β = (0.7, 0.9)) arrives within 5 epochs "
          "and never settles; AMSGrad settles'\n"
       << "set xlabel 'epoch (20 updates each)'\nset key outside right top\nset xrange [0:*]\n"
       << "set lmargin 12\n";
    for (int p = 0; p < 3; ++p) {
        gp << "set ylabel '" << ylabel[p] << "'\n";
        if (p == 2) gp << "set logscale y\nset format y '10^{%L}'\nset yrange [1e-12:*]\n";
        gp << "plot ";
        if (p < 2) gp << truth[p] << " with lines dt 2 lc rgb 'black' lw 1.5 title 'true value', ";
        for (std::size_t i = 0; i < runs.size(); ++i) {
            gp << "\\\n     'restless.dat' index " << i << " using 2:" << p + 3 << " with lines lt "
               << lts[i % 3] << " lw " << (i == 1 ? 1.2 : 1.6) << " title '" << runs[i].fit.name
               << "'" << (i + 1 < runs.size() ? ", " : "\n");
        }
    }
    gp << "unset multiplot\n";
    figs.png("restless", gp.str(), 1100, 950);
}

// Adam's and AMSGrad's paths on the loss surface; the last `tail` updates drawn thick.
inline void plot_restless_paths(gd::plot::Figures& figs, const std::vector<Run>& runs,
                                const gd::Points& pts, std::size_t tail, int grid) {
    gd::plot::Data data({"update", "a", "b"}, 8);
    std::vector<double> as{1.5}, bs{-28};
    const std::vector<const gd::LineRun*> shown = {&runs[0].fit, &runs[2].fit};
    for (const gd::LineRun* r : shown) {
        data.block(r->name);
        for (std::size_t k = 0; k < r->path.size(); ++k) {
            data.row({double(k), r->path[k].x, r->path[k].y});
            as.push_back(r->path[k].x), bs.push_back(r->path[k].y);
        }
    }
    figs.write("restless_paths", data);
    const gd::Box box = gd::bounding_box(as, bs, 0.05);
    const auto loss = [&](double a, double b) { return gd::mean_loss(a, b, pts); };
    const gd::Surface s = gd::write_surface(figs, "restless_paths_surface", loss, box, grid);
    const std::vector<gd::Point2>& adam = runs[0].fit.path;
    const std::size_t last = adam.size() - 1, from = last > tail ? last - tail : 0;
    std::ostringstream gp;
    gp << "set title 'The paths on the loss surface: Adam ends on a closed loop around the "
          "minimum'\n"
       << "set xlabel 'a (slope)'\nset ylabel 'b (intercept)'\nset key bottom right\n"
       << "set label 1 'start' at " << adam[0].x << ',' << adam[0].y
       << " point pt 7 ps 1.5 lc rgb 'black' offset 1,0 front\n"
       << "set label 2 '' at 1.5,-28 point pt 3 ps 2.5 lw 2 lc rgb 'black' front\n"
       << gd::contour_map("restless_paths_surface", box, s) << ", \\\n"
       << "     'restless_paths.dat' index 0 using 2:3 with lines lt 2 lw 0.8 title 'Adam, all "
          "updates', \\\n"
       << "     '' index 0 every ::" << from << " using 2:3 with lines lt 7 lw 2.5 title 'Adam, "
       << "last " << tail << " updates', \\\n"
       << "     '' index 1 using 2:3 with lines lt 3 lw 1.5 title 'AMSGrad'\n";
    figs.png("restless_paths", gp.str(), 950, 750);
}

// The fitted line of each run, a frame every few updates.
inline void animate_fit(gd::plot::Figures& figs, const std::vector<Run>& runs,
                        const gd::Points& pts, int frames) {
    gd::plot::Data points({"x", "y"});
    for (std::size_t i = 0; i < pts.size(); ++i) points.row({pts.x[i], pts.y[i]});
    figs.write("fit_points", points);
    const std::vector<gd::Point2>&adam = runs[0].fit.path, &amsgrad = runs[2].fit.path;
    const std::size_t n = adam.size() - 1;
    const std::size_t stride = std::max<std::size_t>(1, (n + frames - 1) / frames);
    gd::plot::Data lines({"x", "adam", "amsgrad"});
    std::vector<std::string> when;
    for (std::size_t k = 0; k <= n; k += stride) {
        lines.block("update " + std::to_string(k));
        when.push_back(std::to_string(k));
        for (double x : {-11.0, 10.0}) {
            const gd::Point2& p = adam[std::min(k, adam.size() - 1)];
            const gd::Point2& q = amsgrad[std::min(k, amsgrad.size() - 1)];
            lines.row({x, p.x * x + p.y, q.x * x + q.y});
        }
    }
    figs.write("fit", lines);
    std::ostringstream gp;
    gp << "set xrange [-11:10]\nset yrange [-50:15]\nset key top left\n"
       << "set xlabel 'x'\nset ylabel 'y'\n"
       << gd::plot::frame_loop(
              when,
              "  set title sprintf('Fitted lines after update %s (epoch %.1f): Adam keeps moving', "
              "word(frames, i), word(frames, i) / 20.0)\n"
              "  plot 'fit_points.dat' with points pt 7 ps 1.3 lc rgb '#333333' title 'data', \\\n"
              "       'fit.dat' index i-1 using 1:2 with lines lt 2 lw 2 title 'Adam', \\\n"
              "       '' index i-1 using 1:3 with lines lt 3 lw 2 title 'AMSGrad'\n");
    figs.gif("fit", gp.str(), 800, 500, 10);
}

// The final swing of a and b against η, on log-log axes: a line of slope 1.
inline void plot_amplitude(gd::plot::Figures& figs, const std::vector<double>& lr,
                           const std::vector<double>& amp_a, const std::vector<double>& amp_b) {
    gd::plot::Data data({"lr", "amp_a", "amp_b"});
    for (std::size_t i = 0; i < lr.size(); ++i) data.row({lr[i], amp_a[i], amp_b[i]});
    figs.write("amplitude", data);
    std::ostringstream gp;
    gp << "set title 'Adam never settles: the swing at the end is proportional to η'\n"
       << "set xlabel 'learning rate η'\nset ylabel 'half the range over the last 5 epochs'\n"
       << "set logscale xy\nset format x '10^{%L}'\nset format y '10^{%L}'\n"
       << "set key top left\nset xrange [0.002:1.5]\n"
       << "plot 'amplitude.dat' using 1:3 with linespoints lt 2 pt 7 ps 1.3 title 'b (intercept)', "
          "\\\n     '' using 1:2 with linespoints lt 3 pt 5 ps 1.3 title 'a (slope)', \\\n"
       << "     " << amp_b[0] << "*x/" << lr[0]
       << " with lines dt 2 lc rgb 'black' lw 1 title '∝ η'\n";
    figs.png("amplitude", gp.str(), 800, 560);
}

// The full-batch paths with and without weight decay, and AdamW's box |θ_i| ≤ 1/λ.
inline void plot_weight_decay(gd::plot::Figures& figs, const std::vector<gd::Trajectory>& runs,
                              const gd::Surface2& f, double decay, int grid) {
    gd::plot::Data data({"step", "a", "b"}, 8);
    std::vector<double> as, bs;
    std::vector<std::size_t> rows;  // every step up to 300, then every 50th, and the last
    for (const gd::Trajectory& r : runs) {
        data.block(r.label);
        std::size_t n = 0;
        for (std::size_t k = 0; k < r.size(); ++k) {
            if (k > 300 && k % 50 != 0 && k + 1 != r.size()) continue;
            data.row({double(k), r.x[k], r.y[k]});
            as.push_back(r.x[k]), bs.push_back(r.y[k]), ++n;
        }
        rows.push_back(n);
    }
    figs.write("weight_decay", data);
    bs.push_back(-1 / decay - 2);
    const gd::Box box = gd::bounding_box(as, bs, 0.06);
    const auto value = [&](double a, double b) { return f.value(a, b); };
    const gd::Surface s = gd::write_surface(figs, "weight_decay_surface", value, box, grid);
    const char* style[] = {"lt 7 lw 1.5 dt 2", "lt 2 lw 2", "lt 3 lw 2"};
    std::ostringstream gp;
    gp << "set title 'Weight decay λ = " << decay
       << ": Adam + L2 stops near the minimum, AdamW at the edge b = -1/λ'\n"
       << "set xlabel 'a (slope)'\nset ylabel 'b (intercept)'\nset key bottom right\n"
       << "set label 2 'minimum' at 1.5,-28 point pt 3 ps 2.5 lw 2 lc rgb 'black' offset 1,0 "
          "front\n"
       << "set arrow 1 from " << box.x0 << ',' << -1 / decay << " to " << box.x1 << ','
       << -1 / decay << " nohead dt 2 lw 1.5 lc rgb '#444444' front\n"
       << "set label 3 'b = -1/λ' at " << box.x0 + 0.03 * (box.x1 - box.x0) << ','
       << -1 / decay + 0.02 * (box.y1 - box.y0) << " front\n"
       << gd::contour_map("weight_decay_surface", box, s);
    for (std::size_t i : {1, 2, 0}) {  // no decay last, dashed, over the L2 path it follows
        gp << ", \\\n     'weight_decay.dat' index " << i << " using 2:3 with lines " << style[i]
           << " title '" << runs[i].label << "', \\\n     '' index " << i
           << " every ::" << rows[i] - 1 << " using 2:3 with points " << style[i]
           << " pt 7 ps 2 notitle";
    }
    gp << "\n";
    figs.png("weight_decay", gp.str(), 950, 750);
}

// What is left of a and b at the end, against λ, for Adam + L2 and AdamW.
inline void plot_shrinkage(gd::plot::Figures& figs, const std::vector<double>& lambdas,
                           const std::vector<gd::Point2>& l2, const std::vector<gd::Point2>& w) {
    gd::plot::Data data({"lambda", "l2_a", "l2_b", "adamw_a", "adamw_b"});
    for (std::size_t i = 0; i < lambdas.size(); ++i)
        data.row({lambdas[i], l2[i].x / 1.5, l2[i].y / -28, w[i].x / 1.5, w[i].y / -28});
    figs.write("shrinkage", data);
    std::ostringstream gp;
    gp << "set title 'Where the runs end: L2 shrinks by curvature, AdamW caps every |θ_i| at 1/λ'\n"
       << "set xlabel 'weight decay λ'\nset ylabel 'final value / unregularised value'\n"
       << "set logscale x\nset format x '10^{%L}'\nset key outside right top\n"
       << "set yrange [0:1.4]\nset xrange [8e-4:1.25]\n"
       << "plot 'shrinkage.dat' using 1:3 with linespoints lt 2 pt 7 title 'Adam + L2: b', \\\n"
       << "     '' using 1:5 with linespoints lt 3 pt 7 title 'AdamW: b', \\\n"
       << "     '' using 1:2 with linespoints lt 2 dt 2 pt 5 title 'Adam + L2: a', \\\n"
       << "     '' using 1:4 with linespoints lt 3 dt 2 pt 5 title 'AdamW: a', \\\n"
       << "     (x < 1/28. ? 1 : 1/(28*x)) with lines dt 3 lc rgb 'black' title 'min(1, 1/(28λ))', "
          "\\\n     2/(2 + x) with lines dt 4 lc rgb '#666666' title '2/(2+λ)'\n";
    figs.png("shrinkage", gp.str(), 1000, 600);
}

}  // namespace ch05
