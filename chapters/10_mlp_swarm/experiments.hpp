// experiments.hpp: chapter 10's experiments, one function each, in the order of the text
// (experiments.cpp). Each trains what it needs, prints the numbers the README quotes and draws
// its figures.
#pragma once

#include <cstddef>
#include <string>

#include "hive.hpp"
#include "plot/figures.hpp"

namespace ch10 {

// Everything the command line sets.
struct Settings {
    Spec spec;                   // the bee and its training; spec.bees is the post's hives' K
    double threshold = 0.02;     // a bee has settled once its loss stays below this
    std::size_t frame_step = 1;  // epochs between animation frames (odd)
    double zoom_mu = 0, zoom_lr = 0.05;  // the post's zoom: cell μ = 0, η = 0.05 of hive (b),
    int zoom_bee = 1, zoom_from = 112, zoom_count = 12;  // its bee 1, epochs 112-123
    int phase_bees = 32;  // bees a cell of the phase diagram and the sequels
    double noise = 0.3;   // σ of the noisy sequel
    bool quick = false;   // --quick: a small phase diagram
};

// The post's three sweeps; rows are momentum, columns the learning rate.
Sweep post_sweep(const std::string& tag);

// One hive: trains it, prints its table (the post's numbers) and draws its grid, animation,
// loss, settling epochs and kinks. Returns the record.
Record hive(const Settings& set, gd::plot::Figures& figs, const std::string& tag, const Sweep& sw,
            const Target& t);

// The post's zoom (bee zoom_bee of cell zoom_mu, zoom_lr, epochs zoom_from ... + zoom_count),
// and the same cell's largest one-epoch jump in loss, each explained from the recorded weights.
void zoom(const Settings& set, gd::plot::Figures& figs, const Target& t);

// How far the kinks of hive (c) travel in the data range, and again with phase_bees bees a cell.
void kink_travel(const Settings& set, const Record& c, const Sweep& sw, const Target& t);

// The theory map, the curvature of the bees' loss, and the phase diagram of the swarm.
void phase_diagram(const Settings& set, gd::plot::Figures& figs, const Target& t);

// The sequels the post promised.
void dampening(const Settings& set, gd::plot::Figures& figs, const Target& t);
void deeper(const Settings& set, gd::plot::Figures& figs, const Target& t);
void noisy(const Settings& set, gd::plot::Figures& figs, const Target& t);

}  // namespace ch10
