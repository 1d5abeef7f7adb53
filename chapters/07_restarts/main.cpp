// Chapter 07: annealing the learning rate, with and without warm restarts, and one-cycle.
//
// Goal: see what a schedule η_t buys on top of an optimizer. (1) The rate curves of cosine
// annealing, warm restarts (SGDR) and one-cycle. (2) The source post's comparison on chapter
// 01's line fit: Adam at a large constant rate keeps shaking around the minimum; divided by 4
// every 5 epochs ("AdamAnn") or annealed along a cosine it settles. (3) Many runs on
// Himmelblau's four minima under restarts and under one cosine: which minimum each ends in.
//
// Notation: θ parameters, g gradient, η₀ base rate, η_t rate of update t (t = 0 the first),
// T a cycle's length in updates, β1 β2 Adam's decay rates, μ momentum, σ gradient noise.
#include <cstdio>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "cli/cli.hpp"
#include "plot/contour.hpp"
#include "plot/figures.hpp"
#include "restarts.hpp"
#include "schedule/factory.hpp"
#include "optim/sgd.hpp"

namespace {

using ch07::Exploration;
using ch07::LineRun;

struct Settings {
    int epochs = 50, every = 5;  // line fit: epochs, and AdamAnn's epochs between divisions
    double lr = 1, beta1 = 0.7, beta2 = 0.9, a0 = 1, b0 = 1;
    int runs = 24, steps = 600, t0 = 100, t_mult = 1;  // Himmelblau
    double h_lr = 0.003, momentum = 0.9, noise = 20;
};

// ---- (1) The schedules -------------------------------------------------------------------------

// η_t for t = 0..n-1 of each schedule, one block per schedule, for the rate figure.
void write_rates(gd::plot::Figures& figs, const std::vector<const gd::Schedule*>& scheds,
                 const std::vector<std::string>& labels, long n, const std::string& name) {
    gd::plot::Data data({"t", "rate"});
    for (std::size_t s = 0; s < scheds.size(); ++s) {
        data.block(labels[s]);
        for (long t = 0; t < n; ++t) data.row({double(t), scheds[s]->rate(t)});
    }
    figs.write(name, data);
}

void plot_rates(gd::plot::Figures& figs) {
    const long n = 1000;
    gd::CosineAnnealing cosine(1, n);
    gd::CosineWarmRestarts sgdr1(1, 200, 1), sgdr2(1, 100, 2);
    gd::OneCycle onecycle(1, n);  // max_lr 1, pct_start 0.3, div 25, final_div 1e4
    write_rates(figs, {&cosine, &sgdr1, &sgdr2, &onecycle},
                {"cosine T=1000", "SGDR T0=200 Tmult=1", "SGDR T0=100 Tmult=2", "one-cycle"}, n,
                "rates");
    std::ostringstream gp;
    gp << "set multiplot layout 2,1 title 'Learning-rate schedules over 1000 updates (η₀ = "
          "max\\_lr = 1)'\n"
       << "set xlabel 'update t'\nset ylabel 'rate η_t'\nset key outside right top\n"
       << "set xrange [0:1000]\nset yrange [0:1.05]\n"
       << "set title 'Cosine falls once; SGDR jumps back to η₀; one-cycle warms up first'\n"
       << "plot 'rates.dat' index 0 using 1:2 with lines lt 7 title 'cosine, T = 1000', \\\n"
       << "     '' index 1 using 1:2 with lines lt 2 title 'SGDR, T_0 = 200, T_{mult} = 1', \\\n"
       << "     '' index 2 using 1:2 with lines lt 3 dt 2 title 'SGDR, T_0 = 100, T_{mult} = 2', "
          "\\\n"
       << "     '' index 3 using 1:2 with lines lt 4 title 'one-cycle, 30 % warm-up'\n"
       << "set title 'The same on a log scale: one-cycle ends 25·10^4 times below its peak'\n"
       << "set logscale y\nset format y '10^{%L}'\nset yrange [1e-7:2]\n"
       << "replot\nunset multiplot\n";
    figs.png("rates", gp.str(), 1000, 800);
}

// ---- (2) Adam with and without annealing on the line fit ----------------------------------------

std::vector<LineRun> line_runs(const gd::Points& pts, const Settings& s) {
    const long per_epoch = long(pts.size()), total = long(s.epochs) * per_epoch;
    // AdamAnn: η₀·(1/4)^⌊t/(5·20)⌋, the drop taking effect after the last update of epoch 5.
    gd::StepDecay ann(s.lr, long(s.every) * per_epoch, 0.25);
    gd::CosineAnnealing cosine(s.lr, total);  // η₀ down to 0 over the whole run
    std::vector<LineRun> runs;
    const gd::Schedule* scheds[] = {nullptr, &ann, &cosine};
    const char* names[] = {"Adam", "AdamAnn", "Adam + cosine"};
    for (int k = 0; k < 3; ++k) {
        gd::Adam<double> adam(s.lr, s.beta1, s.beta2);
        runs.push_back(ch07::train_line(names[k], pts, adam, scheds[k], s.a0, s.b0, s.epochs));
    }
    return runs;
}

void print_line_runs(const std::vector<LineRun>& runs, const Settings& s) {
    std::printf("line fit, Adam lr %g betas (%g, %g), start (%g, %g), %zu updates:\n", s.lr,
                s.beta1, s.beta2, s.a0, s.b0, runs[0].updates());
    std::printf("  %-14s %11s %11s %11s %13s\n", "method", "|a-1.5|", "|b+28|", "loss",
                "shake(last ep)");
    for (const LineRun& r : runs) {
        const ch07::Shake sh = ch07::final_shake(r, 20);
        std::printf("  %-14s %11.3e %11.3e %11.3e %13.3e", r.name.c_str(),
                    std::abs(r.a.back() - 1.5), std::abs(r.b.back() + 28), r.loss.back(),
                    std::max(sh.a, sh.b));
        if (r.diverged_at >= 0) std::printf("  diverged at update %ld", r.diverged_at);
        std::printf("\n");
    }
}

void plot_line_runs(gd::plot::Figures& figs, const std::vector<LineRun>& runs) {
    gd::plot::Data data({"update", "a", "b", "loss", "lr"}, 8);
    for (const LineRun& r : runs) {
        data.block(r.name);
        for (std::size_t k = 0; k < r.a.size(); ++k) {
            data.row({double(k), r.a[k], r.b[k], r.loss[k], r.lr[k]});
        }
    }
    figs.write("line", data);
    const char* lts[] = {"lt 2 lw 1.5", "lt 3 lw 2", "lt 4 lw 2 dt 2"};
    auto curves = [&](int col) {
        std::ostringstream c;
        for (std::size_t i = 0; i < runs.size(); ++i) {
            c << (i ? ", \\\n     " : "") << "'line.dat' index " << i << " using 1:" << col
              << " with lines " << lts[i] << " title '" << runs[i].name << "'";
        }
        return c.str();
    };
    std::ostringstream gp;
    gp << "set title 'Loss per update: plain Adam stalls between 0.4 and 20, the annealed runs "
          "keep falling'\n"
       << "set xlabel 'update (20 per epoch; top axis: epochs, where AdamAnn divides η by 4)'\n"
       << "set ylabel 'mean squared error on all 20 points'\n"
       << "set logscale y\nset format y '10^{%L}'\nset xrange [0:*]\n"
       << "set x2range [0:50]\nset x2tics 5\n"
       << "set grid x2tics\nset key bottom left\n"
       << "plot " << curves(4) << "\n";
    figs.png("line_loss", gp.str(), 950, 600);

    std::ostringstream pp;
    pp << "set multiplot layout 2,1 title 'a and b per update: Adam at η = 1 keeps shaking, the "
          "annealed runs settle'\n"
       << "set xlabel 'update (20 per epoch)'\nset key outside right top\nset xrange [0:*]\n"
       << "set ylabel 'a (slope)'\nset yrange [0:3.5]\n"
       << "plot 1.5 with lines dt 2 lc rgb '#444444' lw 1.5 title 'true value', \\\n     "
       << curves(2) << "\n"
       << "set ylabel 'b (intercept)'\nset yrange [-36:4]\n"
       << "plot -28 with lines dt 2 lc rgb '#444444' lw 1.5 title 'true value', \\\n     "
       << curves(3) << "\nunset multiplot\n";
    figs.png("line_params", pp.str(), 1000, 800);
}

// ---- (3) Exploring Himmelblau's four minima ----------------------------------------------------

struct Explored {
    std::vector<Exploration> sgdr, cosine;
    std::vector<std::pair<double, double>> starts;
};

// The same starts and the same gradient noise for both schedules: only the rate differs.
Explored explore_himmelblau(const Settings& s, double noise, std::uint64_t seed) {
    const gd::Himmelblau f;
    gd::Rng rng(seed);
    Explored ex;
    const gd::CosineWarmRestarts sgdr(s.h_lr, s.t0, s.t_mult);
    const gd::CosineAnnealing cosine(s.h_lr, s.steps);
    const std::vector<long> ends = ch07::restart_points(s.t0, s.t_mult, s.steps);
    for (int i = 0; i < s.runs; ++i) {
        const double x0 = rng.uniform(-5, 5), y0 = rng.uniform(-5, 5);
        ex.starts.push_back({x0, y0});
        const std::uint64_t noise_seed = seed * 1000 + std::uint64_t(i);
        const ch07::NoisyGradient g1(f, noise, noise_seed), g2(f, noise, noise_seed);
        gd::Sgd<double> o1(s.h_lr, s.momentum), o2(s.h_lr, s.momentum);
        ex.sgdr.push_back(ch07::explore(g1, o1, sgdr, x0, y0, s.steps, ends));
        ex.cosine.push_back(ch07::explore(g2, o2, cosine, x0, y0, s.steps, ends));
    }
    return ex;
}

// How many runs end in each minimum; how many moved between minima from one cycle to the next.
void print_explored(const Explored& ex, double noise) {
    const char* names[] = {"(3, 2)", "(-2.81, 3.13)", "(-3.78, -3.28)", "(3.58, -1.85)"};
    std::printf("himmelblau, %zu runs, gradient noise sigma %g: runs ending in each minimum\n",
                ex.sgdr.size(), noise);
    std::printf("  %-16s %8s %8s\n", "minimum", "SGDR", "cosine");
    for (std::size_t m = 0; m < 4; ++m) {
        int a = 0, b = 0;
        for (std::size_t i = 0; i < ex.sgdr.size(); ++i) {
            a += ex.sgdr[i].ends_in == m, b += ex.cosine[i].ends_in == m;
        }
        std::printf("  %-16s %8d %8d\n", names[m], a, b);
    }
    int moved = 0, hops = 0;
    for (const Exploration& e : ex.sgdr) {
        int h = 0;
        for (std::size_t c = 1; c < e.visited.size(); ++c) h += e.visited[c] != e.visited[c - 1];
        moved += h > 0, hops += h;
    }
    std::printf("  SGDR runs that changed minimum at a restart: %d (%d changes)\n", moved, hops);
}

// Both maps side by side, each path coloured by the minimum it ends in.
void plot_explored(gd::plot::Figures& figs, const Explored& ex, int grid, int stride) {
    const gd::Himmelblau f;
    const int colour[] = {2, 3, 4, 7};  // lt of the four minima
    gd::plot::Data data({"step", "x", "y", "minimum"}, 6);
    for (const auto* set : {&ex.cosine, &ex.sgdr}) {
        for (const Exploration& e : *set) {
            data.block("run ending in minimum " + std::to_string(e.ends_in));
            const std::size_t n = e.path.size();
            for (std::size_t k = 0; k < n; k += stride) {
                data.row({double(k), e.path.x[k], e.path.y[k], double(colour[e.ends_in])});
            }
            data.row({double(n - 1), e.path.x[n - 1], e.path.y[n - 1], double(colour[e.ends_in])});
        }
    }
    figs.write("himmelblau", data);
    gd::plot::Data ends({"x", "y", "minimum"}, 6);  // where each run stops, a dot per run
    for (const auto* set : {&ex.cosine, &ex.sgdr}) {
        ends.block("end points");
        for (const Exploration& e : *set) {
            ends.row({e.path.x.back(), e.path.y.back(), double(colour[e.ends_in])});
        }
    }
    figs.write("himmelblau_ends", ends);
    const gd::Box box = f.frame();
    const auto value = [&](double x, double y) { return f.value(x, y); };
    const gd::Surface surf = gd::write_surface(figs, "himmelblau_surface", value, box, grid);
    const std::size_t n = ex.sgdr.size();
    std::ostringstream gp;
    gp << "set multiplot layout 1,2 title 'Himmelblau, " << n
       << " noisy SGD+momentum runs from the same starts: each path coloured by the minimum it "
          "ends in'\n"
       << "set xlabel 'x'\nset ylabel 'y'\nset size ratio -1\nunset colorbox\n"
       << "set key at screen 0.5, screen 0.035 center center horizontal\nset bmargin 6\n";
    const char* titles[] = {"one cosine over the run", "warm restarts (SGDR)"};
    for (int panel = 0; panel < 2; ++panel) {
        gp << "set title '" << titles[panel] << "'\n"
           << gd::contour_map("himmelblau_surface", box, surf, 14) << ", \\\n"
           << "     'himmelblau.dat' index " << panel * n << ":" << panel * n + n - 1
           << " using 2:3:4 with lines lc variable lw 0.7 notitle, \\\n"
           << "     '' index " << panel * n << ":" << panel * n + n - 1
           << " every ::0::0 using 2:3 with points pt 6 ps 1 lc rgb '#333333' notitle, \\\n"
           << "     'himmelblau_ends.dat' index " << panel
           << " using 1:2:3 with points pt 7 ps 1.6 lc variable notitle, \\\n";
        const char* mins[] = {"(3, 2)", "(-2.81, 3.13)", "(-3.78, -3.28)", "(3.58, -1.85)"};
        for (int m = 0; m < 4; ++m) {
            gp << "     NaN with lines lt " << colour[m] << " lw 3 title 'ends at " << mins[m]
               << "'" << (m < 3 ? ", \\\n" : "\n");
        }
        if (panel == 0) gp << "unset key\n";
    }
    gp << "unset multiplot\n";
    figs.png("himmelblau", gp.str(), 1500, 820);
}

}  // namespace

int main(int argc, char** argv) {
    return gd::run("07_restarts", [&] {
        gd::Cli cli("07_restarts",
                    "cosine annealing, warm restarts and one-cycle; Adam annealed on the line fit; "
                    "exploring Himmelblau's minima with restarts",
                    7);
        Settings s;
        cli.option("--epochs", s.epochs, "line fit: passes over the 20 points", 1, 100000);
        cli.option("--lr", s.lr, "line fit: Adam's base rate η₀", gd::positive());
        cli.option("--beta1", s.beta1, "line fit: Adam's β1", {0, 1, false, true});
        cli.option("--beta2", s.beta2, "line fit: Adam's β2", {0, 1, false, true});
        cli.option("--every", s.every, "line fit: AdamAnn divides η by 4 every this many epochs", 1,
                   100000);
        cli.option("--start-a", s.a0, "line fit: starting slope a");
        cli.option("--start-b", s.b0, "line fit: starting intercept b");
        cli.option("--runs", s.runs, "himmelblau: number of starts", 1, 1000);
        cli.option("--steps", s.steps, "himmelblau: updates per run", 1, 1000000);
        cli.option("--t0", s.t0, "himmelblau: SGDR's first cycle, in updates", 1, 1000000);
        cli.option("--t-mult", s.t_mult, "himmelblau: each SGDR cycle this many times longer", 1,
                   10);
        cli.option("--h-lr", s.h_lr, "himmelblau: base rate η₀ of SGD", gd::positive());
        cli.option("--momentum", s.momentum, "himmelblau: SGD's momentum μ", {0, 1, false, true});
        cli.option("--noise", s.noise, "himmelblau: std of the noise added to each gradient",
                   gd::non_negative());
        if (!cli.parse(argc, argv)) return 0;
        gd::plot::Figures figs(cli.out, !cli.no_plot);

        // (1) The schedules' rate curves.
        plot_rates(figs);

        // (2) The post's comparison on chapter 01's 20 points, per-sample updates in order.
        const gd::Points pts = gd::post_points();
        const std::vector<LineRun> runs = line_runs(pts, s);
        print_line_runs(runs, s);
        plot_line_runs(figs, runs);

        // (3) Himmelblau: the same starts under restarts and under one cosine, with noisy
        // gradients and, for contrast, exact ones.
        const Explored noisy = explore_himmelblau(s, s.noise, cli.seed);
        print_explored(noisy, s.noise);
        const Explored exact = explore_himmelblau(s, 0.0, cli.seed);
        print_explored(exact, 0.0);
        plot_explored(figs, noisy, cli.quick ? 41 : 121, 3);
        std::clog << "figures and data written to " << cli.out << "\n";
        return 0;
    });
}
