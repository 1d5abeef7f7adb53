#!/usr/bin/python3
"""PyTorch's time for chapter 11's two range tests, for benchmarks/bench_range_test.cpp.

The same work as the chapter's: a network in float32 (the article's ConvNet, or the
784-256-128-10 MLP) with PyTorch's default initialisation, batches of 250 from a shuffled pass
over Fashion-MNIST's 60 000 training images, the rate growing exponentially from 1e-4 to 1 over
the 240 batches of one epoch, cross-entropy; first plain SGD (Keras's SGD(): no momentum), then
Adam (Keras's Adam(): eps 1e-7), each from the same initial network. Each sweep runs exactly the
number of batches asked for (the chapter's sweeps' counts: the same work, whatever stops where).

Ways to use the two cores, each timed from the moment the data is in memory:
  processes  each sweep in its own process on one thread, both at once (the fastest here)
  threads    one sweep after the other in one process on two threads (torch's intra-op threads)
  one        one sweep after the other on one thread

    /usr/bin/python3 benchmarks/torch_range_test.py --model mlp --batches 240,150 --repeats 5

prints one line per repeat and `median <way> <seconds>` per way. Debian's torch 1.13 runs its
convolutions in oneDNN and its matrix products in OpenBLAS (see benchmarks/README.md).
"""
import argparse
import gzip
import math
import multiprocessing as mp
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


def network(model):
    torch.manual_seed(11)
    nn = torch.nn
    if model == "mlp":
        return nn.Sequential(nn.Linear(784, 256), nn.ReLU(), nn.Linear(256, 128), nn.ReLU(),
                             nn.Linear(128, 10))
    return nn.Sequential(nn.Unflatten(1, (1, 28, 28)),
                         nn.Conv2d(1, 32, 3), nn.ReLU(), nn.MaxPool2d(2),
                         nn.Conv2d(32, 64, 3), nn.ReLU(), nn.MaxPool2d(2),
                         nn.Flatten(), nn.Linear(1600, 256), nn.ReLU(), nn.Linear(256, 128),
                         nn.ReLU(), nn.Linear(128, 10))


def optimizer(name, params):
    if name == "sgd":
        return torch.optim.SGD(params, lr=1e-4)
    return torch.optim.Adam(params, lr=1e-4, eps=1e-7)


def sweep(model, opt, x, y, order, batches, batch=250, start=1e-4, end=1.0):
    steps = len(order) // batch
    growth = (end / start) ** (1 / steps)
    loss_fn = torch.nn.CrossEntropyLoss()
    for i in range(batches):
        for g in opt.param_groups:
            g["lr"] = start * growth**i
        idx = order[(i % steps) * batch:(i % steps + 1) * batch]
        opt.zero_grad()
        loss = loss_fn(model(x[idx]), y[idx])
        loss.backward()
        opt.step()
        loss.item()  # the value the range test records (and a sync point)


def one_sweep(model_name, opt_name, batches, barrier, results):
    """A process's sweep on one thread: read the data, wait for the other, sweep; report when
    it began and ended."""
    torch.set_num_threads(1)
    x, y = read("train")
    torch.manual_seed(12)
    order = torch.randperm(len(x))
    model = network(model_name)
    opt = optimizer(opt_name, model.parameters())
    barrier.wait()
    begin = time.perf_counter()
    sweep(model, opt, x, y, order, batches)
    results.put((begin, time.perf_counter()))


def in_processes(model_name, counts):
    ctx = mp.get_context("spawn")  # fresh processes: no thread pool inherited half-started
    barrier, results = ctx.Barrier(2), ctx.Queue()
    procs = [ctx.Process(target=one_sweep, args=(model_name, name, count, barrier, results))
             for name, count in zip(("sgd", "adam"), counts)]
    for proc in procs:
        proc.start()
    spans = [results.get() for _ in procs]
    for proc in procs:
        proc.join()
    return max(e for _, e in spans) - min(b for b, _ in spans)


def in_one_process(model_name, counts, threads, x, y, order):
    torch.set_num_threads(threads)
    begin = time.perf_counter()
    for name, count in zip(("sgd", "adam"), counts):
        model = network(model_name)
        sweep(model, optimizer(name, model.parameters()), x, y, order, count)
    return time.perf_counter() - begin


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--model", choices=["mlp", "convnet"], default="mlp")
    p.add_argument("--batches", default="240,240", help="SGD's and Adam's batches")
    p.add_argument("--repeats", type=int, default=5)
    p.add_argument("--ways", default="processes", help="processes,threads,one")
    a = p.parse_args()
    counts = [int(c) for c in a.batches.split(",")]
    x, y = read("train")
    torch.manual_seed(12)
    order = torch.randperm(len(x))
    for way in a.ways.split(","):
        times = []
        for _ in range(a.repeats):
            if way == "processes":
                times.append(in_processes(a.model, counts))
            else:
                times.append(in_one_process(a.model, counts, 2 if way == "threads" else 1,
                                            x, y, order))
            print(f"torch {a.model} {way}: {times[-1]:.3f} s", flush=True)
        print(f"median {way} {statistics.median(times):.4f} (torch {torch.__version__}, "
              f"{counts[0]} + {counts[1]} batches)", flush=True)


if __name__ == "__main__":
    main()
