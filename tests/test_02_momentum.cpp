// Chapter 02: the three forms of momentum are one path, and the chapter's claims in numbers.
#define BOOST_TEST_MODULE momentum
#include <boost/test/unit_test.hpp>

#include <cmath>
#include <vector>

#include <xtensor/xarray.hpp>

#include "02_momentum/momentum.hpp"
#include "optim/momentum_ema.hpp"
#include "optim/sgd.hpp"
#include "problems/line_fit.hpp"
#include "problems/quadratic_theory.hpp"
#include "problems/surfaces.hpp"
#include "schedule/decay.hpp"
#include "train/descent.hpp"
#include "train/line_training.hpp"

namespace {

// Rounding tolerance for two forms of the same path. Each update rounds a handful of times, a
// relative error of about ε = 2.2e-16 on numbers of size |θ| ≤ 30 (line fit) or ≤ 5 (ravine),
// and both problems are contracting, so the differences add up at worst linearly: 3000 updates
// × 30 × 2.2e-16 × 5 roundings ≈ 1e-10. The chapter measures 3.6e-15; 1e-10 is the bound, and a
// wrong rescaling (η instead of η(1−β)) is off by O(1).
constexpr double kPathTol = 1e-10;

const gd::Point2 kStart{0, 0};

// The chapter's runs on the line fit: per sample, the points in their order, from (0, 0).
gd::LineRun per_sample(gd::Optimizer<double>& opt, int epochs) {
    gd::LineTraining how;
    how.epochs = epochs;
    return gd::train_line(opt, gd::post_points(), kStart, how);
}

}  // namespace

// ema_momentum is gd::MomentumEma run by gd::train_line; the post's loop, written out here on a
// and b, does the same operations in the same order, so the two agree bit for bit: every
// recorded gradient g and average v, every point and every epoch's loss.
BOOST_AUTO_TEST_CASE(ema_momentum_is_the_posts_rule) {
    const gd::Points p = gd::post_points();
    const double lr = 0.001, beta = 0.95;
    const ch02::EmaRun run = ch02::ema_momentum(p, kStart, lr, beta, 150);
    BOOST_TEST_REQUIRE(run.steps.size() == 3000u);
    BOOST_TEST_REQUIRE(run.line.path.size() == 3001u);
    BOOST_TEST_REQUIRE(run.line.epoch_loss.size() == 151u);
    double a = kStart.x, b = kStart.y, va = 0, vb = 0;  // v₀ = 0
    BOOST_TEST(run.line.epoch_loss[0] == gd::mean_loss(a, b, p));
    std::size_t k = 0;
    for (int e = 1; e <= 150; ++e) {
        for (std::size_t i = 0; i < p.size(); ++i, ++k) {
            const gd::Grad2 g = gd::sample_grad(a, b, p.x[i], p.y[i]);  // at the old point
            va = beta * va + (1 - beta) * g.a;                          // v ← βv + (1−β)g
            vb = beta * vb + (1 - beta) * g.b;
            a = a - lr * va;  // θ ← θ − ηv
            b = b - lr * vb;
            const ch02::Record& r = run.steps[k];
            BOOST_TEST_REQUIRE(r.ga == g.a);
            BOOST_TEST_REQUIRE(r.gb == g.b);
            BOOST_TEST_REQUIRE(r.va == va);
            BOOST_TEST_REQUIRE(r.vb == vb);
            BOOST_TEST_REQUIRE(run.line.path[k + 1].x == a);
            BOOST_TEST_REQUIRE(run.line.path[k + 1].y == b);
        }
        BOOST_TEST(run.line.epoch_loss[e] == gd::mean_loss(a, b, p));
    }
    BOOST_TEST(run.line.diverged_at == -1);
}

// Plain gd::Sgd per sample is chapter 01's textbook loop (both partial derivatives at the old
// point), written out here as chapter 01 first wrote it, bit for bit (b = -27.93844).
BOOST_AUTO_TEST_CASE(plain_sgd_is_chapter_01) {
    const gd::Points p = gd::post_points();
    gd::Sgd<double> opt(0.001);
    const gd::LineRun run = per_sample(opt, 150);
    double a = 0, b = 0;
    for (int e = 0; e < 150; ++e) {
        for (std::size_t i = 0; i < p.size(); ++i) {
            const gd::Grad2 g = gd::sample_grad(a, b, p.x[i], p.y[i]);
            a -= 0.001 * g.a;  // θ ← θ − ηg
            b -= 0.001 * g.b;
        }
    }
    BOOST_TEST(run.end().x == a);
    BOOST_TEST(run.end().y == b);
    BOOST_TEST(b == -27.93844, boost::test_tools::tolerance(2e-7));  // as printed, 5 decimals
}

// The buffers themselves: v_k = (1 − β)·b_k at every step k, though v₁ = (1 − β)g₁ and b₁ = g₁.
// Relative tolerance: a few roundings per step on a recursion that forgets its past at rate β,
// so the relative error stays at a few ε/(1 − β) ≈ 1e-14; we allow 1e-12.
BOOST_AUTO_TEST_CASE(ema_average_is_scaled_torch_velocity) {
    const double lr = 0.001, beta = 0.95;
    gd::MomentumEma<double> ema(lr, beta);
    gd::Sgd<double> torch(lr * (1 - beta), beta);
    // Each optimizer's buffer after every update, read through Optimizer::state.
    const auto buffers = [](gd::Optimizer<double>& opt, const char* name) {
        std::vector<xt::xarray<double>> seen;
        gd::LineTraining how;
        how.epochs = 20;  // 400 updates
        how.observe = [&](long, const xt::xarray<double>&) { seen.push_back(opt.state(name)[0]); };
        gd::train_line(opt, gd::post_points(), kStart, how);
        return seen;
    };
    const auto v = buffers(ema, "velocity"), vel = buffers(torch, "momentum_buffer");
    BOOST_TEST_REQUIRE(v.size() == 400u);
    BOOST_TEST_REQUIRE(vel.size() == 400u);
    for (std::size_t k = 0; k < v.size(); ++k) {
        BOOST_REQUIRE(v[k].size() == 2u);
        BOOST_REQUIRE(vel[k].size() == 2u);
        for (std::size_t j = 0; j < 2; ++j) {
            BOOST_TEST(v[k](j) == (1 - beta) * vel[k](j), boost::test_tools::tolerance(1e-12));
        }
    }
}

// EMA at rate η and torch at rate η(1−β): the same path, per sample on the line fit (3000
// updates) and on the ravine (300 updates), also under a schedule (both rates scaled alike).
BOOST_AUTO_TEST_CASE(ema_path_is_torch_path_at_rescaled_rate) {
    for (double beta : {0.5, 0.9, 0.95}) {
        gd::MomentumEma<double> ema(0.001, beta);
        gd::Sgd<double> torch(0.001 * (1 - beta), beta);
        const auto e = per_sample(ema, 150);
        const auto t = per_sample(torch, 150);
        BOOST_TEST(e.path.size() == 3001u);
        BOOST_TEST(ch02::max_gap(e.path, t.path) < kPathTol);

        gd::MomentumEma<double> wrong(0.001, beta);  // the same η in both forms: another path
        gd::Sgd<double> torch_same(0.001, beta);
        BOOST_TEST(ch02::max_gap(per_sample(wrong, 150).path, per_sample(torch_same, 150).path) >
                   0.1);
    }
    const double eta = 4.0, mu = 0.9;
    BOOST_TEST(ch02::max_gap(ch02::on_ravine(gd::MomentumEma<double>(eta, mu), 300),
                             ch02::on_ravine(gd::Sgd<double>(eta * (1 - mu), mu), 300)) < kPathTol);
    const gd::StepDecay se(eta, 25, 0.1), st(eta * (1 - mu), 25, 0.1);
    BOOST_TEST(ch02::max_gap(ch02::on_ravine(gd::MomentumEma<double>(eta, mu), 100, &se),
                             ch02::on_ravine(gd::Sgd<double>(eta * (1 - mu), mu), 100, &st)) <
               kPathTol);
}

// The lecture's Δw is torch's velocity times η while η is constant; once η changes, they part.
BOOST_AUTO_TEST_CASE(delta_w_is_torch_only_at_constant_rate) {
    ch02::DeltaW dw(5e-5, 0.95);
    gd::Sgd<double> torch(5e-5, 0.95);
    BOOST_TEST(ch02::max_gap(per_sample(dw, 150).path, per_sample(torch, 150).path) < kPathTol);
    BOOST_TEST(ch02::max_gap(ch02::on_ravine(ch02::DeltaW(0.4, 0.9), 300),
                             ch02::on_ravine(gd::Sgd<double>(0.4, 0.9), 300)) < kPathTol);
    // With StepLR the chapter prints a gap of 1.6: far beyond rounding.
    const gd::StepDecay s(0.4, 25, 0.1);
    const double gap = ch02::max_gap(ch02::on_ravine(ch02::DeltaW(0.4, 0.9), 100, &s),
                                     ch02::on_ravine(gd::Sgd<double>(0.4, 0.9), 100, &s));
    BOOST_TEST(gap > 1.0);
    BOOST_TEST(gap < 2.0);
}

// The velocity's long-run step: η/(1−μ) for a steady gradient, η/(1+μ) for one that flips
// sign every update. After 300 updates μ^300 ≤ 2e-14 of the start is left, hence 1e-12.
BOOST_AUTO_TEST_CASE(effective_step_of_the_velocity) {
    for (double mu : {0.5, 0.9}) {
        for (int flip : {0, 1}) {
            gd::Sgd<double> opt(0.1, mu);
            xt::xarray<double> theta = {0.0}, g = {1.0};
            double before = 0;
            for (int k = 0; k < 300; ++k) {
                g(0) = (flip && k % 2) ? -1.0 : 1.0;
                before = theta(0);
                opt.step({&theta}, {&g});
            }
            const double expected = 0.1 / (flip ? 1 + mu : 1 - mu);
            BOOST_TEST(std::abs(theta(0) - before) == expected,
                       boost::test_tools::tolerance(1e-12));
        }
    }
}

// On the line fit at the same η: the average is as slow as plain SGD (loss within a factor 1.2
// after 150 epochs), the velocity reaches rounding level (the chapter prints 1.1e-28).
BOOST_AUTO_TEST_CASE(same_rate_average_is_slow_velocity_is_fast) {
    gd::Sgd<double> plain(0.001), velocity(0.001, 0.95);
    gd::MomentumEma<double> ema(0.001, 0.95);
    const double lp = per_sample(plain, 150).epoch_loss.back();
    const double le = per_sample(ema, 150).epoch_loss.back();
    const double lv = per_sample(velocity, 150).epoch_loss.back();
    BOOST_TEST(lp == 0.003759, boost::test_tools::tolerance(1e-3));  // as printed, 4 digits
    BOOST_TEST(le == 0.003389, boost::test_tools::tolerance(1e-3));
    BOOST_TEST(le / lp > 1 / 1.2);
    BOOST_TEST(lv < 1e-20);
}

// The average keeps the gradient's mean and removes most of its spread (epoch 21, β = 0.95).
BOOST_AUTO_TEST_CASE(average_smooths_the_per_sample_gradient) {
    const ch02::EmaRun run = ch02::ema_momentum(gd::post_points(), kStart, 0.001, 0.95, 150);
    auto spread = [&](int j) { return ch02::mean_sd(run.steps, 400, 420, j).sd; };
    const double ga = spread(0), va = spread(1), gb = spread(2), vb = spread(3);
    BOOST_TEST(va < ga / 10);  // printed: 6.9 against 132.6
    BOOST_TEST(vb < gb / 5);   // printed: 0.38 against 2.5
}

// The ravine: the loss falls per update by ρ², ρ the larger root modulus of heavy ball on the
// two axes (0.8464 for GD, 0.5991 for μ = 0.5 at η = 0.4). The fit over updates 25-50 leaves
// the transient's trace, the smaller root, at (0.646/0.774)^50 ≈ 1e-4; we allow 1e-3.
BOOST_AUTO_TEST_CASE(ravine_rates_match_heavy_ball_theory) {
    for (double mu : {0.0, 0.5}) {
        const auto run = ch02::on_ravine(gd::Sgd<double>(0.4, mu), 50);
        const double measured = std::exp(ch02::log_slope(run.loss, run.size() / 2));
        const double rho =
            std::max(gd::heavy_ball_radius(0.4, mu, 0.2), gd::heavy_ball_radius(0.4, mu, 4));
        BOOST_TEST(measured == rho * rho, boost::test_tools::tolerance(1e-3));
    }
    BOOST_TEST(gd::heavy_ball_radius(0.4, 0, 4) == 0.6, boost::test_tools::tolerance(1e-12));
    BOOST_TEST(gd::heavy_ball_radius(0.4, 0.9, 4) == std::sqrt(0.9),
               boost::test_tools::tolerance(1e-12));
    // GD at η = 0.6 leaves the ravine (|1 − 2.4| > 1); momentum 0.5 at the same rate does not.
    BOOST_TEST(ch02::on_ravine(gd::Sgd<double>(0.6), 50).loss.back() > 1e6);
    BOOST_TEST(ch02::on_ravine(gd::Sgd<double>(0.6, 0.5), 50).loss.back() < 1e-5);
}
