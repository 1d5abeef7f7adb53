#!/usr/bin/python3
"""Reference trajectories of torch.optim 1.13 for tests/test_optimizers.cpp.

Regenerate (from the repository root, with Debian 12's python3-torch 1.13):

    /usr/bin/python3 tests/reference_optimizers.py

It rewrites tests/reference/optimizer_<name>.csv, one file per optimizer. Each file starts with
'#' comment lines: what it is, then one line per configuration,

    # config <id>: key=value key=value ...

whose keys are gd::OptimizerConfig's fields (a key left out means the optimizer's default, so
the C++ factory's defaults are checked against torch's too); for L-BFGS also, per configuration,

    # evaluations <id>: n1 n2 ...

the number of function evaluations each step(closure) made. Then the header line
config,step,A00,A01,A02,A10,A11,A12,b0,b1,b2,b3 and, for every configuration, the starting point
(step 0) and every parameter element after each of STEPS updates, with 17 significant digits.

The problem, in float64: parameters A (2x3) and b (4), loss
    L = sum_j [(1 - A0j)^2 + 2 (A1j - A0j^2)^2]        three small Rosenbrock valleys
      + sum_k [0.1 b_k^4 + 0.5 sin(2 b_k)]             quartic wells with a sine ripple
      + 0.2 (sum A)(sum b) + 0.5 sin(A02 b3)            couplings between the two tensors
Its gradient comes from autograd here and is written out analytically in the C++ test. The
coupling 0.2 (sum A)(sum b) makes L unbounded below far away (along A1 = A0^2 with sum b < -5),
which the first-order runs never reach in 40 steps but L-BFGS finds at once; L-BFGS runs on the
bounded problem without that term (COUPLED below).
Momentum-ema (v <- beta v + (1 - beta) g, theta <- theta - lr v) is not in torch.optim; it is
written here with torch tensor operations, in the same order as the C++. The lecture's local gain
has no torch class either; tests/test_optimizers.cpp checks it against its own plain version.
L-BFGS runs through a closure (loss and backward), so its loss values matter too: the C++ test
computes the loss in the order loss_fn does.
Every optimizer runs its single-tensor implementation (foreach=False), torch 1.13's default;
for NAdam the two differ (see common/optim/nadam.hpp).
"""
import math
import os

import torch

STEPS = 40
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "reference")

A0 = [[-1.2, 0.5, 2.0], [1.0, -0.3, 0.8]]
B0 = [0.5, -1.5, 1.0, 2.0]

# Every flag combination that changes the update, and a few unusual rates and epsilons.
# Keys are gd::OptimizerConfig's field names.
CONFIGS = {
    "sgd": [
        ("plain", dict(lr=0.01)),
        ("momentum", dict(lr=0.01, momentum=0.9)),
        ("dampening", dict(lr=0.02, momentum=0.8, dampening=0.5)),
        ("nesterov", dict(lr=0.01, momentum=0.9, nesterov=True)),
        ("weight-decay", dict(lr=0.01, weight_decay=0.1)),
        ("momentum-weight-decay", dict(lr=0.01, momentum=0.5, weight_decay=0.3)),
        ("nesterov-weight-decay", dict(lr=0.005, momentum=0.95, nesterov=True, weight_decay=0.05)),
        ("full-dampening", dict(lr=0.03, momentum=0.9, dampening=0.9, weight_decay=0.01)),
        ("tiny-lr", dict(lr=1e-5, momentum=0.99)),
    ],
    "momentum-ema": [
        ("beta-0.9", dict(lr=0.05, beta=0.9)),
        ("beta-0.5", dict(lr=0.02, beta=0.5)),
        ("beta-0", dict(lr=0.01, beta=0.0)),
        ("default-beta", dict(lr=0.03)),
    ],
    "rmsprop": [
        ("plain", dict(lr=0.01)),
        ("centered", dict(lr=0.01, centered=True)),
        ("momentum", dict(lr=0.003, momentum=0.9)),
        ("centered-momentum", dict(lr=0.002, momentum=0.8, centered=True)),
        ("weight-decay", dict(lr=0.01, weight_decay=0.2)),
        ("everything", dict(lr=0.005, alpha=0.9, momentum=0.5, centered=True, weight_decay=0.1)),
        ("big-eps", dict(lr=0.03, alpha=0.6, eps=0.1)),
    ],
    "adagrad": [
        ("plain", dict(lr=0.1)),
        ("lr-decay", dict(lr=0.2, lr_decay=0.05)),
        ("weight-decay", dict(lr=0.1, weight_decay=0.3)),
        ("decays", dict(lr=0.25, lr_decay=0.01, weight_decay=0.05)),
        ("eps", dict(lr=0.1, eps=1e-3)),
    ],
    "adam": [
        ("plain", dict(lr=0.05)),
        ("amsgrad", dict(lr=0.05, beta2=0.9, amsgrad=True)),
        ("weight-decay", dict(lr=0.03, weight_decay=0.1)),
        ("amsgrad-weight-decay", dict(lr=0.02, weight_decay=0.05, amsgrad=True)),
        ("betas", dict(lr=0.03, beta1=0.5, beta2=0.9)),
        ("big-eps", dict(lr=0.05, eps=0.01)),
        ("zero-lr", dict(lr=0.0)),
    ],
    "adamw": [
        ("default-decay", dict(lr=0.05)),
        ("amsgrad", dict(lr=0.05, beta1=0.8, beta2=0.9, amsgrad=True)),
        ("strong-decay", dict(lr=0.02, weight_decay=0.5)),
        ("no-decay", dict(lr=0.01, weight_decay=0.0, beta1=0.8, beta2=0.99, eps=1e-6)),
    ],
    # The rest of torch.optim.
    "adadelta": [
        ("default", dict()),  # lr 1, rho 0.9, eps 1e-6
        ("rho-weight-decay", dict(lr=0.5, rho=0.5, weight_decay=0.1)),
        ("big-eps", dict(lr=2.0, eps=1e-3)),
        ("rho-1", dict(lr=0.05, rho=1.0)),  # torch allows rho = 1: plain descent, δ = g
    ],
    "adamax": [
        ("default", dict()),  # lr 2e-3
        ("plain", dict(lr=0.05)),
        ("betas-weight-decay", dict(lr=0.02, beta1=0.5, beta2=0.9, weight_decay=0.1)),
        ("big-eps", dict(lr=0.05, eps=0.5)),
    ],
    "nadam": [
        ("default", dict()),  # lr 2e-3, momentum_decay 4e-3
        ("plain", dict(lr=0.05)),
        ("decays", dict(lr=0.03, beta1=0.8, beta2=0.95, momentum_decay=0.1, weight_decay=0.05)),
        ("big-eps", dict(lr=0.05, eps=0.01)),
    ],
    "radam": [
        ("default", dict()),  # lr 1e-3; with beta2 = 0.999 rho_t passes 5 at step 6
        ("plain", dict(lr=0.05)),
        ("short-memory", dict(lr=0.05, beta2=0.9, weight_decay=0.1)),  # rho_t > 5 from step 7
        ("betas", dict(lr=0.02, beta1=0.5, beta2=0.99, eps=1e-3)),
    ],
    "rprop": [
        ("default", dict()),  # lr 1e-2, etas (0.5, 1.2), step sizes (1e-6, 50)
        ("etas", dict(lr=0.05, etaminus=0.3, etaplus=1.5)),
        ("clamped", dict(lr=0.1, step_size_min=0.02, step_size_max=0.15)),
    ],
    "lbfgs": [
        ("default", dict()),  # lr 1, 20 iterations and 25 evaluations a step, no line search
        ("small-steps", dict(lr=0.05, max_iter=3, history_size=2)),
        ("strong-wolfe", dict(line_search="strong-wolfe")),
        ("strong-wolfe-short", dict(lr=0.5, max_iter=4, max_eval=7, history_size=3,
                                    line_search="strong-wolfe")),
        ("tolerances", dict(lr=0.2, max_iter=10, tolerance_grad=1e-3, tolerance_change=1e-4)),
    ],
}

CLASSES = dict(sgd="SGD", rmsprop="RMSprop", adagrad="Adagrad", adam="Adam", adamw="AdamW",
               adadelta="Adadelta", adamax="Adamax", nadam="NAdam", radam="RAdam", rprop="Rprop",
               lbfgs="LBFGS")


COUPLED = {"lbfgs": False}  # which problem each optimizer runs (default: the coupled one)


def loss_fn(A, b, coupled=True):
    rosen = ((1 - A[0]) ** 2 + 2 * (A[1] - A[0] ** 2) ** 2).sum()
    wells = (0.1 * b ** 4 + 0.5 * torch.sin(2 * b)).sum()
    if coupled:
        return rosen + wells + 0.2 * A.sum() * b.sum() + 0.5 * torch.sin(A[0, 2] * b[3])
    return rosen + wells + 0.5 * torch.sin(A[0, 2] * b[3])


def torch_kwargs(cfg):
    """gd::OptimizerConfig's fields as torch's arguments (pairs joined, names mapped)."""
    kw = dict(cfg)
    if "beta1" in kw or "beta2" in kw:
        kw["betas"] = (kw.pop("beta1", 0.9), kw.pop("beta2", 0.999))
    if "etaminus" in kw or "etaplus" in kw:
        kw["etas"] = (kw.pop("etaminus", 0.5), kw.pop("etaplus", 1.2))
    if "step_size_min" in kw or "step_size_max" in kw:
        kw["step_sizes"] = (kw.pop("step_size_min", 1e-6), kw.pop("step_size_max", 50))
    if "line_search" in kw:
        kw["line_search_fn"] = {"strong-wolfe": "strong_wolfe", "none": None}[kw.pop("line_search")]
    return kw


def make_torch(name, cfg, params):
    """The torch.optim optimizer for a configuration, passing only the keys given."""
    kw = torch_kwargs(cfg)
    if name != "lbfgs":
        kw["foreach"] = False  # the single-tensor implementation, torch 1.13's default
    return getattr(torch.optim, CLASSES[name])(params, **kw)


class MomentumEma:
    """v <- beta v + (1 - beta) g; theta <- theta - lr v, v starting at 0 (the blog post's form)."""

    def __init__(self, params, lr, beta=0.9):
        self.params, self.lr, self.beta = params, lr, beta
        self.v = [torch.zeros_like(p) for p in params]

    def step(self):
        with torch.no_grad():
            for p, v in zip(self.params, self.v):
                v.mul_(self.beta).add_(p.grad, alpha=1 - self.beta)
                p.sub_(self.lr * v)

    def zero_grad(self):
        for p in self.params:
            p.grad = None


def trajectory(name, cfg):
    """The rows of a run, and for L-BFGS the function evaluations of each step."""
    A = torch.tensor(A0, dtype=torch.float64, requires_grad=True)
    b = torch.tensor(B0, dtype=torch.float64, requires_grad=True)
    if name == "momentum-ema":
        opt = MomentumEma([A, b], **cfg)
    else:
        opt = make_torch(name, cfg, [A, b])
    rows = [A.detach().flatten().tolist() + b.detach().tolist()]
    evaluations = []
    for _ in range(STEPS):
        if name == "lbfgs":
            def closure():
                opt.zero_grad()
                loss = loss_fn(A, b, COUPLED.get(name, True))
                loss.backward()
                return loss
            state = opt.state[A]
            before = state.get("func_evals", 0)
            opt.step(closure)
            evaluations.append(opt.state[A]["func_evals"] - before)
        else:
            opt.zero_grad()
            loss_fn(A, b).backward()
            opt.step()
        row = A.detach().flatten().tolist() + b.detach().tolist()
        assert all(math.isfinite(x) for x in row), (name, cfg)
        rows.append(row)
    return rows, evaluations


def fmt_value(v):
    if isinstance(v, str):
        return v
    return "1" if v is True else "0" if v is False else repr(float(v))


def main():
    torch.set_default_dtype(torch.float64)
    os.makedirs(OUT, exist_ok=True)
    for name, configs in CONFIGS.items():
        path = os.path.join(OUT, "optimizer_%s.csv" % name.replace("-", "_"))
        with open(path, "w") as f:
            f.write("# %s: torch.optim %s reference trajectories in float64, %d steps.\n"
                    % (os.path.basename(path), torch.__version__, STEPS))
            f.write("# Made by tests/reference_optimizers.py (see there for the problem); "
                    "do not edit.\n")
            runs = [(cid, cfg) + trajectory(name, cfg) for cid, cfg in configs]
            for cid, cfg, _, evaluations in runs:
                kv = " ".join("%s=%s" % (k, fmt_value(v)) for k, v in cfg.items())
                f.write("# config %s: %s\n" % (cid, kv))
                if evaluations:
                    f.write("# evaluations %s: %s\n" % (cid, " ".join(map(str, evaluations))))
            f.write("config,step,A00,A01,A02,A10,A11,A12,b0,b1,b2,b3\n")
            for cid, _, rows, _ in runs:
                for k, row in enumerate(rows):
                    f.write("%s,%d,%s\n" % (cid, k, ",".join("%.17g" % x for x in row)))
        print("wrote %s" % path)


if __name__ == "__main__":
    main()
