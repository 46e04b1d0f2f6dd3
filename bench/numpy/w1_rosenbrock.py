"""W1 rosenbrock: momentum (EMA form) on f(x, y) = (1 - x)^2 + 100 (y - x^2)^2."""

import numpy as np

from harness import main


def setup():
    return np.array([-1.5, 2.0])


def train(p, steps, lr=1e-3, beta=0.9):
    v = np.zeros(2)
    for step in range(steps):
        x, y = p
        g = np.array([-2 * (1 - x) - 400 * x * (y - x**2), 200 * (y - x**2)])
        v = beta * v + (1 - beta) * g
        p = p - lr * v
    return {"x": p[0], "y": p[1]}


if __name__ == "__main__":
    main(setup, train, default_steps=100_000)
