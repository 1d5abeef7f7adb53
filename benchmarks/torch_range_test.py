#!/usr/bin/env python3
"""The PyTorch reference for chapter 11's speed: the same two range tests in float32, one thread.

784-256-128-10 ReLU network (torch.nn.Linear's default initialisation), cross-entropy, batches of
250 from one shuffled epoch of Fashion-MNIST's 60 000 training images, the rate growing
exponentially from 1e-4 to 10 over the 240 batches, stopping when the loss is not finite or
exceeds 4x the best so far; first SGD with momentum 0.9, then Adam, each from the same initial
network. Times the two sweeps together (data loading excluded), 5 times, and prints the median.

Run with Debian's python3-torch (1.13): /usr/bin/python3 benchmarks/torch_range_test.py
Debian's torch does its float32 matrix products in OpenBLAS, like the chapter; on a CPU that
OpenBLAS 0.3.21 does not know, run it as the chapter runs itself, with OPENBLAS_CORETYPE=SkylakeX
(or Haswell) in the environment, for a fair comparison (see common/blas.hpp).
"""
import copy
import gzip
import math
import statistics
import time

import numpy as np
import torch

DATA = "/usr/share/datasets/fashion-mnist"


def read(split):
    with gzip.open(f"{DATA}/{split}-images-idx3-ubyte.gz") as f:
        x = np.frombuffer(f.read(), np.uint8, offset=16).reshape(-1, 784)
    with gzip.open(f"{DATA}/{split}-labels-idx1-ubyte.gz") as f:
        y = np.frombuffer(f.read(), np.uint8, offset=8)
    return torch.from_numpy(x.astype(np.float32) / 255), torch.from_numpy(y.astype(np.int64))


def sweep(model, opt, x, y, order, batch=250, start=1e-4, end=10.0, factor=4.0):
    steps = len(order) // batch
    growth = (end / start) ** (1 / steps)
    best, n = math.inf, 0
    loss_fn = torch.nn.CrossEntropyLoss()
    for i in range(steps):
        lr = start * growth**i
        for g in opt.param_groups:
            g["lr"] = lr
        idx = order[i * batch : (i + 1) * batch]
        opt.zero_grad()
        loss = loss_fn(model(x[idx]), y[idx])
        loss.backward()
        opt.step()
        value = loss.item()
        if not math.isfinite(value) or (i > 0 and value > factor * best):
            break
        best = min(best, value)
        n += 1
    return n


def main():
    torch.set_num_threads(1)
    torch.manual_seed(11)
    x, y = read("train")
    order = torch.randperm(len(x))
    net = torch.nn.Sequential(
        torch.nn.Linear(784, 256), torch.nn.ReLU(),
        torch.nn.Linear(256, 128), torch.nn.ReLU(),
        torch.nn.Linear(128, 10))
    times = []
    for _ in range(5):
        start = time.perf_counter()
        batches = []
        for make in (lambda p: torch.optim.SGD(p, lr=1e-4, momentum=0.9),
                     lambda p: torch.optim.Adam(p, lr=1e-4)):
            model = copy.deepcopy(net)
            batches.append(sweep(model, make(model.parameters()), x, y, order))
        times.append(time.perf_counter() - start)
        print(f"two sweeps ({batches[0]} SGD + {batches[1]} Adam batches): {times[-1]:.3f} s",
              flush=True)
    print(f"median {statistics.median(times):.3f} s, best {min(times):.3f} s "
          f"(torch {torch.__version__}, {torch.get_num_threads()} thread)")


if __name__ == "__main__":
    main()
