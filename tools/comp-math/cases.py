"""The inputs the C# tests replay: per category, (label, component id, inputs) triples."""
import numpy as np
import pandas as pd

NAN = float("nan")


def ts(*texts, utc=True):
    return pd.to_datetime(list(texts), utc=utc)


T = ts("2020-01-01T00:00:00", "2020-01-01T00:00:05", "2020-01-01T00:00:10", "2020-01-01T00:00:20",
       "2020-01-01T01:00:00", "2020-01-02T00:00:00")


def series(values, index, name=None, attrs=None, dtype=None):
    s = pd.Series(values, index=index, name=name, dtype=dtype)
    s.attrs = attrs or {}
    return s


def frame(data, index, attrs=None):
    f = pd.DataFrame(data, index=index)
    f.attrs = attrs or {}
    return f


S_NAN = series([1.5, NAN, -2.0, 4.0], T[:4], name="s", attrs={"unit": "m"})
S_INT = series([3, -1, 0, 7], T[:4], name="i")
S_UNALIGNED = series([10.0, 20.0, NAN], [T[2], T[0], T[5]], name="u", attrs={"other": 1})
S_BOOL = series([True, False, True], T[:3])
S_STR = series(["a", "b", None], T[:3])
S_UNSORTED = series([2.0, 0.0, 1.0, NAN], [T[2], T[0], T[1], T[3]], name="x", attrs={"k": "v"})
S_DUP = series([1.0, 2.0, 4.0, 7.0], [T[0], T[1], T[1], T[2]])
S_NUM_INDEX = series([1.0, 4.0, 9.0, NAN, 25.0], [3, 1, 2, 4, 5])
S_STR_INDEX = series([1.0, 2.0], ["a", "b"])
S_WORD_INDEX = series([1.0, 2.0], ["abc", "def"])
S_NAIVE = series([1.0, 2.0, 3.0], ts("2020-01-01T00:00:00", "2020-01-01T12:00:00", "2020-01-02T00:00:00", utc=False))
S_NAT_INDEX = series([1.0, 2.0], pd.DatetimeIndex([pd.NaT, pd.Timestamp("2020-03-01T10:00:00", tz="UTC")]))
S_EMPTY = series([], pd.DatetimeIndex([], tz="UTC"), dtype=float)
DF = frame({"a": [1.0, NAN, 3.0], "b": [1, 2, 3]}, T[:3], attrs={"src": "x"})
DF2 = frame({"b": [10.0, 20.0], "c": [1.0, 2.0]}, [T[1], T[4]])
DF_MIXED = frame({"i": [1, 2], "f": [0.5, NAN], "flag": [True, False], "s": ["x", "y"]}, T[:2])
DF_STR = frame({"p": ["a", "b"], "q": ["c", "d"]}, T[:2])
ARRAY = np.array([0.5, -1.0])

BINARY_PAIRS = [
    ("int-int", 7, 3), ("negative-int", -7, 3), ("int-negative", 7, -3), ("float-int", 1.5, 2),
    ("float-float", 2.675, 0.1), ("negative-float", -7.5, 2.0), ("bool-bool", True, True), ("int-zero", 1, 0),
    ("float-zero", 1.5, 0.0), ("zero-negative", 0, -1), ("big-ints", 2**40, 2**30), ("str-str", "ab", "cd"),
    ("str-int", "ab", 3), ("list-list", [1, 2], [3]), ("list-int", [1], 2), ("none-int", None, 1),
    ("dict-int", {"a": 1}, 2), ("negative-fraction", -8.0, 0.5), ("series-scalar", S_NAN, 2),
    ("scalar-series", 2, S_NAN), ("series-zero", S_NAN, 0), ("int-series-zero", S_INT, 0),
    ("int-series-int", S_INT, 2), ("series-series-unaligned", S_NAN, S_UNALIGNED),
    ("series-duplicates", S_DUP, S_NAN), ("bool-series-bool", S_BOOL, True), ("str-series-str", S_STR, "x"),
    ("float-series-str", S_NAN, "x"), ("series-list", S_NAN, [1, 2, 3, 4]), ("series-short-list", S_NAN, [1, 2]),
    ("frame-scalar", DF, 2), ("scalar-frame", 3, DF), ("frame-frame", DF, DF2), ("array-scalar", ARRAY, 2.0),
    ("array-series", np.array([1.0, 2.0, 3.0, 4.0]), S_INT),
    ("series-empty", S_NAN, S_EMPTY), ("str-index-int-index", S_STR_INDEX, series([1.0], [0])),
    ("object-none-scalar", series([1, None, 2.5], T[:3], dtype=object), 2),
    ("bool-series-unaligned", S_BOOL, S_UNALIGNED), ("int-series-negative", S_INT, -2),
    ("series-one-element-array", S_NAN, np.array([2.0])), ("naive-aware", S_NAIVE, S_NAN),
    ("int-series-int-series-unaligned", S_INT, series([1, 2], [T[0], T[5]])),
]

COMPARE_PAIRS = [
    ("int-float", 1, 1.0), ("int-int", 1, 2), ("str-str", "a", "b"), ("str-int", "a", 1), ("none-none", None, None),
    ("list-list", [1, 2], [1, 3]), ("dict-dict", {"a": 1}, {"a": 1.0}), ("series-scalar", S_NAN, 1.5),
    ("scalar-series", 1.5, S_NAN), ("series-unaligned", S_NAN, S_UNALIGNED), ("series-same-index", S_NAN, S_INT),
    ("series-none", S_NAN, None), ("series-str", S_NAN, "x"), ("str-series-str", S_STR, "b"),
    ("series-short-list", S_NAN, [1, 2]), ("frame-scalar", DF, 2), ("frame-frame-unaligned", DF, DF2),
    ("datetime-values-str", series(T[:3], [0, 1, 2]), "2020-01-01T00:00:05Z"),
    ("datetime-values-timestamp", series(T[:3], [0, 1, 2]), T[1]), ("datetime-values-int", series(T[:3], [0, 1, 2]), 1),
    ("frame-frame-same", DF, frame({"a": [1.0, 2.0, 3.0], "b": [3, 2, 1]}, T[:3])), ("array-scalar", ARRAY, 0),
    ("object-series-int", series([1, None, "a"], T[:3], dtype=object), 1), ("bool-series-int", S_BOOL, 0),
    ("timestamp-timestamp", T[0], T[1]), ("series-series-names", S_NAN, series([1.0, 1.0, 1.0, 1.0], T[:4], name="s")),
]

UNARY_VALUES = [
    ("int", -2), ("float", -2.5), ("half", 0.5), ("zero", 0), ("bool", True), ("str", "a"), ("none", None),
    ("list", [0.5, -1]), ("dict", {"a": 1}), ("series", S_NAN), ("int-series", S_INT), ("bool-series", S_BOOL),
    ("str-series", S_STR), ("frame", DF), ("array", ARRAY), ("large", 1000),
    ("object-series", series([-1.5, None], T[:2], dtype=object)), ("empty-list", []), ("negative-zero", -0.0),
    ("nan", NAN), ("int-list", [1, -2]), ("bool-list", [True, False]),
]


def binary(component_id, names):
    return [(label, component_id, dict(zip(names, pair))) for label, *pair in BINARY_PAIRS]


def compare(component_id):
    return [(label, component_id, {"left": a, "right": b}) for label, a, b in COMPARE_PAIRS]


def unary(component_id, name="data"):
    return [(label, component_id, {name: v}) for label, v in UNARY_VALUES]
