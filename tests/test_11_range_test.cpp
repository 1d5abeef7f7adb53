// Chapter 11: what the chapter relies on and claims, on small synthetic image sets (the real
// data set is only needed by the chapter's own runs: its quick run is pinned by
// run_11_lr_range_test, and the last cases here run it on every GEMM path).
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "11_lr_range_test/experiments.hpp"
#include "autodiff/gemm.hpp"
#include "core/seeds.hpp"
#include "optim/adam.hpp"
#include "optim/sgd.hpp"
#include "run_exe.hpp"
#include "schedule/decay.hpp"
#include "schedule/onecycle.hpp"

BOOST_AUTO_TEST_SUITE(test_11_range_test)

namespace fs = std::filesystem;

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

ch11::Settings small_settings(std::size_t batch = 50) {
    ch11::Settings s;
    s.batch = batch;
    s.test.smooth = 5;
    s.epochs = 2;
    s.seeds = 1;
    return s;
}

bool same(ch11::Net& a, ch11::Net& b) {
    for (std::size_t i = 0; i < a.values().size(); ++i) {
        if (*a.values()[i] != *b.values()[i]) return false;
    }
    return true;
}

// FNV-1a over the bytes of the losses: a fingerprint of every bit of a sweep.
std::uint64_t fingerprint(const std::vector<double>& v) {
    std::uint64_t h = 1469598103934665603ULL;
    for (double x : v) {
        unsigned char bytes[sizeof x];
        std::memcpy(bytes, &x, sizeof x);
        for (unsigned char b : bytes) h = (h ^ b) * 1099511628211ULL;
    }
    return h;
}

struct KeepPath {
    gd::GemmPath saved = gd::gemm_path();
    ~KeepPath() { gd::set_gemm_path(saved); }
};

}  // namespace

BOOST_AUTO_TEST_CASE(every_epoch_visits_every_image_once_in_a_seeded_order) {
    const gd::ImageSet set = synthetic(130, 1);
    // rows = 120: the last 10 images (a held-out slice) are never dealt.
    ch11::Loader a(set, 40, 7, 120), b(set, 40, 7, 120), c(set, 40, 8, 120);
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
        BOOST_TEST((seen == all));  // a permutation of the first 120: each exactly once per epoch
    }
    BOOST_TEST(first_epoch != second_epoch);  // a fresh order every epoch
}

BOOST_AUTO_TEST_CASE(a_training_step_reports_the_loss_before_its_update) {
    const gd::ImageSet set = synthetic(100, 2);
    for (const std::string& model : ch11::kModels) {
        ch11::Net net(model, 3);
        const auto opt = ch11::make_optimizer("adam");
        ch11::Loader loader(set, 100, 4);
        const ch11::Batch& b = loader.next();
        const double before = ch11::evaluate(net, set, 0, 0, 100).loss;
        const gd::ConstantRate rate(1e-3);
        const double reported = ch11::train_step(net, *opt, b, rate, 0);
        const double after = ch11::evaluate(net, set, 0, 0, 100).loss;
        // The batch is the whole set, so evaluate() sees the same 100 images; float32 sums in a
        // different order (one chunk vs the batch's order) agree to a few ulps of the loss ~2.3.
        BOOST_TEST_INFO(model);
        BOOST_TEST(reported == before, boost::test_tools::tolerance(1e-5));
        BOOST_TEST(after < before);  // and the step did something
    }
}

BOOST_AUTO_TEST_CASE(a_training_step_runs_at_its_schedules_rate) {
    const gd::ImageSet set = synthetic(100, 2);
    ch11::Net net("mlp", 3);
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
    for (const std::string& model : ch11::kModels) {
        ch11::Net net(model, 6);
        const ch11::Score one = ch11::evaluate(net, set, 0, 0, 230);
        const ch11::Score many = ch11::evaluate(net, set, 0, 0, 7);
        BOOST_TEST_INFO(model);
        BOOST_TEST(one.accuracy == many.accuracy);  // the same argmax for every image
        BOOST_TEST(one.loss == many.loss, boost::test_tools::tolerance(1e-6));  // float32 sums
        BOOST_TEST(one.accuracy >= 0.0);
        BOOST_TEST(one.accuracy <= 1.0);
    }
}

// Keras's SGD() and Adam(), and the momentum variant: their hyperparameters as the text says.
BOOST_AUTO_TEST_CASE(the_optimizers_are_kerass_defaults) {
    const auto sgd = ch11::make_optimizer("sgd");
    const auto momentum = ch11::make_optimizer("momentum");
    const auto adam = ch11::make_optimizer("adam");
    BOOST_TEST(dynamic_cast<gd::Sgd<float>&>(*sgd).momentum == 0.0);
    BOOST_TEST(dynamic_cast<gd::Sgd<float>&>(*momentum).momentum == 0.9);
    const auto& a = dynamic_cast<gd::Adam<float>&>(*adam);
    BOOST_TEST(a.beta1 == 0.9);
    BOOST_TEST(a.beta2 == 0.999);
    BOOST_TEST(a.eps == 1e-7);
    BOOST_CHECK_THROW(ch11::make_optimizer("adagrad"), gd::UsageError);
}

BOOST_AUTO_TEST_CASE(the_range_test_leaves_network_and_optimizer_as_it_found_them) {
    const gd::ImageSet set = synthetic(1000, 7);
    ch11::Settings s = small_settings();
    const ch11::Data d = ch11::split(set, set, s);
    for (const std::string& model : ch11::kModels) {
        for (const std::string& name : s.optimizers) {
            if (model == "convnet" && name != "adam") continue;  // one ConvNet sweep is enough
            const ch11::Sweep sw = ch11::range_test(model, name, 0, d, s);
            BOOST_TEST_INFO(model << " " << name);
            BOOST_TEST(sw.restored);
            BOOST_TEST(!sw.r.lrs.empty());
            // The rate a batch used grows by a constant factor, from start_lr.
            BOOST_TEST(sw.r.lrs.front() == s.test.start_lr);
            const gd::RangeTestConfig c = ch11::sweep_config(d, s);
            BOOST_TEST(c.num_steps == 20);  // one epoch of 1000 images in batches of 50
            const double growth = std::pow(c.end_lr / c.start_lr, 1.0 / c.num_steps);
            const ch11::SweepRates rates(c);
            for (std::size_t i = 1; i < sw.r.lrs.size(); ++i) {
                BOOST_TEST(sw.r.lrs[i] / sw.r.lrs[i - 1] == growth,
                           boost::test_tools::tolerance(1e-12));
                BOOST_TEST(sw.r.lrs[i] == rates.rate(long(i)));  // the schedule's, bit for bit
            }
        }
    }
    // And the Snapshot alone: train a few steps, restore, and the network is the seed's again.
    ch11::Net net("mlp", 5), fresh("mlp", 5);
    const auto opt = ch11::make_optimizer("momentum");
    ch11::Snapshot snap(net, *opt);
    ch11::Loader loader(set, 50, 1);
    const gd::ConstantRate rate(0.1);
    for (int i = 0; i < 3; ++i) ch11::train_step(net, *opt, loader.next(), rate, i);
    BOOST_TEST(!same(net, fresh));
    snap.restore(*opt);
    BOOST_TEST(same(net, fresh));
    BOOST_TEST(opt->steps() == 0);
}

BOOST_AUTO_TEST_CASE(a_linear_sweep_grows_by_a_constant_step) {
    const gd::ImageSet set = synthetic(1000, 7);
    ch11::Settings s = small_settings();
    s.test.shape = gd::SweepShape::linear;
    s.test.end_lr = 0.05;
    const ch11::Data d = ch11::split(set, set, s);
    const ch11::Sweep sw = ch11::range_test("mlp", "adam", 0, d, s);
    BOOST_REQUIRE(sw.r.lrs.size() > 2u);
    const double step = (s.test.end_lr - s.test.start_lr) / 20;
    for (std::size_t i = 0; i < sw.r.lrs.size(); ++i)
        BOOST_TEST(sw.r.lrs[i] == s.test.start_lr + step * double(i),
                   boost::test_tools::tolerance(1e-12));
}

BOOST_AUTO_TEST_CASE(running_the_sweeps_side_by_side_changes_no_number) {
    const gd::ImageSet set = synthetic(1000, 8);
    ch11::Settings s = small_settings();
    s.seeds = 2;
    const ch11::Data d = ch11::split(set, set, s);
    std::vector<ch11::SweepId> ids;
    for (int r = 0; r < 2; ++r)
        for (const std::string& o : s.optimizers) ids.push_back({"mlp", o, r});
    const auto together = ch11::range_tests(ids, d, s);
    for (std::size_t k = 0; k < ids.size(); ++k) {
        const ch11::Sweep alone = ch11::range_test("mlp", ids[k].optimizer, ids[k].replicate, d, s);
        BOOST_TEST(together[k].r.losses == alone.r.losses);  // bit for bit
        BOOST_TEST(together[k].r.lrs == alone.r.lrs);
    }
    BOOST_TEST(together[0].r.losses != together[3].r.losses);  // another replicate: other data
}

BOOST_AUTO_TEST_CASE(a_rate_far_too_large_stops_the_sweep_early) {
    const gd::ImageSet set = synthetic(1000, 9);
    ch11::Settings s = small_settings();
    s.test.start_lr = 1e2;  // SGD with momentum at 100 and up: the loss explodes at once
    s.test.end_lr = 1e6;
    const ch11::Data d = ch11::split(set, set, s);
    const ch11::Sweep sw = ch11::range_test("mlp", "momentum", 0, d, s);
    BOOST_TEST(sw.r.stopped_early);
    BOOST_TEST(sw.r.lrs.size() < 20u);
    BOOST_TEST(std::isnan(sw.r.valley));  // too short for a suggestion, and says so
    BOOST_TEST(sw.restored);
    for (double l : sw.r.losses) BOOST_TEST(std::isfinite(l));  // the blow-up is not recorded
    // A result, not an error: it just gets no training.
    BOOST_TEST(ch11::train_at_suggestions({sw}, d, s).empty());
}

// Smith's mode: the loss recorded after step t is the held-out slice's, and the slice is never
// trained on.
BOOST_AUTO_TEST_CASE(the_validation_mode_records_the_held_out_loss_after_each_step) {
    const gd::ImageSet set = synthetic(1100, 10);
    ch11::Settings s = small_settings();
    s.validation = true;
    s.val_images = 100;
    const ch11::Data d = ch11::split(set, set, s);
    BOOST_TEST(d.train_rows == 1000u);
    const ch11::Sweep sw = ch11::range_test("mlp", "adam", 0, d, s);
    ch11::Net net("mlp", gd::run_seed(s.seed, ch11::kNetStream));
    const auto opt = ch11::make_optimizer("adam");
    ch11::Loader loader(set, s.batch, gd::run_seed(s.seed, ch11::kSweepOrderStream), 1000);
    const ch11::SweepRates rates(ch11::sweep_config(d, s));
    for (std::size_t i = 0; i < 5; ++i) {
        ch11::train_step(net, *opt, loader.next(), rates, long(i));
        BOOST_TEST(ch11::evaluate(net, set, 1000, 100).loss == sw.r.losses[i]);
    }
    BOOST_CHECK_THROW(ch11::split(set, set,
                                  [&] {
                                      auto t = s;
                                      t.val_images = 1080;  // 20 images left: not one batch of 50
                                      return t;
                                  }()),
                      gd::UsageError);
}

BOOST_AUTO_TEST_CASE(training_runs_at_each_rules_bounds) {
    const gd::ImageSet train = synthetic(1500, 10), test = synthetic(200, 11);
    ch11::Settings s = small_settings();
    s.test.end_lr = 0.1;  // stay below where Adam blows up, so both sweeps run long enough
    const ch11::Data d = ch11::split(train, test, s);
    // SGD with momentum learns these images in two epochs; plain SGD at these rates barely starts.
    const auto sweeps = ch11::range_tests({{"mlp", "momentum", 0}, {"mlp", "adam", 0}}, d, s);
    const auto runs = ch11::train_at_suggestions(sweeps, d, s);
    BOOST_REQUIRE(runs.size() == 2 * ch11::kRateRules.size() * ch11::kSchedules.size());
    const long steps = long(s.epochs) * long(train.rows / s.batch);
    for (const ch11::Run& run : runs) {
        BOOST_TEST_CONTEXT(run.optimizer << " " << run.rule << " " << run.schedule) {
            const ch11::Sweep& sw = run.optimizer == "momentum" ? sweeps[0] : sweeps[1];
            const ch11::Bounds b = ch11::bounds(sw.r, run.rule);
            BOOST_TEST(run.b.base == b.base);
            BOOST_TEST(run.b.max == b.max);
            if (run.rule == "steepest") BOOST_TEST(b.base == sw.r.steepest / 4);
            if (run.rule == "smith") BOOST_TEST(b.base == sw.r.smith_base);
            BOOST_REQUIRE(run.rates.size() == std::size_t(steps));
            const auto schedule = ch11::make_schedule(run.schedule, b, steps);
            for (long t = 0; t < steps; ++t) BOOST_TEST(run.rates[t] == schedule->rate(t));
            const double top = *std::max_element(run.rates.begin(), run.rates.end());
            BOOST_TEST(top <= b.max);
            if (run.schedule == "constant") BOOST_TEST(run.rates.front() == b.max);
            if (run.schedule == "cyclic") {  // one triangle: base, up to max at half, back down
                BOOST_TEST(run.rates.front() == b.base);
                BOOST_TEST(run.rates[std::size_t(steps / 2)] == b.max,
                           boost::test_tools::tolerance(1e-12));
                BOOST_TEST(run.rates.back() < b.base + (b.max - b.base) * 2.5 / double(steps));
            }
            BOOST_TEST(run.test.size() == std::size_t(s.epochs));
            BOOST_TEST(run.test.back().accuracy > 0.2);  // the synthetic labels are learnable
        }
    }
}

// Replicate r draws its network from stream 100 + r, its sweeps' batch order from 200 + r and
// its training's from 300 + r: the same numbers come from loops written here with those
// generators, bit for bit.
BOOST_AUTO_TEST_CASE(the_seeds_streams_of_each_replicate) {
    const gd::ImageSet train = synthetic(1000, 12), test = synthetic(100, 13);
    ch11::Settings s = small_settings();
    s.epochs = 1;
    const ch11::Data d = ch11::split(train, test, s);
    const int r = 1;
    const ch11::Sweep sw = ch11::range_test("mlp", "adam", r, d, s);
    ch11::Net net("mlp", gd::run_seed(s.seed, 101));
    auto opt = ch11::make_optimizer("adam");
    ch11::Loader sweep_order(train, s.batch, gd::run_seed(s.seed, 201));
    const ch11::SweepRates rates(ch11::sweep_config(d, s));
    for (std::size_t i = 0; i < 3; ++i) {
        BOOST_TEST(ch11::train_step(net, *opt, sweep_order.next(), rates, long(i)) ==
                   sw.r.losses[i]);
    }
    const ch11::Run run = ch11::train("mlp", "sgd", "smith", "constant", r, {0.01, 0.01}, d, s);
    net = ch11::Net("mlp", gd::run_seed(s.seed, 101));
    opt = ch11::make_optimizer("sgd");
    ch11::Loader train_order(train, s.batch, gd::run_seed(s.seed, 301));
    const gd::ConstantRate rate(0.01);
    double sum = 0;
    for (std::size_t b = 0; b < train_order.batches_per_epoch(); ++b)
        sum += ch11::train_step(net, *opt, train_order.next(), rate, long(b));
    BOOST_TEST(run.train_loss[0] == sum / double(train_order.batches_per_epoch()));
}

// Reproducible on every machine: a short sweep of each network gives these very bits on every
// GEMM path (AVX-512, AVX2 and portable C++ here; any x86-64 CPU with AVX2 takes one of the
// first two). The fingerprints pin them: if one changes, every committed figure of chapter 11
// changed too. They change with a compiler that evaluates a float expression differently, or
// with glibc's expf/logf, which is why this pins them rather than only comparing the paths.
BOOST_AUTO_TEST_CASE(a_sweeps_losses_are_the_same_bits_on_every_path_and_pinned) {
    KeepPath keep;
    const gd::ImageSet set = synthetic(600, 14);
    const std::map<std::string, std::uint64_t> pinned = {
        {"mlp", 0x787e295bb40a08d8ULL},
        {"convnet", 0xb7ab28087c667703ULL},
    };
    for (const auto& [model, pin] : pinned) {
        ch11::Settings s = small_settings(model == "mlp" ? 30 : 10);
        s.test.num_steps = 20;
        s.test.end_lr = 0.01;  // all 20 batches, below where Adam blows up on these images
        const ch11::Data d = ch11::split(set, set, s);
        std::vector<std::uint64_t> prints;
        for (auto p : {gd::GemmPath::avx512, gd::GemmPath::avx2, gd::GemmPath::portable}) {
            if (!gd::gemm_path_supported(p)) continue;
            gd::set_gemm_path(p);
            const ch11::Sweep sw = ch11::range_test(model, "adam", 0, d, s);
            BOOST_TEST_REQUIRE(sw.r.losses.size() == 20u);
            prints.push_back(fingerprint(sw.r.losses));
            BOOST_TEST_MESSAGE(model << " on " << gd::gemm_path_name(p) << ": 0x" << std::hex
                                     << prints.back());
        }
        for (std::uint64_t f : prints) BOOST_TEST(f == prints.front());
        BOOST_TEST(prints.front() == pin);
    }
}

BOOST_AUTO_TEST_CASE(a_missing_data_set_is_one_line_and_exit_code_2) {
    const fs::path out =
        fs::temp_directory_path() / ("gdbook-11-missing-data-" + std::to_string(::getpid()));
    fs::remove_all(out);
    const auto o = testing::run(
        "11_lr_range_test", {"--quick", "--no-plot", "--data", "/no/such/folder", "--out", out});
    BOOST_TEST(o.exit_code == 2);
    BOOST_TEST(std::count(o.err.begin(), o.err.end(), '\n') == 1);
    BOOST_TEST(o.err.find("dataset-fashion-mnist") != std::string::npos);
    BOOST_TEST((!fs::exists(out) || fs::is_empty(out)));  // nothing written as if complete
    fs::remove_all(out);
}

// The whole chapter on the two vector paths a real x86-64 CPU takes: every file it writes is
// the same, byte for byte (what a regeneration on another CPU family must find). The MLP only:
// it exercises the same kernels in a fraction of the ConvNet's time.
BOOST_AUTO_TEST_CASE(the_chapters_files_do_not_depend_on_the_gemm_path) {
    const fs::path root =
        fs::temp_directory_path() / ("gdbook-11-paths-" + std::to_string(::getpid()));
    std::map<std::string, std::map<std::string, std::string>> files;  // path → file → bytes
    for (const std::string path : {"avx512", "avx2"}) {
        if (!gd::gemm_path_supported(gd::gemm_path_from_name(path))) continue;
        const fs::path out = root / path;
        std::vector<std::string> args = {"--quick", "--no-plot", "--out", out};
        // Under the sanitizers, the smaller size (the MLP alone, one seed, no training): the
        // range test still multiplies every matrix on the path under test.
        auto size = testing::sanitized_size("11_lr_range_test");
        if (size.empty()) size = {"--model", "mlp"};
        args.insert(args.end(), size.begin(), size.end());
        const auto o = testing::run("11_lr_range_test", args,
                                    testing::How{"GD_GEMM=" + path, {}, 300});
        BOOST_TEST_REQUIRE(o.exit_code == 0, o.err);
        for (const auto& e : fs::directory_iterator(out)) {
            files[path][e.path().filename().string()] = testing::slurp(e.path());
        }
        BOOST_TEST(o.err.find("GEMM kernels: " + path) != std::string::npos);
    }
    if (files.size() == 2) BOOST_TEST((files["avx512"] == files["avx2"]));
    BOOST_TEST_MESSAGE("compared the chapter's files on " << files.size() << " GEMM paths");
    fs::remove_all(root);
}

BOOST_AUTO_TEST_SUITE_END()  // test_11_range_test
