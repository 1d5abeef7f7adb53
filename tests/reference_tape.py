#!/usr/bin/python3
"""Reference values of a 1-10-1 network in PyTorch 1.13 for tests/test_09_autodiff.cpp.

Regenerate (from the repository root, with Debian 12's python3-torch 1.13):

    /usr/bin/python3 tests/reference_tape.py

It rewrites tests/reference/tape_sin.csv. The problem is chapter 09's, in float64:
x = linspace(-5, 5, 61) as a column, y = sin(x), p = act(x W1 + b1) W2 + b2 with W1 (1x10),
b1 (1x10), W2 (10x1), b2 (1x1), loss = mean (p - y)^2. The weights come from a formula (not a
random generator), so nothing depends on either side's generator:

    W1[0][j] = sin(1 + 2j),  b1[0][j] = cos(3j) / 2,  W2[j][0] = sin(2 + 5j) / 3,  b2 = 0.1

For each activation (relu, tanh, sigmoid): the loss and the four gradients at those weights,
then STEPS steps of torch.optim.SGD(lr=0.02, momentum=0.9) (full batch), the loss before each
step, and the parameters after the last one.

Format: '#' comment lines, then one record per line, `key,v1,v2,...` with 17 significant
digits: x, y, W1, b1, W2, b2 (the start), then per activation `<act>.loss`, `<act>.gW1`,
`<act>.gb1`, `<act>.gW2`, `<act>.gb2`, `<act>.losses` (STEPS values), `<act>.W1`, `<act>.b1`,
`<act>.W2`, `<act>.b2` (after STEPS steps). Matrices are flattened row by row.
"""
import math
import os

import torch

STEPS = 5
LR, MOMENTUM = 0.02, 0.9
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "reference", "tape_sin.csv")

torch.set_default_dtype(torch.float64)


def start():
    w1 = torch.tensor([[math.sin(1 + 2 * j) for j in range(10)]])
    b1 = torch.tensor([[math.cos(3 * j) / 2 for j in range(10)]])
    w2 = torch.tensor([[math.sin(2 + 5 * j) / 3] for j in range(10)])
    b2 = torch.tensor([[0.1]])
    return [t.clone().requires_grad_(True) for t in (w1, b1, w2, b2)]


def loss_of(params, act, x, y):
    w1, b1, w2, b2 = params
    p = act(x @ w1 + b1) @ w2 + b2
    return torch.mean((p - y) ** 2)


def fmt(key, values):
    return key + "," + ",".join("%.17g" % v for v in values)


def main():
    x = torch.linspace(-5, 5, 61).reshape(61, 1)
    y = torch.sin(x)
    lines = [
        "# tape_sin.csv: PyTorch %s float64 reference for chapter 09's 1-10-1 network on sin(x)."
        % torch.__version__,
        "# Made by tests/reference_tape.py (see there for the problem and format); do not edit.",
        "# sgd lr=%g momentum=%g steps=%d" % (LR, MOMENTUM, STEPS),
        fmt("x", x.flatten().tolist()),
        fmt("y", y.flatten().tolist()),
    ]
    for name, t in zip(("W1", "b1", "W2", "b2"), start()):
        lines.append(fmt(name, t.detach().flatten().tolist()))
    for act_name, act in (("relu", torch.relu), ("tanh", torch.tanh),
                          ("sigmoid", torch.sigmoid)):
        params = start()
        loss = loss_of(params, act, x, y)
        loss.backward()
        lines.append(fmt(act_name + ".loss", [loss.item()]))
        for name, t in zip(("W1", "b1", "W2", "b2"), params):
            lines.append(fmt(act_name + ".g" + name, t.grad.flatten().tolist()))
        params = start()
        opt = torch.optim.SGD(params, lr=LR, momentum=MOMENTUM)
        losses = []
        for _ in range(STEPS):
            opt.zero_grad()
            loss = loss_of(params, act, x, y)
            loss.backward()
            losses.append(loss.item())
            opt.step()
        lines.append(fmt(act_name + ".losses", losses))
        for name, t in zip(("W1", "b1", "W2", "b2"), params):
            lines.append(fmt(act_name + "." + name, t.detach().flatten().tolist()))
    with open(OUT, "w") as f:
        f.write("\n".join(lines) + "\n")
    print("wrote", OUT)


if __name__ == "__main__":
    main()
