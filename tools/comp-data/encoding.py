"""The JSON test-value format shared with Runwire.Core.Tests (Components/DataExpectations/TestValues.cs).

Every value is a one-key object naming its kind: {"series": …}, {"frame": …}, {"float": …}, {"int": …}, {"str": …},
{"bool": …}, {"none": true}, {"json": …}, {"datetime": ns, "utc": bool}, {"ndarray": […]}. Columns are
{"kind": "float64"|"int64"|"bool"|"datetime"|"object", "utc": bool, "data": […]}; floats that JSON cannot hold are the
strings "nan", "inf", "-inf"; datetimes are int nanoseconds since the epoch (null = NaT); object cells are tagged scalars.
"""
import datetime
import math

import numpy as np
import pandas as pd


def enc_float(x):
    x = float(x)
    if math.isnan(x):
        return "nan"
    if math.isinf(x):
        return "inf" if x > 0 else "-inf"
    return x


def enc_scalar(v):
    if v is None or v is pd.NaT:
        return {"none": True}
    if isinstance(v, (bool, np.bool_)):
        return {"bool": bool(v)}
    if isinstance(v, (int, np.integer)):
        return {"int": int(v)}
    if isinstance(v, (float, np.floating)):
        return {"float": enc_float(v)}
    if isinstance(v, str):
        return {"str": v}
    if isinstance(v, pd.Timestamp):
        return {"datetime": int(v.value), "utc": v.tz is not None}
    if isinstance(v, np.datetime64):
        return enc_scalar(pd.Timestamp(v))
    if isinstance(v, datetime.datetime):
        return enc_scalar(pd.Timestamp(v))
    if isinstance(v, (dict, list)):
        return {"json": v}
    raise TypeError(f"cannot encode {type(v)}")


def enc_column(values):
    dtype = values.dtype
    if isinstance(dtype, pd.DatetimeTZDtype):
        if str(dtype.tz) != "UTC":
            raise TypeError(f"only UTC supported, got {dtype}")
        return {"kind": "datetime", "utc": True, "data": [None if pd.isna(x) else int(x.value) for x in values]}
    if dtype == "datetime64[ns]":
        return {"kind": "datetime", "utc": False, "data": [None if pd.isna(x) else int(pd.Timestamp(x).value) for x in values]}
    if dtype == "float64":
        return {"kind": "float64", "data": [enc_float(x) for x in values]}
    if dtype == "int64":
        return {"kind": "int64", "data": [int(x) for x in values]}
    if dtype == "bool":
        return {"kind": "bool", "data": [bool(x) for x in values]}
    if dtype == "object":
        return {"kind": "object", "data": [enc_scalar(x) for x in values]}
    raise TypeError(f"cannot encode dtype {dtype}")


def enc_value(v):
    if isinstance(v, pd.Series):
        return {"series": {"index": enc_column(v.index), "values": enc_column(v), "name": enc_name(v.name), "attrs": v.attrs}}
    if isinstance(v, pd.DataFrame):
        columns = [[enc_name(name), enc_column(v.iloc[:, i])] for i, name in enumerate(v.columns)]
        return {"frame": {"index": enc_column(v.index), "columns": columns, "attrs": v.attrs}}
    if isinstance(v, np.ndarray):
        return {"ndarray": [enc_float(x) for x in v]}
    return enc_scalar(v)


def enc_name(name):
    # Runwire names are strings; pandas' integer column labels (to_frame of an unnamed series) appear as their text
    return None if name is None else str(name)


def enc_error(e):
    return {
        "type": type(e).__name__,
        "message": str(e),
        "error_code": getattr(e, "error_code", None),
        "extra_information": getattr(e, "extra_information", None),
    }
