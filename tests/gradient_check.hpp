// gradient_check.hpp: what the autodiff tests share: random tensors from the book's generator,
// and backward()'s gradients checked against central differences.
#pragma once

#include <boost/test/unit_test.hpp>

#include <cmath>
#include <cstddef>
#include <functional>
#include <vector>

#include "autodiff/tape.hpp"
#include "core/rng.hpp"

namespace testing {

using Tape = gd::ad::Tape<double>;
using Var = Tape::Var;
using Param = gd::ad::Parameter<double>;
using Tensor = xt::xarray<double>;

inline Tensor random_tensor(const std::vector<std::size_t>& shape, gd::Rng& rng, double lo = -1,
                            double hi = 1) {
    Tensor t = xt::zeros<double>(shape);
    for (auto& v : t) v = rng.uniform(lo, hi);
    return t;
}

// Builds loss = f(tape) and compares every element of every parameter's backward() gradient
// with central differences. With h = 1e-6 the truncation error is O(h²·f''') ≈ 1e-12 and the
// rounding ε·|f|/h ≈ 1e-10 for O(1) losses, so 1e-6 relative (with an absolute floor of 1e-7)
// leaves a wide margin, while a wrong rule is off by O(1).
inline void check_gradients(const std::vector<Param*>& params, const std::function<Var(Tape&)>& f) {
    Tape t;
    for (auto* p : params) p->zero_grad();
    t.backward(f(t));
    const double h = 1e-6;
    for (std::size_t k = 0; k < params.size(); ++k) {
        Param& p = *params[k];
        for (std::size_t i = 0; i < p.value.size(); ++i) {
            const double saved = p.value.flat(i);
            Tape up, down;
            p.value.flat(i) = saved + h;
            const double fu = up.value(f(up))();
            p.value.flat(i) = saved - h;
            const double fd = down.value(f(down))();
            p.value.flat(i) = saved;
            const double numeric = (fu - fd) / (2 * h);
            BOOST_TEST_INFO("parameter " << k << " element " << i);
            BOOST_TEST(std::abs(p.grad.flat(i) - numeric) <= 1e-6 * std::abs(numeric) + 1e-7);
        }
    }
}

}  // namespace testing
