"""Loads the code of every component of hetida's shipped library in a worker and lists what fails, then calls a
selection of them with realistic inputs (not a unittest).

    /usr/bin/python3 src/Runwire.Python/worker/tests/check_shipped_components.py [components dir]

The library is hetida designer's runtime/transformations/components export: JSON files whose "content" is the code
and .py files that are the code. For the calls this script plays the host with the worker's own codec (the wire
format itself is pinned by test_values.py).
"""

import json
import os
import pathlib
import sys

import numpy as np
import pandas as pd

from rwhost import WORKER_DIR, WorkerProcess

sys.path.insert(0, WORKER_DIR)
import runwire_codec as codec  # noqa: E402  pylint: disable=wrong-import-position

DEFAULT_DIR = "/work/shared/hetida/runtime-transformations/components"


def component_codes(root):
    for path in sorted(pathlib.Path(root).rglob("*")):
        if path.suffix == ".json":
            document = json.loads(path.read_text(encoding="utf-8"))
            if document.get("type", "COMPONENT") == "COMPONENT":
                yield path, document["content"]
        elif path.suffix == ".py":
            yield path, path.read_text(encoding="utf-8")


def load_all(root):
    failures = []
    total = 0
    with WorkerProcess() as worker:
        for path, code in component_codes(root):
            total += 1
            answer = worker.load(code)
            if answer["op"] != "loaded":
                failures.append((path.relative_to(root), answer["type"], answer["message"]))
    print(f"{total} components, {total - len(failures)} loaded, {len(failures)} failed")
    for path, error_type, message in failures:
        print(f"  {path}: {error_type}: {message}")


# --- calls ---------------------------------------------------------------------------------------------------------

def minute_series(n=240, name="sensor", seed=1):
    rng = np.random.default_rng(seed)
    index = pd.date_range("2023-05-01T00:00:00Z", periods=n, freq="1min")
    values = 20 + np.sin(np.arange(n) / 20) * 3 + rng.normal(0, 0.3, n)
    values[17] = np.nan
    return pd.Series(values, index=index, name=name)


def frame(n=120, seed=2):
    rng = np.random.default_rng(seed)
    index = pd.date_range("2023-05-01T00:00:00Z", periods=n, freq="5min")
    return pd.DataFrame({"a": rng.normal(0, 1, n), "b": rng.normal(5, 2, n)}, index=index)


def code_of(root, part):
    matches = [code for path, code in component_codes(root) if part in path.name]
    assert len(matches) == 1, (part, len(matches))
    return matches[0]


class Opaque:
    """An opaque output as the host keeps it: descriptor and pickle bytes, never unpickled."""

    def __init__(self, desc, data):
        self.desc, self.data = desc, data

    def __repr__(self):
        return f"<opaque {self.desc['type']} {self.desc['repr'][:40]}>"


class Host:
    """Encodes Python values as the host would, calls, decodes the outputs back (markers included)."""

    def __init__(self, worker, root):
        self.worker = worker
        self.root = root

    def call(self, part, **inputs):
        code = code_of(self.root, part)
        buffers = []
        descriptors = {}
        for name, value in inputs.items():
            if isinstance(value, Opaque):
                buffers.append(value.data)
                descriptors[name] = dict(value.desc, buf=len(buffers) - 1)
                # the host makes sure the worker knows the modules an opaque input refers to
                assert all(key in self.worker.known for key in value.desc["module_keys"])
            else:
                descriptors[name] = codec.encode_value(value, buffers)
        answer, out = self.worker.call(code, descriptors, [bytes(memoryview(b).cast("B")) for b in buffers])
        if answer["op"] != "result":
            return answer
        outputs = json.loads(json.dumps(answer["outputs"]), object_hook=codec.json_object_hook)
        return {name: Opaque(desc, out[desc["buf"]]) if desc["k"] == "opaque" else codec.decode_value(desc, out)
                for name, desc in outputs.items()}


def summary(value):
    if isinstance(value, pd.Series):
        return f"Series[{value.dtype}] len {len(value)} name {value.name!r} head {value.head(3).round(4).tolist()}"
    if isinstance(value, pd.DataFrame):
        return f"DataFrame {value.shape} columns {list(value.columns)[:6]}"
    if isinstance(value, dict) and "data" in value and "layout" in value:
        return f"plotly figure with {len(value['data'])} trace(s)"
    text = repr(value)
    return text if len(text) < 100 else text[:97] + "..."


def call_some(root):
    calls = []
    with WorkerProcess() as worker:
        host = Host(worker, root)
        series, df = minute_series(), frame()

        def run(label, part, **inputs):
            result = host.call(part, **inputs)
            calls.append((label, result))
            return result

        run("alerts from score", "alerts-from-score", scores=series, threshold=21.0)
        iso = run("isolation forest (sklearn)", "isolation-forest", n_estimators=50, train_data=df, test_data=df)
        if "trained_model" in iso:
            run("predict with the trained model (opaque in)", "predict-sklearn-trained-model",
                data=df, trained_model=iso["trained_model"])
        run("moving time window mean (numba)", "moving-time-window-mean", timeseries=series.dropna(),
            window_size="10min", window_frequency="5min", frequency_offset="0min", interval_type="closed",
            label_position="right")
        run("lowpass filter (scipy)", "lowpass-filter", data=series.dropna(), frequency=0.002)
        run("linear regression two series", "linear-regression-two-series",
            x_values=pd.Series(np.arange(50.0)), y_values=pd.Series(np.arange(50.0) * 2 + 1))
        run("single timeseries plot (plotly)", "single-timeseries-plot", series=series)
        run("display table (.py module)", "display_table_101", data=df.head(5), auto_col_width=True)
        mts = run("dataframe to multitsframe", "convert-dataframe-to-multitsframe", dataframe=df)
        if "multitsframe" in mts:
            run("multitsframe plot", "multitsframe-plot-with-multiple-y-axes", multitsframe=mts["multitsframe"])
        run("add (ANY: series + number)", "add_100_2abf72f6", a=series, b=1.5)
        run("resample datetime index", "resample-datetime-index-using-mean", data=series, t="15min")
        run("value range check", "value-range-check", timeseries_data=series,
            value_range_dict={"normal": {"min_value": 18.0, "max_value": 22.0, "min_value_inclusive": True,
                                         "max_value_inclusive": True}})
        cls = run("ExampleClass (a class from component code)", "exampleclass_100")
        if "ExampleClass" in cls:
            obj = run("create ExampleClass object", "create-exampleclass-object", ExampleClass=cls["ExampleClass"],
                      name="pump", amount=3, value=1.5)
            if "example_class_object" in obj:
                run("get ExampleClass attributes", "get-exampleclass-object-attributes",
                    example_class_object=obj["example_class_object"])
        run("univariate linear RUL regression", "univariate-linear-rul-regression_100_8d61a267", num_pred_series_future_days=1,
            pred_series_frequency="1h", timeseries=series.dropna(), limit=30.0)
        run("timeseries summary (.py module)", "timeseries-summary", series=series)
        run("restrict to time interval (dateparser)", "restrict-to-time-interval", data=series,
            start="2023-05-01T01:00:00Z", stop="2023-05-01T02:00:00Z")
        run("get R dataset (statsmodels; downloads, no network here)", "get-r-dataset", dataname="iris", package="datasets")
        run("load object (hetdesrun.serialization)", "load-object", name="model", tag="latest")
    ok = 0
    for label, result in calls:
        if result.get("op") == "error":
            print(f"  FAILED {label}: {result['stage']} {result['type']}: {result['message'][:150]}")
        else:
            ok += 1
            print(f"  ok     {label}: " + "; ".join(f"{k} = {summary(v)}" for k, v in result.items()))
    print(f"{ok} of {len(calls)} calls succeeded")


def main(root=DEFAULT_DIR):
    load_all(root)
    if os.environ.get("RUNWIRE_CHECK_NO_CALLS") != "1":
        call_some(root)
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
