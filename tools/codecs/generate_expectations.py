#!/usr/bin/python3
"""Computes the codec test expectations with the reference pandas (1.5.3) and Python.

Run with Debian's python3 (pandas 1.5.3, numpy 1.24): /usr/bin/python3 tools/codecs/generate_expectations.py
Writes tests/Runwire.Core.Tests/Codecs/Data/{floats,series,frames}.json. Each expectation is what hetida's
encoders would output for what hetida's parsers read: json.loads(obj.to_json(...)) re-dumped by Python's json.
"""
import io
import json
import math
import random
import struct
import warnings
from pathlib import Path

import pandas as pd

warnings.simplefilter("ignore")
OUT = Path(__file__).resolve().parents[2] / "tests" / "Runwire.Core.Tests" / "Codecs" / "Data"


def bits(x):
    return struct.unpack("<q", struct.pack("<d", x))[0]


def floats():
    rnd = random.Random(20240601)
    values = [0.1, 0.2 + 0.1, 1e16, 1e-05, 123456789012345.0, 9.996527777777, 1e15 + 0.3, 1e-15, 9e-16,
              0.12345678905, 0.12345678915, 0.12345678925, 9999999999999998.0, 1e300, 5e-324, 1.7976931348623157e308,
              2.0, 0.5, 1.0000000000499, 0.00001234, 1e-11, 5e-11, 123456789012.3456789, 1e22, 1e21, 1e-4, 0.0001234]
    for _ in range(1000):
        kind = rnd.random()
        if kind < 0.4:
            x = rnd.uniform(-1000, 1000)
        elif kind < 0.7:
            x = rnd.uniform(-1, 1) * 10 ** rnd.randint(-20, 25)
        elif kind < 0.85:
            x = round(rnd.uniform(-1e6, 1e6), rnd.randint(0, 12))
        else:
            x = struct.unpack("<d", struct.pack("<q", rnd.getrandbits(63)))[0]
            if not math.isfinite(x):
                continue
        values.append(x)
        values.append(-x)
    rows = []
    for x in values:
        ujson_text = pd.Series([x]).to_json(orient="values")[1:-1]
        rows.append({"bits": str(bits(x)), "repr": repr(x), "pandas": repr(json.loads(ujson_text)) if ujson_text != "null" else None})
    return rows


SERIES_INPUTS = [
    '{"2020-01-01T00:00:00Z": 1.5, "2020-01-02T00:00:00Z": 2}',
    '{"2020-01-01T00:00:00": 1.5, "2020-01-02T00:00:00": 2}',
    '{"2020-01-01T00:00:00+01:00": 1.5, "2020-01-02T00:00:00+01:00": 2}',
    '{"2020-01-01T00:00:00+01:00": 1.5, "2020-01-02T00:00:00Z": 2}',
    '{"2020-01-01T00:00:00": 1.5, "2020-01-02T00:00:00Z": 2}',
    '{"1577836800000": 1.5, "1577836801000": 2}',
    '{"0": 1.5, "1": 2}', '{"a": 1, "b": 2}', '{"a": 1, "3": 2}', '{"-5": 1, "3": 2}', '{"1.5": 1, "3": 2}',
    '{"31536001": 1}', '{"true": 1}', '{"null": 1}', '{"2020-01-01T00:00:00Z": 1, "NaT": 2}',
    '[1.2, 3.5]', '[1600000000, 1600000001]', '[1.6e8, 2]', '[1.6e8, 1.7e8]', '[true, false]', '[true, null]',
    '[1, null]', '[1, "a"]', '["2020-01-01", "2020-01-02T00:00:00Z"]', '["2020-01-01T00:00:00Z", null]',
    '["x", null]', '[null, null]', 'null', '1', '"abc"', '{}', '[]', '[1, 2.5, true]', '[1, true]', '[1.5, true]',
    '[{"a": 1.25}, [1, 2]]', '[NaN, 1]', '[Infinity, 1]', '[-Infinity, 1]', '[1.0, 2.0]', '[31536001, null]',
    '["31536001", "x"]', '["1", "2"]', '["1.5", "2"]', '["2020-01-01", 5]', '["2020-01-01", "12"]',
    '["2020-01-01", "20200101"]', '["2020-01-01T00:00:00Z", 5]', '["2020-01-01T00:00:00Z", null, "NaT", ""]',
    '["2020-01-01T00:00:00Z", "2020-01-01T05:00:00+00:00"]', '["2020-01-01T00:00:00 UTC"]',
    '["2020-01-01T00:00", "2020-01-01T05"]', '["2020-01-01 05:00:00.5Z"]', '["20200101T050000"]', '["2020-1-1"]',
    '["1600-01-01"]', '["2020-13-01"]', '["2020-02-30"]', '["1e3"]', '["inf"]', '["12"]', '["nan"]',
    '{"2020-05-01T00:00:00.000Z": "2020-05-01T01:00:00.000Z", "2020-05-01T02:00:00.000Z": null}',
    '{"0":1.2,"1":null, "2":5}', '{"a": 1, "a": 2, "b": 3}', '{"b": 1, "a": 2}',
    '{"2020-01-03T00:00:00.123456Z": 9.996527777777, "2020-01-01T00:00:00Z": 1e-05}',
    '{"__hd_wrapped_data_object__": "SERIES", "__metadata__": {"test": 42}, "__data__": [2.3, 2.4, 2.5]}',
    '{"__hd_wrapped_data_object__": "SERIES", "__metadata__": {"a": [1, 2.5]}, "__data__": {"name": "s", '
    '"index": ["2020-01-01T01:15:27.000Z", "2020-01-01T01:15:27.000Z"], "data": [42.2, 18.7]}, '
    '"__data_parsing_options__": {"orient": "split"}}',
    '{"__hd_wrapped_data_object__": "DATAFRAME", "__metadata__": {}, "__data__": [1, 2]}',
    '{"__hd_wrapped_data_object__": "SERIES", "__data__": [1, 2]}',
    '{"__hd_wrapped_data_object__": "SERIES", "__metadata__": {}, "__data__": {"index": [0, 1], "data": [1, 2]}, '
    '"__data_parsing_options__": {"orient": "split", "convert_dates": false}}',
    '{"__hd_wrapped_data_object__": "SERIES", "__metadata__": {}, "__data__": {"index": ["0", "1"], "data": [1, 2]}, '
    '"__data_parsing_options__": {"orient": "split"}}',
    '{"__hd_wrapped_data_object__": "SERIES", "__metadata__": {}, "__data__": {"index": [1600000000, 2], "data": [1, 2]}, '
    '"__data_parsing_options__": {"orient": "split"}}',
    'not json', '2020-01-01',
]

FRAME_INPUTS = [
    '{"a": {"1": 1, "0": 2}, "b": {"0": 3, "2": 4}}', '{"a": {"b": 1, "a": 2}, "b": {"c": 3, "a": 4}}',
    '{"a": {"2020-01-02": 1, "2020-01-01": 2}, "b": {"2020-01-03": 3}}', '{"a": [1, 2], "b": ["x", "y"]}',
    '[{"a": 1, "b": 2.5}, {"a": 3, "c": null}]', '[[1, 2], [3, 4]]', '[1, 2]', '{}', '[]', 'null',
    '{"timestamp": ["2020-01-01T00:00:00Z"], "my_time": ["2020-01-01"], "x_at": [1600000000], "modified": ["x"], '
    '"other": ["2020-01-01"], "Date": ["2020-01-02"], "timestamps2": [5]}',
    '{"2020-01-01": [1], "0": [2], "1577836800000": [3], "1.5": [4]}', '{"0": [1], "1": [2]}',
    '{"2020-01-01": [1], "2020-01-02": [2]}', '{"a": {"0": null}}', '{"timestamp": {"0": 1.5e9, "1": null}}',
    '{"timestamp": {"0": "x", "1": null}}', '{"a": {"x": "s"}, "b": {"x": 1, "y": 2}}', '{"a": [1, 2], "b": 5}',
    '{"x": {"2020-01-01T00:00:00.000Z": 1.25, "2020-01-01T01:00:00.000Z": null}, "label": {"2020-01-01T00:00:00.000Z": "a", "2020-01-01T01:00:00.000Z": "b"}}',
    '{"a": {"2020-01-01T00:00:00.000Z": 1.0, "2020-01-01T01:00:00.000Z": null}, "b": {"2020-01-01T00:00:00.000Z": 10.5, "2020-01-01T01:00:00.000Z": 2.0}}',
    '[{"a": 1, "b": 2.5}, {"a": 3, "b": null}, {"a": 5, "b": 7.0}]',
    '{"a": [2.3, 2.4, 2.5], "b": ["t", "t", "k"]}',
    '{"__hd_wrapped_data_object__": "DATAFRAME", "__metadata__": {"test": 43}, "__data__": {"a": [2.3, 2.4, 2.5], "b": ["t", "t", "k"]}}',
    '{"__hd_wrapped_data_object__": "DATAFRAME", "__metadata__": {}, "__data__": {"columns": ["a", "b"], '
    '"index": ["2020-01-01T00:00:00Z", "2020-01-02T00:00:00Z"], "data": [[1, 2], [3, 4]]}, "__data_parsing_options__": {"orient": "split"}}',
    '{"__hd_wrapped_data_object__": "DATAFRAME", "__metadata__": {}, "__data__": {"r1": {"a": 1}, "r2": {"a": 2, "b": "x"}}, '
    '"__data_parsing_options__": {"orient": "index"}}',
    '{"__hd_wrapped_data_object__": "DATAFRAME", "__metadata__": {}, "__data__": {"timestamp": ["2020-01-01"]}, '
    '"__data_parsing_options__": {"convert_dates": false}}',
    '{"__hd_wrapped_data_object__": "DATAFRAME", "__metadata__": {}, "__data__": {"when": ["2020-01-01"]}, '
    '"__data_parsing_options__": {"convert_dates": ["when"]}}',
    '{"value": [1, 1.2], "metric": ["a", "b"], "timestamp": ["2019-08-01T15:45:36.000Z", "2019-08-01T15:42:36.000Z"]}',
]


def dtype_name(dtype):
    text = str(dtype)
    return "datetime64[ns, UTC]" if text.startswith("datetime64[ns, ") else text


def read(text, typ):
    """hetida's parse_pandas_data_content after parse_wrapped_content, reduced to the cases in the lists above."""
    data, meta, options = text, None, {}
    try:
        obj = json.loads(text)
        if isinstance(obj, dict) and obj.get("__hd_wrapped_data_object__") == ("SERIES" if typ == "series" else "DATAFRAME") \
                and isinstance(obj.get("__metadata__"), dict) and isinstance(obj.get("__data__"), (dict, list)):
            data, meta, options = json.dumps(obj["__data__"]), obj["__metadata__"], obj.get("__data_parsing_options__", {})
    except ValueError:
        pass
    try:
        result = pd.read_json(io.StringIO(data), typ=typ, **options)
    except Exception:
        try:
            result = pd.read_json(io.StringIO(json.dumps(data)), typ=typ, **options)
        except Exception:
            return None
    result.attrs = meta or {}
    return result


def series_cases():
    rows = []
    for text in SERIES_INPUTS:
        s = read(text, "series")
        rows.append({"input": text, "error": s is None} if s is None else {
            "input": text, "index_dtype": dtype_name(s.index.dtype), "dtype": dtype_name(s.dtype),
            "metadata": s.attrs, "data": json.loads(s.to_json(orient="split", date_format="iso"))})
    return rows


def frame_cases():
    rows = []
    for text in FRAME_INPUTS:
        df = read(text, "frame")
        rows.append({"input": text, "error": df is None} if df is None else {
            "input": text, "index_dtype": dtype_name(df.index.dtype),
            "dtypes": [dtype_name(t) for t in df.dtypes], "metadata": df.attrs,
            "data": json.loads(df.to_json(date_format="iso"))})
    return rows


def dump(name, rows):
    (OUT / name).write_text(json.dumps(rows, indent=1, allow_nan=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    OUT.mkdir(parents=True, exist_ok=True)
    dump("floats.json", floats())
    dump("series.json", series_cases())
    dump("frames.json", frame_cases())
