// Chapter 11: the learning-rate range test on Fashion-MNIST, the source article's own experiment
// (plain SGD against Adam, its ConvNet, 1e-4 to 1), and what Smith found the test for.
//
// Goal: pick a learning rate by measurement instead of by folklore. Leslie Smith's range test
// trains while the rate grows exponentially, here from 1e-4 to 1, and records every batch's
// loss. Too small a rate and the loss barely moves; a good one and it falls fast; too large
// and it blows up. The article reads the curve where it falls fastest; libraries read it five
// more ways, and Smith read two numbers off it, the bounds of a cyclical rate. We run the test
// on the article's ConvNet and on an MLP, over several seeds (how stable is "the" rate?), and
// then train the MLP at what each reading suggests: constant, cyclical and one-cycle.
// The problem: Fashion-MNIST (28 × 28 grey images of ten kinds of clothing, 60 000 to train on
// and 10 000 to test), float32, batch 250. The sweeps and training runs are independent
// experiments, so they run side by side, one per core.
//
// Notation: η learning rate, ℓ a batch's cross-entropy, Δ its change per batch over k batches
// (--smooth), ŝ fastai's smoothed loss.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

#include "cli/cli.hpp"
#include "core/seeds.hpp"
#include "experiments.hpp"
#include "figures.hpp"
#include "plot/figures.hpp"
#include "sys/idx.hpp"
#include "sys/memory.hpp"

namespace {

using ch11::pretty;
using ch11::Run;
using ch11::Settings;
using ch11::Sweep;

// The article's two picks (its ConvNet on MNIST, 5-epoch sweeps, where the loss fell fastest).
constexpr double kArticleSgd = -1.95, kArticleAdam = -3.95;

double seconds_since(std::chrono::steady_clock::time_point t0) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

// ---- The experiments' tables -------------------------------------------------------------------

// Replicate 0's sweeps of one model: how far each got, its lowest loss, every rule's suggestion,
// and whether the network and optimizer came back exactly as they were.
void print_sweeps(const std::vector<Sweep>& sweeps, const std::string& model,
                  const gd::RangeTestConfig& c, const Settings& s, double seconds) {
    std::printf(
        "\n%s: range test of %d batches of %zu, rate %.0e -> %.0e (%s), %s loss, stop at "
        "%.3g x best\n",
        model.c_str(), c.num_steps, s.batch, c.start_lr, c.end_lr,
        c.shape == gd::SweepShape::linear ? "linear" : "exponential",
        s.validation ? "held-out" : "training", c.diverge_factor);
    std::printf("%-18s %7s %9s %8s %9s %9s %9s %9s %9s %9s %9s %8s\n", "optimizer", "batches",
                "last_rate", "min_loss", "steepest", "min/10", "valley", "steep", "slide",
                "smith_base", "smith_max", "restored");
    for (const Sweep& sw : sweeps) {
        if (sw.model != model || sw.replicate != 0) continue;
        const gd::RangeTest& r = sw.r;
        const double lowest =
            r.losses.empty() ? NAN : *std::min_element(r.losses.begin(), r.losses.end());
        std::printf("%-18s %7zu %9.3g %8.4f %9.3g %9.3g %9.3g %9.3g %9.3g %9.3g %9.3g %8s\n",
                    pretty(sw.optimizer), r.lrs.size(), r.lrs.empty() ? NAN : r.lrs.back(), lowest,
                    r.steepest, r.min_over_10, r.valley, r.steep, r.slide, r.smith_base,
                    r.smith_max, sw.restored ? "yes" : "NO");
    }
    std::printf("range_test_seconds: %.3f (%s, SGD's and Adam's sweeps side by side)\n", seconds,
                model.c_str());
}

// The article read its curves where the loss fell fastest: our steepest, in decades.
void print_against_article(const std::vector<Sweep>& sweeps, const std::string& model) {
    std::printf("%s, the steepest descent in decades: ", model.c_str());
    for (const Sweep& sw : sweeps) {
        if (sw.model != model || sw.replicate != 0 || sw.optimizer == "momentum") continue;
        std::printf("%s 10^%.2f (the article: 10^%.2f)  ", pretty(sw.optimizer),
                    std::log10(sw.r.steepest), sw.optimizer == "sgd" ? kArticleSgd : kArticleAdam);
    }
    std::printf("\n");
}

// How stable is "the" rate: every rule's suggestion over the replicates, as the geometric mean
// and the spread from the lowest to the highest, in decades.
void print_spread(const std::vector<Sweep>& sweeps, const Settings& s) {
    std::printf(
        "\nsuggestions over %d seeds: geometric mean [lowest, highest] and the spread in "
        "decades\n",
        s.seeds);
    std::printf("%-8s %-18s %-11s %10s %10s %10s %8s\n", "model", "optimizer", "rule", "mean",
                "lowest", "highest", "decades");
    for (const std::string& model : s.models) {
        for (const std::string& opt : s.optimizers) {
            for (const auto& [rule, unused] : gd::suggestions(gd::RangeTest{})) {
                (void)unused;
                std::vector<double> v;
                for (const Sweep& sw : sweeps) {
                    if (sw.model != model || sw.optimizer != opt) continue;
                    const double rate = gd::suggestion(sw.r, rule);
                    if (!std::isnan(rate)) v.push_back(rate);
                }
                if (v.size() < 2) continue;  // the momentum variant runs on the first seed
                double logs = 0;
                for (double x : v) logs += std::log10(x);
                const auto [lo, hi] = std::minmax_element(v.begin(), v.end());
                std::printf("%-8s %-18s %-11s %10.3g %10.3g %10.3g %8.2f\n", model.c_str(),
                            pretty(opt), rule.c_str(), std::pow(10.0, logs / double(v.size())), *lo,
                            *hi, std::log10(*hi / *lo));
            }
        }
    }
}

// range_test_suggestions.csv: one line per model, optimizer, replicate and rule.
void write_suggestions(const std::vector<Sweep>& sweeps, const Settings& s,
                       const gd::plot::Figures& figs) {
    std::string csv = "optimizer,model,seed,replicate,rule,rate\n";
    char rate_text[64];
    for (const Sweep& sw : sweeps) {
        for (const auto& [rule, rate] : gd::suggestions(sw.r)) {
            std::snprintf(rate_text, sizeof rate_text, "%.17g", rate);
            csv += sw.optimizer + ',' + sw.model + ',' + std::to_string(s.seed) + ',' +
                   std::to_string(sw.replicate) + ',' + rule + ',' + rate_text + '\n';
        }
    }
    gd::plot::write_file(figs.dir() / "range_test_suggestions.csv", csv);
}

// The training: each optimizer × rule × schedule, final test accuracy over the replicates.
void print_runs(const std::vector<Run>& runs, const Settings& s, const std::string& model) {
    if (runs.empty()) return;
    std::printf(
        "\n%s trained %d epoch%s at each rule's bounds, %d seed%s: test accuracy after "
        "the last epoch\n",
        model.c_str(), s.epochs, s.epochs == 1 ? "" : "s", s.seeds, s.seeds == 1 ? "" : "s");
    std::printf("%-10s %-9s %-9s %10s %10s %9s %8s %8s %8s\n", "optimizer", "rule", "schedule",
                "base_lr", "max_lr", "mean", "sd", "lowest", "highest");
    for (const std::string& opt : {std::string("sgd"), std::string("adam")}) {
        for (const std::string& rule : ch11::kRateRules) {
            for (const std::string& schedule : ch11::kSchedules) {
                std::vector<double> acc;
                const Run* first = nullptr;
                for (const Run& r : runs) {
                    if (r.optimizer != opt || r.rule != rule || r.schedule != schedule) continue;
                    if (!first) first = &r;
                    acc.push_back(100 * r.test.back().accuracy);
                }
                if (!first) continue;
                double mean = 0, var = 0;
                for (double a : acc) mean += a / double(acc.size());
                for (double a : acc) var += (a - mean) * (a - mean);
                const double sd = acc.size() > 1 ? std::sqrt(var / double(acc.size() - 1)) : 0;
                const auto [lo, hi] = std::minmax_element(acc.begin(), acc.end());
                std::printf("%-10s %-9s %-9s %10.3g %10.3g %8.2f%% %8.2f %7.2f%% %7.2f%%\n",
                            pretty(opt), rule.c_str(), schedule.c_str(), first->b.base,
                            first->b.max, mean, sd, *lo, *hi);
            }
        }
    }
}

}  // namespace

int main(int argc, char** argv) {
    gd::keep_freed_memory();
    return gd::run("11_lr_range_test", [&] {
        Settings s;
        std::string data = gd::kFashionMnistDir, model = "both", sweep = "exponential";
        std::string loss_on = "training", train_model = "mlp";
        int batch = int(s.batch), val_images = int(s.val_images);
        gd::Cli cli("11_lr_range_test",
                    "the learning-rate range test on Fashion-MNIST, SGD against Adam", s.seed);
        cli.option("--data", data, "folder holding Fashion-MNIST's *-ubyte.gz files");
        cli.option("--model", model, "networks to test", {"both", "convnet", "mlp"});
        cli.option("--start-lr", s.test.start_lr, "first rate of the sweep", gd::positive());
        cli.option("--end-lr", s.test.end_lr, "last rate of the sweep", gd::positive());
        cli.option("--sweep", sweep, "how the rate grows", {"exponential", "linear"});
        cli.option("--sweep-epochs", s.sweep_epochs, "epochs the sweep lasts (the article: 5)", 1,
                   100);
        cli.option("--num-steps", s.test.num_steps, "batches in the sweep (0: --sweep-epochs)", 0,
                   1000000);
        cli.option("--smooth", s.test.smooth, "k, batches in the loss's change (keras)", 1, 10000);
        cli.option("--diverge-factor", s.test.diverge_factor,
                   "stop once the loss exceeds this x the best so far", gd::positive());
        cli.option("--batch", batch, "images per batch", 1, 60000);
        cli.option("--loss-on", loss_on, "the loss recorded: the batch's, or a held-out slice's",
                   {"training", "validation"});
        cli.option("--val-images", val_images, "held-out images in validation mode", 1, 59999);
        cli.option("--seeds", s.seeds, "replicates of every sweep and training run", 1, 100);
        cli.option("--epochs", s.epochs, "epochs of training at the suggestions (0: none)", 0, 100);
        cli.option("--train-model", train_model, "the network trained at the suggestions",
                   {"mlp", "convnet"});
        if (!cli.parse(argc, argv)) return 0;
        s.seed = cli.seed;
        s.batch = std::size_t(batch);
        s.val_images = std::size_t(val_images);
        s.validation = loss_on == "validation";
        s.test.shape = sweep == "linear" ? gd::SweepShape::linear : gd::SweepShape::exponential;
        s.models = model == "both" ? std::vector<std::string>{"convnet", "mlp"}
                                   : std::vector<std::string>{model};
        // Quick: 2 000 training images in batches of 100 (20 batches, enough for every rule with
        // k = 5), 500 test images, 2 seeds, 1 epoch of training, unless the flags say otherwise.
        if (cli.quick && !cli.given("--batch")) s.batch = 100;
        if (cli.quick && !cli.given("--smooth")) s.test.smooth = 5;
        if (cli.quick && !cli.given("--seeds")) s.seeds = 2;
        if (cli.quick && !cli.given("--epochs")) s.epochs = 1;

        // The data.
        const auto start = std::chrono::steady_clock::now();
        const gd::ImageSet train = gd::read_fashion_mnist("train", data, cli.quick ? 2000 : 60000);
        const gd::ImageSet test = gd::read_fashion_mnist("t10k", data, cli.quick ? 500 : 10000);
        const ch11::Data d = ch11::split(train, test, s);
        gd::check(ch11::sweep_config(d, s));
        std::clog << "read " << train.rows << " training and " << test.rows << " test images in "
                  << seconds_since(start)
                  << " s; GEMM kernels: " << gd::gemm_path_name(gd::gemm_path()) << "\n";

        // The range tests, per model: SGD's and Adam's first sweeps timed side by side, then
        // the rest in parallel: the other seeds, and the momentum variant for the first seed.
        std::vector<Sweep> sweeps;
        gd::plot::Figures figs(cli.out, !cli.no_plot);
        for (const std::string& m : s.models) {
            std::vector<ch11::SweepId> first, rest;
            for (int r = 0; r < s.seeds; ++r) {
                for (const std::string& o : s.optimizers) {
                    if (o == "momentum" && r > 0) continue;
                    (r == 0 && o != "momentum" ? first : rest).push_back({m, o, r});
                }
            }
            const auto t0 = std::chrono::steady_clock::now();
            std::vector<Sweep> got = ch11::range_tests(first, d, s);
            const double seconds = seconds_since(t0);
            for (Sweep& sw : ch11::range_tests(rest, d, s)) got.push_back(std::move(sw));
            std::stable_sort(got.begin(), got.end(), [](const Sweep& a, const Sweep& b) {
                return a.replicate < b.replicate;
            });
            print_sweeps(got, m, ch11::sweep_config(d, s), s, seconds);
            print_against_article(got, m);
            ch11::plot_range_test(figs, got, m, s);
            for (Sweep& sw : got) sweeps.push_back(std::move(sw));
        }
        if (s.seeds > 1) print_spread(sweeps, s);
        write_suggestions(sweeps, s, figs);
        if (s.seeds > 1) ch11::plot_spread(figs, sweeps, s);

        // Training at what the tests suggest: the article's two optimizers.
        if (s.epochs > 0 && std::count(s.models.begin(), s.models.end(), train_model) > 0) {
            std::vector<Sweep> chosen;
            for (const Sweep& sw : sweeps)
                if (sw.model == train_model && sw.optimizer != "momentum") chosen.push_back(sw);
            const std::vector<Run> runs = ch11::train_at_suggestions(chosen, d, s);
            print_runs(runs, s, train_model);
            ch11::plot_training(figs, runs, s, train_model);
        }
        std::clog << "figures and data written to " << cli.out << "\n";
        return 0;
    });
}
