// train.cpp: chapter 10's hive trained, with the fused engine (fused.hpp) or the tape.
//
// Two loops. The general one (train_general) runs any optimizer: every epoch a forward and
// backward pass of all bees (fused or tape), then one gd::step per cell, as every loop of the
// book does. The fast one (train_blocks), for SGD on 1-H-1 networks with the fused engine,
// trains blocks of eight bees through all their epochs at once (blocks.hpp), the blocks shared
// out over threads; tests/test_10_swarm.cpp proves it equal to the general loop, bit for bit,
// whatever the number of threads.
#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>
#include <memory>
#include <thread>
#include <vector>

#include <xtensor/xarray.hpp>

#include "autodiff/tape.hpp"
#include "fused.hpp"
#include "hive.hpp"
#include "optim/factory.hpp"
#include "optim/sgd.hpp"
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

namespace {

using Optimizers = std::vector<std::unique_ptr<gd::Optimizer<double>>>;

// One optimizer per cell, built from spec.base with the cell's two swept values (which checks
// them: a bad value is a UsageError before any training).
Optimizers cell_optimizers(const Spec& s, const Sweep& sw) {
    Optimizers opt;
    for (std::size_t c = 0; c < sw.cells(); ++c) {
        gd::OptimizerConfig cfg = s.base;
        set_hyper(cfg, sw.rows.name, sw.rows.values[c / sw.cols.values.size()]);
        set_hyper(cfg, sw.cols.name, sw.cols.values[c % sw.cols.values.size()]);
        opt.push_back(gd::make_optimizer<double>(s.optimizer, cfg));
    }
    return opt;
}

// The general loop: any network, any optimizer, either engine.
Record train_general(const Spec& s, Optimizers& opt, const Target& t, const Net& init) {
    const std::size_t C = opt.size(), B = init.bees(), K = B / C, n = t.x.size();
    const std::size_t E = static_cast<std::size_t>(s.epochs), L = init.W.size();
    Record r;
    r.epochs = E, r.bees = B, r.points = n, r.per_bee = init.per_bee();
    // Grown epoch by epoch (reserved up front): zero-filling all E·B·n numbers at once would
    // make one more pass over 7 MB that the epochs overwrite anyway.
    r.pred.reserve(E * B * n);
    r.loss.reserve(E * B);
    if (s.record_theta) r.theta.reserve(E * B * r.per_bee);
    r.diverged_at.assign(B, -1);
    Net net = init, grad = init;
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

    std::vector<double> scratch(s.record_pred ? 0 : B * n);
    for (std::size_t e = 0; e < E; ++e) {
        if (s.record_pred) r.pred.resize((e + 1) * B * n);
        r.loss.resize((e + 1) * B);
        if (s.record_theta) {
            r.theta.resize((e + 1) * B * r.per_bee);
            for (std::size_t k = 0; k < B; ++k) net.get(k, &r.theta[(e * B + k) * r.per_bee]);
        }
        double* pred = s.record_pred ? &r.pred[e * B * n] : scratch.data();
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
    if (!s.record_pred) r.pred.clear();
    return r;
}

// The fast loop: SGD on 1-H-1 networks, blocks of eight bees (blocks.hpp). Block q holds bees
// [8q, 8q + 8); its lanes take each bee's weights and its cell's settings, train all epochs and
// write straight into the record. The blocks are independent, so the threads split them in
// contiguous ranges and every bee's numbers are the same for any number of threads.
template <class Act>
Record train_blocks(const Spec& s, const Optimizers& opt, const Target& t, const Net& init) {
    const std::size_t B = init.bees(), K = B / opt.size(), n = t.x.size();
    const std::size_t E = static_cast<std::size_t>(s.epochs), H = s.sizes[1];
    Record r;
    r.epochs = E, r.bees = B, r.points = n, r.per_bee = init.per_bee();
    r.loss.resize(E * B);
    if (s.record_pred) r.pred.resize(E * B * n);
    if (s.record_theta) r.theta.resize(E * B * r.per_bee);
    r.diverged_at.assign(B, -1);
    r.last_net = init;
    const std::size_t blocks = (B + kLanes - 1) / kLanes;
    const auto work = [&](std::size_t first_block, std::size_t last_block) {
        Block blk(H, n);
        std::vector<double> q(r.per_bee);
        for (std::size_t bq = first_block; bq < last_block; ++bq) {
            BlockOut out{};
            out.stride_loss = B, out.stride_pred = B * n, out.stride_theta = B * r.per_bee;
            for (std::size_t k = 0; k < kLanes; ++k) {
                const std::size_t bee = std::min(bq * kLanes + k, B - 1);
                const auto& sgd = static_cast<const gd::Sgd<double>&>(*opt[bee / K]);
                init.get(bee, q.data());  // w (H), b (H), u (H), c
                for (std::size_t j = 0; j < H; ++j)
                    blk.w[j][k] = q[j], blk.b[j][k] = q[H + j], blk.u[j][k] = q[2 * H + j];
                blk.c[k] = q[3 * H];
                blk.lr[k] = sgd.lr(), blk.mu[k] = sgd.momentum;
                blk.keep[k] = 1 - sgd.dampening, blk.decay[k] = sgd.weight_decay;
                blk.has_mu[k] = sgd.momentum != 0 ? -1 : 0;
                blk.has_decay[k] = sgd.weight_decay != 0 ? -1 : 0;
                const bool real = bq * kLanes + k < B;  // spare lanes of the last block: no output
                out.loss[k] = real ? &r.loss[bee] : nullptr;
                out.pred[k] = real && s.record_pred ? &r.pred[bee * n] : nullptr;
                out.theta[k] = real && s.record_theta ? &r.theta[bee * r.per_bee] : nullptr;
                out.diverged_at[k] = &r.diverged_at[bee];
            }
            train_block<Act>(blk, t.x.data(), t.y.data(), n, s.epochs, out);
            for (std::size_t k = 0; k < kLanes && bq * kLanes + k < B; ++k) {
                for (std::size_t j = 0; j < H; ++j)
                    q[j] = blk.w[j][k], q[H + j] = blk.b[j][k], q[2 * H + j] = blk.u[j][k];
                q[3 * H] = blk.c[k];
                r.last_net.set(bq * kLanes + k, q.data());
            }
        }
    };
    const std::size_t T = std::min<std::size_t>(std::max(s.threads, 1), blocks);
    std::vector<std::thread> pool;
    for (std::size_t i = 1; i < T; ++i)
        pool.emplace_back(work, blocks * i / T, blocks * (i + 1) / T);
    work(0, blocks / T);
    for (auto& th : pool) th.join();
    return r;
}

}  // namespace

Record train(const Spec& s, const Sweep& sw, const Target& t, const Net& init) {
    Optimizers opt = cell_optimizers(s, sw);
    const bool fast = s.fused && s.sizes.size() == 3 && s.sizes[0] == 1 && s.sizes[2] == 1 &&
                      s.optimizer == "sgd" && !s.base.nesterov;
    if (!fast) return train_general(s, opt, t, init);
    if (s.act == gd::Activation::tanh) return train_blocks<TanhLanes>(s, opt, t, init);
    if (s.act == gd::Activation::sigmoid) return train_blocks<SigmoidLanes>(s, opt, t, init);
    return train_blocks<ReluLanes>(s, opt, t, init);
}

void bee_gradients(const Spec& s, const Target& t, std::size_t B, const std::vector<double>& theta,
                   std::vector<double>& grad, std::vector<double>* loss) {
    Net net;
    for (std::size_t l = 0; l + 1 < s.sizes.size(); ++l) {
        net.W.push_back(xt::zeros<double>({B, s.sizes[l], s.sizes[l + 1]}));
        net.b.push_back(xt::zeros<double>({B, std::size_t{1}, s.sizes[l + 1]}));
    }
    const std::size_t P = net.per_bee(), n = t.x.size();
    for (std::size_t k = 0; k < B; ++k) net.set(k, &theta[k * P]);
    Net g = net;
    std::vector<double> pred(B * n), l(B);
    if (s.fused) {
        Fused(s, t).run_all(net, g, pred.data(), l.data());
    } else {
        tape_pass(s, t, net, g, pred.data(), l.data());
    }
    grad.resize(B * P);
    for (std::size_t k = 0; k < B; ++k) g.get(k, &grad[k * P]);
    if (loss) *loss = l;
}

Record train(const Spec& s, const Sweep& sw, const Target& t) {
    return train(s, sw, t, tile(draw_bees(s), sw.cells()));
}

}  // namespace ch10
