// Chapter 08: the claims of the comparison's text, each made checkable.
#define BOOST_TEST_MODULE compare
#include <boost/test/unit_test.hpp>

#include <cmath>

#include "08_compare/line_race.hpp"
#include "08_compare/race.hpp"
#include "core/rng.hpp"
#include "problems/line_fit.hpp"
#include "train/settling.hpp"

namespace tt = boost::test_tools;

namespace {

gd::Points chapter_points(std::uint64_t seed = 7) {
    gd::Rng rng(seed);
    return gd::line_points(30, 1.5, -28, -10, 10, rng);
}

// The chapter's four methods with the post's settings, 50 epochs from (1, 1).
struct Four {
    gd::LineRun sgd, momentum, adam, adam_ann;
    Four() {
        const gd::Points p = chapter_points();
        gd::Sgd<double> s(0.001);
        gd::MomentumEma<double> m(0.001, 0.95);
        gd::Adam<double> a(1, 0.7, 0.9), aa(1, 0.7, 0.9);
        const gd::StepDecay anneal(1, 5 * 30, 0.25);
        sgd = ch08::train_per_sample("SGD", p, s, nullptr, 1, 1, 50);
        momentum = ch08::train_per_sample("Momentum", p, m, nullptr, 1, 1, 50);
        adam = ch08::train_per_sample("Adam", p, a, nullptr, 1, 1, 50);
        adam_ann = ch08::train_per_sample("AdamAnn", p, aa, &anneal, 1, 1, 50);
    }
};

}  // namespace

BOOST_AUTO_TEST_CASE(the_points_come_back_from_the_seed) {
    const gd::Points a = chapter_points(), b = chapter_points(), c = chapter_points(8);
    BOOST_TEST(a.size() == 30u);
    BOOST_TEST(a.x == b.x, tt::per_element());  // bit for bit: same seed, same points
    BOOST_TEST(a.x[0] != c.x[0]);               // another seed, other points
    for (std::size_t i = 0; i < a.size(); ++i) {
        BOOST_TEST((a.x[i] >= -10 && a.x[i] < 10));
        BOOST_TEST(a.y[i] == 1.5 * a.x[i] - 28);  // exactly on the line: no noise
    }
}

// With ε = 0, bias correction is a rate schedule: Adam at η equals uncorrected Adam at
// η_t = η·√(1−β2ᵗ)/(1−β1ᵗ). Over a whole run the two agree to rounding (a few ulps per step,
// compounded over 300 steps of a contracting problem: 1e-9 relative is ample and still fails
// if the factor were off by even one step).
BOOST_AUTO_TEST_CASE(bias_correction_is_a_rate_schedule) {
    const gd::Points p = chapter_points();
    gd::Adam<double> adam(0.3, 0.7, 0.9, 0.0);
    gd::AdamNoBias<double> raw(0.3, 0.7, 0.9, 0.0);
    struct Corrected : gd::Schedule {
        std::string name() const override { return "corrected"; }
        std::vector<gd::ScheduleParam> params() const override { return {}; }
        double rate_at(long t) const override {  // t counts from 0: Adam's step t + 1
            const double k = static_cast<double>(t + 1);
            return 0.3 * std::sqrt(1 - std::pow(0.9, k)) / (1 - std::pow(0.7, k));
        }
    } corrected;
    const gd::LineRun a = ch08::train_per_sample("a", p, adam, nullptr, 1, 1, 10);
    const gd::LineRun b = ch08::train_per_sample("b", p, raw, &corrected, 1, 1, 10);
    BOOST_REQUIRE_EQUAL(a.path.size(), 301u);
    BOOST_REQUIRE_EQUAL(b.path.size(), 301u);
    for (std::size_t k = 0; k < a.path.size(); ++k) {
        BOOST_TEST(a.path[k].x == b.path[k].x, tt::tolerance(1e-9));
        BOOST_TEST(a.path[k].y == b.path[k].y, tt::tolerance(1e-9));
    }
}

// The printed ratio: the uncorrected first step is η(1−β1)/√(1−β2) = 0.3/√0.1 = 0.94868 of
// the corrected one (ε = 1e-8 against |g| ~ 60 changes it by ~1e-10).
BOOST_AUTO_TEST_CASE(uncorrected_first_step_is_shorter) {
    const gd::Points p = chapter_points();
    gd::Adam<double> adam(1, 0.7, 0.9);
    gd::AdamNoBias<double> raw(1, 0.7, 0.9);
    const auto a = ch08::train_per_sample("a", p, adam, nullptr, 1, 1, 1);
    const auto b = ch08::train_per_sample("b", p, raw, nullptr, 1, 1, 1);
    const double step_a = a.path[1].y - a.path[0].y, step_b = b.path[1].y - b.path[0].y;
    BOOST_TEST(std::abs(step_a) == 1.0, tt::tolerance(1e-8));  // Adam's first step is η
    BOOST_TEST(step_b / step_a == 0.3 / std::sqrt(0.1), tt::tolerance(1e-8));
}

// The text's ranking after 50 epochs: AdamAnn closest to (1.5, −28), then Adam, then momentum,
// then SGD; and Adam still shakes (its worst loss in the last epoch is above SGD's) while
// AdamAnn has settled below 1e-9.
BOOST_AUTO_TEST_CASE(final_errors_are_ordered_as_the_text_says) {
    const Four f;
    const double e_sgd = ch08::final_error(f.sgd, 1.5, -28);
    const double e_mom = ch08::final_error(f.momentum, 1.5, -28);
    const double e_adam = ch08::final_error(f.adam, 1.5, -28);
    const double e_ann = ch08::final_error(f.adam_ann, 1.5, -28);
    BOOST_TEST(e_ann < 1e-4);
    BOOST_TEST(e_ann < e_adam);
    BOOST_TEST(e_adam < e_mom);
    BOOST_TEST(e_mom < e_sgd);
    BOOST_TEST(ch08::worst_recent_loss(f.adam, 30) > ch08::worst_recent_loss(f.sgd, 30));
    BOOST_TEST(ch08::worst_recent_loss(f.adam_ann, 30) < 1e-9);
}

// The saddle: from (1, 1e-3) Adam's step along y is about η whatever the gradient, so it
// leaves before SGD, whose y grows only by the factor 1 + 2η per step; momentum (torch form,
// η = 0.005) is slower still, because its velocity lags the exponentially growing gradient.
BOOST_AUTO_TEST_CASE(on_the_saddle_adaptive_methods_leave_first) {
    const ch08::Race& saddle = ch08::races()[2];
    BOOST_TEST(saddle.surface == "saddle");
    const auto paths = ch08::run_race(saddle, 1.0, saddle.steps);
    const auto at = [&](std::size_t i) { return gd::settled_from(paths[i].loss, saddle.goal); };
    // racer_names(): sgd, momentum, nesterov, adagrad, rmsprop, adam, adamw
    BOOST_TEST(at(5) > 0);
    BOOST_TEST(at(5) < at(3));  // adam before adagrad
    BOOST_TEST(at(3) < at(0));  // adagrad before sgd
    BOOST_TEST(at(0) < at(1));  // sgd before momentum
    // SGD: y_k = 1e-3·1.1^k (x falls out of the loss quickly), so loss < −1 needs
    // k > ln(1000)/ln(1.1) = 72.5: the first such step is 73, exactly.
    BOOST_TEST(at(0) == 73);
    for (const auto& p : paths) BOOST_TEST(p.diverged_at == -1);  // 150 steps stay finite
}
