// figures.cpp: the one place gnuplot is started (through gnuplot-iostream).
//
// Kept out of figures.hpp so that only this file includes gnuplot-iostream.h and, through it,
// Boost.Iostreams: every chapter that draws figures compiles without them.
#include <fstream>
#include <stdexcept>
#include <string>

#include <gnuplot-iostream.h>

#include "plot/figures.hpp"

namespace gd::plot {

void Figures::run_gnuplot(const std::string& slug) {
    const fs::path err = fs::absolute(dir_ / (slug + ".err.tmp"));
    {
        Gnuplot gp("gnuplot 2>" + shell_quote(err.string()));
        gp << "cd " << gp_quote(fs::absolute(dir_).string()) << "\n"
           << "load " << gp_quote(slug + ".gp") << "\n";
    }  // the destructor closes the pipe and waits for gnuplot to finish
    // gnuplot reports errors (and warnings, which we treat as errors: a committed figure
    // should draw cleanly) on stderr, as the offending line, a caret, then the message.
    // The one thing it says there on success is the frame count of an animation.
    std::ifstream is(err);
    std::string line, message;
    while (std::getline(is, line)) {
        const bool blank = line.find_first_not_of(" \t^") == std::string::npos;
        const bool frame_count = line.find("frames in animation sequence") != std::string::npos;
        if (!blank && !frame_count) message = line;
    }
    is.close();
    std::error_code ec;
    fs::remove(err, ec);
    if (!message.empty()) {
        fs::remove(dir_ / (slug + ".png"), ec);
        fs::remove(dir_ / (slug + ".gif"), ec);
        throw std::runtime_error("gnuplot failed on " + (dir_ / slug).string() + ".gp: " + message);
    }
    rendered_ = true;
}

}  // namespace gd::plot
