#!/usr/bin/python3
"""Self-check of the harness: replays shared/hetida/cases (computed through hetida's Kafka consumer) with
hetida_runtime and compares what those cases compare. Prints one line per case and exits non-zero on a mismatch.

    /usr/bin/python3 tools/runtime-components/check_golden.py
"""
import glob
import json
import os
import sys

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import generate  # noqa: E402
import hetida_runtime  # noqa: E402

CASES = "/work/shared/hetida/cases"


def compare(case, outcome):
    expected = case["expected"]
    if not expected["kafka"]["publishes_response"]:
        return "rejected" in outcome and outcome["rejected"]["type"] == expected["error_type"]
    response = outcome.get("response")
    if response is None or response["result"] != expected["result"] or response["job_id"] != expected["job_id"]:
        return False
    if response["output_types_by_output_name"] != expected["output_types_by_output_name"]:
        return False
    outputs = {k: v for k, v in response["output_results_by_output_name"].items()
               if k not in expected.get("not_golden_outputs", [])}
    wanted = {k: v for k, v in expected["output_results_by_output_name"].items()
              if k not in expected.get("not_golden_outputs", [])}
    if not generate.close(outputs, wanted):
        return False
    if expected["error"] is None:
        return response["error"] is None
    return all(response["error"][k] == expected["error"][k] for k in ("type", "message", "process_stage"))


def main():
    runtime = hetida_runtime.HetidaRuntime(generate.TRAFO_DIR)
    failures = 0
    for path in sorted(glob.glob(os.path.join(CASES, "*.json"))):
        with open(path, encoding="utf8") as f:
            case = json.load(f)
        ok = compare(case, generate.execute(runtime, case["request"]))
        failures += not ok
        print("ok  " if ok else "FAIL", case["name"])
    print(f"{failures} mismatches")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
