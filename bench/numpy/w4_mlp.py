"""W4 mlp: 2 -> 64 tanh -> 1 on two moons, logistic loss, momentum on every parameter."""

import numpy as np

from harness import main


def setup():
    s = np.linspace(0, np.pi, 512)
    moon0 = np.stack([np.cos(s), np.sin(s)], axis=1)
    moon1 = np.stack([1 - np.cos(s), 1 - np.sin(s) - 0.5], axis=1)
    X = np.concatenate([moon0, moon1]) + 0.1 * np.random.RandomState(2).randn(1024, 2)
    y = np.concatenate([np.zeros(512), np.ones(512)])
    W1 = np.random.RandomState(5).randn(2, 64) / np.sqrt(2)
    w2 = np.random.RandomState(6).randn(64) / np.sqrt(64)
    return X, y, W1, w2


def train(state, steps, lr=0.5, beta=0.9):
    X, y, W1, w2 = state
    n = len(y)
    b1 = np.zeros(64)
    b2 = 0.0
    vW1, vb1, vw2, vb2 = np.zeros_like(W1), np.zeros_like(b1), np.zeros_like(w2), 0.0
    for step in range(steps):
        h = np.tanh(X @ W1 + b1)
        z = h @ w2 + b2
        dz = (1 / (1 + np.exp(-z)) - y) / n
        gw2 = h.T @ dz
        gb2 = np.sum(dz)
        dh = np.outer(dz, w2) * (1 - h**2)
        gW1 = X.T @ dh
        gb1 = np.sum(dh, axis=0)
        vW1 = beta * vW1 + (1 - beta) * gW1
        vb1 = beta * vb1 + (1 - beta) * gb1
        vw2 = beta * vw2 + (1 - beta) * gw2
        vb2 = beta * vb2 + (1 - beta) * gb2
        W1 = W1 - lr * vW1
        b1 = b1 - lr * vb1
        w2 = w2 - lr * vw2
        b2 = b2 - lr * vb2
    return {"W1": W1, "b1": b1, "w2": w2, "b2": b2}


if __name__ == "__main__":
    main(setup, train, default_steps=2000)
