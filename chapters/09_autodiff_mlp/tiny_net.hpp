// tiny_net.hpp: the chapter's smallest network, written twice: on scalars and on the tape.
//
// One input x, two tanh neurons, one linear output, squared error against y = sin(x):
//     z_j = W1_j x + b1_j,  q_j = tanh z_j,  p = W2_1 q_1 + W2_2 q_2 + b2,  L = (p − y)²,
// the 1-2-1 case of the chapter's network (W1, b1 the hidden layer, W2, b2 the output layer).
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
    std::array<double, 2> W1{0.8, -0.6}, b1{0.1, 0.3}, W2{1.2, -0.7};
    double b2 = 0.05;
};

// The graph on scalars, forward and backward: the leaves and the loss, every grad filled in.
struct TinyScalar {
    Value x, y, W1_1, W1_2, b1_1, b1_2, W2_1, W2_2, b2, loss;
};
inline TinyScalar tiny_scalar(const TinyWeights& t = {}) {
    Value x(t.x, "x"), y(t.y, "y");
    Value W1_1(t.W1[0], "W1_1"), W1_2(t.W1[1], "W1_2"), b1_1(t.b1[0], "b1_1"),
        b1_2(t.b1[1], "b1_2");
    Value W2_1(t.W2[0], "W2_1"), W2_2(t.W2[1], "W2_2"), b2(t.b2, "b2");
    Value wx1 = named(W1_1 * x, "wx1");
    Value z1 = named(wx1 + b1_1, "z1");
    Value q1 = named(tanh(z1), "q1");
    Value wx2 = named(W1_2 * x, "wx2");
    Value z2 = named(wx2 + b1_2, "z2");
    Value q2 = named(tanh(z2), "q2");
    Value o1 = named(q1 * W2_1, "o1");  // unit 1's share of the output
    Value o2 = named(q2 * W2_2, "o2");
    Value sum = named(o1 + o2, "sum");
    Value p = named(sum + b2, "p");
    Value r = named(p - y, "r");
    Value loss = named(square(r), "L");
    backward(loss);
    return {x, y, W1_1, W1_2, b1_1, b1_2, W2_1, W2_2, b2, loss};
}

// The same graph on tensors: X (1×1), W1 (1×2), b1 (1×2), W2 (2×1), b2 (1×1).
template <class T>
struct TinyTensor {
    gd::ad::Parameter<T> X, W1, b1, W2, b2;
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
                    P(matrix<T>(1, 2, {t.W1[0], t.W1[1]})),
                    P(matrix<T>(1, 2, {t.b1[0], t.b1[1]})),
                    P(matrix<T>(2, 1, {t.W2[0], t.W2[1]})),
                    P(matrix<T>(1, 1, {t.b2})),
                    T(0)};
    gd::ad::Tape<T> tape;
    auto q =
        tape.tanh(tape.add_bias(tape.matmul(tape.param(n.X), tape.param(n.W1)), tape.param(n.b1)));
    auto p = tape.add_bias(tape.matmul(q, tape.param(n.W2)), tape.param(n.b2));
    auto loss =
        tape.mse(p, tape.constant(matrix<T>(1, 1, {t.y})));  // one sample: the mean is (p − y)²
    tape.backward(loss);
    n.loss = tape.value(loss)();
    return n;
}

}  // namespace ch09
