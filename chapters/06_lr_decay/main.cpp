// Chapter 06: learning-rate decay, and why a constant rate never settles on noisy data.
//
// Goal: on a line fit whose points carry noise, mini-batch SGD with a constant rate η reaches the
// least-squares solution θ* quickly and then keeps bouncing around it in a "noise ball" whose
// variance grows with η. Shrinking the rate over the epochs (step, exponential, inverse-time or
// linear decay, the four schemes of the range-test article) shrinks the ball. We measure it over
// many seeds, compare it with the closed-form θ*, and check the rule of thumb var ≈ η·σ²/B.
//
// Notation: θ = (a, b) parameters, θ* the least-squares solution, η₀ base rate (--lr), η_t the
// rate of epoch t, B batch size, σ the noise on y.
#include <algorithm>
#include <cstdio>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "cli/cli.hpp"
#include "plot/contour.hpp"
#include "noisy_sgd.hpp"
#include "plot/figures.hpp"
#include "schedule/factory.hpp"

namespace {

using ch06::Line;

// A schedule's describe() for a gnuplot title: enhanced text reads _ as a subscript.
std::string gp_text(const std::string& s) {
    std::string out;
    for (char c : s) out += (c == '_') ? std::string("\\_") : std::string(1, c);
    return out;
}
using ch06::Run;

struct Settings {
    double lr = 0.01, noise = 2.0;
    int epochs = 60, batch = 8, points = 320, seeds = 20;
    bool replace = false;
    int step_size = 15;  // step: halve the rate every 15 epochs
    double step_gamma = 0.5;
    double exp_gamma = 0.95;   // exponential: 5 % less every epoch (k = −ln 0.95 ≈ 0.051)
    double decay = 0.3;        // inverse-time: η₀ / (1 + 0.3 t)
    double end_factor = 0.05;  // linear: from η₀ down to 0.05·η₀ ...
    int total_iters = 50;      // ... over 50 epochs, then flat
    std::uint64_t seed = 6;
};

// ---- The experiments --------------------------------------------------------------------------

// The schedules compared: a constant rate and the four decays, all starting at η₀.
std::vector<std::unique_ptr<gd::Schedule>> decays(const Settings& s) {
    std::vector<std::unique_ptr<gd::Schedule>> v;
    v.push_back(std::make_unique<gd::ConstantRate>(s.lr));
    v.push_back(std::make_unique<gd::StepDecay>(s.lr, s.step_size, s.step_gamma));
    v.push_back(std::make_unique<gd::ExponentialDecay>(s.lr, s.exp_gamma));
    v.push_back(std::make_unique<gd::InverseTimeDecay>(s.lr, s.decay));
    v.push_back(std::make_unique<gd::LinearSchedule>(s.lr, 1.0, s.end_factor, s.total_iters));
    return v;
}

// Every schedule runs once per seed from θ = (0, 0); all runs of a seed see the same shuffles.
std::vector<std::vector<Run>> compare_decays(const gd::Points& pts, const Settings& s,
                                             const std::vector<std::unique_ptr<gd::Schedule>>& v) {
    std::vector<std::vector<Run>> runs(v.size());
    for (std::size_t k = 0; k < v.size(); ++k) {
        for (int r = 0; r < s.seeds; ++r) {
            gd::Rng rng(s.seed * 1000 + 1 + static_cast<std::uint64_t>(r));
            runs[k].push_back(ch06::minibatch_sgd(
                pts, {0, 0}, *v[k], s.epochs, static_cast<std::size_t>(s.batch), rng, s.replace));
        }
    }
    return runs;
}

std::vector<Line> finals(const std::vector<Run>& runs) {
    std::vector<Line> f;
    f.reserve(runs.size());
    for (const Run& r : runs) f.push_back(r.per_epoch.back());
    return f;
}

// Mean over seeds of L(θ) − L(θ*) after every epoch: how far above the best fit the runs are.
std::vector<double> mean_excess(const std::vector<Run>& runs, double best) {
    std::vector<double> m(runs[0].loss.size(), 0.0);
    const double n = static_cast<double>(runs.size());
    for (const Run& r : runs) {
        for (std::size_t e = 0; e < m.size(); ++e) m[e] += (r.loss[e] - best) / n;
    }
    return m;
}

void print_decays(const std::vector<std::vector<Run>>& runs, Line best, double best_loss,
                  const Settings& s) {
    std::printf("after %d epochs, batch %d, %s, %d seeds:\n", s.epochs, s.batch,
                s.replace ? "batches drawn with replacement" : "reshuffled every epoch", s.seeds);
    std::printf("  %-13s %11s %11s %11s %13s\n", "schedule", "final rate", "rms(a-a*)", "rms(b-b*)",
                "L - L*");
    for (const auto& rk : runs) {
        const ch06::Spread sp = ch06::spread(finals(rk), best);
        const double excess = mean_excess(rk, best_loss).back();
        std::printf("  %-13s %11.3g %11.4f %11.4f %13.3g", rk[0].name.c_str(), rk[0].rate.back(),
                    sp.rms_a, sp.rms_b, excess);
        for (const Run& r : rk)
            if (r.diverged_at >= 0) std::printf("  (a run diverged in epoch %d)", r.diverged_at);
        std::printf("\n");
    }
}

// The noise ball at constant rates η₀, η₀/2, ..., η₀/16, for both ways of drawing batches.
struct Ball {
    double eta, rule;
    ch06::Spread iid, shuffled;
};
std::vector<Ball> measure_noise_ball(const gd::Points& pts, Line best, double sigma2,
                                     const Settings& s) {
    std::vector<Ball> balls;
    const auto b = static_cast<std::size_t>(s.batch);
    for (double eta = s.lr; eta > s.lr / 20; eta /= 2) {
        const std::uint64_t seed0 = s.seed * 1000 + 1;
        balls.push_back({eta, ch06::noise_ball_rule(eta, sigma2, b),
                         ch06::noise_ball(pts, best, eta, b, true, s.seeds, seed0),
                         ch06::noise_ball(pts, best, eta, b, false, s.seeds, seed0)});
    }
    std::printf("\nnoise ball at a constant rate (variance around a*, b*; epochs 40-80):\n");
    std::printf("  %8s %11s | %11s %11s | %11s %11s\n", "eta", "eta*s^2/B", "var a iid",
                "var b iid", "var a shuf", "var b shuf");
    for (const Ball& x : balls) {
        std::printf("  %8.5f %11.3g | %11.3g %11.3g | %11.3g %11.3g\n", x.eta, x.rule,
                    x.iid.rms_a * x.iid.rms_a, x.iid.rms_b * x.iid.rms_b,
                    x.shuffled.rms_a * x.shuffled.rms_a, x.shuffled.rms_b * x.shuffled.rms_b);
    }
    return balls;
}

// ---- The figures ------------------------------------------------------------------------------

// Every schedule of common/ over the epochs of this run, on one log-scale axis: the four decays
// compared here, and chapter 07's cosine, warm restarts and one-cycle for reference.
void plot_schedules(gd::plot::Figures& figs, const Settings& s,
                    const std::vector<std::unique_ptr<gd::Schedule>>& v) {
    std::vector<std::unique_ptr<gd::Schedule>> all;
    gd::ScheduleConfig c;
    c.t_max = s.epochs, c.t0 = std::max(1, s.epochs / 6), c.t_mult = 2;
    c.max_lr = s.lr, c.total_steps = s.epochs;
    for (const char* name : {"cosine", "cosine-restarts", "onecycle"}) {
        all.push_back(gd::make_schedule(name, s.lr, c));
    }
    gd::plot::Data data({"epoch", "rate"});
    std::vector<const gd::Schedule*> shown;
    shown.reserve(v.size() + all.size());
    for (const auto& x : v) shown.push_back(x.get());
    for (const auto& x : all) shown.push_back(x.get());
    for (const gd::Schedule* x : shown) {
        data.block(x->describe());
        for (int t = 0; t < s.epochs; ++t) data.row({double(t), x->rate(t)});
    }
    figs.write("schedules", data);
    std::ostringstream gp;
    gp << "set title 'Every schedule from the same η₀: the four decays end 8-20x lower, "
          "chapter 07''s restart and warm up'\n"
       << "set xlabel 'epoch t'\nset ylabel 'learning rate η_t'\n"
       << "set logscale y\nset format y '10^{%L}'\nset xrange [0:" << s.epochs - 1 << "]\n"
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
void plot_loss(gd::plot::Figures& figs, const std::vector<std::vector<Run>>& runs, double best_loss,
               const Settings& s) {
    gd::plot::Data data({"epoch", "excess_loss", "rate"});
    for (const auto& rk : runs) {
        data.block(rk[0].name);
        const std::vector<double> m = mean_excess(rk, best_loss);
        for (std::size_t e = 1; e < m.size(); ++e) data.row({double(e), m[e], rk[0].rate[e - 1]});
    }
    figs.write("loss", data);
    std::ostringstream gp;
    gp << "set title 'The constant rate stalls on a noise floor; every decay keeps going down'\n"
       << "set xlabel 'epoch (" << s.points << " points, batches of " << s.batch << ")'\n"
       << "set ylabel 'L(θ) − L(θ*), mean over " << s.seeds << " seeds'\n"
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
gd::Box cloud_box(const std::vector<std::vector<Run>>& runs, std::size_t first, std::size_t last,
                  Line best) {
    std::vector<double> as{best.a}, bs{best.b};
    for (std::size_t k = first; k < last; ++k) {
        for (const Line& f : finals(runs[k])) as.push_back(f.a), bs.push_back(f.b);
    }
    return gd::bounding_box(as, bs, 0.12);
}

// Where the seeds end: a wide cloud at a constant rate (left), tight ones after any decay
// (right, zoomed in on the decays alone).
void plot_spread(gd::plot::Figures& figs, const std::vector<std::vector<Run>>& runs,
                 const gd::Points& pts, Line best, const Settings& s, int grid) {
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
    gp << "set multiplot layout 1,2 title 'Final (a, b) of " << s.seeds << " seeds after "
       << s.epochs << " epochs: every decay shrinks the constant rate''s noise ball'\n"
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
void plot_noise_ball(gd::plot::Figures& figs, const std::vector<Ball>& balls, const Settings& s) {
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
       << "set xlabel 'learning rate η (constant, batch " << s.batch << ")'\n"
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
void animate_clouds(gd::plot::Figures& figs, const std::vector<std::vector<Run>>& runs,
                    const gd::Points& pts, Line best, int frames) {
    const std::size_t epochs = runs[0][0].per_epoch.size() - 1;
    const std::size_t stride = std::max<std::size_t>(1, (epochs + frames - 1) / frames);
    gd::plot::Data data({"a_constant", "b_constant", "a_exponential", "b_exponential"});
    std::vector<std::string> frame_epochs;
    for (std::size_t e = 0; e <= epochs; e += stride) {
        data.block("epoch " + std::to_string(e));
        frame_epochs.push_back(std::to_string(e));
        for (std::size_t r = 0; r < runs[0].size(); ++r) {
            const Line& c = runs[0][r].per_epoch[std::min(e, runs[0][r].per_epoch.size() - 1)];
            const Line& x = runs[2][r].per_epoch[std::min(e, runs[2][r].per_epoch.size() - 1)];
            data.row({c.a, c.b, x.a, x.b});
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

}  // namespace

int main(int argc, char** argv) {
    return gd::run("06_lr_decay", [&] {
        gd::Cli cli("06_lr_decay",
                    "constant vs decaying learning rates for mini-batch SGD on a noisy line", 6);
        Settings s;
        cli.option("--lr", s.lr, "base learning rate η₀", gd::between(1e-6, 0.1));
        cli.option("--epochs", s.epochs, "passes over the data", 1, 100000);
        cli.option("--batch", s.batch, "mini-batch size B", 1, 100000);
        cli.option("--points", s.points, "number of data points", 2, 1000000);
        cli.option("--noise", s.noise, "standard deviation σ of the noise on y",
                   gd::between(0, 100));
        cli.option("--seeds", s.seeds, "runs per schedule, each with its own shuffles", 2, 10000);
        cli.flag("--replace", s.replace,
                 "draw every batch with replacement instead of reshuffling");
        cli.option("--step-size", s.step_size, "step: epochs between drops", 1, 100000);
        cli.option("--step-gamma", s.step_gamma, "step: factor of each drop", gd::between(0, 1));
        cli.option("--exp-gamma", s.exp_gamma, "exponential: factor per epoch", gd::between(0, 1));
        cli.option("--decay", s.decay, "inverse-time: η₀ / (1 + decay·t)", gd::non_negative());
        cli.option("--end-factor", s.end_factor, "linear: final factor", gd::between(0, 1));
        cli.option("--total-iters", s.total_iters, "linear: epochs to reach it", 1, 100000);
        if (!cli.parse(argc, argv)) return 0;
        s.seed = cli.seed;
        if (s.batch > s.points) gd::Cli::fail("--batch must not exceed --points");

        // The problem: noisy points, and the exact answer SGD should find.
        gd::Rng data_rng(s.seed);
        const gd::Points pts = ch06::noisy_line(s.points, 1.5, -28.0, s.noise, data_rng);
        const Line best = ch06::least_squares(pts);
        const double best_loss = gd::mean_loss(best.a, best.b, pts);  // σ² as the data shows it
        std::printf("data: %d points, y = 1.5x - 28 + noise of sd %g (seed %llu)\n", s.points,
                    s.noise, static_cast<unsigned long long>(s.seed));
        std::printf("least squares: a* = %.5f, b* = %.5f, L(θ*) = %.4f\n\n", best.a, best.b,
                    best_loss);

        // Constant rate against the four decays.
        const auto v = decays(s);
        const auto runs = compare_decays(pts, s, v);
        print_decays(runs, best, best_loss, s);

        // The rule of thumb: the noise ball's variance against η.
        const auto balls = measure_noise_ball(pts, best, best_loss, s);

        // Figures: --quick coarsens the grid and the animation, never the numbers.
        gd::plot::Figures figs(cli.out, !cli.no_plot);
        plot_schedules(figs, s, v);
        plot_loss(figs, runs, best_loss, s);
        plot_spread(figs, runs, pts, best, s, cli.quick ? 31 : 61);
        plot_noise_ball(figs, balls, s);
        animate_clouds(figs, runs, pts, best, cli.quick ? 6 : s.epochs);
        std::clog << "figures and data written to " << cli.out << "\n";
        return 0;
    });
}
