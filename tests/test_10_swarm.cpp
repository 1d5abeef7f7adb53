// Chapter 10: the hive's bees are independent, controlled and correctly recorded, the fused
// engine is the tape, and the chapter's claims about momentum hold in numbers.
#define BOOST_TEST_MODULE swarm
#include <boost/test/unit_test.hpp>

#include <cmath>
#include <cstddef>
#include <vector>

#include "10_mlp_swarm/figures.hpp"
#include "10_mlp_swarm/hive.hpp"
#include "optim/sgd.hpp"

namespace {

using ch10::Record;
using ch10::Spec;
using ch10::Sweep;

const ch10::Target kTarget = ch10::sin_curve();

Sweep sweep_a() {
    return {{"momentum", {0.7, 0.9, 0.95}}, {"lr", {0.002, 0.01}}};
}

Spec small_spec(std::size_t bees, int epochs) {
    Spec s;
    s.bees = bees;
    s.epochs = epochs;
    return s;
}

// Bit-for-bit equality of bee k of `a` and bee j of `b`, every epoch, every point.
void same_bee(const Record& a, std::size_t k, const Record& b, std::size_t j) {
    BOOST_REQUIRE_EQUAL(a.epochs, b.epochs);
    BOOST_CHECK_EQUAL(a.diverged_at[k], b.diverged_at[j]);
    for (std::size_t e = 0; e < a.epochs; ++e) {
        if (std::isnan(a.l(e, k)) && std::isnan(b.l(e, j))) continue;
        BOOST_REQUIRE_EQUAL(a.l(e, k), b.l(e, j));
        for (std::size_t i = 0; i < a.points; ++i) BOOST_REQUIRE_EQUAL(a.p(e, k, i), b.p(e, j, i));
    }
}

}  // namespace

// The target is the post's: 61 points from −5 to 5, symmetric, y = sin x.
BOOST_AUTO_TEST_CASE(target_is_linspace_sin) {
    BOOST_TEST(kTarget.x.size() == 61u);
    BOOST_TEST(kTarget.x.front() == -5.0);
    BOOST_TEST(kTarget.x.back() == 5.0);
    for (std::size_t i = 0; i < 61; ++i) {
        BOOST_TEST(kTarget.x[i] == -kTarget.x[60 - i]);
        BOOST_TEST(std::abs(kTarget.x[i] - (-5.0 + double(i) / 6.0)) < 1e-15);  // one rounding
    }
}

// Controlled comparison: bee k starts from the same weights in every cell, and the same as bee
// k of a hive with a different number of bees (networks are drawn one after the other).
BOOST_AUTO_TEST_CASE(bee_k_has_the_same_start_in_every_cell) {
    const Sweep sw = sweep_a();
    const Record r = ch10::train(small_spec(4, 1), sw, kTarget);
    const std::size_t K = 4;
    for (std::size_t c = 1; c < sw.cells(); ++c)
        for (std::size_t k = 0; k < K; ++k)
            for (std::size_t i = 0; i < r.points; ++i)
                BOOST_REQUIRE_EQUAL(r.p(0, c * K + k, i), r.p(0, k, i));
    const ch10::Net two = ch10::draw_bees(small_spec(2, 1)),
                    ten = ch10::draw_bees(small_spec(10, 1));
    for (std::size_t l = 0; l < two.W.size(); ++l)
        for (std::size_t q = 0; q < two.W[l].size(); ++q)
            BOOST_REQUIRE_EQUAL(two.W[l][q], ten.W[l][q]);
    // ...and bees differ from each other (the comparison would be empty otherwise).
    BOOST_TEST(r.p(0, 0, 30) != r.p(0, 1, 30));
}

// Epoch 0 is the random initial network: recomputed here by hand from the drawn weights,
// ŷ(x) = Σ_j v_j·relu(w_j x + b_j) + c. The sums run in another order than the engine's, so
// they agree to a few roundings of numbers of size ~1: 1e-14.
BOOST_AUTO_TEST_CASE(epoch_zero_is_the_initial_network) {
    const Spec s = small_spec(3, 2);
    const ch10::Net net = ch10::draw_bees(s);
    const Record r = ch10::train(s, sweep_a(), kTarget);
    for (std::size_t k = 0; k < 3; ++k) {
        double sq = 0;
        for (std::size_t i = 0; i < 61; ++i) {
            const double x = kTarget.x[i];
            double y = net.b[1](k, 0, 0);
            for (std::size_t j = 0; j < 10; ++j)
                y += net.W[1](k, j, 0) * std::max(0.0, net.W[0](k, 0, j) * x + net.b[0](k, 0, j));
            BOOST_TEST(std::abs(r.p(0, k, i) - y) < 1e-14);
            sq += (y - kTarget.y[i]) * (y - kTarget.y[i]);
        }
        BOOST_TEST(std::abs(r.l(0, k) - sq / 61) < 1e-14);
        // Epoch 1 is after one update: different.
        BOOST_TEST(r.l(1, k) != r.l(0, k));
    }
}

// No bee depends on the others: bee 2 of cell 4 trained alone (one cell, one bee, the same
// hyperparameters) is the same bee in the 6 × 4 hive, bit for bit, over 60 epochs.
BOOST_AUTO_TEST_CASE(a_bee_alone_equals_the_same_bee_in_the_hive) {
    const Spec s = small_spec(4, 60);
    const Sweep sw = sweep_a();
    const Record hive = ch10::train(s, sw, kTarget);
    const Sweep one{{"momentum", {0.95}}, {"lr", {0.002}}};  // cell 4 of sweep (a)
    const Record alone = ch10::train(s, one, kTarget, ch10::tile(ch10::draw_bees(s), 1, 2, 1));
    same_bee(hive, 4 * 4 + 2, alone, 0);
    for (const bool fused : {true, false}) {  // with either engine
        Spec t = s;
        t.fused = fused;
        same_bee(ch10::train(t, sw, kTarget), 4 * 4 + 2, alone, 0);
    }
}

// A cell at η = 50 diverges; it is marked from the first non-finite loss on, and the cell
// beside it is unaffected: equal, bit for bit, to a hive without the diverging cell.
BOOST_AUTO_TEST_CASE(divergence_is_masked_per_bee) {
    const Spec s = small_spec(3, 30);
    const Sweep both{{"momentum", {0.9}}, {"lr", {0.01, 50.0}}};
    const Sweep calm{{"momentum", {0.9}}, {"lr", {0.01}}};
    for (const bool fused : {true, false}) {
        Spec t = s;
        t.fused = fused;
        const Record r = ch10::train(t, both, kTarget), ref = ch10::train(t, calm, kTarget);
        for (std::size_t k = 0; k < 3; ++k) {
            BOOST_TEST(r.diverged_at[k] == -1);
            same_bee(r, k, ref, k);
            const int d = r.diverged_at[3 + k];
            BOOST_TEST_REQUIRE(d > 0);  // epoch 0 is the finite initial network
            BOOST_TEST(std::isfinite(r.l(std::size_t(d) - 1, 3 + k)));
            for (std::size_t e = std::size_t(d); e < r.epochs; ++e)
                BOOST_TEST(std::isnan(r.l(e, 3 + k)));
        }
    }
}

// The fused loop performs the tape's operations in the tape's order: equal bit for bit, for
// every activation and for one and two hidden layers, over 25 epochs of training. 6 × 5 = 30
// bees is no multiple of the 4 bees an AVX2 instruction holds: the bees the vectorised loop
// leaves over go through its remainder, and must agree too.
BOOST_AUTO_TEST_CASE(fused_engine_equals_the_tape) {
    for (const auto act : {gd::Activation::relu, gd::Activation::tanh, gd::Activation::sigmoid})
        for (const std::size_t depth : {1, 2}) {
            Spec s = small_spec(5, 25);
            s.act = act;
            s.sizes = depth == 1 ? std::vector<std::size_t>{1, 10, 1}
                                 : std::vector<std::size_t>{1, 6, 4, 1};
            Spec t = s;
            t.fused = false;
            const Record a = ch10::train(s, sweep_a(), kTarget);
            const Record b = ch10::train(t, sweep_a(), kTarget);
            for (std::size_t k = 0; k < a.bees; ++k) same_bee(a, k, b, k);
        }
}

// Velocity is the link between momentum and step size: under a constant gradient g the SGD
// velocity b_t = g(1 − μᵗ)/(1 − μ) → g/(1 − μ), so μ = 0.9 moves 10× as far per step as μ = 0.
// We check the exact partial sum after 400 steps: each step's velocity is one multiply-add of
// numbers ≤ 1/(1 − μ) = 20, so 400 steps accumulate at most ~400 × 20 × 1.1e-16 ≈ 1e-12 of
// relative error; 1e-11 leaves room, and a velocity without the μ term is off by a factor 3-20.
BOOST_AUTO_TEST_CASE(momentum_multiplies_the_step_by_one_over_one_minus_mu) {
    for (const double mu : {0.7, 0.9, 0.95}) {
        gd::Sgd<double> opt(0.01, mu);
        xt::xarray<double> theta = {0.0}, g = {1.0};
        double before = 0;
        for (int t = 0; t < 400; ++t) {
            before = theta(0);
            opt.step({&theta}, {&g});
        }
        const double step = before - theta(0);
        const double expected = 0.01 * (1 - std::pow(mu, 400)) / (1 - mu);
        BOOST_TEST(std::abs(step / expected - 1) < 1e-11);
    }
}

// The chapter's reading of sweep (a) and (c) in full (10 bees × 250 epochs, seed 10): at
// η = 0.01 more momentum fits better up to μ = 0.95-0.96, and μ = 0.99 is worse again (its bees
// overshoot); at η = 0.002 every cell is far from fitted.
BOOST_AUTO_TEST_CASE(the_chapter_s_claims_about_momentum) {
    const Spec s = small_spec(10, 250);
    const Record a = ch10::train(s, sweep_a(), kTarget);
    const auto median = [](const Record& r, std::size_t c) {
        return ch10::cell_stats(r, c, 10, 249, 0.02).median;
    };
    BOOST_TEST(median(a, 1) > median(a, 3));  // μ 0.7 > 0.9 at η = 0.01
    BOOST_TEST(median(a, 3) > median(a, 5));  // μ 0.9 > 0.95
    for (std::size_t c : {0, 2, 4}) BOOST_TEST(median(a, c) > 2 * median(a, c + 1));
    const Sweep c{{"momentum", {0.9, 0.96, 0.99}}, {"lr", {0.002, 0.01}}};
    const Record r = ch10::train(s, c, kTarget);
    BOOST_TEST(median(r, 5) > 1.5 * median(r, 3));  // μ 0.99 worse than 0.96 at η = 0.01
    BOOST_TEST(ch10::cell_stats(r, 5, 10, 249, 0.02).settled_median == -1);
}
