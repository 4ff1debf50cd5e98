"""Value codec of the Runwire worker channel.

Maps the value descriptors of docs/python-worker-protocol.md ("Values") to Python objects and back. It never
validates types against hetida's data types: that is the host's job. Numbers and timestamps travel as raw
little-endian buffers (numpy.frombuffer in, a memoryview of the array out), everything else as JSON.
"""

import datetime
import json
import math
import pickle
import re
import reprlib
import types
import uuid

import numpy as np
import pandas as pd
from pandas.core.internals import SingleBlockManager

# hetida's module naming for loaded component code (hetdesrun/component/load.py); pickles of classes defined in
# component code refer to it, so the worker registers every component module under this name.
MODULE_PREFIX = "hetdesrun_loaded_components.by_code__hash_"

_FLOAT_MARK = "__rw_float__"
_DATETIME_MARK = "__rw_datetime__"
_INT64_MIN, _INT64_MAX = -(2**63), 2**63 - 1
_PANDAS_1 = int(pd.__version__.split(".")[0]) < 2

_short = reprlib.Repr()
_short.maxother = _short.maxstring = 200


class NotJson(Exception):
    """A value inside a JSON tree has no JSON form; the whole tree then travels as `opaque`."""


# ---------------------------------------------------------------------------------------------------------------
# Host -> worker


def json_object_hook(obj):
    """Turns the channel's one-key markers back into floats and timestamps while the header is parsed."""
    if len(obj) == 1 and (_FLOAT_MARK in obj or _DATETIME_MARK in obj):
        try:
            if _FLOAT_MARK in obj:
                return float(obj[_FLOAT_MARK])
            return pd.Timestamp(obj[_DATETIME_MARK])
        except (TypeError, ValueError, OverflowError):
            return obj  # a malformed marker stays a dict rather than making the whole frame unreadable
    return obj


def decode_header(raw):
    # The hook costs a Python call per JSON object; only headers with a marker need it.
    return json.loads(raw, object_hook=json_object_hook) if b"__rw_" in raw else json.loads(raw)


def decode_value(desc, buffers):
    return _DECODERS[desc["k"]](desc, buffers)


def _decode_json(desc, _):
    return desc["v"]  # markers were already replaced by json_object_hook


def _decode_ndarray(desc, buffers):
    dtype = desc["dtype"]
    if dtype == "object":
        flat = _object_array(desc["v"])
    else:
        flat = np.frombuffer(buffers[desc["buf"]], dtype=_BUFFER_DTYPES[dtype])
    return flat.reshape(desc.get("shape", [len(flat)]))


def _decode_series(desc, buffers):
    values = _decode_column(desc["values"], buffers)
    index = _decode_index(desc["index"], buffers)
    if _PANDAS_1 and type(values) is np.ndarray and values.dtype.kind in "fib" and len(values) == len(index):
        # Numbers from a buffer need none of the constructor's inference and checks (half of a 1000-point call's
        # decoding); pandas 2 deprecates building a Series from a block manager.
        series = pd.Series(SingleBlockManager.from_array(values, index), copy=False)
        series.name = desc.get("name")
    else:
        series = pd.Series(values, index=index, name=desc.get("name"), copy=False)
    attrs = desc.get("attrs")
    if attrs:  # a new Series already has empty attrs
        series.attrs = attrs
    return series


def _decode_frame(desc, buffers):
    columns = desc["columns"]
    # Positional keys first, names afterwards: column names may repeat.
    data = {i: _decode_column(c["col"], buffers) for i, c in enumerate(columns)}
    frame = pd.DataFrame(data, index=_decode_index(desc["index"], buffers))
    frame.columns = [c["name"] for c in columns]
    attrs = desc.get("attrs")
    if attrs:
        frame.attrs = attrs
    return frame


def _decode_opaque(desc, buffers):
    return pickle.loads(buffers[desc["buf"]])


_DECODERS = {
    "none": lambda d, b: None,
    "bool": lambda d, b: bool(d["v"]),
    "int": lambda d, b: int(d["v"]),
    "float": lambda d, b: float(d["v"]),  # also "nan"/"inf"/"-inf", and 1 for 1.0 (C# writes 1.0 as 1)
    "str": lambda d, b: d["v"],
    "datetime": lambda d, b: pd.Timestamp(d["v"]),
    "json": _decode_json,
    "ndarray": _decode_ndarray,
    "series": _decode_series,
    "frame": _decode_frame,
    "opaque": _decode_opaque,
}

_BUFFER_DTYPES = {"float64": np.dtype("<f8"), "int64": np.dtype("<i8"), "bool": np.dtype(np.bool_)}
_UTC = pd.DatetimeTZDtype(tz="UTC")


def _decode_column(col, buffers):
    """A column as an array (or Index) that pandas takes without copying where it can."""
    dtype = col["dtype"]
    if dtype in _BUFFER_DTYPES:
        return np.frombuffer(buffers[col["buf"]], dtype=_BUFFER_DTYPES[dtype])
    if dtype == "datetime64":
        stamps = np.frombuffer(buffers[col["buf"]], dtype="<i8").view("M8[ns]")
        return _datetime_index(stamps, col.get("tz"))
    if dtype == "range":
        return pd.RangeIndex(col["start"], col["stop"], col["step"])
    if dtype == "object":
        return _object_array(col["v"])
    if dtype == "string":
        return pd.array(col["v"], dtype="string")
    raise ValueError(f"unknown column dtype {dtype!r}")


def _decode_index(col, buffers):
    values = _decode_column(col, buffers)
    if col["dtype"] == "object":
        # pandas would infer e.g. an Int64Index from an object array of ints; the host said object.
        return pd.Index(values, dtype=object, copy=False)
    return values


def _datetime_index(stamps, tz):
    if tz is None:
        return pd.DatetimeIndex(stamps, copy=False)
    if tz != "UTC":
        return pd.DatetimeIndex(stamps).tz_localize("UTC").tz_convert(tz)
    if _PANDAS_1:
        # 4x faster than tz_localize for the common UTC case (the checks it skips hold: int64 nanoseconds in UTC);
        # pandas 2 changed these constructors.
        return pd.DatetimeIndex._simple_new(pd.arrays.DatetimeArray._simple_new(stamps, dtype=_UTC))
    return pd.DatetimeIndex(stamps).tz_localize("UTC")


def _object_array(items):
    """A 1-d object array of the items (numpy would make a 2-d array of a list of equal-length lists)."""
    array = np.empty(len(items), dtype=object)
    try:
        array[:] = items
    except ValueError:
        for i, item in enumerate(items):
            array[i] = item
    return array


# ---------------------------------------------------------------------------------------------------------------
# Worker -> host


def encode_value(obj, buffers):
    """The descriptor of obj; raw buffers are appended to `buffers` (bytes-like, C-contiguous)."""
    if obj is None:
        return {"k": "none"}
    kind = type(obj)
    if kind is bool:
        return {"k": "bool", "v": obj}
    if kind is str:
        return {"k": "str", "v": obj}
    if isinstance(obj, float):  # also numpy.float64, a float subclass
        return {"k": "float", "v": _float_value(obj)}
    if isinstance(obj, int) and not isinstance(obj, bool):
        value = int(obj)
        if _INT64_MIN <= value <= _INT64_MAX:
            return {"k": "int", "v": value}
        return {"k": "json", "v": value}  # JSON numbers have no size limit
    if isinstance(obj, pd.Series):
        return _encode_series(obj, buffers)
    if isinstance(obj, pd.DataFrame):
        return _encode_frame(obj, buffers)
    if isinstance(obj, np.ndarray):
        return _encode_ndarray(obj, buffers)
    if isinstance(obj, str):
        return {"k": "str", "v": str(obj)}
    if isinstance(obj, datetime.datetime):
        return {"k": "none"} if obj is pd.NaT else {"k": "datetime", "v": _iso(obj)}
    if isinstance(obj, uuid.UUID):
        return {"k": "str", "v": str(obj)}
    if isinstance(obj, (dict, list, tuple)) or _is_plotly_figure(obj):
        try:
            return {"k": "json", "v": to_json_tree(obj)}
        except NotJson:
            pass
    return encode_opaque(obj, buffers)


def encode_opaque(obj, buffers):
    data = pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)
    kind = type(obj)
    keys = _component_modules_in(data)
    own = _defining_module(obj)
    own_key = own[len(MODULE_PREFIX):] if own.startswith(MODULE_PREFIX) else None
    return {
        "k": "opaque",
        "type": f"{kind.__module__}.{kind.__qualname__}",
        "repr": _safe_repr(obj),
        "buf": _add(buffers, data),
        "module_key": own_key or (keys[0] if keys else None),
        "module_keys": keys,
    }


_COMPONENT_MODULE = re.compile(re.escape(MODULE_PREFIX.encode()) + rb"([0-9a-f]{64})")


def _component_modules_in(data):
    """Keys of all component modules a pickle refers to (unpickling needs them loaded), in order of appearance.

    Pickles name classes and functions by module and qualified name, so a byte search finds them all, also
    inside containers, at C speed.
    """
    return list(dict.fromkeys(key.decode("ascii") for key in _COMPONENT_MODULE.findall(data)))


def _defining_module(obj):
    # A class or function pickles as a reference to its own module, an instance as one to its class's module.
    if isinstance(obj, (type, types.FunctionType)):
        return getattr(obj, "__module__", None) or ""
    return type(obj).__module__


def _add(buffers, data):
    buffers.append(data)
    return len(buffers) - 1


def _float_value(value):
    if math.isfinite(value):
        return float(value)
    return "nan" if math.isnan(value) else ("inf" if value > 0 else "-inf")


def _iso(value):
    if isinstance(value, pd.Timestamp):
        value = value.to_pydatetime(warn=False)  # the channel carries microseconds
    return value.isoformat(timespec="microseconds")


def _safe_repr(obj):
    try:
        return _short.repr(obj)
    except Exception:  # a broken __repr__ must not break the result
        return f"<{type(obj).__qualname__}>"


# --- JSON trees ------------------------------------------------------------------------------------------------


def to_json_tree(obj):
    """A JSON-ready copy of a dict/list tree with the channel's markers; NotJson for anything without a JSON form."""
    kind = type(obj)
    if kind is str or kind is int or kind is bool or obj is None:
        return obj
    if kind is float:
        return obj if math.isfinite(obj) else {_FLOAT_MARK: _float_value(obj)}
    if kind is dict:
        return {_json_key(k): to_json_tree(v) for k, v in obj.items()}
    if kind is list or kind is tuple:
        return [to_json_tree(v) for v in obj]
    return _special_to_json(obj)


def _special_to_json(obj):
    if isinstance(obj, np.generic) and obj.dtype.kind in "biuf":
        return to_json_tree(obj.item())
    if isinstance(obj, np.ndarray) and obj.dtype.kind in "biufOU":
        return to_json_tree(obj.tolist())
    if obj is pd.NaT or obj is pd.NA:
        return None
    if isinstance(obj, datetime.datetime):
        return {_DATETIME_MARK: _iso(obj)}
    if isinstance(obj, uuid.UUID):
        return str(obj)
    if isinstance(obj, bool):
        return bool(obj)
    if isinstance(obj, int):
        return int(obj)  # e.g. IntEnum
    if isinstance(obj, float):
        return to_json_tree(float(obj))
    if isinstance(obj, str):
        return str(obj)
    if isinstance(obj, dict):
        return to_json_tree(dict(obj))
    if _is_plotly_figure(obj):
        import hdutils  # pylint: disable=import-outside-toplevel

        return hdutils.plotly_fig_to_json_dict(obj)
    raise NotJson(type(obj).__qualname__)


def _json_key(key):
    """JSON keys are strings; json.dumps turns int/float/bool/None keys into strings itself."""
    if type(key) is str or key is None or isinstance(key, (int, float)):
        return key
    if isinstance(key, np.generic):
        return key.item()
    if isinstance(key, datetime.datetime):
        return _iso(key)  # as hetida's result encoder does for Timestamp keys (series.to_dict())
    if isinstance(key, str):
        return str(key)
    raise NotJson(f"dict key of type {type(key).__qualname__}")


def _is_plotly_figure(obj):
    # Checked by name so the codec does not import plotly for every value.
    return type(obj).__module__.startswith("plotly.") and hasattr(obj, "to_plotly_json")


# --- pandas and numpy ------------------------------------------------------------------------------------------


def _encode_series(series, buffers):
    name = series.name
    return {
        "k": "series",
        "name": None if name is None else str(name),
        "attrs": _attrs(series),
        "index": _encode_column(series.index, buffers),
        "values": _encode_column(series, buffers),
    }


def _encode_frame(frame, buffers):
    columns = [
        {"name": str(name), "col": _encode_column(frame.iloc[:, i], buffers)} for i, name in enumerate(frame.columns)
    ]
    return {"k": "frame", "attrs": _attrs(frame), "index": _encode_column(frame.index, buffers), "columns": columns}


def _attrs(obj):
    return to_json_tree(obj.attrs) if obj.attrs else {}


def _encode_ndarray(array, buffers):
    kind = array.dtype.kind
    shape = list(array.shape)
    if kind in "fiub":
        dtype, values = _numeric_buffer(array.ravel())
        return {"k": "ndarray", "dtype": dtype, "shape": shape, "buf": _add(buffers, memoryview(values).cast("B"))}
    if kind in "OU":
        try:
            return {"k": "ndarray", "dtype": "object", "shape": shape, "v": to_json_tree(array.ravel().tolist())}
        except NotJson:
            pass
    return encode_opaque(array, buffers)


def _numeric_buffer(values):
    """(channel dtype, contiguous little-endian array) for a numpy array of kind f/i/u/b."""
    kind = values.dtype.kind
    if kind == "b":
        return "bool", np.ascontiguousarray(values, dtype=np.bool_)
    if kind == "f" or (kind == "u" and values.dtype.itemsize == 8 and len(values) and values.max() > _INT64_MAX):
        return "float64", np.ascontiguousarray(values, dtype="<f8")
    return "int64", np.ascontiguousarray(values, dtype="<i8")


def _encode_column(col, buffers):
    """A pandas Index or Series as a column descriptor."""
    if isinstance(col, pd.RangeIndex):
        return {"dtype": "range", "start": col.start, "stop": col.stop, "step": col.step}
    dtype = col.dtype
    if isinstance(dtype, pd.DatetimeTZDtype) or (isinstance(dtype, np.dtype) and dtype.kind == "M"):
        return _encode_datetimes(col, buffers)
    if isinstance(dtype, np.dtype) and dtype.kind in "fiub":
        name, values = _numeric_buffer(np.asarray(col))
        return {"dtype": name, "buf": _add(buffers, memoryview(values).cast("B"))}
    if not isinstance(dtype, np.dtype) and getattr(dtype, "kind", "O") in "fiub" and not col.hasnans:
        # nullable extension types (Int64, Float64, boolean) without missing values travel as numbers
        return _encode_column(pd.Index(col.to_numpy(dtype=dtype.numpy_dtype)), buffers)
    if isinstance(dtype, pd.StringDtype):
        return {"dtype": "string", "v": [None if item is pd.NA else item for item in col.tolist()]}
    return {"dtype": "object", "v": _object_items(col)}


def _encode_datetimes(col, buffers):
    dates = col.array  # DatetimeArray, naive or aware; its int64 view is UTC nanoseconds (NaT = -2**63)
    if getattr(dates, "unit", "ns") != "ns":
        dates = dates.as_unit("ns")  # pandas 2 may hold seconds/milliseconds/microseconds
    tz = None if dates.tz is None else "UTC"
    nanoseconds = np.ascontiguousarray(dates.asi8)
    return {"dtype": "datetime64", "tz": tz, "buf": _add(buffers, memoryview(nanoseconds).cast("B"))}


def _object_items(col):
    items = col.tolist()
    if col.dtype == object and pd.api.types.infer_dtype(col, skipna=False) == "string":
        return items  # all str (no None/NaN/NA): nothing to convert (the common case, fast)
    return [_object_item(item) for item in items]


def _object_item(item):
    """Items of object columns are scalars; what is not a JSON scalar (or marker) becomes str(item)."""
    kind = type(item)
    if kind is str or kind is int or kind is bool or item is None:
        return item
    try:
        value = to_json_tree(item)
    except NotJson:
        return str(item)
    return value if not isinstance(value, (dict, list)) or _is_marker(value) else str(item)


def _is_marker(value):
    return isinstance(value, dict) and len(value) == 1 and (_FLOAT_MARK in value or _DATETIME_MARK in value)


def encode_header(header):
    """Compact JSON bytes; allow_nan=False because a bare NaN is not JSON (the codec sends markers instead)."""
    return json.dumps(header, separators=(",", ":"), allow_nan=False).encode("utf-8")
