// playground: any optimizer, with any learning-rate schedule, on any 2-D test surface.
//
//   playground --function F --start X,Y --optimizer O [optimizer flags] [--schedule S [flags]]
//              --steps N --trace FILE.csv [--plot FILE.png] [--animate FILE.gif]
//              [--checkpoint FILE]
//   playground --resume FILE --steps N --trace FILE.csv [...]
//
// The trace has one row per step k = 0..N: the point after k updates, the loss there, and the
// learning rate of update k (row 0: the rate update 1 will use). One step is one optimizer step,
// for L-BFGS one step(closure) however many evaluations it makes. A checkpoint stores the flags
// that built the run plus the optimizer's, the schedule's and the point's exact state, so a
// resumed run continues bit for bit. Notation: θ = (x, y) the point, g the gradient, η the rate.
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "cli/cli.hpp"
#include "cli/optimizer_flags.hpp"
#include "cli/schedule_flags.hpp"
#include "optim/factory.hpp"
#include "plot/figures.hpp"
#include "plot/paths.hpp"
#include "problems/surfaces.hpp"
#include "schedule/factory.hpp"
#include "train/descent.hpp"
#include "train/step.hpp"

namespace {

constexpr const char* kProgram = "playground";
constexpr const char* kMagic = "gd-playground-checkpoint";
constexpr int kVersion = 1;

// ---- The run: a surface, a start, an optimizer and a schedule ------------------------------

// Everything the flags say, and the words that said it (kept for the checkpoint).
struct Setup {
    std::string function, optimizer, schedule = "constant";
    std::string start;
    gd::OptimizerConfig opt;
    gd::ScheduleConfig sched;
    std::vector<std::string> words;  // the flags that define the run, re-parsed on --resume
};

// The flags that define a run (surface, optimizer, schedule). Shared by a fresh run and by
// --resume, which re-reads them from the checkpoint.
void define_run_flags(gd::Cli& cli, Setup& s) {
    cli.option("--function", s.function, "surface", gd::surface_names());
    cli.option("--start", s.start, "starting point X,Y");
    cli.option("--optimizer", s.optimizer, "optimizer", gd::optimizer_names());
    gd::add_optimizer_flags(cli, s.opt);
    cli.option("--schedule", s.schedule, "learning-rate schedule", gd::schedule_names());
    gd::add_schedule_flags(cli, s.sched);
}

gd::Point2 parse_start(const std::string& text) {
    std::stringstream ss(text);
    std::string xs, ys, rest;
    if (!std::getline(ss, xs, ',') || !std::getline(ss, ys, ',') || std::getline(ss, rest)) {
        gd::Cli::fail("--start expects X,Y (two numbers and a comma), got '" + text + "'");
    }
    return {gd::Cli::number("--start", xs), gd::Cli::number("--start", ys)};
}

// A run in progress: the surface, the optimizer and schedule, the point and the step count.
struct Run {
    std::unique_ptr<gd::Surface2> surface;
    std::unique_ptr<gd::Optimizer<double>> optimizer;
    std::unique_ptr<gd::Schedule> schedule;
    xt::xarray<double> theta = xt::zeros<double>({2});
    long step = 0;
    std::vector<std::string> words;
};

// The optimizer, then the schedule from its rate; a schedule that cycles the momentum checks
// the optimizer has one and sets its first value, as PyTorch's scheduler constructors do.
// Without --lr an optimizer takes PyTorch's default, and those without one (sgd, momentum-ema,
// local-gain) are refused; but OneCycleLR and CyclicLR set the rate themselves, so under them
// such an optimizer takes the schedule's first rate rather than fail.
Run build(const Setup& s, gd::Point2 start) {
    Run r;
    r.surface = gd::make_surface(s.function);
    gd::OptimizerConfig opt = s.opt;
    const bool own_rate = s.schedule == "onecycle" || s.schedule == "cyclic";
    const bool needs_rate =
        s.optimizer == "sgd" || s.optimizer == "momentum-ema" || s.optimizer == "local-gain";
    if (!gd::OptimizerConfig::given(opt.lr) && own_rate && needs_rate) {
        opt.lr = s.schedule == "onecycle" ? s.sched.max_lr : s.sched.base_lr;
    }
    r.optimizer = gd::make_optimizer<double>(s.optimizer, opt);
    r.schedule = gd::make_schedule(s.schedule, r.optimizer->lr(), s.sched);
    gd::start_momentum(*r.optimizer, *r.schedule);
    r.theta = {start.x, start.y};
    r.words = s.words;
    return r;
}

// The run in the words that made it, less surface and start: "adam --lr 0.05 --amsgrad".
std::string describe(const Run& r) {
    std::string label = r.optimizer->name();
    for (std::size_t i = 0; i < r.words.size(); ++i) {
        const std::string& w = r.words[i];
        if (w == "--function" || w == "--start" || w == "--optimizer") {
            ++i;  // skip the flag's value too
            continue;
        }
        label += ' ' + w;
    }
    return label;
}

// ---- What it writes ------------------------------------------------------------------------

// Each output is tried before the run, so a path that cannot be written fails at once and
// leaves no other output behind as if the run had finished. The probe is the temporary name
// plot::write_file writes through, in the same folder as every file the flag leads to. A
// figure's folder is made first, as plot_path_file would.
void check_writable(const std::string& flag, const std::string& file, bool make_folder = false) {
    if (file.empty()) return;
    if (make_folder) {
        std::error_code ec;
        std::filesystem::create_directories(std::filesystem::path(file).parent_path(), ec);
    }
    const std::string probe = file + ".tmp";
    std::FILE* f = std::fopen(probe.c_str(), "w");
    if (!f) gd::Cli::fail("cannot write " + flag + " file '" + file + "'");
    std::fclose(f);
    std::remove(probe.c_str());
}

// Where the run ended, or where it stopped being finite; for L-BFGS, what its steps cost.
void report(const Run& run, const gd::Trajectory& path) {
    if (path.diverged_at >= 0) {
        std::cout << "diverged at step " << path.diverged_at << ": the loss or gradient stopped "
                  << "being finite; the trace ends at step " << path.last_step() << "\n";
        return;
    }
    std::cout << "step " << run.step << ": (x, y) = (" << run.theta(0) << ", " << run.theta(1)
              << "), loss " << run.surface->value(run.theta(0), run.theta(1));
    if (run.optimizer->needs_closure()) {
        long evaluations = 0;
        for (long e : path.evaluations) evaluations += e;
        std::cout << ", " << evaluations << " function evaluations in "
                  << path.evaluations.size() - 1 << " steps";
    }
    std::cout << "\n";
}

// ---- Checkpoints: everything needed to go on, bit for bit ----------------------------------

std::string hex(double v) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%a", v);
    return buf;
}

void save_checkpoint(const Run& r, const std::string& path) {
    std::ostringstream os;
    os << kMagic << ' ' << kVersion << '\n' << "flags " << r.words.size() << '\n';
    for (const auto& w : r.words) os << w << '\n';
    os << "step " << r.step << '\n'
       << "point " << hex(r.theta(0)) << ' ' << hex(r.theta(1)) << '\n';
    r.optimizer->save(os);
    r.schedule->save(os);
    os << "end\n";
    gd::plot::write_file(path, os.str());
}

// Every problem is a UsageError saying what is wrong; load_checkpoint adds which file it is.
Run read_checkpoint(std::istream& is) {
    auto bad = [](const std::string& why) { gd::Cli::fail(why); };
    std::string magic, word, line;
    int version = 0;
    if (!(is >> magic >> version) || magic != kMagic) bad("wrong header");
    if (version != kVersion) bad("format version " + std::to_string(version));
    std::size_t n = 0;
    if (!(is >> word >> n) || word != "flags" || n > 200) bad("no flag list");
    std::getline(is, line);
    Setup s;
    s.words.resize(n);
    for (auto& w : s.words)
        if (!std::getline(is, w)) bad("truncated flag list");
    // Re-parse the stored flags exactly as a fresh run would have.
    gd::Cli cli(kProgram, "", std::nullopt, false);
    define_run_flags(cli, s);
    std::vector<const char*> argv{kProgram};
    for (const auto& w : s.words) argv.push_back(w.c_str());
    cli.parse(static_cast<int>(argv.size()), argv.data());
    Run r = build(s, parse_start(s.start));
    std::string xs, ys;
    if (!(is >> word >> r.step) || word != "step" || r.step < 0) bad("no step count");
    if (!(is >> word >> xs >> ys) || word != "point") bad("no point");
    char* end = nullptr;
    r.theta(0) = std::strtod(xs.c_str(), &end);
    if (*end) bad("bad point");
    r.theta(1) = std::strtod(ys.c_str(), &end);
    if (*end) bad("bad point");
    std::getline(is, line);
    r.optimizer->load(is);  // throws UsageError on a foreign or truncated state
    r.schedule = gd::load_schedule(is);
    if (!(is >> word) || word != "end") bad("truncated");
    return r;
}

// A damaged checkpoint also fails inside the shared parsers and loaders (the flags, the
// optimizer's and the schedule's state), whose messages do not say which file was read.
Run load_checkpoint(const std::string& path) {
    std::ifstream is(path, std::ios::binary);
    if (!is) gd::Cli::fail("cannot read checkpoint '" + path + "'");
    try {
        return read_checkpoint(is);
    } catch (const gd::UsageError& e) {
        gd::Cli::fail("'" + path + "' is not a usable playground checkpoint: " + e.what());
    }
}

// ---- Starting: from the flags, or from a checkpoint ----------------------------------------

// A fresh run needs its surface, start and optimizer (see build() for the rate); a resumed one
// takes all of them from the checkpoint, so naming them again is an error, not ignored.
Run start_run(const gd::Cli& cli, Setup& s, const std::string& resume) {
    if (!resume.empty()) {
        for (const char* f : {"--function", "--start", "--optimizer", "--schedule"}) {
            if (cli.given(f)) {
                gd::Cli::fail(std::string(f) +
                              " cannot be combined with --resume: the "
                              "checkpoint fixes the run");
            }
        }
        return load_checkpoint(resume);
    }
    if (s.function.empty()) gd::Cli::fail("--function is required");
    if (s.start.empty()) gd::Cli::fail("--start is required");
    if (s.optimizer.empty()) gd::Cli::fail("--optimizer is required");
    s.words = cli.words_given({"--steps", "--trace", "--plot", "--animate", "--checkpoint",
                               "--quick", "--no-plot", "--seed"});
    return build(s, parse_start(s.start));
}

}  // namespace

int main(int argc, char** argv) {
    return gd::run(kProgram, [&] {
        gd::Cli cli(kProgram, "any optimizer and schedule on any 2-D test surface", std::nullopt,
                    false);
        Setup s;
        define_run_flags(cli, s);
        std::string resume, trace, plot_file, animate_file, checkpoint;
        int steps = -1;
        cli.option("--steps", steps, "updates to make", 0, 10000000);
        cli.option("--trace", trace, "CSV file of the path: step,x,y,loss,lr");
        cli.option("--plot", plot_file, "draw the path on the surface's contour map (.png)");
        cli.option("--animate", animate_file, "the same as an animation (.gif)");
        cli.option("--checkpoint", checkpoint, "save everything needed to go on to FILE");
        cli.option("--resume", resume, "go on from a checkpoint");
        if (!cli.parse(argc, argv)) return 0;

        if (steps < 0) gd::Cli::fail("--steps is required");
        if (trace.empty()) gd::Cli::fail("--trace is required");
        gd::check_extension("--plot", plot_file, ".png");
        gd::check_extension("--animate", animate_file, ".gif");
        check_writable("--trace", trace);
        check_writable("--checkpoint", checkpoint);
        check_writable("--plot", plot_file, true);
        check_writable("--animate", animate_file, true);

        Run run = start_run(cli, s, resume);
        if (run.schedule->horizon() - run.step < steps) {
            gd::Cli::fail("--steps " + std::to_string(steps) + " goes past the end of " +
                          run.schedule->describe());
        }

        // The loop, shared with the chapters: gradient at θ, η_t from the schedule, one step.
        gd::Trajectory path = gd::descend(*run.surface, *run.optimizer, run.schedule.get(),
                                          run.theta, run.step, steps);
        path.label = describe(run);

        try {
            gd::plot::write_file(trace, path.csv());
        } catch (const std::exception&) {
            throw gd::UsageError("cannot write trace '" + trace + "'");
        }
        report(run, path);
        if (!checkpoint.empty()) {
            if (path.diverged_at >= 0) {
                std::cout << "no checkpoint written: the run diverged\n";
            } else {
                save_checkpoint(run, checkpoint);
            }
        }
        if (!plot_file.empty())
            gd::plot_path_file(*run.surface, path, plot_file, !cli.no_plot, false);
        if (!animate_file.empty())
            gd::plot_path_file(*run.surface, path, animate_file, !cli.no_plot, true);
        return 0;
    });
}
