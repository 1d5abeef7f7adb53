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
#include "optim/adagrad.hpp"
#include "optim/adam.hpp"
#include "optim/momentum_ema.hpp"
#include "optim/optimizer.hpp"
#include "optim/rmsprop.hpp"
#include "optim/sgd.hpp"

namespace gd {

// Every hyperparameter any optimizer takes. A field applies only to the optimizers named beside
// it and is ignored by the others. lr, eps and weight_decay are `unset` (NaN) until given: then
// each optimizer takes PyTorch's own default, which differs between them.
struct OptimizerConfig {
    static constexpr double unset = std::numeric_limits<double>::quiet_NaN();
    static bool given(double v) { return !std::isnan(v); }

    double lr = unset;            // all; default 1e-2 rmsprop, adagrad; 1e-3 adam(w); sgd: needed
    double momentum = 0.0;        // sgd, rmsprop
    double dampening = 0.0;       // sgd
    bool nesterov = false;        // sgd
    double weight_decay = unset;  // sgd, rmsprop, adagrad, adam: default 0; adamw: 1e-2
    double beta = 0.9;            // momentum-ema
    double alpha = 0.99;          // rmsprop
    double eps = unset;           // rmsprop, adam(w): default 1e-8; adagrad: 1e-10
    bool centered = false;        // rmsprop
    double lr_decay = 0.0;        // adagrad
    double beta1 = 0.9;           // adam(w)
    double beta2 = 0.999;         // adam(w)
    bool amsgrad = false;         // adam(w)
};

inline std::vector<std::string> optimizer_names() {
    return {"sgd", "momentum-ema", "rmsprop", "adagrad", "adam", "adamw"};
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
    if (name == "sgd") {
        return std::make_unique<Sgd<T>>(c.lr, c.momentum, c.dampening, wd, c.nesterov);
    }
    if (name == "momentum-ema") return std::make_unique<MomentumEma<T>>(c.lr, c.beta);
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
    std::string list;
    for (const auto& n : optimizer_names()) list += (list.empty() ? "" : ", ") + n;
    throw UsageError("unknown optimizer '" + name + "' (one of " + list + ")");
}

}  // namespace gd
