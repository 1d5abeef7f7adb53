// tiny_net.hpp: the chapter's smallest network, written twice: on scalars and on the tape.
//
// One input x, two tanh neurons, one linear output, squared error against y = sin(x):
//     h_j = tanh(w_j x + c_j),  p = v_1 h_1 + v_2 h_2 + d,  L = (p − y)².
// x is a leaf with a gradient too: it feeds both neurons, so x̄ is the sum of two paths.
// tests/test_09_autodiff.cpp checks that both versions give the same value and gradients.
#pragma once

#include <array>
#include <cmath>
#include <string>
#include <vector>

#include "autodiff/tape.hpp"
#include "value.hpp"

namespace ch09 {

struct TinyWeights {
    double x = 1.5, y = std::sin(1.5);
    std::array<double, 2> w{0.8, -0.6}, c{0.1, 0.3}, v{1.2, -0.7};
    double d = 0.05;
};

// The graph on scalars, forward and backward: the leaves and the loss, every grad filled in.
struct TinyScalar {
    Value x, y, w1, w2, c1, c2, v1, v2, d, loss;
};
inline TinyScalar tiny_scalar(const TinyWeights& t = {}) {
    Value x(t.x, "x"), y(t.y, "y");
    Value w1(t.w[0], "w1"), w2(t.w[1], "w2"), c1(t.c[0], "c1"), c2(t.c[1], "c2");
    Value v1(t.v[0], "v1"), v2(t.v[1], "v2"), d(t.d, "d");
    Value a1 = named(w1 * x, "w1x");
    Value z1 = named(a1 + c1, "z1");
    Value h1 = named(tanh(z1), "h1");
    Value a2 = named(w2 * x, "w2x");
    Value z2 = named(a2 + c2, "z2");
    Value h2 = named(tanh(z2), "h2");
    Value o1 = named(h1 * v1, "h1v1");
    Value o2 = named(h2 * v2, "h2v2");
    Value s = named(o1 + o2, "s");
    Value p = named(s + d, "p");
    Value r = named(p - y, "r");
    Value loss = named(square(r), "L");
    backward(loss);
    return {x, y, w1, w2, c1, c2, v1, v2, d, loss};
}

// The same graph on tensors: X (1×1), W (1×2), c (1×2), V (2×1), d (1×1).
template <class T>
struct TinyTensor {
    gd::ad::Parameter<T> X, W, c, V, d;
    T loss;
};
// A rows×cols matrix from its entries, row by row.
template <class T>
xt::xarray<T> matrix(std::size_t rows, std::size_t cols, std::vector<double> entries) {
    xt::xarray<T> m = xt::zeros<T>({rows, cols});
    for (std::size_t i = 0; i < entries.size(); ++i) m.flat(i) = T(entries[i]);
    return m;
}

template <class T>
TinyTensor<T> tiny_tensor(const TinyWeights& t = {}) {
    using P = gd::ad::Parameter<T>;
    TinyTensor<T> n{P(matrix<T>(1, 1, {t.x})),
                    P(matrix<T>(1, 2, {t.w[0], t.w[1]})),
                    P(matrix<T>(1, 2, {t.c[0], t.c[1]})),
                    P(matrix<T>(2, 1, {t.v[0], t.v[1]})),
                    P(matrix<T>(1, 1, {t.d})),
                    T(0)};
    gd::ad::Tape<T> tape;
    auto h =
        tape.tanh(tape.add_bias(tape.matmul(tape.param(n.X), tape.param(n.W)), tape.param(n.c)));
    auto p = tape.add_bias(tape.matmul(h, tape.param(n.V)), tape.param(n.d));
    auto loss =
        tape.mse(p, tape.constant(matrix<T>(1, 1, {t.y})));  // one sample: the mean is (p − y)²
    tape.backward(loss);
    n.loss = tape.value(loss)();
    return n;
}

}  // namespace ch09
