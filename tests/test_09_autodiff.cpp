// Chapter 09: the scalar graph against the chain rule and the tape, the tape's 1-10-1 network
// against PyTorch (tests/reference/tape_sin.csv, made by tests/reference_tape.py), float
// against double, and the chapter's claims about ReLU's kinks and its printed numbers.
#define BOOST_TEST_MODULE autodiff_09
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <unordered_set>
#include <vector>

#include "09_autodiff_mlp/fit_sin.hpp"
#include "09_autodiff_mlp/tiny_net.hpp"

using ch09::Tensor;

namespace {

// |a − b| ≤ rel·|b|, with an absolute floor for components that are (nearly) zero.
bool close(double a, double b, double rel, double floor) {
    return std::abs(a - b) <= rel * std::abs(b) + floor;
}

// The reference file: key → numbers.
std::map<std::string, std::vector<double>> read_reference() {
    std::ifstream is(std::string(BOOK_TESTS_DIR) + "/reference/tape_sin.csv");
    BOOST_REQUIRE_MESSAGE(is, "missing tests/reference/tape_sin.csv (run reference_tape.py)");
    std::map<std::string, std::vector<double>> ref;
    std::string line;
    while (std::getline(is, line)) {
        if (line.empty() || line[0] == '#') continue;
        std::stringstream ss(line);
        std::string key, cell;
        std::getline(ss, key, ',');
        while (std::getline(ss, cell, ',')) ref[key].push_back(std::stod(cell));
    }
    return ref;
}

template <class T>
xt::xarray<T> shaped(const std::vector<double>& v, std::size_t rows, std::size_t cols) {
    BOOST_REQUIRE_EQUAL(v.size(), rows * cols);
    return ch09::matrix<T>(rows, cols, v);
}

// PyTorch's starting weights, as (w, c, v, d) = (W1, b1, W2, b2).
template <class T>
std::vector<xt::xarray<T>> torch_start(std::map<std::string, std::vector<double>>& ref) {
    return {shaped<T>(ref["W1"], 1, 10), shaped<T>(ref["b1"], 1, 10), shaped<T>(ref["W2"], 10, 1),
            shaped<T>(ref["b2"], 1, 1)};
}

// Loss and gradients of the reference network on our tape, in T.
template <class T>
std::pair<T, std::vector<xt::xarray<T>>> tape_gradients(
    gd::Activation act, std::map<std::string, std::vector<double>>& ref) {
    gd::Rng rng(0);
    gd::Mlp<T> net({1, 10, 1}, act, rng);
    const auto start = torch_start<T>(ref);
    for (std::size_t k = 0; k < start.size(); ++k) *net.values()[k] = start[k];
    gd::ad::Tape<T> tape;
    auto loss = tape.mse(net(tape, tape.constant(shaped<T>(ref["x"], 61, 1))),
                         tape.constant(shaped<T>(ref["y"], 61, 1)));
    tape.backward(loss);
    std::vector<xt::xarray<T>> grads;
    for (const auto* g : net.grads()) grads.push_back(*g);
    return {tape.value(loss)(), grads};
}

const char* kActs[] = {"relu", "tanh", "sigmoid"};

}  // namespace

// ---- Part 1: the scalar graph -----------------------------------------------------------------

// The chain rule written out in closed form for the tiny network, against value.hpp's backward:
// r = p − y, L̄ = 1, r̄ = 2r, v̄_j = r̄ h_j, d̄ = r̄, z̄_j = r̄ v_j (1 − h_j²), c̄_j = z̄_j,
// w̄_j = z̄_j x, x̄ = Σ_j z̄_j w_j (two paths). Both are the same few double operations, so they
// agree to a few ulp: 1e-14 relative.
BOOST_AUTO_TEST_CASE(scalar_backward_is_the_chain_rule) {
    const ch09::TinyWeights t;
    const ch09::TinyScalar s = ch09::tiny_scalar(t);
    double h[2], p = t.d;
    for (int j = 0; j < 2; ++j) {
        h[j] = std::tanh(t.w[j] * t.x + t.c[j]);
        p += t.v[j] * h[j];
    }
    const double r = p - t.y, rbar = 2 * r;
    BOOST_TEST(close(s.loss.data(), r * r, 1e-14, 0));
    BOOST_TEST(close(s.d.grad(), rbar, 1e-14, 0));
    const ch09::Value* w[] = {&s.w1, &s.w2};
    const ch09::Value* c[] = {&s.c1, &s.c2};
    const ch09::Value* v[] = {&s.v1, &s.v2};
    double xbar = 0;
    for (int j = 0; j < 2; ++j) {
        const double zbar = rbar * t.v[j] * (1 - h[j] * h[j]);
        BOOST_TEST(close(v[j]->grad(), rbar * h[j], 1e-14, 0));
        BOOST_TEST(close(c[j]->grad(), zbar, 1e-14, 0));
        BOOST_TEST(close(w[j]->grad(), zbar * t.x, 1e-14, 0));
        xbar += zbar * t.w[j];
    }
    // x feeds both neurons: its gradient is the sum over both paths, and neither alone.
    BOOST_TEST(close(s.x.grad(), xbar, 1e-14, 0));
    BOOST_TEST(std::abs(s.x.grad() - s.w1.grad() / t.x * t.w[0]) > 0.1);
}

// backward() relies on the order: every node after all its inputs, each node once.
BOOST_AUTO_TEST_CASE(topological_order_puts_inputs_first) {
    const ch09::TinyScalar s = ch09::tiny_scalar();
    const auto order = ch09::topological_order(s.loss);
    BOOST_TEST(order.size() == 21u);  // 10 inputs (x, y and 8 weights) and 11 operations
    std::unordered_set<const ch09::Node*> done;
    for (const ch09::Node* n : order) {
        for (const auto& in : n->prev) BOOST_TEST(done.count(in.get()) == 1u);
        BOOST_TEST(done.insert(n).second);
    }
    BOOST_TEST(order.back() == s.loss.n.get());
}

// The scalar graph and the tape on the same network: the same numbers. The tape's matmul on
// 1×1·1×2 and 1×2·2×1 does the same products and one two-term sum, possibly in another order:
// a few ulp, so 1e-14 relative.
BOOST_AUTO_TEST_CASE(scalar_graph_equals_tape) {
    const ch09::TinyScalar s = ch09::tiny_scalar();
    const auto t = ch09::tiny_tensor<double>();
    BOOST_TEST(close(t.loss, s.loss.data(), 1e-14, 0));
    BOOST_TEST(close(t.X.grad(0, 0), s.x.grad(), 1e-14, 0));
    BOOST_TEST(close(t.W.grad(0, 0), s.w1.grad(), 1e-14, 0));
    BOOST_TEST(close(t.W.grad(0, 1), s.w2.grad(), 1e-14, 0));
    BOOST_TEST(close(t.c.grad(0, 0), s.c1.grad(), 1e-14, 0));
    BOOST_TEST(close(t.c.grad(0, 1), s.c2.grad(), 1e-14, 0));
    BOOST_TEST(close(t.V.grad(0, 0), s.v1.grad(), 1e-14, 0));
    BOOST_TEST(close(t.V.grad(1, 0), s.v2.grad(), 1e-14, 0));
    BOOST_TEST(close(t.d.grad(0, 0), s.d.grad(), 1e-14, 0));
}

// ---- Part 2: the tape against PyTorch ---------------------------------------------------------

// Loss and every gradient at PyTorch's starting weights. Both sides do the same float64
// operations; only the order of the sums differs (61 rows in the loss and in Wᵀ·ḡ, 10 units in
// the output). A reordered n-term sum moves by at most ~n·ε·Σ|terms| ≈ 61 · 1.1e-16 · (a few)
// ≈ 1e-14 of the largest gradient, so 1e-12 relative is a safe bound, with an absolute floor of
// 1e-14 for components that cancel to nearly 0; a wrong rule is off by far more.
BOOST_AUTO_TEST_CASE(gradients_match_pytorch) {
    auto ref = read_reference();
    for (const char* name : kActs) {
        BOOST_TEST_CONTEXT(name) {
            const auto [loss, grads] = tape_gradients<double>(gd::activation_from_name(name), ref);
            BOOST_TEST(close(loss, ref[std::string(name) + ".loss"][0], 1e-12, 0));
            const char* keys[] = {".gW1", ".gb1", ".gW2", ".gb2"};
            double worst = 0;  // largest relative difference, reported with --log_level=message
            for (std::size_t k = 0; k < 4; ++k) {
                const auto& want = ref[name + std::string(keys[k])];
                BOOST_REQUIRE_EQUAL(grads[k].size(), want.size());
                for (std::size_t i = 0; i < want.size(); ++i) {
                    BOOST_TEST_INFO(keys[k] << "[" << i << "]");
                    BOOST_TEST(close(grads[k].flat(i), want[i], 1e-12, 1e-14));
                    const double d = std::abs(grads[k].flat(i) - want[i]);
                    worst = std::max(worst, d / std::max(std::abs(want[i]), 1e-2));
                }
            }
            BOOST_TEST_MESSAGE(name << ": largest relative gradient difference " << worst);
        }
    }
}

// Five full-batch steps of the chapter's own train() with SGD (lr 0.02, momentum 0.9) against
// torch.optim.SGD: the loss before every step and the parameters after the last. Rounding
// differences of 1e-16 are carried by five steps of size lr·|b| ≪ 1 and do not grow by more
// than a small factor, so the bounds of the previous test hold.
BOOST_AUTO_TEST_CASE(sgd_momentum_steps_match_pytorch) {
    auto ref = read_reference();
    const auto start = torch_start<double>(ref);
    const Tensor x = shaped<double>(ref["x"], 61, 1), y = shaped<double>(ref["y"], 61, 1);
    ch09::Settings s;
    s.width = 10, s.epochs = 5, s.lr = 0.02, s.momentum = 0.9;
    for (const char* name : kActs) {
        BOOST_TEST_CONTEXT(name) {
            const ch09::Fit f = ch09::train(gd::activation_from_name(name), s, x, y, {}, &start);
            const auto& losses = ref[name + std::string(".losses")];
            BOOST_REQUIRE_EQUAL(f.loss.size(), losses.size() + 1);
            for (std::size_t e = 0; e < losses.size(); ++e) {
                BOOST_TEST(close(f.loss[e], losses[e], 1e-12, 0));
            }
            BOOST_TEST(f.loss.back() < f.loss.front());  // the five steps did descend
            const char* keys[] = {".W1", ".b1", ".W2", ".b2"};
            for (std::size_t k = 0; k < 4; ++k) {
                const auto& want = ref[name + std::string(keys[k])];
                for (std::size_t i = 0; i < want.size(); ++i) {
                    BOOST_TEST_INFO(keys[k] << "[" << i << "]");
                    BOOST_TEST(close(f.params[k].flat(i), want[i], 1e-12, 1e-14));
                }
            }
        }
    }
}

// The same tape in float: float rounds at 6e-8 per operation; sums over 61 rows grow that to a
// few 1e-6 of the largest term, so float and double agree to 1e-5 of each gradient tensor's
// largest component (and not to 1e-9, which would mean float was secretly double).
BOOST_AUTO_TEST_CASE(float_tape_agrees_with_double) {
    auto ref = read_reference();
    for (const char* name : kActs) {
        BOOST_TEST_CONTEXT(name) {
            const auto act = gd::activation_from_name(name);
            const auto [ld, gdbl] = tape_gradients<double>(act, ref);
            const auto [lf, gflt] = tape_gradients<float>(act, ref);
            BOOST_TEST(close(lf, ld, 1e-5, 0));
            double worst = 0;
            for (std::size_t k = 0; k < 4; ++k) {
                const double scale = xt::amax(xt::abs(gdbl[k]))();
                for (std::size_t i = 0; i < gdbl[k].size(); ++i) {
                    const double err = std::abs(double(gflt[k].flat(i)) - gdbl[k].flat(i));
                    BOOST_TEST(err <= 1e-5 * scale);
                    worst = std::max(worst, err / scale);
                }
            }
            BOOST_TEST(worst > 1e-10);
        }
    }
    const auto tf = ch09::tiny_tensor<float>();
    const auto td = ch09::tiny_tensor<double>();
    BOOST_TEST(close(tf.loss, td.loss, 1e-5, 0));
    BOOST_TEST(close(tf.X.grad(0, 0), td.X.grad(0, 0), 1e-5, 0));
}

// ---- The chapter's claims ---------------------------------------------------------------------

// The figures draw the network with predict() away from the tape: it must be the tape's output.
BOOST_AUTO_TEST_CASE(predict_is_the_tape_forward_pass) {
    auto ref = read_reference();
    const auto start = torch_start<double>(ref);
    const Tensor x = shaped<double>(ref["x"], 61, 1);
    for (const char* name : kActs) {
        const auto act = gd::activation_from_name(name);
        gd::Rng rng(0);
        gd::Mlp<double> net({1, 10, 1}, act, rng);
        for (std::size_t k = 0; k < 4; ++k) *net.values()[k] = start[k];
        gd::ad::Tape<double> tape;
        const Tensor p = tape.value(net(tape, tape.constant(x)));
        for (std::size_t i = 0; i < 61; ++i) {
            // the same operations up to the order of a 10-term sum: 1e-14 of |p| ≈ 1
            BOOST_TEST(close(ch09::predict(act, start, x(i, 0)), p(i, 0), 1e-13, 1e-14));
        }
    }
}

// The chapter's runs: the numbers its text quotes, the same start for every activation, and
// ReLU's fit linear between kinks that bend it by v_j·|w_j|.
BOOST_AUTO_TEST_CASE(sin_fits_as_printed) {
    const Tensor x = ch09::linspace_column(-5, 5, 61), y = xt::sin(x);
    const ch09::Settings s;  // the chapter's defaults: width 10, 1000 epochs, lr 0.02, μ 0.9
    std::vector<ch09::Fit> fits;
    for (const char* name : kActs) {
        fits.push_back(ch09::train(gd::activation_from_name(name), s, x, y, {0}));
    }
    // Same seed, same numbers drawn: identical initial weights.
    for (std::size_t k = 0; k < 4; ++k) {
        BOOST_TEST(fits[1].frames[0][k] == fits[0].frames[0][k]);
        BOOST_TEST(fits[2].frames[0][k] == fits[0].frames[0][k]);
    }
    // The printed final losses (6 significant digits; the run is deterministic, so 1e-5
    // relative only absorbs the rounding of the printed value) and their order.
    BOOST_TEST(close(fits[0].loss.back(), 0.010968, 1e-4, 0));
    BOOST_TEST(close(fits[1].loss.back(), 0.00225543, 1e-5, 0));
    BOOST_TEST(close(fits[2].loss.back(), 0.0137796, 1e-5, 0));
    BOOST_TEST(fits[1].loss.back() < fits[0].loss.back());
    BOOST_TEST(fits[0].loss.back() < fits[2].loss.back());

    // ReLU: between consecutive kinks the fit is a straight line (its midpoint value is the
    // mean of the ends, to rounding), and crossing unit j's kink changes the slope by
    // |w_j|·v_j, the slope of the hinge that switches on.
    const ch09::Fit& relu = fits[0];
    const auto& p = relu.params;
    const auto f = [&](double t) { return ch09::predict(relu.act, p, t); };
    std::vector<double> kinks = ch09::relu_kinks(p, -5, 5);
    BOOST_TEST(kinks.size() == 9u);
    std::sort(kinks.begin(), kinks.end());
    std::vector<double> ends = kinks;
    ends.insert(ends.begin(), -5);
    ends.push_back(5);
    for (std::size_t i = 0; i + 1 < ends.size(); ++i) {
        const double a = ends[i], b = ends[i + 1];
        BOOST_TEST(std::abs(f((a + b) / 2) - (f(a) + f(b)) / 2) < 1e-12);
    }
    for (std::size_t j = 0; j < 10; ++j) {
        const double w = p[0](0, j), c = p[1](0, j), v = p[2](j, 0);
        const double k = -c / w;
        if (k < -5 || k > 5) continue;
        const double h = 1e-7;  // well inside the linear pieces on either side (kinks ≥ 1e-3 apart)
        const double left = (f(k) - f(k - h)) / h, right = (f(k + h) - f(k)) / h;
        BOOST_TEST_INFO("unit " << j << " kink " << k);
        BOOST_TEST(close(right - left, std::abs(w) * v, 1e-5, 1e-6),
                   right - left << " vs " << std::abs(w) * v);
    }
}

// Too large a rate: ReLU diverges at lr 0.1, which is reported, and every recorded loss is
// finite; tanh, whose units saturate, survives the same rate.
BOOST_AUTO_TEST_CASE(divergence_is_reported_not_recorded) {
    const Tensor x = ch09::linspace_column(-5, 5, 61), y = xt::sin(x);
    ch09::Settings s;
    s.lr = 0.1;
    const ch09::Fit relu = ch09::train(gd::Activation::relu, s, x, y, {});
    BOOST_TEST(relu.diverged_at > 0);
    BOOST_TEST(relu.loss.size() == std::size_t(relu.diverged_at));
    for (double l : relu.loss) BOOST_TEST(std::isfinite(l));
    for (const auto& t : relu.params) BOOST_TEST(xt::all(xt::isfinite(t)));
    const ch09::Fit tanh = ch09::train(gd::Activation::tanh, s, x, y, {});
    BOOST_TEST(tanh.diverged_at == -1);
    BOOST_TEST(tanh.loss.back() < 0.01);
}
