// classifier.hpp: chapter 11's Fashion-MNIST classifier, its batches, one training step and
// the test-set score.
//
// The network is a 784-256-128-10 perceptron with ReLU (common/mlp.hpp) in float32, trained on
// softmax cross-entropy (common/tape.hpp) in batches of 250 images; its three matrix products
// per layer and pass (forward, and the two of backward) go to OpenBLAS's sgemm. The order of the
// images is a permutation drawn from our seeded generator, so a seed fixes every batch.
// Notation: θ parameters, η learning rate, ℓ a batch's mean cross-entropy.
#pragma once

#include <cstddef>
#include <cstring>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include <xtensor/xarray.hpp>

#include "sys/idx.hpp"
#include "autodiff/mlp.hpp"
#include "optim/factory.hpp"
#include "core/rng.hpp"
#include "autodiff/tape.hpp"

namespace ch11 {

using Net = gd::Mlp<float>;
using Tensor = xt::xarray<float>;

inline const std::vector<std::size_t> kSizes = {784, 256, 128, 10};

inline Net make_net(std::uint64_t seed) {
    gd::Rng rng(seed);
    return Net(kSizes, gd::Activation::relu, rng);
}

// A batch: images as the rows of one (n, 784) matrix, and their labels.
struct Batch {
    Tensor x;
    std::vector<int> y;
};

// Rows order[first], ..., order[first + n − 1] of a set, copied into one batch.
inline void gather(const gd::ImageSet& s, const std::vector<std::size_t>& order, std::size_t first,
                   std::size_t n, Batch& b) {
    if (b.x.dimension() != 2 || b.x.shape()[0] != n || b.x.shape()[1] != s.pixels) {
        b.x = Tensor::from_shape({n, s.pixels});
    }
    b.y.resize(n);
    for (std::size_t i = 0; i < n; ++i) {
        const std::size_t row = order[first + i];
        std::memcpy(b.x.data() + i * s.pixels, s.images.data() + row * s.pixels,
                    s.pixels * sizeof(float));
        b.y[i] = s.labels[row];
    }
}

// Epochs of batches: a fresh permutation of the rows at the start of each epoch, drawn from the
// loader's own generator; the last incomplete batch of an epoch is dropped (Fashion-MNIST's
// 60 000 images make 240 batches of 250 exactly).
class Loader {
  public:
    Loader(const gd::ImageSet& s, std::size_t batch, std::uint64_t seed)
        : set_(&s), batch_(batch), rng_(seed) {}
    std::size_t batches_per_epoch() const { return set_->rows / batch_; }
    const Batch& next() {
        if (at_ == 0 || at_ + batch_ > set_->rows) {
            order_ = gd::permutation(set_->rows, rng_);
            at_ = 0;
        }
        gather(*set_, order_, at_, batch_, batch);
        at_ += batch_;
        return batch;
    }
    Batch batch;

  private:
    const gd::ImageSet* set_;
    std::size_t batch_, at_ = 0;
    gd::Rng rng_;
    std::vector<std::size_t> order_;
};

// One update at rate η: ℓ and ∇ℓ by the tape, then θ ← optimizer(θ, ∇ℓ). Returns ℓ, the loss
// the batch had before the update (what Keras's on_batch_end reports, and the range test reads).
inline double train_step(Net& net, gd::Optimizer<float>& opt, const Batch& b, double lr) {
    gd::ad::Tape<float> tape;
    net.zero_grad();
    const auto loss = tape.cross_entropy(net(tape, tape.constant(b.x)), b.y);
    tape.backward(loss);
    opt.lr = lr;
    opt.step(net.values(), net.grads());
    return static_cast<double>(tape.value(loss)());
}

// Mean cross-entropy and accuracy of the network on a whole set, in chunks of rows.
struct Score {
    double loss = 0, accuracy = 0;
};
inline Score evaluate(Net& net, const gd::ImageSet& s, std::size_t chunk = 1000) {
    std::vector<std::size_t> order(s.rows);
    for (std::size_t i = 0; i < s.rows; ++i) order[i] = i;
    Score score;
    Batch b;
    for (std::size_t first = 0; first < s.rows; first += chunk) {
        const std::size_t n = std::min(chunk, s.rows - first);
        gather(s, order, first, n, b);
        gd::ad::Tape<float> tape;
        const auto logits = net(tape, tape.constant(b.x));
        score.loss += static_cast<double>(tape.value(tape.cross_entropy(logits, b.y))()) *
                      static_cast<double>(n);
        const Tensor& z = tape.value(logits);
        for (std::size_t i = 0; i < n; ++i) {
            std::size_t best = 0;
            for (std::size_t c = 1; c < z.shape()[1]; ++c) {
                if (z(i, c) > z(i, best)) best = c;
            }
            score.accuracy += static_cast<int>(best) == b.y[i] ? 1.0 : 0.0;
        }
    }
    score.loss /= static_cast<double>(s.rows);
    score.accuracy /= static_cast<double>(s.rows);
    return score;
}

// What a range test must leave as it found: the parameters' values and the optimizer's state.
class Snapshot {
  public:
    Snapshot(Net& net, const gd::Optimizer<float>& opt) : net_(&net) {
        for (const Tensor* v : net.values()) values_.push_back(*v);
        opt.save(state_);
    }
    void restore(gd::Optimizer<float>& opt) {
        const auto values = net_->values();
        for (std::size_t i = 0; i < values.size(); ++i) *values[i] = values_[i];
        net_->zero_grad();
        std::istringstream is(state_.str());
        opt.load(is);
    }

  private:
    Net* net_;
    std::vector<Tensor> values_;
    std::ostringstream state_;
};

}  // namespace ch11
