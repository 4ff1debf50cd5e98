"""Runwire's Python worker: loads and calls hetida designer component code for the Runwire host.

    python3 -I -u runwire_worker.py --socket <path> [--memory-mb N]

The contract with the host is docs/python-worker-protocol.md. One worker runs one call at a time; the host owns
pooling, timeouts and the sandbox. Component output (print, logging) goes to this process's stdout/stderr, which
the host logs; the channel is only the Unix socket.

Only the standard library is imported at module level: the resource limits are set before numpy and pandas load.
"""

import argparse
import asyncio
import fcntl
import hashlib
import importlib
import logging
import os
import platform
import resource
import socket
import struct
import sys
import termios
import traceback
import types

WORKER_DIR = os.path.dirname(os.path.abspath(__file__))
COMPONENT_FILE = "COMPONENT CODE"  # hetida's file name for component code in tracebacks and error locations
BASE_MODULE = "hetdesrun_loaded_components"
NOT_A_DICT = "Component did not return an output dict."  # hetida's RuntimeExecutionError message

_LENGTH = struct.Struct("<I")
_MAX_IOV = 512  # stay well below IOV_MAX (1024 on Linux) per sendmsg call
_JOIN_BELOW = 1 << 18  # frames up to this size are joined into one bytes object before sending

codec = None  # runwire_codec, imported after the limits are set


class ProtocolError(Exception):
    """The host sent something the protocol does not allow; answered with stage "protocol"."""


class StageError(Exception):
    """Wraps an exception raised at a given stage of a request, for the error answer."""

    def __init__(self, stage, error):
        super().__init__(stage)
        self.stage = stage
        self.error = error


# ---------------------------------------------------------------------------------------------------------------
# Process setup


def leave_terminal():
    """Gives up the controlling terminal inherited from the host, so component code cannot type into it (TIOCSTI).

    A process that is not a session leader (the worker never is) drops only its own tie to the terminal and cannot
    take one again without a session of its own; in bubblewrap no device of the host's terminal is visible either.
    This replaces bubblewrap's --new-session: a session of its own also puts each worker in a scheduling group of its
    own where the kernel groups by session (autogroup), which made every call about twice as slow on a busy machine.
    """
    try:
        fd = os.open("/dev/tty", os.O_RDWR | os.O_NOCTTY)
    except OSError:
        return  # no controlling terminal: a service, a container, CI
    try:
        fcntl.ioctl(fd, termios.TIOCNOTTY)
    finally:
        os.close(fd)


def set_limits(memory_mb):
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    if memory_mb:
        limit = memory_mb * 1024 * 1024
        _, hard = resource.getrlimit(resource.RLIMIT_AS)
        if hard != resource.RLIM_INFINITY:
            limit = min(limit, hard)
        # soft = hard, so component code cannot raise it again
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def import_libraries():
    """Imports what every call needs (and pre-warms plotly) so the first call is not slow."""
    global codec  # pylint: disable=global-statement
    # -I leaves the script's directory off sys.path; hdutils and the hetdesrun stubs live there.
    if sys.path[:1] != [WORKER_DIR]:
        sys.path.insert(0, WORKER_DIR)
    # hetida registers this parent module so that pickles of classes from component code resolve.
    sys.modules.setdefault(BASE_MODULE, types.ModuleType(BASE_MODULE, "modules of loaded component code"))
    import runwire_codec  # pylint: disable=import-outside-toplevel

    codec = runwire_codec
    accept_pandas2_union_sort()
    # Pre-warm what most components import. Without pydantic or plotly the worker still starts; component code that
    # needs them fails to load with a plain ModuleNotFoundError.
    for module in ("hdutils", "plotly.graph_objects"):
        try:
            importlib.import_module(module)
        except ImportError as error:
            print(f"runwire worker: {module} not available ({error})", file=sys.stderr)


def accept_pandas2_union_sort():
    """hetida v0.9.8 pins pandas 2, whose Index.union takes sort=True (sorted whenever possible); pandas 1.5, which
    Debian ships, refuses it. Component code written for hetida calls it (Interpolate Timeseries), so give pandas 1.5
    the pandas 2 meaning of that one argument. Nothing changes on pandas 2."""
    import pandas as pd  # pylint: disable=import-outside-toplevel

    if int(pd.__version__.split(".")[0]) >= 2:
        return
    union = pd.Index.union

    def union_accepting_sort_true(self, other, sort=None):
        if sort is not True:
            return union(self, other, sort=sort)
        result = union(self, other, sort=None)
        try:
            return result if result.is_monotonic_increasing else result.sort_values()
        except TypeError:  # values that cannot be ordered stay in union's order, as pandas 2 leaves them
            return result

    pd.Index.union = union_accepting_sort_true


def library_versions():
    versions = {}
    for name in ("numpy", "pandas", "scipy", "sklearn", "plotly", "pydantic"):
        module = sys.modules.get(name)
        if module is not None and hasattr(module, "__version__"):
            versions[name] = str(module.__version__)
    return versions


# ---------------------------------------------------------------------------------------------------------------
# Frames


def read_exact(reader, n):
    """n bytes in a fresh bytearray (writable, so numpy arrays over it are too); EOFError when the host closed."""
    data = bytearray(n)
    view = memoryview(data)
    pos = 0
    while pos < n:
        got = reader.readinto(view[pos:])
        if not got:
            raise EOFError
        pos += got
    return data


def read_frame(reader):
    (length,) = _LENGTH.unpack(read_exact(reader, 4))
    header = codec.decode_header(read_exact(reader, length))
    if not isinstance(header, dict):
        raise ValueError("the frame header is not a JSON object")
    buffers = [read_exact(reader, n) for n in header.get("buffers") or ()]
    return header, buffers


def send_frame(sock, header, buffers=()):
    if buffers:
        header["buffers"] = [memoryview(b).nbytes for b in buffers]
    raw = codec.encode_header(header)
    parts = [_LENGTH.pack(len(raw)), raw]
    parts.extend(memoryview(b).cast("B") for b in buffers if memoryview(b).nbytes)
    if sum(len(p) for p in parts) <= _JOIN_BELOW:
        sock.sendall(b"".join(parts))  # one small write: measurably faster than an I/O vector
    else:
        send_all(sock, parts)


def send_all(sock, parts):
    """sendmsg with the parts as an I/O vector (no joining copy), resuming after partial sends."""
    i = 0
    while i < len(parts):
        sent = sock.sendmsg(parts[i : i + _MAX_IOV])
        while sent:
            size = len(parts[i])
            if sent >= size:
                sent -= size
                i += 1
            else:
                parts[i] = parts[i][sent:]
                sent = 0


# ---------------------------------------------------------------------------------------------------------------
# Component modules


class ModuleCache:
    """Component modules by code key K (the hex SHA-256 of the code); each is executed once per worker."""

    def __init__(self):
        self.modules = {}

    def get(self, key, code):
        module = self.modules.get(key)
        if module is not None:
            return module
        if code is None:
            raise ProtocolError(f"code key {key} is not loaded in this worker and the request carries no code")
        if hashlib.sha256(code.encode("utf-8")).hexdigest() != key:
            raise ProtocolError(f"code key {key} is not the SHA-256 of the code sent with it")
        try:
            module = self._execute(key, code)
        except BaseException as error:  # SyntaxError, a failing import, any error of module-level code
            raise StageError("load", error) from None
        self.modules[key] = module
        return module

    @staticmethod
    def _execute(key, code):
        # Like hetida's import_func_from_code: a fresh module named after the hash, registered only on success.
        name = codec.MODULE_PREFIX + key
        module = types.ModuleType(name)
        compiled = compile(code, COMPONENT_FILE, "exec", dont_inherit=True)
        exec(compiled, module.__dict__)  # pylint: disable=exec-used
        sys.modules[name] = module
        return module


def entry_point(module, function):
    try:
        func = getattr(module, function)  # AttributeError names the module, as in hetida
        if not callable(func):
            raise TypeError(f"'{function}' of the component code is not callable")
    except Exception as error:
        raise StageError("load", error) from None
    return func


# ---------------------------------------------------------------------------------------------------------------
# Calls


def run_entry_point(func, kwargs):
    if not asyncio.iscoroutinefunction(func):  # hetida's test (run_func_or_coroutine)
        return func(**kwargs)
    # A fresh event loop per call (about 0.5 ms, and no shipped component is async): tasks a component leaves behind
    # are cancelled and cannot run into the next call, and a component that stops or closes the loop harms no one.
    return asyncio.run(func(**kwargs))


class Worker:
    def __init__(self, sock):
        self.sock = sock
        self.modules = ModuleCache()

    def serve(self):
        reader = self.sock.makefile("rb", buffering=1 << 16)
        while True:
            try:
                header, buffers = read_frame(reader)
            except (EOFError, ConnectionError):
                return 0  # the host closed the channel
            except (ValueError, TypeError) as error:
                # Without a readable header the buffer lengths are unknown: the stream cannot be resynchronised.
                self.send(error_answer("protocol", error))
                return 2
            if header.get("op") == "exit":
                return 0
            self.send(*self.answer(header, buffers))

    def send(self, header, buffers=()):
        try:
            send_frame(self.sock, header, buffers)
        except (TypeError, ValueError) as error:
            # The header did not become JSON (the codec should prevent that): answer instead of dying.
            send_frame(self.sock, error_answer("encode", error))

    def answer(self, header, buffers):
        try:
            op = header.get("op")
            if op == "load":
                return self.load(header), ()
            if op == "call":
                return self.call(header, buffers)
            raise ProtocolError(f"unknown op {op!r}")
        except StageError as failure:
            return error_answer(failure.stage, failure.error), ()
        except Exception as error:  # pylint: disable=broad-except
            # ProtocolError, or a malformed request (a missing field: KeyError, a field of the wrong type, ...)
            return error_answer("protocol", error), ()

    def load(self, header):
        key = header["key"]
        module = self.modules.get(key, header.get("code"))
        func = entry_point(module, header.get("function", "main"))
        return {"op": "loaded", "key": key, "is_async": asyncio.iscoroutinefunction(func)}

    def call(self, header, buffers):
        module = self.modules.get(header["key"], header.get("code"))
        func = entry_point(module, header.get("function", "main"))
        inputs = decode_inputs(header.get("inputs") or {}, buffers)
        try:
            result = run_entry_point(func, inputs)
        except BaseException as error:  # pylint: disable=broad-except
            # Everything, SystemExit and KeyboardInterrupt included, becomes an answer: component code must not
            # end the worker (only os._exit, a signal or the OOM killer can).
            return error_answer("call", error), ()
        if result is None:
            result = {}  # hetida treats None as "no outputs"
        if not isinstance(result, dict):
            return not_a_dict_answer(), ()
        return encode_outputs(result)


def decode_inputs(descriptors, buffers):
    try:
        return {name: codec.decode_value(desc, buffers) for name, desc in descriptors.items()}
    except BaseException as error:  # e.g. unpickling an object whose defining module is not loaded
        raise StageError("decode", error) from None


def encode_outputs(result):
    buffers = []
    outputs = {}
    for name, value in result.items():
        try:
            outputs[str(name)] = codec.encode_value(value, buffers)
        except BaseException as error:  # pylint: disable=broad-except
            return error_answer("encode", error, f"output '{name}': "), ()
    return {"op": "result", "outputs": outputs}, buffers


# ---------------------------------------------------------------------------------------------------------------
# Errors


def error_answer(stage, error, message_prefix=""):
    answer = {
        "op": "error",
        "stage": stage,
        "type": type(error).__name__,  # hetida reports the class name of the exception raised by the component
        "message": message_prefix + safe_str(error),
        "traceback": component_traceback(error),
        "location": error_location(error),
        "error_code": None,
        "extra_information": None,
        "invalid_component_inputs": None,
    }
    if stage == "call":
        try:
            add_hetida_error_details(answer, error)
        except Exception:  # pylint: disable=broad-except
            pass  # an exception object that breaks on attribute access still gets its plain answer
    return answer


def not_a_dict_answer():
    # hetida raises RuntimeExecutionError in its own code here; there is no component frame to point at.
    return {
        "op": "error",
        "stage": "call",
        "type": "RuntimeExecutionError",
        "message": NOT_A_DICT,
        "traceback": None,
        "location": None,
        "error_code": None,
        "extra_information": None,
        "invalid_component_inputs": None,
    }


def add_hetida_error_details(answer, error):
    """error_code and extra_information of hetida-style exceptions (ComponentException or the same convention)."""
    if not (hasattr(error, "__is_hetida_designer_exception__") and hasattr(error, "error_code")):
        return
    code = error.error_code
    answer["error_code"] = code if isinstance(code, (int, str)) else None
    extra = getattr(error, "extra_information", None)
    if isinstance(extra, dict):
        answer["extra_information"] = json_safe(extra)
        invalid = extra.get("invalid_component_inputs")
        if isinstance(invalid, (list, tuple)):
            answer["invalid_component_inputs"] = [str(name) for name in invalid]


def json_safe(tree):
    """extra_information as a JSON tree; values without a JSON form become str(value) rather than losing it all."""
    try:
        return codec.to_json_tree(tree)
    except codec.NotJson:
        return {str(key): json_safe_leaf(value) for key, value in tree.items()}


def json_safe_leaf(value):
    try:
        return codec.to_json_tree(value)
    except codec.NotJson:
        return str(value)


def safe_str(error):
    try:
        return str(error)
    except Exception:  # pylint: disable=broad-except
        return f"<{type(error).__name__} whose str() failed>"


def component_traceback(error):
    """Python's traceback text from the first component frame on (the worker's own frames are left out)."""
    try:
        tb = first_component_frame(error.__traceback__)
        return "".join(traceback.TracebackException(type(error), error, tb, compact=True).format())
    except Exception:  # pylint: disable=broad-except
        return None


def first_component_frame(tb):
    entry = tb
    while entry is not None and entry.tb_frame.f_code.co_filename != COMPONENT_FILE:
        entry = entry.tb_next
    if entry is not None:
        return entry
    # No component frame (e.g. main called with a wrong argument): drop the worker's and asyncio's frames.
    asyncio_dir = os.path.dirname(asyncio.__file__)
    while tb is not None and (
        os.path.dirname(tb.tb_frame.f_code.co_filename) in (WORKER_DIR, asyncio_dir)
    ):
        tb = tb.tb_next
    return tb


def error_location(error):
    """Like hetida's: the innermost frame; code compiled from the component is "COMPONENT CODE"."""
    if isinstance(error, SyntaxError) and error.filename == COMPONENT_FILE:
        return {"file": COMPONENT_FILE, "function": "<module>", "line_number": error.lineno or 0}
    # Only frames of component code and below: an error raised by the worker itself (main called with an unknown
    # argument, a missing entry point) has no location in the component.
    frames = traceback.extract_tb(first_component_frame(error.__traceback__))
    if not frames:
        return None
    last = frames[-1]
    return {"file": last.filename, "function": last.name, "line_number": last.lineno or 0}


# ---------------------------------------------------------------------------------------------------------------
# Entry point


def parse_args(argv):
    parser = argparse.ArgumentParser(description="Runwire Python worker (see docs/python-worker-protocol.md)")
    parser.add_argument("--socket", required=True, help="Unix socket the host listens on")
    parser.add_argument("--memory-mb", type=int, default=0, help="address space limit (RLIMIT_AS) in MiB")
    return parser.parse_args(argv)


def main(argv=None):
    args = parse_args(sys.argv[1:] if argv is None else argv)
    leave_terminal()
    set_limits(args.memory_mb)
    logging.basicConfig(stream=sys.stderr, level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    import_libraries()
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    sock.connect(args.socket)
    ready = {"op": "ready", "pid": os.getpid(), "python": platform.python_version(), "versions": library_versions()}
    send_frame(sock, ready)
    try:
        return Worker(sock).serve()
    except (BrokenPipeError, ConnectionError):
        return 0  # the host went away while we answered
    finally:
        sock.close()


if __name__ == "__main__":
    sys.exit(main())
