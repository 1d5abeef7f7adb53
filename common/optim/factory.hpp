// factory.hpp: an optimizer by name, from one config holding every hyperparameter.
//
// Introduced with the playground (chapter 02 on). Tools that let the user choose the optimizer
// (the playground, chapter 10's hive) fill an OptimizerConfig (cli/optimizer_flags.hpp does it
// from the command line) and call make_optimizer(name, config); unset values take
// torch.optim's own defaults, which differ between optimizers.
#pragma once

#include <cmath>
#include <limits>
#include <memory>
#include <string>
#include <vector>

#include "core/usage_error.hpp"
#include "optim/adadelta.hpp"
#include "optim/adagrad.hpp"
#include "optim/adam.hpp"
#include "optim/adamax.hpp"
#include "optim/lbfgs.hpp"
#include "optim/local_gain.hpp"
#include "optim/momentum_ema.hpp"
#include "optim/nadam.hpp"
#include "optim/optimizer.hpp"
#include "optim/radam.hpp"
#include "optim/rmsprop.hpp"
#include "optim/rprop.hpp"
#include "optim/sgd.hpp"

namespace gd {

// Every hyperparameter any optimizer takes. A field applies only to the optimizers named beside
// it and is ignored by the others. lr, eps, weight_decay and beta are `unset` (NaN) until given:
// then each optimizer takes PyTorch's own default (the lecture's for the local gain), which
// differs between them.
struct OptimizerConfig {
    static constexpr double unset = std::numeric_limits<double>::quiet_NaN();
    static bool given(double v) { return !std::isnan(v); }

    // all; default 1e-2 rmsprop, adagrad, rprop; 1e-3 adam(w), radam; 2e-3 adamax, nadam;
    // 1 adadelta, lbfgs; sgd, momentum-ema, local-gain: needed
    double lr = unset;
    double momentum = 0.0;         // sgd, rmsprop
    double dampening = 0.0;        // sgd
    bool nesterov = false;         // sgd
    double weight_decay = unset;   // sgd, rmsprop, adagrad, adam, adamax, nadam, radam, adadelta:
                                   // default 0; adamw: 1e-2
    double beta = unset;           // momentum-ema: default 0.9; local-gain: 0.05
    double alpha = 0.99;           // rmsprop
    double eps = unset;            // default 1e-8; adagrad 1e-10; adadelta 1e-6
    bool centered = false;         // rmsprop
    double lr_decay = 0.0;         // adagrad
    double beta1 = 0.9;            // adam(w), adamax, nadam, radam
    double beta2 = 0.999;          // adam(w), adamax, nadam, radam
    bool amsgrad = false;          // adam(w)
    double rho = 0.9;              // adadelta
    double momentum_decay = 4e-3;  // nadam
    double etaminus = 0.5, etaplus = 1.2;             // rprop: etas
    double step_size_min = 1e-6, step_size_max = 50;  // rprop: step_sizes
    int max_iter = 20;                                // lbfgs
    int max_eval = 0;                                 // lbfgs; 0: max_iter * 5 / 4
    double tolerance_grad = 1e-7;                     // lbfgs
    double tolerance_change = 1e-9;                   // lbfgs
    int history_size = 100;                           // lbfgs
    std::string line_search = "none";                 // lbfgs: "none" or "strong-wolfe"
};

inline std::vector<std::string> optimizer_names() {
    return {"sgd",    "momentum-ema", "rmsprop", "adagrad", "adadelta", "adam",      "adamw",
            "adamax", "nadam",        "radam",   "rprop",   "lbfgs",    "local-gain"};
}

// The optimizer `name` (one of optimizer_names()) with the config's hyperparameters, unset ones
// taking torch.optim's defaults. Unknown names and invalid values throw UsageError.
template <class T>
std::unique_ptr<Optimizer<T>> make_optimizer(const std::string& name, const OptimizerConfig& c) {
    const auto or_default = [](double v, double fallback) {
        return OptimizerConfig::given(v) ? v : fallback;
    };
    const double wd = or_default(c.weight_decay, 0.0);
    if ((name == "sgd" || name == "momentum-ema") && !OptimizerConfig::given(c.lr)) {
        throw UsageError(name + ": lr must be given (torch.optim.SGD has no default)");
    }
    if (name == "local-gain" && !OptimizerConfig::given(c.lr)) {
        throw UsageError("local-gain: lr must be given (the lecture's rule has no default)");
    }
    if (name == "sgd") {
        return std::make_unique<Sgd<T>>(c.lr, c.momentum, c.dampening, wd, c.nesterov);
    }
    if (name == "momentum-ema") {
        return std::make_unique<MomentumEma<T>>(c.lr, or_default(c.beta, 0.9));
    }
    if (name == "local-gain") {
        return std::make_unique<LocalGain<T>>(c.lr, or_default(c.beta, 0.05));
    }
    if (name == "rmsprop") {
        return std::make_unique<RmsProp<T>>(or_default(c.lr, 1e-2), c.alpha,
                                            or_default(c.eps, 1e-8), wd, c.momentum, c.centered);
    }
    if (name == "adagrad") {
        return std::make_unique<Adagrad<T>>(or_default(c.lr, 1e-2), c.lr_decay, wd,
                                            or_default(c.eps, 1e-10));
    }
    if (name == "adam" || name == "adamw") {
        const double lr = or_default(c.lr, 1e-3), eps = or_default(c.eps, 1e-8);
        if (name == "adam") {
            return std::make_unique<Adam<T>>(lr, c.beta1, c.beta2, eps, wd, c.amsgrad);
        }
        return std::make_unique<AdamW<T>>(lr, c.beta1, c.beta2, eps,
                                          or_default(c.weight_decay, 1e-2), c.amsgrad);
    }
    if (name == "adadelta") {
        return std::make_unique<Adadelta<T>>(or_default(c.lr, 1.0), c.rho, or_default(c.eps, 1e-6),
                                             wd);
    }
    if (name == "adamax") {
        return std::make_unique<Adamax<T>>(or_default(c.lr, 2e-3), c.beta1, c.beta2,
                                           or_default(c.eps, 1e-8), wd);
    }
    if (name == "nadam") {
        return std::make_unique<NAdam<T>>(or_default(c.lr, 2e-3), c.beta1, c.beta2,
                                          or_default(c.eps, 1e-8), wd, c.momentum_decay);
    }
    if (name == "radam") {
        return std::make_unique<RAdam<T>>(or_default(c.lr, 1e-3), c.beta1, c.beta2,
                                          or_default(c.eps, 1e-8), wd);
    }
    if (name == "rprop") {
        return std::make_unique<Rprop<T>>(or_default(c.lr, 1e-2), c.etaminus, c.etaplus,
                                          c.step_size_min, c.step_size_max);
    }
    if (name == "lbfgs") {
        if (c.line_search != "none" && c.line_search != "strong-wolfe") {
            throw UsageError("lbfgs: line_search must be none or strong-wolfe, got '" +
                             c.line_search + "'");
        }
        return std::make_unique<Lbfgs<T>>(or_default(c.lr, 1.0), c.max_iter, c.max_eval,
                                          c.tolerance_grad, c.tolerance_change, c.history_size,
                                          c.line_search == "strong-wolfe");
    }
    std::string list;
    for (const auto& n : optimizer_names()) list += (list.empty() ? "" : ", ") + n;
    throw UsageError("unknown optimizer '" + name + "' (one of " + list + ")");
}

}  // namespace gd
