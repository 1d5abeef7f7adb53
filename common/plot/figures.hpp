// plot.hpp: figures through gnuplot, each with its data and its script beside it.
//
// Introduced in chapter 01. A chapter writes its numbers with gd::plot::Data, then hands
// Figures a gnuplot body; Figures writes <slug>.gp (a standard preamble + the body) next to the
// data and renders it by piping `load '<slug>.gp'` into gnuplot through gnuplot-iostream. The
// committed .gp file is therefore exactly what drew the committed picture: a reader can restyle
// it and run `gnuplot <slug>.gp` in the figure's folder, no C++ needed.
// Files are written to a temporary name and renamed, so an interrupted run never leaves a
// half-written file that looks complete.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <iostream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace gd::plot {

namespace fs = std::filesystem;

// A whitespace-separated table for gnuplot. Blocks are separated by two blank lines, so a
// script selects them with `index k`; a single blank line (gap) ends one scan line of a grid.
class Data {
  public:
    explicit Data(std::vector<std::string> columns, int digits = 10)
        : columns_(std::move(columns)), digits_(digits) {
        text_ = "#";
        for (const auto& c : columns_) text_ += ' ' + c;
        text_ += '\n';
    }

    Data& block(const std::string& title) {
        if (rows_ > 0) text_ += "\n\n";
        text_ += "# " + title + '\n';
        return *this;
    }
    Data& row(std::initializer_list<double> values) { return row(values.begin(), values.end()); }
    Data& row(const std::vector<double>& values) { return row(values.begin(), values.end()); }
    Data& gap() {
        text_ += '\n';
        return *this;
    }
    const std::string& text() const { return text_; }

  private:
    template <class It>
    Data& row(It first, It last) {
        if (static_cast<std::size_t>(last - first) != columns_.size()) {
            throw std::logic_error("row width does not match the header");
        }
        char buf[40];
        for (It it = first; it != last; ++it) {
            // %.*g is exact C printf: the same double prints the same bytes on every machine.
            std::snprintf(buf, sizeof buf, "%.*g", digits_, *it);
            text_ += (it == first ? "" : " ");
            text_ += buf;
        }
        text_ += '\n';
        ++rows_;
        return *this;
    }

    std::vector<std::string> columns_;
    int digits_;
    std::string text_;
    std::size_t rows_ = 0;
};

// Writes text to path through a temporary file and a rename.
inline void write_file(const fs::path& path, const std::string& text) {
    const fs::path tmp = path.string() + ".tmp";
    {
        std::ofstream os(tmp, std::ios::binary);
        os << text;
        if (!os.flush()) throw std::runtime_error("cannot write " + tmp.string());
    }
    fs::rename(tmp, path);
}

// Whether an executable called `name` is on PATH (what popen's shell would find).
inline bool on_path(const std::string& name) {
    const char* path = std::getenv("PATH");
    if (!path) return false;
    std::stringstream dirs(path);
    std::string dir;
    while (std::getline(dirs, dir, ':')) {
        if (dir.empty()) continue;
        std::error_code ec;
        const fs::path candidate = fs::path(dir) / name;
        if (fs::is_regular_file(candidate, ec) &&
            (fs::status(candidate, ec).permissions() & fs::perms::owner_exec) != fs::perms::none) {
            return true;
        }
    }
    return false;
}

class Figures {
  public:
    // render = false is --no-plot: data and scripts are written, gnuplot is never started.
    Figures(fs::path dir, bool render) : dir_(std::move(dir)), render_(render) {}

    const fs::path& dir() const { return dir_; }

    void write(const std::string& name, const Data& data) {
        write_file(dir_ / (name + ".dat"), data.text());
    }

    // A PNG for the book (pngcairo: antialiased, proper fonts).
    void png(const std::string& slug, const std::string& body, int width = 900, int height = 600) {
        std::ostringstream head;
        head << "set terminal pngcairo size " << width << ',' << height
             << " enhanced font 'DejaVu Sans,13' linewidth 1.2\n"
             << "set output '" << slug << ".png'\n";
        emit(slug, head.str(), body);
    }

    // An animated GIF: the body plots one frame per `plot` command (typically in a do-for loop).
    void gif(const std::string& slug, const std::string& body, int width = 800, int height = 500,
             int delay_cs = 8) {
        std::ostringstream head;
        head << "set terminal gif animate delay " << delay_cs << " loop 0 size " << width << ','
             << height << " font 'DejaVuSans,12'\n"
             << "set output '" << slug << ".gif'\n";
        emit(slug, head.str(), body);
    }

    // Whether the last call to png() or gif() produced a picture.
    bool rendered() const { return rendered_; }

  private:
    // Okabe-Ito colours: distinguishable with every common kind of colour blindness.
    static const char* style() {
        return "set encoding utf8\n"
               "set linetype 1 lc rgb '#0072B2' lw 2 pt 7\n"
               "set linetype 2 lc rgb '#D55E00' lw 2 pt 5\n"
               "set linetype 3 lc rgb '#009E73' lw 2 pt 9\n"
               "set linetype 4 lc rgb '#CC79A7' lw 2 pt 11\n"
               "set linetype 5 lc rgb '#E69F00' lw 2 pt 13\n"
               "set linetype 6 lc rgb '#56B4E9' lw 2 pt 3\n"
               "set linetype 7 lc rgb '#000000' lw 2 pt 1\n"
               "set linetype 8 lc rgb '#999999' lw 2 pt 2\n"
               "set border lc rgb '#444444'\n"
               "set grid back lc rgb '#e0e0e0' lw 1 dt 1\n"
               "set tics nomirror out\n"
               "set key opaque box lc rgb '#bbbbbb' samplen 2 spacing 1.1\n";
    }

    void emit(const std::string& slug, const std::string& head, const std::string& body) {
        rendered_ = false;
        const std::string script = "# " + slug + ".gp: replot with `gnuplot " + slug +
                                   ".gp` inside this folder.\n" + head + style() + body;
        write_file(dir_ / (slug + ".gp"), script);
        if (!render_) return;
        if (!on_path("gnuplot")) {
            if (!warned_missing()) {
                std::clog << "gnuplot not found (apt-get install gnuplot-nox): "
                             "wrote data and .gp scripts only\n";
                warned_missing() = true;
            }
            return;
        }
        run_gnuplot(slug);
    }

    // Renders <slug>.gp with gnuplot (plot/figures.cpp: the one file that includes
    // gnuplot-iostream and, with it, Boost.Iostreams).
    void run_gnuplot(const std::string& slug);

    static std::string shell_quote(const std::string& s) {
        std::string q = "'";
        for (char c : s) q += (c == '\'') ? std::string("'\\''") : std::string(1, c);
        return q + "'";
    }
    static std::string gp_quote(const std::string& s) {
        std::string q = "'";
        for (char c : s) q += (c == '\'') ? std::string("''") : std::string(1, c);
        return q + "'";
    }
    static bool& warned_missing() {
        static bool warned = false;
        return warned;
    }

    fs::path dir_;
    bool render_;
    bool rendered_ = false;
};

// A GIF's frames as one gnuplot loop. `frames` names each frame (the epoch or update it shows)
// and reaches gnuplot as the word list `frames`; `body` draws one frame, in which i is the
// frame's number from 1 (so a data file's block is `index i-1`) and word(frames, i) its name.
inline std::string frame_loop(const std::vector<std::string>& frames, const std::string& body) {
    std::string g = "frames = '";
    for (const auto& f : frames) g += f + ' ';
    return g + "'\ndo for [i = 1:words(frames)] {\n" + body + "}\n";
}

}  // namespace gd::plot
