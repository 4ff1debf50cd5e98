#!/usr/bin/python3
"""Regenerates the expected outputs of the visualization component tests.

Runs hetida designer v0.9.8's own component code under the reference Python (Debian 12: pandas 1.5.3,
plotly 5.4.0, pydantic 1.10.4) and writes what each component's main() returns as one JSON file per case
into tests/Runwire.Core.Tests/Components/Visualization/Expected/. hetida's code is read at generation
time, never stored in this repository:
  * the JSON exports under $HETIDA_SHARED (default /work/shared/hetida/transformations/components/visualization),
  * the two .py-only components and runtime/hdutils.py via `git show v0.9.8:<path>` in $HETIDA_REPO
    (a clone of hetida/hetida-designer; default /work/.mirror/hetida+hetida-designer/repo).

The inputs are defined in cases.py and must stay in step with the ones the C# tests under
tests/Runwire.Core.Tests/Components/Visualization/ build by hand (each test names its case file).

Needs Debian 12's python3-pandas, python3-plotly and python3-pydantic (hetida's hdutils imports pydantic v1).
Usage: /usr/bin/python3 tools/viz-expectations/generate.py
"""

import functools
import json
import math
import os
import subprocess
import sys
import types
from pathlib import Path

import numpy as np
import pandas as pd
import plotly.graph_objects as go
from plotly.utils import PlotlyJSONEncoder

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "tests/Runwire.Core.Tests/Components/Visualization/Expected"
SHARED = Path(os.environ.get("HETIDA_SHARED", "/work/shared/hetida/transformations/components/visualization"))
REPO = os.environ.get("HETIDA_REPO", "/work/.mirror/hetida+hetida-designer/repo")
TAG = "v0.9.8"
PY_ONLY = {
    "a11c5089-de92-4197-8e40-1ce827e094b8": "runtime/transformations/components/visualization/"
    "display_table_101_a11c5089-de92-4197-8e40-1ce827e094b8.py",
    "9b4ca94e-0e20-4341-bb23-abe73d33c7ab": "runtime/transformations/components/visualization/"
    "plot-time-series-and-value-intervals_100_9b4ca94e-0e20-4341-bb23-abe73d33c7ab.py",
}


def git_show(path):
    return subprocess.run(["git", "-C", REPO, "show", f"{TAG}:{path}"], check=True, capture_output=True, text=True).stdout


def install_hdutils():
    module = types.ModuleType("hdutils")
    exec(compile(git_show("runtime/hdutils.py"), "hdutils.py", "exec"), module.__dict__)
    sys.modules["hdutils"] = module
    tolerate_shape_labels(module)


def tolerate_shape_labels(hdutils):
    """plotly 5.4 rejects layout.shape.label (added in plotly 5.14; hetida pins 5.15), which "Plot Time Series and
    Value Intervals" sets. Keep the label aside while plotly builds the shape and put it back into the JSON, where
    plotly 5.15 would have it."""
    original_add_shape = go.Figure.add_shape
    original_to_json = hdutils.plotly_fig_to_json_dict

    def add_shape(self, *args, label=None, **kwargs):
        result = original_add_shape(self, *args, **kwargs)
        if label is not None:
            labels = self.__dict__.setdefault("_rw_shape_labels", {})
            labels[len(self.layout.shapes) - 1] = label
        return result

    def to_json(fig):
        result = original_to_json(fig)
        for position, label in fig.__dict__.get("_rw_shape_labels", {}).items():
            result["layout"]["shapes"][position]["label"] = json.loads(json.dumps(label, cls=PlotlyJSONEncoder))
        return result

    go.Figure.add_shape = add_shape
    hdutils.plotly_fig_to_json_dict = to_json


@functools.cache
def load_component(component_id):
    if component_id in PY_ONLY:
        code = git_show(PY_ONLY[component_id])
    else:
        (path,) = SHARED.glob(f"*_{component_id}.json")
        code = json.loads(path.read_text())["content"]
    namespace = {"__name__": f"component_{component_id.replace('-', '_')}"}
    exec(compile(code, component_id, "exec"), namespace)
    return namespace["main"]


def plain(value):
    """JSON form of a component output: plotly dicts as they are, Series as name/index/values."""
    if isinstance(value, pd.Series):
        return {"name": value.name, "index": plain(list(value.index)), "values": plain(list(value.values))}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, (float, np.floating)):
        return None if math.isnan(value) else float(value)
    if isinstance(value, np.integer):
        return int(value)
    return value


def run_case(name, component_id, kwargs):
    main = load_component(component_id)
    try:
        result = {"outputs": plain(main(**kwargs))}
    except Exception as error:  # noqa: BLE001 - the expectation records hetida's exception
        result = {"error": {"type": type(error).__name__, "message": str(error)}}
        for attribute in ("error_code", "extra_information"):
            if hasattr(error, attribute):
                result["error"][attribute] = getattr(error, attribute)
    document = {"case": name, "component_id": component_id, **result}
    (OUT / f"{name}.json").write_text(json.dumps(document, indent=1, allow_nan=False) + "\n")


def check_kafka_fixture():
    """Spec §5.3: the Volatility plots equal exec_result_raw of hetida's runtime/tests/test_backend_kafka_consumer.py."""
    source = git_show("runtime/tests/test_backend_kafka_consumer.py")
    fixture = json.loads(source.split('exec_result_raw = r"""')[1].split('"""')[0])["output_results_by_output_name"]
    for case, output, key in (("single-volatility-fixture", "plot", "score"), ("alerts-volatility-fixture", "alert_plot", "data_and_alerts")):
        produced = json.loads((OUT / f"{case}.json").read_text())["outputs"][output]
        if produced != fixture[key]:
            raise SystemExit(f"{case} differs from hetida's Kafka fixture output {key!r}")


def main():
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    install_hdutils()
    from cases import CASES  # noqa: E402 - needs hdutils installed first only for symmetry

    OUT.mkdir(parents=True, exist_ok=True)
    for old in OUT.glob("*.json"):
        old.unlink()
    for name, component_id, build in CASES:
        run_case(name, component_id, build())
    check_kafka_fixture()
    print(f"wrote {len(CASES)} cases to {OUT}")


if __name__ == "__main__":
    main()
