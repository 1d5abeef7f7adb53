"""torch_hive.py: the PyTorch reference that bench_hive compares chapter 10's hive with.

Experiment (a) of chapter 10 written the way a PyTorch user would batch it: 6 cells (momentum
0.7, 0.9, 0.95 x lr 0.002, 0.01) x 10 bees = 60 networks 1-10-1 (ReLU), float64, one thread.
Each cell owns its four parameter tensors (10 bees each) and is one param group of a single
torch.optim.SGD, so every cell has its own momentum and rate; every epoch the cells' tensors
are concatenated and all 60 bees go through one bmm per layer, full batch on the 61 points of
sin x, one MSE per bee, summed for backward. Every epoch records each bee's 61 predictions and
its loss before the update, as ch10::train does. The initial weights are torch's own (drawn
like nn.Linear), not the chapter's: this measures time, not numbers (no divergence masking
either: no bee of (a) diverges).

Timed like hive_train_seconds: the training loop only, 7 repeats, median.
Run: /usr/bin/python3 benchmarks/torch_hive.py [--broadcast]   (needs torch; CI does not run it)
--broadcast replaces the two bmm by broadcast products and a sum (the same numbers up to
rounding): Debian's torch links the generic reference BLAS, on which each of these tiny bmm
takes ~0.5 ms, so the bmm timing there says more about the BLAS than about PyTorch.
"""
import statistics
import sys
import time

import torch

CELLS = [(mu, lr) for mu in (0.7, 0.9, 0.95) for lr in (0.002, 0.01)]
BEES, HIDDEN, EPOCHS, POINTS, REPEATS = 10, 10, 250, 61, 7


def cell_params(gen):
    """One cell's 10 bees: W1 (10,1,H), b1 (10,1,H), W2 (10,H,1), b2 (10,1,1), nn.Linear init."""
    def uniform(shape, fan_in):
        bound = 1.0 / fan_in**0.5
        t = (torch.rand(shape, generator=gen, dtype=torch.float64) * 2 - 1) * bound
        return t.requires_grad_()
    return [uniform((BEES, 1, HIDDEN), 1), uniform((BEES, 1, HIDDEN), 1),
            uniform((BEES, HIDDEN, 1), HIDDEN), uniform((BEES, 1, 1), HIDDEN)]


def train(seed, broadcast):
    gen = torch.Generator().manual_seed(seed)
    cells = [cell_params(gen) for _ in CELLS]
    opt = torch.optim.SGD([{"params": p, "lr": lr, "momentum": mu}
                           for p, (mu, lr) in zip(cells, CELLS)], lr=0.01)
    x1 = torch.linspace(-5, 5, POINTS, dtype=torch.float64)
    y = torch.sin(x1).reshape(1, POINTS, 1)
    x = x1.reshape(1, POINTS, 1).expand(BEES * len(CELLS), POINTS, 1)
    pred = torch.empty(EPOCHS, BEES * len(CELLS), POINTS, dtype=torch.float64)
    loss = torch.empty(EPOCHS, BEES * len(CELLS), dtype=torch.float64)

    start = time.perf_counter()
    for e in range(EPOCHS):
        W1, b1, W2, b2 = (torch.cat([c[i] for c in cells]) for i in range(4))
        if broadcast:  # x·W1 is an outer product, h·W2 a sum over the units
            h = torch.relu(x * W1 + b1)  # (60, 61, 10)
            p = (h * W2.transpose(1, 2)).sum(dim=2, keepdim=True) + b2
        else:
            p = torch.bmm(torch.relu(torch.bmm(x, W1) + b1), W2) + b2  # (60, 61, 1)
        per_bee = ((p - y) ** 2).mean(dim=(1, 2))
        opt.zero_grad()
        per_bee.sum().backward()
        pred[e].copy_(p.detach().squeeze(-1))
        loss[e].copy_(per_bee.detach())
        opt.step()
    took = time.perf_counter() - start
    return took, loss


def main():
    torch.set_num_threads(1)
    broadcast = "--broadcast" in sys.argv[1:]
    times = []
    for r in range(REPEATS):
        took, loss = train(10 + r, broadcast)
        times.append(took)
    last = loss[-1].reshape(len(CELLS), BEES).median(dim=1).values
    print("torch %s (%s), 1 thread, 6 cells x 10 bees x 250 epochs: %s s" %
          (torch.__version__, "broadcast" if broadcast else "bmm",
           " ".join("%.4f" % t for t in times)))
    print("  median %.4f s, best %.4f s" % (statistics.median(times), min(times)))
    print("  median loss at epoch 249 per cell (last repeat): " +
          " ".join("%.4f" % v for v in last.tolist()))


if __name__ == "__main__":
    main()
