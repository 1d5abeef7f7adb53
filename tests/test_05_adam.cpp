// Chapter 05's claims about Adam: the written-out rule is the library's (and so torch's), the
// bias correction's first steps, the scale-free step that keeps the post's run restless, AMSGrad
// settling, and weight decay as an L2 term (Adam) against decoupled decay (AdamW).
#define BOOST_TEST_MODULE adam chapter
#include <boost/test/unit_test.hpp>

#include <cmath>
#include <string>
#include <vector>

#include <xtensor/xarray.hpp>

#include "05_adam/adam_scalar.hpp"
#include "05_adam/slope.hpp"
#include "optim/adam.hpp"
#include "problems/line_fit.hpp"
#include "problems/surfaces.hpp"
#include "train/descent.hpp"

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

// Adam on the line fit per sample from (1, 1), as the chapter runs it.
ch05::Run line_run(gd::Optimizer<double>&& opt, gd::Point2 start, int epochs) {
    return ch05::per_sample("run", opt, gd::post_points(), start, epochs);
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

// The post's run: restless with Adam (the same cycle with and without the correction), settled
// to the exact line with AMSGrad.
BOOST_AUTO_TEST_CASE(post_setting_is_restless_and_amsgrad_settles) {
    Hyper h;
    h.lr = 1, h.beta1 = 0.7, h.beta2 = 0.9;
    Hyper ams = h;
    ams.amsgrad = true;
    const gd::LineRun adam = line_run(ch05::ScalarAdam(h), {1, 1}, 50).fit;
    const gd::LineRun uncorrected =
        line_run(gd::AdamNoBias<double>(h.lr, h.beta1, h.beta2, h.eps), {1, 1}, 50).fit;
    const gd::LineRun amsgrad = line_run(ch05::ScalarAdam(ams), {1, 1}, 50).fit;
    BOOST_TEST_REQUIRE(adam.loss.size() == 1001u);  // the loss after every update
    const gd::Point2 amp = ch05::amplitude(adam, 100);
    // The swings the chapter quotes (printed to 4 decimals).
    BOOST_TEST(amp.x == 0.7107, boost::test_tools::tolerance(1e-4));
    BOOST_TEST(amp.y == 1.8482, boost::test_tools::tolerance(1e-4));
    BOOST_TEST(ch05::mean_tail_loss(adam, 100) > 1.0);  // far from 0: it never settles
    // βᵗ has vanished long before epoch 50: the two end on the same cycle (up to rounding).
    BOOST_TEST(adam.end().x == uncorrected.end().x, boost::test_tools::tolerance(1e-9));
    BOOST_TEST(adam.end().y == uncorrected.end().y, boost::test_tools::tolerance(1e-9));
    // ... but not on the same first epoch.
    BOOST_TEST(std::fabs(adam.loss[20] - uncorrected.loss[20]) > 10.0);
    BOOST_TEST(amsgrad.loss.back() < 1e-20);  // the data lie exactly on the line
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
    // From the same start (as the chapter runs it) the final swing is proportional too.
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
