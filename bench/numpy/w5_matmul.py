"""W5 matmul: C = C @ Q fifty times; Q orthogonal, the product of two Householder reflections."""

import numpy as np

from harness import main


def householder(v):
    return np.eye(len(v)) - 2 * np.outer(v, v) / np.sum(v**2)


def setup():
    A = np.random.RandomState(5).randn(512, 512)
    v1 = np.random.RandomState(6).randn(512)
    v2 = np.random.RandomState(7).randn(512)
    return A, householder(v1) @ householder(v2)


def train(state, steps):
    C, Q = state
    for step in range(steps):
        C = C @ Q
    return {"row_sums": np.sum(C, axis=1), "column_sums": np.sum(C, axis=0)}


if __name__ == "__main__":
    main(setup, train, default_steps=50)
