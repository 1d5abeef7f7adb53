"""torch_hive.py: chapter 10's training written in PyTorch 1.13, for bench_hive to compare with.

Two workloads, both 1-10-1 ReLU bees fitting sin x on 61 points, full batch, MSE, float64,
torch.optim.SGD's rule with each cell's own momentum and rate:
  hive    the chapter's default hive (a): 6 cells (momentum 0.7, 0.9, 0.95 x lr 0.002, 0.01)
          x 10 bees, 250 epochs, every epoch's 61 predictions and loss of every bee recorded;
  phase   the phase diagram: 16 momenta in [0, 0.99] x 16 rates log-spaced in [1e-3, 1e-1]
          x 32 bees = 8,192 bees, 250 epochs, every epoch's loss of every bee recorded.
Each in several formulations, to find PyTorch's fastest:
  bmm        one bmm per layer, autograd (the first version of this script);
  broadcast  x*W1 as a broadcast product and h.W2 as a sum, autograd;
  manual     the same forward, and the gradient written out by hand (no autograd): ReLU's
             mask, three sums over the points; the SGD step on the stacked parameters;
  chunked    for the phase diagram, `broadcast` on 1,024 bees at a time, `manual` on --chunk
             (128) at a time: 8,192 at once need 40 MB per temporary, far slower than pieces
             that stay in the cache (329 s measured for one batch of 8,192).
Two cores can be used two ways: --threads 2 (PyTorch's own intra-op threads) or --processes 2
(the chunks shared between two forked processes of one thread each; the time is the slower
one's, the fork excluded). bench_hive runs both and takes the faster.
The initial weights are torch's own (drawn like nn.Linear), not the chapter's: this measures
time, not numbers. Timed like the chapter: the training loop only, median of the repeats.
Run: /usr/bin/python3 benchmarks/torch_hive.py [--threads N | --processes N] [--repeats N]
         [--chunk N] [hive|phase ...]
Prints one line per formulation: "torch <workload> <formulation> threads <N> median <s> ...".
"""
import argparse
import multiprocessing
import statistics
import time

import torch

HIDDEN, EPOCHS, POINTS = 10, 250, 61


def workload(name):
    """(momentum, lr) per cell and bees per cell."""
    if name == "hive":
        return [(mu, lr) for mu in (0.7, 0.9, 0.95) for lr in (0.002, 0.01)], 10
    mus = [0.99 * i / 15 for i in range(16)]
    lrs = [10 ** (-3 + 2 * i / 15) for i in range(16)]
    return [(mu, lr) for mu in mus for lr in lrs], 32


def init(bees, gen):
    """W1 (B,1,H), b1 (B,1,H), W2 (B,H,1), b2 (B,1,1): nn.Linear's uniform(+-1/sqrt(fan_in))."""
    def uniform(shape, fan_in):
        return (torch.rand(shape, generator=gen, dtype=torch.float64) * 2 - 1) / fan_in**0.5
    return [uniform((bees, 1, HIDDEN), 1), uniform((bees, 1, HIDDEN), 1),
            uniform((bees, HIDDEN, 1), HIDDEN), uniform((bees, 1, 1), HIDDEN)]


def data(bees):
    x1 = torch.linspace(-5, 5, POINTS, dtype=torch.float64)
    return x1.reshape(1, POINTS, 1).expand(bees, POINTS, 1), torch.sin(x1).reshape(1, POINTS, 1)


def train_autograd(cells, per_cell, gen, form, record_pred):
    """torch.optim.SGD with one param group per cell; bmm or broadcast forward; autograd."""
    params = [init(per_cell, gen) for _ in cells]
    for p in params:
        for t in p:
            t.requires_grad_()
    opt = torch.optim.SGD([{"params": p, "lr": lr, "momentum": mu}
                           for p, (mu, lr) in zip(params, cells)], lr=0.01)
    bees = per_cell * len(cells)
    x, y = data(bees)
    pred = torch.empty(EPOCHS, bees, POINTS, dtype=torch.float64) if record_pred else None
    loss = torch.empty(EPOCHS, bees, dtype=torch.float64)
    start = time.perf_counter()
    for e in range(EPOCHS):
        W1, b1, W2, b2 = (torch.cat([c[i] for c in params]) for i in range(4))
        if form == "broadcast":  # x*W1 is an outer product, h.W2 a sum over the units
            h = torch.relu(x * W1 + b1)  # (B, 61, 10)
            p = (h * W2.transpose(1, 2)).sum(dim=2, keepdim=True) + b2
        else:
            p = torch.bmm(torch.relu(torch.bmm(x, W1) + b1), W2) + b2  # (B, 61, 1)
        per_bee = ((p - y) ** 2).mean(dim=(1, 2))
        opt.zero_grad()
        per_bee.sum().backward()
        if record_pred:
            pred[e].copy_(p.detach().squeeze(-1))
        loss[e].copy_(per_bee.detach())
        opt.step()
    return time.perf_counter() - start


def train_manual(cells, per_cell, gen, record_pred, chunk):
    """The same training without autograd: forward and gradient by hand, the SGD step on
    stacked tensors with each bee's momentum and rate; `chunk` bees at a time."""
    bees = per_cell * len(cells)
    theta = torch.cat([torch.cat([t.reshape(per_cell, -1) for t in init(per_cell, gen)], 1)
                       for _ in cells])  # (B, 31): w, b, u, c
    mu = torch.tensor([m for m, _ in cells], dtype=torch.float64).repeat_interleave(per_cell)
    lr = torch.tensor([r for _, r in cells], dtype=torch.float64).repeat_interleave(per_cell)
    x1 = torch.linspace(-5, 5, POINTS, dtype=torch.float64)
    y = torch.sin(x1)
    pred = torch.empty(EPOCHS, bees, POINTS, dtype=torch.float64) if record_pred else None
    loss = torch.empty(EPOCHS, bees, dtype=torch.float64)
    start = time.perf_counter()
    for lo in range(0, bees, chunk):
        th = theta[lo:lo + chunk].clone()
        m, r = mu[lo:lo + chunk, None], lr[lo:lo + chunk, None]
        v = torch.zeros_like(th)
        H = HIDDEN
        for e in range(EPOCHS):
            w, b, u, c = th[:, None, :H], th[:, None, H:2 * H], th[:, None, 2 * H:3 * H], th[:, 3 * H:]
            z = x1[None, :, None] * w + b  # (b, 61, 10)
            h = torch.relu(z)
            p = (h * u).sum(2) + c  # (b, 61)
            d = p - y
            loss[e, lo:lo + chunk] = (d * d).mean(1)
            if record_pred:
                pred[e, lo:lo + chunk] = p
            gp = (2.0 / POINTS) * d  # (b, 61)
            gz = (z > 0) * (gp[:, :, None] * u)  # (b, 61, 10)
            g = torch.cat([(gz * x1[None, :, None]).sum(1), gz.sum(1),
                           (h * gp[:, :, None]).sum(1), gp.sum(1, keepdim=True)], 1)
            v = g if e == 0 else m * v + g
            th -= r * v
    return time.perf_counter() - start


def _one_process(job):
    """A forked worker: one thread, its share of the cells; returns its training time."""
    form, cells, per_cell, seed, chunk = job
    torch.set_num_threads(1)
    gen = torch.Generator().manual_seed(seed)
    if form == "manual-chunked":
        return train_manual(cells, per_cell, gen, False, chunk)
    return sum(train_autograd(cells[i:i + 32], per_cell, gen, "broadcast", False)
               for i in range(0, len(cells), 32))


def in_processes(form, cells, per_cell, seed, chunk, processes):
    """The cells split in `processes` equal parts, each trained by a forked process."""
    share = (len(cells) + processes - 1) // processes
    jobs = [(form, cells[i:i + share], per_cell, seed + i, chunk)
            for i in range(0, len(cells), share)]
    with multiprocessing.get_context("fork").Pool(processes) as pool:
        return max(pool.map(_one_process, jobs))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--threads", type=int, default=1, help="PyTorch's intra-op threads")
    ap.add_argument("--processes", type=int, default=1, help="phase: forked one-thread workers")
    ap.add_argument("--repeats", type=int, default=0, help="0: 7 for hive, 3 for phase")
    ap.add_argument("--chunk", type=int, default=128, help="bees at a time, manual-chunked")
    ap.add_argument("workloads", nargs="*", default=["hive", "phase"])
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    for name in args.workloads:
        cells, per_cell = workload(name)
        repeats = args.repeats or (7 if name == "hive" else 3)
        record_pred = name == "hive"
        forms = {
            "hive": {"bmm": lambda g: train_autograd(cells, per_cell, g, "bmm", True),
                     "broadcast": lambda g: train_autograd(cells, per_cell, g, "broadcast", True),
                     "manual": lambda g: train_manual(cells, per_cell, g, True, 60)},
            "phase": {"broadcast-chunked": lambda g: sum(
                          train_autograd(cells[i:i + 32], per_cell, g, "broadcast", False)
                          for i in range(0, len(cells), 32)),
                      "manual-chunked": lambda g: train_manual(cells, per_cell, g, False,
                                                               args.chunk)},
        }[name]
        for form, run in forms.items():
            if name == "phase" and args.processes > 1:
                times = [in_processes(form, cells, per_cell, 10 + r, args.chunk, args.processes)
                         for r in range(repeats)]
                cores = "processes %d" % args.processes
            else:
                times = [run(torch.Generator().manual_seed(10 + r)) for r in range(repeats)]
                cores = "threads %d" % args.threads
            print("torch %s %s %s median %.4f best %.4f (%s s; torch %s)" %
                  (name, form, cores, statistics.median(times), min(times),
                   " ".join("%.4f" % t for t in times), torch.__version__), flush=True)


if __name__ == "__main__":
    main()
