"""The data W2 and W3 share, from NumPy's legacy generator as Descent's `randn(…, seed=…)`."""

import numpy as np


def linreg_data():
    X = np.random.RandomState(1).randn(10000, 100)
    w_true = np.random.RandomState(2).randn(100)
    y = X @ w_true + 0.5 + 0.1 * np.random.RandomState(3).randn(10000)
    return X, y
