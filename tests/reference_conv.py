#!/usr/bin/python3
"""Reference values of a small ConvNet in PyTorch 1.13 for tests/test_conv.cpp.

Regenerate (from the repository root, with Debian 12's python3-torch 1.13):

    /usr/bin/python3 tests/reference_conv.py

It rewrites tests/reference/conv_net.csv. The network is chapter 11's (the source article's
Keras ConvNet) scaled down, gd::ConvNet with ConvNetShape{14, 15, 2, 3, 2, 3, 4, 5, 4, 3}:

    x (3 images, 14 x 15 pixels, 2 channels)
    -> conv 3x3, 3 filters -> ReLU -> max-pool 2x2   (12 x 13 -> 6 x 6: the last column dropped)
    -> conv 3x3, 4 filters -> ReLU -> max-pool 2x2   (4 x 4 -> 2 x 2)
    -> flatten (16, in row, column, channel order, as Keras flattens NHWC)
    -> dense 5 -> ReLU -> dense 4 -> ReLU -> dense 3, mean softmax cross-entropy.

Everything is stored as the C++ code stores it: images NHWC, filters (kh, kw, in, out), dense
weights (in, out); the script permutes them into PyTorch's layouts inside the forward pass, so
the gradients come out in ours. The values come from formulas (no random generator, so nothing
depends on either side's): parameter q, element j (row-major in our layout), with
bound_q = 1/sqrt(fan_in), the bound of PyTorch's default initialisation, times 3 (so the small
network's output depends clearly on its input, and every layer has live ReLUs):

    p_q[j] = 3 bound_q sin(1 + 1.3 j + 2.1 q)
    x[j]   = 0.5 + 0.5 sin(0.37 j)          labels = 0, 2, 1

Records: `key,v1,v2,...` with 17 significant digits after '#' comment lines:
  x, labels, p0 ... p9 (the start: conv1 W, b, conv2 W, b, fc1 W, b, fc2 W, b, fc3 W, b),
  f64.loss, f64.g0 ... f64.g9 (float64 loss and gradients at the start),
  f32.loss, f32.g0 ... f32.g9 (the same in float32),
  sgd.losses, sgd.p0 ... sgd.p9 (STEPS full-batch steps of SGD(lr=0.05, momentum=0.9) in
  float64: the loss before each step, the parameters after the last),
  adam.losses, adam.p0 ... adam.p9 (the same with Adam(lr=0.01)).
"""
import math
import os

import torch

STEPS = 5
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "reference", "conv_net.csv")

N, H, W, C = 3, 14, 15, 2
K, F1, F2, H1, H2, CLASSES = 3, 3, 4, 5, 4, 3
FLAT = 2 * 2 * F2
SHAPES = [(K, K, C, F1), (F1,), (K, K, F1, F2), (F2,), (FLAT, H1), (H1,), (H1, H2), (H2,),
          (H2, CLASSES), (CLASSES,)]
FAN_IN = [K * K * C, K * K * C, K * K * F1, K * K * F1, FLAT, FLAT, H1, H1, H2, H2]
LABELS = [0, 2, 1]


def start(dtype):
    params = []
    for q, (shape, fan_in) in enumerate(zip(SHAPES, FAN_IN)):
        count = math.prod(shape)
        bound = 1 / math.sqrt(fan_in)
        values = [3 * bound * math.sin(1 + 1.3 * j + 2.1 * q) for j in range(count)]
        params.append(torch.tensor(values, dtype=dtype).reshape(shape).requires_grad_(True))
    return params


def images(dtype):
    count = N * H * W * C
    return torch.tensor([0.5 + 0.5 * math.sin(0.37 * j) for j in range(count)],
                        dtype=dtype).reshape(N, H, W, C)


def loss_of(params, x):
    w1, b1, w2, b2, d1, c1, d2, c2, d3, c3 = params
    f = torch.nn.functional
    y = x.permute(0, 3, 1, 2)                                  # NHWC -> NCHW
    y = f.max_pool2d(f.relu(f.conv2d(y, w1.permute(3, 2, 0, 1), b1)), 2)
    y = f.max_pool2d(f.relu(f.conv2d(y, w2.permute(3, 2, 0, 1), b2)), 2)
    y = y.permute(0, 2, 3, 1).flatten(1)                       # Keras's order: row, column, channel
    y = f.relu(y @ d1 + c1)
    y = f.relu(y @ d2 + c2)
    return f.cross_entropy(y @ d3 + c3, torch.tensor(LABELS))


def fmt(key, values):
    return key + "," + ",".join("%.17g" % v for v in values)


def flat(t):
    return t.detach().to(torch.float64).flatten().tolist()


def main():
    lines = [
        "# conv_net.csv: PyTorch %s reference for gd::ConvNet (tests/test_conv.cpp)."
        % torch.__version__,
        "# Made by tests/reference_conv.py (see there for the network and format); do not edit.",
        fmt("x", flat(images(torch.float64))),
        fmt("labels", LABELS),
    ]
    for q, p in enumerate(start(torch.float64)):
        lines.append(fmt("p%d" % q, flat(p)))
    for tag, dtype in (("f64", torch.float64), ("f32", torch.float32)):
        params = start(dtype)
        loss = loss_of(params, images(dtype))
        loss.backward()
        lines.append(fmt(tag + ".loss", [loss.item()]))
        for q, p in enumerate(params):
            lines.append(fmt("%s.g%d" % (tag, q), flat(p.grad)))
    for tag, make in (("sgd", lambda ps: torch.optim.SGD(ps, lr=0.05, momentum=0.9)),
                      ("adam", lambda ps: torch.optim.Adam(ps, lr=0.01))):
        params = start(torch.float64)
        opt = make(params)
        x = images(torch.float64)
        losses = []
        for _ in range(STEPS):
            opt.zero_grad()
            loss = loss_of(params, x)
            loss.backward()
            losses.append(loss.item())
            opt.step()
        lines.append(fmt(tag + ".losses", losses))
        for q, p in enumerate(params):
            lines.append(fmt("%s.p%d" % (tag, q), flat(p)))
    with open(OUT, "w") as f:
        f.write("\n".join(lines) + "\n")
    print("wrote", OUT)


if __name__ == "__main__":
    main()
