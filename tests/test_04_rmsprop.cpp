// Chapter 04's claims: the written-out rules are the library's optimizers, AdaGrad's step size
// after t equal gradients, RMSprop's first step, invariance to a steeper wall, and the numbers
// the chapter's text and its exercises' answers quote: the races on the ravine and on the ravine
// turned by 45°, RMSprop's rebound, Adadelta's two knobs, Rprop's floor, the sweep over η.
#include <boost/test/unit_test.hpp>

#include <cmath>
#include <sstream>
#include <string>
#include <vector>

#include <xtensor/xarray.hpp>

#include "04_rmsprop/adaptive.hpp"
#include "04_rmsprop/race.hpp"
#include "optim/adagrad.hpp"
#include "optim/rmsprop.hpp"
#include "problems/line_fit.hpp"
#include "problems/surfaces.hpp"
#include "schedule/decay.hpp"
#include "train/descent.hpp"
#include "train/settling.hpp"

BOOST_AUTO_TEST_SUITE(test_04_rmsprop)

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

namespace {

// The chapter's race of all eight racers on one of the two ravines, 2000 steps (its default).
std::vector<ch04::Run> race(bool turned, const ch04::Settings& s = {}, long steps = 2000) {
    const gd::Ravine ravine;
    const gd::RotatedRavine rotated;
    const gd::Point2 start{-5, -2};
    std::vector<ch04::Run> runs;
    for (const ch04::Racer& r : ch04::racers(s)) {
        runs.push_back(turned ? ch04::run_racer(rotated, r, ch04::turned(start), steps)
                              : ch04::run_racer(ravine, r, start, steps));
    }
    return runs;
}

long first_below(const ch04::Run& r) {
    return ch04::steps_to(r.path, 1e-6);
}
long stays_below(const ch04::Run& r) {
    return gd::settled_from(r.path.loss, 1e-6);
}

// Printed as %.3g: agree to the 3 digits shown.
void printed(double value, double shown) {
    BOOST_TEST(value == shown, boost::test_tools::tolerance(5e-3));
}

}  // namespace

// The rotated ravine is the ravine seen along its diagonals: the same loss at the turned start,
// and GD (which treats every direction alike) draws the same loss curve on both.
BOOST_AUTO_TEST_CASE(rotated_ravine_is_the_same_bowl_for_gd) {
    const gd::Point2 p = ch04::turned({-5, -2});
    BOOST_TEST(gd::RotatedRavine().value(p.x, p.y) == 10.5, boost::test_tools::tolerance(1e-14));
    const std::vector<ch04::Run> flat = race(false), turned = race(true);
    for (std::size_t k = 0; k < 300; ++k) {
        // Relative 1e-9: the turned run rounds differently (its coordinates mix 2.1 and 1.9).
        BOOST_TEST(flat[0].path.loss[k] == turned[0].path.loss[k],
                   boost::test_tools::tolerance(1e-9));
    }
}

// The two race tables the text quotes.
BOOST_AUTO_TEST_CASE(race_tables_as_printed) {
    const std::vector<ch04::Run> flat = race(false), turned = race(true);
    // first step below 1e-6 on the ravine: GD, AdaGrad, RMSprop, centered, + momentum, Adadelta,
    // Rprop, local gain; and on the ravine turned by 45°
    const long to_flat[] = {89, 327, 56, 53, 139, -1, 54, 42};
    const long to_turned[] = {89, 941, 157, 154, 209, 1325, 128, 71};
    for (std::size_t i = 0; i < 8; ++i) {
        BOOST_TEST_CONTEXT(flat[i].path.label) {
            BOOST_TEST(first_below(flat[i]) == to_flat[i]);
            BOOST_TEST(first_below(turned[i]) == to_turned[i]);
        }
    }
    // At 200 steps RMSprop is far ahead of AdaGrad; at 2000 the order has turned.
    printed(flat[1].path.loss[200], 2.22e-4);
    printed(flat[2].path.loss[200], 3.96e-35);
    printed(flat[1].path.loss.back(), 1.17e-37);
    printed(flat[2].path.loss.back(), 5.13e-3);
    printed(flat[3].path.loss.back(), 5.11e-3);
    BOOST_TEST(stays_below(flat[2]) == -1);  // the RMSprop family does not stay below 1e-6
    BOOST_TEST(stays_below(flat[3]) == -1);
    BOOST_TEST(stays_below(flat[4]) == -1);
    BOOST_TEST(stays_below(flat[1]) == 327);  // AdaGrad does
    // Adadelta with torch's defaults has hardly moved by step 200 and hovers at the end.
    printed(flat[5].path.loss[200], 4.66);
    printed(flat[5].path.loss.back(), 4.86e-4);
    // Rprop's floor: its steps cannot fall below Δmin = 1e-6.
    printed(flat[6].path.loss.back(), 1.41e-12);
    // x:y on the way in: on the ravine every rule but GD and Adadelta gives x at least 3 times
    // y's step; turned by 45°, all but AdaGrad and Adadelta within 40 % of 1.
    for (std::size_t i : {1, 2, 3, 4, 6, 7}) {
        BOOST_TEST(ch04::median_ratio(flat[i], 1e-6) > 3.0);
    }
    for (std::size_t i : {2, 3, 4, 6, 7}) {
        BOOST_TEST(std::fabs(ch04::median_ratio(turned[i], 1e-6) - 1) < 0.4);
    }
    printed(ch04::median_ratio(flat[2], 1e-6), 4.86);
    printed(ch04::median_ratio(turned[1], 1e-6), 1.61);
    // The paths figures' large dots: the distance to the minimum after 30 steps, on the ravine
    // and turned (GD, AdaGrad, RMSprop, the local gain), quoted to 2 or 3 digits.
    const auto away = [](const ch04::Run& r) { return std::hypot(r.path.x[30], r.path.y[30]); };
    const std::size_t who[] = {0, 1, 2, 7};
    const double on_flat[] = {0.410, 1.857, 0.103, 0.057},
                 on_turned[] = {0.410, 4.028, 1.852, 0.361};
    for (std::size_t k = 0; k < 4; ++k) {
        BOOST_TEST(away(flat[who[k]]) == on_flat[k], boost::test_tools::tolerance(0.01));
        BOOST_TEST(away(turned[who[k]]) == on_turned[k], boost::test_tools::tolerance(0.01));
    }
}

// RMSprop's rebound on the ravine, and the decaying η that stops it (the chapter's table), with
// the controls the text and exercise 1 quote: --gamma 0.999 and 0.99, --alpha 0.9.
BOOST_AUTO_TEST_CASE(rmsprop_rebound_and_its_control) {
    // RMSprop at η = 0.1 for 2000 steps, η multiplied by γ per step (γ = 1: constant).
    const auto rebound = [](double alpha, double gamma, double* loss_end) {
        const gd::ExponentialDecay decay(0.1, gamma);
        ch04::PerCoordinate opt(ch04::Rule{"", Kind::RmsProp, 0.1, 1e-8, 0, alpha});
        xt::xarray<double> theta = {-5.0, -2.0};
        long t = 0;
        const gd::Trajectory p =
            gd::descend(gd::Ravine(), opt, gamma < 1 ? &decay : nullptr, theta, t, 2000);
        *loss_end = p.loss.back();
        return ch04::rebound_of(p, opt.rates[1], 0.5, 1e-6);
    };
    double end = 0;
    ch04::Rebound r = rebound(0.99, 1, &end);  // constant η: passes 2/λ_y, comes back
    BOOST_TEST(r.at == 452);
    BOOST_TEST(r.unstable_from == 308);
    BOOST_TEST(r.back_at == 631);
    printed(end, 5.13e-3);
    r = rebound(0.99, 0.995, &end);  // η·0.995ᵗ: the rate never passes 2/λ_y, no rebound
    BOOST_TEST(r.unstable_from == -1);
    BOOST_TEST(r.back_at == -1);
    printed(end, 8.92e-192);
    r = rebound(0.99, 0.999, &end);  // too slow a decay to stop it
    BOOST_TEST(r.unstable_from == 385);
    BOOST_TEST(r.back_at == 787);
    r = rebound(0.99, 0.99, &end);  // so fast that the run stalls
    BOOST_TEST(r.back_at == -1);
    printed(end, 9.5e-19);
    r = rebound(0.999, 1, &end);  // --alpha 0.999: later, and falling again by step 2000
    BOOST_TEST(r.unstable_from == 800);
    BOOST_TEST(r.back_at == 1719);
    printed(end, 1.03e-101);
    r = rebound(0.9, 1, &end);  // exercise 1: a shorter memory turns much sooner
    printed(r.lowest, 2.62e-16);
    BOOST_TEST(r.at == 92);
    BOOST_TEST(r.unstable_from == 68);
    BOOST_TEST(r.back_at == 99);
}

// Adadelta: its first step is η√ε|g|/√((1 − ρ)g² + ε), about η√ε/√(1 − ρ) whatever g; with a
// larger ε it starts fast, but near the minimum its rate is η, and η = 1 > 2/λ_y = 0.5 cannot
// settle; η = 0.4 can.
BOOST_AUTO_TEST_CASE(adadelta_knobs) {
    const gd::Ravine f;
    struct Row {
        double eta, eps;
        long to, stays;
        double loss_end, rate_end;
    };
    for (const Row& w : {Row{1, 1e-6, -1, -1, 4.86e-4, 0.5001}, Row{1, 1e-2, 62, -1, 7.17, 0.5001},
                         Row{0.4, 1e-2, 131, 131, 3.82e-142, 0.4}}) {
        gd::OptimizerConfig c;
        c.rho = 0.9, c.eps = w.eps;
        const ch04::Run r =
            ch04::run_racer(f, ch04::library_racer("", "adadelta", w.eta, c), {-5, -2}, 2000);
        // The first step, |g| = 1 along x and 8 along y: η√ε|g|/√((1 − ρ)g² + ε), a few
        // roundings apart.
        const double first[] = {r.path.x[1] - r.path.x[0], r.path.y[1] - r.path.y[0]};
        const double g[] = {1, 8};
        for (int c = 0; c < 2; ++c) {
            BOOST_TEST(std::fabs(first[c]) ==
                           w.eta * std::sqrt(w.eps) * g[c] / std::sqrt(0.1 * g[c] * g[c] + w.eps),
                       boost::test_tools::tolerance(1e-13));
        }
        BOOST_TEST(first_below(r) == w.to);
        BOOST_TEST(stays_below(r) == w.stays);
        printed(r.path.loss.back(), w.loss_end);
        BOOST_TEST(ch04::last_defined(r.rate_y) == w.rate_end, boost::test_tools::tolerance(2e-4));
    }
}

// The sweep's verdict: on the ravine AdaGrad and RMSprop at their best η arrive ten times sooner
// than GD at its best; turned by 45° they are no faster than GD.
BOOST_AUTO_TEST_CASE(sweep_best_eta_per_surface) {
    const gd::Ravine ravine;
    const gd::RotatedRavine rotated;
    const std::vector<ch04::Racer> all = ch04::racers({});
    std::vector<double> etas;
    for (int k = -30; k <= 10; ++k) etas.push_back(std::pow(10.0, k / 10.0));
    const auto best = [&](const ch04::Racer& r, bool turned) {
        long b = -1;
        for (double eta : etas) {
            const long n = turned
                               ? ch04::arrival(rotated, r, eta, ch04::turned({-5, -2}), 2000, 1e-6)
                               : ch04::arrival(ravine, r, eta, {-5, -2}, 2000, 1e-6);
            if (n >= 0 && (b < 0 || n < b)) b = n;
        }
        return b;
    };
    // GD, AdaGrad, RMSprop, centered, + momentum, Adadelta, Rprop, local gain
    const long flat[] = {89, 8, 5, 5, 98, 1878, 6, 25};
    const long turned[] = {89, 110, 88, 87, 112, 298, 43, 51};
    for (std::size_t i = 0; i < all.size(); ++i) {
        BOOST_TEST_CONTEXT(all[i].label) {
            BOOST_TEST(best(all[i], false) == flat[i]);
            BOOST_TEST(best(all[i], true) == turned[i]);
        }
    }
}

// The numbers the exercises' answers and the text's controls quote.
BOOST_AUTO_TEST_CASE(exercise_and_control_numbers) {
    // --adagrad-lr 2: AdaGrad arrives in 20 steps on the ravine, 117 turned by 45°.
    ch04::Settings fast;
    fast.adagrad = 2;
    BOOST_TEST(first_below(race(false, fast)[1]) == 20);
    BOOST_TEST(first_below(race(true, fast)[1]) == 117);
    // ... with x's rate 6.2 times y's on the ravine, nearly equal (1.15) turned by 45°.
    printed(ch04::median_ratio(race(false, fast)[1], 1e-6), 6.23);
    printed(ch04::median_ratio(race(true, fast)[1], 1e-6), 1.15);
    // At the race's η = 0.4 AdaGrad's rates level off at 0.105 along x and 0.026 along y, and
    // the local gain's two gains move together on the turned ravine (x:y 0.974).
    const std::vector<ch04::Run> flat = race(false), turned = race(true);
    printed(flat[1].rate_x.back(), 0.105);
    printed(flat[1].rate_y.back(), 0.0262);
    printed(ch04::median_ratio(turned[7], 1e-6), 0.974);
    // --rprop-min 1e-9: Rprop's floor drops from 1.41e-12 to 2.39e-18.
    ch04::Settings fine;
    fine.rprop_min = 1e-9;
    printed(race(false, fine)[6].path.loss.back(), 2.39e-18);
    // The line fit: --line-lr 2 rescues AdaGrad's b (arrives at step 574) and lands RMSprop on
    // the exact fit; --line-lr 0.05 shrinks RMSprop's hovering; --line-steps 10000: AdaGrad at
    // η = 0.5 does arrive, after 8072 steps.
    const gd::LinearFit f;
    const auto line = [&](Kind k, double eta, long steps) {
        return ch04::run_rule(f, {"", k, eta, k == Kind::Adagrad ? 1e-10 : 1e-8}, {0, 0}, steps);
    };
    BOOST_TEST(ch04::steps_to(line(Kind::Adagrad, 2, 1000).path, 1e-6) == 574);
    BOOST_TEST(line(Kind::RmsProp, 2, 1000).path.loss.back() == 0.0);
    printed(line(Kind::RmsProp, 0.05, 1000).path.loss.back(), 7.4e-3);
    BOOST_TEST(ch04::steps_to(line(Kind::Adagrad, 0.5, 10000).path, 1e-6) == 8072);
    // --alpha 0.999: RMSprop's hovering on the line fit has not begun by step 1000.
    const ch04::Run slow =
        ch04::run_rule(f, {"", Kind::RmsProp, 0.5, 1e-8, 0, 0.999}, {0, 0}, 1000);
    printed(slow.path.loss.back(), 3.16e-31);
}

BOOST_AUTO_TEST_SUITE_END()  // test_04_rmsprop
