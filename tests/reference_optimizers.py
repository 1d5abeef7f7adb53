#!/usr/bin/python3
"""Reference trajectories of torch.optim 1.13 for tests/test_optimizers.cpp.

Regenerate (from the repository root, with Debian 12's python3-torch 1.13):

    /usr/bin/python3 tests/reference_optimizers.py

It rewrites tests/reference/optimizer_<name>.csv, one file per optimizer. Each file starts with
'#' comment lines: what it is, then one line per configuration,

    # config <id>: key=value key=value ...

whose keys are gd::OptimizerConfig's fields (a key left out means the optimizer's default, so
the C++ factory's defaults are checked against torch's too). Then the header line
config,step,A00,A01,A02,A10,A11,A12,b0,b1,b2,b3 and, for every configuration, the starting point
(step 0) and every parameter element after each of STEPS updates, with 17 significant digits.

The problem, in float64: parameters A (2x3) and b (4), loss
    L = sum_j [(1 - A0j)^2 + 2 (A1j - A0j^2)^2]        three small Rosenbrock valleys
      + sum_k [0.1 b_k^4 + 0.5 sin(2 b_k)]             quartic wells with a sine ripple
      + 0.2 (sum A)(sum b) + 0.5 sin(A02 b3)            couplings between the two tensors
Its gradient comes from autograd here and is written out analytically in the C++ test.
Momentum-ema (v <- beta v + (1 - beta) g, theta <- theta - lr v) is not in torch.optim; it is
written here with torch tensor operations, in the same order as the C++.
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
}


def loss_fn(A, b):
    rosen = ((1 - A[0]) ** 2 + 2 * (A[1] - A[0] ** 2) ** 2).sum()
    wells = (0.1 * b ** 4 + 0.5 * torch.sin(2 * b)).sum()
    return rosen + wells + 0.2 * A.sum() * b.sum() + 0.5 * torch.sin(A[0, 2] * b[3])


def make_torch(name, cfg, params):
    """The torch.optim optimizer for a configuration, passing only the keys given."""
    kw = dict(cfg)
    lr = kw.pop("lr")
    if "beta1" in kw or "beta2" in kw:
        kw["betas"] = (kw.pop("beta1", 0.9), kw.pop("beta2", 0.999))
    if name == "sgd":
        return torch.optim.SGD(params, lr=lr, foreach=False, **kw)
    if name == "rmsprop":
        return torch.optim.RMSprop(params, lr=lr, foreach=False, **kw)
    if name == "adagrad":
        return torch.optim.Adagrad(params, lr=lr, foreach=False, **kw)
    if name == "adam":
        return torch.optim.Adam(params, lr=lr, foreach=False, **kw)
    if name == "adamw":
        return torch.optim.AdamW(params, lr=lr, foreach=False, **kw)
    raise ValueError(name)


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
    A = torch.tensor(A0, dtype=torch.float64, requires_grad=True)
    b = torch.tensor(B0, dtype=torch.float64, requires_grad=True)
    if name == "momentum-ema":
        opt = MomentumEma([A, b], **cfg)
    else:
        opt = make_torch(name, cfg, [A, b])
    rows = [A.detach().flatten().tolist() + b.detach().tolist()]
    for _ in range(STEPS):
        opt.zero_grad()
        loss_fn(A, b).backward()
        opt.step()
        row = A.detach().flatten().tolist() + b.detach().tolist()
        assert all(math.isfinite(x) for x in row), (name, cfg)
        rows.append(row)
    return rows


def fmt_value(v):
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
            for cid, cfg in configs:
                kv = " ".join("%s=%s" % (k, fmt_value(v)) for k, v in cfg.items())
                f.write("# config %s: %s\n" % (cid, kv))
            f.write("config,step,A00,A01,A02,A10,A11,A12,b0,b1,b2,b3\n")
            for cid, cfg in configs:
                for k, row in enumerate(trajectory(name, cfg)):
                    f.write("%s,%d,%s\n" % (cid, k, ",".join("%.17g" % x for x in row)))
        print("wrote %s" % path)


if __name__ == "__main__":
    main()
