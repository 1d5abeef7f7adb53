// progress.hpp: a progress bar on stderr for long runs.
//
// Introduced in chapter 01, used wherever a run takes more than a moment. It draws only when
// stderr is a terminal: piped into a file or a test log it stays silent, so logs and the
// pinned outputs the tests compare never contain carriage returns.
#pragma once

#include <cstddef>
#include <cstdio>
#include <string>

#include <unistd.h>

namespace gd {

class Progress {
  public:
    Progress(std::string label, std::size_t total)
        : label_(std::move(label)), total_(total), active_(isatty(STDERR_FILENO) == 1) {
        draw();
    }
    Progress(const Progress&) = delete;
    Progress& operator=(const Progress&) = delete;
    ~Progress() { finish(); }

    void tick(std::size_t n = 1) {
        done_ += n;
        if (done_ > total_) done_ = total_;
        // Redraw only when the bar moves: a terminal write per step would slow tight loops.
        if (percent() != shown_) draw();
    }

    void finish() {
        if (!active_ || finished_) return;
        done_ = total_;
        draw();
        std::fputc('\n', stderr);
        finished_ = true;
    }

  private:
    int percent() const {
        return total_ == 0 ? 100
                           : static_cast<int>(100.0 * static_cast<double>(done_) /
                                              static_cast<double>(total_));
    }

    void draw() {
        shown_ = percent();
        if (!active_) return;
        constexpr int width = 30;
        const int filled = shown_ * width / 100;
        std::string bar(static_cast<std::size_t>(filled), '#');
        bar.resize(width, '.');
        std::fprintf(stderr, "\r%s [%s] %3d%%", label_.c_str(), bar.c_str(), shown_);
        std::fflush(stderr);
    }

    std::string label_;
    std::size_t total_;
    std::size_t done_ = 0;
    int shown_ = -1;
    bool active_;
    bool finished_ = false;
};

}  // namespace gd
