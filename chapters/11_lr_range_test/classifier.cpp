// classifier.cpp: chapter 11's training step, scoring and batches (classifier.hpp).
#include <algorithm>
#include <cstring>
#include <sstream>

#include "classifier.hpp"
#include "train/step.hpp"

namespace ch11 {

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
    gd::ad::Tape<float> tape;
    net.zero_grad();
    const auto loss = tape.cross_entropy(net(tape, tape.constant(b.x)), b.y);  // ℓ
    tape.backward(loss);                                                       // ∇ℓ
    gd::step(opt, &schedule, t, net.values(), net.grads());                    // at η_t
    return static_cast<double>(tape.value(loss)());
}

Score evaluate(Net& net, const gd::ImageSet& s, std::size_t chunk) {
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

}  // namespace ch11
