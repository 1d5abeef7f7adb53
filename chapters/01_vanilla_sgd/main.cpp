// Chapter 01: vanilla stochastic gradient descent on y = a·x + b.
//
// Goal: fit a line to 20 points by following the negative gradient, one sample at a time, and
// see what changes when the gradient averages over 4 samples (mini-batch) or all 20 (full
// batch). Along the way: the source post's loop updates a before computing b's gradient, which
// is not quite gradient descent; we run it and the textbook update side by side.
//
// Notation: θ = (a, b) parameters, g gradient, η learning rate (--lr), r = a·x + b − y residual.
#include <cmath>
#include <cstdio>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "cli/cli.hpp"
#include "plot/contour.hpp"
#include "problems/line_fit.hpp"
#include "line_sgd.hpp"
#include "plot/figures.hpp"
#include "core/rng.hpp"

namespace {

using ch01::Line;
using ch01::Run;

// ---- The experiments --------------------------------------------------------------------------

// The post's number and the textbook's number, from the same data, rate and epochs.
void compare_update_orders(const gd::Points& pts, double lr, int epochs) {
    const Line post = ch01::sgd_post(pts, {0, 0}, lr, epochs);
    const Line simul = ch01::sgd_simultaneous(pts, {0, 0}, lr, epochs);
    std::printf("post's loop (a first, then b at the new a):   a=%.3f, b=%.3f\n", post.a, post.b);
    std::printf("simultaneous update (both at the old point):  a=%.3f, b=%.3f\n", simul.a, simul.b);
    std::printf("true line:                                    a=1.500, b=-28.000\n\n");
}

std::string run_label(const Run& r) {
    std::ostringstream s;
    s << r.name << " (batch " << r.batch << ", " << r.path.size() - 1 << " updates)";
    return s.str();
}

void print_runs(const std::vector<Run>& runs, int epochs) {
    std::printf("after %d epochs at the same rate:\n", epochs);
    std::printf("  %-12s %6s %8s %10s %12s %12s\n", "method", "batch", "updates", "a", "b", "loss");
    for (const Run& r : runs) {
        const Line& t = r.per_epoch.back();
        // Fixed decimals while the numbers are sane; a diverging run's are not.
        const char* row = std::abs(t.b) < 1e6 ? "  %-12s %6zu %8zu %10.5f %12.5f %12.4g"
                                              : "  %-12s %6zu %8zu %10.3g %12.3g %12.4g";
        std::printf(row, r.name.c_str(), r.batch, r.path.size() - 1, t.a, t.b, r.loss.back());
        if (r.diverged_at >= 0) std::printf("  diverged in epoch %d", r.diverged_at);
        std::printf("\n");
    }
}

// ---- The figures ------------------------------------------------------------------------------

// The three paths on the loss surface: per-sample zig-zags across the steep a-direction, full
// batch moves smoothly but, with one update an epoch, is still far from b = -28.
void plot_paths(gd::plot::Figures& figs, const std::vector<Run>& runs, const gd::Points& pts,
                int grid) {
    gd::plot::Data paths({"update", "a", "b"});
    std::vector<double> as{1.5}, bs{-28.0};
    for (const Run& r : runs) {
        paths.block(run_label(r));
        for (std::size_t k = 0; k < r.path.size(); ++k) {
            paths.row({double(k), r.path[k].a, r.path[k].b});
            as.push_back(r.path[k].a);
            bs.push_back(r.path[k].b);
        }
    }
    figs.write("paths", paths);
    const gd::Box box = gd::bounding_box(as, bs, 0.08);
    const auto loss = [&](double a, double b) { return gd::mean_loss(a, b, pts); };
    const gd::Surface surf = gd::write_surface(figs, "paths_surface", loss, box, grid);

    std::ostringstream gp;
    gp << "set title 'Paths on the loss surface: batch 1 zig-zags to the minimum, full batch "
          "has barely left'\n"
       << "set xlabel 'a (slope)'\nset ylabel 'b (intercept)'\nset key bottom left\n"
       << "set label 1 'start' at 0,0 point pt 7 ps 1.5 lc rgb 'black' offset 1,0.5 front\n"
       << "set label 2 'minimum (1.5, -28)' at 1.5,-28 point pt 6 ps 2 lw 2 lc rgb 'black' "
          "offset 1.2,-0.6 front\n"
       << gd::contour_map("paths_surface", box, surf) << ", \\\n";
    const char* styles[] = {"with lines lt 2 lw 1.2", "with lines lt 3 lw 2",
                            "with linespoints lt 7 lw 2 pt 7 ps 0.4"};
    for (std::size_t i = 0; i < runs.size(); ++i) {
        gp << "     'paths.dat' index " << i << " using 2:3 " << styles[i % 3] << " title '"
           << run_label(runs[i]) << "'" << (i + 1 < runs.size() ? ", \\\n" : "\n");
    }
    figs.png("paths", gp.str(), 1000, 700);
}

// Loss per epoch on a log scale: the curves are straight lines where convergence is linear.
void plot_loss(gd::plot::Figures& figs, const std::vector<Run>& runs) {
    gd::plot::Data data({"epoch", "loss"});
    for (const Run& r : runs) {
        data.block(run_label(r));
        for (std::size_t e = 0; e < r.loss.size(); ++e) data.row({double(e), r.loss[e]});
    }
    figs.write("loss", data);
    std::ostringstream gp;
    gp << "set title 'Same rate, same epochs: the more updates an epoch, the faster the loss "
          "falls'\n"
       << "set xlabel 'epoch (one pass over the 20 points)'\n"
       << "set ylabel 'mean squared error on all 20 points'\n"
       << "set logscale y\nset format y '10^{%L}'\nset key bottom left\nset xrange [0:*]\n"
       << "plot 'loss.dat' index 0 using 1:2 with lines lt 2 title '" << run_label(runs[0])
       << "', \\\n     '' index 1 using 1:2 with lines lt 3 title '" << run_label(runs[1])
       << "', \\\n     '' index 2 using 1:2 with lines lt 7 title '" << run_label(runs[2]) << "'\n";
    figs.png("loss", gp.str());
}

// a and b per epoch against their true values: a settles within a few epochs, b takes ~100.
void plot_params(gd::plot::Figures& figs, const std::vector<Run>& runs) {
    gd::plot::Data data({"epoch", "a", "b"});
    for (const Run& r : runs) {
        data.block(run_label(r));
        for (std::size_t e = 0; e < r.per_epoch.size(); ++e) {
            data.row({double(e), r.per_epoch[e].a, r.per_epoch[e].b});
        }
    }
    figs.write("params", data);
    std::ostringstream gp;
    gp << "set multiplot layout 2,1 title 'a overshoots and settles early, b crawls: the valley is "
          "steep along a, shallow along b'\n"
       << "set xlabel 'epoch'\nset key outside right top\nset xrange [0:*]\n";
    const char* which[] = {"a (slope)", "b (intercept)"};
    const char* truth[] = {"1.5", "-28"};
    for (int p = 0; p < 2; ++p) {
        gp << "set ylabel '" << which[p] << "'\n"
           << "plot " << truth[p]
           << " with lines dt 2 lc rgb 'black' lw 1.5 title 'true value', \\\n";
        for (std::size_t i = 0; i < runs.size(); ++i) {
            gp << "     'params.dat' index " << i << " using 1:" << p + 2 << " with lines lt "
               << (i == 0   ? 2
                   : i == 1 ? 3
                            : 7)
               << " title '" << runs[i].name << "'" << (i + 1 < runs.size() ? ", \\\n" : "\n");
        }
    }
    gp << "unset multiplot\n";
    figs.png("params", gp.str(), 900, 800);
}

// The fitted lines over the epochs, one GIF frame every `stride` epochs.
void animate_fit(gd::plot::Figures& figs, const std::vector<Run>& runs, const gd::Points& pts,
                 int frames) {
    gd::plot::Data points({"x", "y"});
    for (std::size_t i = 0; i < pts.size(); ++i) points.row({pts.x[i], pts.y[i]});
    figs.write("fit_points", points);

    std::size_t epochs = 0;
    for (const Run& r : runs) epochs = std::max(epochs, r.per_epoch.size() - 1);
    const std::size_t stride = std::max<std::size_t>(1, (epochs + frames - 1) / frames);
    gd::plot::Data lines({"x", "per_sample", "mini_batch", "full_batch"});
    std::vector<std::string> frame_epochs;
    for (std::size_t e = 0; e <= epochs; e += stride) {
        lines.block("epoch " + std::to_string(e));
        frame_epochs.push_back(std::to_string(e));
        for (double x : {-11.0, 10.0}) {
            std::vector<double> row{x};
            for (const Run& r : runs) {
                const Line& t = r.per_epoch[std::min(e, r.per_epoch.size() - 1)];
                row.push_back(t.a * x + t.b);
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

}  // namespace

int main(int argc, char** argv) {
    return gd::run("01_vanilla_sgd", [&] {
        gd::Cli cli("01_vanilla_sgd",
                    "per-sample, mini-batch and full-batch gradient descent fitting y = ax + b", 7);
        double lr = 0.001;
        int epochs = 150;
        int batch = 4;
        bool shuffle = false;
        cli.option("--lr", lr, "learning rate η", gd::positive());
        cli.option("--epochs", epochs, "passes over the 20 points", 1, 100000);
        cli.option("--batch", batch, "mini-batch size of the middle run", 1, 20);
        cli.flag("--shuffle", shuffle, "reshuffle the points every epoch (seeded by --seed)");
        if (!cli.parse(argc, argv)) return 0;

        // The problem: the post's 20 points on y = 1.5x - 28, start at a = b = 0.
        const gd::Points pts = gd::post_points();

        // The post's loop against the textbook update.
        compare_update_orders(pts, lr, epochs);

        // Per-sample vs mini-batch vs full batch, same rate, same number of epochs.
        gd::Rng rng(cli.seed);
        gd::Rng* order = shuffle ? &rng : nullptr;
        std::vector<Run> runs;
        for (std::size_t b : {std::size_t{1}, std::size_t(batch), pts.size()}) {
            runs.push_back(ch01::minibatch_sgd(pts, {0, 0}, lr, epochs, b, order));
        }
        runs[0].name = "per-sample";
        runs[1].name = "mini-batch";
        runs[2].name = "full batch";
        print_runs(runs, epochs);

        // Figures: --quick coarsens the grid and the animation, never the numbers.
        gd::plot::Figures figs(cli.out, !cli.no_plot);
        plot_paths(figs, runs, pts, cli.quick ? 41 : 121);
        plot_loss(figs, runs);
        plot_params(figs, runs);
        animate_fit(figs, runs, pts, cli.quick ? 8 : 76);
        std::clog << "figures and data written to " << cli.out << "\n";
        return 0;
    });
}
