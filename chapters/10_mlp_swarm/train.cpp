// train.cpp: chapter 10's hive trained, with the fused engine (fused.hpp) or the tape.
#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>
#include <memory>
#include <vector>

#include <xtensor/xarray.hpp>

#include "autodiff/tape.hpp"
#include "fused.hpp"
#include "hive.hpp"
#include "optim/factory.hpp"
#include "train/step.hpp"

namespace ch10 {

// ---- Forward and backward: the autodiff tape (chapter 09) -------------------------------------

void tape_pass(const Spec& s, const Target& t, Net& net, Net& grad, double* pred, double* loss) {
    const std::size_t B = net.bees(), n = t.x.size();
    xt::xarray<double> x = xt::zeros<double>({B, n, std::size_t{1}}), y = x;
    for (std::size_t k = 0; k < B; ++k)
        for (std::size_t i = 0; i < n; ++i) x(k, i, 0) = t.x[i], y(k, i, 0) = t.y[i];
    std::vector<gd::ad::Parameter<double>> ps;
    ps.reserve(2 * net.W.size());
    gd::ad::Tape<double> tape;
    auto h = tape.constant(x);
    for (std::size_t l = 0; l < net.W.size(); ++l) {
        ps.emplace_back(net.W[l]);
        ps.emplace_back(net.b[l]);
        h = tape.add_bias(tape.matmul(h, tape.param(ps[2 * l])), tape.param(ps[2 * l + 1]));
        if (l + 1 == net.W.size()) break;
        if (s.act == gd::Activation::relu) h = tape.relu(h);
        if (s.act == gd::Activation::tanh) h = tape.tanh(h);
        if (s.act == gd::Activation::sigmoid) h = tape.sigmoid(h);
    }
    auto per_bee = tape.mse(h, tape.constant(y), true);
    tape.backward(tape.sum(per_bee));
    std::copy(tape.value(h).begin(), tape.value(h).end(), pred);
    std::copy(tape.value(per_bee).begin(), tape.value(per_bee).end(), loss);
    for (std::size_t l = 0; l < net.W.size(); ++l) {
        grad.W[l] = ps[2 * l].grad;
        grad.b[l] = ps[2 * l + 1].grad;
    }
}

// ---- Training the hive ------------------------------------------------------------------------

Record train(const Spec& s, const Sweep& sw, const Target& t, const Net& init) {
    const std::size_t C = sw.cells(), B = init.bees(), K = B / C, n = t.x.size();
    const std::size_t E = static_cast<std::size_t>(s.epochs), L = init.W.size();
    Record r;
    r.epochs = E, r.bees = B, r.points = n;
    // Grown epoch by epoch (reserved up front): zero-filling all E·B·n numbers at once would
    // make one more pass over 7 MB that the epochs overwrite anyway.
    r.pred.reserve(E * B * n);
    r.loss.reserve(E * B);
    r.diverged_at.assign(B, -1);
    Net net = init, grad = init;

    std::vector<std::unique_ptr<gd::Optimizer<double>>> opt;
    for (std::size_t c = 0; c < C; ++c) {
        gd::OptimizerConfig cfg = s.base;
        set_hyper(cfg, sw.rows.name, sw.rows.values[c / sw.cols.values.size()]);
        set_hyper(cfg, sw.cols.name, sw.cols.values[c % sw.cols.values.size()]);
        opt.push_back(gd::make_optimizer<double>(s.optimizer, cfg));
    }
    // Per cell, one flat copy of all its bees' parameters (tensor by tensor) and of their
    // gradients: what its optimizer steps, in one call. Every rule here is elementwise, so the
    // grouping changes nothing but the overhead.
    std::vector<xt::xarray<double>*> tensors, grads;
    for (std::size_t l = 0; l < L; ++l) {
        tensors.insert(tensors.end(), {&net.W[l], &net.b[l]});
        grads.insert(grads.end(), {&grad.W[l], &grad.b[l]});
    }
    std::size_t flat = 0;
    for (const auto* a : tensors) flat += a->size() / B * K;
    std::vector<xt::xarray<double>> theta(C, xt::zeros<double>({flat})), g = theta;
    Fused fused(s, t);
    const double nan = std::numeric_limits<double>::quiet_NaN();

    for (std::size_t e = 0; e < E; ++e) {
        r.pred.resize((e + 1) * B * n);
        r.loss.resize((e + 1) * B);
        double* pred = &r.pred[e * B * n];
        double* loss = &r.loss[e * B];
        if (s.fused) {
            fused.run_all(net, grad, pred, loss);
        } else {
            tape_pass(s, t, net, grad, pred, loss);
        }
        // A non-finite loss marks the bee diverged from here on: no prediction, no loss, and
        // a zero gradient, so its optimizer state stays finite (it is frozen below anyway).
        for (std::size_t k = 0; k < B; ++k) {
            if (r.diverged_at[k] < 0 && !std::isfinite(loss[k])) r.diverged_at[k] = int(e);
            if (r.diverged_at[k] < 0) continue;
            loss[k] = nan;
            std::fill(pred + k * n, pred + (k + 1) * n, nan);
            for (std::size_t l = 0; l < L; ++l) {
                const std::size_t w = grad.W[l].size() / B, v = grad.b[l].size() / B;
                std::fill(grad.W[l].data() + k * w, grad.W[l].data() + (k + 1) * w, 0.0);
                std::fill(grad.b[l].data() + k * v, grad.b[l].data() + (k + 1) * v, 0.0);
            }
        }
        if (e + 1 == E) r.last_net = net;
        // One update per cell on its own slice; diverged bees are not written back (frozen).
        for (std::size_t c = 0; c < C; ++c) {
            for (std::size_t i = 0, off = 0; i < tensors.size(); ++i) {
                const std::size_t per = tensors[i]->size() / B;
                std::copy(tensors[i]->data() + c * K * per, tensors[i]->data() + (c + 1) * K * per,
                          theta[c].data() + off);
                std::copy(grads[i]->data() + c * K * per, grads[i]->data() + (c + 1) * K * per,
                          g[c].data() + off);
                off += K * per;
            }
            gd::step(*opt[c], nullptr, long(e), {&theta[c]}, {&g[c]});  // at the cell's η
            for (std::size_t i = 0, off = 0; i < tensors.size(); ++i) {
                const std::size_t per = tensors[i]->size() / B;
                for (std::size_t k = 0; k < K; ++k)
                    if (r.diverged_at[c * K + k] < 0)
                        std::copy(theta[c].data() + off + k * per,
                                  theta[c].data() + off + (k + 1) * per,
                                  tensors[i]->data() + (c * K + k) * per);
                off += K * per;
            }
        }
    }
    return r;
}

Record train(const Spec& s, const Sweep& sw, const Target& t) {
    return train(s, sw, t, tile(draw_bees(s), sw.cells()));
}

}  // namespace ch10
