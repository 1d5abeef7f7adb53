// experiments.hpp: chapter 11's two experiments, shared by the chapter, its benchmark and its
// tests: the range tests (the source article's, on its ConvNet and on an MLP, over several
// seeds), and training at the rates and bounds they suggest.
#pragma once

#include <cmath>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "classifier.hpp"
#include "schedule/schedule.hpp"
#include "sys/idx.hpp"
#include "train/lr_finder.hpp"

namespace ch11 {

struct Settings {
    gd::RangeTestConfig test;  // 1e-4 → 1, stop at 4 × the best loss, k = 20: the article's
    int sweep_epochs = 1;      // the sweep's length when test.num_steps is 0 (the article: 5)
    std::size_t batch = 250;
    bool validation = false;        // record a held-out slice's loss after each step (Smith)
    std::size_t val_images = 1000;  // the slice: the last images of the training file
    std::vector<std::string> models = {"convnet", "mlp"};
    std::vector<std::string> optimizers = {"sgd", "momentum", "adam"};
    int seeds = 3;   // replicates: network and batch order drawn again
    int epochs = 4;  // of the training at the suggested rates (the MLP's); 0: none
    std::uint64_t seed = 11;
};

// The seeded streams of replicate r (gd::run_seed(seed, stream), r < 100): its network's
// weights, its sweeps' batch order (the same for every optimizer, so the sweeps differ only in
// how they step) and its training runs' batch order.
constexpr std::uint64_t kNetStream = 100, kSweepOrderStream = 200, kTrainOrderStream = 300;

// The optimizers, as the article's Keras makes them with no arguments: "sgd" is SGD() (plain
// SGD, no momentum; the rate is the sweep's), "adam" is Adam() (β1 = 0.9, β2 = 0.999,
// ε = 1e-7, Keras's ε; PyTorch's is 1e-8); "momentum" is SGD with momentum 0.9, the common
// choice today, as a variant.
std::unique_ptr<gd::Optimizer<float>> make_optimizer(const std::string& name);
inline const char* pretty(const std::string& name) {
    return name == "sgd" ? "SGD" : name == "momentum" ? "SGD, momentum 0.9" : "Adam";
}

// The images the experiments share: the training set, of which the first train_rows are trained
// on (all but the held-out slice in validation mode), and the test set.
struct Data {
    const gd::ImageSet& train;
    const gd::ImageSet& test;
    std::size_t train_rows;
};
Data split(const gd::ImageSet& train, const gd::ImageSet& test, const Settings& s);

// Runs every job, on as many threads as the machine has cores; an exception in any reaches the
// caller. Each job writes only its own results, so the schedule changes no number. A progress
// bar named `label` counts the finished jobs on a terminal (and stays silent in a log).
void in_parallel(const std::vector<std::function<void()>>& jobs, const std::string& label);

// ---- The range test ----------------------------------------------------------------------------

// The sweep's rates as a schedule: η_t = gd::sweep_rate(test, t), exponential or linear, the
// very numbers gd::range_test asks for (PyTorch's ExponentialLR with a factor above 1, or a
// LinearLR).
class SweepRates : public gd::Schedule {
  public:
    explicit SweepRates(const gd::RangeTestConfig& c) : c_(c) {}
    std::string name() const override { return "sweep"; }
    std::vector<gd::ScheduleParam> params() const override {
        return {{"start_lr", c_.start_lr}, {"end_lr", c_.end_lr}, {"steps", long(c_.num_steps)}};
    }
    long horizon() const override { return c_.num_steps; }

  protected:
    double rate_at(long t) const override { return gd::sweep_rate(c_, t); }

  private:
    gd::RangeTestConfig c_;
};

struct Sweep {
    std::string model, optimizer;
    int replicate = 0;
    gd::RangeTest r;
    bool restored = false;  // afterwards, network and optimizer were exactly as before the test
};

// The test's settings for one model: the sweep over sweep_epochs epochs of batches unless
// num_steps is given.
gd::RangeTestConfig sweep_config(const Data& d, const Settings& s);

// One optimizer's sweep on replicate r's network of one model, batches in replicate r's order.
// In validation mode the loss recorded after each step is the held-out slice's.
Sweep range_test(const std::string& model, const std::string& optimizer, int replicate,
                 const Data& d, const Settings& s);

// Sweeps for every model × optimizer × replicate asked for, in that order, in parallel.
struct SweepId {
    std::string model, optimizer;
    int replicate;
};
std::vector<Sweep> range_tests(const std::vector<SweepId>& ids, const Data& d, const Settings& s);

// ---- Using what it finds: cyclical bounds, one-cycle, a constant rate ------------------------

// The rate rules the training compares, each a pair of bounds read off one curve:
//  - "steepest", the article's pick as max_lr, and base_lr = max_lr / 4 (Smith's rule of thumb,
//    a third to a quarter of the maximum);
//  - "smith", Smith's reading: base_lr where the loss starts to fall, max_lr where it stops.
inline const std::vector<std::string> kRateRules = {"steepest", "smith"};
// The schedules: max_lr held constant, a triangular cycle base → max → base over the whole run
// (PyTorch's CyclicLR, step_size_up = half the run, no momentum cycling), one-cycle peaking at
// max_lr (PyTorch's OneCycleLR defaults).
inline const std::vector<std::string> kSchedules = {"constant", "cyclic", "onecycle"};

struct Bounds {
    double base = NAN, max = NAN;
};
Bounds bounds(const gd::RangeTest& r, const std::string& rule);

struct Run {
    std::string optimizer, rule, schedule;
    int replicate = 0;
    Bounds b;
    std::vector<double> rates;       // the rate of every batch
    std::vector<Score> test;         // after every epoch
    std::vector<double> train_loss;  // mean batch loss of every epoch
};

// The schedule of a run of `steps` updates.
std::unique_ptr<gd::Schedule> make_schedule(const std::string& schedule, const Bounds& b,
                                            long steps);

// s.epochs of training replicate r's network (the one its range test measured) with one
// optimizer and schedule, batches in the order of replicate r's training stream; the test set
// scored after every epoch.
Run train(const std::string& model, const std::string& optimizer, const std::string& rule,
          const std::string& schedule, int replicate, const Bounds& b, const Data& d,
          const Settings& s);

// For every sweep given (one model's): each rule × schedule, in parallel. A sweep that stopped
// too early to suggest a rate is a result, not an error: it gets no training.
std::vector<Run> train_at_suggestions(const std::vector<Sweep>& sweeps, const Data& d,
                                      const Settings& s);

}  // namespace ch11
