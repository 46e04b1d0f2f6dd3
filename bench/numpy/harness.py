"""What every NumPy workload shares: the step count from the command line, a timer around
the training loop only, and an exact dump of the final parameters.

Each workload script calls `main(setup, train)`: `setup()` builds the data and the starting
parameters (not timed), `train(state, steps)` runs the loop and returns the final
parameters as a dict of name -> array. The script prints `seconds S` and then one line
`NAME INDEX VALUE` per element, VALUE in `repr` form so it reads back exactly.
"""

import argparse
import time

import numpy as np


def main(setup, train, default_steps):
    parser = argparse.ArgumentParser()
    parser.add_argument("--steps", type=int, default=default_steps)
    steps = parser.parse_args().steps
    state = setup()
    start = time.perf_counter()
    params = train(state, steps)
    seconds = time.perf_counter() - start
    print("seconds", repr(seconds))
    for name, value in params.items():
        for index, element in enumerate(np.ravel(value)):
            print(name, index, repr(float(element)))
