// The figure layer: data-file format, scripts beside figures, and life without gnuplot.
#include <boost/test/unit_test.hpp>

#include <cstdlib>
#include <filesystem>
#include <string>

#include <unistd.h>

#include "plot/figures.hpp"
#include "run_exe.hpp"

BOOST_AUTO_TEST_SUITE(test_plot)

namespace fs = std::filesystem;

namespace {

fs::path fresh_dir(const std::string& name) {
    const fs::path d = fs::temp_directory_path() / ("gdbook-plot-" + std::to_string(::getpid()) + "-" + name);
    fs::remove_all(d);
    fs::create_directories(d);
    return d;
}

// Sets PATH for the lifetime of the object.
struct ScopedPath {
    std::string old;
    explicit ScopedPath(const std::string& value) : old(std::getenv("PATH")) {
        setenv("PATH", value.c_str(), 1);
    }
    ~ScopedPath() { setenv("PATH", old.c_str(), 1); }
};

const char* kBody = "set xlabel 'x'\nplot 'line.dat' using 1:2 with lines title 'line'\n";

}  // namespace

BOOST_AUTO_TEST_CASE(data_files_have_a_header_blocks_and_exact_numbers) {
    gd::plot::Data d({"x", "y"});
    d.block("first").row({1.0, 0.1}).row({2.0, 1.0 / 3.0});
    d.block("second").row({3.0, -1e-20}).gap();
    BOOST_TEST(d.text() == "# x y\n# first\n1 0.1\n2 0.3333333333\n\n\n# second\n3 -1e-20\n\n");
    BOOST_CHECK_THROW(d.row({1.0}), std::logic_error);
}

BOOST_AUTO_TEST_CASE(no_plot_writes_data_and_script_but_no_picture) {
    const fs::path dir = fresh_dir("noplot");
    gd::plot::Figures figs(dir, false);
    figs.write("line", gd::plot::Data({"x", "y"}).row({0, 0}).row({1, 1}));
    figs.png("line", kBody);
    BOOST_TEST(fs::exists(dir / "line.dat"));
    BOOST_TEST(fs::exists(dir / "line.gp"));
    BOOST_TEST(!fs::exists(dir / "line.png"));
    BOOST_TEST(!figs.rendered());
    const std::string gp = testing::slurp(dir / "line.gp");
    BOOST_TEST(gp.find("set output 'line.png'") != std::string::npos);
    BOOST_TEST(gp.find(kBody) != std::string::npos);
}

BOOST_AUTO_TEST_CASE(missing_gnuplot_still_writes_data_and_scripts) {
    const fs::path dir = fresh_dir("nognuplot");
    const fs::path empty = fresh_dir("emptybin");
    ScopedPath path(empty.string());
    BOOST_TEST(!gd::plot::on_path("gnuplot"));
    gd::plot::Figures figs(dir, true);
    figs.write("line", gd::plot::Data({"x", "y"}).row({0, 0}).row({1, 1}));
    BOOST_CHECK_NO_THROW(figs.png("line", kBody));
    BOOST_TEST(fs::exists(dir / "line.gp"));
    BOOST_TEST(!fs::exists(dir / "line.png"));
}

BOOST_AUTO_TEST_CASE(chapter_without_gnuplot_says_so_once_and_succeeds) {
    const fs::path dir = fresh_dir("chapter-nognuplot");
    const auto o = testing::run("01_vanilla_sgd", {"--quick", "--out", dir.string()},
                                "PATH=" + fresh_dir("emptybin2").string());
    BOOST_TEST(o.exit_code == 0);
    BOOST_TEST(o.err.find("gnuplot not found") != std::string::npos);
    BOOST_TEST(testing::count_lines(o.err) == 2);  // that note and "figures and data written"
    for (const char* f : {"paths.dat", "paths.gp", "paths_surface.dat", "loss.dat", "loss.gp",
                          "params.dat", "params.gp", "fit.dat", "fit.gp", "fit_points.dat"}) {
        BOOST_TEST_INFO(f);
        BOOST_TEST(fs::exists(dir / f));
    }
    BOOST_TEST(!fs::exists(dir / "paths.png"));
}

BOOST_AUTO_TEST_CASE(same_seed_gives_byte_identical_data_files) {
    const fs::path d1 = fresh_dir("repro1"), d2 = fresh_dir("repro2");
    for (const auto& d : {d1, d2}) {
        const auto o = testing::run("01_vanilla_sgd", {"--quick", "--no-plot", "--shuffle",
                                                       "--seed", "3", "--out", d.string()});
        BOOST_REQUIRE(o.exit_code == 0);
    }
    int compared = 0;
    for (const auto& entry : fs::directory_iterator(d1)) {
        const fs::path other = d2 / entry.path().filename();
        BOOST_TEST_INFO(entry.path().filename());
        BOOST_TEST(testing::slurp(entry.path()) == testing::slurp(other));
        ++compared;
    }
    BOOST_TEST(compared >= 10);
}

// Only where gnuplot is installed (CI installs it): the script really draws.
BOOST_AUTO_TEST_CASE(gnuplot_renders_png_and_gif_and_reports_script_errors) {
    if (!gd::plot::on_path("gnuplot")) {
        BOOST_TEST_MESSAGE("gnuplot not installed: rendering not checked");
        return;
    }
    const fs::path dir = fresh_dir("render");
    gd::plot::Figures figs(dir, true);
    figs.write("line", gd::plot::Data({"x", "y"}).row({0, 0}).row({1, 1}));
    figs.png("line", kBody, 400, 300);
    BOOST_TEST(figs.rendered());
    BOOST_TEST(testing::slurp(dir / "line.png").substr(1, 3) == "PNG");
    figs.gif("anim", "do for [i=1:3] { plot 'line.dat' using 1:($2*i) with lines }\n", 200, 150);
    BOOST_TEST(testing::slurp(dir / "anim.gif").substr(0, 6) == "GIF89a");
    BOOST_CHECK_THROW(figs.png("broken", "plot 'no-such-file.dat'\n"), std::runtime_error);
}

BOOST_AUTO_TEST_SUITE_END()  // test_plot
