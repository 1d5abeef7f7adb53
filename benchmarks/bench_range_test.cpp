// bench_range_test: chapter 11's two range tests against PyTorch's, timed side by side.
//
// For each network (the article's ConvNet, the MLP): the chapter's two default sweeps (plain
// SGD and Adam, float32, batches of 250, 1e-4 → 1 over one epoch of Fashion-MNIST, stop at 4 ×
// the best loss), each on its own core as the chapter runs them, data loading excluded, timed
// as its range_test_seconds; then benchmarks/torch_range_test.py doing the same work (the same
// number of batches per sweep) in PyTorch 1.13 the fastest way it can use two cores, each sweep
// in its own single-threaded process. Each way is repeated and the medians compared on a ratio
// line. Also printed: the floating-point work and how long it would take at the peak of our
// GEMM on this machine's two cores, the limit the figures are measured against.
//   bench_range_test [--model both|convnet|mlp] [--repeats N] [--torch-ways processes,threads,one]
#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "11_lr_range_test/experiments.hpp"
#include "autodiff/gemm.hpp"
#include "cli/cli.hpp"
#include "sys/memory.hpp"

namespace {

double seconds(const std::function<void()>& f) {
    const auto start = std::chrono::steady_clock::now();
    f();
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

// Floating-point operations of one batch of 250, forward and backward (2 per multiply-add of
// every matrix product; the images' own gradient is not computed).
double flops_per_batch(const std::string& model) {
    const double n = 250;
    if (model == "mlp") {
        const double fwd = n * (784 * 256 + 256 * 128 + 128 * 10);
        return 2 * (fwd + fwd + n * (256 * 128 + 128 * 10));  // forward, W̄, x̄ past layer 1
    }
    const double conv1 = 26 * 26 * 32 * 9, conv2 = 11 * 11 * 64 * 288;
    const double dense = 1600 * 256 + 256 * 128 + 128 * 10;
    return 2 * n * ((conv1 + conv2 + dense) * 2 + conv2 + dense);
}

// Our GEMM's throughput on one core, on a product large enough to reach its peak.
double gemm_peak_gflops() {
    const std::size_t m = 480, n = 512, k = 1024;
    std::vector<float> a(m * k, 0.5f), b(k * n, 0.25f), c(m * n);
    std::vector<double> t;
    t.reserve(20);
    for (int i = 0; i < 20; ++i) {
        t.push_back(seconds([&] {
            gd::gemm_into<float>(false, false, m, n, k, a.data(), k, b.data(), n, c.data(), n);
        }));
    }
    return 2.0 * double(m * n * k) / *std::min_element(t.begin(), t.end()) / 1e9;
}

// Runs PyTorch's sweeps; returns the median of each way, by name.
std::vector<std::pair<std::string, double>> torch_seconds(const std::string& model, int sgd,
                                                          int adam, int repeats,
                                                          const std::string& ways) {
    const std::string cmd = "/usr/bin/python3 " BOOK_SOURCE_DIR
                            "/benchmarks/torch_range_test.py"
                            " --model " +
                            model + " --batches " + std::to_string(sgd) + "," +
                            std::to_string(adam) + " --repeats " + std::to_string(repeats) +
                            " --ways " + ways;
    std::unique_ptr<FILE, int (*)(FILE*)> p(popen(cmd.c_str(), "r"), pclose);
    if (!p) throw std::runtime_error("cannot run " + cmd);
    std::vector<std::pair<std::string, double>> got;
    std::array<char, 512> line{};
    while (std::fgets(line.data(), int(line.size()), p.get())) {
        std::printf("  %s", line.data());
        char way[64];
        double s = 0;
        if (std::sscanf(line.data(), "median %63s %lf", way, &s) == 2) got.emplace_back(way, s);
    }
    return got;
}

}  // namespace

int main(int argc, char** argv) {
    gd::keep_freed_memory();
    return gd::run("bench_range_test", [&] {
        std::string which = "both", ways = "processes";
        int repeats = 5;
        gd::Cli cli("bench_range_test", "chapter 11's range tests against PyTorch's", std::nullopt,
                    false);
        cli.option("--model", which, "networks to time", {"both", "convnet", "mlp"});
        cli.option("--repeats", repeats, "runs of each way (the median is compared)", 1, 100);
        cli.option("--torch-ways", ways, "PyTorch's ways to use two cores (comma-separated)");
        if (!cli.parse(argc, argv)) return 0;
        const gd::ImageSet train = gd::read_fashion_mnist("train", gd::kFashionMnistDir);
        const gd::ImageSet test = gd::read_fashion_mnist("t10k", gd::kFashionMnistDir, 100);
        ch11::Settings s;
        s.models = which == "both" ? std::vector<std::string>{"mlp", "convnet"}
                                   : std::vector<std::string>{which};
        const ch11::Data d = ch11::split(train, test, s);
        const double peak = gemm_peak_gflops();
        std::printf("GEMM kernels: %s, %.1f GFLOP/s on one core (the peak we measure against)\n",
                    gd::gemm_path_name(gd::gemm_path()), peak);
        for (const std::string& model : s.models) {
            std::vector<double> times;
            std::size_t batches[2] = {0, 0};
            std::printf("\n%s: the chapter's two sweeps, one per core:", model.c_str());
            for (int i = 0; i < repeats; ++i) {
                times.push_back(seconds([&] {
                    const auto sw =
                        ch11::range_tests({{model, "sgd", 0}, {model, "adam", 0}}, d, s);
                    batches[0] = sw[0].r.lrs.size() + (sw[0].r.stopped_early ? 1 : 0);
                    batches[1] = sw[1].r.lrs.size() + (sw[1].r.stopped_early ? 1 : 0);
                }));
                std::printf(" %.3f", times.back());
                std::fflush(stdout);
            }
            const double ours = median(times);
            const double work = flops_per_batch(model) * double(batches[0] + batches[1]);
            std::printf(
                " s\n  median %.3f s for %zu + %zu batches; %.0f GFLOP, %.3f s at the "
                "GEMM peak on two cores (%.0f%% of it)\n",
                ours, batches[0], batches[1], work / 1e9, work / (2 * peak * 1e9),
                100 * work / (2 * peak * 1e9) / ours);
            const auto torch =
                torch_seconds(model, int(batches[0]), int(batches[1]), repeats, ways);
            for (const auto& [way, t] : torch) {
                std::printf("ratio %s: ours %.3f s / PyTorch (%s) %.3f s = %.3f\n", model.c_str(),
                            ours, way.c_str(), t, ours / t);
            }
        }
        return 0;
    });
}
