// optimizer_flags.hpp: the command-line flags that fill an OptimizerConfig.
//
// Introduced with the playground. Flags are PyTorch's argument names with _ → -; each
// optimizer's constructor checks the values it reads (optim/factory.hpp), so a flag several
// optimizers share (--beta, --eps, --lr) takes each one's default and range.
#pragma once

#include <limits>

#include "cli/cli.hpp"
#include "optim/factory.hpp"

namespace gd {

// The flags --lr, --momentum, ... that fill a config; the optimizer's constructor checks them.
inline void add_optimizer_flags(Cli& cli, OptimizerConfig& c) {
    const Range any{}, unit = unit_open(), nonneg = non_negative();
    cli.option("--lr", c.lr,
               "learning rate η (nan: torch's default; sgd, momentum-ema, local-gain need it)",
               nonneg);
    cli.option("--momentum", c.momentum, "momentum μ (sgd, rmsprop)", nonneg);
    cli.option("--dampening", c.dampening, "dampening of the gradient in sgd's momentum", any);
    cli.flag("--nesterov", c.nesterov, "Nesterov momentum (sgd; needs --momentum, no dampening)");
    cli.option("--weight-decay", c.weight_decay, "weight decay ω (nan: 0; adamw 1e-2)", nonneg);
    cli.option("--beta", c.beta,
               "momentum-ema: v ← βv + (1-β)g, in [0, 1) (nan: 0.9); local-gain: the gain's step, "
               "in (0, 1) (nan: 0.05)",
               unit);
    cli.option("--alpha", c.alpha, "smoothing α of rmsprop's squared gradients", nonneg);
    cli.option("--eps", c.eps, "ε in the denominator (nan: 1e-8; adagrad 1e-10, adadelta 1e-6)",
               nonneg);
    cli.flag("--centered", c.centered, "rmsprop: divide by the gradient's estimated variance");
    cli.option("--lr-decay", c.lr_decay, "adagrad: η_t = η / (1 + (t-1)·lr_decay)", nonneg);
    cli.option("--beta1", c.beta1, "adam(w), adamax, nadam, radam: β1 of the first moment", unit);
    cli.option("--beta2", c.beta2, "adam(w), adamax, nadam, radam: β2 of the second moment", unit);
    cli.flag("--amsgrad", c.amsgrad, "adam(w): divide by the largest second moment so far");
    cli.option("--rho", c.rho, "adadelta: decay ρ of both moving averages", between(0, 1));
    cli.option("--momentum-decay", c.momentum_decay, "nadam: ψ in μ_t = β1(1 - 0.96^(tψ)/2)",
               nonneg);
    cli.option("--etas", c.etaminus, c.etaplus,
               "rprop: MINUS,PLUS, the step sizes' factors, 0 < MINUS < 1 < PLUS");
    cli.option("--step-sizes", c.step_size_min, c.step_size_max,
               "rprop: MIN,MAX, the bounds of the step sizes");
    const int big = std::numeric_limits<int>::max();
    cli.option("--max-iter", c.max_iter, "lbfgs: iterations per step", 1, big);
    cli.option("--max-eval", c.max_eval, "lbfgs: evaluations per step (0: max-iter * 5 / 4)", 0,
               big);
    cli.option("--tolerance-grad", c.tolerance_grad, "lbfgs: stop when max |g| is below this",
               nonneg);
    cli.option("--tolerance-change", c.tolerance_change,
               "lbfgs: stop when the loss or the step changes less", nonneg);
    cli.option("--history-size", c.history_size, "lbfgs: the (s, y) pairs it remembers", 1, big);
    cli.option("--line-search", c.line_search, "lbfgs: strong-wolfe or none",
               {"strong-wolfe", "none"});
}

}  // namespace gd
