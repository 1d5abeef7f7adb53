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

#include "classifier.hpp"
#include "optim/adam.hpp"
#include "optim/sgd.hpp"
#include "schedule/decay.hpp"
#include "schedule/onecycle.hpp"
#include "sys/idx.hpp"
#include "train/lr_finder.hpp"

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
// its defaults (β1 = 0.9, β2 = 0.999, ε = 1e-8). The rate is a schedule's, set before every
// batch by gd::step.
inline const std::vector<std::string> kOptimizers = {"sgd", "adam"};
std::unique_ptr<gd::Optimizer<float>> make_optimizer(const std::string& name);
inline const char* pretty(const std::string& name) {
    return name == "sgd" ? "SGD (momentum 0.9)" : "Adam";
}

// Runs a() and b() at once, a() on a second thread; an exception in either reaches the caller.
// The callers set OpenBLAS to one thread first: two independent jobs on two cores waste less
// than one job at a time with every matrix product split in two (they are only 250 rows tall).
void both_at_once(const std::function<void()>& a, const std::function<void()>& b);

// ---- The range test ----------------------------------------------------------------------------

struct Sweep {
    std::string optimizer;
    gd::RangeTest r;
    bool restored = false;  // afterwards, network and optimizer were exactly as before the test
};

// The sweep's rates as a schedule, η_i = start_lr · γ^i with γ = (end_lr / start_lr)^(1/n):
// PyTorch's ExponentialLR with a factor above 1, the very numbers gd::range_test asks for.
inline gd::ExponentialDecay sweep_schedule(const gd::RangeTestConfig& c) {
    return gd::ExponentialDecay(c.start_lr, std::pow(c.end_lr / c.start_lr, 1.0 / c.num_steps));
}

// One optimizer's sweep over one epoch of batches, on the network the seed draws. The batch
// order comes from a generator of its own, Rng(gd::run_seed(seed, 1)), the same for every
// optimizer, so the sweeps see the same images in the same order and differ only in how they
// step.
Sweep range_test(const std::string& name, const gd::ImageSet& train, const Settings& s);

// Both optimizers' sweeps, one per core.
std::vector<Sweep> range_tests(const gd::ImageSet& train, const Settings& s);

// A rule's suggestion: "steepest", "min10" or "valley".
inline double suggestion(const gd::RangeTest& r, const std::string& rule) {
    return rule == "steepest" ? r.steepest : rule == "min10" ? r.min_over_10 : r.valley;
}
// The rule's column in the printed table.
inline std::string column_of(const std::string& rule) {
    return rule == "steepest" ? "steepest" : rule == "min10" ? "min/10" : "valley";
}

// ---- Using what it finds -----------------------------------------------------------------------

struct Run {
    std::string optimizer, schedule;  // schedule: "constant" or "onecycle"
    double lr = 0;                    // the constant rate, or one-cycle's peak
    std::vector<double> rates;        // the rate of every batch
    std::vector<Score> test;          // after every epoch
    std::vector<double> train_loss;   // mean batch loss of every epoch
};

// Epochs of training from the seed's network, batches in the order Rng(gd::run_seed(seed, 2))
// draws: at a constant rate, or along a one-cycle schedule peaking at lr (warm-up from η/25 over
// the first 30 % of the batches, then a cosine down to η/(25·10⁴): PyTorch's OneCycleLR
// defaults, chapter 07).
Run train_epochs(const std::string& name, const std::string& schedule, double lr,
                 const gd::ImageSet& train, const gd::ImageSet& test, const Settings& s);

// For each optimizer: its `rule` rate held constant, and one-cycle peaking at its `peak_rule`
// rate; the two runs of an optimizer train at once. Order: sgd constant, sgd one-cycle, adam...
// A sweep that stopped too early to suggest anything (a diverging start, say) is a result, not
// an error: that optimizer simply gets no follow-up.
std::vector<Run> follow_up(const std::vector<Sweep>& sweeps, const gd::ImageSet& train,
                           const gd::ImageSet& test, const Settings& s);

}  // namespace ch11
