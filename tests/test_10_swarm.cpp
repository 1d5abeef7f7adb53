// Chapter 10: the hive's bees are independent, controlled and correctly recorded, the fused
// engine is the tape, and the chapter's claims about momentum hold in numbers.
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <vector>

#include "10_mlp_swarm/analysis.hpp"
#include "10_mlp_swarm/figures.hpp"
#include "10_mlp_swarm/hessian.hpp"
#include "10_mlp_swarm/hive.hpp"
#include "optim/sgd.hpp"
#include "problems/quadratic_theory.hpp"

BOOST_AUTO_TEST_SUITE(test_10_swarm)

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

// ---- The fast path: threads, and every SGD setting ------------------------------------------

// The fast loop shares the bees out over threads in blocks of eight; no bee depends on another,
// so the record is the same, bit for bit, for 1, 2 or 3 threads. 3 cells × 7 bees = 21 bees is
// no multiple of eight (the last block has spare lanes), and the cell at η = 2 diverges.
BOOST_AUTO_TEST_CASE(threads_change_nothing) {
    Spec s = small_spec(7, 40);
    s.record_theta = true;
    const Sweep sw{{"momentum", {0.9}}, {"lr", {0.001, 0.05, 2.0}}};
    const Record one = ch10::train(s, sw, kTarget);
    BOOST_TEST(one.diverged_at[14] >= 0);  // the η = 2 cell blows up
    for (const int threads : {2, 3}) {
        s.threads = threads;
        const Record r = ch10::train(s, sw, kTarget);
        for (std::size_t k = 0; k < r.bees; ++k) same_bee(one, k, r, k);
        BOOST_TEST(r.theta == one.theta);
    }
}

// Dampening and weight decay take the fast path too: equal to the tape driven by gd::Sgd, bit
// for bit, with and without momentum (torch ignores dampening when μ = 0).
BOOST_AUTO_TEST_CASE(every_sgd_setting_on_the_fast_path_equals_the_tape) {
    Spec s = small_spec(3, 30);
    s.base.weight_decay = 1e-3;
    s.base.lr = 0.01;
    const Sweep sw{{"dampening", {0.0, 0.5}}, {"momentum", {0.0, 0.9}}};
    Spec t = s;
    t.fused = false;
    const Record a = ch10::train(s, sw, kTarget), b = ch10::train(t, sw, kTarget);
    for (std::size_t k = 0; k < a.bees; ++k) same_bee(a, k, b, k);
}

// ---- The Hessian --------------------------------------------------------------------------------

namespace {

// Eigenvalues of a symmetric matrix (row-major, m × m) by cyclic Jacobi rotations.
std::vector<double> jacobi_eigenvalues(std::vector<double> a, std::size_t m) {
    for (int sweep = 0; sweep < 100; ++sweep) {
        double off = 0;
        for (std::size_t p = 0; p < m; ++p)
            for (std::size_t q = p + 1; q < m; ++q) off += a[p * m + q] * a[p * m + q];
        if (off < 1e-30) break;
        for (std::size_t p = 0; p < m; ++p)
            for (std::size_t q = p + 1; q < m; ++q) {
                const double apq = a[p * m + q];
                if (apq == 0) continue;
                const double theta = (a[q * m + q] - a[p * m + p]) / (2 * apq);
                const double t = (theta >= 0 ? 1 : -1) / (std::abs(theta) + std::hypot(theta, 1));
                const double c = 1 / std::hypot(t, 1), s = t * c;
                for (std::size_t k = 0; k < m; ++k) {  // columns p, q
                    const double kp = a[k * m + p], kq = a[k * m + q];
                    a[k * m + p] = c * kp - s * kq, a[k * m + q] = s * kp + c * kq;
                }
                for (std::size_t k = 0; k < m; ++k) {  // rows p, q
                    const double pk = a[p * m + k], qk = a[q * m + k];
                    a[p * m + k] = c * pk - s * qk, a[q * m + k] = s * pk + c * qk;
                }
            }
    }
    std::vector<double> d(m);
    for (std::size_t k = 0; k < m; ++k) d[k] = a[k * m + k];
    std::sort(d.begin(), d.end());
    return d;
}

// The exact Hessian of a 1-H-1 ReLU bee's MSE, by hand: p_i = Σ_j u_j relu(w_j x_i + b_j) + c,
// r_i = p_i − y_i, H = (2/n) Σ_i (∇p_i ∇p_iᵀ + r_i ∇²p_i), where ∇²p_i has only the entries
// ∂²p/∂u_j∂w_j = x_i and ∂²p/∂u_j∂b_j = 1 where unit j is on (relu'' = 0 off the kinks).
// Parameters in Net's order: w (H), b (H), u (H), c.
std::vector<double> exact_hessian(const double* th, std::size_t H) {
    const std::size_t P = 3 * H + 1, n = kTarget.x.size();
    std::vector<double> h(P * P, 0.0), dp(P);
    for (std::size_t i = 0; i < n; ++i) {
        const double x = kTarget.x[i];
        double p = th[3 * H];
        for (std::size_t j = 0; j < H; ++j)
            p += th[2 * H + j] * std::max(0.0, th[j] * x + th[H + j]);
        const double r = p - kTarget.y[i];
        for (std::size_t j = 0; j < H; ++j) {
            const double z = th[j] * x + th[H + j], on = z > 0 ? 1.0 : 0.0;
            dp[j] = th[2 * H + j] * on * x, dp[H + j] = th[2 * H + j] * on;
            dp[2 * H + j] = std::max(0.0, z);
            h[(2 * H + j) * P + j] += 2.0 / double(n) * r * on * x;
            h[j * P + 2 * H + j] += 2.0 / double(n) * r * on * x;
            h[(2 * H + j) * P + H + j] += 2.0 / double(n) * r * on;
            h[(H + j) * P + 2 * H + j] += 2.0 / double(n) * r * on;
        }
        dp[3 * H] = 1;
        for (std::size_t a = 0; a < P; ++a)
            for (std::size_t b = 0; b < P; ++b) h[a * P + b] += 2.0 / double(n) * dp[a] * dp[b];
    }
    return h;
}

}  // namespace

// λ_max by power iteration on central-difference Hessian-vector products (fused engine) against
// the eigenvalues of the whole 31 × 31 Hessian, itself by central differences of the tape's
// gradients, and against the exact Hessian written out by hand; at the bees' random starts and
// after 250 epochs at μ = 0.95, η = 0.01 (fitted).
BOOST_AUTO_TEST_CASE(power_iteration_finds_the_top_of_the_hessian) {
    Spec s = small_spec(4, 250);
    s.record_theta = true;
    const Sweep one{{"momentum", {0.95}}, {"lr", {0.01}}};
    const Record r = ch10::train(s, one, kTarget);
    const std::size_t P = r.per_bee, H = 10;
    Spec tape = s;
    tape.fused = false;
    for (const std::size_t e : {std::size_t{0}, r.epochs - 1}) {
        const std::vector<double> theta(r.th(e, 0), r.th(e, 0) + 4 * P);
        const auto fused_grad = [&](const std::vector<double>& th, std::vector<double>& g) {
            ch10::bee_gradients(s, kTarget, 4, th, g);
        };
        ch10::PowerIteration<decltype(fused_grad)> power(fused_grad, 4, P);
        const ch10::Curvature c = power.top(theta, 300, 7);
        // The product itself, Hv by central differences at ε = 1e-5 on a random unit v, against
        // the exact H·v: measured ≤ 7e-11 relative at both points (hessian.hpp quotes it).
        gd::Rng rng(3);
        std::vector<double> v(4 * P), hv;
        for (double& x : v) x = rng.normal();
        for (std::size_t k = 0; k < 4; ++k) {  // unit length, as power iteration uses it
            double n2 = 0;
            for (std::size_t a = 0; a < P; ++a) n2 += v[k * P + a] * v[k * P + a];
            for (std::size_t a = 0; a < P; ++a) v[k * P + a] /= std::sqrt(n2);
        }
        power.product(theta, v, hv);
        for (std::size_t k = 0; k < 4; ++k) {
            const std::vector<double> exact = exact_hessian(&theta[k * P], H);
            double err = 0, norm = 0;
            for (std::size_t a = 0; a < P; ++a) {
                double ea = 0;
                for (std::size_t b = 0; b < P; ++b) ea += exact[a * P + b] * v[k * P + b];
                err += (hv[k * P + a] - ea) * (hv[k * P + a] - ea), norm += ea * ea;
            }
            BOOST_TEST_MESSAGE("epoch " << e << " bee " << k
                                        << ": |Hv error| / |Hv| = " << std::sqrt(err / norm));
            BOOST_TEST(std::sqrt(err / norm) < 1e-9);
        }
        for (std::size_t k = 0; k < 4; ++k) {
            // The finite-difference Hessian of bee k, column by column from the tape's gradients.
            const std::vector<double> th(theta.begin() + long(k * P),
                                         theta.begin() + long((k + 1) * P));
            std::vector<double> fd(P * P), g_up, g_down, up = th, down = th;
            const double h = 1e-5;
            for (std::size_t q = 0; q < P; ++q) {
                up[q] += h, down[q] -= h;
                ch10::bee_gradients(tape, kTarget, 1, up, g_up);
                ch10::bee_gradients(tape, kTarget, 1, down, g_down);
                up[q] = down[q] = th[q];
                for (std::size_t a = 0; a < P; ++a) fd[a * P + q] = (g_up[a] - g_down[a]) / (2 * h);
            }
            const std::vector<double> exact = exact_hessian(th.data(), H);
            double worst = 0, scale = 0;  // the finite differences' error, entry by entry
            for (std::size_t q = 0; q < P * P; ++q) {
                worst = std::max(worst, std::abs(fd[q] - exact[q]));
                scale = std::max(scale, std::abs(exact[q]));
            }
            for (std::size_t a = 0; a < P; ++a)  // symmetrise: H is symmetric, its estimate nearly
                for (std::size_t b = a + 1; b < P; ++b)
                    fd[a * P + b] = fd[b * P + a] = 0.5 * (fd[a * P + b] + fd[b * P + a]);
            const double top_fd = jacobi_eigenvalues(fd, P).back();
            const double top_exact = jacobi_eigenvalues(exact, P).back();
            BOOST_TEST_INFO("epoch " << e << ", bee " << k << ": power " << c.lambda[k] << ", fd "
                                     << top_fd << ", exact " << top_exact << ", residual "
                                     << c.residual[k] << ", fd error " << worst / scale);
            // Central differences at h = 1e-5: truncation h²·|∇³L| and rounding 1e-16/h, both
            // ~1e-9 of the largest entry; measured ≤ 3e-9. A wrong entry would be off by O(1).
            BOOST_TEST(worst / scale < 1e-7);
            BOOST_TEST(std::abs(top_fd / top_exact - 1) < 1e-7);
            // Power iteration, 300 steps: converged to 1e-6 of λ (the residual says how far).
            BOOST_TEST(c.residual[k] < 1e-3);
            BOOST_TEST(std::abs(c.lambda[k] / top_exact - 1) < 1e-6);
            BOOST_TEST_MESSAGE("epoch " << e << " bee " << k << ": power " << c.lambda[k] << ", fd "
                                        << top_fd << ", exact " << top_exact << ", residual "
                                        << c.residual[k] << ", fd error " << worst / scale);
        }
    }
}

// ---- The chapter's numbers (README.md quotes them) --------------------------------------------

// The post's zoom, bee 1 of μ = 0, η = 0.05 at epochs 112-123, is calm here: ηλ_max between
// 1.5 and 1.7, below heavy ball's edge 2, and a step along the sharpest direction below 1e-6.
// The same cell's largest jump in loss is bee 4's, x1.49 at epoch 141: there ηλ_max > 2 and
// the step along the sharpest direction flips sign every epoch, growing by |1 − ηλ_max| (within
// 5% while it is small); its sharpness climbs past 2 by epoch 100 and falls back after the jump.
BOOST_AUTO_TEST_CASE(the_zoom_is_calm_and_the_shake_overshoots) {
    Spec s = small_spec(10, 250);
    s.record_theta = true;
    const Sweep one{{"momentum", {0.0}}, {"lr", {0.05}}};
    const Record r = ch10::train(s, one, kTarget);
    for (const auto& z : ch10::zoom_epochs(s, kTarget, r, 1, 112, 12, 0.05)) {
        BOOST_TEST(z.eta_lambda > 1.5);
        BOOST_TEST(z.eta_lambda < 1.7);
        BOOST_TEST(std::abs(z.step_along_top) < 1e-6);
    }
    std::size_t bee = 0, jump = 0;
    double worst = 0;
    for (std::size_t k = 0; k < 10; ++k)
        for (std::size_t e = 10; e < 250; ++e)
            if (r.l(e, k) / r.l(e - 1, k) > worst)
                worst = r.l(e, k) / r.l(e - 1, k), bee = k, jump = e;
    BOOST_TEST(bee == 4u);
    BOOST_TEST(jump == 141u);
    BOOST_TEST(std::abs(worst - 1.49) < 0.005);
    const auto shake = ch10::zoom_epochs(s, kTarget, r, 4, 137, 12, 0.05);
    for (std::size_t i = 1; i < shake.size(); ++i)
        BOOST_TEST(shake[i].step_along_top * shake[i - 1].step_along_top < 0);  // flips
    for (std::size_t i = 1; i < 6; ++i) {
        BOOST_TEST(shake[i].eta_lambda > 2);
        const double growth = std::abs(shake[i].step_along_top / shake[i - 1].step_along_top);
        BOOST_TEST(std::abs(growth / std::abs(1 - shake[i].eta_lambda) - 1) < 0.05);
    }
    // Exercise 3: at epoch 88 ηλ_max = 2.004 and the step along the top direction is 5.8e-5;
    // 1.7e-4 at epoch 100 and 5.1e-4 at epoch 110 (about 11% more an epoch).
    const auto before = ch10::zoom_epochs(s, kTarget, r, 4, 88, 1, 0.05);
    BOOST_TEST(std::abs(before[0].eta_lambda - 2.004) < 5e-4);
    BOOST_TEST(std::abs(std::abs(before[0].step_along_top) - 5.8e-5) < 0.1e-5);
    const auto at100 = ch10::zoom_epochs(s, kTarget, r, 4, 100, 1, 0.05);
    const auto at110 = ch10::zoom_epochs(s, kTarget, r, 4, 110, 1, 0.05);
    BOOST_TEST(std::abs(std::abs(at100[0].step_along_top) - 1.7e-4) < 0.05e-4);
    BOOST_TEST(std::abs(std::abs(at110[0].step_along_top) - 5.1e-4) < 0.05e-4);
    const auto sharp = ch10::sharpness(s, kTarget, r, 4, {0, 100, 160}, 0.05);
    BOOST_TEST(sharp[0] < 1.5);
    BOOST_TEST(sharp[1] > 2.0);
    BOOST_TEST(sharp[2] < 1.8);
}

// Restless bees' kinks travel: in hive (c) the kinks of μ = 0.99, η = 0.01 travel more than
// five times as far within the data range as those of μ = 0.9, η = 0.01, and reach |x| >= 4
// three times as often; μ = 0.99 at η = 0.002 travels further than μ = 0.96 at η = 0.01 though
// its effective step η/(1 − μ) is smaller (0.2 against 0.25). With 10 bees and with 32.
BOOST_AUTO_TEST_CASE(restless_bees_move_their_kinks_further) {
    const Sweep c{{"momentum", {0.9, 0.96, 0.99}}, {"lr", {0.002, 0.01}}};
    for (const std::size_t K : {10, 32}) {
        Spec s = small_spec(K, 250);
        s.record_theta = true, s.record_pred = false;
        const Record r = ch10::train(s, c, kTarget);
        const auto x = [&](std::size_t cell) { return ch10::exploration(r, cell, K, 10); };
        BOOST_TEST(x(5).path > 5 * x(1).path);  // 6.94 / 1.11 and 6.87 / 1.27: 6.3 and 5.4
        BOOST_TEST(x(5).path < 6.5 * x(1).path);
        BOOST_TEST(x(5).edge_units > 3 * x(1).edge_units);
        BOOST_TEST(x(4).path > x(3).path);
        BOOST_TEST(x(4).bins > x(3).bins);
        // ...but they do not stay there: at the last epoch 3% of μ = 0.99, η = 0.01's kinks sit
        // in the outer bands, a sixteenth of those that went there; μ = 0.9 keeps up to 7.5%.
        BOOST_TEST(x(5).edge_at_end <= 0.03);
        BOOST_TEST(x(5).edge_at_end < x(5).edge_units / 15);
        BOOST_TEST(std::max(x(0).edge_at_end, x(1).edge_at_end) <= 0.075);
    }
}

// Exercise 4: tanh bees in hive (c) fit better than ReLU ones (μ = 0.96, η = 0.01: median
// 0.0064 against 0.0115), and at μ = 0.99, η = 0.01 seven of ten settle, against none.
BOOST_AUTO_TEST_CASE(tanh_bees_in_hive_c) {
    const Sweep c{{"momentum", {0.9, 0.96, 0.99}}, {"lr", {0.002, 0.01}}};
    Spec s = small_spec(10, 250);
    s.act = gd::Activation::tanh;
    const Record r = ch10::train(s, c, kTarget);
    BOOST_TEST(std::abs(ch10::cell_stats(r, 3, 10, 249, 0.02).median - 0.0064) < 5e-5);
    int settled = 0;
    for (std::size_t k = 50; k < 60; ++k) settled += ch10::settled_epoch(r, k, 0.02) >= 0;
    BOOST_TEST(settled == 7);
}

namespace {

ch10::Sweep phase_sweep() {
    ch10::Sweep sw{{"momentum", {}}, {"lr", {}}};
    for (int i = 0; i < 16; ++i) {
        sw.rows.values.push_back(0.99 * i / 15);
        sw.cols.values.push_back(std::pow(10.0, -3 + 2.0 * i / 15));
    }
    return sw;
}

}  // namespace

// The phase diagram, 16 × 16 cells × 32 bees: 1,863 bees settle; no bee blows up with
// μ <= 0.462 at any rate up to 0.1, while at μ = 0.99 one does from η = 0.0117 on and half from
// η = 0.0293 on; at μ = 0.99 the loss keeps rising in at least 40% of the second half's epochs
// at every rate, below μ = 0.9 and η = 0.04 in none. Settled bees sit at most 15% above the
// stability edge, and at η = 0.1 (μ = 0 and μ = 0.924) near it.
BOOST_AUTO_TEST_CASE(the_phase_diagram_against_the_theory) {
    const Sweep sw = phase_sweep();
    Spec s = small_spec(32, 250);
    s.record_pred = false;
    const Record r = ch10::train(s, sw, kTarget);
    const auto cells = ch10::phase_cells(r, sw.cells(), 0.02);
    double settled = 0;
    constexpr std::size_t kSide = 16;
    for (const auto& p : cells) settled += p.settled * 32;
    BOOST_TEST(std::lround(settled) == 1863);
    for (std::size_t c = 0; c < 8 * kSide; ++c) BOOST_TEST(cells[c].diverged == 0);  // μ <= 0.462
    BOOST_TEST(cells[15 * kSide + 7].diverged == 0);  // μ = 0.99, η = 0.0086
    BOOST_TEST(cells[15 * kSide + 8].diverged > 0);   // η = 0.0117
    BOOST_TEST(cells[15 * kSide + 10].diverged < 0.5);
    BOOST_TEST(cells[15 * kSide + 11].diverged >= 0.5);  // η = 0.0293
    for (std::size_t j = 0; j < 16; ++j) {
        if (cells[15 * kSide + j].diverged < 1) BOOST_TEST(cells[15 * kSide + j].rises >= 0.4);
        for (std::size_t i = 0; i < 14 && j < 13; ++i) BOOST_TEST(cells[i * kSide + j].rises == 0);
    }
    // The curvature of the settled bees of two cells at η = 0.1, against the edge.
    for (const std::size_t cell : {std::size_t{15}, std::size_t{14 * 16 + 15}}) {
        std::vector<double> theta;
        const std::size_t P = r.per_bee;
        for (std::size_t k = cell * 32; k < (cell + 1) * 32; ++k)
            if (ch10::settled_epoch(r, k, 0.02) >= 0) {
                theta.resize(theta.size() + P);
                r.last_net.get(k, &theta[theta.size() - P]);
            }
        BOOST_TEST_REQUIRE(!theta.empty());
        const auto grad = [&](const std::vector<double>& th, std::vector<double>& g) {
            ch10::bee_gradients(s, kTarget, th.size() / P, th, g);
        };
        ch10::PowerIteration<decltype(grad)> power(grad, theta.size() / P, P, 1e-7);
        const double mu = sw.rows.values[cell / 16];
        for (const double lambda : power.top(theta, 200, 1).lambda) {
            const double ratio = 0.1 * lambda / gd::heavy_ball_limit(mu);
            BOOST_TEST(ratio > 0.75);
            BOOST_TEST(ratio < 1.16);
        }
    }
}

// Dampening τ is SGD at rate η(1 − τ) but for the first step: after 250 epochs the median
// loss of each dampened cell is within 7% of its twin's for μ <= 0.96, and the bouncing of
// μ = 0.99 is not tamed: its loss rises in 40-50% of the late epochs whatever τ.
BOOST_AUTO_TEST_CASE(dampening_is_a_smaller_rate) {
    Spec s = small_spec(32, 250);
    s.record_pred = false;
    s.base.lr = 0.01;
    const Sweep damped{{"dampening", {0.0, 0.5, 0.9}}, {"momentum", {0.9, 0.96, 0.99}}};
    const Sweep twin{{"lr", {0.01, 0.005, 0.001}}, {"momentum", {0.9, 0.96, 0.99}}};
    const Record d = ch10::train(s, damped, kTarget), w = ch10::train(s, twin, kTarget);
    const auto dc = ch10::phase_cells(d, 9, 0.02), wc = ch10::phase_cells(w, 9, 0.02);
    for (std::size_t c = 0; c < 9; ++c) {
        const double a = ch10::cell_stats(d, c, 32, 249, 0.02).median;
        const double b = ch10::cell_stats(w, c, 32, 249, 0.02).median;
        if (c % 3 < 2) BOOST_TEST(std::abs(a / b - 1) < 0.07);
        BOOST_TEST(std::abs(dc[c].rises - wc[c].rises) < 0.05);
        if (c % 3 == 2) BOOST_TEST((dc[c].rises > 0.4 && dc[c].rises < 0.5));
    }
}

// A second hidden layer (1-10-10-1) settles at least as many bees as 1-10-1 in every cell of
// μ ∈ {0.7, 0.9, 0.96, 0.99} × η ∈ {0.002, 0.01}, and half of μ = 0.7, η = 0.01, where 1-10-1
// settles none; μ = 0.99 still bounces (its loss rises in over 40% of the late epochs).
BOOST_AUTO_TEST_CASE(a_deeper_bee_settles_more_often) {
    const Sweep sw{{"momentum", {0.7, 0.9, 0.96, 0.99}}, {"lr", {0.002, 0.01}}};
    Spec one = small_spec(32, 250), two = one;
    one.record_pred = two.record_pred = false;
    two.sizes = {1, 10, 10, 1};
    const auto a = ch10::phase_cells(ch10::train(one, sw, kTarget), 8, 0.02);
    const auto b = ch10::phase_cells(ch10::train(two, sw, kTarget), 8, 0.02);
    for (std::size_t c = 0; c < 8; ++c) BOOST_TEST(b[c].settled >= a[c].settled);
    BOOST_TEST(a[1].settled == 0);
    BOOST_TEST(b[1].settled == 0.5);
    BOOST_TEST(b[7].rises > 0.4);
}

// Noisy targets, σ = 0.3: no cell's median bee fits the noisy points better than sin x itself
// does (its loss stays above the noise's 0.098), and the two best cells' fits are within
// 0.01 of the clean sine's loss of the noiseless run; at σ = 0.6 the best cells do beat
// sin x on the noisy points: they have started fitting the noise.
BOOST_AUTO_TEST_CASE(noisy_targets_raise_the_floor_not_the_ranking) {
    const Sweep sw{{"momentum", {0.7, 0.9, 0.96, 0.99}}, {"lr", {0.002, 0.01}}};
    const Spec s = small_spec(32, 250);
    for (const double sigma : {0.3, 0.6}) {
        const ch10::Target t = ch10::noisy_sin_curve(sigma, 10);
        double floor = 0;
        for (std::size_t i = 0; i < 61; ++i)
            floor += (t.y[i] - kTarget.y[i]) * (t.y[i] - kTarget.y[i]) / 61;
        const Record r = ch10::train(s, sw, t);
        for (std::size_t c = 0; c < 8; ++c) {
            const double m = ch10::cell_stats(r, c, 32, 249, 1).median;
            if (sigma == 0.3) BOOST_TEST(m > floor);
            if (sigma == 0.6 && (c == 3 || c == 5)) BOOST_TEST(m < floor);
        }
        if (sigma != 0.3) continue;
        for (const std::size_t c : {3, 5}) {  // μ = 0.9 and 0.96 at η = 0.01
            std::vector<double> vs_sine;
            for (std::size_t k = c * 32; k < (c + 1) * 32; ++k) {
                double sq = 0;
                for (std::size_t i = 0; i < 61; ++i)
                    sq += (r.p(249, k, i) - kTarget.y[i]) * (r.p(249, k, i) - kTarget.y[i]) / 61;
                vs_sine.push_back(sq);
            }
            BOOST_TEST(ch10::median(vs_sine) < 0.01 + 0.0125);
        }
    }
}

BOOST_AUTO_TEST_SUITE_END()  // test_10_swarm
