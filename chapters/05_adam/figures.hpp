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
#include "plot/paths.hpp"
#include "problems/line_fit.hpp"
#include "problems/surfaces.hpp"
#include "schedule/schedule.hpp"
#include "train/descent.hpp"
#include "variants.hpp"

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
       << "), the post''s β', \\\n"
       << "     '' using 1:2 with lines lt 1 title 'with bias correction (any β)'\n";
    figs.png("bias_correction", gp.str(), 900, 560);
}

// a, b and the loss after every update of the first three line-fit runs (Adam, no correction,
// AMSGrad): vermilion, blue dashed, green.
inline void plot_restless(gd::plot::Figures& figs, const std::vector<Run>& all, std::size_t n) {
    const std::vector<Run> runs(all.begin(), all.begin() + 3);
    gd::plot::Data data({"update", "epoch", "a", "b", "loss"}, 8);
    for (const Run& r : runs) {
        const gd::LineRun& f = r.fit;
        data.block(f.name);
        for (std::size_t k = 0; k < f.path.size(); ++k)
            data.row({double(k), double(k) / double(n), f.path[k].x, f.path[k].y, f.loss[k]});
    }
    figs.write("restless", data);
    const char* styles[] = {"lt 2 lw 1.8", "lt 1 lw 1.4 dt 2", "lt 3 lw 1.8"};
    const std::string ylabel[] = {"a (slope)", "b (intercept)",
                                  "mean squared error (all " + std::to_string(n) + " points)"};
    const char* truth[] = {"1.5", "-28", ""};
    std::ostringstream gp;
    gp << "set multiplot layout 3,1 title 'The post''s setting, η = 1, β = (0.7, 0.9): Adam "
          "arrives within 5 epochs and never settles; AMSGrad does'\n"
       << "set xlabel 'epoch (" << n << " updates each)'\nset key outside right top\n"
       << "set xrange [0:*]\nset lmargin 12\n";
    for (int p = 0; p < 3; ++p) {
        gp << "set ylabel '" << ylabel[p] << "'\n";
        if (p == 2) gp << "set logscale y\nset format y '10^{%L}'\nset yrange [1e-30:*]\n";
        gp << "plot ";
        if (p < 2) gp << truth[p] << " with lines dt 3 lc rgb 'black' lw 1.5 title 'true value', ";
        for (std::size_t i = 0; i < runs.size(); ++i) {
            gp << "\\\n     'restless.dat' index " << i << " using 2:" << p + 3 << " with lines "
               << styles[i] << " title '" << runs[i].fit.name << "'"
               << (i + 1 < runs.size() ? ", " : "\n");
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
    gp << "set title 'Adam''s last 5 epochs (black) wander about the minimum; AMSGrad stops on "
          "it'\n"
       << "set xlabel 'a (slope)'\nset ylabel 'b (intercept)'\nset key bottom left\n"
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
    const std::string per_epoch = std::to_string(pts.size()) + ".0";
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
              "word(frames, i), word(frames, i) / " +
                  per_epoch +
                  ")\n"
                  "  plot 'fit_points.dat' with points pt 7 ps 1.3 lc rgb '#333333' title 'data', "
                  "\\\n"
                  "       'fit.dat' index i-1 using 1:2 with lines lt 2 lw 2 title 'Adam', \\\n"
                  "       '' index i-1 using 1:3 with lines lt 3 lw 2 title 'AMSGrad'\n");
    figs.gif("fit", gp.str(), 800, 500, 10);
}

// The swing of a and b at the end against η, on log-log axes: a line of slope 1.
inline void plot_amplitude(gd::plot::Figures& figs, const std::vector<double>& lr,
                           const std::vector<gd::Point2>& swing) {
    gd::plot::Data data({"lr", "swing_a", "swing_b"});
    for (std::size_t i = 0; i < lr.size(); ++i) data.row({lr[i], swing[i].x, swing[i].y});
    figs.write("amplitude", data);
    std::ostringstream gp;
    gp << "set title 'β2 = 0.9: the swing at the end is proportional to η, it never dies out'\n"
       << "set xlabel 'learning rate η'\nset ylabel 'rms distance from the fit, last 100 epochs'\n"
       << "set logscale xy\nset format x '10^{%L}'\nset format y '10^{%L}'\n"
       << "set key top left\nset xrange [0.002:1.5]\n"
       << "plot 'amplitude.dat' using 1:3 with linespoints lt 2 pt 7 ps 1.3 title 'b (intercept)', "
          "\\\n     '' using 1:2 with linespoints lt 3 pt 5 ps 1.3 title 'a (slope)', \\\n"
       << "     " << swing[0].y << "*x/" << lr[0]
       << " with lines dt 2 lc rgb 'black' lw 1 title '∝ η'\n";
    figs.png("amplitude", gp.str(), 800, 560);
}

// What v remembers: the loss and the rate on b, η/√v̂_b, after every update, for β2 = 0.9 and
// 0.999 on the exact points and 0.999 on the noisy ones.
inline void plot_memory(gd::plot::Figures& figs, const std::vector<Run>& runs, std::size_t n) {
    gd::plot::Data data({"epoch", "loss", "rate_b"}, 8);
    for (const Run& r : runs) {
        data.block(r.fit.name);
        for (std::size_t k = 1; k < r.fit.path.size(); ++k)
            data.row({double(k) / double(n), std::max(r.fit.loss[k], 1e-32),
                      r.fit.lr[k] / r.root_v[k].y});
    }
    figs.write("memory", data);
    const char* styles[] = {"lt 2", "lt 1", "lt 3 dt 2"};
    std::ostringstream gp;
    const double last = double(runs[0].fit.path.size() - 1) / double(n);
    gp << "set multiplot layout 2,1 title \"What v remembers: with β2 = 0.9 the rate on b climbs "
          "within 3 epochs and the run kicks back;\\nwith 0.999 it stays low until the fit is "
          "exact; with noise in y the fit is never exact, and the kick comes later\"\n"
       << "set xlabel 'epoch (log scale)'\nset key outside right top\nset lmargin 12\n"
       << "set logscale xy\nset format y '10^{%L}'\nset xrange [" << 1.0 / double(n) << ":" << last
       << "]\n";
    for (int p = 0; p < 2; ++p) {
        gp << "set ylabel '"
           << (p == 0 ? "loss (exact 0 drawn at 10^{-32})" : "rate on b,  η / √v̂_b") << "'\n"
           << (p == 0 ? "set yrange [3e-33:1e4]\n" : "set yrange [*:*]\n") << "plot ";
        for (std::size_t i = 0; i < runs.size(); ++i) {
            gp << "'memory.dat' index " << i << " using 1:" << p + 2 << " with lines " << styles[i]
               << " title '" << runs[i].fit.name << "'" << (i + 1 < runs.size() ? ", " : "\n");
        }
    }
    gp << "unset multiplot\n";
    figs.png("memory", gp.str(), 1100, 800);
}

// The full-batch paths with and without weight decay, and AdamW's box |θ_i| ≤ 1/ω.
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
    gp << "set title 'Weight decay ω = " << decay
       << ": Adam + L2 stops near the minimum, AdamW at the edge b = -1/ω'\n"
       << "set xlabel 'a (slope)'\nset ylabel 'b (intercept)'\nset key bottom right\n"
       << "set label 2 'minimum' at 1.5,-28 point pt 3 ps 2.5 lw 2 lc rgb 'black' offset 1,0 "
          "front\n"
       << "set arrow 1 from " << box.x0 << ',' << -1 / decay << " to " << box.x1 << ','
       << -1 / decay << " nohead dt 2 lw 1.5 lc rgb '#444444' front\n"
       << "set label 3 'b = -1/ω' at " << box.x0 + 0.03 * (box.x1 - box.x0) << ','
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

// What is left of a and b at the end, against ω, for Adam + L2 and AdamW.
inline void plot_shrinkage(gd::plot::Figures& figs, const std::vector<double>& lambdas,
                           const std::vector<gd::Point2>& l2, const std::vector<gd::Point2>& w) {
    gd::plot::Data data({"lambda", "l2_a", "l2_b", "adamw_a", "adamw_b"});
    for (std::size_t i = 0; i < lambdas.size(); ++i)
        data.row({lambdas[i], l2[i].x / 1.5, l2[i].y / -28, w[i].x / 1.5, w[i].y / -28});
    figs.write("shrinkage", data);
    std::ostringstream gp;
    gp << "set title 'Where the runs end: L2 shrinks by curvature, AdamW caps every |θ_i| at 1/ω'\n"
       << "set xlabel 'weight decay ω'\nset ylabel 'final value / unregularised value'\n"
       << "set logscale x\nset format x '10^{%L}'\nset key outside right top\n"
       << "set yrange [0:1.4]\nset xrange [8e-4:1.25]\n"
       << "plot 'shrinkage.dat' using 1:3 with linespoints lt 2 pt 7 title 'Adam + L2: b', \\\n"
       << "     '' using 1:5 with linespoints lt 3 pt 7 title 'AdamW: b', \\\n"
       << "     '' using 1:2 with linespoints lt 2 dt 2 pt 5 title 'Adam + L2: a', \\\n"
       << "     '' using 1:4 with linespoints lt 3 dt 2 pt 5 title 'AdamW: a', \\\n"
       << "     (x < 1/28. ? 1 : 1/(28*x)) with lines dt 3 lc rgb 'black' title 'min(1, 1/(28ω))', "
          "\\\n     2/(2 + x) with lines dt 4 lc rgb '#666666' title '2/(2+ω)'\n";
    figs.png("shrinkage", gp.str(), 1000, 600);
}

// NAdam's runs on chapter 04's ravine: how far each overshoots x = 0 on its way in.
inline void plot_nadam(gd::plot::Figures& figs, const std::vector<gd::Trajectory>& paths,
                       int grid) {
    const gd::Box box{-5.5, 1.5, -2.5, 2.5};
    const gd::Ravine f;
    const std::string map = gd::paths_map(figs, "nadam", f, paths, grid, box);
    const char* styles[] = {"lt 2", "lt 1", "lt 6 dt 2", "lt 7 dt 3"};
    std::ostringstream gp;
    gp << "set title \"NAdam on the ravine, η = 0.3: the look-ahead trims Adam's overshoot past x "
          "= "
          "0 a little,\\ntorch's smaller early momentum much more\"\n"
       << "set xlabel 'x'\nset ylabel 'y'\nset key bottom right\n"
       << "set arrow 1 from 0," << box.y0 << " to 0," << box.y1
       << " nohead dt 3 lw 1.5 lc rgb '#444444' front\n"
       << map;
    for (std::size_t i = 0; i < paths.size(); ++i) {
        gp << ", \\\n     'nadam.dat' index " << i << " every ::0::300 using 2:3 with lines "
           << styles[i] << " lw 1.6 title '" << paths[i].label << "'";
    }
    gp << "\n";
    figs.png("nadam", gp.str(), 1000, 650);
}

// RAdam's built-in warm-up next to an explicit one: (left) the factor each puts on Adam's step,
// (middle) the spread of Adam's adaptive rate under noise, alone and times r_t, (right) the runs
// on the ravine.
inline void plot_warmup(gd::plot::Figures& figs, const std::vector<double>& spread,
                        const gd::Schedule& warmup, double lr,
                        const std::vector<gd::Trajectory>& paths) {
    gd::plot::Data factors({"t", "r_t", "warmup", "spread", "spread_r"});
    for (std::size_t k = 0; k < spread.size(); ++k) {
        const long t = static_cast<long>(k) + 1;
        const double r = rectification(0.999, t);
        factors.row({double(t), r > 0 ? r : NAN, warmup.rate(t - 1) / lr, spread[k],
                     r > 0 ? r * spread[k] : NAN});
    }
    figs.write("warmup", factors);
    gd::plot::Data loss({"step", "loss"});
    for (const gd::Trajectory& p : paths) {
        loss.block(p.label);
        for (std::size_t k = 1; k < p.size(); ++k)
            loss.row({double(k), std::max(p.loss[k], 1e-300)});
    }
    figs.write("warmup_loss", loss);
    std::ostringstream gp;
    gp << "set multiplot layout 1,3 title 'RAdam''s warm-up is r_t: it keeps the spread of Adam''s "
          "rate at its long-run width; on the noiseless ravine every warm-up only costs steps'\n"
       << "set logscale x\nset format x '10^{%L}'\nset xlabel 'step t'\nset xrange [1:3000]\n"
       << "set key at graph 0.03, 0.86 left top Left reverse\n"
       << "set title 'the factor on Adam''s step'\nset ylabel 'factor'\nset yrange [0:1.1]\n"
       << "set label 1 't ≤ 5: RAdam takes momentum steps η m̂' at graph 0.03, graph 0.55\n"
       << "plot 1 with lines lt 2 title 'Adam', 'warmup.dat' using 1:2 with lines lt 1 title "
          "'RAdam: r_t', '' using 1:3 with lines lt 7 dt 2 title 'linear warm-up'\n"
       << "unset label 1\nset logscale y\nset format y '10^{%L}'\nset yrange [*:*]\n"
       << "set title 'spread of the adaptive rate, every g drawn from N(0, 1)'\n"
       << "set ylabel '95th - 5th percentile of the rate'\nset key inside top right Right "
          "noreverse\n"
       << "plot 'warmup.dat' using 1:4 with lines lt 2 title 'Adam: 1/√v̂', \\\n"
          "     '' using 1:5 with lines lt 1 title 'RAdam: r_t/√v̂'\n"
       << "set title 'on the ravine, η = " << lr << "'\nset ylabel 'loss'\nset yrange [1e-30:1e2]\n"
       << "set key inside bottom left Left reverse\nplot ";
    const char* styles[] = {"lt 2", "lt 1", "lt 7 dt 2"};
    for (std::size_t i = 0; i < paths.size(); ++i) {
        gp << "'warmup_loss.dat' index " << i << " using 1:2 with lines " << styles[i] << " title '"
           << paths[i].label << "'" << (i + 1 < paths.size() ? ", " : "\n");
    }
    gp << "unset multiplot\n";
    figs.png("warmup", gp.str(), 1650, 560);
}

}  // namespace ch05
