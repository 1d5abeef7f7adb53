// bench_hive: chapter 10's two workloads against PyTorch 1.13, timed side by side in one run.
//
//   hive    the chapter's default hive (a): 6 cells x 10 bees x 250 epochs of 1-10-1 ReLU
//           networks on sin x, every epoch's predictions and losses recorded;
//   phase   the phase diagram: 16 momenta x 16 rates x 32 bees = 8,192 bees x 250 epochs,
//           every epoch's losses recorded.
// Each is timed as the chapter times it (the training call only), `--repeats` times, with one
// and two threads; the median counts. Then benchmarks/torch_hive.py runs the same workloads in
// PyTorch (float64, the same rule), in every formulation it has, on one core and on two, and
// the ratio lines compare like with like: the fastest PyTorch formulation on the same number of
// cores. Last, the floating-point limit: the arithmetic the fused engine does, over the
// machine's peak (2 cores, 8 doubles a vector, 2 multiplications and 2 additions a cycle: AMD
// Zen 5; the build forbids fused multiply-adds), with the clock measured by a chain of dependent
// additions.
// Usage: bench_hive [--repeats N] [--no-torch] [--torch-threads-phase]
//   (PYTHON=... to choose the interpreter; --torch-threads-phase adds the phase diagram on
//   PyTorch's own two threads, minutes slower than two one-thread processes here)
#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <map>
#include <memory>
#include <string>
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

double median_of(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

// Times `repeats` trainings; prints them and returns the median.
double timed(const char* label, const ch10::Spec& spec, const ch10::Sweep& sw,
             const ch10::Target& t, int repeats) {
    std::vector<double> times;
    std::printf("%-34s", label);
    for (int i = 0; i < repeats; ++i) {
        times.push_back(seconds(spec, sw, t));
        std::printf(" %.4f", times.back());
    }
    const double m = median_of(times);
    std::printf(" s\n%34s median %.4f s, best %.4f s\n", "", m,
                *std::min_element(times.begin(), times.end()));
    return m;
}

// The clock, from 8 dependent additions an iteration (1 cycle each on any x86-64 since 2003),
// over the process's CPU time: a shared machine's waiting time does not count.
double clock_ghz() {
#if defined(__x86_64__) && defined(__GNUC__)
    const long n = 100000000;
    std::uint64_t x = 0;
    const std::clock_t start = std::clock();
    for (long i = 0; i < n; ++i)
        asm volatile(
            "add $1, %0\n\tadd $1, %0\n\tadd $1, %0\n\tadd $1, %0\n\t"
            "add $1, %0\n\tadd $1, %0\n\tadd $1, %0\n\tadd $1, %0"
            : "+r"(x));
    return 8.0 * double(n) / (double(std::clock() - start) / CLOCKS_PER_SEC) / 1e9;
#else
    return std::nan("");
#endif
}

// Runs torch_hive.py with `args`; returns each line's median, keyed "workload form cores".
std::map<std::string, double> torch_medians(const std::string& args) {
    std::string file = __FILE__;
    const std::string script = file.substr(0, file.find_last_of('/') + 1) + "torch_hive.py";
    const char* py = std::getenv("PYTHON");
    const std::string cmd =
        std::string(py ? py : "/usr/bin/python3") + " '" + script + "' " + args + " 2>&1";
    std::map<std::string, double> out;
    std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(cmd.c_str(), "r"), pclose);
    if (!pipe) return out;
    std::array<char, 512> line{};
    while (std::fgets(line.data(), int(line.size()), pipe.get())) {
        std::printf("  %s", line.data());
        char work[32], form[32], kind[32];
        int cores = 0;
        double median = 0;
        if (std::sscanf(line.data(), "torch %31s %31s %31s %d median %lf", work, form, kind, &cores,
                        &median) == 5)
            out[std::string(work) + " " + form + " " + kind + " " + std::to_string(cores)] = median;
    }
    return out;
}

// The fastest PyTorch line of `workload` on `cores` cores.
std::pair<std::string, double> fastest(const std::map<std::string, double>& m,
                                       const std::string& workload, int cores) {
    std::pair<std::string, double> best{"", INFINITY};
    for (const auto& [key, t] : m)
        if (key.rfind(workload + " ", 0) == 0 &&
            key.substr(key.size() - std::to_string(cores).size()) == std::to_string(cores) &&
            t < best.second)
            best = {key.substr(workload.size() + 1), t};
    return best;
}

}  // namespace

int main(int argc, char** argv) {
    int repeats = 15;
    bool torch = true, torch_threads_phase = false;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--no-torch") torch = false;
        if (a == "--torch-threads-phase") torch_threads_phase = true;
        if (a == "--repeats" && i + 1 < argc) repeats = std::max(1, std::atoi(argv[++i]));
    }
    const ch10::Target t = ch10::sin_curve();
    std::printf("clock: %.2f GHz (dependent additions)\n", clock_ghz());

    // The hive: sweep (a), 10 bees, every prediction recorded.
    const ch10::Sweep hive{{"momentum", {0.7, 0.9, 0.95}}, {"lr", {0.002, 0.01}}};
    ch10::Spec h;  // 1-10-1 ReLU, SGD, 10 bees, 250 epochs, seed 10
    std::map<int, double> ours_hive, ours_phase;
    for (const int threads : {1, 2}) {
        h.threads = threads;
        const std::string label = "hive, fused, " + std::to_string(threads) + " thread(s):";
        ours_hive[threads] = timed(label.c_str(), h, hive, t, repeats);
    }
    ch10::Spec tape = h;
    tape.fused = false, tape.threads = 1;
    timed("hive, autodiff tape, 1 thread:", tape, hive, t, 3);

    // The phase diagram: 16 x 16 cells x 32 bees, losses only.
    ch10::Sweep phase{{"momentum", {}}, {"lr", {}}};
    for (int i = 0; i < 16; ++i) {
        phase.rows.values.push_back(0.99 * i / 15);
        phase.cols.values.push_back(std::pow(10.0, -3 + 2.0 * i / 15));
    }
    ch10::Spec p = h;
    p.bees = 32, p.record_pred = false;
    for (const int threads : {1, 2}) {
        p.threads = threads;
        const std::string label = "phase, fused, " + std::to_string(threads) + " thread(s):";
        ours_phase[threads] = timed(label.c_str(), p, phase, t, std::max(3, repeats / 3));
    }

    // The arithmetic of one bee-epoch in the fused engine (blocks.hpp): per unit and point 5
    // forward (xw, +b, max, ·u, +) and 7 backward (select, ·u, h·p̄, +, +, x·z̄, +); per point
    // 6 (+c, −y, d², +, ·2/n, +); per parameter 4 of the SGD step; H = 10, n = 61, P = 31.
    const double per_bee_epoch = 61.0 * 10 * 12 + 61 * 6 + 31 * 4;
    const double ghz = clock_ghz(), peak = 2 * 4 * 8 * ghz;  // GFLOP/s, 2 cores
    for (const auto& [name, bees, ours] :
         {std::tuple<const char*, double, double>{"hive", 60, ours_hive[2]},
          std::tuple<const char*, double, double>{"phase", 8192, ours_phase[2]}}) {
        const double gflop = per_bee_epoch * bees * 250 / 1e9;
        std::printf(
            "limit %s: %.3f GFLOP at %.0f GFLOP/s (2 cores x 8 doubles x 4 a cycle x "
            "%.2f GHz) = %.4f s; measured %.4f s on 2 threads = %.0f%% of peak\n",
            name, gflop, peak, ghz, gflop / peak, ours, 100 * gflop / peak / ours);
    }
    if (!torch) return 0;

    std::printf("PyTorch, the same workloads (benchmarks/torch_hive.py):\n");
    std::map<std::string, double> m = torch_medians("--threads 1 --repeats 7 hive");
    for (const auto& kv : torch_medians("--threads 2 --repeats 7 hive")) m.insert(kv);
    for (const auto& kv : torch_medians("--processes 2 --repeats 3 phase")) m.insert(kv);
    if (torch_threads_phase)  // slower than two processes on this machine, and minutes long
        for (const auto& kv : torch_medians("--threads 2 --repeats 3 phase")) m.insert(kv);
    for (const auto& [workload, ours] :
         {std::pair<std::string, std::map<int, double>*>{"hive", &ours_hive},
          std::pair<std::string, std::map<int, double>*>{"phase", &ours_phase}})
        for (const int cores : {1, 2}) {
            const auto [form, theirs] = fastest(m, workload, cores);
            if (form.empty()) continue;
            std::printf(
                "ratio %s, %d core(s): fastest PyTorch (%s) %.4f s / fused %.4f s = "
                "%.1fx\n",
                workload.c_str(), cores, form.c_str(), theirs, (*ours)[cores],
                theirs / (*ours)[cores]);
        }
    return 0;
}
