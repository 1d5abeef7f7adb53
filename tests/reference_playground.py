#!/usr/bin/python3
"""Reference traces for the playground, made with PyTorch's own optimizers and schedulers.

Regenerate (Debian 12: apt-get install python3-torch) from the repository's root with
    /usr/bin/python3 tests/reference_playground.py
It writes tests/reference/playground_cases.csv (one line per case: its name and the playground
flags that reproduce it) and tests/reference/playground_<name>.csv, each in the playground's
trace format: step,x,y,loss,lr with row k the point after k updates and the rate update k used
(row 0: the rate of update 1). tests/test_playground.cpp runs build/bin/playground with those
flags and compares every number.

The surfaces' gradients are written out by hand, term for term as in common/surfaces.hpp, and
handed to torch.optim through p.grad: what is compared is the optimizers, the schedules and the
trace contract. The gradients themselves are checked against finite differences in
tests/test_surfaces.cpp. momentum-ema is not in torch.optim; it is written out below.
"""
import math
import os
import warnings

import torch

warnings.filterwarnings("ignore")
torch.set_default_dtype(torch.float64)
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "reference")

POINTS_X = [5, -6, -7, 9, -3, 4, -2, 4, 0, -2, -3, -4, -6, 6, -3, 2, -10, 1, -4, 9]


def rosenbrock(x, y):
    return (1 - x) * (1 - x) + 100 * (y - x * x) * (y - x * x), (
        -2 * (1 - x) - 400 * x * (y - x * x), 200 * (y - x * x))


def beale(x, y):
    t1, t2, t3 = 1.5 - x + x * y, 2.25 - x + x * y * y, 2.625 - x + x * y * y * y
    return t1 * t1 + t2 * t2 + t3 * t3, (
        2 * t1 * (y - 1) + 2 * t2 * (y * y - 1) + 2 * t3 * (y * y * y - 1),
        2 * t1 * x + 2 * t2 * 2 * x * y + 2 * t3 * 3 * x * y * y)


def himmelblau(x, y):
    u, v = x * x + y - 11, x + y * y - 7
    return u * u + v * v, (4 * x * u + 2 * v, 2 * u + 4 * y * v)


def saddle(x, y):
    return x * x - y * y, (2 * x, -2 * y)


def ravine(x, y):
    return 0.1 * x * x + 2 * y * y, (0.2 * x, 4 * y)


def linear(a, b):
    # The mean over chapter 01's points of (a·X + b − Y)², accumulated in the same order.
    loss, ga, gb = 0.0, 0.0, 0.0
    for X in POINTS_X:
        Y = 1.5 * X - 28.0
        r = a * X + b - Y
        loss += r * r
    for X in POINTS_X:
        Y = 1.5 * X - 28.0
        r = a * X + b - Y
        ga += 2.0 * X * r
        gb += 2.0 * r
    n = float(len(POINTS_X))
    return loss / n, (ga / n, gb / n)


SURFACES = dict(rosenbrock=rosenbrock, beale=beale, himmelblau=himmelblau, saddle=saddle,
                ravine=ravine, linear=linear)


def make_optimizer(p, name, kw):
    if name == "sgd":
        return torch.optim.SGD([p], **kw)
    if name == "rmsprop":
        return torch.optim.RMSprop([p], **kw)
    if name == "adagrad":
        return torch.optim.Adagrad([p], **kw)
    if name == "adam":
        return torch.optim.Adam([p], **kw)
    if name == "adamw":
        return torch.optim.AdamW([p], **kw)
    raise ValueError(name)


def make_scheduler(opt, name, kw):
    S = torch.optim.lr_scheduler
    if name is None:
        return None
    if name == "step":
        return S.StepLR(opt, **kw)
    if name == "exponential":
        return S.ExponentialLR(opt, **kw)
    if name == "cosine":
        return S.CosineAnnealingLR(opt, **kw)
    if name == "cosine-restarts":
        return S.CosineAnnealingWarmRestarts(opt, **kw)
    if name == "onecycle":
        return S.OneCycleLR(opt, cycle_momentum=False, **kw)
    if name == "linear":
        return S.LinearLR(opt, **kw)
    if name == "inverse-time":
        decay = kw["decay"]
        return S.LambdaLR(opt, lambda t: 1.0 / (1.0 + decay * t))
    raise ValueError(name)


def run(surface, start, optimizer, okw, steps, schedule=None, skw=None):
    f = SURFACES[surface]
    rows = []
    if optimizer == "momentum-ema":  # v ← βv + (1−β)g; θ ← θ − ηv, v starting at zero
        lr, beta = okw["lr"], okw["beta"]
        x, y = start
        vx = vy = 0.0
        rows.append((0, x, y, f(x, y)[0], lr))
        for k in range(1, steps + 1):
            _, (gx, gy) = f(x, y)
            vx = beta * vx + (1 - beta) * gx
            vy = beta * vy + (1 - beta) * gy
            x, y = x - lr * vx, y - lr * vy
            rows.append((k, x, y, f(x, y)[0], lr))
        return rows
    p = torch.tensor(start, dtype=torch.float64)
    opt = make_optimizer(p, optimizer, okw)
    sched = make_scheduler(opt, schedule, skw or {})
    x, y = start
    rows.append((0, x, y, f(x, y)[0], opt.param_groups[0]["lr"]))
    for k in range(1, steps + 1):
        x, y = p[0].item(), p[1].item()
        _, (gx, gy) = f(x, y)
        p.grad = torch.tensor([gx, gy], dtype=torch.float64)
        lr = opt.param_groups[0]["lr"]
        opt.step()
        if sched is not None:
            sched.step()
        x, y = p[0].item(), p[1].item()
        rows.append((k, x, y, f(x, y)[0], lr))
    return rows


# name, flags, and how torch runs the same thing.
CASES = [
    ("sgd_ravine", "--function ravine --start -5,-2 --optimizer sgd --lr 0.4 --steps 40",
     dict(surface="ravine", start=(-5.0, -2.0), optimizer="sgd", okw=dict(lr=0.4), steps=40)),
    ("nesterov_rosenbrock",
     "--function rosenbrock --start -1.5,2 --optimizer sgd --lr 0.0005 --momentum 0.9 --nesterov "
     "--steps 300",
     dict(surface="rosenbrock", start=(-1.5, 2.0), optimizer="sgd",
          okw=dict(lr=0.0005, momentum=0.9, nesterov=True), steps=300)),
    ("sgd_wd_dampening_himmelblau_onecycle",
     "--function himmelblau --start 0,0 --optimizer sgd --lr 0.01 --momentum 0.9 --dampening 0.1 "
     "--weight-decay 0.01 --schedule onecycle --max-lr 0.02 --total-steps 120 --steps 120",
     dict(surface="himmelblau", start=(0.0, 0.0), optimizer="sgd",
          okw=dict(lr=0.01, momentum=0.9, dampening=0.1, weight_decay=0.01), steps=120,
          schedule="onecycle", skw=dict(max_lr=0.02, total_steps=120))),
    ("momentum_ema_linear",
     "--function linear --start 0,0 --optimizer momentum-ema --lr 0.01 --beta 0.9 --steps 200",
     dict(surface="linear", start=(0.0, 0.0), optimizer="momentum-ema",
          okw=dict(lr=0.01, beta=0.9), steps=200)),
    ("rmsprop_centered_beale",
     "--function beale --start 1,1.5 --optimizer rmsprop --lr 0.01 --centered --momentum 0.5 "
     "--steps 200",
     dict(surface="beale", start=(1.0, 1.5), optimizer="rmsprop",
          okw=dict(lr=0.01, centered=True, momentum=0.5), steps=200)),
    # Not on rosenbrock: there RMSProp's path, after ~160 steps near the valley floor, amplifies
    # one-ulp differences in the rate (closed form vs torch's recursive product) to 1e-6.
    ("rmsprop_ravine_exponential",
     "--function ravine --start -1,-0.5 --optimizer rmsprop --lr 0.02 --alpha 0.9 "
     "--schedule exponential --gamma 0.99 --steps 200",
     dict(surface="ravine", start=(-1.0, -0.5), optimizer="rmsprop",
          okw=dict(lr=0.02, alpha=0.9), steps=200, schedule="exponential",
          skw=dict(gamma=0.99))),
    ("adagrad_himmelblau",
     "--function himmelblau --start 0.5,-0.5 --optimizer adagrad --lr 0.5 --lr-decay 0.01 "
     "--weight-decay 0.001 --steps 150",
     dict(surface="himmelblau", start=(0.5, -0.5), optimizer="adagrad",
          okw=dict(lr=0.5, lr_decay=0.01, weight_decay=0.001), steps=150)),
    ("adam_amsgrad_rosenbrock_cosine",
     "--function rosenbrock --start -1.5,2 --optimizer adam --lr 0.05 --amsgrad --schedule cosine "
     "--t-max 100 --steps 150",
     dict(surface="rosenbrock", start=(-1.5, 2.0), optimizer="adam",
          okw=dict(lr=0.05, amsgrad=True), steps=150, schedule="cosine", skw=dict(T_max=100))),
    # Short: at this rate Adam circles the minimum restlessly (chapter 05), and after ~50 steps
    # that motion amplifies one-ulp differences past 1e-9.
    ("adam_post_linear_step",
     "--function linear --start 1,1 --optimizer adam --lr 1 --beta1 0.7 --beta2 0.9 "
     "--schedule step --step-size 20 --gamma 0.25 --steps 60",
     dict(surface="linear", start=(1.0, 1.0), optimizer="adam",
          okw=dict(lr=1.0, betas=(0.7, 0.9)), steps=60, schedule="step",
          skw=dict(step_size=20, gamma=0.25))),
    ("adamw_saddle",
     "--function saddle --start 1,0.001 --optimizer adamw --lr 0.01 --weight-decay 0.1 "
     "--steps 100",
     dict(surface="saddle", start=(1.0, 0.001), optimizer="adamw",
          okw=dict(lr=0.01, weight_decay=0.1), steps=100)),
    ("sgd_ravine_restarts",
     "--function ravine --start -5,-2 --optimizer sgd --lr 0.3 --momentum 0.5 "
     "--schedule cosine-restarts --t0 10 --t-mult 2 --eta-min 0.01 --steps 70",
     dict(surface="ravine", start=(-5.0, -2.0), optimizer="sgd", okw=dict(lr=0.3, momentum=0.5),
          steps=70, schedule="cosine-restarts", skw=dict(T_0=10, T_mult=2, eta_min=0.01))),
    ("sgd_linear_linear_schedule",
     "--function linear --start 0,0 --optimizer sgd --lr 0.02 --schedule linear "
     "--start-factor 0.5 --end-factor 0.1 --total-iters 50 --steps 80",
     dict(surface="linear", start=(0.0, 0.0), optimizer="sgd", okw=dict(lr=0.02), steps=80,
          schedule="linear", skw=dict(start_factor=0.5, end_factor=0.1, total_iters=50))),
    ("adam_beale_inverse_time",
     "--function beale --start -1,1 --optimizer adam --lr 0.1 --schedule inverse-time "
     "--decay 0.05 --steps 120",
     dict(surface="beale", start=(-1.0, 1.0), optimizer="adam", okw=dict(lr=0.1), steps=120,
          schedule="inverse-time", skw=dict(decay=0.05))),
]


def main():
    os.makedirs(OUT, exist_ok=True)
    with open(os.path.join(OUT, "playground_cases.csv"), "w") as cases:
        cases.write("name;flags\n")
        for name, flags, spec in CASES:
            cases.write(f"{name};{flags}\n")
            rows = run(**spec)
            with open(os.path.join(OUT, f"playground_{name}.csv"), "w") as f:
                f.write("step,x,y,loss,lr\n")
                for k, x, y, loss, lr in rows:
                    assert all(math.isfinite(v) for v in (x, y, loss, lr)), name
                    f.write(f"{k},{x:.17g},{y:.17g},{loss:.17g},{lr:.17g}\n")
    print(f"wrote {len(CASES)} playground reference traces to {OUT}")


if __name__ == "__main__":
    main()
