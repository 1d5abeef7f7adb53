// figures.hpp: chapter 06's figures, one function each, in the order the README shows them.
// Each writes its data and gnuplot script through gd::plot::Figures (common/plot/figures.hpp),
// so every picture can be redrawn from its folder. runs[k][r] is schedule k's run with seed r, a
// gd::LineRun (common/train/line_training.hpp): a point's x is the slope a, its y the intercept b.
#pragma once

#include <algorithm>
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

// Every schedule of common/ over the epochs of this run, on one log-scale axis: the four decays
// compared here, and chapter 07's cosine, warm restarts and one-cycle for reference.
inline void plot_schedules(gd::plot::Figures& figs,
                           const std::vector<std::unique_ptr<gd::Schedule>>& v, double lr,
                           int epochs) {
    std::vector<std::unique_ptr<gd::Schedule>> all;
    gd::ScheduleConfig c;
    c.t_max = epochs, c.t0 = std::max(1, epochs / 6), c.t_mult = 2;
    c.max_lr = lr, c.total_steps = epochs;
    for (const char* name : {"cosine", "cosine-restarts", "onecycle"}) {
        all.push_back(gd::make_schedule(name, lr, c));
    }
    gd::plot::Data data({"epoch", "rate"});
    std::vector<const gd::Schedule*> shown;
    shown.reserve(v.size() + all.size());
    for (const auto& x : v) shown.push_back(x.get());
    for (const auto& x : all) shown.push_back(x.get());
    for (const gd::Schedule* x : shown) {
        data.block(x->describe());
        for (int t = 0; t < epochs; ++t) data.row({double(t), x->rate(t)});
    }
    figs.write("schedules", data);
    std::ostringstream gp;
    gp << "set title 'Every schedule from the same η₀: the four decays end 8-20x lower, "
          "chapter 07''s restart and warm up'\n"
       << "set xlabel 'epoch t'\nset ylabel 'learning rate η_t'\n"
       << "set logscale y\nset format y '10^{%L}'\nset xrange [0:" << epochs - 1 << "]\n"
       << "set yrange [1e-9:0.05]\n"
       << "set key inside bottom left Left reverse font ',11'\n"
       << "plot ";
    const char* style[] = {"lt 7 lw 3", "lt 2",      "lt 1",      "lt 3",
                           "lt 5",      "lt 8 dt 2", "lt 6 dt 2", "lt 4 dt 2"};
    for (std::size_t i = 0; i < shown.size(); ++i) {
        gp << (i ? ", \\\n     " : "") << "'schedules.dat' index " << i << " using 1:2 with "
           << "lines " << style[i] << " title '" << gp_text(shown[i]->describe()) << "'";
    }
    gp << "\n";
    figs.png("schedules", gp.str(), 1200, 700);
}

// The mean excess loss over the seeds, epoch by epoch: a constant rate stalls on a floor.
inline void plot_loss(gd::plot::Figures& figs, const std::vector<std::vector<gd::LineRun>>& runs,
                      const std::vector<std::unique_ptr<gd::Schedule>>& v, double best_loss,
                      int points, int batch, int seeds) {
    gd::plot::Data data({"epoch", "excess_loss", "rate"});
    for (std::size_t k = 0; k < runs.size(); ++k) {
        data.block(runs[k][0].name);
        const std::vector<double> m = mean_excess(runs[k], best_loss);
        // epoch e (from 1) ran at η_{e-1}
        for (std::size_t e = 1; e < m.size(); ++e)
            data.row({double(e), m[e], v[k]->rate(static_cast<long>(e) - 1)});
    }
    figs.write("loss", data);
    std::ostringstream gp;
    gp << "set title 'The constant rate stalls on a noise floor; every decay keeps going down'\n"
       << "set xlabel 'epoch (" << points << " points, batches of " << batch << ")'\n"
       << "set ylabel 'L(θ) − L(θ*), mean over " << seeds << " seeds'\n"
       << "set logscale y\nset format y '10^{%L}'\nset key top right\nset xrange [1:*]\n"
       << "plot ";
    const char* style[] = {"lt 7 lw 3", "lt 2", "lt 1", "lt 3", "lt 5"};
    for (std::size_t i = 0; i < runs.size(); ++i) {
        gp << (i ? ", \\\n     " : "") << "'loss.dat' index " << i << " using 1:2 with lines "
           << style[i] << " title '" << runs[i][0].name << "'";
    }
    gp << "\n";
    figs.png("loss", gp.str());
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

}  // namespace ch06
