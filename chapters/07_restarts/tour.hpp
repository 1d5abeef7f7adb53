// tour.hpp: the schedules chapter 07 runs on its two problems, each built by the library's
// factory (gd::make_schedule, common/schedule/factory.hpp) from a ScheduleConfig, exactly as
// the playground builds them from its flags.
//
// Each entry is a label and a recipe; a recipe builds a fresh schedule for every run, since a
// plateau keeps state. The settings are chosen to compare like with like: every schedule
// starts at (or climbs to) the same η₀ and fits the run's length; cycles are as long as SGDR's.
// Notation: η₀ the base rate, n the run's updates, T₀ SGDR's first cycle, μ momentum, β1 β2
// Adam's decay rates.
#pragma once

#include <algorithm>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "restarts.hpp"
#include "schedule/factory.hpp"

namespace ch07 {

struct TourEntry {
    std::string label;
    std::function<std::unique_ptr<gd::Schedule>()> make;
    double beta1 = 0, beta2 = 0;  // Adam's β1, β2 for this run; 0: the run's own
};

namespace detail {
inline TourEntry entry(const std::string& label, const std::string& name, double lr,
                       const gd::ScheduleConfig& c, double beta1 = 0, double beta2 = 0) {
    return {label, [=] { return gd::make_schedule(name, lr, c); }, beta1, beta2};
}
}  // namespace detail

// The schedules of the chapter's second section on the line fit: Adam from η₀ for n updates,
// `epoch` updates an epoch. The post's constant rate, AdamAnn and the cosine are the first
// table's; these are the others, each with the control that shows where it stops working.
inline std::vector<TourEntry> line_tour(double lr, long n, long epoch) {
    using detail::entry;
    std::vector<TourEntry> t;
    gd::ScheduleConfig c;
    c.milestones = {n / 2, 3 * n / 4};  // ×0.1 (PyTorch's γ) at half and three quarters
    t.push_back(entry("multistep 50%, 75%", "multistep", lr, c));
    for (double p : {1.0, 2.0}) {
        c = {};
        c.total_iters = int(n), c.power = p;  // to 0 at the end of the run
        t.push_back(entry(p == 1 ? "polynomial, p = 1" : "polynomial, p = 2", "polynomial", lr, c));
    }
    c = {};
    c.warmup_steps = int(n / 10), c.t_max = int(n - n / 10);  // from η₀/3, PyTorch's factor
    t.push_back(entry("warm-up + cosine", "cosine", lr, c));
    c = {};
    c.max_lr = lr, c.total_steps = int(n);
    t.push_back(entry("one-cycle", "onecycle", lr, c));
    c.cycle_momentum = true;  // β1 from 0.95 down to 0.85 at the peak and back, PyTorch's default
    t.push_back(entry("one-cycle, beta1 cycled", "onecycle", lr, c));
    t.push_back(entry("  same, beta2 0.999", "onecycle", lr, c, 0, 0.999));
    c.cycle_momentum = false;
    t.push_back(entry("  no cycle, beta1 0.95", "onecycle", lr, c, 0.95));
    c = {};
    c.base_lr = lr / 1000, c.max_lr = lr, c.step_size_up = int(5 * epoch);  // 10-epoch cycles
    t.push_back(entry("cyclic, ends at a trough", "cyclic", lr, c));
    c.mode = "triangular2";  // each cycle half as high as the one before
    t.push_back(entry("cyclic, triangular2", "cyclic", lr, c));
    c.mode = "triangular", c.step_size_up = int(std::max(1L, n / 15));  // 7.5 cycles: near a peak
    t.push_back(entry("cyclic, ends near a peak", "cyclic", lr, c));
    c = {};
    c.factor = 0.5, c.patience = int(epoch);  // halve when an epoch brings no new best loss
    t.push_back(entry("plateau, patience 1 ep.", "plateau", lr, c));
    c.patience = int(5 * epoch);
    t.push_back(entry("plateau, patience 5 ep.", "plateau", lr, c));
    return t;
}

// The schedules raced on Himmelblau: SGD with momentum from η₀ for n updates, SGDR's cycles
// T₀, T₀·m, ...; the cyclical rates take SGDR's cycle length, from η₀/10 up to η₀ and back.
inline std::vector<TourEntry> himmelblau_tour(double lr, long n, long t0, long t_mult) {
    using detail::entry;
    std::vector<TourEntry> t;
    gd::ScheduleConfig c;
    t.push_back(entry("constant", "constant", lr, c));
    c.t_max = int(n);
    t.push_back(entry("cosine", "cosine", lr, c));
    c = {};
    c.t0 = int(t0), c.t_mult = int(t_mult);
    t.push_back(entry("SGDR", "cosine-restarts", lr, c));
    c = {};
    c.base_lr = lr / 10, c.max_lr = lr, c.step_size_up = int(t0 / 2 > 0 ? t0 / 2 : 1);
    t.push_back(entry("cyclic", "cyclic", lr, c));
    c.cycle_momentum = true;  // μ from 0.9 down to 0.8 at the peak rate, PyTorch's default
    t.push_back(entry("cyclic, mu cycled", "cyclic", lr, c));
    c = {};
    c.max_lr = lr, c.total_steps = int(n);
    t.push_back(entry("one-cycle", "onecycle", lr, c));
    c.cycle_momentum = true;  // μ from 0.95 down to 0.85 at the peak, PyTorch's default
    t.push_back(entry("one-cycle, mu cycled", "onecycle", lr, c));
    c = {};
    c.warmup_steps = int(n / 10), c.warmup_factor = 0.1, c.t_max = int(n - n / 10);
    t.push_back(entry("warm-up + cosine", "cosine", lr, c));
    c = {};
    c.milestones = {n / 2, 3 * n / 4};
    t.push_back(entry("multistep 50%, 75%", "multistep", lr, c));
    c = {};
    c.total_iters = int(n), c.power = 2;
    t.push_back(entry("polynomial, p = 2", "polynomial", lr, c));
    c = {};
    c.factor = 0.5, c.patience = 20;
    t.push_back(entry("plateau", "plateau", lr, c));
    return t;
}

// ---- Running a tour -----------------------------------------------------------------------------

// The post's Adam (η₀, β1, β2) from `start`, per sample on `pts` for `epochs` epochs, under every
// schedule of line_tour(); each trajectory labelled with its schedule.
inline std::vector<gd::Trajectory> run_line_tour(const gd::Points& pts, double lr, double beta1,
                                                 double beta2, gd::Point2 start, int epochs) {
    const long n = long(epochs) * long(pts.size());
    std::vector<gd::Trajectory> runs;
    for (const TourEntry& e : line_tour(lr, n, long(pts.size()))) {
        gd::Adam<double> adam(lr, e.beta1 > 0 ? e.beta1 : beta1, e.beta2 > 0 ? e.beta2 : beta2);
        const auto schedule = e.make();
        runs.push_back(descend_per_sample(adam, pts, schedule.get(), start, n));
        runs.back().label = e.label;
    }
    return runs;
}

// The Himmelblau experiment's settings: how many runs, how long, SGD's η₀ and μ, the noise σ,
// SGDR's cycles (whose ends are every schedule's checkpoints) and the seed of starts and noise.
struct Exploring {
    int runs = 240;
    long steps = 600, t0 = 100, t_mult = 1;
    double lr = 0.003, momentum = 0.9, noise = 20;
    std::uint64_t seed = 7;
};

// Every schedule of `tour` over the same runs: one Tally each, counted in groups of `group`.
inline std::vector<Tally> tally_tour(const Exploring& x, const std::vector<TourEntry>& tour,
                                     int group = 24) {
    const gd::Himmelblau f;
    const std::vector<long> checkpoints = restart_points(x.t0, x.t_mult, x.steps);
    std::vector<Tally> tallies(tour.size());
    for (std::size_t k = 0; k < tour.size(); ++k) {
        explore_runs(f, x.runs, x.steps, checkpoints, x.lr, x.momentum, x.noise, x.seed,
                     tour[k].make, [&](int, const Exploration& e) { tallies[k].add(e, f, group); });
    }
    return tallies;
}

}  // namespace ch07
