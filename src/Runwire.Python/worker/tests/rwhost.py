"""A minimal stand-in for the C# host: listens on a Unix socket, starts a real worker process, exchanges frames.

Used by the tests and by the measurement/check scripts next to them. Headers are parsed with plain json (no marker
conversion) so tests see exactly what is on the wire.
"""

import hashlib
import json
import os
import shutil
import socket
import struct
import subprocess
import tempfile

PYTHON = "/usr/bin/python3"  # Debian's Python with pandas; the pyenv python3 on PATH has none
WORKER_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WORKER = os.path.join(WORKER_DIR, "runwire_worker.py")

_LENGTH = struct.Struct("<I")


def key_of(code):
    return hashlib.sha256(code.encode("utf-8")).hexdigest()


class Buffers(list):
    """The buffers of a frame being built; add() returns the index a descriptor refers to."""

    def add(self, data):
        self.append(bytes(data))
        return len(self) - 1


class WorkerProcess:
    def __init__(self, memory_mb=None, startup_timeout=60, launcher=()):
        self.dir = tempfile.mkdtemp(prefix="rw-worker-test-")
        os.chmod(self.dir, 0o700)
        self.socket_path = os.path.join(self.dir, "worker.sock")
        listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        listener.bind(self.socket_path)
        listener.listen(1)
        listener.settimeout(startup_timeout)
        # launcher: a command the worker is started through (e.g. one that gives it a controlling terminal)
        args = [*launcher, PYTHON, "-I", "-u", WORKER, "--socket", self.socket_path]
        if memory_mb:
            args += ["--memory-mb", str(memory_mb)]
        env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "OPENBLAS_NUM_THREADS": "1",
               "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}
        self.stdout_path = os.path.join(self.dir, "stdout.log")
        self.stderr_path = os.path.join(self.dir, "stderr.log")
        with open(self.stdout_path, "wb") as out, open(self.stderr_path, "wb") as err:
            self.process = subprocess.Popen(args, stdin=subprocess.DEVNULL, stdout=out, stderr=err, env=env)
        try:
            self.sock, _ = listener.accept()
        finally:
            listener.close()
        self.sock.settimeout(120)
        self.reader = self.sock.makefile("rb")
        self.ready, _ = self.recv()
        self.known = set()

    # --- frames ---

    def send(self, header, buffers=()):
        header = dict(header)
        if buffers:
            header["buffers"] = [len(b) for b in buffers]
        raw = json.dumps(header, separators=(",", ":")).encode("utf-8")
        self.sock.sendall(_LENGTH.pack(len(raw)) + raw + b"".join(buffers))

    def recv(self):
        head = self.reader.read(4)
        if len(head) < 4:
            raise EOFError("the worker closed the channel")
        (length,) = _LENGTH.unpack(head)
        header = json.loads(self.reader.read(length))
        buffers = [self.reader.read(n) for n in header.get("buffers") or ()]
        return header, buffers

    def request(self, header, buffers=()):
        self.send(header, buffers)
        return self.recv()

    # --- ops ---

    def load(self, code, function="main"):
        answer, _ = self.request({"op": "load", "key": key_of(code), "code": code, "function": function})
        if answer["op"] == "loaded":
            self.known.add(key_of(code))
        return answer

    def call(self, code, inputs=None, buffers=(), function="main", send_code=None):
        key = key_of(code)
        header = {"op": "call", "key": key, "function": function, "inputs": inputs or {}}
        if send_code or (send_code is None and key not in self.known):
            header["code"] = code
        answer, out_buffers = self.request(header, buffers)
        if answer["op"] == "result":
            self.known.add(key)
        return answer, out_buffers

    def stdout(self):
        with open(self.stdout_path, "rb") as out:
            return out.read().decode("utf-8", "replace")

    def stderr(self):
        with open(self.stderr_path, "rb") as err:
            return err.read().decode("utf-8", "replace")

    def close(self):
        if self.process.poll() is None:
            try:
                self.send({"op": "exit"})
                self.process.wait(timeout=10)
            except (OSError, subprocess.TimeoutExpired):
                self.process.kill()
                self.process.wait()
        self.reader.close()
        self.sock.close()
        shutil.rmtree(self.dir, ignore_errors=True)

    def __enter__(self):
        return self

    def __exit__(self, *_):
        self.close()
