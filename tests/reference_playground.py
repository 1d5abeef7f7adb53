#!/usr/bin/python3
"""Reference traces for the playground, made with PyTorch's own optimizers and schedulers.

Regenerate (Debian 12: apt-get install python3-torch) from the repository's root with
    /usr/bin/python3 tests/reference_playground.py
It writes tests/reference/playground_cases.csv (one line per case: its name and the playground
flags that reproduce it) and tests/reference/playground_<name>.csv, each in the playground's
trace format: step,x,y,loss,lr with row k the point after k updates and the rate update k used
(row 0: the rate of update 1). tests/test_playground.cpp runs build/bin/playground with those
flags and compares every number.

The surfaces' gradients are written out by hand, term for term as in common/problems/
surfaces.hpp and test_functions.hpp, and handed to torch.optim through p.grad (L-BFGS: through
the closure it calls): what is compared is the optimizers, the schedules and the trace contract.
The gradients themselves are checked against finite differences in tests/test_surfaces.cpp.
momentum-ema and the lecture's local gain are not in torch.optim; they are written out below.
The playground's schedules are torch's with its defaults: OneCycleLR and CyclicLR cycle the
momentum (or beta1) unless the case says --no-cycle-momentum; --warmup-steps N
--warmup-factor F is SequentialLR([LinearLR(F, 1, N), schedule], milestones=[N]);
ReduceLROnPlateau is stepped with the loss at the new point after each update.
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


def rotated_ravine(x, y):
    return 1.05 * x * x - 1.9 * x * y + 1.05 * y * y, (2.1 * x - 1.9 * y, 2.1 * y - 1.9 * x)


def booth(x, y):
    u, v = x + 2 * y - 7, 2 * x + y - 5
    return u * u + v * v, (2 * u + 4 * v, 4 * u + 2 * v)


def matyas(x, y):
    return 0.26 * (x * x + y * y) - 0.48 * x * y, (0.52 * x - 0.48 * y, 0.52 * y - 0.48 * x)


def three_hump_camel(x, y):
    x2 = x * x
    return 2 * x2 - 1.05 * x2 * x2 + x2 * x2 * x2 / 6 + x * y + y * y, (
        4 * x - 4.2 * x2 * x + x2 * x2 * x + y, x + 2 * y)


def goldstein_price(x, y):
    a, b = x + y + 1, 2 * x - 3 * y
    A = 19 - 14 * x + 3 * x * x - 14 * y + 6 * x * y + 3 * y * y
    B = 18 - 32 * x + 12 * x * x + 48 * y - 36 * x * y + 27 * y * y
    P, Q = 1 + a * a * A, 30 + b * b * B
    dA = -14 + 6 * x + 6 * y
    Px = 2 * a * A + a * a * dA
    Qx = 4 * b * B + b * b * (-32 + 24 * x - 36 * y)
    Qy = -6 * b * B + b * b * (48 - 36 * x + 54 * y)
    return P * Q, (Px * Q + P * Qx, Px * Q + P * Qy)


TWO_PI = 6.283185307179586


def rastrigin(x, y):
    return 20 + (x * x - 10 * math.cos(TWO_PI * x)) + (y * y - 10 * math.cos(TWO_PI * y)), (
        2 * x + 10 * TWO_PI * math.sin(TWO_PI * x), 2 * y + 10 * TWO_PI * math.sin(TWO_PI * y))


def ackley(x, y):
    r = math.sqrt(0.5 * (x * x + y * y))
    c = 0.5 * (math.cos(TWO_PI * x) + math.cos(TWO_PI * y))
    funnel = 2 * math.exp(-0.2 * r) / r if r > 0 else 0.0
    ripple = 0.5 * TWO_PI * math.exp(c)
    return 20 * (1 - math.exp(-0.2 * r)) + (2.718281828459045 - math.exp(c)), (
        funnel * x + ripple * math.sin(TWO_PI * x), funnel * y + ripple * math.sin(TWO_PI * y))


def styblinski_tang(x, y):
    def term(v):
        return v * v * v * v - 16 * v * v + 5 * v
    return 0.5 * (term(x) + term(y)), (2 * x * x * x - 16 * x + 2.5, 2 * y * y * y - 16 * y + 2.5)


SURFACES = {"rosenbrock": rosenbrock, "beale": beale, "himmelblau": himmelblau,
            "saddle": saddle, "ravine": ravine, "linear": linear,
            "rotated-ravine": rotated_ravine, "booth": booth, "matyas": matyas,
            "three-hump-camel": three_hump_camel, "goldstein-price": goldstein_price,
            "rastrigin": rastrigin, "ackley": ackley, "styblinski-tang": styblinski_tang}


CLASSES = dict(sgd="SGD", rmsprop="RMSprop", adagrad="Adagrad", adam="Adam", adamw="AdamW",
               adadelta="Adadelta", adamax="Adamax", nadam="NAdam", radam="RAdam", rprop="Rprop",
               lbfgs="LBFGS")


def make_optimizer(p, name, kw):
    return getattr(torch.optim, CLASSES[name])([p], **kw)


def make_scheduler(opt, name, kw, warmup=None):
    """torch's scheduler; with warmup = (N, F), SequentialLR([LinearLR(F, 1, N), it], [N])."""
    S = torch.optim.lr_scheduler
    if name is None:
        return None
    if warmup is not None:
        steps, factor = warmup
        warm = S.LinearLR(opt, start_factor=factor, end_factor=1.0, total_iters=steps)
        then = make_scheduler(opt, name, kw)
        return S.SequentialLR(opt, [warm, then], milestones=[steps])
    if name == "multistep":
        return S.MultiStepLR(opt, **kw)
    if name == "constant-lr":
        return S.ConstantLR(opt, **kw)
    if name == "polynomial":
        return S.PolynomialLR(opt, **kw)
    if name == "cyclic":
        return S.CyclicLR(opt, **kw)
    if name == "plateau":
        return S.ReduceLROnPlateau(opt, **kw)
    if name == "step":
        return S.StepLR(opt, **kw)
    if name == "exponential":
        return S.ExponentialLR(opt, **kw)
    if name == "cosine":
        return S.CosineAnnealingLR(opt, **kw)
    if name == "cosine-restarts":
        return S.CosineAnnealingWarmRestarts(opt, **kw)
    if name == "onecycle":
        return S.OneCycleLR(opt, **kw)  # torch's default: cycle_momentum=True
    if name == "linear":
        return S.LinearLR(opt, **kw)
    if name == "inverse-time":
        decay = kw["decay"]
        return S.LambdaLR(opt, lambda t: 1.0 / (1.0 + decay * t))
    raise ValueError(name)


def run(surface, start, optimizer, okw, steps, schedule=None, skw=None, warmup=None):
    f = SURFACES[surface]
    rows = []
    if optimizer == "local-gain":  # the lecture's rule, as common/optim/local_gain.hpp states it
        lr, beta = okw["lr"], okw.get("beta", 0.05)
        x, y = start
        gains, prev = [1.0, 1.0], None
        rows.append((0, x, y, f(x, y)[0], lr))
        for k in range(1, steps + 1):
            _, g = f(x, y)
            if prev is not None:
                for i in range(2):
                    if g[i] * prev[i] > 0:
                        gains[i] = gains[i] + beta
                    elif g[i] * prev[i] < 0:
                        gains[i] = gains[i] * (1 - beta)
            x, y = x - lr * gains[0] * g[0], y - lr * gains[1] * g[1]
            prev = g
            rows.append((k, x, y, f(x, y)[0], lr))
        return rows
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
    sched = make_scheduler(opt, schedule, skw or {}, warmup)
    x, y = start
    rows.append((0, x, y, f(x, y)[0], opt.param_groups[0]["lr"]))

    def closure():  # the loss and gradient at p as it is now (L-BFGS calls it many times)
        loss, (gx, gy) = f(p[0].item(), p[1].item())
        p.grad = torch.tensor([gx, gy], dtype=torch.float64)
        return loss

    for k in range(1, steps + 1):
        lr = opt.param_groups[0]["lr"]
        if optimizer == "lbfgs":
            opt.step(closure)
        else:
            closure()
            opt.step()
        x, y = p[0].item(), p[1].item()
        if schedule == "plateau":
            sched.step(f(x, y)[0])  # the loss at the new point
        elif sched is not None:
            sched.step()
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
    # The rest of torch.optim: each optimizer, schedule and surface added with it (torch's defaults).
    ("adadelta_rotated_ravine",
     "--function rotated-ravine --start 4,-2 --optimizer adadelta --steps 200",
     dict(surface="rotated-ravine", start=(4.0, -2.0), optimizer="adadelta", okw=dict(),
          steps=200)),
    ("adadelta_ravine_rho_wd",
     "--function ravine --start -5,-2 --optimizer adadelta --lr 2 --rho 0.8 --eps 1e-4 "
     "--weight-decay 0.01 --steps 150",
     dict(surface="ravine", start=(-5.0, -2.0), optimizer="adadelta",
          okw=dict(lr=2.0, rho=0.8, eps=1e-4, weight_decay=0.01), steps=150)),
    ("adamax_booth_multistep",
     "--function booth --start -5,-5 --optimizer adamax --lr 0.5 --schedule multistep "
     "--milestones 30,60 --gamma 0.3 --steps 100",
     dict(surface="booth", start=(-5.0, -5.0), optimizer="adamax", okw=dict(lr=0.5), steps=100,
          schedule="multistep", skw=dict(milestones=[30, 60], gamma=0.3))),
    ("nadam_matyas_polynomial",
     "--function matyas --start 8,-6 --optimizer nadam --lr 0.5 --momentum-decay 0.01 "
     "--schedule polynomial --total-iters 80 --power 2 --steps 100",
     dict(surface="matyas", start=(8.0, -6.0), optimizer="nadam",
          okw=dict(lr=0.5, momentum_decay=0.01), steps=100, schedule="polynomial",
          skw=dict(total_iters=80, power=2.0))),
    ("radam_camel_warmup_cosine",
     "--function three-hump-camel --start 2.5,-2 --optimizer radam --lr 0.05 --schedule cosine "
     "--t-max 100 --warmup-steps 10 --warmup-factor 0.1 --steps 110",
     dict(surface="three-hump-camel", start=(2.5, -2.0), optimizer="radam", okw=dict(lr=0.05),
          steps=110, schedule="cosine", skw=dict(T_max=100), warmup=(10, 0.1))),
    ("rprop_goldstein_price",
     "--function goldstein-price --start 1.5,1.5 --optimizer rprop --etas 0.4,1.3 "
     "--step-sizes 1e-5,0.5 --steps 100",
     dict(surface="goldstein-price", start=(1.5, 1.5), optimizer="rprop",
          okw=dict(etas=(0.4, 1.3), step_sizes=(1e-5, 0.5)), steps=100)),
    # Short: 20 steps are 100 iterations at fixed steps, a wild ride (the loss reaches 2254 at
    # step 6); near the minimum, from step 22 on, the path amplifies to 1e-3 the last-bit
    # differences of torch's p.add_(d, alpha=t), a fused multiply-add on an AVX2 CPU, where the
    # C++ rounds t·d and the sum separately.
    ("lbfgs_rosenbrock",
     "--function rosenbrock --start -1.5,2 --optimizer lbfgs --lr 0.1 --max-iter 5 "
     "--history-size 4 --steps 20",
     dict(surface="rosenbrock", start=(-1.5, 2.0), optimizer="lbfgs",
          okw=dict(lr=0.1, max_iter=5, history_size=4), steps=20)),
    ("lbfgs_strong_wolfe_styblinski_tang",
     "--function styblinski-tang --start 4,-4.5 --optimizer lbfgs --line-search strong-wolfe "
     "--max-iter 3 --steps 10",
     dict(surface="styblinski-tang", start=(4.0, -4.5), optimizer="lbfgs",
          okw=dict(max_iter=3, line_search_fn="strong_wolfe"), steps=10)),
    ("local_gain_ravine",
     "--function ravine --start -5,-2 --optimizer local-gain --lr 0.2 --steps 100",
     dict(surface="ravine", start=(-5.0, -2.0), optimizer="local-gain", okw=dict(lr=0.2),
          steps=100)),
    ("local_gain_rotated_ravine",
     "--function rotated-ravine --start -4,3 --optimizer local-gain --lr 0.1 --beta 0.2 "
     "--steps 100",
     dict(surface="rotated-ravine", start=(-4.0, 3.0), optimizer="local-gain",
          okw=dict(lr=0.1, beta=0.2), steps=100)),
    ("sgd_rastrigin_cyclic",
     "--function rastrigin --start 0.3,-0.2 --optimizer sgd --lr 0.001 --schedule cyclic "
     "--base-lr 0.001 --max-lr 0.004 --step-size-up 10 --mode triangular2 --steps 80",
     dict(surface="rastrigin", start=(0.3, -0.2), optimizer="sgd", okw=dict(lr=0.001),
          steps=80, schedule="cyclic",
          skw=dict(base_lr=0.001, max_lr=0.004, step_size_up=10, mode="triangular2"))),
    ("adam_ackley_cyclic_no_momentum",
     "--function ackley --start 2.5,1.5 --optimizer adam --schedule cyclic --base-lr 0.01 "
     "--max-lr 0.1 --step-size-up 5 --step-size-down 15 --mode exp_range --gamma 0.99 "
     "--no-cycle-momentum --steps 60",
     dict(surface="ackley", start=(2.5, 1.5), optimizer="adam", okw=dict(), steps=60,
          schedule="cyclic",
          skw=dict(base_lr=0.01, max_lr=0.1, step_size_up=5, step_size_down=15,
                   mode="exp_range", gamma=0.99, cycle_momentum=False))),
    ("rmsprop_himmelblau_plateau",
     "--function himmelblau --start 0,0 --optimizer rmsprop --lr 0.05 --schedule plateau "
     "--patience 3 --factor 0.5 --cooldown 2 --steps 150",
     dict(surface="himmelblau", start=(0.0, 0.0), optimizer="rmsprop", okw=dict(lr=0.05),
          steps=150, schedule="plateau", skw=dict(patience=3, factor=0.5, cooldown=2))),
    ("sgd_beale_plateau_abs",
     "--function beale --start 1,1.5 --optimizer sgd --lr 0.01 --momentum 0.5 --schedule plateau "
     "--threshold-mode abs --threshold 1e-3 --patience 5 --min-lr 0.002 --steps 200",
     dict(surface="beale", start=(1.0, 1.5), optimizer="sgd", okw=dict(lr=0.01, momentum=0.5),
          steps=200, schedule="plateau",
          skw=dict(threshold_mode="abs", threshold=1e-3, patience=5, min_lr=0.002))),
    ("adamw_styblinski_tang_onecycle_beta1",
     "--function styblinski-tang --start 0.5,1 --optimizer adamw --schedule onecycle --max-lr 0.3 "
     "--total-steps 80 --three-phase --anneal-strategy linear --base-momentum 0.8 "
     "--max-momentum 0.95 --steps 80",
     dict(surface="styblinski-tang", start=(0.5, 1.0), optimizer="adamw", okw=dict(), steps=80,
          schedule="onecycle",
          skw=dict(max_lr=0.3, total_steps=80, three_phase=True, anneal_strategy="linear",
                   base_momentum=0.8, max_momentum=0.95))),
    ("sgd_rotated_ravine_warmup_onecycle",
     "--function rotated-ravine --start -4,3 --optimizer sgd --lr 0.05 --momentum 0.9 "
     "--schedule onecycle --max-lr 0.2 --total-steps 60 --warmup-steps 10 --warmup-factor 0.2 "
     "--steps 70",
     dict(surface="rotated-ravine", start=(-4.0, 3.0), optimizer="sgd",
          okw=dict(lr=0.05, momentum=0.9), steps=70, schedule="onecycle",
          skw=dict(max_lr=0.2, total_steps=60), warmup=(10, 0.2))),
    ("sgd_ravine_warmup_cyclic",
     "--function ravine --start -5,-2 --optimizer sgd --lr 0.3 --schedule cyclic --base-lr 0.05 "
     "--max-lr 0.4 --step-size-up 5 --warmup-steps 4 --warmup-factor 0.25 --steps 40",
     dict(surface="ravine", start=(-5.0, -2.0), optimizer="sgd", okw=dict(lr=0.3), steps=40,
          schedule="cyclic", skw=dict(base_lr=0.05, max_lr=0.4, step_size_up=5),
          warmup=(4, 0.25))),
    ("adagrad_matyas_constant_lr",
     "--function matyas --start 5,9 --optimizer adagrad --lr 1 --schedule constant-lr "
     "--factor 0.2 --total-iters 20 --steps 60",
     dict(surface="matyas", start=(5.0, 9.0), optimizer="adagrad", okw=dict(lr=1.0), steps=60,
          schedule="constant-lr", skw=dict(factor=0.2, total_iters=20))),
    ("nadam_booth_warmup_step",
     "--function booth --start 8,8 --optimizer nadam --lr 0.3 --schedule step --step-size 20 "
     "--warmup-steps 5 --steps 60",
     dict(surface="booth", start=(8.0, 8.0), optimizer="nadam", okw=dict(lr=0.3), steps=60,
          schedule="step", skw=dict(step_size=20), warmup=(5, 1.0 / 3))),
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
