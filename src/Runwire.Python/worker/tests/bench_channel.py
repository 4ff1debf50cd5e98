"""Channel overhead of the worker: round trips of a pass-through component (not a unittest; run it directly).

    /usr/bin/python3 src/Runwire.Python/worker/tests/bench_channel.py

Three figures per case:
- round trip: best wall time per call through a real worker process and socket; it includes this Python stand-in
  host's own framing work and the scheduler (an upper bound for the channel, noisy on a busy machine);
- CPU worker+host: CPU time both processes spent per call (robust against other load on the machine);
- worker CPU, no socket: the worker's own work per call (header parsing, decoding, the call, encoding, header
  writing), measured in process without the socket and its copies of the buffers.
"""

import json
import os
import sys
import time

import numpy as np

from rwhost import WORKER_DIR, Buffers, WorkerProcess, key_of

PASS = "def main(*, s):\n    return {'s': s}\n"
EMPTY = "def main():\n    return {}\n"
BATCHES = 30


def series_inputs(n):
    b = Buffers()
    start = 1_600_000_000 * 10**9
    index = np.arange(start, start + n * 60 * 10**9, 60 * 10**9, dtype="<i8")
    values = np.random.default_rng(0).random(n)
    s = {"k": "series", "name": "x", "attrs": {},
         "index": {"dtype": "datetime64", "tz": "UTC", "buf": b.add(index.tobytes())},
         "values": {"dtype": "float64", "buf": b.add(values.tobytes())}}
    return {"s": s}, b


def cpu_seconds(pid):
    """User + system CPU time of a process (from /proc; 10 ms ticks, fine over many calls)."""
    with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def round_trips(worker, code, inputs, buffers, rounds):
    """(best wall time per round trip, CPU time of worker + host per round trip)."""
    worker.call(code, inputs, buffers)  # loads the module
    best = float("inf")
    cpu_before = cpu_seconds(worker.process.pid) + time.process_time()
    for _ in range(BATCHES):  # best of many short batches: less noise from other load on the machine
        started = time.perf_counter()
        for _ in range(rounds):
            answer, _ = worker.call(code, inputs, buffers)
        best = min(best, (time.perf_counter() - started) / rounds)
        assert answer["op"] == "result", answer
    cpu = (cpu_seconds(worker.process.pid) + time.process_time() - cpu_before) / (BATCHES * rounds)
    return best, cpu


def in_process(code, inputs, buffers, rounds):
    """The worker's CPU time per call without the socket: what runwire_worker does between recv and send."""
    sys.path.insert(0, WORKER_DIR)
    import runwire_worker  # pylint: disable=import-outside-toplevel

    runwire_worker.import_libraries()
    worker = runwire_worker.Worker(sock=None)
    header = {"op": "call", "key": key_of(code), "code": code, "function": "main", "inputs": inputs,
              "buffers": [len(b) for b in buffers]}
    raw = json.dumps(header, separators=(",", ":")).encode("utf-8")
    received = [bytearray(b) for b in buffers]  # what the worker reads from the socket (the copy is socket I/O)

    def one_call():
        request = runwire_worker.codec.decode_header(raw)
        answer, out = worker.answer(request, received)
        answer["buffers"] = [memoryview(b).nbytes for b in out]
        return runwire_worker.codec.encode_header(answer), out

    one_call()
    best = float("inf")
    for _ in range(BATCHES):
        started = time.process_time()  # CPU time: other load on the machine does not count
        for _ in range(rounds):
            one_call()
        best = min(best, (time.process_time() - started) / rounds)
    return best


def main():
    print(f"(load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs)")
    print("case                             round trip (best)  CPU worker+host  worker CPU, no socket")
    cases = [("empty call (no inputs/outputs)", EMPTY, ({}, ()), 200),
             ("1000-point float series in+out", PASS, series_inputs(1000), 200),
             ("1,000,000-point series in+out", PASS, series_inputs(1_000_000), 2)]
    with WorkerProcess() as worker:
        for label, code, (inputs, buffers), rounds in cases:
            wall, cpu = round_trips(worker, code, inputs, buffers, rounds)
            own = in_process(code, inputs, buffers, rounds)
            line = f"{label:32s} {wall * 1e3:9.3f} ms {cpu * 1e3:13.3f} ms {own * 1e3:13.3f} ms"
            megabytes = 2 * sum(len(b) for b in buffers) / 1e6  # in and out
            if megabytes > 1:
                line += (f"   ({megabytes:.0f} MB moved: {wall / megabytes * 1e3:.2f} ms/MB wall, "
                         f"{cpu / megabytes * 1e3:.2f} ms/MB CPU)")
            print(line)


if __name__ == "__main__":
    main()
