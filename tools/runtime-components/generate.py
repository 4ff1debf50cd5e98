#!/usr/bin/python3
"""Expected results of every shipped hetida v0.9.8 component run on its stored test wiring, computed by hetida itself.

Run with Debian 12's python3 (see README.md for the packages):  /usr/bin/python3 tools/runtime-components/generate.py
Writes tests/Runwire.Python.Tests/Data/runtime-components.json.

Every component of shared/hetida/runtime-transformations is executed through hetida's own backend path
(hetida_runtime.py) with run_pure_plot_operators=true, then executed again in a second process in reverse order to
find values that are not reproducible (random numbers, current time, state left behind by other components), and
once more with plots off (pure plot components must then give {} per output).
"""
import json
import math
import os
import platform
import subprocess
import sys
import tempfile
import uuid
import warnings

sys.dont_write_bytecode = True  # keep tools/ free of __pycache__
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import hetida_runtime  # noqa: E402

ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))
OUT = os.path.join(ROOT, "tests", "Runwire.Python.Tests", "Data", "runtime-components.json")
TRAFO_DIR = "/work/shared/hetida/runtime-transformations"
DIRECT = (1, "direct_provisioning")  # the two spellings of the direct_provisioning adapter id
TOLERANCE = 1e-9
INLINE_WIRING_MAX_CHARS = 8000  # larger test wirings are read by the test from the export file itself
STORED_NOT_GOLDEN_MAX_CHARS = 50000  # larger non-golden values (plot JSON) are summarised, not stored
JOB_NAMESPACE = uuid.UUID("5b0c61d2-7f3e-4a57-9d0e-2f6a1c3e8b41")  # job_id = uuid5(JOB_NAMESPACE, component id)
PLOTLY_REASON = ("plotly figure JSON: depends on the plotly version (computed with {plotly}, hetida v0.9.8 pins "
                 "5.15.0); check only that it is an object with 'data' and 'layout'")
UNSTABLE_REASON = ("differs between two executions (random numbers, current time or process state): check only its "
                   "JSON type and shape")


def plan(trafo, raw_wiring):
    """The request to send for one component, or why there is none."""
    inputs = raw_wiring.get("input_wirings", [])
    external = [w for w in inputs if w.get("adapter_id") not in DIRECT]
    if external:
        adapters = sorted({str(w.get("adapter_id")) for w in external})
        return {"skip": {"group": "input wired to an external adapter",
                         "reason": f"test wiring loads {[w['workflow_input_name'] for w in external]} from adapter(s) "
                                   f"{adapters}, which needs that adapter running"}}
    wiring, notes = raw_wiring, []
    outputs = raw_wiring.get("output_wirings", [])
    kept = [w for w in outputs if w.get("adapter_id") in DIRECT]
    if len(kept) != len(outputs):
        # Sending to an external adapter would only test network access; without these output wirings hetida returns
        # the outputs in the response (implicit direct_provisioning), which is what a component runner must produce.
        dropped = sorted({str(w.get("adapter_id")) for w in outputs if w not in kept})
        wiring = dict(raw_wiring, output_wirings=kept)
        notes.append(f"output wirings to adapter(s) {dropped} removed from the stored test wiring: outputs are "
                     "returned directly instead of being sent")
    request = {"id": str(trafo.id), "wiring": wiring, "run_pure_plot_operators": True,
               "job_id": str(uuid.uuid5(JOB_NAMESPACE, str(trafo.id)))}
    return {"request": request, "notes": notes}


def execute(runtime, request):
    """One execution: hetida's response (parsed Kafka JSON), or the exception raised before the runtime."""
    hetida_runtime.union_sort_true_calls = 0
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # pandas/sklearn FutureWarnings from component code
        try:
            response = runtime.execute(request)
        except Exception as e:  # noqa: BLE001 - hetida rejects the request (no message would be published)
            return {"rejected": {"type": type(e).__name__, "message": str(e)}}
    return {"response": response, "union_sort_true_calls": hetida_runtime.union_sort_true_calls}


def rerun(requests_path, out_path):
    """Second process: same requests in reverse order, so neither process state nor time is shared."""
    runtime = hetida_runtime.HetidaRuntime(TRAFO_DIR)
    with open(requests_path, encoding="utf8") as f:
        requests = json.load(f)
    outcomes = {r["id"]: execute(runtime, r) for r in reversed(requests)}
    with open(out_path, "w", encoding="utf8") as f:
        json.dump(outcomes, f)


def run_second_process(requests):
    with tempfile.TemporaryDirectory(prefix="runtime-components-") as folder:
        requests_path, out_path = os.path.join(folder, "requests.json"), os.path.join(folder, "outcomes.json")
        with open(requests_path, "w", encoding="utf8") as f:
            json.dump(requests, f)
        subprocess.run([sys.executable, os.path.abspath(__file__), "--rerun", requests_path, out_path],
                       check=True, timeout=3600)
        with open(out_path, encoding="utf8") as f:
            return json.load(f)


def close(a, b):
    """JSON equality with numbers compared within TOLERANCE (relative; absolute below 1), as the C# test will."""
    if isinstance(a, bool) or isinstance(b, bool):
        return a is b
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        if isinstance(a, float) and isinstance(b, float) and math.isnan(a) and math.isnan(b):
            return True
        return a == b or abs(a - b) <= TOLERANCE * max(1.0, abs(a), abs(b))
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(close(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(close(x, y) for x, y in zip(a, b))
    return type(a) is type(b) and a == b


def is_plotly_figure(value):
    return isinstance(value, dict) and "data" in value and "layout" in value


def error_fields(error):
    if error is None:
        return None
    return {k: error[k] for k in ("type", "message", "process_stage", "error_code", "extra_information")}


def expected_from(first, second, plots_off, types_declared, versions):
    """The expected block, with the outputs that cannot be compared exactly and why."""
    response = first["response"]
    outputs = response["output_results_by_output_name"]
    reasons, caveats = {}, []
    other = second.get("response")
    for name, value in outputs.items():
        if types_declared.get(name) == "PLOTLYJSON" and is_plotly_figure(value):
            reasons[name] = PLOTLY_REASON.format(plotly=versions["plotly"])
        elif other is None or not close(value, other["output_results_by_output_name"].get(name)):
            reasons[name] = UNSTABLE_REASON
    if other is None or other["result"] != response["result"] or \
            not close(error_fields(other["error"]), error_fields(response["error"])):
        caveats.append("result or error differs between two executions")
    if response["error"] is not None and "/plotly/" in (response["traceback"] or ""):
        caveats.append(f"the failure is raised inside plotly {versions['plotly']} (hetida v0.9.8 pins plotly 5.15.0, "
                       "where this may succeed): environment dependent")
    not_stored = {}
    for name in reasons:
        size = len(json.dumps(outputs[name]))
        if size > STORED_NOT_GOLDEN_MAX_CHARS:
            not_stored[name] = {"json_chars": size, "top_level_keys": sorted(outputs[name]) if isinstance(
                outputs[name], dict) else None}
            outputs[name] = None
    expected = {
        "result": response["result"],
        "job_id": response["job_id"],
        "output_results_by_output_name": outputs,
        "output_types_by_output_name": response["output_types_by_output_name"],
        "error": error_fields(response["error"]),
        "not_golden_outputs": sorted(reasons),
        "not_golden_reasons": reasons,
    }
    if not_stored:
        expected["not_stored_outputs"] = not_stored
    if caveats:
        expected["result_not_golden"] = caveats
    off = plots_off.get("response")
    consistent = off is not None and off["result"] == response["result"] and all(
        name in reasons or close(value, off["output_results_by_output_name"].get(name))
        for name, value in outputs.items())
    return expected, off, consistent


def versions_used():
    import importlib

    names = ["pandas", "numpy", "scipy", "sklearn", "statsmodels", "plotly", "pydantic", "fastapi", "starlette",
             "sqlalchemy", "httpx", "dateparser", "numba"]
    found = {"python": platform.python_version()}
    for name in names:
        try:
            found["scikit-learn" if name == "sklearn" else name] = importlib.import_module(name).__version__
        except ImportError:
            found[name] = None
    commit = subprocess.run(["git", "-C", hetida_runtime.hetida_env.MIRROR, "rev-parse",
                             hetida_runtime.hetida_env.TAG + "^{commit}"], check=True, capture_output=True,
                            text=True).stdout.strip()
    found["hetida designer"] = f"{hetida_runtime.hetida_env.TAG} ({commit[:8]})"
    return found


def main():
    runtime = hetida_runtime.HetidaRuntime(TRAFO_DIR)
    versions = versions_used()
    components = [(path, trafo, wiring) for path, trafo, wiring in runtime.files if trafo.type.value == "COMPONENT"]
    plans = {str(trafo.id): plan(trafo, wiring) for _, trafo, wiring in components}
    requests = [p["request"] for p in plans.values() if "request" in p]

    first = {r["id"]: execute(runtime, r) for r in requests}
    plots_off = {r["id"]: execute(runtime, dict(r, run_pure_plot_operators=False)) for r in requests}
    second = run_second_process(requests)

    entries = []
    for path, trafo, raw_wiring in components:
        trafo_id = str(trafo.id)
        entry = {"id": trafo_id, "name": trafo.name, "category": trafo.category, "tag": trafo.version_tag,
                 "file": path}
        the_plan = plans[trafo_id]
        outcome = first.get(trafo_id)
        if "skip" in the_plan:
            entry["skipped"] = the_plan["skip"]
        elif "rejected" in outcome:
            empty = not raw_wiring.get("input_wirings")
            entry["skipped"] = {
                "group": "no test wiring (component has required inputs)" if empty else "test wiring incomplete",
                "reason": "hetida rejects the stored test wiring before running anything (web 422, no Kafka message)",
                "hetida_rejects": outcome["rejected"]}
        else:
            request = dict(the_plan["request"])
            wiring_chars = len(json.dumps(request["wiring"]))
            if path.endswith(".json") and request["wiring"] is raw_wiring and wiring_chars > INLINE_WIRING_MAX_CHARS:
                del request["wiring"]
                entry["wiring_source"] = "export_test_wiring"
            else:
                entry["wiring_source"] = "inline"
            entry["request"] = request
            declared = {o.name: o.data_type.value for o in trafo.io_interface.outputs}
            expected, off, consistent = expected_from(outcome, second[trafo_id], plots_off[trafo_id], declared,
                                                      versions)
            entry["pure_plot_component"] = runtime.is_pure_plot(trafo)
            entry["expected"] = expected
            if entry["pure_plot_component"]:
                entry["plots_off_output_results_by_output_name"] = off["output_results_by_output_name"]
            elif not consistent:
                the_plan["notes"].append("with run_pure_plot_operators=false the result differs (unexpected)")
            if outcome["union_sort_true_calls"]:
                entry["compat_shims_used"] = ["pandas.Index.union(sort=True) (pandas-2 API)"]
            if the_plan["notes"]:
                entry["notes"] = the_plan["notes"]
        entries.append(entry)

    document = {
        "description": "Expected results of hetida designer v0.9.8's shipped components on their stored test "
                       "wirings, computed with hetida's own code. Format: tools/runtime-components/README.md",
        "generated_by": "tools/runtime-components/generate.py",
        "trafo_dir": "shared/hetida/runtime-transformations",
        "execution_path": "hetdesrun.backend.execution.execute_transformation_revision in-process "
                          "(HD_IS_RUNTIME_SERVICE=true, trafos in an in-memory SQLite DB); expected = the published "
                          "ExecutionResponseFrontendDto JSON",
        "generated_with": versions,
        "stand_ins": sorted(hetida_runtime.STAND_INS),
        "tolerance": TOLERANCE,
        "tolerance_kind": "relative (absolute below 1) on JSON numbers; everything else exact",
        "summary": summarise(entries),
        "components": entries,
    }
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w", encoding="utf8") as f:
        json.dump(document, f, indent=1, ensure_ascii=False, allow_nan=False)
        f.write("\n")
    print(json.dumps(document["summary"], indent=1))
    print("wrote", os.path.relpath(OUT, ROOT))


def summarise(entries):
    summary = {"components": len(entries), "ok": 0, "failure": 0, "skipped": {}}
    for e in entries:
        if "skipped" in e:
            group = e["skipped"]["group"]
            summary["skipped"][group] = summary["skipped"].get(group, 0) + 1
        else:
            summary[e["expected"]["result"]] += 1
    summary["with_not_golden_outputs"] = sum(1 for e in entries if e.get("expected", {}).get("not_golden_outputs"))
    return summary


if __name__ == "__main__":
    if sys.argv[1:2] == ["--rerun"]:
        rerun(sys.argv[2], sys.argv[3])
    else:
        main()
