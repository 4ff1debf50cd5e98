"""Loads hetida v0.9.8 component code (read at run time, never copied) and encodes values for the C# tests."""
import copy
import glob
import json
import math
import subprocess
import sys
import types
import warnings

import numpy as np
import pandas as pd

SHARED = "/work/shared/hetida/transformations/components"
MIRROR = "/work/.mirror/hetida+hetida-designer/repo"
PY_ONLY = {
    "3de190af-3103-4462-b5ba-2f431494abe8":
        "runtime/transformations/components/basic/series_difference_quotients_100_3de190af-3103-4462-b5ba-2f431494abe8.py",
}


def _install_hdutils_stub():
    # hetida's component modules import parse_default_value from hdutils; main() never calls it.
    stub = types.ModuleType("hdutils")
    stub.parse_default_value = lambda *a, **k: None
    sys.modules.setdefault("hdutils", stub)


def load_mains(ids):
    _install_hdutils_stub()
    sources = {}
    for path in glob.glob(f"{SHARED}/**/*.json", recursive=True):
        with open(path) as f:
            trafo = json.load(f)
        if trafo["id"] in ids:
            sources[trafo["id"]] = trafo["content"]
    for trafo_id, path in ((i, p) for i, p in PY_ONLY.items() if i in ids):
        sources[trafo_id] = subprocess.run(
            ["git", "-C", MIRROR, "show", f"v0.9.8:{path}"], check=True, capture_output=True, text=True
        ).stdout
    mains = {}
    for trafo_id, code in sources.items():
        namespace = {"__name__": f"hetida_{trafo_id.replace('-', '_')}"}
        exec(compile(code, trafo_id, "exec"), namespace)
        mains[trafo_id] = namespace["main"]
    return mains


def run(main, inputs):
    with warnings.catch_warnings(), np.errstate(all="ignore"):
        warnings.simplefilter("ignore")
        try:
            result = main(**copy.deepcopy(inputs))
        except Exception as e:  # noqa: BLE001 - every Python error is an expected result
            return {"error": {"type": type(e).__name__, "message": str(e)}}
    return {"outputs": {k: encode(v) for k, v in result.items()}}


def _float(x):
    x = float(x)
    if math.isnan(x):
        return "nan"
    if math.isinf(x):
        return "inf" if x > 0 else "-inf"
    return x


def _column(values):
    arr = np.asarray(values)
    kind = arr.dtype.kind
    if isinstance(values, pd.DatetimeIndex) or str(getattr(values, "dtype", "")).startswith("datetime64"):
        dtype = "datetime_utc" if getattr(values.dtype, "tz", None) is not None else "datetime_naive"
        ints = pd.DatetimeIndex(values).asi8
        nat = pd.isna(pd.DatetimeIndex(values))
        return {"dtype": dtype, "values": [None if n else int(i) for i, n in zip(ints, nat)]}
    if kind == "f":
        return {"dtype": "float64", "values": [_float(x) for x in arr]}
    if kind in "iu":
        return {"dtype": "int64", "values": [int(x) for x in arr]}
    if kind == "b":
        return {"dtype": "bool", "values": [bool(x) for x in arr]}
    return {"dtype": "object", "values": [encode(x) for x in arr]}


def encode(v):
    if isinstance(v, (bool, np.bool_)):
        return {"bool": bool(v)}
    if isinstance(v, (int, np.integer)):
        if not -2**63 <= int(v) < 2**63:
            return {"bigint": True}
        return {"int": int(v)}
    if isinstance(v, (float, np.floating)):
        return {"float": _float(v)}
    if isinstance(v, complex):
        return {"complex": [v.real, v.imag]}
    if isinstance(v, str):
        return {"str": v}
    if v is None:
        return {"none": True}
    if isinstance(v, pd.Timestamp) or v is pd.NaT:
        return {"ts": None if v is pd.NaT else int(v.value), "utc": v is not pd.NaT and v.tz is not None}
    if isinstance(v, np.ndarray):
        return {"array": _column(v)}
    if isinstance(v, pd.Series):
        return {"series": {"index": _column(v.index), "values": _column(v.values if v.dtype.kind != "M" else v),
                           "name": v.name, "attrs": v.attrs}}
    if isinstance(v, pd.DataFrame):
        return {"frame": {"index": _column(v.index), "columns": [str(c) for c in v.columns],
                          "data": [_column(v[c]) for c in v.columns], "attrs": v.attrs}}
    if isinstance(v, list):
        return {"list": v}
    if isinstance(v, dict):
        return {"dict": v}
    raise TypeError(f"cannot encode {type(v)}")
