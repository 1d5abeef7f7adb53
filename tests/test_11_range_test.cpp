// Chapter 11: what the chapter relies on and claims, on a small synthetic image set (the real
// data set is only needed by the chapter's own quick run, pinned by run_11_lr_range_test).
#define BOOST_TEST_MODULE range_test_chapter
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <cmath>
#include <set>
#include <string>
#include <vector>

#include "11_lr_range_test/experiments.hpp"
#include "core/seeds.hpp"
#include "run_exe.hpp"
#include "schedule/decay.hpp"
#include "schedule/onecycle.hpp"
#include "sys/blas.hpp"

namespace {

// n images of 784 pixels and labels drawn from a generator: a problem a network can learn a
// little of (the label decides which pixels are bright), small enough to train in milliseconds.
gd::ImageSet synthetic(std::size_t n, std::uint64_t seed) {
    gd::Rng rng(seed);
    gd::ImageSet s;
    s.rows = n;
    s.pixels = 784;
    for (std::size_t i = 0; i < n; ++i) {
        const int label = int(rng.below(10));
        s.labels.push_back(label);
        for (std::size_t p = 0; p < s.pixels; ++p) {
            const bool lit = p % 10 == std::size_t(label);
            s.images.push_back(float(rng.uniform() * (lit ? 1.0 : 0.3)));
        }
    }
    return s;
}

ch11::Settings small_settings(const gd::ImageSet& train) {
    ch11::Settings s;
    s.batch = 50;
    s.test.num_steps = int(train.rows / s.batch);
    s.test.smooth = 5;
    s.epochs = 2;
    return s;
}

bool same(ch11::Net& a, ch11::Net& b) {
    for (std::size_t i = 0; i < a.values().size(); ++i) {
        if (*a.values()[i] != *b.values()[i]) return false;
    }
    return true;
}

}  // namespace

BOOST_AUTO_TEST_CASE(every_epoch_visits_every_image_once_in_a_seeded_order) {
    const gd::ImageSet set = synthetic(120, 1);
    ch11::Loader a(set, 40, 7), b(set, 40, 7), c(set, 40, 8);
    BOOST_TEST(a.batches_per_epoch() == 3u);
    std::vector<int> first_epoch, second_epoch;
    for (int epoch = 0; epoch < 2; ++epoch) {
        std::multiset<std::vector<float>> seen;
        for (std::size_t k = 0; k < 3; ++k) {
            const ch11::Batch& ba = a.next();
            const ch11::Batch& bb = b.next();
            BOOST_TEST(ba.x == bb.x);  // same seed, same batches
            BOOST_TEST(!(c.next().x == ba.x));
            for (std::size_t i = 0; i < 40; ++i) {
                seen.insert(std::vector<float>(ba.x.data() + i * 784, ba.x.data() + (i + 1) * 784));
                (epoch == 0 ? first_epoch : second_epoch).push_back(ba.y[i]);
            }
        }
        std::multiset<std::vector<float>> all;
        for (std::size_t r = 0; r < 120; ++r) {
            all.insert(std::vector<float>(set.images.begin() + long(r * 784),
                                          set.images.begin() + long((r + 1) * 784)));
        }
        BOOST_TEST((seen == all));  // a permutation: each image exactly once per epoch
    }
    BOOST_TEST(first_epoch != second_epoch);  // a fresh order every epoch
}

BOOST_AUTO_TEST_CASE(a_training_step_reports_the_loss_before_its_update) {
    const gd::ImageSet set = synthetic(100, 2);
    ch11::Net net = ch11::make_net(3);
    const auto opt = ch11::make_optimizer("adam");
    ch11::Loader loader(set, 100, 4);
    const ch11::Batch& b = loader.next();
    const double before = ch11::evaluate(net, set, 100).loss;
    const gd::ConstantRate rate(1e-3);
    const double reported = ch11::train_step(net, *opt, b, rate, 0);
    const double after = ch11::evaluate(net, set, 100).loss;
    // The batch is the whole set, so evaluate() sees the same 100 images; float32 sums in a
    // different order (one chunk vs the batch's order) agree to a few ulps of the loss ~2.3.
    BOOST_TEST(reported == before, boost::test_tools::tolerance(1e-5));
    BOOST_TEST(after < before);  // and the step did something
}

BOOST_AUTO_TEST_CASE(a_training_step_runs_at_its_schedules_rate) {
    const gd::ImageSet set = synthetic(100, 2);
    ch11::Net net = ch11::make_net(3);
    const auto opt = ch11::make_optimizer("sgd");
    ch11::Loader loader(set, 50, 4);
    const gd::OneCycle cycle(0.1, 10);
    for (long t = 0; t < 4; ++t) {
        ch11::train_step(net, *opt, loader.next(), cycle, t);
        BOOST_TEST(opt->lr() == cycle.rate(t));  // η_t reached the optimizer, bit for bit
    }
}

BOOST_AUTO_TEST_CASE(scores_do_not_depend_on_the_chunk_size) {
    const gd::ImageSet set = synthetic(230, 5);
    ch11::Net net = ch11::make_net(6);
    const ch11::Score one = ch11::evaluate(net, set, 230), many = ch11::evaluate(net, set, 7);
    BOOST_TEST(one.accuracy == many.accuracy);  // the same argmax for every image
    BOOST_TEST(one.loss == many.loss, boost::test_tools::tolerance(1e-6));  // float32 rounding
    BOOST_TEST(one.accuracy >= 0.0);
    BOOST_TEST(one.accuracy <= 1.0);
}

BOOST_AUTO_TEST_CASE(the_range_test_leaves_network_and_optimizer_as_it_found_them) {
    const gd::ImageSet set = synthetic(1000, 7);
    const ch11::Settings s = small_settings(set);
    for (const std::string& name : ch11::kOptimizers) {
        const ch11::Sweep sw = ch11::range_test(name, set, s);
        BOOST_TEST(sw.restored);
        BOOST_TEST(!sw.r.lrs.empty());
        // The rate a batch used grows by a constant factor, from start_lr.
        BOOST_TEST(sw.r.lrs.front() == s.test.start_lr);
        const double growth = std::pow(s.test.end_lr / s.test.start_lr, 1.0 / s.test.num_steps);
        const gd::ExponentialDecay rates = ch11::sweep_schedule(s.test);
        for (std::size_t i = 1; i < sw.r.lrs.size(); ++i) {
            BOOST_TEST(sw.r.lrs[i] / sw.r.lrs[i - 1] == growth,
                       boost::test_tools::tolerance(1e-12));
            BOOST_TEST(sw.r.lrs[i] == rates.rate(long(i)));  // the schedule's, bit for bit
        }
    }
    // And the Snapshot alone: train a few steps, restore, and the network is the seed's again.
    ch11::Net net = ch11::make_net(s.seed), fresh = ch11::make_net(s.seed);
    const auto opt = ch11::make_optimizer("sgd");
    ch11::Snapshot snap(net, *opt);
    ch11::Loader loader(set, 50, 1);
    const gd::ConstantRate rate(0.1);
    for (int i = 0; i < 3; ++i) ch11::train_step(net, *opt, loader.next(), rate, i);
    BOOST_TEST(!same(net, fresh));
    snap.restore(*opt);
    BOOST_TEST(same(net, fresh));
    BOOST_TEST(opt->steps() == 0);
}

BOOST_AUTO_TEST_CASE(running_the_two_sweeps_at_once_changes_no_number) {
    const gd::ImageSet set = synthetic(1000, 8);
    const ch11::Settings s = small_settings(set);
    gd::blas::set_threads(1);
    const auto together = ch11::range_tests(set, s);
    for (std::size_t k = 0; k < 2; ++k) {
        const ch11::Sweep alone = ch11::range_test(ch11::kOptimizers[k], set, s);
        BOOST_TEST(together[k].r.losses == alone.r.losses);  // bit for bit
        BOOST_TEST(together[k].r.lrs == alone.r.lrs);
    }
}

BOOST_AUTO_TEST_CASE(a_rate_far_too_large_stops_the_sweep_early) {
    const gd::ImageSet set = synthetic(1000, 9);
    ch11::Settings s = small_settings(set);
    s.test.start_lr = 1e2;  // SGD with momentum at 100 and up: the loss explodes at once
    s.test.end_lr = 1e6;
    const ch11::Sweep sw = ch11::range_test("sgd", set, s);
    BOOST_TEST(sw.r.stopped_early);
    BOOST_TEST(sw.r.lrs.size() < std::size_t(s.test.num_steps));
    BOOST_TEST(std::isnan(sw.r.valley));  // too short for a suggestion, and says so
    BOOST_TEST(sw.restored);
    for (double l : sw.r.losses) BOOST_TEST(std::isfinite(l));  // the blow-up is not recorded
    // A result, not an error: that optimizer just gets no follow-up training.
    BOOST_TEST(ch11::follow_up({sw}, set, set, s).empty());
}

BOOST_AUTO_TEST_CASE(the_follow_up_runs_at_the_suggested_rates) {
    const gd::ImageSet train = synthetic(1500, 10), test = synthetic(200, 11);
    ch11::Settings s = small_settings(train);
    s.test.end_lr = 0.1;  // stay below where Adam blows up, so both sweeps run long enough
    gd::blas::set_threads(1);
    const auto sweeps = ch11::range_tests(train, s);
    const auto runs = ch11::follow_up(sweeps, train, test, s);
    BOOST_REQUIRE(runs.size() == 4u);
    for (std::size_t k = 0; k < 2; ++k) {
        const ch11::Run& flat = runs[2 * k];
        const ch11::Run& cycle = runs[2 * k + 1];
        BOOST_TEST(flat.schedule == "constant");
        BOOST_TEST(flat.lr == ch11::suggestion(sweeps[k].r, s.rule));
        BOOST_TEST(cycle.lr == ch11::suggestion(sweeps[k].r, s.peak_rule));
        const std::size_t steps = std::size_t(s.epochs) * (train.rows / s.batch);
        BOOST_TEST(flat.rates.size() == steps);
        for (double r : flat.rates) BOOST_TEST(r == flat.lr);
        const gd::OneCycle schedule(cycle.lr, long(steps));
        BOOST_REQUIRE(cycle.rates.size() == steps);
        for (std::size_t t = 0; t < steps; ++t)
            BOOST_TEST(cycle.rates[t] == schedule.rate(long(t)));
        // One-cycle: starts at η/25, peaks at η, ends far below the start.
        BOOST_TEST(cycle.rates.front() == cycle.lr / 25, boost::test_tools::tolerance(1e-12));
        BOOST_TEST(*std::max_element(cycle.rates.begin(), cycle.rates.end()) <= cycle.lr);
        BOOST_TEST(cycle.rates.back() < cycle.rates.front() / 100);
        BOOST_TEST(flat.test.size() == std::size_t(s.epochs));
        BOOST_TEST(flat.test.back().accuracy > 0.2);  // the synthetic labels are learnable
    }
}

// The sweeps and the follow-up each draw their batch order from a stream of their own,
// gd::run_seed(seed, 1) and gd::run_seed(seed, 2): the same numbers come from a loop written
// here with those generators, bit for bit.
BOOST_AUTO_TEST_CASE(the_batch_orders_come_from_the_seeds_streams_1_and_2) {
    const gd::ImageSet train = synthetic(1000, 12), test = synthetic(100, 13);
    ch11::Settings s = small_settings(train);
    s.epochs = 1;
    gd::blas::set_threads(1);
    const ch11::Sweep sw = ch11::range_test("adam", train, s);
    ch11::Net net = ch11::make_net(s.seed);
    auto opt = ch11::make_optimizer("adam");
    ch11::Loader sweep_order(train, s.batch, gd::run_seed(s.seed, 1));
    const gd::ExponentialDecay rates = ch11::sweep_schedule(s.test);
    for (std::size_t i = 0; i < 3; ++i) {
        BOOST_TEST(ch11::train_step(net, *opt, sweep_order.next(), rates, long(i)) ==
                   sw.r.losses[i]);
    }
    const ch11::Run run = ch11::train_epochs("sgd", "constant", 0.01, train, test, s);
    net = ch11::make_net(s.seed);
    opt = ch11::make_optimizer("sgd");
    ch11::Loader follow_up_order(train, s.batch, gd::run_seed(s.seed, 2));
    const gd::ConstantRate rate(0.01);
    double sum = 0;
    for (std::size_t b = 0; b < follow_up_order.batches_per_epoch(); ++b)
        sum += ch11::train_step(net, *opt, follow_up_order.next(), rate, long(b));
    BOOST_TEST(run.train_loss[0] == sum / double(follow_up_order.batches_per_epoch()));
}

BOOST_AUTO_TEST_CASE(a_missing_data_set_is_one_line_and_exit_code_2) {
    namespace fs = std::filesystem;
    const fs::path out = fs::temp_directory_path() / "gdbook-11-missing-data";
    fs::remove_all(out);
    const auto o = testing::run(
        "11_lr_range_test", {"--quick", "--no-plot", "--data", "/no/such/folder", "--out", out});
    BOOST_TEST(o.exit_code == 2);
    BOOST_TEST(std::count(o.err.begin(), o.err.end(), '\n') == 1);
    BOOST_TEST(o.err.find("dataset-fashion-mnist") != std::string::npos);
    BOOST_TEST((!fs::exists(out) || fs::is_empty(out)));  // nothing written as if complete
    fs::remove_all(out);
}
