// The playground's contract: PyTorch's traces, divergence, checkpoints (every optimizer and
// schedule, a warm-up and a plateau caught midway), and bad input.
#include <boost/test/unit_test.hpp>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <unistd.h>

#include "run_exe.hpp"

BOOST_AUTO_TEST_SUITE(test_playground)

namespace fs = std::filesystem;

namespace {

using Table = std::vector<std::vector<double>>;

Table read_trace(const fs::path& path) {
    std::ifstream is(path);
    std::string line;
    Table rows;
    std::getline(is, line);
    BOOST_REQUIRE_MESSAGE(line == "step,x,y,loss,lr", path << " header: " << line);
    while (std::getline(is, line)) {
        std::stringstream ss(line);
        std::vector<double> row;
        // strtod, not stod: a path converging to 0 passes through subnormal numbers, which
        // stod refuses as out of range.
        for (std::string cell; std::getline(ss, cell, ',');)
            row.push_back(std::strtod(cell.c_str(), nullptr));
        BOOST_REQUIRE(row.size() == 5u);
        rows.push_back(row);
    }
    return rows;
}

std::vector<std::string> split_words(const std::string& s) {
    std::stringstream ss(s);
    std::vector<std::string> w;
    for (std::string x; ss >> x;) w.push_back(x);
    return w;
}

fs::path scratch(const std::string& name) {
    // One folder per test process, so two builds testing at once never share a file.
    const fs::path d =
        fs::temp_directory_path() / ("gdbook-playground-" + std::to_string(::getpid()));
    fs::create_directories(d);
    return d / name;
}

testing::Outcome playground(std::vector<std::string> args) {
    return testing::run("playground", args);
}

}  // namespace

// Every case torch ran (tests/reference_playground.py): same flags, same trace. Tolerance:
// relative 1e-9 plus an absolute 1e-12 for values passing through zero. Both sides do the same
// float64 operations up to their order inside torch's kernels (a few ulps a step); over a few
// hundred steps on these surfaces that stays below 1e-11, while any wrong term, default or
// off-by-one in the schedule shows up at 1e-3 or more.
BOOST_AUTO_TEST_CASE(traces_match_pytorch) {
    const fs::path ref = fs::path(BOOK_TESTS_DIR) / "reference";
    std::ifstream cases(ref / "playground_cases.csv");
    std::string line;
    std::getline(cases, line);
    int n = 0;
    while (std::getline(cases, line)) {
        const auto semi = line.find(';');
        const std::string name = line.substr(0, semi);
        auto args = split_words(line.substr(semi + 1));
        const fs::path out = scratch(name + ".csv");
        args.insert(args.end(), {"--trace", out.string()});
        const auto o = playground(args);
        BOOST_TEST_INFO(name << ": " << o.err);
        BOOST_REQUIRE(o.exit_code == 0);
        const Table ours = read_trace(out),
                    theirs = read_trace(ref / ("playground_" + name + ".csv"));
        BOOST_TEST_INFO(name);
        BOOST_REQUIRE(ours.size() == theirs.size());
        double worst = 0;
        for (std::size_t i = 0; i < ours.size(); ++i) {
            for (std::size_t j = 0; j < 5; ++j) {
                const double a = ours[i][j], b = theirs[i][j];
                const double err = std::abs(a - b) / (1e-12 + 1e-9 * std::abs(b));
                worst = std::max(worst, err);
            }
        }
        BOOST_TEST_INFO(name << ": worst error in units of the tolerance " << worst);
        BOOST_TEST(worst <= 1.0);
        ++n;
    }
    BOOST_TEST(n >= 13);
}

BOOST_AUTO_TEST_CASE(divergence_ends_the_trace_at_the_last_finite_row) {
    const fs::path out = scratch("diverge.csv");
    const auto o = playground({"--function", "rosenbrock", "--start", "-1.5,2", "--optimizer",
                               "sgd", "--lr", "0.01", "--steps", "1000", "--trace", out.string()});
    BOOST_TEST(o.exit_code == 0);
    BOOST_TEST(o.out.find("diverged at step ") != std::string::npos);
    const Table t = read_trace(out);
    BOOST_TEST(t.size() > 1u);
    BOOST_TEST(t.size() < 1001u);
    for (const auto& row : t)
        for (double v : row) BOOST_TEST(std::isfinite(v));
    // The note names the first step that is not in the trace.
    const long k = std::stol(o.out.substr(o.out.find("diverged at step ") + 17));
    BOOST_TEST(k == static_cast<long>(t.back()[0]) + 1);
}

namespace {

// 40 steps in one run, and 25 + 15 through a checkpoint: the same trace to the last bit.
// Returns the checkpoint's text.
std::string check_resume(const std::vector<std::string>& run) {
    auto whole = run, first = run;
    whole.insert(whole.end(), {"--steps", "40", "--trace", scratch("whole.csv").string()});
    first.insert(first.end(), {"--steps", "25", "--trace", scratch("first.csv").string(),
                               "--checkpoint", scratch("state.txt").string()});
    const auto w0 = playground(whole);
    BOOST_TEST_INFO(w0.err);
    BOOST_REQUIRE(w0.exit_code == 0);
    BOOST_REQUIRE(playground(first).exit_code == 0);
    const auto o = playground({"--resume", scratch("state.txt").string(), "--steps", "15",
                               "--trace", scratch("rest.csv").string()});
    BOOST_REQUIRE(o.exit_code == 0);
    const Table w = read_trace(scratch("whole.csv")), r = read_trace(scratch("rest.csv"));
    BOOST_REQUIRE(r.size() == 16u);  // rows 25..40
    for (std::size_t i = 0; i < r.size(); ++i) {
        for (std::size_t j = 0; j < 5; ++j) BOOST_TEST(r[i][j] == w[25 + i][j]);  // exact
    }
    return testing::slurp(scratch("state.txt").string());
}

}  // namespace

BOOST_AUTO_TEST_CASE(resume_continues_bit_for_bit) {
    for (const char* opt :
         {"sgd --momentum 0.9 --nesterov", "rmsprop --centered", "adagrad --lr-decay 0.1",
          "adam --amsgrad", "adamw", "momentum-ema", "adadelta --rho 0.8", "adamax",
          "nadam --momentum-decay 0.01", "radam --beta2 0.9", "rprop --etas 0.3,1.5",
          "lbfgs --max-iter 3 --history-size 2", "lbfgs --line-search strong-wolfe --max-iter 2",
          "local-gain --beta 0.1"}) {
        std::vector<std::string> base = {
            "--function", "himmelblau", "--start", "1,1.5", "--schedule", "cosine-restarts",
            "--t0",       "7",          "--lr",    "0.01",  "--optimizer"};
        for (const auto& w : split_words(opt)) base.push_back(w);
        BOOST_TEST_CONTEXT(opt) {
            check_resume(base);
        }
    }
}

BOOST_AUTO_TEST_CASE(resume_continues_bit_for_bit_under_every_schedule) {
    // Every new schedule, with the momentum it cycles; a warm-up checkpointed during the
    // warm-up, and a plateau in the middle of its patience (a loss must fall tenfold to count
    // as better, so nearly every update is a bad one) and after cuts.
    for (const char* sched :
         {"multistep --milestones 10,30,30 --gamma 0.5",
          "constant-lr --factor 0.5 --total-iters 30", "polynomial --total-iters 35 --power 2",
          "cyclic --base-lr 0.001 --max-lr 0.01 --step-size-up 8 --mode triangular2",
          "onecycle --max-lr 0.02 --total-steps 40",
          "onecycle --max-lr 0.02 --total-steps 40 --three-phase --anneal-strategy linear "
          "--no-cycle-momentum",
          "cosine --t-max 40 --warmup-steps 30 --warmup-factor 0.1",
          "onecycle --max-lr 0.02 --total-steps 20 --warmup-steps 20",
          "plateau --patience 100 --threshold 0.9",
          "plateau --patience 2 --cooldown 3 --factor 0.5 --threshold 0.1"}) {
        for (const char* opt : {"sgd", "adam"}) {
            std::vector<std::string> run = {"--function",  "himmelblau", "--start",
                                            "1,1.5",       "--lr",       "0.01",
                                            "--optimizer", opt,          "--schedule"};
            for (const auto& w : split_words(sched)) run.push_back(w);
            const bool cyclic_adam =
                std::string(sched).rfind("cyclic", 0) == 0 && std::string(opt) == "adam";
            if (cyclic_adam) run.push_back("--no-cycle-momentum");  // torch refuses it
            BOOST_TEST_CONTEXT(opt << " " << sched) {
                const std::string state = check_resume(run);
                if (std::string(sched).find("threshold 0.9") != std::string::npos) {
                    BOOST_TEST(state.find(" num_bad_epochs=0 ") == std::string::npos);
                    BOOST_TEST(state.find(" lr=0x1.47ae147ae147bp-7 ") != std::string::npos);
                }
                if (std::string(sched).find("warmup-steps 30") != std::string::npos) {
                    BOOST_TEST(state.find("gd-schedule 1 warmup warmup_steps=30 ") !=
                               std::string::npos);  // saved at 25, in the warm-up
                }
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(bad_input_is_one_line_and_exit_code_2) {
    const std::string trace = scratch("bad.csv").string();
    const std::string ckpt = scratch("good-state.txt").string();
    BOOST_REQUIRE(
        playground({"--function", "ravine", "--start", "1,1", "--optimizer", "adam", "--lr", "0.1",
                    "--steps", "3", "--trace", trace, "--checkpoint", ckpt})
            .exit_code == 0);
    const std::string text = testing::slurp(ckpt);
    auto write = [](const std::string& name, const std::string& body) {
        std::ofstream(scratch(name)) << body;
        return scratch(name).string();
    };
    const std::string truncated = write("truncated.txt", text.substr(0, text.size() / 2));
    const std::string foreign = write("foreign.txt", "P3\n2 2 255\n0 0 0\n");
    std::string swapped = text;
    swapped.replace(swapped.find("gd-optimizer 1 adam"), 19, "gd-optimizer 1 sgd ");
    const std::string other = write("other.txt", swapped);
    const std::vector<std::vector<std::string>> bad = {
        {"--function", "sphere"},
        {"--function", "ravine", "--start", "1", "--optimizer", "sgd", "--lr", "0.1", "--steps",
         "3", "--trace", trace},
        {"--function", "ravine", "--start", "1,nan", "--optimizer", "sgd", "--lr", "0.1", "--steps",
         "3", "--trace", trace},
        {"--function", "ravine", "--start", "1,1", "--optimizer", "sgd", "--steps", "3", "--trace",
         trace},  // no --lr
        {"--function", "ravine", "--start", "1,1", "--optimizer", "adam", "--lr", "0.1", "--beta1",
         "1", "--steps", "3", "--trace", trace},
        {"--function", "ravine", "--start", "1,1", "--optimizer", "sgd", "--lr", "0.1",
         "--nesterov", "--steps", "3", "--trace", trace},  // nesterov without momentum
        {"--function", "ravine", "--start", "1,1", "--optimizer", "sgd", "--lr", "0.1",
         "--schedule", "onecycle", "--max-lr", "1", "--total-steps", "5", "--steps", "10",
         "--trace", trace},  // past the end of the cycle
        {"--function", "ravine", "--start", "1,1", "--optimizer", "sgd", "--lr", "0.1",
         "--schedule", "cosine", "--steps", "3", "--trace", trace},  // no --t-max
        {"--function", "ravine", "--start", "1,1", "--optimizer", "sgd", "--lr", "0.1", "--steps",
         "3", "--trace", trace, "--plot", "path.jpg"},
        {"--function", "ravine", "--start", "1,1", "--optimizer", "sgd", "--lr", "0.1", "--steps",
         "3", "--trace", "/proc/nope/trace.csv"},
        {"--function", "ravine", "--start", "1,1", "--optimizer", "sgd", "--lr", "0.1", "--steps",
         "-1", "--trace", trace},
        {"--resume", scratch("missing.txt").string(), "--steps", "3", "--trace", trace},
        {"--resume", truncated, "--steps", "3", "--trace", trace},
        {"--resume", foreign, "--steps", "3", "--trace", trace},
        {"--resume", other, "--steps", "3", "--trace", trace},
        {"--resume", ckpt, "--function", "beale", "--steps", "3", "--trace", trace},
    };
    for (const auto& args : bad) {
        const auto o = playground(args);
        std::string cmd;
        for (const auto& a : args) cmd += a + " ";
        BOOST_TEST_INFO(cmd << "-> " << o.err);
        BOOST_TEST(o.exit_code == 2);
        BOOST_TEST(testing::count_lines(o.err) == 1);
    }
}

BOOST_AUTO_TEST_CASE(bad_values_of_the_new_optimizers_and_schedules_are_refused) {
    // Each is refused in one line naming the setting, with exit code 2, and writes nothing.
    const std::vector<std::pair<std::string, std::string>> bad = {
        {"--optimizer rprop --etas 1.5,0.5", "eta"},
        {"--optimizer rprop --etas 0.5", "--etas"},
        {"--optimizer rprop --step-sizes 1,0.5", "step_size_max"},
        {"--optimizer adam --schedule multistep --milestones 10,-5", "--milestones"},
        {"--optimizer adadelta --rho 1.5", "--rho"},
        {"--optimizer lbfgs --max-iter 0", "--max-iter"},
        {"--optimizer lbfgs --history-size -1", "--history-size"},
        {"--optimizer lbfgs --line-search armijo", "--line-search"},
        {"--optimizer local-gain --beta 0", "beta"},
        {"--optimizer local-gain --beta 1", "--beta"},
        {"--optimizer local-gain --beta 1.5", "--beta"},
        {"--optimizer local-gain --lr nan", "--lr"},
        {"--optimizer adam --schedule cyclic --base-lr 0.01 --max-lr 0.1 --mode nosuch", "--mode"},
        {"--optimizer adam --schedule plateau --patience -1", "--patience"},
        {"--optimizer adam --schedule polynomial --power -1", "--power"},
        {"--optimizer sgd --schedule cyclic --base-lr 0.01 --max-lr 0.1 --step-size-up 0",
         "--step-size-up"},
        {"--optimizer adam --schedule cosine --t-max 10 --warmup-steps 3 --warmup-factor 0",
         "--warmup-factor"},
        {"--optimizer adagrad --schedule onecycle --max-lr 0.1 --total-steps 10", "cycle_momentum"},
        {"--optimizer adam --schedule cyclic --base-lr 0.01 --max-lr 0.1", "cycle_momentum"},
        {"--optimizer adam --schedule plateau --warmup-steps 3", "SequentialLR"},
        {"--optimizer adam --schedule onecycle --max-lr 0.1 --total-steps 10 --warmup-steps 5 "
         "--steps 16",
         "goes past the end"},
        {"--optimizer adam --schedule onecycle --max-lr 0.1 --total-steps 10 --max-momentum 1",
         "beta1"},
        {"--optimizer local-gain", "lr must be given"},
        {"--optimizer adam --schedule constant-lr --factor 0", "factor"},
        {"--optimizer adam --schedule cyclic --max-lr 0.1 --no-cycle-momentum", "base_lr"},
    };
    for (const auto& [flags, word] : bad) {
        const fs::path trace = scratch("refused.csv"), ckpt = scratch("refused.ckpt");
        fs::remove(trace), fs::remove(ckpt);
        std::vector<std::string> args = {"--function", "ravine", "--start", "1,1"};
        if (flags != "--optimizer local-gain") args.insert(args.end(), {"--lr", "0.1"});
        for (const auto& w : split_words(flags)) args.push_back(w);
        if (flags.find("--steps") == std::string::npos) args.insert(args.end(), {"--steps", "5"});
        args.insert(args.end(), {"--trace", trace.string(), "--checkpoint", ckpt.string()});
        const auto o = playground(args);
        BOOST_TEST_CONTEXT(flags << " -> " << o.err) {
            BOOST_TEST(o.exit_code == 2);
            BOOST_TEST(testing::count_lines(o.err) == 1);
            BOOST_TEST(o.err.find(word) != std::string::npos);
            BOOST_TEST(!fs::exists(trace));
            BOOST_TEST(!fs::exists(ckpt));
        }
    }
}

BOOST_AUTO_TEST_CASE(lbfgs_reports_its_function_evaluations) {
    // One playground step is one step(closure); the run says how many evaluations it cost.
    const auto o = playground({"--function", "rosenbrock", "--start", "-1.5,2", "--optimizer",
                               "lbfgs", "--line-search", "strong-wolfe", "--steps", "10", "--trace",
                               scratch("lbfgs.csv").string()});
    BOOST_TEST(o.exit_code == 0);
    BOOST_TEST(o.out.find("function evaluations in 10 steps") != std::string::npos, o.out);
    BOOST_TEST(read_trace(scratch("lbfgs.csv")).size() == 11u);
}

BOOST_AUTO_TEST_CASE(plot_and_animation_are_written_with_their_data_and_scripts) {
    const fs::path dir = scratch("figs");
    fs::remove_all(dir);
    const auto o = playground({"--function", "himmelblau", "--start", "0,0", "--optimizer", "adam",
                               "--lr", "0.1", "--steps", "50", "--trace", scratch("h.csv").string(),
                               "--plot", (dir / "h.png").string(), "--animate",
                               (dir / "h_anim.gif").string(), "--no-plot"});
    BOOST_TEST(o.exit_code == 0);
    for (const char* f : {"h.gp", "h.dat", "h_surface.dat", "h_anim.gp", "h_anim.dat"}) {
        BOOST_TEST_INFO(f);
        BOOST_TEST(fs::exists(dir / f));
    }
    BOOST_TEST(!fs::exists(dir / "h.png"));  // --no-plot: scripts only
}

namespace {

// The first step whose loss is below `below` in a trace (-1 if none), for the README's
// exercises, which quote these counts.
long first_below(const Table& t, double below) {
    for (const auto& row : t)
        if (row[3] < below) return static_cast<long>(row[0]);
    return -1;
}

// Runs the playground with `args` and a trace, and returns the trace.
Table traced(std::vector<std::string> args, const std::string& name) {
    const fs::path out = scratch(name + ".csv");
    args.insert(args.end(), {"--no-plot", "--trace", out.string()});
    const auto o = playground(args);
    BOOST_TEST_INFO(name << ": " << o.err);
    BOOST_REQUIRE(o.exit_code == 0);
    return read_trace(out);
}

}  // namespace

// The numbers the answers to the README's "Things to try" quote.
BOOST_AUTO_TEST_CASE(the_readmes_exercises_have_the_answers_it_gives) {
    // 1. Plain GD on the ravine: 0.499 still converges, 0.5 = 2/4 bounces between y = -2 and 2.
    const auto ravine = [](const std::string& lr) {
        return traced({"--function", "ravine", "--start", "-5,-2", "--optimizer", "sgd", "--lr", lr,
                       "--steps", "1000"},
                      "ex1_" + lr);
    };
    BOOST_TEST(ravine("0.499").back()[3] < 0.01);
    const Table bounce = ravine("0.5");
    BOOST_TEST(bounce.back()[2] == -2.0);
    BOOST_TEST(bounce.back()[3] == 8.0);
    BOOST_TEST(ravine("0.501").back()[3] > 1e4);
    // 2. Leaving the saddle: steps to a loss below -100.
    const auto saddle = [](std::vector<std::string> opt, const std::string& name) {
        std::vector<std::string> a = {"--function", "saddle",  "--start", "0.5,1e-8",   "--lr",
                                      "0.01",       "--steps", "3000",    "--optimizer"};
        a.insert(a.end(), opt.begin(), opt.end());
        return first_below(traced(a, name), -100);
    };
    BOOST_TEST(saddle({"sgd"}, "ex2_sgd") == 1047);
    BOOST_TEST(saddle({"sgd", "--momentum", "0.9"}, "ex2_momentum") == 208);
    BOOST_TEST(saddle({"adam"}, "ex2_adam") == 626);
    // 3. Himmelblau from (0, 0): the basin is not monotone in the momentum.
    const auto basin_x = [](const std::string& mu) {
        return traced({"--function", "himmelblau", "--start", "0,0", "--optimizer", "sgd", "--lr",
                       "0.01", "--momentum", mu, "--steps", "3000"},
                      "ex3_" + mu)
            .back()[1];
    };
    BOOST_TEST(std::abs(basin_x("0.8") - 3.0) < 1e-9);
    BOOST_TEST(std::abs(basin_x("0.9") - 3.584428) < 1e-6);
    BOOST_TEST(std::abs(basin_x("0.95") - 3.0) < 1e-9);
    BOOST_TEST(std::abs(basin_x("0.99") + 2.805118) < 1e-6);
    // 5. Per-coordinate rules on the ravine and on the ravine turned by 45 degrees, from the
    // same point turned with it: steps to a loss below 1e-6.
    const auto to_1e6 = [](const std::string& f, const std::string& start,
                           std::vector<std::string> opt, const std::string& name) {
        std::vector<std::string> a = {"--function", f,      "--start",    start,
                                      "--steps",    "2000", "--optimizer"};
        a.insert(a.end(), opt.begin(), opt.end());
        return first_below(traced(a, name), 1e-6);
    };
    const std::string plain = "-5,-2", turned = "-2.1213203435596424,-4.9497474683058327";
    BOOST_TEST(to_1e6("ravine", plain, {"sgd", "--lr", "0.4"}, "ex5_sgd") == 89);
    BOOST_TEST(to_1e6("rotated-ravine", turned, {"sgd", "--lr", "0.4"}, "ex5_sgd_r") == 89);
    BOOST_TEST(to_1e6("ravine", plain, {"rprop"}, "ex5_rprop") == 54);
    BOOST_TEST(to_1e6("rotated-ravine", turned, {"rprop"}, "ex5_rprop_r") == 128);
    BOOST_TEST(to_1e6("ravine", plain, {"adagrad", "--lr", "0.5"}, "ex5_ada") == 218);
    BOOST_TEST(to_1e6("rotated-ravine", turned, {"adagrad", "--lr", "0.5"}, "ex5_ada_r") == 657);
    BOOST_TEST(to_1e6("ravine", plain, {"local-gain", "--lr", "0.05"}, "ex5_lg") == 151);
    BOOST_TEST(to_1e6("rotated-ravine", turned, {"local-gain", "--lr", "0.05"}, "ex5_lg_r") == 152);
    // 7. A warm-up in front of Adam on Beale, and RAdam, whose first steps are not normalised.
    const auto beale = [&](std::vector<std::string> opt, const std::string& name) {
        return to_1e6("beale", "1,1", opt, name);
    };
    BOOST_TEST(beale({"adam", "--lr", "0.5"}, "ex7_adam") == 128);
    BOOST_TEST(beale({"adam", "--lr", "0.5", "--warmup-steps", "20", "--warmup-factor", "0.01"},
                     "ex7_warm") == 118);
    BOOST_TEST(beale({"radam", "--lr", "0.05"}, "ex7_radam") == 1052);
    const Table radam = traced({"--function", "beale", "--start", "1,1", "--optimizer", "radam",
                                "--lr", "0.5", "--steps", "2000"},
                               "ex7_radam_diverges");
    BOOST_TEST(radam.size() == 3u);  // steps 0, 1, 2: step 3 is no longer finite
}

// Exercise 6: L-BFGS's function evaluations, with and without the line search.
BOOST_AUTO_TEST_CASE(lbfgs_exercise_counts) {
    const auto run = [](const std::string& search, const std::string& steps) {
        const fs::path out = scratch("ex6_" + search + steps + ".csv");
        return playground({"--function", "rosenbrock", "--start", "-1.5,2", "--optimizer", "lbfgs",
                           "--line-search", search, "--steps", steps, "--no-plot", "--trace",
                           out.string()})
            .out;
    };
    BOOST_TEST(run("none", "5").find("89 function evaluations in 5 steps") != std::string::npos);
    BOOST_TEST(run("none", "4").find("loss 0.00505479") != std::string::npos);
    BOOST_TEST(run("strong-wolfe", "3").find("53 function evaluations in 3 steps") !=
               std::string::npos);
    // Adam, for scale: one evaluation a step.
    const Table adam = traced({"--function", "rosenbrock", "--start", "-1.5,2", "--optimizer",
                               "adam", "--lr", "0.05", "--steps", "5000"},
                              "ex6_adam");
    BOOST_TEST(first_below(adam, 1e-8) == 1630);
}

// Exercise 4: a fresh start from where a run stopped is not its continuation.
BOOST_AUTO_TEST_CASE(a_fresh_start_forgets_adams_moments) {
    const std::vector<std::string> beale = {"--function", "beale", "--optimizer",
                                            "adam",       "--lr",  "0.1"};
    auto whole = beale, first = beale;
    whole.insert(whole.end(), {"--start", "1,1", "--steps", "200"});
    first.insert(first.end(), {"--start", "1,1", "--steps", "100"});
    const Table w = traced(whole, "ex4_whole"), f = traced(first, "ex4_first");
    std::ostringstream at;
    at.precision(17);
    at << f.back()[1] << "," << f.back()[2];
    auto fresh = beale;
    fresh.insert(fresh.end(), {"--start", at.str(), "--steps", "100"});
    const double restarted = traced(fresh, "ex4_fresh").back()[3], continued = w.back()[3];
    BOOST_TEST(std::abs(continued - 1.35e-6) < 0.01e-6);
    BOOST_TEST(std::abs(restarted - 5.36e-6) < 0.01e-6);
}

BOOST_AUTO_TEST_SUITE_END()  // test_playground
