// The progress bar draws only on a terminal: in logs and pipes it must stay silent.
#include <boost/test/unit_test.hpp>

#include <fcntl.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "cli/progress.hpp"

BOOST_AUTO_TEST_SUITE(test_progress)

BOOST_AUTO_TEST_CASE(silent_when_stderr_is_a_file) {
    const auto path = std::filesystem::temp_directory_path() /
                      ("gdbook-progress-" + std::to_string(::getpid()) + ".txt");
    std::fflush(stderr);
    const int saved = dup(STDERR_FILENO);
    const int fd = open(path.c_str(), O_CREAT | O_TRUNC | O_WRONLY, 0644);
    BOOST_REQUIRE(fd >= 0);
    dup2(fd, STDERR_FILENO);
    {
        gd::Progress bar("training", 1000);
        for (int i = 0; i < 1000; ++i) bar.tick();
    }
    std::fflush(stderr);
    dup2(saved, STDERR_FILENO);
    close(fd);
    close(saved);
    std::ifstream is(path);
    std::stringstream ss;
    ss << is.rdbuf();
    BOOST_TEST(ss.str().empty());
}

BOOST_AUTO_TEST_SUITE_END()  // test_progress
