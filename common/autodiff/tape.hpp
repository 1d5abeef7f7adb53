// tape.hpp: reverse-mode automatic differentiation over xtensor arrays.
//
// Introduced in chapter 09, used by chapters 10 (swarms of networks) and 11 (Fashion-MNIST).
// Like micrograd, but on tensors: every operation computes its value and records, right beside
// it, how to push a gradient back to its inputs. A Tape is a list of nodes in the order they
// were computed; backward(loss) walks it in reverse, so every node's gradient is complete before
// it is passed on (the list is a topological order by construction).
// Shapes: matmul takes (n, k)·(k, m), or a batch (B, n, k)·(B, k, m) with one matrix product per
// leading index, which is how chapter 10 trains many independent networks at once.
// Every op's gradient is checked against central differences in tests/test_tape.cpp.
// Notation: for a node y = f(x), ȳ = ∂loss/∂y is its gradient, and backward computes x̄ from ȳ.
#pragma once

#include <cmath>
#include <cstddef>
#include <functional>
#include <stdexcept>
#include <vector>

#include <xtensor/xarray.hpp>
#include <xtensor/xmath.hpp>
#include <xtensor/xnoalias.hpp>
#include <xtensor/xview.hpp>

#include "autodiff/gemm.hpp"

namespace gd::ad {

// A trainable tensor that outlives the tapes: its value and the gradient backward() adds into.
template <class T>
struct Parameter {
    xt::xarray<T> value, grad;
    explicit Parameter(xt::xarray<T> v) : value(std::move(v)), grad(xt::zeros<T>(value.shape())) {}
    void zero_grad() { grad.fill(T(0)); }
};

// What an Optimizer<T>::step takes from a network's parameters: their values, their gradients.
template <class T>
std::vector<xt::xarray<T>*> values_of(const std::vector<Parameter<T>*>& ps) {
    std::vector<xt::xarray<T>*> v;
    v.reserve(ps.size());
    for (auto* p : ps) v.push_back(&p->value);
    return v;
}
template <class T>
std::vector<const xt::xarray<T>*> grads_of(const std::vector<Parameter<T>*>& ps) {
    std::vector<const xt::xarray<T>*> g;
    g.reserve(ps.size());
    for (auto* p : ps) g.push_back(&p->grad);
    return g;
}

template <class T>
class Tape {
  public:
    using Tensor = xt::xarray<T>;
    struct Var {
        std::size_t id;
    };

    const Tensor& value(Var v) const {
        const Node& n = nodes_[v.id];
        return n.param ? n.param->value : n.value;
    }
    const Tensor& grad(Var v) const { return nodes_[v.id].grad; }
    void clear() { nodes_.clear(); }
    std::size_t size() const { return nodes_.size(); }

    // Leaves: data (no gradient) and parameters (their gradient goes to p.grad). A parameter's
    // node reads p.value in place rather than copying it (chapter 11's first layer is 200 704
    // numbers), so p.value must not change while the tape is in use: update after backward().
    Var constant(Tensor value) { return push(std::move(value), false, {}); }
    Var param(Parameter<T>& p) {
        Var v = push(Tensor(), true, {});
        nodes_[v.id].param = &p;
        return v;
    }

    // ---- the operations: forward value, and the backward rule beside it ----------------------

    // C = A·B (per batch index for 3-D inputs); Ā = C̄·Bᵀ, B̄ = Aᵀ·C̄.
    Var matmul(Var a, Var b) {
        Var c = push(gemm<T>(value(a), value(b), false, false), needs(a) || needs(b), {});
        nodes_[c.id].backward = [this, a, b, c] {
            if (needs(a)) add_to(a, gemm<T>(grad(c), value(b), false, true));
            if (needs(b)) add_to(b, gemm<T>(value(a), grad(c), true, false));
        };
        return c;
    }

    // x + b with b broadcast over x's rows: b has x's last axis (and any leading batch axes, with
    // a 1 in the row axis). b̄ sums x̄ over the axes b was broadcast along.
    Var add_bias(Var x, Var b) {
        if (value(x).dimension() == 2) return add_row(x, b);
        Var y = push(value(x) + value(b), needs(x) || needs(b), {});
        nodes_[y.id].backward = [this, x, b, y] {
            if (needs(x)) add_to(x, grad(y));
            if (needs(b)) {
                const Tensor& g = grad(y);
                Tensor s = xt::sum(g, {g.dimension() - 2},
                                   xt::keep_dims | xt::evaluation_strategy::immediate);
                while (s.dimension() > value(b).dimension())
                    s = xt::sum(s, {0}, xt::evaluation_strategy::immediate);
                add_to(b, s);
            }
        };
        return y;
    }

    // Elementwise nonlinearities, each with its derivative written in terms of what forward kept.
    Var relu(Var x) {  // ȳ passes where x > 0; at exactly 0 the gradient is 0, as in PyTorch
        // Plain loops over the contiguous data: chapter 11 calls these on 250 × 256 activations
        // every batch, where xtensor's generic expressions cost more than the arithmetic. Both
        // operands are read unconditionally and the pointers held in locals, so the compiler
        // turns the choice into a vector blend instead of an unpredictable branch per number.
        // max(x, 0) is written as xtensor's maximum is, x > 0 ? x : 0, so a NaN becomes 0 in both.
        const Tensor& in = value(x);
        Tensor out = Tensor::from_shape(in.shape());
        select_positive(in.data(), in.data(), out.data(), in.size());
        Var y = push(std::move(out), needs(x), {});
        nodes_[y.id].backward = [this, x, y] {
            const Tensor& in = value(x);
            Tensor gx = Tensor::from_shape(in.shape());
            select_positive(in.data(), grad(y).data(), gx.data(), in.size());
            add_to(x, std::move(gx));
        };
        return y;
    }
    Var tanh(Var x) {  // tanh' = 1 − y²
        Var y = push(xt::tanh(value(x)), needs(x), {});
        nodes_[y.id].backward = [this, x, y] { add_to(x, grad(y) * (T(1) - value(y) * value(y))); };
        return y;
    }
    Var sigmoid(Var x) {  // σ' = y(1 − y)
        Var y = push(T(1) / (T(1) + xt::exp(-value(x))), needs(x), {});
        nodes_[y.id].backward = [this, x, y] { add_to(x, grad(y) * value(y) * (T(1) - value(y))); };
        return y;
    }

    // Reductions to a scalar (shape {}): s = Σx and m = Σx / n; x̄ = s̄ and x̄ = m̄ / n everywhere.
    Var sum(Var x) {
        Var s = push(Tensor(xt::sum(value(x))), needs(x), {});
        nodes_[s.id].backward = [this, x, s] { add_to(x, xt::ones_like(value(x)) * grad(s)()); };
        return s;
    }
    Var mean(Var x) {
        const T n = static_cast<T>(value(x).size());
        Var m = push(Tensor(xt::sum(value(x)) / n), needs(x), {});
        nodes_[m.id].backward = [this, x, m, n] {
            add_to(x, xt::ones_like(value(x)) * (grad(m)() / n));
        };
        return m;
    }

    // Mean squared error. With per_batch, one mean per leading (batch) index: shape {B}; summing
    // those keeps every batch member's gradient its own. ē = 2(p − y)/n · ℓ̄.
    Var mse(Var pred, Var target, bool per_batch = false) {
        const Tensor diff = value(pred) - value(target);
        const std::size_t batch = per_batch ? diff.shape()[0] : 1;
        const std::size_t per_member = diff.size() / batch;  // exact: batch divides the size
        const T n = static_cast<T>(per_member);
        Tensor loss;
        if (per_batch) {
            std::vector<std::size_t> axes;  // every axis but the batch axis
            for (std::size_t ax = 1; ax < diff.dimension(); ++ax) axes.push_back(ax);
            loss = xt::sum(diff * diff, axes, xt::evaluation_strategy::immediate) / n;
        } else {
            loss = xt::sum(diff * diff) / n;
        }
        Var l = push(std::move(loss), needs(pred) || needs(target), {});
        nodes_[l.id].backward = [this, pred, target, l, diff, n, per_batch] {
            Tensor g = (T(2) / n) * diff;
            if (per_batch) {
                for (std::size_t k = 0; k < diff.shape()[0]; ++k) {
                    xt::view(g, k) *= grad(l)(k);
                }
            } else {
                g *= grad(l)();
            }
            if (needs(pred)) add_to(pred, g);
            if (needs(target)) add_to(target, -g);
        };
        return l;
    }

    // Cross-entropy of softmax(logits) against integer labels, averaged over the rows, computed
    // through a stable log-softmax: log p_c = z_c − max z − log Σ exp(z − max z).
    // z̄ = (softmax(z) − onehot(label)) / N · ℓ̄.
    Var cross_entropy(Var logits, const std::vector<int>& labels) {
        const Tensor& z = value(logits);
        const std::size_t rows = z.shape()[0], classes = z.shape()[1];
        if (labels.size() != rows) throw std::logic_error("cross_entropy: one label per row");
        Tensor p = xt::empty<T>({rows, classes});
        T total = 0;
        for (std::size_t i = 0; i < rows; ++i) {
            T top = z(i, 0);
            for (std::size_t c = 1; c < classes; ++c) top = std::max(top, z(i, c));
            T norm = 0;
            for (std::size_t c = 0; c < classes; ++c) norm += std::exp(z(i, c) - top);
            const T log_norm = std::log(norm);
            for (std::size_t c = 0; c < classes; ++c) p(i, c) = std::exp(z(i, c) - top - log_norm);
            total -= z(i, static_cast<std::size_t>(labels[i])) - top - log_norm;
        }
        Var l = push(Tensor(total / static_cast<T>(rows)), needs(logits), {});
        nodes_[l.id].backward = [this, logits, l, p = std::move(p), labels] {
            Tensor g = p;
            const std::size_t n = g.shape()[0];
            for (std::size_t i = 0; i < n; ++i) g(i, static_cast<std::size_t>(labels[i])) -= T(1);
            g *= grad(l)() / static_cast<T>(n);
            add_to(logits, g);
        };
        return l;
    }

    // ---- for operations written outside this file (autodiff/conv.hpp) ------------------------

    // A node whose value was computed elsewhere; a gradient flows into it if needs_grad.
    Var record(Tensor value, bool needs_grad) { return push(std::move(value), needs_grad, {}); }
    // Its backward rule: called once the node's gradient grad(y) is complete, it computes the
    // inputs' gradients from it and hands each to accumulate().
    void on_backward(Var y, std::function<void()>&& rule) {
        nodes_[y.id].backward = std::move(rule);
    }
    bool needs_grad(Var v) const { return needs(v); }
    void accumulate(Var v, Tensor g) { add_to(v, std::move(g)); }

    // ---- the backward pass -----------------------------------------------------------------

    // Seeds ∂loss/∂loss = 1 (loss must hold one number) and runs every recorded rule in reverse;
    // the parameters' gradients are added into their Parameter::grad.
    void backward(Var loss) {
        if (value(loss).size() != 1) throw std::logic_error("backward: the loss must be a scalar");
        nodes_[loss.id].grad = xt::ones_like(value(loss));
        nodes_[loss.id].has_grad = true;
        for (std::size_t i = loss.id + 1; i-- > 0;) {
            Node& n = nodes_[i];
            if (!n.has_grad || !n.needs_grad) continue;
            if (n.backward) n.backward();
            if (n.param) n.param->grad += n.grad;
        }
    }

  private:
    // out_i = x_i > 0 ? v_i : 0.
    static void select_positive(const T* x, const T* v, T* out, std::size_t n) {
        for (std::size_t i = 0; i < n; ++i) {
            const T xi = x[i], vi = v[i];
            out[i] = xi > T(0) ? vi : T(0);
        }
    }

    // add_bias for a matrix x (n, m) and a row b (1, m), as plain loops (the common case, and
    // chapter 11's hot one). b̄_j = Σ_i ȳ_ij is summed over i in increasing order, the order
    // xt::sum takes, so both paths give the same bits.
    Var add_row(Var x, Var b) {
        const Tensor& xv = value(x);
        const Tensor& bv = value(b);
        const std::size_t n = xv.shape()[0], m = xv.shape()[1];
        if (bv.size() != m) throw std::logic_error("add_bias: the bias must have x's columns");
        Tensor out = Tensor::from_shape({n, m});
        for (std::size_t i = 0; i < n; ++i) {
            const T* xi = xv.data() + i * m;
            T* yi = out.data() + i * m;
            for (std::size_t j = 0; j < m; ++j) yi[j] = xi[j] + bv.data()[j];
        }
        Var y = push(std::move(out), needs(x) || needs(b), {});
        nodes_[y.id].backward = [this, x, b, y, n, m] {
            if (needs(x)) add_to(x, grad(y));
            if (needs(b)) {
                const Tensor& g = grad(y);
                Tensor s = xt::zeros<T>(value(b).shape());
                for (std::size_t i = 0; i < n; ++i) {
                    const T* gi = g.data() + i * m;
                    for (std::size_t j = 0; j < m; ++j) s.data()[j] += gi[j];
                }
                add_to(b, std::move(s));
            }
        };
        return y;
    }

    struct Node {
        Tensor value, grad;  // grad is meaningful once has_grad: something flowed into it
        bool needs_grad = false;
        bool has_grad = false;
        std::function<void()> backward;
        Parameter<T>* param = nullptr;
    };

    Var push(Tensor value, bool needs_grad, std::function<void()> backward) {
        nodes_.push_back(
            {std::move(value), Tensor(), needs_grad, false, std::move(backward), nullptr});
        return {nodes_.size() - 1};
    }
    bool needs(Var v) const { return nodes_[v.id].needs_grad; }
    // Gradients accumulate: a node used twice receives the sum of both uses' contributions.
    template <class E>
    void add_to(Var v, E&& g) {
        Node& n = nodes_[v.id];
        if (!n.has_grad) {
            n.grad = std::forward<E>(g);
            n.has_grad = true;
        } else {
            n.grad += g;
        }
    }

    std::vector<Node> nodes_;
};

// Compiled once, for float and double, in autodiff/autodiff.cpp: whoever includes this header
// links that copy rather than compiling the operations again (seconds per program).
extern template struct Parameter<float>;
extern template struct Parameter<double>;
extern template class Tape<float>;
extern template class Tape<double>;

}  // namespace gd::ad
