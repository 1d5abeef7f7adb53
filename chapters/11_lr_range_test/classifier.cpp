// classifier.cpp: chapter 11's networks, training step, scoring and batches (classifier.hpp).
#include "classifier.hpp"

#include <algorithm>
#include <cstring>

#include "core/usage_error.hpp"
#include "train/step.hpp"

namespace ch11 {

Net::Net(const std::string& model, std::uint64_t seed) : model_(model) {
    gd::Rng rng(seed);
    if (model == "mlp") {
        mlp_ = std::make_unique<gd::Mlp<float>>(std::vector<std::size_t>{784, 256, 128, 10},
                                                gd::Activation::relu, rng);
    } else if (model == "convnet") {
        convnet_ = std::make_unique<gd::ConvNet<float>>(gd::ConvNetShape{}, rng);
    } else {
        throw gd::UsageError("unknown model '" + model + "' (convnet, mlp)");
    }
}

Tape::Var Net::operator()(Tape& t, Tape::Var x) {
    return mlp_ ? (*mlp_)(t, x) : (*convnet_)(t, x);
}
std::vector<Tensor*> Net::values() {
    return mlp_ ? mlp_->values() : convnet_->values();
}
std::vector<const Tensor*> Net::grads() {
    return mlp_ ? mlp_->grads() : convnet_->grads();
}
void Net::zero_grad() {
    if (mlp_) mlp_->zero_grad();
    if (convnet_) convnet_->zero_grad();
}
std::size_t Net::size() {
    std::size_t n = 0;
    for (const Tensor* v : values()) n += v->size();
    return n;
}

void gather(const gd::ImageSet& s, const std::vector<std::size_t>& order, std::size_t first,
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

double train_step(Net& net, gd::Optimizer<float>& opt, const Batch& b, const gd::Schedule& schedule,
                  long t) {
    Tape tape;
    net.zero_grad();
    const auto loss = tape.cross_entropy(net(tape, tape.constant(b.x)), b.y);  // ℓ
    tape.backward(loss);                                                       // ∇ℓ
    gd::step(opt, &schedule, t, net.values(), net.grads());                    // at η_t
    return static_cast<double>(tape.value(loss)());
}

Score evaluate(Net& net, const gd::ImageSet& s, std::size_t first, std::size_t count,
               std::size_t chunk) {
    if (count == 0) count = s.rows - first;
    std::vector<std::size_t> order(s.rows);
    for (std::size_t i = 0; i < s.rows; ++i) order[i] = i;
    Score score;
    Batch b;
    for (std::size_t at = first; at < first + count; at += chunk) {
        const std::size_t n = std::min(chunk, first + count - at);
        gather(s, order, at, n, b);
        Tape tape;
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
    score.loss /= static_cast<double>(count);
    score.accuracy /= static_cast<double>(count);
    return score;
}

}  // namespace ch11
