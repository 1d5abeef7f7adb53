# Reference learning rates from torch.optim.lr_scheduler, for tests/test_schedules.cpp.
#
# Regenerate (Debian's python3 has torch 1.13) from the repository root with
#     /usr/bin/python3 tests/reference_schedules.py
# which rewrites tests/reference/schedule_cases.csv and tests/reference/schedule_rates.csv.
#
# Every case attaches one torch scheduler to SGD over a single float64 parameter and runs the
# training loop PyTorch documents: for each update t = 0..N-1, read the lr the optimizer is about
# to use, call optimizer.step(), then scheduler.step(). The recorded rate of update t is therefore
# what optimizer.param_groups[0]['lr'] holds when update t runs, which is what gd::Schedule::rate(t)
# must return. Nothing here uses our C++ code: the parameters are written in plain decimal.
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
]


def scheduler(opt, name, p):
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
                            pct_start=p.get("pct_start", 0.3), anneal_strategy="cos",
                            cycle_momentum=False, div_factor=p.get("div_factor", 25.0),
                            final_div_factor=p.get("final_div_factor", 1e4),
                            three_phase=bool(p.get("three_phase", 0)))
    if name == "lambda":
        return S.LambdaLR(opt, LAMBDAS[p["fn"]])
    raise ValueError(name)


def rates(name, base_lr, p, n):
    theta = torch.zeros(1, dtype=torch.float64, requires_grad=True)
    opt = torch.optim.SGD([theta], lr=base_lr)
    sched = scheduler(opt, name, p)
    out = []
    for _ in range(n):
        out.append(opt.param_groups[0]["lr"])  # the rate this update uses
        theta.grad = torch.ones_like(theta)
        opt.step()
        sched.step()
    return out


def g17(x):
    return x if isinstance(x, str) else "%.17g" % x


def main():
    folder = os.path.join(os.path.dirname(os.path.abspath(__file__)), "reference")
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, "schedule_cases.csv"), "w", newline="") as fc, \
            open(os.path.join(folder, "schedule_rates.csv"), "w", newline="") as fr:
        cases, table = csv.writer(fc, lineterminator="\n"), csv.writer(fr, lineterminator="\n")
        cases.writerow(["case", "schedule", "base_lr", "params", "updates"])
        table.writerow(["case", "t", "lr"])
        for i, (name, base_lr, p, n) in enumerate(CASES):
            params = " ".join("%s=%s" % (k, g17(v)) for k, v in p.items())
            cases.writerow([i, name, g17(base_lr), params, n])
            for t, lr in enumerate(rates(name, base_lr, p, n)):
                table.writerow([i, t, g17(lr)])
    print("torch %s: %d cases, %d rates" % (torch.__version__, len(CASES),
                                            sum(c[3] for c in CASES)))


if __name__ == "__main__":
    main()
