// convnet.hpp: a convolutional layer, and the source article's ConvNet built from it.
//
// Introduced in chapter 11. The article's network (Keras, for 28 × 28 grey images):
//     conv 3×3, 32 filters → ReLU → max-pool 2×2 → conv 3×3, 64 filters → ReLU → max-pool 2×2
//     → flatten → dense 256 → ReLU → dense 128 → ReLU → dense 10 (softmax in the loss)
// which is 26×26×32 → 13×13×32 → 11×11×64 → 5×5×64 = 1600 → 256 → 128 → 10, 462 858
// parameters. The initialisation is PyTorch's default for both layer kinds (Conv2d and Linear):
// weights and biases uniform in ±1/√fan_in, fan_in = kh·kw·c for a convolution (the article's
// Keras would draw Glorot-uniform weights and zero biases), from our seeded generator, layer by
// layer, weights before bias. ConvNetShape scales the same architecture down for the tests.
#pragma once

#include <cmath>
#include <cstddef>
#include <vector>

#include "autodiff/conv.hpp"
#include "autodiff/mlp.hpp"
#include "autodiff/tape.hpp"
#include "core/rng.hpp"

namespace gd {

// kernel × kernel filters from `in` channels to `out`: W (kernel, kernel, in, out), b (out).
template <class T>
struct Conv2d {
    ad::Parameter<T> weight, bias;

    Conv2d(std::size_t in, std::size_t out, std::size_t kernel, Rng& rng)
        : weight(xt::zeros<T>({kernel, kernel, in, out})), bias(xt::zeros<T>({out})) {
        const double bound = 1.0 / std::sqrt(static_cast<double>(kernel * kernel * in));
        for (T& v : weight.value) v = T(rng.uniform(-bound, bound));
        for (T& v : bias.value) v = T(rng.uniform(-bound, bound));
    }

    typename ad::Tape<T>::Var operator()(ad::Tape<T>& t, typename ad::Tape<T>::Var x) {
        return ad::conv2d(t, x, t.param(weight), t.param(bias));
    }
};

// The architecture's sizes; the defaults are the article's.
struct ConvNetShape {
    std::size_t height = 28, width = 28, channels = 1;  // the images
    std::size_t kernel = 3, pool = 2;                   // 3 × 3 filters, 2 × 2 pooling
    std::size_t filters1 = 32, filters2 = 64;           // the two convolutions
    std::size_t hidden1 = 256, hidden2 = 128, classes = 10;

    // Side of the feature maps after conv → pool, twice: (28 − 2) / 2 = 13, (13 − 2) / 2 = 5.
    std::size_t side(std::size_t s) const { return ((s - kernel + 1) / pool - kernel + 1) / pool; }
    std::size_t flat() const { return side(height) * side(width) * filters2; }
};

template <class T>
class ConvNet {
  public:
    using Var = typename ad::Tape<T>::Var;

    ConvNet(const ConvNetShape& s, Rng& rng)
        : s_(s),
          conv1_(s.channels, s.filters1, s.kernel, rng),
          conv2_(s.filters1, s.filters2, s.kernel, rng),
          fc1_(s.flat(), s.hidden1, rng),
          fc2_(s.hidden1, s.hidden2, rng),
          fc3_(s.hidden2, s.classes, rng) {}

    // x: a batch of images, (n, height, width, channels), or (n, height·width·channels) with
    // each row one image's pixels in that order. Returns the logits, (n, classes).
    Var operator()(ad::Tape<T>& t, Var x) {
        const std::size_t n = t.value(x).shape()[0];
        if (t.value(x).dimension() == 2)
            x = ad::reshape(t, x, {n, s_.height, s_.width, s_.channels});
        // conv → ReLU → max-pool, computed as conv → max-pool → ReLU: the largest of a window
        // after ReLU is ReLU of its largest, and the gradient goes to the same input (or to
        // none, when the window has nothing positive), so every value and gradient is the same,
        // bit for bit (tests/test_conv.cpp), with the ReLU on a quarter of the numbers.
        x = t.relu(ad::max_pool2d(t, conv1_(t, x), s_.pool));
        x = t.relu(ad::max_pool2d(t, conv2_(t, x), s_.pool));
        x = ad::flatten(t, x);
        x = t.relu(fc1_(t, x));
        x = t.relu(fc2_(t, x));
        return fc3_(t, x);
    }

    // In the order they were drawn: conv1 W, b, conv2 W, b, then the dense layers' W, b.
    std::vector<ad::Parameter<T>*> parameters() {
        return {&conv1_.weight, &conv1_.bias, &conv2_.weight, &conv2_.bias, &fc1_.weight,
                &fc1_.bias,     &fc2_.weight, &fc2_.bias,     &fc3_.weight, &fc3_.bias};
    }
    // What an Optimizer<T>::step takes.
    std::vector<xt::xarray<T>*> values() { return ad::values_of(parameters()); }
    std::vector<const xt::xarray<T>*> grads() { return ad::grads_of(parameters()); }
    void zero_grad() {
        for (auto* p : parameters()) p->zero_grad();
    }
    const ConvNetShape& shape() const { return s_; }
    Conv2d<T>& conv1() { return conv1_; }
    Conv2d<T>& conv2() { return conv2_; }
    Linear<T>& fc(std::size_t i) { return i == 0 ? fc1_ : i == 1 ? fc2_ : fc3_; }

  private:
    ConvNetShape s_;
    Conv2d<T> conv1_, conv2_;
    Linear<T> fc1_, fc2_, fc3_;
};

// Compiled once, for float and double, in autodiff/autodiff.cpp.
extern template struct Conv2d<float>;
extern template struct Conv2d<double>;
extern template class ConvNet<float>;
extern template class ConvNet<double>;

}  // namespace gd
