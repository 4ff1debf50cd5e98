"""Channel overhead of the worker: round trips of a pass-through component (not a unittest; run it directly).

    /usr/bin/python3 src/Runwire.Python/worker/tests/bench_channel.py

The figures include this Python stand-in host's own framing work, so they are an upper bound for the channel.
"""

import time

import numpy as np

from rwhost import Buffers, WorkerProcess

PASS = "def main(*, s):\n    return {'s': s}\n"
EMPTY = "def main():\n    return {}\n"


def series_inputs(n):
    b = Buffers()
    start = 1_600_000_000 * 10**9
    index = np.arange(start, start + n * 60 * 10**9, 60 * 10**9, dtype="<i8")
    values = np.random.default_rng(0).random(n)
    s = {"k": "series", "name": "x", "attrs": {}, "index": {"dtype": "datetime64", "tz": "UTC", "buf": b.add(index.tobytes())},
         "values": {"dtype": "float64", "buf": b.add(values.tobytes())}}
    return {"s": s}, b


def per_call(worker, code, inputs, buffers, rounds):
    worker.call(code, inputs, buffers)  # loads the module
    best = float("inf")
    for _ in range(5):  # best of 5 batches: less noise from the machine
        started = time.perf_counter()
        for _ in range(rounds):
            answer, _ = worker.call(code, inputs, buffers)
        best = min(best, (time.perf_counter() - started) / rounds)
        assert answer["op"] == "result", answer
    return best


def main():
    with WorkerProcess() as worker:
        empty = per_call(worker, EMPTY, {}, (), 2000)
        print(f"empty call (no inputs/outputs):          {empty * 1e3:.3f} ms per round trip")
        inputs, buffers = series_inputs(1000)
        small = per_call(worker, PASS, inputs, buffers, 2000)
        print(f"1000-point float series in and out:      {small * 1e3:.3f} ms per round trip")
        inputs, buffers = series_inputs(1_000_000)
        megabytes = 2 * sum(len(b) for b in buffers) / 1e6  # in and out
        large = per_call(worker, PASS, inputs, buffers, 5)
        print(f"1,000,000-point series in and out:       {large * 1e3:.1f} ms per round trip "
              f"({megabytes:.0f} MB moved, {large / megabytes * 1e3:.2f} ms per MB)")


if __name__ == "__main__":
    main()
