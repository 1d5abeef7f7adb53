// experiments.cpp: chapter 11's range tests and the training at their suggestions
// (experiments.hpp).
#include "experiments.hpp"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <exception>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>

#include "cli/progress.hpp"
#include "core/seeds.hpp"
#include "optim/adam.hpp"
#include "optim/sgd.hpp"
#include "schedule/cyclic.hpp"
#include "schedule/decay.hpp"
#include "schedule/onecycle.hpp"

namespace ch11 {

std::unique_ptr<gd::Optimizer<float>> make_optimizer(const std::string& name) {
    if (name == "sgd") return std::make_unique<gd::Sgd<float>>(0.01);
    if (name == "momentum") return std::make_unique<gd::Sgd<float>>(0.01, 0.9);
    if (name == "adam") return std::make_unique<gd::Adam<float>>(1e-3, 0.9, 0.999, 1e-7);
    throw gd::UsageError("unknown optimizer '" + name + "' (sgd, momentum, adam)");
}

Data split(const gd::ImageSet& train, const gd::ImageSet& test, const Settings& s) {
    const std::size_t held_out = s.validation ? s.val_images : 0;
    if (held_out >= train.rows || train.rows - held_out < s.batch) {
        throw gd::UsageError("--batch and --val-images leave no batch of training images");
    }
    return {train, test, train.rows - held_out};
}

void in_parallel(const std::vector<std::function<void()>>& jobs, const std::string& label) {
    const std::size_t threads =
        std::min<std::size_t>(jobs.size(), std::max(1u, std::thread::hardware_concurrency()));
    std::atomic<std::size_t> next{0};
    std::exception_ptr failed;
    std::mutex m;
    gd::Progress progress(label, jobs.size());  // the default run takes a minute: say how far
    auto worker = [&] {
        for (std::size_t j; (j = next++) < jobs.size();) {
            try {
                jobs[j]();
            } catch (...) {
                const std::lock_guard<std::mutex> lock(m);
                if (!failed) failed = std::current_exception();
            }
            const std::lock_guard<std::mutex> lock(m);
            progress.tick();
        }
    };
    std::vector<std::thread> pool;
    for (std::size_t i = 1; i < threads; ++i) pool.emplace_back(worker);
    worker();
    for (auto& t : pool) t.join();
    if (failed) std::rethrow_exception(failed);
}

gd::RangeTestConfig sweep_config(const Data& d, const Settings& s) {
    gd::RangeTestConfig c = s.test;
    if (c.num_steps == 0) c.num_steps = s.sweep_epochs * int(d.train_rows / s.batch);
    return c;
}

Sweep range_test(const std::string& model, const std::string& optimizer, int replicate,
                 const Data& d, const Settings& s) {
    const std::uint64_t net_seed = gd::run_seed(s.seed, kNetStream + std::uint64_t(replicate));
    Net net(model, net_seed);
    const auto opt = make_optimizer(optimizer);
    Loader loader(d.train, s.batch, gd::run_seed(s.seed, kSweepOrderStream + replicate),
                  d.train_rows);
    Snapshot before(net, *opt);
    const gd::RangeTestConfig c = sweep_config(d, s);
    gd::check(c);  // before a schedule is built from it
    const SweepRates rates(c);
    long t = 0;
    // gd::range_test names the rate of batch t; the schedule is what hands it to the optimizer.
    const auto train_batch = [&](double lr) {
        if (rates.rate(t) != lr) throw std::logic_error("range test: sweep and schedule differ");
        const double loss = train_step(net, *opt, loader.next(), rates, t++);
        if (!s.validation) return loss;  // the batch's loss before its update
        return evaluate(net, d.train, d.train_rows, d.train.rows - d.train_rows).loss;
    };
    Sweep sw{model, optimizer, replicate, {}, false};
    sw.r = gd::range_test(c, train_batch, [&] { before.restore(*opt); });
    // The restore, checked: the network is again the very one the seed draws, and the
    // optimizer has taken no step.
    Net fresh(model, net_seed);
    sw.restored = opt->steps() == 0;
    for (std::size_t i = 0; i < net.values().size(); ++i) {
        sw.restored = sw.restored && *net.values()[i] == *fresh.values()[i];
    }
    return sw;
}

std::vector<Sweep> range_tests(const std::vector<SweepId>& ids, const Data& d, const Settings& s) {
    std::vector<Sweep> sweeps(ids.size());
    std::vector<std::function<void()>> jobs;
    for (std::size_t i = 0; i < ids.size(); ++i) {
        jobs.emplace_back([&, i] {
            sweeps[i] = range_test(ids[i].model, ids[i].optimizer, ids[i].replicate, d, s);
        });
    }
    in_parallel(jobs, "range tests");
    return sweeps;
}

Bounds bounds(const gd::RangeTest& r, const std::string& rule) {
    if (rule == "steepest") return {r.steepest / 4, r.steepest};
    if (rule == "smith") return {r.smith_base, r.smith_max};
    throw gd::UsageError("unknown rate rule '" + rule + "' (steepest, smith)");
}

std::unique_ptr<gd::Schedule> make_schedule(const std::string& schedule, const Bounds& b,
                                            long steps) {
    if (schedule == "constant") return std::make_unique<gd::ConstantRate>(b.max);
    // One triangle over the run, up for its first half: PyTorch's CyclicLR(base, max,
    // step_size_up = steps / 2, mode = 'triangular', cycle_momentum = False). Momentum cycling
    // would give plain SGD a momentum, and Adam has none for PyTorch to cycle.
    if (schedule == "cyclic") {
        return std::make_unique<gd::CyclicRate>(b.base, b.max, std::max(1L, steps / 2), 0,
                                                "triangular", 1.0, false);
    }
    if (schedule == "onecycle") return std::make_unique<gd::OneCycle>(b.max, steps);
    throw gd::UsageError("unknown schedule '" + schedule + "' (constant, cyclic, onecycle)");
}

Run train(const std::string& model, const std::string& optimizer, const std::string& rule,
          const std::string& schedule, int replicate, const Bounds& b, const Data& d,
          const Settings& s) {
    Net net(model, gd::run_seed(s.seed, kNetStream + std::uint64_t(replicate)));
    const auto opt = make_optimizer(optimizer);
    Loader loader(d.train, s.batch, gd::run_seed(s.seed, kTrainOrderStream + replicate),
                  d.train_rows);
    const long steps = long(s.epochs) * long(loader.batches_per_epoch());
    const auto rates = make_schedule(schedule, b, steps);
    Run run{optimizer, rule, schedule, replicate, b, {}, {}, {}};
    long t = 0;
    for (int e = 0; e < s.epochs; ++e) {
        double sum = 0;
        for (std::size_t i = 0; i < loader.batches_per_epoch(); ++i, ++t) {
            sum += train_step(net, *opt, loader.next(), *rates, t);
            run.rates.push_back(opt->lr());  // the rate update t used
        }
        run.train_loss.push_back(sum / double(loader.batches_per_epoch()));
        run.test.push_back(evaluate(net, d.test));
    }
    return run;
}

std::vector<Run> train_at_suggestions(const std::vector<Sweep>& sweeps, const Data& d,
                                      const Settings& s) {
    struct Plan {
        const Sweep* sweep;
        std::string rule, schedule;
        Bounds b;
    };
    std::vector<Plan> plans;
    for (const Sweep& sw : sweeps) {
        for (const std::string& rule : kRateRules) {
            const Bounds b = bounds(sw.r, rule);
            if (std::isnan(b.base) || std::isnan(b.max)) continue;
            for (const std::string& schedule : kSchedules)
                plans.push_back({&sw, rule, schedule, b});
        }
    }
    std::vector<Run> runs(plans.size());
    std::vector<std::function<void()>> jobs;
    for (std::size_t i = 0; i < plans.size(); ++i) {
        jobs.emplace_back([&, i] {
            const Plan& p = plans[i];
            runs[i] = train(p.sweep->model, p.sweep->optimizer, p.rule, p.schedule,
                            p.sweep->replicate, p.b, d, s);
        });
    }
    in_parallel(jobs, "training   ");
    return runs;
}

}  // namespace ch11
