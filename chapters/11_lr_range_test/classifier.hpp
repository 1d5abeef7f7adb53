// classifier.hpp: chapter 11's Fashion-MNIST classifier, its batches, one training step and
// the test-set score.
//
// The network is a 784-256-128-10 perceptron with ReLU (common/autodiff/mlp.hpp) in float32,
// trained on softmax cross-entropy (common/autodiff/tape.hpp) in batches of 250 images; its three
// matrix products per layer and pass (forward, and the two of backward) go to OpenBLAS's sgemm.
// The order of the images is a permutation drawn from our seeded generator, so a seed fixes
// every batch.
// Notation: θ parameters, η_t learning rate of update t, ℓ a batch's mean cross-entropy.
#pragma once

#include <cstddef>
#include <cstring>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include <xtensor/xarray.hpp>

#include "autodiff/mlp.hpp"
#include "autodiff/tape.hpp"
#include "core/rng.hpp"
#include "optim/factory.hpp"
#include "schedule/schedule.hpp"
#include "sys/idx.hpp"

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
void gather(const gd::ImageSet& s, const std::vector<std::size_t>& order, std::size_t first,
            std::size_t n, Batch& b);

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

// Update t on one batch at the schedule's rate η_t: ℓ and ∇ℓ by the tape, then
// θ ← optimizer(θ, ∇ℓ) through gd::step, the one place a rate reaches an optimizer. Returns ℓ,
// the loss the batch had before the update (what Keras's on_batch_end reports, and the range
// test reads).
double train_step(Net& net, gd::Optimizer<float>& opt, const Batch& b, const gd::Schedule& schedule,
                  long t);

// Mean cross-entropy and accuracy of the network on a whole set, in chunks of rows.
struct Score {
    double loss = 0, accuracy = 0;
};
Score evaluate(Net& net, const gd::ImageSet& s, std::size_t chunk = 1000);

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
