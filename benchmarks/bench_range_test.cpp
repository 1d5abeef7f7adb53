// bench_range_test: how long chapter 11's two default range tests take, three ways.
//
// The two sweeps of the chapter (SGD with momentum 0.9, then Adam; 784-256-128-10 in float32,
// batches of 250, one epoch of Fashion-MNIST, rate 1e-4 → 10, stop at 4× the best loss), data
// loading excluded, timed as the chapter's range_test_seconds:
//   parallel    the chapter's way: each sweep on its own core, OpenBLAS on one thread each;
//   blas x2     one sweep after the other, every matrix product split over two OpenBLAS threads;
//   one core    one sweep after the other on one thread (what the PyTorch figure uses).
// Each is repeated 5 times; prints every time and the median. The reference: PyTorch 1.13 doing
// the same two sweeps on one thread needs about 0.9 s on a 2-core machine (the figure);
// benchmarks/torch_range_test.py measures it on this machine.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <vector>

#include "11_lr_range_test/experiments.hpp"
#include "cli/cli.hpp"
#include "sys/blas.hpp"

namespace {

double seconds(const std::function<void()>& f) {
    const auto start = std::chrono::steady_clock::now();
    f();
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

int main(int, char** argv) {
    gd::blas::prefer_fast_kernels(argv);
    return gd::run("bench_range_test", [&] {
        constexpr double kTorchSeconds = 0.9;
        constexpr int kRepeats = 5;
        const gd::ImageSet train = gd::read_fashion_mnist("train", gd::kFashionMnistDir);
        ch11::Settings s;
        s.test.num_steps = int(train.rows / s.batch);
        std::printf("OpenBLAS kernels: %s; two sweeps of up to %d batches of %zu\n",
                    gd::blas::core().c_str(), s.test.num_steps, s.batch);
        std::size_t batches = 0;
        const auto sequential = [&] {
            batches = 0;
            for (const std::string& name : ch11::kOptimizers) {
                batches += ch11::range_test(name, train, s).r.lrs.size();
            }
        };
        const auto parallel = [&] {
            const auto sweeps = ch11::range_tests(train, s);
            batches = sweeps[0].r.lrs.size() + sweeps[1].r.lrs.size();
        };
        struct Way {
            const char* name;
            int threads;
            std::function<void()> run;
        };
        const Way ways[] = {
            {"parallel", 1, parallel}, {"blas x2", 2, sequential}, {"one core", 1, sequential}};
        for (const Way& w : ways) {
            gd::blas::set_threads(w.threads);
            std::vector<double> times;
            std::printf("%-9s", w.name);
            for (int i = 0; i < kRepeats; ++i) {
                times.push_back(seconds(w.run));
                std::printf(" %.3f", times.back());
                std::fflush(stdout);
            }
            std::sort(times.begin(), times.end());
            const double median = times[kRepeats / 2];
            std::printf(" s  median %.3f s (%.2f ms a batch, %.2fx the PyTorch figure's %.1f s)\n",
                        median, 1e3 * median / double(batches), kTorchSeconds / median,
                        kTorchSeconds);
        }
        return 0;
    });
}
