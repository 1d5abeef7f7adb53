// optimizer_flags.hpp: the command-line flags that fill an OptimizerConfig.
//
// Introduced with the playground. Flags are PyTorch's argument names with _ → -; each
// optimizer's constructor checks the values it reads (optim/factory.hpp).
#pragma once

#include "cli/cli.hpp"
#include "optim/factory.hpp"

namespace gd {

// The flags --lr, --momentum, ... that fill a config; the optimizer's constructor checks them.
inline void add_optimizer_flags(Cli& cli, OptimizerConfig& c) {
    const Range any{}, unit = unit_open(), nonneg = non_negative();
    cli.option("--lr", c.lr,
               "learning rate η (nan: 1e-2 rmsprop, adagrad; 1e-3 adam(w); sgd needs it)", nonneg);
    cli.option("--momentum", c.momentum, "momentum μ (sgd, rmsprop)", nonneg);
    cli.option("--dampening", c.dampening, "dampening of the gradient in sgd's momentum", any);
    cli.flag("--nesterov", c.nesterov, "Nesterov momentum (sgd; needs --momentum, no dampening)");
    cli.option("--weight-decay", c.weight_decay, "weight decay λ (nan: 0; adamw 1e-2)", nonneg);
    cli.option("--beta", c.beta, "β of momentum-ema: v ← βv + (1-β)g", unit);
    cli.option("--alpha", c.alpha, "smoothing α of rmsprop's squared gradients", nonneg);
    cli.option("--eps", c.eps, "ε in the denominator (nan: 1e-8; adagrad 1e-10)", nonneg);
    cli.flag("--centered", c.centered, "rmsprop: divide by the gradient's estimated variance");
    cli.option("--lr-decay", c.lr_decay, "adagrad: η_t = η / (1 + (t-1)·lr_decay)", nonneg);
    cli.option("--beta1", c.beta1, "adam(w): β1 of the first moment", unit);
    cli.option("--beta2", c.beta2, "adam(w): β2 of the second moment", unit);
    cli.flag("--amsgrad", c.amsgrad, "adam(w): divide by the largest second moment so far");
}

}  // namespace gd
