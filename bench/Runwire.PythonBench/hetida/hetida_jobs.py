"""hetida designer v0.9.8's per-job time, measured with hetida's own code, driven by Runwire.PythonBench.

    /usr/bin/python3 hetida_jobs.py --runtime DIR --trafos DIR [--trafos DIR ...] --request NAME=FILE [...]

DIR for --runtime holds tools/runtime-components/hetida_runtime.py, which imports hetida's backend from the git mirror
and runs execute_transformation_revision in-process (what hetida's Kafka consumer and web endpoint call per job).

Protocol on stdin/stdout, one JSON object per line, so the benchmark can interleave hetida's rounds with Runwire's:
  first line out: {"ready": true, "versions": {...}} or {"skipped": "why"}
  in:  {"op": "run", "request": NAME, "jobs": N}  out: {"seconds": total, "result": <the last response>}
  in:  {"op": "profile", "request": NAME, "jobs": N}  out: {"profile": "<cProfile text, top functions>"}
"""

import argparse
import cProfile
import io
import json
import os
import pstats
import shutil
import sys
import tempfile
import time


def stage(trafo_dirs):
    """One folder with every export: hetida's runtime loads exactly one folder."""
    folder = tempfile.mkdtemp(prefix="hetida-bench-")
    for number, source in enumerate(trafo_dirs):
        if os.path.isfile(source):
            shutil.copy(source, os.path.join(folder, f"{number}_{os.path.basename(source)}"))
        else:
            shutil.copytree(source, os.path.join(folder, str(number)))
    return folder


def load_runtime(runtime_dir, trafo_dirs):
    if not os.path.isfile(os.path.join(runtime_dir, "hetida_runtime.py")):
        raise RuntimeError(f"hetida_runtime.py is not in {runtime_dir} (tools/runtime-components)")
    sys.path.insert(0, runtime_dir)
    import hetida_runtime  # pylint: disable=import-outside-toplevel

    folder = stage(trafo_dirs)
    try:
        return hetida_runtime.HetidaRuntime(folder)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def versions():
    found = {"python": sys.version.split()[0]}
    for name in ("pandas", "numpy", "pydantic", "fastapi", "sqlalchemy"):
        module = sys.modules.get(name)
        if module is not None:
            found[name] = str(getattr(module, "__version__", "?"))
    return found


def run(runtime, request, jobs):
    result = None
    started = time.perf_counter()
    for _ in range(jobs):
        result = runtime.execute(request)
    return time.perf_counter() - started, result


def profile(runtime, request, jobs):
    profiler = cProfile.Profile()
    profiler.enable()
    run(runtime, request, jobs)
    profiler.disable()
    text = io.StringIO()
    pstats.Stats(profiler, stream=text).sort_stats("cumulative").print_stats(40)
    return text.getvalue()


def say(obj):
    sys.stdout.write(json.dumps(obj) + "\n")
    sys.stdout.flush()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runtime", required=True)
    parser.add_argument("--trafos", action="append", required=True)
    parser.add_argument("--request", action="append", required=True, help="NAME=FILE with an ExecByIdInput")
    args = parser.parse_args()
    requests = {}
    for item in args.request:
        name, path = item.split("=", 1)
        with open(path, encoding="utf8") as f:
            requests[name] = json.load(f)
    # hetida's packages print to stdout on import in places; keep the protocol's stdout clean until ready
    protocol_out = sys.stdout
    sys.stdout = sys.stderr
    try:
        runtime = load_runtime(args.runtime, args.trafos)
    except SystemExit as stop:  # hetida_runtime exits with the apt-get line when Debian packages are missing
        sys.stdout = protocol_out
        say({"skipped": str(stop.code)})
        return 0
    except Exception as error:  # pylint: disable=broad-except
        sys.stdout = protocol_out
        say({"skipped": f"{type(error).__name__}: {error}"})
        return 0
    sys.stdout = protocol_out
    say({"ready": True, "versions": versions()})
    for line in sys.stdin:
        command = json.loads(line)
        request = requests[command["request"]]
        if command["op"] == "run":
            seconds, result = run(runtime, request, command["jobs"])
            say({"seconds": seconds, "result": result})
        elif command["op"] == "profile":
            say({"profile": profile(runtime, request, command["jobs"])})
    return 0


if __name__ == "__main__":
    sys.exit(main())
