"""W3 linreg-sgd: W2's loss on one row per step, rows in order."""

import numpy as np

from harness import main
from linreg_data import linreg_data


def train(data, steps, lr=1e-3):
    X, y = data
    n = len(y)
    w = np.zeros(100)
    b = 0.0
    for step in range(steps):
        i = step % n
        r = X[i] @ w + b - y[i]
        w = w - lr * 2 * r * X[i]
        b = b - lr * 2 * r
    return {"w": w, "b": b}


if __name__ == "__main__":
    main(linreg_data, train, default_steps=100_000)
