#!/usr/bin/python3
"""Computes expected outputs of hetida's data components with hetida's own code, for Runwire.Core.Tests.

Run with the reference Python (Debian 12: pandas 1.5.3, numpy 1.24, scikit-learn 1.2.1, numba 0.56):
    /usr/bin/python3 tools/comp-data/generate_expectations.py
It rewrites tests/Runwire.Core.Tests/Components/<Category>/<category>.expected.json and
tests/Runwire.Core.Tests/Data/TimeOps/timeops.expected.json. Inputs are built here as the engine would hand them to a
component (FLOAT -> float, ANY -> parsed JSON, SERIES -> pandas.Series, ...).
"""
import copy
import json
import os
import sys
import warnings

sys.dont_write_bytecode = True  # keep tools/ free of __pycache__
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import hetida_env  # noqa: E402
from encoding import enc_error, enc_value  # noqa: E402

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
TESTS = os.path.join(ROOT, "tests", "Runwire.Core.Tests")


def run(component_id, inputs):
    main = hetida_env.main_of(component_id)
    kwargs = {k: copy.deepcopy(v) for k, v in inputs.items()}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            outputs = main(**kwargs)
        except Exception as e:  # noqa: BLE001
            return {"error": enc_error(e)}
    return {"outputs": {name: enc_value(value) for name, value in outputs.items()}}


def build(cases):
    result = []
    for component_id, name, inputs, extra in cases:
        entry = {"component": component_id, "name": name, "inputs": {k: enc_value(v) for k, v in inputs.items()}}
        entry.update(run(component_id, inputs))
        entry.update(extra)
        result.append(entry)
    return result


def write(relative, payload):
    path = os.path.join(TESTS, relative)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf8") as f:
        json.dump(payload, f, indent=1, allow_nan=False)
        f.write("\n")
    print("wrote", relative)


def main():
    hetida_env.install_hdutils()
    hetida_env.install_union_sort_shim()
    import cases_connectors
    import cases_timeseries
    import cases_quality
    import timeops_cases

    by_category = {}
    for module in (cases_connectors, cases_timeseries, cases_quality):
        for category, items in module.cases().items():
            by_category.setdefault(category, []).extend(items)
    for category, items in by_category.items():
        write(f"Components/{category}/{category.lower()}.expected.json", build(items))
    write("Data/TimeOps/timeops.expected.json", timeops_cases.cases())


if __name__ == "__main__":
    main()
