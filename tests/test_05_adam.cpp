// Chapter 05's claims about Adam: the written-out rule is the library's (and so torch's), the
// bias correction's first steps, the scale-free step that keeps the post's run restless at
// β2 = 0.9 and what β2 = 0.999 and noise change, AMSGrad settling, weight decay as an L2 term
// (Adam) against decoupled decay (AdamW), and the three variants (Adamax, NAdam, RAdam); every
// number the chapter's text and its answers quote.
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <cmath>
#include <memory>
#include <string>
#include <vector>

#include <xtensor/xarray.hpp>

#include "05_adam/adam_scalar.hpp"
#include "05_adam/slope.hpp"
#include "05_adam/variants.hpp"
#include "optim/adam.hpp"
#include "optim/factory.hpp"
#include "problems/line_fit.hpp"
#include "problems/surfaces.hpp"
#include "schedule/factory.hpp"
#include "train/descent.hpp"
#include "train/settling.hpp"

BOOST_AUTO_TEST_SUITE(test_05_adam)

namespace {

using ch05::Hyper;

// `steps` full-batch updates of `opt` on f from `start`, through the book's 2-D loop.
gd::Trajectory full_batch(const gd::Surface2& f, gd::Optimizer<double>& opt, long steps,
                          gd::Point2 start = {1, 1}) {
    xt::xarray<double> theta = {start.x, start.y};
    long t = 0;
    return gd::descend(f, opt, nullptr, theta, t, steps);
}

// The same full-batch run on the line fit by ch05::ScalarAdam and by gd::Adam / gd::AdamW.
void compare_with_library(const Hyper& h, gd::Optimizer<double>& opt, long steps) {
    const gd::LinearFit f;
    ch05::ScalarAdam scalar(h);
    const gd::Trajectory mine = full_batch(f, scalar, steps);
    const gd::Trajectory lib = full_batch(f, opt, steps);
    BOOST_TEST_REQUIRE(mine.size() == std::size_t(steps + 1));
    BOOST_TEST_REQUIRE(lib.size() == std::size_t(steps + 1));
    for (long k = 1; k <= steps; ++k) {
        // The library divides in another order (η/(1−β1ᵗ) first, √v/√(1−β2ᵗ) second), so the
        // two differ by rounding, a few ulp a step; 1e-9 leaves room for its growth over the run.
        BOOST_TEST(mine.x[k] == lib.x[k], boost::test_tools::tolerance(1e-9));
        BOOST_TEST(mine.y[k] == lib.y[k], boost::test_tools::tolerance(1e-9));
    }
}

// Adam on chapter 01's 20 points per sample (the scale test's problem).
ch05::Run line_run(gd::Optimizer<double>&& opt, gd::Point2 start, int epochs) {
    return ch05::per_sample("run", opt, gd::post_points(), start, epochs);
}

// The chapter's problem: the post's comparison, 30 points drawn with the default seed 7, exact
// (σ = 0) or with noise σ in y.
gd::Points post30(double sigma = 0) {
    return ch05::post_comparison_points(30, 7, sigma);
}

// The post's setting: η = 1, β = (0.7, 0.9), 50 epochs from (1, 1).
Hyper post_hyper(double beta2 = 0.9) {
    Hyper h;
    h.lr = 1, h.beta1 = 0.7, h.beta2 = beta2;
    return h;
}

// The swing the chapter prints: rms distance from the best fit over the last 10 epochs.
gd::Point2 swing10(const ch05::Run& r, const gd::Points& pts) {
    return ch05::swing(r.fit, 10 * pts.size(), ch05::best_fit(pts));
}

// A library optimizer by name at the chapter's settings.
std::unique_ptr<gd::Optimizer<double>> make(const std::string& name, double lr, double b1,
                                            double b2) {
    gd::OptimizerConfig c;
    c.lr = lr, c.beta1 = b1, c.beta2 = b2;
    return gd::make_optimizer<double>(name, c);
}

// The first step with loss below 1e-6 (−1: never), as the ravine tables print it.
long to_1e6(const gd::Trajectory& p) {
    for (std::size_t k = 0; k < p.size(); ++k)
        if (p.loss[k] < 1e-6) return p.step[k];
    return -1;
}

}  // namespace

BOOST_AUTO_TEST_CASE(written_out_rule_is_the_library_rule) {
    Hyper h;
    h.lr = 0.1;
    gd::Adam<double> adam(0.1);
    compare_with_library(h, adam, 500);

    h.amsgrad = true;  // both keep the maximum of the raw v, then correct it
    gd::Adam<double> ams(0.1, 0.9, 0.999, 1e-8, 0, true);
    compare_with_library(h, ams, 500);

    h.amsgrad = false, h.decay = 0.05;  // L2 in the gradient
    gd::Adam<double> l2(0.1, 0.9, 0.999, 1e-8, 0.05);
    compare_with_library(h, l2, 500);

    h.decoupled = true;  // θ ← θ(1 − ηλ) first
    gd::AdamW<double> w(0.1, 0.9, 0.999, 1e-8, 0.05);
    compare_with_library(h, w, 500);
}

// The written-out rule records what each step divided by: √v̂ = √(v/(1 − β2ᵗ)) per coordinate,
// and with AMSGrad the root of the largest v so far, corrected.
BOOST_AUTO_TEST_CASE(written_out_rule_records_root_v_hat) {
    for (bool ams : {false, true}) {
        Hyper h;
        h.lr = 0.1, h.amsgrad = ams;
        ch05::ScalarAdam adam(h);
        const gd::LinearFit f;
        full_batch(f, adam, 40);
        const xt::xarray<double>& v = adam.state(ams ? "max_exp_avg_sq" : "exp_avg_sq")[0];
        const gd::Point2 r = ch05::root_v_hat(adam);
        const double bias2 = 1 - std::pow(0.999, 40.0);
        // The same three operations in the same order: equal bit for bit.
        BOOST_TEST(r.x == std::sqrt(v(0) / bias2));
        BOOST_TEST(r.y == std::sqrt(v(1) / bias2));
    }
    gd::AdamNoBias<double> raw(0.1);  // without correction √v̂ is √v
    full_batch(gd::LinearFit(), raw, 40);
    BOOST_TEST(ch05::root_v_hat(raw).y == std::sqrt(raw.state("exp_avg_sq")[0](1)));
}

// Under a constant gradient the corrected step is η (up to ε) at every t, and the uncorrected
// one is η(1 − β1ᵗ)/√(1 − β2ᵗ): 3.162 at t = 1 for (0.9, 0.999), 0.949 for the post's (0.7, 0.9).
BOOST_AUTO_TEST_CASE(first_steps_without_bias_correction) {
    const ch05::Slope slope(-2.5);  // any constant: the step does not depend on its size
    for (const auto& [b1, b2] : {std::pair{0.9, 0.999}, std::pair{0.7, 0.9}}) {
        Hyper with;
        with.beta1 = b1;
        with.beta2 = b2;
        with.eps = 0;  // ε = 0: the ratios are then exact formulas
        ch05::ScalarAdam corrected(with);
        gd::AdamNoBias<double> uncorrected(with.lr, b1, b2, 0.0);
        const gd::Trajectory r1 = full_batch(slope, corrected, 50, {0, 0});
        const gd::Trajectory r2 = full_batch(slope, uncorrected, 50, {0, 0});
        double peak = 0;
        long peak_t = 0;
        for (long t = 1; t <= 50; ++t) {
            const double s1 = r1.x[t] - r1.x[t - 1], s2 = r2.x[t] - r2.x[t - 1];
            // Relative 1e-12: a handful of roundings in pow, sqrt and the divisions.
            BOOST_TEST(s1 / with.lr == 1.0, boost::test_tools::tolerance(1e-12));
            const double expect = (1 - std::pow(b1, t)) / std::sqrt(1 - std::pow(b2, t));
            BOOST_TEST(s2 / with.lr == expect, boost::test_tools::tolerance(1e-12));
            if (t == 1) {
                BOOST_TEST(s2 / s1 == (1 - b1) / std::sqrt(1 - b2),
                           boost::test_tools::tolerance(1e-12));
            }
            if (expect > peak) peak = expect, peak_t = t;
        }
        if (b1 == 0.9) {  // the numbers the chapter prints
            BOOST_TEST(peak_t == 12);
            BOOST_TEST(peak == 6.569, boost::test_tools::tolerance(1e-3));
        }
    }
    // With ε = 1e-8 the first step is the closed form first_step_over_lr gives (3.1623, 0.9487).
    Hyper d, post;
    post.beta1 = 0.7, post.beta2 = 0.9;
    gd::AdamNoBias<double> raw(d.lr, d.beta1, d.beta2, d.eps);
    const gd::Trajectory one = full_batch(ch05::Slope(1.0), raw, 1, {0, 0});
    BOOST_TEST((one.x[1] - one.x[0]) / -d.lr == ch05::first_step_over_lr(d, 1.0, false),
               boost::test_tools::tolerance(1e-14));
    BOOST_TEST(ch05::first_step_over_lr(d, 1.0, false) == 3.1623,
               boost::test_tools::tolerance(1e-4));
    BOOST_TEST(ch05::first_step_over_lr(post, 1.0, false) == 0.9487,
               boost::test_tools::tolerance(1e-4));
    ch05::ScalarAdam adam(d);  // and the corrected one is |g|/(|g| + ε)
    const gd::Trajectory two = full_batch(ch05::Slope(1.0), adam, 1, {0, 0});
    BOOST_TEST((two.x[1] - two.x[0]) / -d.lr == ch05::first_step_over_lr(d, 1.0, true),
               boost::test_tools::tolerance(1e-14));
}

// The post's run on its 30 points: restless with Adam (corrected or not), settled to the exact
// line with AMSGrad; RAdam thrown out by its five unnormalised momentum steps.
BOOST_AUTO_TEST_CASE(post_setting_is_restless_and_amsgrad_settles) {
    const gd::Points pts = post30();
    Hyper ams = post_hyper();
    ams.amsgrad = true;
    ch05::ScalarAdam adam_opt(post_hyper()), ams_opt(ams);
    gd::AdamNoBias<double> raw(1, 0.7, 0.9, 1e-8);
    const ch05::Run adam = ch05::per_sample("", adam_opt, pts, {1, 1}, 50);
    const ch05::Run uncorrected = ch05::per_sample("", raw, pts, {1, 1}, 50);
    const ch05::Run amsgrad = ch05::per_sample("", ams_opt, pts, {1, 1}, 50);
    BOOST_TEST_REQUIRE(adam.fit.loss.size() == 1501u);  // the loss after every update
    // The table's numbers (printed to 4 significant digits).
    BOOST_TEST(adam.fit.loss[30] == 54.1, boost::test_tools::tolerance(1e-3));
    BOOST_TEST(adam.fit.loss[150] == 0.6698, boost::test_tools::tolerance(1e-3));
    BOOST_TEST(swing10(adam, pts).x == 0.1877, boost::test_tools::tolerance(1e-3));
    BOOST_TEST(swing10(adam, pts).y == 0.5594, boost::test_tools::tolerance(1e-3));
    BOOST_TEST(ch05::mean_tail_loss(adam.fit, 300) == 1.596, boost::test_tools::tolerance(1e-3));
    BOOST_TEST(adam.root_v.back().x == 12.8, boost::test_tools::tolerance(5e-3));
    BOOST_TEST(uncorrected.fit.loss[30] == 28.04, boost::test_tools::tolerance(1e-3));
    BOOST_TEST(swing10(uncorrected, pts).y == 0.624, boost::test_tools::tolerance(1e-3));
    BOOST_TEST(ch05::mean_tail_loss(uncorrected.fit, 300) > 1.0);  // restless too
    BOOST_TEST(amsgrad.fit.loss.back() < 1e-27);  // the data lie exactly on the line
    BOOST_TEST(amsgrad.root_v.back().x == 366, boost::test_tools::tolerance(5e-3));
    BOOST_TEST(amsgrad.root_v.back().y == 48.6, boost::test_tools::tolerance(5e-3));

    // RAdam: ρ_t ≤ 5 for t ≤ 5 at β2 = 0.9 (and at 0.999), so updates 1-5 are η·m̂ at η = 1,
    // a hundred times per-sample SGD's limit 1/max x² ≈ 0.0104: a ends near −8.88e8.
    const gd::RAdam<double> r(1, 0.7, 0.9);
    BOOST_TEST(!(r.rho(5) > 5));
    BOOST_TEST(r.rho(6) > 5);
    const auto radam = make("radam", 1, 0.7, 0.9);
    const ch05::Run rr = ch05::per_sample("", *radam, pts, {1, 1}, 50);
    BOOST_TEST(rr.fit.path[1].x == -215.6, boost::test_tools::tolerance(1e-3));
    BOOST_TEST(rr.fit.path[5].x == -8.88e8, boost::test_tools::tolerance(1e-3));
    BOOST_TEST(rr.fit.loss.back() == 2.874e19, boost::test_tools::tolerance(1e-3));
    // At --lr 0.01 the momentum steps stay small: a stays within ±2 over the first six.
    const auto slow = make("radam", 0.01, 0.7, 0.9);
    const ch05::Run rs = ch05::per_sample("", *slow, pts, {1, 1}, 1);
    for (int t = 1; t <= 6; ++t) BOOST_TEST(std::fabs(rs.fit.path[t].x) < 2.0);
}

// What v remembers: at β2 = 0.9 the run never reaches the exact fit; at 0.99 and 0.999 it does
// (the loss is exactly 0 from updates 419 and 462 on) and stays, because g is then exactly 0.
// With noise σ = 0.1 in y there is no exact fit: β2 = 0.999 is calm at epoch 50 but kicks back
// by epoch 200. AMSGrad on the noisy points stays calm.
BOOST_AUTO_TEST_CASE(beta2_memory_decides_whether_the_post_run_settles) {
    const gd::Points exact = post30(), noisy = post30(0.1);
    const auto run = [](const gd::Points& p, Hyper h, int epochs) {
        ch05::ScalarAdam opt(h);
        return ch05::per_sample("", opt, p, {1, 1}, epochs);
    };
    const long expect[] = {-1, -1, 419, 462};
    const double b2s[] = {0.9, 0.95, 0.99, 0.999};
    for (int i = 0; i < 4; ++i) {
        const ch05::Run r = run(exact, post_hyper(b2s[i]), 50);
        BOOST_TEST(gd::settled_from(r.fit.loss, 1e-300) == expect[i]);
    }
    const ch05::Run fast = run(exact, post_hyper(0.9), 50);
    const ch05::Run slow = run(exact, post_hyper(0.999), 50);
    // The rate on b, η/√v̂_b, after epoch 3: 0.6070 against 0.0420.
    BOOST_TEST(1 / fast.root_v[90].y == 0.6070, boost::test_tools::tolerance(1e-3));
    BOOST_TEST(1 / slow.root_v[90].y == 0.0420, boost::test_tools::tolerance(2e-3));
    BOOST_TEST(swing10(fast, exact).y == 0.5594, boost::test_tools::tolerance(1e-3));
    BOOST_TEST(swing10(slow, exact).y == 0.0);
    // Noisy points, β2 = 0.999: calm after 50 epochs, restless after 200.
    BOOST_TEST(swing10(run(noisy, post_hyper(0.999), 50), noisy).y == 0.0929,
               boost::test_tools::tolerance(2e-3));
    BOOST_TEST(swing10(run(noisy, post_hyper(0.999), 200), noisy).y == 0.6094,
               boost::test_tools::tolerance(1e-3));
    BOOST_TEST(swing10(run(noisy, post_hyper(0.9), 200), noisy).y == 0.6555,
               boost::test_tools::tolerance(1e-3));
    Hyper ams = post_hyper(0.9);
    ams.amsgrad = true;
    BOOST_TEST(swing10(run(noisy, ams, 200), noisy).y == 0.0079,
               boost::test_tools::tolerance(2e-2));
}

// The rate sweep from the chapter's start: swing/η within 0.62-0.68 for b and 0.199-0.206 for
// a from η = 1 down to 0.003 (2000 epochs, the last 100 of them).
BOOST_AUTO_TEST_CASE(swing_over_eta_is_nearly_constant) {
    const gd::Points pts = post30();
    for (double lr : {1.0, 0.003}) {
        Hyper h = post_hyper();
        h.lr = lr;
        ch05::ScalarAdam opt(h);
        const ch05::Run r = ch05::per_sample("", opt, pts, {1, 1}, 2000);
        const gd::Point2 s = ch05::swing(r.fit, 3000, ch05::best_fit(pts));
        BOOST_TEST(s.y / lr == (lr == 1 ? 0.6796 : 0.6206), boost::test_tools::tolerance(1e-3));
        BOOST_TEST(s.x / lr == (lr == 1 ? 0.2037 : 0.2003), boost::test_tools::tolerance(1e-3));
    }
}

// Adam's step is scale-free: with ε = 0, shrinking every distance to the minimum and η by the
// same factor gives exactly the same run, shrunk. So the swing at the end is proportional to η.
BOOST_AUTO_TEST_CASE(step_is_scale_free_so_the_swing_is_proportional_to_eta) {
    Hyper big, small;
    big.beta1 = small.beta1 = 0.7, big.beta2 = small.beta2 = 0.9;
    big.eps = small.eps = 0;
    big.lr = 1, small.lr = 0.01;
    const gd::Point2 d{-0.5, 29};  // start (1, 1) is the minimum plus d
    const gd::LineRun r1 = line_run(ch05::ScalarAdam(big), {1.5 + d.x, -28 + d.y}, 30).fit;
    const gd::LineRun r2 =
        line_run(ch05::ScalarAdam(small), {1.5 + 0.01 * d.x, -28 + 0.01 * d.y}, 30).fit;
    BOOST_TEST_REQUIRE(r1.path.size() == r2.path.size());
    for (std::size_t k = 0; k < r1.path.size(); k += 7) {
        // Absolute 1e-9 on offsets of order 1: the 0.01 run carries −28 + small numbers, so
        // its offsets lose about 1e-14·28/0.01 ≈ 3e-11 each, growing mildly over 600 updates.
        BOOST_TEST(std::fabs(r1.path[k].x - 1.5 - (r2.path[k].x - 1.5) / 0.01) < 1e-9);
        BOOST_TEST(std::fabs(r1.path[k].y + 28 - (r2.path[k].y + 28) / 0.01) < 1e-9);
    }
    // On these 20 points, from the same start, the final swing is proportional too.
    big.eps = small.eps = 1e-8;
    const gd::Point2 a1 = ch05::amplitude(line_run(ch05::ScalarAdam(big), {1, 1}, 2000).fit, 100);
    const gd::Point2 a2 = ch05::amplitude(line_run(ch05::ScalarAdam(small), {1, 1}, 2000).fit, 100);
    BOOST_TEST(a2.y / a1.y == 0.01, boost::test_tools::tolerance(1e-4));  // ε's share ~1e-6
    BOOST_TEST(a2.x / a1.x == 0.01, boost::test_tools::tolerance(1e-4));
}

// One step from the same state, by the library: Adam normalises its L2 term with the gradient,
// AdamW subtracts ηλθ from every coordinate whatever its gradient.
BOOST_AUTO_TEST_CASE(one_step_of_adam_l2_and_adamw) {
    const double eta = 0.01, lambda = 0.1, eps = 1e-8;
    const xt::xarray<double> theta0 = {2.0, -3.0}, g = {0.5, -40.0};
    xt::xarray<double> p = theta0, q = theta0;
    gd::Adam<double> adam(eta, 0.9, 0.999, eps, lambda);
    gd::AdamW<double> adamw(eta, 0.9, 0.999, eps, lambda);
    adam.step({&p}, {&g});
    adamw.step({&q}, {&g});
    for (std::size_t i = 0; i < 2; ++i) {
        // Step 1: m̂ = g', v̂ = g'², so Adam moves by η g'/(|g'| + ε) with g' = g + λθ ...
        const double gl2 = g(i) + lambda * theta0(i);
        const double adam_expect = theta0(i) - eta * gl2 / (std::fabs(gl2) + eps);
        // ... and AdamW by ηλθ (decay) plus η g/(|g| + ε) (the Adam step of g alone).
        const double w_expect =
            theta0(i) * (1 - eta * lambda) - eta * g(i) / (std::fabs(g(i)) + eps);
        // 1e-15 relative: the same operations in another order, a few roundings.
        BOOST_TEST(p(i) == adam_expect, boost::test_tools::tolerance(1e-15));
        BOOST_TEST(q(i) == w_expect, boost::test_tools::tolerance(1e-15));
    }
    // On the steep coordinate Adam's decay has vanished in the normalisation (the step is η,
    // as with λ = 0, to within ε's share), while AdamW's decay moved it by ηλ|θ| = 0.003.
    BOOST_TEST(std::fabs((p(1) - theta0(1)) - eta) < 1e-10);
    BOOST_TEST(std::fabs((q(1) - theta0(1)) - (eta + eta * lambda * 3.0)) < 1e-10);
}

// Where the full-batch runs end: Adam + L2 at the ridge solution (H + λI)θ = Hθ*, whatever the
// coordinates' scales; AdamW at the box |θ_i| ≤ 1/λ when the minimum lies outside it.
BOOST_AUTO_TEST_CASE(weight_decay_fixed_points) {
    const gd::LinearFit f;
    const gd::Points pts = gd::post_points();
    double sx = 0, sxx = 0;
    for (double x : pts.x) sx += x, sxx += x * x;
    const double n = double(pts.size());
    const double h11 = 2 * sxx / n, h12 = 2 * sx / n, h22 = 2;  // Hessian of the mean loss
    const double lambda = 0.05;
    const double r1 = h11 * 1.5 + h12 * -28, r2 = h12 * 1.5 + h22 * -28;  // Hθ*
    const double a11 = h11 + lambda, a22 = h22 + lambda, det = a11 * a22 - h12 * h12;
    const double ridge_a = (r1 * a22 - h12 * r2) / det, ridge_b = (a11 * r2 - h12 * r1) / det;

    Hyper h;
    h.lr = 0.1, h.decay = lambda;
    ch05::ScalarAdam adam(h);
    const gd::Trajectory l2 = full_batch(f, adam, 20000);
    h.decoupled = true;
    ch05::ScalarAdam adamw(h);
    const gd::Trajectory w = full_batch(f, adamw, 20000);
    BOOST_TEST_REQUIRE(l2.size() == 20001u);
    BOOST_TEST_REQUIRE(w.size() == 20001u);
    // Adam keeps jittering by a fraction of η = 0.1 about its fixed point: 0.02 is enough.
    BOOST_TEST(std::fabs(l2.x.back() - ridge_a) < 0.02);
    BOOST_TEST(std::fabs(l2.y.back() - ridge_b) < 0.02);
    BOOST_TEST(std::fabs(w.y.back() - (-1 / lambda)) < 0.05);  // on the edge b = −20
    const gd::Point2 g = f.grad(w.x.back(), w.y.back());
    BOOST_TEST(std::fabs(g.x) < 0.05 * std::fabs(g.y));  // a is free: its gradient ≈ 0
    // The numbers the chapter prints.
    BOOST_TEST(l2.y.back() == -27.3116, boost::test_tools::tolerance(1e-5));
    BOOST_TEST(w.y.back() == -19.9838, boost::test_tools::tolerance(1e-5));
}

// Adamax: its largest step over η against Adam's, per sample in the post's setting; the bound
// (1 − β1)/(1 − β1/β2) on |m̂|/u once the correction has faded.
BOOST_AUTO_TEST_CASE(adamax_steps_stay_near_eta) {
    const gd::Points pts = post30();
    const auto largest = [&](const std::string& name, double b1, double b2) {
        const auto opt = make(name, 1, b1, b2);
        return ch05::largest_step(ch05::per_sample("", *opt, pts, {1, 1}, 50).fit);
    };
    BOOST_TEST(largest("adam", 0.9, 0.999) == 2.917, boost::test_tools::tolerance(1e-3));
    BOOST_TEST(largest("adamax", 0.9, 0.999) == 1.000, boost::test_tools::tolerance(1e-3));
    BOOST_TEST(largest("adam", 0.7, 0.9) == 1.142, boost::test_tools::tolerance(1e-3));
    BOOST_TEST(largest("adamax", 0.7, 0.9) == 1.072, boost::test_tools::tolerance(1e-3));
    BOOST_TEST(largest("adamax", 0.7, 0.9) < (1 - 0.7) / (1 - 0.7 / 0.9));
}

// NAdam on the ravine at η = 0.3: the steps to 1e-6 of Adam, NAdam, NAdam with μ_t = β1 from the
// start (the look-ahead alone) and Adam at β1 = 0.45 (NAdam's first μ_1).
BOOST_AUTO_TEST_CASE(nadam_gains_mostly_from_its_small_early_momentum) {
    gd::OptimizerConfig c;
    c.lr = 0.3;
    gd::OptimizerConfig look = c, half = c;
    look.momentum_decay = 1e3;
    half.beta1 = 0.45;
    const auto steps = [](const std::string& name, const gd::OptimizerConfig& cfg) {
        const auto opt = gd::make_optimizer<double>(name, cfg);
        return ch05::on_ravine("", *opt, nullptr, 2000);
    };
    const gd::Trajectory adam = steps("adam", c), nadam = steps("nadam", c);
    BOOST_TEST(to_1e6(adam) == 132);
    BOOST_TEST(to_1e6(nadam) == 66);
    BOOST_TEST(to_1e6(steps("nadam", look)) == 95);
    BOOST_TEST(to_1e6(steps("adam", half)) == 52);
    BOOST_TEST(*std::max_element(adam.x.begin(), adam.x.end()) == 0.8329,
               boost::test_tools::tolerance(1e-3));
    BOOST_TEST(*std::max_element(nadam.x.begin(), nadam.x.end()) == 0.1866,
               boost::test_tools::tolerance(1e-3));
}

// RAdam's rectification r_t (β2 = 0.999) and the runs on the ravine at η = 0.3: Adam, RAdam and
// Adam behind a linear warm-up over 1000 steps from 0.01.
BOOST_AUTO_TEST_CASE(radam_warmup_against_an_explicit_one) {
    BOOST_TEST(ch05::rectification(0.999, 5) == 0.0);
    BOOST_TEST(ch05::rectification(0.999, 6) == 0.0258, boost::test_tools::tolerance(2e-3));
    BOOST_TEST(ch05::rectification(0.999, 100) == 0.2153, boost::test_tools::tolerance(1e-3));
    BOOST_TEST(ch05::rectification(0.999, 1000) == 0.6453, boost::test_tools::tolerance(1e-3));
    const std::vector<double> spread = ch05::adaptive_rate_spread(2000, 3000, 0.999, 7);
    BOOST_TEST(spread[0] == 17.4342, boost::test_tools::tolerance(1e-4));
    BOOST_TEST(spread[2999] == 0.0583, boost::test_tools::tolerance(2e-3));
    BOOST_TEST(spread[99] * ch05::rectification(0.999, 100) == 0.0517,
               boost::test_tools::tolerance(2e-3));
    gd::ScheduleConfig sc;
    sc.warmup_steps = 1000, sc.warmup_factor = 0.01;
    const auto warmup = gd::make_schedule("constant", 0.3, sc);
    gd::OptimizerConfig c;
    c.lr = 0.3;
    const auto adam = gd::make_optimizer<double>("adam", c);
    const auto radam = gd::make_optimizer<double>("radam", c);
    const auto warm = gd::make_optimizer<double>("adam", c);
    BOOST_TEST(to_1e6(ch05::on_ravine("", *adam, nullptr, 2000)) == 132);
    BOOST_TEST(to_1e6(ch05::on_ravine("", *radam, nullptr, 2000)) == 163);
    BOOST_TEST(to_1e6(ch05::on_ravine("", *warm, warmup.get(), 2000)) == 317);
}

// The exercises' numbers: the first step at |g| = ε/√(1 − β2), half its large-gradient value;
// --beta2 0.999 (Adamax settles too); --lr 0.01 (where b ends); --decay 0.5 and 0.0366 (AdamW's
// end against the cap 1/ω).
BOOST_AUTO_TEST_CASE(exercise_numbers) {
    const Hyper d;  // torch's defaults
    BOOST_TEST(ch05::first_step_over_lr(d, 1e-8 / std::sqrt(0.001), false) == 1.581,
               boost::test_tools::tolerance(1e-3));

    const gd::Points pts = post30();
    const auto adamax = make("adamax", 1, 0.7, 0.999);
    const ch05::Run mx = ch05::per_sample("", *adamax, pts, {1, 1}, 50);
    BOOST_TEST(ch05::mean_tail_loss(mx.fit, 300) < 1e-27);
    ch05::ScalarAdam calm(post_hyper(0.999));
    const ch05::Run c = ch05::per_sample("", calm, pts, {1, 1}, 50);
    BOOST_TEST(c.fit.loss[150] == 2.422e-8, boost::test_tools::tolerance(1e-3));
    BOOST_TEST(ch05::mean_tail_loss(c.fit, 300) == 0.0);

    Hyper slow = post_hyper();
    slow.lr = 0.01;
    ch05::ScalarAdam adam(slow);
    BOOST_TEST(ch05::per_sample("", adam, pts, {1, 1}, 50).fit.end().y == -13.918,
               boost::test_tools::tolerance(1e-4));
    const auto radam = make("radam", 0.01, 0.7, 0.9);
    BOOST_TEST(ch05::per_sample("", *radam, pts, {1, 1}, 50).fit.end().y == -15.553,
               boost::test_tools::tolerance(1e-4));

    const gd::LinearFit f;
    for (const auto& [omega, a, b] :
         {std::tuple{0.5, 1.9060, -1.9999}, std::tuple{0.0366, 1.5328, -26.1933}}) {
        Hyper h;
        h.lr = 0.1, h.decay = omega, h.decoupled = true;
        const gd::Trajectory w = ch05::full_batch("", f, {1, 1}, h, 20000);
        BOOST_TEST(w.x.back() == a, boost::test_tools::tolerance(1e-4));
        BOOST_TEST(w.y.back() == b, boost::test_tools::tolerance(1e-4));
    }
    Hyper l2;
    l2.lr = 0.1, l2.decay = 0.5;
    const gd::Trajectory r = ch05::full_batch("", f, {1, 1}, l2, 20000);
    BOOST_TEST(r.x.back() == 1.5884, boost::test_tools::tolerance(1e-4));
    BOOST_TEST(r.y.back() == -22.3647, boost::test_tools::tolerance(1e-5));
}

// The controls the text quotes for sections 7 and 8 (--variant-lr 0.1 and 1): steps to 1e-6 of
// Adam, NAdam, NAdam with μ_t = β1, Adam at β1 = 0.45 and RAdam; and AMSGrad's b at --lr 0.01.
BOOST_AUTO_TEST_CASE(variant_controls_at_other_rates) {
    const auto steps = [](const std::string& name, double lr, double psi, double b1) {
        gd::OptimizerConfig c;
        c.lr = lr, c.beta1 = b1;
        if (psi > 0) c.momentum_decay = psi;
        const auto opt = gd::make_optimizer<double>(name, c);
        return to_1e6(ch05::on_ravine("", *opt, nullptr, 2000));
    };
    // η = 1: Adam 131, NAdam 34, the look-ahead alone 53, β1 = 0.45 20, RAdam 140.
    BOOST_TEST(steps("adam", 1, 0, 0.9) == 131);
    BOOST_TEST(steps("nadam", 1, 0, 0.9) == 34);
    BOOST_TEST(steps("nadam", 1, 1e3, 0.9) == 53);
    BOOST_TEST(steps("adam", 1, 0, 0.45) == 20);
    BOOST_TEST(steps("radam", 1, 0, 0.9) == 140);
    // η = 0.1: Adam 147, NAdam 140, β1 = 0.45 171, RAdam 494.
    BOOST_TEST(steps("adam", 0.1, 0, 0.9) == 147);
    BOOST_TEST(steps("nadam", 0.1, 0, 0.9) == 140);
    BOOST_TEST(steps("adam", 0.1, 0, 0.45) == 171);
    BOOST_TEST(steps("radam", 0.1, 0, 0.9) == 494);

    Hyper ams = post_hyper();
    ams.lr = 0.01, ams.amsgrad = true;
    ch05::ScalarAdam opt(ams);
    BOOST_TEST(ch05::per_sample("", opt, post30(), {1, 1}, 50).fit.end().y == -10.563,
               boost::test_tools::tolerance(1e-4));
}

BOOST_AUTO_TEST_SUITE_END()  // test_05_adam
