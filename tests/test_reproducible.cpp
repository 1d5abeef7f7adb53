// Same seed, same bytes: every chapter (and the playground) run twice (with one --seed, where it
// takes one) writes byte-identical files; where it offers --seed, another seed changes them.
//
// README promises "same seed, byte-identical data files". Two runs in one build could only
// differ through state that is not the seed: uninitialised memory, iteration over pointers or
// unordered containers, the clock, the thread schedule of OpenBLAS, the output folder's name
// leaking into a file. The second half proves the seed reaches the generator at all.
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "run_exe.hpp"

BOOST_AUTO_TEST_SUITE(test_reproducible)

namespace fs = std::filesystem;

namespace {

// Whether the program offers --seed: only those that draw random numbers do (gd::Cli), the
// others (fixed data, fixed starting points) have nothing a seed could change.
bool takes_seed(const std::string& program) {
    return testing::run(program, {"--help"}).out.find("--seed") != std::string::npos;
}

// Every file under dir, by its path relative to dir, with its bytes.
std::map<std::string, std::string> contents(const fs::path& dir) {
    std::map<std::string, std::string> files;
    for (const auto& e : fs::recursive_directory_iterator(dir)) {
        if (e.is_regular_file()) {
            files[fs::relative(e.path(), dir).string()] = testing::slurp(e.path());
        }
    }
    return files;
}

struct Scratch {
    fs::path root =
        fs::temp_directory_path() / ("gdbook-reproducible-" + std::to_string(::getpid()));
    ~Scratch() {
        std::error_code ec;
        fs::remove_all(root, ec);
    }
};

// One run of program with seed into a fresh folder under root; returns the files it wrote.
std::map<std::string, std::string> run_once(const std::string& program, const std::string& seed,
                                            const fs::path& dir) {
    fs::create_directories(dir);
    std::vector<std::string> args{"--quick", "--no-plot"};
    if (!seed.empty()) args.insert(args.end(), {"--seed", seed});
    if (program == "01_vanilla_sgd") args.push_back("--shuffle");  // its only use of the seed
    const auto smaller = testing::sanitized_size(program);
    args.insert(args.end(), smaller.begin(), smaller.end());
    if (program == "playground") {
        // A run that exercises the optimizer's, the schedule's and the checkpoint's outputs.
        for (const char* a :
             {"--function", "rosenbrock", "--start", "-1,1", "--optimizer", "adam", "--lr", "0.05",
              "--schedule", "cosine", "--t-max", "50", "--steps", "50"}) {
            args.push_back(a);
        }
        args.insert(args.end(),
                    {"--trace", (dir / "trace.csv").string(), "--checkpoint",
                     (dir / "state.ckpt").string(), "--plot", (dir / "path.png").string()});
    } else {
        args.insert(args.end(), {"--out", dir.string()});
    }
    const auto o = testing::run(program, args, testing::How{"", dir, 300});
    BOOST_TEST_INFO(program << " stderr: " << o.err);
    BOOST_TEST_REQUIRE(o.exit_code == 0);
    return contents(dir);
}

}  // namespace

BOOST_AUTO_TEST_CASE(same_seed_same_bytes_other_seed_other_data) {
    Scratch s;
    const auto names = testing::programs();
    BOOST_TEST_REQUIRE(names.size() >= 2u, "no programs found in " BOOK_BIN_DIR);
    for (const auto& p : names) {
        BOOST_TEST_CONTEXT(p) {
            const bool seeded = takes_seed(p);
            const std::string seed = seeded ? "1234" : "";
            const auto a = run_once(p, seed, s.root / p / "a");
            const auto b = run_once(p, seed, s.root / p / "b");
            BOOST_TEST(!a.empty(), "wrote no files");
            std::vector<std::string> names_a, names_b;
            for (const auto& f : a) names_a.push_back(f.first);
            for (const auto& f : b) names_b.push_back(f.first);
            BOOST_TEST(names_a == names_b, boost::test_tools::per_element());
            for (const auto& [file, bytes] : a) {
                BOOST_TEST_INFO(file);
                BOOST_TEST(!bytes.empty());
                const auto it = b.find(file);
                if (it != b.end()) {
                    BOOST_TEST_INFO(file << " differs between two runs with the same seed");
                    BOOST_TEST((bytes == it->second));
                }
            }
            if (seeded) {
                const auto c = run_once(p, "98765", s.root / p / "c");
                BOOST_TEST_INFO(
                    "another --seed changes no file: is the seed used? A program that "
                    "draws nothing random should not offer --seed");
                BOOST_TEST((a != c));
            }
        }
    }
}

BOOST_AUTO_TEST_SUITE_END()  // test_reproducible
