// mlp.hpp: linear layers and multi-layer perceptrons on the autodiff tape.
//
// Introduced in chapter 09; chapter 10 trains batches of them side by side (a leading "bee"
// axis on every parameter) and chapter 11 a 784-256-128-10 classifier. Initialisation follows
// torch.nn.Linear: weights and biases uniform in ±1/√fan_in (PyTorch's kaiming_uniform with
// a = √5 works out to exactly that bound), drawn from our seeded generator so a seed fixes the
// network on every machine. Weights are stored (in, out), so a layer is y = x·W + b.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <string>
#include <vector>

#include "autodiff/tape.hpp"
#include "core/rng.hpp"
#include "core/usage_error.hpp"

namespace gd {

enum class Activation { relu, tanh, sigmoid };

inline Activation activation_from_name(const std::string& name) {
    if (name == "relu") return Activation::relu;
    if (name == "tanh") return Activation::tanh;
    if (name == "sigmoid") return Activation::sigmoid;
    throw UsageError("unknown activation '" + name + "' (relu, tanh, sigmoid)");
}

template <class T>
struct Linear {
    ad::Parameter<T> weight, bias;

    // batch = 0: W (in, out), b (1, out). batch = B: B independent layers, W (B, in, out) and
    // b (B, 1, out). All zero until draw() fills them.
    Linear(std::size_t in, std::size_t out, std::size_t batch = 0)
        : weight(shape(batch, in, out)), bias(shape(batch, 1, out)) {}
    Linear(std::size_t in, std::size_t out, Rng& rng) : Linear(in, out) { draw(0, rng); }

    // Draws layer k of the batch (k = 0 when unbatched): first its weights, then its bias.
    void draw(std::size_t k, Rng& rng) {
        const std::size_t in = weight.value.shape()[weight.value.dimension() - 2];
        const std::size_t out = weight.value.shape()[weight.value.dimension() - 1];
        const double bound = 1.0 / std::sqrt(static_cast<double>(in));
        T* w = weight.value.data() + k * in * out;
        T* b = bias.value.data() + k * out;
        for (std::size_t i = 0; i < in * out; ++i) w[i] = T(rng.uniform(-bound, bound));
        for (std::size_t j = 0; j < out; ++j) b[j] = T(rng.uniform(-bound, bound));
    }

    typename ad::Tape<T>::Var operator()(ad::Tape<T>& t, typename ad::Tape<T>::Var x) {
        return t.add_bias(t.matmul(x, t.param(weight)), t.param(bias));
    }

  private:
    static xt::xarray<T> shape(std::size_t batch, std::size_t rows, std::size_t cols) {
        if (batch == 0) return xt::zeros<T>({rows, cols});
        return xt::zeros<T>({batch, rows, cols});
    }
};

// Linear layers with an activation between them (none after the last): sizes {1, 10, 1} is
// one hidden layer of width 10.
template <class T>
class Mlp {
  public:
    // With batch = B, B independent networks, drawn one whole network after the other: network
    // k gets the same weights as the only network of Mlp(sizes, act, rng) would, had the
    // generator been advanced past networks 0..k-1 first.
    Mlp(const std::vector<std::size_t>& sizes, Activation act, Rng& rng, std::size_t batch = 0)
        : act_(act) {
        for (std::size_t i = 0; i + 1 < sizes.size(); ++i) {
            layers_.emplace_back(sizes[i], sizes[i + 1], batch);
        }
        for (std::size_t k = 0; k < std::max<std::size_t>(batch, 1); ++k) {
            for (auto& layer : layers_) layer.draw(k, rng);
        }
    }

    typename ad::Tape<T>::Var operator()(ad::Tape<T>& t, typename ad::Tape<T>::Var x) {
        for (std::size_t i = 0; i < layers_.size(); ++i) {
            x = layers_[i](t, x);
            if (i + 1 == layers_.size()) break;
            if (act_ == Activation::relu) x = t.relu(x);
            if (act_ == Activation::tanh) x = t.tanh(x);
            if (act_ == Activation::sigmoid) x = t.sigmoid(x);
        }
        return x;
    }

    std::vector<ad::Parameter<T>*> parameters() {
        std::vector<ad::Parameter<T>*> ps;
        for (auto& l : layers_) ps.insert(ps.end(), {&l.weight, &l.bias});
        return ps;
    }
    // What an Optimizer<T>::step takes.
    std::vector<xt::xarray<T>*> values() { return ad::values_of(parameters()); }
    std::vector<const xt::xarray<T>*> grads() { return ad::grads_of(parameters()); }
    void zero_grad() {
        for (auto* p : parameters()) p->zero_grad();
    }
    std::vector<Linear<T>>& layers() { return layers_; }

  private:
    Activation act_;
    std::vector<Linear<T>> layers_;
};

// Compiled once, for float and double, in autodiff/autodiff.cpp: whoever includes this header
// links that copy rather than compiling the operations again (seconds per program).
extern template struct Linear<float>;
extern template struct Linear<double>;
extern template class Mlp<float>;
extern template class Mlp<double>;

}  // namespace gd
