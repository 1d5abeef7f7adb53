// Chapter 04's claims: the written-out rules are the library's optimizers, AdaGrad's step size
// after t equal gradients, RMSprop's first step, invariance to a steeper wall, and the numbers
// the chapter's text quotes about its runs.
#define BOOST_TEST_MODULE chapter 04 rmsprop
#include <boost/test/unit_test.hpp>

#include <cmath>
#include <sstream>
#include <string>
#include <vector>

#include <xtensor/xarray.hpp>

#include "04_rmsprop/adaptive.hpp"
#include "optim/adagrad.hpp"
#include "optim/rmsprop.hpp"
#include "problems/line_fit.hpp"
#include "problems/surfaces.hpp"
#include "train/descent.hpp"

namespace {

using ch04::Kind;
using ch04::Rule;

// Any optimizer through gd::descend, from the chapter's start on the ravine.
gd::Trajectory ravine_run(gd::Optimizer<double>& opt, long steps) {
    xt::xarray<double> theta = {-5.0, -2.0};
    long t = 0;
    return gd::descend(gd::Ravine(), opt, nullptr, theta, t, steps);
}

void same_path(const gd::Trajectory& a, const gd::Trajectory& b) {
    BOOST_TEST_REQUIRE(a.size() == b.size());
    for (std::size_t k = 0; k < a.size(); ++k) {
        // Exact: both sides do the same floating-point operations in the same order.
        BOOST_TEST(a.x[k] == b.x[k]);
        BOOST_TEST(a.y[k] == b.y[k]);
    }
}

// The text an optimizer saves: its rate, step count and every buffer, as exact hex floats.
std::string saved(const gd::Optimizer<double>& opt) {
    std::ostringstream os;
    opt.save(os);
    return os.str();
}

// One coordinate, θ = 0 at first, under the chapter's rule: step(g) makes one update with the
// gradient g and returns the step size the rule recorded; theta holds the new θ.
struct Scalar {
    ch04::PerCoordinate opt;
    xt::xarray<double> theta = {0.0};
    explicit Scalar(const Rule& r) : opt(r) {}
    double step(double g) {
        const xt::xarray<double> grad = {g};
        opt.step({&theta}, {&grad});
        return opt.rates[0].back();
    }
};

double max_distance(const gd::Trajectory& a, const gd::Trajectory& b) {
    double d = 0;
    for (std::size_t k = 0; k < std::min(a.size(), b.size()); ++k)
        d = std::max(d, std::hypot(a.x[k] - b.x[k], a.y[k] - b.y[k]));
    return d;
}

}  // namespace

// Habit 11: the chapter's scalar rules and common/ are one rule, step for step, on 300 steps:
// the same points, and at the end the same saved state, every buffer bit for bit.
BOOST_AUTO_TEST_CASE(written_out_rules_are_the_library_optimizers) {
    const long n = 300;
    {
        gd::Adagrad<double> lib(0.4, 0.01);  // with torch's lr_decay, to cover η_t
        ch04::PerCoordinate mine(Rule{"", Kind::Adagrad, 0.4, 1e-10, 0.01});
        same_path(ravine_run(mine, n), ravine_run(lib, n));
        BOOST_TEST(saved(mine) == saved(lib));
    }
    for (bool centered : {false, true}) {
        for (double mu : {0.0, 0.9}) {
            gd::RmsProp<double> lib(0.05, 0.95, 1e-8, 0, mu, centered);
            ch04::PerCoordinate mine(Rule{"", Kind::RmsProp, 0.05, 1e-8, 0, 0.95, centered, mu});
            same_path(ravine_run(mine, n), ravine_run(lib, n));
            BOOST_TEST(saved(mine) == saved(lib));
        }
    }
    // run_rule is that optimizer through gd::descend, its step sizes one per update kept.
    const ch04::Run run = ch04::run_rule(gd::Ravine(), Rule{"", Kind::RmsProp, 0.05}, {-5, -2}, n);
    gd::RmsProp<double> lib(0.05);
    same_path(run.path, ravine_run(lib, n));
    BOOST_TEST(run.rate_x.size() == std::size_t(n));
    BOOST_TEST(run.rate_y.size() == std::size_t(n));
}

// AdaGrad after t equal gradients g: s = t·g², so the step size is η/(√t·|g| + ε), exactly 1/√t.
BOOST_AUTO_TEST_CASE(adagrad_step_size_after_t_equal_gradients) {
    const Rule r{"", Kind::Adagrad, 0.4, 1e-10};
    for (double g : {3.0, -0.25, 1e-3}) {
        Scalar one(r);
        for (long t = 1; t <= 10000; ++t) {
            const double rate = one.step(g);
            const double expected = r.eta / (std::sqrt(double(t)) * std::fabs(g) + r.eps);
            // For g = 3 and -0.25, s = t·g² is exact; g² = 1e-6 is not a binary fraction, and t
            // additions of it drift by up to t·2⁻⁵³ ≈ 1.1e-12 relative at t = 10⁴ (√ halves it).
            BOOST_TEST(rate == expected, boost::test_tools::tolerance(1e-12));
        }
    }
}

// RMSprop's first step: s₁ = (1 − α)g², so |Δθ| = η|g|/(√((1 − α)g²) + ε) ≈ η/√(1 − α): the
// same size whatever g is (as long as |g| ≫ ε), a step of sign(g).
BOOST_AUTO_TEST_CASE(rmsprop_first_step_is_sign_like) {
    const Rule r{"", Kind::RmsProp, 0.1, 1e-8, 0, 0.99};
    for (double g : {1e-3, 1.0, -8.0, 1e3}) {
        Scalar one(r);
        one.step(g);
        const double theta = one.theta(0);
        const double exact = r.eta * std::fabs(g) / (std::sqrt((1 - r.alpha) * g * g) + r.eps);
        BOOST_TEST(std::fabs(theta) == exact, boost::test_tools::tolerance(1e-14));
        // ≈ η/√(1 − α) = 1: relative error ε/(√(1 − α)|g|) ≤ 1e-4 for the smallest g here.
        BOOST_TEST(std::fabs(theta) == 1.0, boost::test_tools::tolerance(2e-4));
        BOOST_TEST((theta < 0) == (g > 0));  // downhill
    }
}

// Scaling g_y by 4 (a power of two) with ε = 0 scales s by 16 and √s by 4 exactly: the adaptive
// paths are bit for bit the same. GD's is not (it is a different path, or it diverges).
BOOST_AUTO_TEST_CASE(steeper_wall_exact_without_eps) {
    const gd::Ravine f;
    const ch04::ScaledRavine f4(4);
    for (const Rule& r : {Rule{"", Kind::Adagrad, 0.4, 0}, Rule{"", Kind::RmsProp, 0.1, 0, 0, 0.99},
                          Rule{"", Kind::RmsProp, 0.1, 0, 0, 0.99, true}}) {
        // 60 steps: y is still far above the range where s underflows to 0 (then 0/0 with ε = 0).
        same_path(ch04::run_rule(f, r, {-5, -2}, 60).path,
                  ch04::run_rule(f4, r, {-5, -2}, 60).path);
    }
    const Rule gd{"", Kind::Gd, 0.1};
    BOOST_TEST(max_distance(ch04::run_rule(f, gd, {-5, -2}, 60).path,
                            ch04::run_rule(f4, gd, {-5, -2}, 60).path) > 0.5);
}

// With torch's ε and the chapter's factor 10, the paths agree to about 1e-8, the size of ε's
// effect on the first (largest) step: η/√(1−α)·ε/(√(1−α)|g_y|) = 1·1e-8/(0.1·8) ≈ 1.25e-8.
// 1e-7 leaves a factor 8 of room; a real difference in the rules would show at the 0.01 level.
BOOST_AUTO_TEST_CASE(steeper_wall_with_eps_as_printed) {
    const gd::Ravine f;
    const ch04::ScaledRavine f10(10);
    for (const Rule& r : {Rule{"", Kind::Adagrad, 0.4, 1e-10}, Rule{"", Kind::RmsProp, 0.1},
                          Rule{"", Kind::RmsProp, 0.1, 1e-8, 0, 0.99, true},
                          Rule{"", Kind::RmsProp, 0.01, 1e-8, 0, 0.99, false, 0.9}}) {
        BOOST_TEST(max_distance(ch04::run_rule(f, r, {-5, -2}, 200).path,
                                ch04::run_rule(f10, r, {-5, -2}, 200).path) < 1e-7);
    }
    // GD at the chapter's η = 0.4: |1 − 0.4·40| = 15 > 1 along y, it must blow up.
    const ch04::Run gd = ch04::run_rule(f10, {"", Kind::Gd, 0.4}, {-5, -2}, 200);
    BOOST_TEST(gd.path.diverged_at == 131);
}

// The text's claims about the line fit (η = 0.5, 1000 steps).
BOOST_AUTO_TEST_CASE(line_fit_claims) {
    const gd::LinearFit f;
    const ch04::Run ada = ch04::run_rule(f, {"", Kind::Adagrad, 0.5, 1e-10}, {0, 0}, 1000);
    const ch04::Run rms = ch04::run_rule(f, {"", Kind::RmsProp, 0.5}, {0, 0}, 1000);
    // AdaGrad's step along b keeps falling: at t = 1000 it is under 1/10 of its first value,
    // while along a (whose gradient died early) it has frozen: t = 100 → 1000 changes < 1 %.
    BOOST_TEST(ada.rate_y.back() < ada.rate_y.front() / 10);
    BOOST_TEST(ada.rate_x.back() / ada.rate_x[99] > 0.99);
    // ... so b has covered only about 81 % of the way, -22.71 of -28, as printed.
    BOOST_TEST(ada.path.y.back() == -22.70966, boost::test_tools::tolerance(1e-6));
    // RMSprop's step along a climbs to GD's stability limit 2/λ_max = 0.0365 and hovers there
    // (it ends within 3 % below it, printed 0.0360); its loss is then stuck well above 1e-6.
    // λ_max of H = 2[[mean x², mean x], [mean x, 1]] = [[54.8, -1], [-1, 2]], from the points.
    const gd::Points p = gd::post_points();
    double xx = 0, x1 = 0;
    for (double x : p.x) xx += x * x / p.size(), x1 += x / p.size();
    const double lam = (xx + 1) + std::sqrt((xx - 1) * (xx - 1) + 4 * x1 * x1);
    BOOST_TEST(lam == 54.81893, boost::test_tools::tolerance(1e-6));  // 28.4 + √(26.4² + 1)
    BOOST_TEST(rms.rate_x.back() < 2 / lam);
    BOOST_TEST(rms.rate_x.back() > 0.97 * 2 / lam);
    BOOST_TEST(ch04::steps_to(rms.path, 1e-6) == 88);
    BOOST_TEST(rms.path.loss.back() > 1.0);
}

// The point of the chapter: on the ravine every adaptive method gives the steep y a smaller
// step than the shallow x, at every step; and AdaGrad's steps only ever shrink.
BOOST_AUTO_TEST_CASE(ravine_steep_axis_gets_the_small_step) {
    const gd::Ravine f;
    for (const Rule& r : {Rule{"", Kind::Adagrad, 0.4, 1e-10}, Rule{"", Kind::RmsProp, 0.1},
                          Rule{"", Kind::RmsProp, 0.1, 1e-8, 0, 0.99, true}}) {
        const ch04::Run run = ch04::run_rule(f, r, {-5, -2}, 200);
        for (std::size_t k = 0; k < run.rate_x.size(); ++k)
            BOOST_TEST(run.rate_y[k] < run.rate_x[k]);
        if (r.kind == Kind::Adagrad)
            for (std::size_t k = 1; k < run.rate_x.size(); ++k)
                BOOST_TEST(run.rate_x[k] <= run.rate_x[k - 1]);
    }
    // Centered RMSprop divides by √(s − m²) ≤ √s: on the same gradients its steps are larger.
    Scalar plain(Rule{"", Kind::RmsProp, 0.1}),
        centered(Rule{"", Kind::RmsProp, 0.1, 1e-8, 0, 0.99, true});
    for (long t = 1; t <= 50; ++t) {
        const double g = std::sin(0.3 * t) + 0.5;  // a gradient with a mean and a spread
        const double rp = plain.step(g);
        const double rc = centered.step(g);
        BOOST_TEST(rc >= rp);
    }
}
