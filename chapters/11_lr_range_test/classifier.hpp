// classifier.hpp: chapter 11's Fashion-MNIST classifiers, their batches, one training step and
// the score on a set of images.
//
// Two networks, both in float32 on the autodiff tape, trained on softmax cross-entropy:
//  - "convnet", the source article's (common/autodiff/convnet.hpp): two 3 × 3 convolutions of
//    32 and 64 filters, each followed by ReLU and 2 × 2 max-pooling, then dense 256, 128, 10;
//  - "mlp", the 784-256-128-10 perceptron with ReLU (common/autodiff/mlp.hpp).
// Both start from PyTorch's default initialisation, drawn from our seeded generator. The order
// of the images is a permutation drawn from a generator of its own, so a seed fixes every batch.
// Notation: θ parameters, η_t learning rate of update t, ℓ a batch's mean cross-entropy.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include <xtensor/xarray.hpp>

#include "autodiff/convnet.hpp"
#include "autodiff/mlp.hpp"
#include "autodiff/tape.hpp"
#include "core/rng.hpp"
#include "optim/optimizer.hpp"
#include "schedule/schedule.hpp"
#include "sys/idx.hpp"

namespace ch11 {

using Tensor = xt::xarray<float>;
using Tape = gd::ad::Tape<float>;

inline const std::vector<std::string> kModels = {"convnet", "mlp"};

// One of the two networks, by name, its weights drawn from Rng(seed).
class Net {
  public:
    Net(const std::string& model, std::uint64_t seed);

    const std::string& model() const { return model_; }
    // The logits (n, 10) of a batch of images, one image per row of x (n, 784).
    Tape::Var operator()(Tape& t, Tape::Var x);
    std::vector<Tensor*> values();  // what an Optimizer<float>::step takes
    std::vector<const Tensor*> grads();
    void zero_grad();
    std::size_t size();  // the number of parameters

  private:
    std::string model_;
    std::unique_ptr<gd::Mlp<float>> mlp_;
    std::unique_ptr<gd::ConvNet<float>> convnet_;
};

// A batch: images as the rows of one (n, 784) matrix, and their labels.
struct Batch {
    Tensor x;
    std::vector<int> y;
};

// Rows order[first], ..., order[first + n − 1] of a set, copied into one batch.
void gather(const gd::ImageSet& s, const std::vector<std::size_t>& order, std::size_t first,
            std::size_t n, Batch& b);

// Epochs of batches from the first `rows` images of a set (all of them by default): a fresh
// permutation at the start of each epoch, drawn from the loader's own generator; the last
// incomplete batch of an epoch is dropped (60 000 images make 240 batches of 250 exactly).
class Loader {
  public:
    Loader(const gd::ImageSet& s, std::size_t batch, std::uint64_t seed, std::size_t rows = 0)
        : set_(&s), rows_(rows == 0 ? s.rows : rows), batch_(batch), rng_(seed) {}
    std::size_t batches_per_epoch() const { return rows_ / batch_; }
    const Batch& next() {
        if (at_ == 0 || at_ + batch_ > rows_) {
            order_ = gd::permutation(rows_, rng_);
            at_ = 0;
        }
        gather(*set_, order_, at_, batch_, batch);
        at_ += batch_;
        return batch;
    }
    Batch batch;

  private:
    const gd::ImageSet* set_;
    std::size_t rows_, batch_, at_ = 0;
    gd::Rng rng_;
    std::vector<std::size_t> order_;
};

// Update t on one batch at the schedule's rate η_t: ℓ and ∇ℓ by the tape, then
// θ ← optimizer(θ, ∇ℓ) through gd::step, the one place a rate reaches an optimizer. Returns ℓ,
// the loss the batch had before the update (what Keras's on_batch_end reports, and the range
// test reads).
double train_step(Net& net, gd::Optimizer<float>& opt, const Batch& b, const gd::Schedule& schedule,
                  long t);

// Mean cross-entropy and accuracy of the network on images first … first + count − 1 of a set
// (all of them by default), in chunks of rows.
struct Score {
    double loss = 0, accuracy = 0;
};
Score evaluate(Net& net, const gd::ImageSet& s, std::size_t first = 0, std::size_t count = 0,
               std::size_t chunk = 250);

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
