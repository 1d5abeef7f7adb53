// experiments.cpp: chapter 11's range tests and follow-up training (experiments.hpp).
#include <cmath>
#include <exception>
#include <functional>
#include <memory>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "core/seeds.hpp"
#include "experiments.hpp"
#include "optim/adam.hpp"
#include "optim/sgd.hpp"
#include "schedule/decay.hpp"
#include "schedule/onecycle.hpp"

namespace ch11 {

std::unique_ptr<gd::Optimizer<float>> make_optimizer(const std::string& name) {
    if (name == "sgd") return std::make_unique<gd::Sgd<float>>(1e-3, 0.9);
    return std::make_unique<gd::Adam<float>>(1e-3);
}

void both_at_once(const std::function<void()>& a, const std::function<void()>& b) {
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

Sweep range_test(const std::string& name, const gd::ImageSet& train, const Settings& s) {
    Net net = make_net(s.seed);
    const auto opt = make_optimizer(name);
    Loader loader(train, s.batch, gd::run_seed(s.seed, 1));  // stream 1: the sweeps' order
    Snapshot before(net, *opt);
    Sweep sw{name, {}, false};
    gd::check(s.test);  // before a schedule is built from it
    const gd::ExponentialDecay rates = sweep_schedule(s.test);
    long t = 0;
    // gd::range_test names the rate of batch t; the schedule is what hands it to the optimizer.
    const auto train_batch = [&](double lr) {
        if (rates.rate(t) != lr) throw std::logic_error("range test: sweep and schedule differ");
        return train_step(net, *opt, loader.next(), rates, t++);
    };
    sw.r = gd::range_test(s.test, train_batch, [&] { before.restore(*opt); });
    // The restore, checked: the network is again the very one the seed draws, and the
    // optimizer has taken no step.
    Net fresh = make_net(s.seed);
    sw.restored = opt->steps() == 0;
    for (std::size_t i = 0; i < net.values().size(); ++i) {
        sw.restored = sw.restored && *net.values()[i] == *fresh.values()[i];
    }
    return sw;
}

std::vector<Sweep> range_tests(const gd::ImageSet& train, const Settings& s) {
    std::vector<Sweep> sweeps(2);
    both_at_once([&] { sweeps[0] = range_test(kOptimizers[0], train, s); },
                 [&] { sweeps[1] = range_test(kOptimizers[1], train, s); });
    return sweeps;
}

Run train_epochs(const std::string& name, const std::string& schedule, double lr,
                 const gd::ImageSet& train, const gd::ImageSet& test, const Settings& s) {
    Net net = make_net(s.seed);
    const auto opt = make_optimizer(name);
    Loader loader(train, s.batch, gd::run_seed(s.seed, 2));  // stream 2: the follow-up's
    const long steps = long(s.epochs) * long(loader.batches_per_epoch());
    std::unique_ptr<gd::Schedule> rates;
    if (schedule == "onecycle") {
        rates = std::make_unique<gd::OneCycle>(lr, steps);
    } else {
        rates = std::make_unique<gd::ConstantRate>(lr);
    }
    Run run{name, schedule, lr, {}, {}, {}};
    long t = 0;
    for (int e = 0; e < s.epochs; ++e) {
        double sum = 0;
        for (std::size_t b = 0; b < loader.batches_per_epoch(); ++b, ++t) {
            sum += train_step(net, *opt, loader.next(), *rates, t);
            run.rates.push_back(opt->lr());  // the rate update t used
        }
        run.train_loss.push_back(sum / double(loader.batches_per_epoch()));
        run.test.push_back(evaluate(net, test));
    }
    return run;
}

std::vector<Run> follow_up(const std::vector<Sweep>& sweeps, const gd::ImageSet& train,
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
