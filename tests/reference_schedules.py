# Reference learning rates from torch.optim.lr_scheduler, for tests/test_schedules.cpp.
#
# Regenerate (Debian's python3 has torch 1.13) from the repository root with
#     /usr/bin/python3 tests/reference_schedules.py
# which rewrites tests/reference/schedule_cases.csv, schedule_rates.csv (case,t,lr),
# schedule_momenta.csv (case,t,momentum, for the cases that cycle it) and schedule_losses.csv
# (case,t,loss: what the plateau cases are told after each update).
#
# Every case attaches one torch scheduler to SGD over a single float64 parameter and runs the
# training loop PyTorch documents: for each update t = 0..N-1, read the lr the optimizer is about
# to use, call optimizer.step(), then scheduler.step() (ReduceLROnPlateau: scheduler.step(loss_t)).
# The recorded rate of update t is therefore what optimizer.param_groups[0]['lr'] holds when
# update t runs, which is what gd::Schedule::rate(t) must return; likewise its
# param_groups[0]['momentum'] for gd::Schedule::momentum(t). A "warmup" case is
#     SequentialLR([LinearLR(start_factor=F, end_factor=1, total_iters=N), <then>], milestones=[N])
# with the LinearLR built first. Nothing here uses our C++ code: the parameters are written in
# plain decimal.
import csv
import math
import os
import warnings

import torch
from torch.optim import lr_scheduler as S

warnings.filterwarnings("ignore")  # the "call optimizer.step() first" and deprecation chatter

# The two LambdaLR multipliers; tests/test_schedules.cpp writes the same expressions in C++.
LAMBDAS = {
    "warmup_rsqrt": lambda t: min(1.0, (t + 1) / 5) / math.sqrt(max(t, 1)),
    "quadratic": lambda t: (1 - t / 40) * (1 - t / 40),
}

# (schedule, base_lr, parameters, number of updates). Awkward ones on purpose: cosine beyond
# t_max, restarts with t_mult 2 and 3, step_size 1, gamma 0 and > 1, onecycle with odd and tiny
# total_steps, pct_start * total_steps < 1, three phases.
CASES = [
    ("constant", 0.1, {}, 5),
    ("constant", 0.0123, {}, 5),
    ("step", 0.1, {"step_size": 3, "gamma": 0.5}, 20),
    ("step", 0.05, {"step_size": 1, "gamma": 0.9}, 40),
    ("step", 1.0, {"step_size": 30}, 100),  # torch's default gamma = 0.1
    ("step", 0.3, {"step_size": 7, "gamma": 1.5}, 50),
    ("exponential", 0.1, {"gamma": 0.9}, 60),
    ("exponential", 0.5, {"gamma": math.exp(-0.05)}, 100),  # the continuous e^{-kt}, k = 0.05
    ("exponential", 0.01, {"gamma": 1.0}, 10),
    ("exponential", 0.2, {"gamma": 0.0}, 5),
    ("inverse-time", 0.1, {"decay": 0.5}, 40),
    ("inverse-time", 1.0, {"decay": 0.01}, 100),
    ("inverse-time", 0.3, {"decay": 0.0}, 5),
    ("linear", 0.1, {}, 10),  # torch's defaults 1/3 -> 1 over 5 updates
    ("linear", 0.05, {"start_factor": 0.5, "end_factor": 1.0, "total_iters": 4}, 10),
    ("linear", 0.1, {"start_factor": 1.0, "end_factor": 0.1, "total_iters": 7}, 15),
    ("linear", 0.2, {"start_factor": 0.25, "end_factor": 0.75, "total_iters": 1}, 4),
    ("linear", 0.1, {"start_factor": 0.001, "end_factor": 1.0, "total_iters": 20}, 25),
    ("linear", 0.1, {"start_factor": 1.0, "end_factor": 0.0, "total_iters": 10}, 14),
    ("cosine", 0.1, {"t_max": 10}, 35),
    ("cosine", 0.1, {"t_max": 7, "eta_min": 0.001}, 30),
    ("cosine", 0.05, {"t_max": 1, "eta_min": 0.01}, 6),
    ("cosine", 1.0, {"t_max": 50}, 120),
    ("cosine", 0.1, {"t_max": 20, "eta_min": 0.2}, 45),  # eta_min above the base rate
    ("cosine-restarts", 0.1, {"t0": 10}, 35),
    ("cosine-restarts", 0.1, {"t0": 3, "t_mult": 2, "eta_min": 0.001}, 50),
    ("cosine-restarts", 0.05, {"t0": 1}, 5),
    ("cosine-restarts", 0.1, {"t0": 1, "t_mult": 3, "eta_min": 0.01}, 45),
    ("cosine-restarts", 0.2, {"t0": 5, "t_mult": 2}, 40),
    ("onecycle", 0.1, {"max_lr": 0.1, "total_steps": 60}, 60),
    ("onecycle", 0.1, {"max_lr": 1.0, "total_steps": 7}, 7),
    ("onecycle", 0.1, {"max_lr": 0.5, "total_steps": 1}, 1),
    ("onecycle", 0.1, {"max_lr": 0.1, "total_steps": 3, "pct_start": 0.25}, 3),
    ("onecycle", 0.1, {"max_lr": 0.3, "total_steps": 11, "three_phase": 1}, 11),
    ("onecycle", 0.1, {"max_lr": 0.2, "total_steps": 2, "three_phase": 1}, 2),
    ("onecycle", 0.1, {"max_lr": 0.1, "total_steps": 25, "pct_start": 0.5, "div_factor": 10.0,
                       "final_div_factor": 100.0}, 25),
    ("lambda", 0.1, {"fn": "warmup_rsqrt"}, 40),
    ("lambda", 0.2, {"fn": "quadratic"}, 40),
    # The rest of torch.optim.lr_scheduler. New cases go at the end: tests/test_schedules.cpp picks some cases by position.
    ("multistep", 0.1, {"milestones": "3,7", "gamma": 0.5}, 12),
    ("multistep", 1.0, {"milestones": "0,5,5,9"}, 15),  # 0 applies at once, 5 twice: γ²
    ("multistep", 0.3, {"milestones": "10,2", "gamma": 2.0}, 14),  # any order, γ > 1
    ("constant-lr", 0.1, {}, 8),  # torch's defaults: 1/3 for 5 updates
    ("constant-lr", 0.05, {"factor": 0.5, "total_iters": 3}, 6),
    ("constant-lr", 0.2, {"factor": 1.0, "total_iters": 1}, 3),
    ("constant-lr", 0.1, {"factor": 0.1, "total_iters": 7}, 10),
    ("polynomial", 0.1, {}, 8),  # torch's defaults: linear over 5 updates
    ("polynomial", 0.5, {"total_iters": 20, "power": 2.0}, 25),
    ("polynomial", 0.1, {"total_iters": 7, "power": 0.5}, 10),
    ("polynomial", 1.0, {"total_iters": 1, "power": 3.0}, 3),
    ("polynomial", 0.2, {"total_iters": 4, "power": 0.0}, 6),
    ("cyclic", 0.1, {"base_lr": 0.01, "max_lr": 0.1, "step_size_up": 4,
                     "cycle_momentum": 1}, 20),  # torch's default mode and momenta
    ("cyclic", 0.1, {"base_lr": 0.001, "max_lr": 0.006, "step_size_up": 3, "step_size_down": 5,
                     "mode": "triangular2", "cycle_momentum": 1, "base_momentum": 0.7,
                     "max_momentum": 0.95}, 40),
    ("cyclic", 0.1, {"base_lr": 0.01, "max_lr": 0.1, "step_size_up": 2, "mode": "exp_range",
                     "gamma": 0.9, "cycle_momentum": 1}, 30),
    ("cyclic", 0.1, {"base_lr": 0.2, "max_lr": 0.05, "step_size_up": 1}, 6),  # upside down
    ("cyclic", 0.1, {"base_lr": 0.01, "max_lr": 0.03, "step_size_up": 7, "step_size_down": 1,
                     "mode": "exp_range", "gamma": 0.95}, 25),
    ("onecycle", 0.1, {"max_lr": 0.1, "total_steps": 30, "cycle_momentum": 1}, 30),
    ("onecycle", 0.1, {"max_lr": 0.5, "total_steps": 13, "three_phase": 1,
                       "anneal_strategy": "linear", "cycle_momentum": 1, "base_momentum": 0.8,
                       "max_momentum": 0.9}, 13),
    ("onecycle", 0.1, {"max_lr": 0.2, "total_steps": 20, "anneal_strategy": "linear"}, 20),
    ("plateau", 0.1, {"patience": 2, "losses": "bumpy"}, 30),
    ("plateau", 0.5, {"factor": 0.5, "patience": 0, "cooldown": 2, "threshold_mode": "abs",
                      "threshold": 0.01, "losses": "wave"}, 30),
    ("plateau", 1.0, {"factor": 0.3, "patience": 1, "min_lr": 0.05, "losses": "bumpy"}, 30),
    ("plateau", 0.1, {"losses": "creeping"}, 40),  # defaults; improvements below threshold
    ("plateau", 2e-8, {"patience": 0, "losses": "flat"}, 5),  # cuts below eps are not made
    ("warmup", 0.5, {"warmup_steps": 3, "warmup_factor": 0.1, "then": "cosine", "t_max": 4},
     10),
    ("warmup", 0.5, {"warmup_steps": 4, "warmup_factor": 0.25, "then": "onecycle",
                     "max_lr": 1.0, "total_steps": 5, "cycle_momentum": 1}, 9),
    ("warmup", 0.5, {"warmup_steps": 3, "warmup_factor": 0.1, "then": "cyclic", "base_lr": 0.01,
                     "max_lr": 0.1, "step_size_up": 2, "cycle_momentum": 1}, 10),
    ("warmup", 0.2, {"warmup_steps": 5, "then": "step", "step_size": 3, "gamma": 0.5}, 15),
    ("warmup", 0.1, {"warmup_steps": 2, "warmup_factor": 0.5, "then": "multistep",
                     "milestones": "0,3"}, 8),
    ("warmup", 0.1, {"warmup_steps": 1, "warmup_factor": 0.2, "then": "constant-lr",
                     "factor": 0.5, "total_iters": 2}, 6),
    ("warmup", 0.3, {"warmup_steps": 6, "warmup_factor": 0.01, "then": "polynomial",
                     "total_iters": 4, "power": 2.0}, 12),
    ("warmup", 0.1, {"warmup_steps": 3, "then": "exponential", "gamma": 0.8}, 8),
    ("warmup", 0.1, {"warmup_steps": 2, "then": "cosine-restarts", "t0": 3, "t_mult": 2}, 12),
    ("warmup", 0.1, {"warmup_steps": 4, "warmup_factor": 1.0, "then": "constant"}, 6),
]

# What the plateau cases are told after update t.
LOSSES = {
    "bumpy": lambda t: max(0.05, 1 / (1 + t)) + 0.01 * math.sin(3 * t),
    "wave": lambda t: 0.5 + 0.4 * math.cos(t / 3) / (1 + 0.1 * t),
    "creeping": lambda t: 1 - 1e-5 * t if t < 25 else 0.5 - 0.001 * t,
    "flat": lambda t: 1.0,
}


def scheduler(opt, name, p):
    if name == "warmup":  # LinearLR first, then the schedule, then SequentialLR: as written
        warm = S.LinearLR(opt, start_factor=p.get("warmup_factor", 1.0 / 3), end_factor=1.0,
                          total_iters=p["warmup_steps"])
        rest = {k: v for k, v in p.items() if k not in ("warmup_steps", "warmup_factor", "then")}
        then = scheduler(opt, p["then"], rest)
        return S.SequentialLR(opt, [warm, then], milestones=[p["warmup_steps"]])
    if name == "multistep":
        return S.MultiStepLR(opt, milestones=[int(m) for m in p["milestones"].split(",")],
                             gamma=p.get("gamma", 0.1))
    if name == "constant-lr":
        return S.ConstantLR(opt, factor=p.get("factor", 1.0 / 3), total_iters=p.get("total_iters", 5))
    if name == "polynomial":
        return S.PolynomialLR(opt, total_iters=p.get("total_iters", 5), power=p.get("power", 1.0))
    if name == "cyclic":
        return S.CyclicLR(opt, base_lr=p["base_lr"], max_lr=p["max_lr"],
                          step_size_up=p.get("step_size_up", 2000),
                          step_size_down=p.get("step_size_down"),
                          mode=p.get("mode", "triangular"), gamma=p.get("gamma", 1.0),
                          cycle_momentum=bool(p.get("cycle_momentum", 0)),
                          base_momentum=p.get("base_momentum", 0.8),
                          max_momentum=p.get("max_momentum", 0.9))
    if name == "plateau":
        return S.ReduceLROnPlateau(opt, factor=p.get("factor", 0.1),
                                   patience=p.get("patience", 10),
                                   threshold=p.get("threshold", 1e-4),
                                   threshold_mode=p.get("threshold_mode", "rel"),
                                   cooldown=p.get("cooldown", 0), min_lr=p.get("min_lr", 0))
    if name == "constant":
        return S.LambdaLR(opt, lambda t: 1.0)
    if name == "step":
        return S.StepLR(opt, step_size=p["step_size"], gamma=p.get("gamma", 0.1))
    if name == "exponential":
        return S.ExponentialLR(opt, gamma=p["gamma"])
    if name == "inverse-time":  # the "time-based decay" eta0 / (1 + decay t)
        return S.LambdaLR(opt, lambda t: 1.0 / (1.0 + p["decay"] * t))
    if name == "linear":
        return S.LinearLR(opt, start_factor=p.get("start_factor", 1.0 / 3),
                          end_factor=p.get("end_factor", 1.0),
                          total_iters=p.get("total_iters", 5))
    if name == "cosine":
        return S.CosineAnnealingLR(opt, T_max=p["t_max"], eta_min=p.get("eta_min", 0))
    if name == "cosine-restarts":
        return S.CosineAnnealingWarmRestarts(opt, T_0=p["t0"], T_mult=p.get("t_mult", 1),
                                             eta_min=p.get("eta_min", 0))
    if name == "onecycle":
        return S.OneCycleLR(opt, max_lr=p["max_lr"], total_steps=p["total_steps"],
                            pct_start=p.get("pct_start", 0.3),
                            anneal_strategy=p.get("anneal_strategy", "cos"),
                            cycle_momentum=bool(p.get("cycle_momentum", 0)),
                            base_momentum=p.get("base_momentum", 0.85),
                            max_momentum=p.get("max_momentum", 0.95),
                            div_factor=p.get("div_factor", 25.0),
                            final_div_factor=p.get("final_div_factor", 1e4),
                            three_phase=bool(p.get("three_phase", 0)))
    if name == "lambda":
        return S.LambdaLR(opt, LAMBDAS[p["fn"]])
    raise ValueError(name)


def cycles_momentum(name, p):
    return bool(p.get("cycle_momentum", 0))


def rates(name, base_lr, p, n):
    """The rates of updates 0..n-1, their momenta if cycled, and the losses a plateau saw."""
    theta = torch.zeros(1, dtype=torch.float64, requires_grad=True)
    opt = torch.optim.SGD([theta], lr=base_lr)
    sched = scheduler(opt, name, {k: v for k, v in p.items() if k != "losses"})
    out, momenta, losses = [], [], []
    for t in range(n):
        out.append(opt.param_groups[0]["lr"])  # the rate this update uses
        momenta.append(opt.param_groups[0]["momentum"])
        theta.grad = torch.ones_like(theta)
        opt.step()
        if name == "plateau":
            losses.append(LOSSES[p["losses"]](t))
            sched.step(losses[-1])
        else:
            sched.step()
    return out, (momenta if cycles_momentum(name, p) else []), losses


def g17(x):
    return x if isinstance(x, str) else "%.17g" % x


def main():
    folder = os.path.join(os.path.dirname(os.path.abspath(__file__)), "reference")
    os.makedirs(folder, exist_ok=True)
    names = ["schedule_cases.csv", "schedule_rates.csv", "schedule_momenta.csv",
             "schedule_losses.csv"]
    files = [open(os.path.join(folder, f), "w", newline="") for f in names]
    cases, table, momentum_table, loss_table = [csv.writer(f, lineterminator="\n")
                                                for f in files]
    cases.writerow(["case", "schedule", "base_lr", "params", "updates"])
    table.writerow(["case", "t", "lr"])
    momentum_table.writerow(["case", "t", "momentum"])
    loss_table.writerow(["case", "t", "loss"])
    for i, (name, base_lr, p, n) in enumerate(CASES):
        params = " ".join("%s=%s" % (k, g17(v)) for k, v in p.items())
        cases.writerow([i, name, g17(base_lr), params, n])
        lrs, momenta, losses = rates(name, base_lr, p, n)
        for t, lr in enumerate(lrs):
            table.writerow([i, t, g17(lr)])
        for t, m in enumerate(momenta):
            momentum_table.writerow([i, t, g17(m)])
        for t, loss in enumerate(losses):
            loss_table.writerow([i, t, g17(loss)])
    for f in files:
        f.close()
    print("torch %s: %d cases, %d rates" % (torch.__version__, len(CASES),
                                            sum(c[3] for c in CASES)))


if __name__ == "__main__":
    main()
