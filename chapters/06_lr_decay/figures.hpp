// figures.hpp: chapter 06's figures, one function each, in the order the README shows them.
// Each writes its data and gnuplot script through gd::plot::Figures (common/plot/figures.hpp),
// so every picture can be redrawn from its folder. runs[k][r] is schedule k's run with seed r, a
// gd::LineRun (common/train/line_training.hpp): a point's x is the slope a, its y the intercept b.
#pragma once

#include <algorithm>
#include <cmath>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "noisy_sgd.hpp"
#include "plot/contour.hpp"
#include "plot/figures.hpp"
#include "problems/line_fit.hpp"
#include "schedule/factory.hpp"
#include "train/line_training.hpp"

namespace ch06 {

// A schedule's describe() for a gnuplot title: enhanced text reads _ as a subscript.
inline std::string gp_text(const std::string& s) {
    std::string out;
    for (char c : s) out += (c == '_') ? std::string("\\_") : std::string(1, c);
    return out;
}

// A schedule's parameters for a legend, without the base rate every curve shares.
inline std::string shown_params(const gd::Schedule& x) {
    std::string out;
    for (const gd::ScheduleParam& p : x.params())
        if (p.key != "base_lr" && p.key != "max_lr")
            out += (out.empty() ? "" : ", ") + p.key + "=" + p.shown();
    return gp_text(x.name() + (out.empty() ? "" : " (" + out + ")"));
}

// The chapter's schedules on a log axis scaled to them (left); chapter 07's cosine, warm
// restarts and one-cycle from the same η₀ on a linear axis, for reference (right).
inline void plot_schedules(gd::plot::Figures& figs,
                           const std::vector<std::unique_ptr<gd::Schedule>>& v, double lr,
                           int epochs) {
    std::vector<std::unique_ptr<gd::Schedule>> later;
    gd::ScheduleConfig c;
    c.t_max = epochs, c.t0 = std::max(1, epochs / 6), c.t_mult = 2;
    c.max_lr = lr, c.total_steps = epochs;
    for (const char* name : {"cosine", "cosine-restarts", "onecycle"}) {
        later.push_back(gd::make_schedule(name, lr, c));
    }
    gd::plot::Data data({"epoch", "rate"});
    std::vector<const gd::Schedule*> shown;
    shown.reserve(v.size() + later.size());
    double lowest = lr, highest_end = 0;  // the decays' lowest rate, and their highest last one
    for (const auto& x : v) shown.push_back(x.get());
    for (const auto& x : later) shown.push_back(x.get());
    for (std::size_t i = 0; i < shown.size(); ++i) {
        data.block(shown[i]->describe());
        for (int t = 0; t < epochs; ++t) {
            data.row({double(t), shown[i]->rate(t)});
            if (i < v.size() && shown[i]->rate(t) > 0) lowest = std::min(lowest, shown[i]->rate(t));
        }
        if (i > 0 && i < v.size()) highest_end = std::max(highest_end, shown[i]->rate(epochs - 1));
    }
    figs.write("schedules", data);
    std::ostringstream gp;
    gp << "set multiplot layout 1,2 title 'Every schedule from the same η₀ = " << lr
       << ": this chapter''s four decays end " << std::lround(lr / highest_end) << "x to "
       << std::lround(lr / lowest)
       << "x lower (left); chapter 07''s anneal to 0 or restart (right)'\n"
       << "set xlabel 'epoch t'\nset ylabel 'learning rate η_t'\nset xrange [0:" << epochs - 1
       << "]\n"
       << "set title 'chapter 06: constant and the four decays (log scale)'\n"
       << "set logscale y\nset format y '10^{%L}'\nset yrange [" << lowest / 3 << ":" << lr * 2
       << "]\nset key below Left reverse font ',10'\nplot ";
    const char* style[] = {"lt 7 lw 3", "lt 2 lw 2",      "lt 1 lw 2",      "lt 3 lw 2",
                           "lt 5 lw 2", "lt 8 lw 2 dt 2", "lt 6 lw 2 dt 2", "lt 4 lw 2 dt 2"};
    for (std::size_t i = 0; i < shown.size(); ++i) {
        if (i == v.size()) {
            gp << "\nset title 'chapter 07, for reference (linear scale)'\nunset logscale y\n"
               << "set format y '%g'\nset yrange [0:" << lr * 1.1 << "]\n"
               << "set key below Left reverse font ',10'\nplot ";
        }
        gp << (i == 0 || i == v.size() ? "" : ", \\\n     ") << "'schedules.dat' index " << i
           << " using 1:2 with lines " << style[i % 8] << " title '"
           << (i < v.size() ? shown_params(*shown[i]) : shown[i]->name()) << "'";
    }
    gp << "\nunset multiplot\n";
    figs.png("schedules", gp.str(), 1300, 640);
}

// The mean excess loss over the seeds, epoch by epoch, at batch B (left) and at 4B, a quarter
// of the updates (right): the decays that spend their rate early run out of distance.
inline void plot_loss(gd::plot::Figures& figs,
                      const std::vector<std::vector<gd::LineRun>> (&runs)[2], double best_loss,
                      int points, int batch, int big, int seeds) {
    gd::plot::Data data({"epoch", "excess_loss"});
    double lo = 1e300, hi = 0;  // one y range for both panels, in whole decades
    for (int panel = 0; panel < 2; ++panel) {
        for (const auto& rk : runs[panel]) {
            data.block(rk[0].name + ", batch " + std::to_string(panel ? big : batch));
            const std::vector<double> m = mean_excess(rk, best_loss);
            for (std::size_t e = 1; e < m.size(); ++e) {
                data.row({double(e), m[e]});
                if (m[e] > 0) lo = std::min(lo, m[e]), hi = std::max(hi, m[e]);
            }
        }
    }
    figs.write("loss", data);
    const std::size_t n = runs[0].size();
    std::ostringstream gp;
    gp << "set multiplot layout 1,2 title 'Excess loss, mean over " << seeds << " seeds: a "
       << "decay beats the constant rate only while its rates still carry b all the way'\n"
       << "set xlabel 'epoch (" << points << " points)'\nset ylabel 'L(θ) − L(θ*)'\n"
       << "set logscale y\nset format y '10^{%L}'\nset xrange [1:*]\nset key top right\n"
       << "set yrange [" << std::pow(10, std::floor(std::log10(lo))) << ":"
       << std::pow(10, std::ceil(std::log10(hi))) << "]\n";
    const char* style[] = {"lt 7 lw 3", "lt 2 lw 2", "lt 1 lw 2", "lt 3 lw 2", "lt 5 lw 2"};
    const char* titles[] = {"inverse-time, the earliest decay, is lowest most of the run",
                            "inverse-time and exponential stop short of b*"};
    for (int panel = 0; panel < 2; ++panel) {
        const int b = panel ? big : batch;
        gp << "set title \"batch " << b << ", " << (points + b - 1) / b << " updates an epoch:\\n"
           << titles[panel] << "\"\nplot ";
        for (std::size_t i = 0; i < n; ++i) {
            gp << (i ? ", \\\n     " : "") << "'loss.dat' index " << panel * n + i
               << " using 1:2 with lines " << style[i % 5] << " title '" << runs[0][i][0].name
               << "'";
        }
        gp << "\n";
    }
    gp << "unset multiplot\n";
    figs.png("loss", gp.str(), 1300, 560);
}

// A box around θ* holding the final points of the runs [first, last), with margin.
inline gd::Box cloud_box(const std::vector<std::vector<gd::LineRun>>& runs, std::size_t first,
                         std::size_t last, Line best) {
    std::vector<double> as{best.a}, bs{best.b};
    for (std::size_t k = first; k < last; ++k) {
        for (const Line& f : finals(runs[k])) as.push_back(f.a), bs.push_back(f.b);
    }
    return gd::bounding_box(as, bs, 0.12);
}

// Where the seeds end: a wide cloud at a constant rate (left), tight ones after any decay
// (right, zoomed in on the decays alone).
inline void plot_spread(gd::plot::Figures& figs, const std::vector<std::vector<gd::LineRun>>& runs,
                        const gd::Points& pts, Line best, int seeds, int epochs, int grid) {
    gd::plot::Data data({"a", "b"});
    for (const auto& rk : runs) {
        data.block(rk[0].name);
        for (const Line& f : finals(rk)) data.row({f.a, f.b});
    }
    figs.write("spread", data);
    const gd::Box boxes[] = {cloud_box(runs, 0, runs.size(), best),
                             cloud_box(runs, 1, runs.size(), best)};
    const char* names[] = {"spread_surface", "spread_zoom_surface"};
    const char* titles[] = {"all schedules", "zoom on the four decays"};
    const auto loss = [&](double a, double b) { return gd::mean_loss(a, b, pts); };
    std::ostringstream gp;
    gp << "set multiplot layout 1,2 title 'Final (a, b) of " << seeds << " seeds after " << epochs
       << " epochs: every decay shrinks the constant rate''s noise ball'\n"
       << "set xlabel 'a (slope)'\nset ylabel 'b (intercept)'\nunset colorbox\n"
       << "set key bottom right font ',11'\n";
    const char* style[] = {"pt 7 ps 1.2 lc rgb '#000000'", "pt 5 ps 1.1 lt 2", "pt 9 ps 1.3 lt 1",
                           "pt 11 ps 1.3 lt 3", "pt 13 ps 1.3 lt 5"};
    for (int panel = 0; panel < 2; ++panel) {
        const gd::Surface surf = gd::write_surface(figs, names[panel], loss, boxes[panel], grid);
        gp << "set title '" << titles[panel] << "'\n"
           << "set label 1 'θ*' at " << best.a << "," << best.b
           << " right point pt 6 ps 3 lw 2 lc rgb 'black' offset -1.3,0 front\n"
           << gd::contour_map(names[panel], boxes[panel], surf);
        for (std::size_t i = panel; i < runs.size(); ++i) {
            gp << ", \\\n     'spread.dat' index " << i << " using 1:2 with points " << style[i]
               << " title '" << runs[i][0].name << "'";
        }
        gp << "\n";
    }
    gp << "unset multiplot\n";
    figs.png("spread", gp.str(), 1200, 560);
}

// The noise ball's variance against η on log-log axes, with the rule var = η·σ²/B.
inline void plot_noise_ball(gd::plot::Figures& figs, const std::vector<Ball>& balls, int batch) {
    gd::plot::Data data({"eta", "rule", "var_a_iid", "var_b_iid", "var_a_shuf", "var_b_shuf"});
    for (const Ball& x : balls) {
        data.row({x.eta, x.rule, x.iid.rms_a * x.iid.rms_a, x.iid.rms_b * x.iid.rms_b,
                  x.shuffled.rms_a * x.shuffled.rms_a, x.shuffled.rms_b * x.shuffled.rms_b});
    }
    figs.write("noise_ball", data);
    std::ostringstream gp;
    gp << "set title \"Constant rate: with independent batches the noise ball's variance grows "
          "like η;\\nreshuffling every epoch keeps the slow b far tighter\"\n"
       << "set xrange [0.0004:0.015]\n"
       << "set xlabel 'learning rate η (constant, batch " << batch << ")'\n"
       << "set ylabel 'variance of the parameter around θ*'\n"
       << "set logscale xy\nset format y '10^{%L}'\nset key bottom right\n"
       << "plot 'noise_ball.dat' using 1:2 with lines lt 7 dt 2 lw 2 title 'rule of thumb η·σ²/B', "
          "\\\n"
       << "     '' using 1:3 with linespoints lt 2 pt 7 title 'a, batches with replacement', \\\n"
       << "     '' using 1:4 with linespoints lt 1 pt 5 title 'b, batches with replacement', \\\n"
       << "     '' using 1:5 with linespoints lt 2 dt 3 pt 6 title 'a, reshuffled every epoch', "
          "\\\n"
       << "     '' using 1:6 with linespoints lt 1 dt 3 pt 4 title 'b, reshuffled every epoch'\n";
    figs.png("noise_ball", gp.str(), 900, 650);
}

// The clouds of all seeds, epoch by epoch, constant rate against exponential decay.
inline void animate_clouds(gd::plot::Figures& figs,
                           const std::vector<std::vector<gd::LineRun>>& runs, const gd::Points& pts,
                           Line best, int frames) {
    const std::size_t epochs = runs[0][0].epoch_path.size() - 1;
    const std::size_t stride = std::max<std::size_t>(1, (epochs + frames - 1) / frames);
    gd::plot::Data data({"a_constant", "b_constant", "a_exponential", "b_exponential"});
    std::vector<std::string> frame_epochs;
    for (std::size_t e = 0; e <= epochs; e += stride) {
        data.block("epoch " + std::to_string(e));
        frame_epochs.push_back(std::to_string(e));
        for (std::size_t r = 0; r < runs[0].size(); ++r) {
            const auto& c = runs[0][r].epoch_path;  // constant rate
            const auto& x = runs[2][r].epoch_path;  // exponential decay
            const gd::Point2 pc = c[std::min(e, c.size() - 1)], px = x[std::min(e, x.size() - 1)];
            data.row({pc.x, pc.y, px.x, px.y});
        }
    }
    figs.write("clouds", data);
    const gd::Box box = cloud_box(runs, 0, runs.size(), best);
    const auto loss = [&](double a, double b) { return gd::mean_loss(a, b, pts); };
    const gd::Surface surf = gd::write_surface(figs, "clouds_surface", loss, box, 41);
    std::ostringstream gp;
    std::ostringstream frame;
    frame << "  set title sprintf('All seeds after epoch %s: constant rate vs exponential decay', "
             "word(frames, i))\n"
          << "  " << gd::contour_map("clouds_surface", box, surf, 14, false) << ", \\\n"
          << "    'clouds.dat' index i-1 using 1:2 with points pt 7 ps 1.4 lc rgb '#000000' "
             "title '"
          << runs[0][0].name << "', \\\n"
          << "    '' index i-1 using 3:4 with points pt 9 ps 1.6 lt 1 title '" << runs[2][0].name
          << "'\n";
    gp << "set xlabel 'a (slope)'\nset ylabel 'b (intercept)'\nset key outside right top\n"
       << "set label 1 'θ*' at " << best.a << "," << best.b
       << " right point pt 6 ps 3 lw 2 lc rgb 'black' offset -1.3,0 front\n"
       << gd::plot::frame_loop(frame_epochs, frame.str());
    figs.gif("clouds", gp.str(), 800, 500, 12);
}

// The lecture's Figure 2 redone: excess loss over 100 epochs for a few k in η₀·e^{−kt} (left);
// the final excess loss for every k, with the cost of the gap the rates leave in b (right).
inline void plot_k_sweep(gd::plot::Figures& figs, const std::vector<std::vector<gd::LineRun>>& runs,
                         const std::vector<double>& ks, Line best, double best_loss, int batch) {
    gd::plot::Data curves({"epoch", "excess_loss"});
    for (std::size_t i = 0; i < runs.size(); ++i) {
        curves.block("k = " + number(ks[i]));
        const std::vector<double> m = mean_excess(runs[i], best_loss);
        for (std::size_t e = 1; e < m.size(); ++e) curves.row({double(e), m[e]});
    }
    figs.write("k_sweep", curves);
    gd::plot::Data finals_data({"k", "excess_loss", "gap_cost", "final_rate"});
    double lo = 1e300;  // the lowest measured excess loss: the right panel's floor
    for (std::size_t i = 0; i < runs.size(); ++i) {
        const double gap = slow_gap(runs[i][0], best.b);
        lo = std::min(lo, mean_excess(runs[i], best_loss).back());
        finals_data.row(
            {ks[i], mean_excess(runs[i], best_loss).back(), gap * gap, runs[i][0].lr.back()});
    }
    figs.write("k_sweep_final", finals_data);
    const std::size_t epochs = runs[0][0].epoch_path.size() - 1;
    std::ostringstream gp;
    gp << "set multiplot layout 1,2 title 'η_t = η₀·e^{−kt} over " << epochs << " epochs (batch "
       << batch << "): too small a k leaves the noise, too large a k stops b short'\n"
       << "set logscale y\nset format y '10^{%L}'\nset ylabel 'L(θ) − L(θ*), mean over seeds'\n"
       << "set title 'excess loss, epoch by epoch'\nset xlabel 'epoch t'\nset xrange [1:*]\n"
       << "set key bottom left font ',10'\nplot ";
    const char* style[] = {"lt 7 lw 3", "lt 2 lw 2", "lt 1 lw 2",
                           "lt 3 lw 2", "lt 5 lw 2", "lt 4 lw 2"};
    std::size_t drawn = 0;
    for (double want : {0.0, 0.01, 0.05, 0.1, 0.2, 0.5}) {
        for (std::size_t i = 0; i < ks.size(); ++i) {
            if (ks[i] != want) continue;
            gp << (drawn ? ", \\\n     " : "") << "'k_sweep.dat' index " << i
               << " using 1:2 with lines " << style[drawn % 6] << " title 'k = " << number(want)
               << "'";
            ++drawn;
        }
    }
    gp << "\nset title 'after " << epochs << " epochs, against k'\nset xlabel 'k (per epoch)'\n"
       << "set xrange [-0.01:" << ks.back() * 1.04 << "]\nset key bottom right font ',10'\n"
       << "set yrange [" << std::pow(10, std::floor(std::log10(lo)) - 1) << ":*]\n"
       << "plot 'k_sweep_final.dat' using 1:2 with linespoints lt 7 pt 7 lw 2 "
          "title 'measured L(θ) − L(θ*)', \\\n"
       << "     '' using 1:3 with lines lt 1 lw 2 dt 2 title 'cost of the gap left in b: "
          "(b* e^{−2Σ_kη_k})^2'\n"
       << "unset multiplot\n";
    figs.png("k_sweep", gp.str(), 1300, 560);
}

// A decaying rate against a growing batch with the same η/B: the excess loss by epoch (left)
// and by update (right), where the growing batch gets there in fewer steps.
inline void plot_batch_or_rate(gd::plot::Figures& figs,
                               const std::vector<std::vector<gd::LineRun>>& runs,
                               const std::vector<std::vector<Phase>>& plans, double best_loss,
                               std::size_t n) {
    gd::plot::Data data({"epoch", "updates", "excess_loss"});
    const char* names[] = {"decaying rate, fixed batch", "growing batch, fixed rate"};
    for (std::size_t k = 0; k < runs.size(); ++k) {
        data.block(names[k]);
        const std::vector<double> m = mean_excess(runs[k], best_loss);
        const std::vector<long> u = updates_by_epoch(plans[k], n);
        for (std::size_t e = 1; e < m.size(); ++e) data.row({double(e), double(u[e]), m[e]});
    }
    figs.write("batch_or_rate", data);
    std::ostringstream gp;
    gp << "set multiplot layout 1,2 title 'The same η/B every epoch: the growing batch follows the "
          "decaying rate epoch by epoch (left), in fewer updates (right)'\n"
       << "set logscale y\nset format y '10^{%L}'\nset ylabel 'L(θ) − L(θ*), mean over seeds'\n"
       << "set key top right\n";
    for (int panel = 0; panel < 2; ++panel) {
        gp << "set xlabel '" << (panel ? "updates" : "epoch") << "'\nset title 'by "
           << (panel ? "update" : "epoch") << "'\nplot 'batch_or_rate.dat' index 0 using "
           << panel + 1 << ":3 with lines lt 2 lw 2 title '" << names[0]
           << "', \\\n     '' index 1 using " << panel + 1 << ":3 with lines lt 1 lw 2 title '"
           << names[1] << "'\n";
    }
    gp << "unset multiplot\n";
    figs.png("batch_or_rate", gp.str(), 1300, 520);
}

// The runs broken at epoch `stop` and resumed: exactly (on top of the unbroken run), without the
// optimizer's state, and with the schedule's clock back at 0. One panel per optimizer.
inline void plot_resume(gd::plot::Figures& figs,
                        const std::vector<std::vector<std::vector<gd::LineRun>>>& runs,
                        const std::vector<std::string>& labels, double best_loss, int stop) {
    gd::plot::Data data({"epoch", "excess_loss"});
    const char* ways[] = {"no break", "resumed with everything", "resumed without optimizer state",
                          "resumed with the schedule clock at 0"};
    for (std::size_t o = 0; o < runs.size(); ++o) {
        for (std::size_t w = 0; w < runs[o].size(); ++w) {
            data.block(labels[o] + ", " + ways[w]);
            const std::vector<double> m = mean_excess(runs[o][w], best_loss);
            // the resumed runs share the unbroken run's first `stop` epochs: drawn from the break
            const std::size_t from = w == 0 ? 1 : static_cast<std::size_t>(stop);
            for (std::size_t e = from; e < m.size(); ++e) data.row({double(e), m[e]});
        }
    }
    figs.write("resume", data);
    const char* style[] = {"lines lt 7 lw 4", "points lt 5 pt 6 ps 1.1", "lines lt 2 lw 1.5",
                           "lines lt 1 lw 2 dt 2"};
    std::ostringstream gp;
    gp << "set multiplot layout 1," << runs.size() << " title 'A break after epoch " << stop
       << ": the exact resume is the unbroken run; a lost state costs as long as it remembers, "
          "a clock at 0 costs the rest of the run'\n"
       << "set logscale y\nset format y '10^{%L}'\nset xlabel 'epoch'\n"
       << "set ylabel 'L(θ) − L(θ*), mean over seeds'\nset key top right font ',9'\n"
       << "set arrow 1 from " << stop << ", graph 0 to " << stop << ", graph 1 nohead dt 3 lc "
       << "rgb 'gray40'\n";
    for (std::size_t o = 0; o < runs.size(); ++o) {
        gp << "set title '" << labels[o] << "'\nplot ";
        std::size_t drawn = 0;  // the exact resume last, on top; the thin orange line over black
        for (std::size_t w : {0, 2, 3, 1}) {
            if (w >= runs[o].size()) continue;
            gp << (drawn++ ? ", \\\n     " : "") << "'resume.dat' index " << o * runs[o].size() + w
               << " using 1:2 with " << style[w] << " title '" << ways[w] << "'";
        }
        gp << "\n";
    }
    gp << "unset multiplot\n";
    figs.png("resume", gp.str(), 1500, 520);
}

}  // namespace ch06
