// experiments.hpp: chapter 11's two experiments, a range test per optimizer and a few epochs of
// training at the rate it suggests, shared by the chapter, its benchmark and its tests.
#pragma once

#include <cmath>
#include <exception>
#include <functional>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "optim/adam.hpp"
#include "classifier.hpp"
#include "sys/idx.hpp"
#include "train/lr_finder.hpp"
#include "schedule/onecycle.hpp"
#include "optim/sgd.hpp"

namespace ch11 {

struct Settings {
    gd::RangeTestConfig test;
    std::size_t batch = 250;
    int epochs = 5;                   // of the follow-up training
    std::string rule = "valley";      // the suggestion held constant
    std::string peak_rule = "min10";  // the suggestion one-cycle peaks at
    std::uint64_t seed = 11;
};

// The article's two optimizers, as torch.optim makes them: SGD with momentum 0.9, and Adam with
// its defaults (β1 = 0.9, β2 = 0.999, ε = 1e-8). The rate is set before every batch.
inline const std::vector<std::string> kOptimizers = {"sgd", "adam"};
inline std::unique_ptr<gd::Optimizer<float>> make_optimizer(const std::string& name) {
    if (name == "sgd") return std::make_unique<gd::Sgd<float>>(1e-3, 0.9);
    return std::make_unique<gd::Adam<float>>(1e-3);
}
inline const char* pretty(const std::string& name) {
    return name == "sgd" ? "SGD (momentum 0.9)" : "Adam";
}

// Runs a() and b() at once, a() on a second thread; an exception in either reaches the caller.
// The callers set OpenBLAS to one thread first: two independent jobs on two cores waste less
// than one job at a time with every matrix product split in two (they are only 250 rows tall).
inline void both_at_once(const std::function<void()>& a, const std::function<void()>& b) {
    std::exception_ptr failed;
    std::thread other([&] {
        try {
            a();
        } catch (...) {
            failed = std::current_exception();
        }
    });
    try {
        b();
    } catch (...) {
        other.join();
        throw;
    }
    other.join();
    if (failed) std::rethrow_exception(failed);
}

// ---- The range test ----------------------------------------------------------------------------

struct Sweep {
    std::string optimizer;
    gd::RangeTest r;
    bool restored = false;  // afterwards, network and optimizer were exactly as before the test
};

// One optimizer's sweep over one epoch of batches, on the network the seed draws. The batch
// order comes from a generator of its own, the same for every optimizer, so the sweeps see the
// same images in the same order and differ only in how they step.
inline Sweep range_test(const std::string& name, const gd::ImageSet& train, const Settings& s) {
    Net net = make_net(s.seed);
    const auto opt = make_optimizer(name);
    Loader loader(train, s.batch, s.seed + 1);
    Snapshot before(net, *opt);
    Sweep sw{name, {}, false};
    sw.r = gd::range_test(
        s.test, [&](double lr) { return train_step(net, *opt, loader.next(), lr); },
        [&] { before.restore(*opt); });
    // The restore, checked: the network is again the very one the seed draws, and the
    // optimizer has taken no step.
    Net fresh = make_net(s.seed);
    sw.restored = opt->steps() == 0;
    for (std::size_t i = 0; i < net.values().size(); ++i) {
        sw.restored = sw.restored && *net.values()[i] == *fresh.values()[i];
    }
    return sw;
}

// Both optimizers' sweeps, one per core.
inline std::vector<Sweep> range_tests(const gd::ImageSet& train, const Settings& s) {
    std::vector<Sweep> sweeps(2);
    both_at_once([&] { sweeps[0] = range_test(kOptimizers[0], train, s); },
                 [&] { sweeps[1] = range_test(kOptimizers[1], train, s); });
    return sweeps;
}

// A rule's suggestion: "steepest", "min10" or "valley".
inline double suggestion(const gd::RangeTest& r, const std::string& rule) {
    return rule == "steepest" ? r.steepest : rule == "min10" ? r.min_over_10 : r.valley;
}

// ---- Using what it finds -----------------------------------------------------------------------

struct Run {
    std::string optimizer, schedule;  // schedule: "constant" or "onecycle"
    double lr = 0;                    // the constant rate, or one-cycle's peak
    std::vector<double> rates;        // the rate of every batch
    std::vector<Score> test;          // after every epoch
    std::vector<double> train_loss;   // mean batch loss of every epoch
};

// Epochs of training from the seed's network: at a constant rate, or along a one-cycle
// schedule peaking at lr (warm-up from η/25 over the first 30 % of the batches, then a cosine
// down to η/(25·10⁴): PyTorch's OneCycleLR defaults, chapter 07).
inline Run train_epochs(const std::string& name, const std::string& schedule, double lr,
                        const gd::ImageSet& train, const gd::ImageSet& test, const Settings& s) {
    Net net = make_net(s.seed);
    const auto opt = make_optimizer(name);
    Loader loader(train, s.batch, s.seed + 2);
    const long steps = long(s.epochs) * long(loader.batches_per_epoch());
    std::unique_ptr<gd::OneCycle> cycle;
    if (schedule == "onecycle") cycle = std::make_unique<gd::OneCycle>(lr, steps);
    Run run{name, schedule, lr, {}, {}, {}};
    long t = 0;
    for (int e = 0; e < s.epochs; ++e) {
        double sum = 0;
        for (std::size_t b = 0; b < loader.batches_per_epoch(); ++b, ++t) {
            const double rate = cycle ? cycle->rate(t) : lr;
            run.rates.push_back(rate);
            sum += train_step(net, *opt, loader.next(), rate);
        }
        run.train_loss.push_back(sum / double(loader.batches_per_epoch()));
        run.test.push_back(evaluate(net, test));
    }
    return run;
}

// For each optimizer: its `rule` rate held constant, and one-cycle peaking at its `peak_rule`
// rate; the two runs of an optimizer train at once. Order: sgd constant, sgd one-cycle, adam...
// A sweep that stopped too early to suggest anything (a diverging start, say) is a result, not
// an error: that optimizer simply gets no follow-up.
inline std::vector<Run> follow_up(const std::vector<Sweep>& sweeps, const gd::ImageSet& train,
                                  const gd::ImageSet& test, const Settings& s) {
    std::vector<Run> runs;
    for (const Sweep& sw : sweeps) {
        const double flat = suggestion(sw.r, s.rule), peak = suggestion(sw.r, s.peak_rule);
        if (std::isnan(flat) || std::isnan(peak)) continue;
        Run a, b;
        both_at_once([&] { a = train_epochs(sw.optimizer, "constant", flat, train, test, s); },
                     [&] { b = train_epochs(sw.optimizer, "onecycle", peak, train, test, s); });
        runs.push_back(std::move(a));
        runs.push_back(std::move(b));
    }
    return runs;
}

}  // namespace ch11
