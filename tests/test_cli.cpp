// The shared command line: good flags parse, bad ones are one clear line and exit code 2.
#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <string>

#include <unistd.h>
#include <vector>

#include "cli/cli.hpp"
#include "run_exe.hpp"

BOOST_AUTO_TEST_SUITE(test_cli)

namespace fs = std::filesystem;

namespace {

struct Flags {
    double lr = 0.1;
    int epochs = 10;
    bool shuffle = false;
    std::string mode = "a";
};

// Parses args with a parser like a chapter's; the output folder is a fresh temporary one.
bool parse(std::vector<std::string> args, Flags& f, gd::Cli** keep = nullptr) {
    static gd::Cli* last = nullptr;
    delete last;
    last = new gd::Cli("test", "a test program", 42);
    last->option("--lr", f.lr, "rate", gd::positive());
    last->option("--epochs", f.epochs, "epochs", 1, 1000);
    last->flag("--shuffle", f.shuffle, "shuffle");
    last->option("--mode", f.mode, "mode", {"a", "b"});
    const fs::path out = fs::temp_directory_path() / ("gdbook-cli-test-" + std::to_string(::getpid()));
    std::vector<std::string> all{"test", "--out", out.string()};
    all.insert(all.end(), args.begin(), args.end());
    std::vector<const char*> argv;
    for (const auto& a : all) argv.push_back(a.c_str());
    if (keep) *keep = last;
    return last->parse(static_cast<int>(argv.size()), argv.data());
}

void rejects(std::vector<std::string> args, const std::string& says) {
    Flags f;
    try {
        parse(args, f);
        BOOST_ERROR("accepted " + args[0]);
    } catch (const gd::UsageError& e) {
        BOOST_TEST_INFO("message: " << e.what());
        BOOST_TEST(std::string(e.what()).find(says) != std::string::npos);
    }
}

}  // namespace

BOOST_AUTO_TEST_CASE(good_flags_set_their_variables) {
    Flags f;
    gd::Cli* cli = nullptr;
    BOOST_TEST(parse({"--lr", "0.25", "--epochs=7", "--shuffle", "--mode", "b", "--seed", "99",
                      "--quick", "--no-plot"},
                     f, &cli));
    BOOST_TEST(f.lr == 0.25);
    BOOST_TEST(f.epochs == 7);
    BOOST_TEST(f.shuffle);
    BOOST_TEST(f.mode == "b");
    BOOST_TEST(cli->seed == 99u);
    BOOST_TEST(cli->quick);
    BOOST_TEST(cli->no_plot);
    BOOST_TEST(cli->given("--lr"));
    BOOST_TEST(cli->given("--out"));
}

BOOST_AUTO_TEST_CASE(defaults_stay_when_flags_are_absent) {
    Flags f;
    gd::Cli* cli = nullptr;
    BOOST_TEST(parse({}, f, &cli));
    BOOST_TEST(f.lr == 0.1);
    BOOST_TEST(f.epochs == 10);
    BOOST_TEST(!cli->given("--lr"));
    BOOST_TEST(!cli->quick);
}

BOOST_AUTO_TEST_CASE(bad_flags_are_usage_errors) {
    rejects({"--bogus"}, "unknown option '--bogus'");
    rejects({"--lr"}, "--lr needs a value");
    rejects({"--lr", "fast"}, "expects a number");
    rejects({"--lr", "0.1x"}, "expects a number");
    rejects({"--lr", ""}, "expects a number");
    rejects({"--lr", "nan"}, "finite");
    rejects({"--lr", "inf"}, "finite");
    rejects({"--lr", "-inf"}, "finite");
    rejects({"--lr", "1e999"}, "finite");
    rejects({"--lr", "-0.1"}, "must be in");
    rejects({"--lr", "0"}, "must be in");
    rejects({"--epochs", "0"}, "must be an integer in [1, 1000]");
    rejects({"--epochs", "2.5"}, "expects an integer");
    rejects({"--epochs", "99999999999999999999999"}, "out of range");
    rejects({"--seed", "-1"}, "non-negative");
    rejects({"--shuffle=yes"}, "takes no value");
    rejects({"--mode", "c"}, "must be one of a, b");
    rejects({"--out", "/proc/no/such/place"}, "cannot create output folder");
}

BOOST_AUTO_TEST_CASE(help_stops_the_program_and_lists_every_flag) {
    Flags f;
    std::ostringstream captured;
    auto* old = std::cout.rdbuf(captured.rdbuf());
    const bool go_on = parse({"--help"}, f);
    std::cout.rdbuf(old);
    BOOST_TEST(!go_on);
    for (const char* flag :
         {"--lr", "--epochs", "--shuffle", "--quick", "--no-plot", "--out", "--seed", "--help"}) {
        BOOST_TEST(captured.str().find(flag) != std::string::npos);
    }
}

// A program that draws nothing random is built without a seed: it neither lists nor accepts
// --seed, which would otherwise be a flag that changes nothing.
BOOST_AUTO_TEST_CASE(no_seed_flag_without_randomness) {
    gd::Cli cli("test", "deterministic");
    std::ostringstream help;
    cli.print_help(help);
    BOOST_TEST(help.str().find("--seed") == std::string::npos);
    const char* argv[] = {"test", "--seed", "3"};
    BOOST_CHECK_THROW(cli.parse(3, argv), gd::UsageError);
}

// The same rules, end to end: a chapter executable says one line on stderr and exits with 2.
BOOST_AUTO_TEST_CASE(chapter_01_rejects_bad_command_lines_with_exit_code_2) {
    const std::vector<std::vector<std::string>> bad = {{"--bogus"},
                                                       {"--lr"},
                                                       {"--lr", "abc"},
                                                       {"--lr", "nan"},
                                                       {"--lr", "-1"},
                                                       {"--epochs", "1e3"},
                                                       {"--epochs", "0"},
                                                       {"--epochs", "123456789012345678901"},
                                                       {"--batch", "21"},
                                                       {"--seed", "x"},
                                                       {"--out", "/proc/forbidden"},
                                                       {"--quick=1"}};
    for (const auto& args : bad) {
        const auto o = testing::run("01_vanilla_sgd", args);
        BOOST_TEST_INFO("args: " << args[0] << " stderr: " << o.err);
        BOOST_TEST(o.exit_code == 2);
        BOOST_TEST(testing::count_lines(o.err) == 1);
        BOOST_TEST(o.err.rfind("01_vanilla_sgd: ", 0) == 0u);
        BOOST_TEST(o.out.empty());
    }
}

BOOST_AUTO_TEST_CASE(chapter_01_help_exits_cleanly) {
    const auto o = testing::run("01_vanilla_sgd", {"--help"});
    BOOST_TEST(o.exit_code == 0);
    BOOST_TEST(o.out.find("--batch") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()  // test_cli
