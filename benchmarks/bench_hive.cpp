// bench_hive: how long chapter 10's default hive takes to train.
//
// Sweep (a) of the chapter, μ ∈ {0.7, 0.9, 0.95} × η ∈ {0.002, 0.01}, 10 bees a cell, 250
// epochs, seed 10: 60 networks 1-10-1, every epoch's predictions and losses recorded. Timed as
// the chapter's hive_train_seconds (the training call only), 7 times; prints each time, the
// median, and the speed-up over the reference: a batched PyTorch implementation (all 60 bees in
// one bmm, float64, one core) needs about 0.11 s (the figure; benchmarks/torch_hive.py
// is that implementation, to time on your machine). The tape engine is timed too.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <vector>

#include "10_mlp_swarm/hive.hpp"

namespace {

double seconds(const ch10::Spec& spec, const ch10::Sweep& sw, const ch10::Target& t) {
    const auto start = std::chrono::steady_clock::now();
    const ch10::Record r = ch10::train(spec, sw, t);
    const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
    if (r.loss.empty()) std::printf("(empty record)\n");  // keeps the work observable
    return took.count();
}

}  // namespace

int main() {
    constexpr double kTorchSeconds = 0.11;  // the PyTorch reference, one core
    constexpr int kRepeats = 7;
    const ch10::Target t = ch10::sin_curve();
    const ch10::Sweep sw{{"momentum", {0.7, 0.9, 0.95}}, {"lr", {0.002, 0.01}}};
    for (const bool fused : {true, false}) {
        ch10::Spec spec;  // 1-10-1 ReLU, SGD, 10 bees, 250 epochs, seed 10
        spec.fused = fused;
        std::vector<double> times;
        std::printf("engine %s, 6 cells x 10 bees x 250 epochs:", fused ? "fused" : "tape");
        for (int i = 0; i < kRepeats; ++i) {
            times.push_back(seconds(spec, sw, t));
            std::printf(" %.4f", times.back());
        }
        std::sort(times.begin(), times.end());
        const double median = times[kRepeats / 2];
        std::printf(" s\n  median %.4f s (%.1fx PyTorch's %.2f s), best %.4f s (%.1fx)\n", median,
                    kTorchSeconds / median, kTorchSeconds, times[0], kTorchSeconds / times[0]);
    }
    return 0;
}
