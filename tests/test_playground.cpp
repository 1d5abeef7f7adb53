// The playground's contract: PyTorch's traces, divergence, checkpoints, and bad input.
#define BOOST_TEST_MODULE playground
#include <boost/test/unit_test.hpp>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "run_exe.hpp"

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
        for (std::string cell; std::getline(ss, cell, ',');) row.push_back(std::stod(cell));
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
    const fs::path d = fs::temp_directory_path() / "gdbook-playground";
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

BOOST_AUTO_TEST_CASE(resume_continues_bit_for_bit) {
    for (const char* opt : {"sgd --momentum 0.9 --nesterov", "rmsprop --centered",
                            "adagrad --lr-decay 0.1", "adam --amsgrad", "adamw", "momentum-ema"}) {
        std::vector<std::string> base = {
            "--function", "himmelblau", "--start", "1,1.5", "--schedule", "cosine-restarts",
            "--t0",       "7",          "--lr",    "0.01",  "--optimizer"};
        for (const auto& w : split_words(opt)) base.push_back(w);
        auto whole = base, first = base;
        whole.insert(whole.end(), {"--steps", "40", "--trace", scratch("whole.csv").string()});
        first.insert(first.end(), {"--steps", "25", "--trace", scratch("first.csv").string(),
                                   "--checkpoint", scratch("state.txt").string()});
        BOOST_TEST_INFO(opt);
        BOOST_REQUIRE(playground(whole).exit_code == 0);
        BOOST_REQUIRE(playground(first).exit_code == 0);
        const auto o = playground({"--resume", scratch("state.txt").string(), "--steps", "15",
                                   "--trace", scratch("rest.csv").string()});
        BOOST_REQUIRE(o.exit_code == 0);
        const Table w = read_trace(scratch("whole.csv")), r = read_trace(scratch("rest.csv"));
        BOOST_REQUIRE(r.size() == 16u);  // rows 25..40
        for (std::size_t i = 0; i < r.size(); ++i) {
            for (std::size_t j = 0; j < 5; ++j) BOOST_TEST(r[i][j] == w[25 + i][j]);  // exact
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
