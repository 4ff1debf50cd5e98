"""Every value kind of the channel, both ways, checked on the wire (docs/python-worker-protocol.md, "Values")."""

import pickle
import textwrap
import unittest

import numpy as np
import pandas as pd

from rwhost import Buffers, WorkerProcess, key_of

NAT = -(2**63)


def ns(*stamps):
    """int64 nanoseconds of ISO timestamps (None = NaT), as the host writes datetime64 buffers."""
    return np.array([NAT if s is None else pd.Timestamp(s).value for s in stamps], dtype="<i8").tobytes()


def f64(*values):
    return np.array(values, dtype="<f8").tobytes()


def i64(*values):
    return np.array(values, dtype="<i8").tobytes()


def host_inputs():
    """Descriptors as the C# host writes them, with their buffers."""
    b = Buffers()
    utc_index = {"dtype": "datetime64", "tz": "UTC", "buf": b.add(ns("2021-01-01T00:00Z", "2021-01-01T00:01Z", "2021-01-01T00:02Z"))}
    inputs = {
        "none": {"k": "none"},
        "bool": {"k": "bool", "v": True},
        "int": {"k": "int", "v": -7},
        "nan": {"k": "float", "v": "nan"},
        "ninf": {"k": "float", "v": "-inf"},
        "float": {"k": "float", "v": 0.1},
        "str": {"k": "str", "v": "grüße ✓"},
        "dt_aware": {"k": "datetime", "v": "2021-03-04T05:06:07.123456+00:00"},
        "dt_naive": {"k": "datetime", "v": "2021-03-04T05:06:07.123456"},
        "tree": {"k": "json", "v": {"a": [1, 2.5, {"__rw_float__": "nan"}, None, {"__rw_datetime__": "2020-01-01T00:00:00.000000+00:00"}],
                                     "b": {"c": "d", "e": {"__rw_float__": "-inf"}}, "f": True}},
        "big": {"k": "json", "v": 2**70},
        "arr_f": {"k": "ndarray", "dtype": "float64", "shape": [2, 3], "buf": b.add(f64(1, 2, 3, 4, np.nan, 6))},
        "arr_i": {"k": "ndarray", "dtype": "int64", "shape": [3], "buf": b.add(i64(1, -2, 2**62))},
        "arr_b": {"k": "ndarray", "dtype": "bool", "shape": [2], "buf": b.add(bytes([1, 0]))},
        "arr_o": {"k": "ndarray", "dtype": "object", "shape": [4], "v": ["a", 1, None, {"__rw_float__": "inf"}]},
        "s_float": {"k": "series", "name": "temperature", "attrs": {"unit": "°C", "nested": {"x": [1, 2]}},
                    "index": utc_index, "values": {"dtype": "float64", "buf": b.add(f64(1.5, np.nan, -3))}},
        "s_int": {"k": "series", "name": None, "attrs": {}, "index": {"dtype": "range", "start": 0, "stop": 3, "step": 1},
                  "values": {"dtype": "int64", "buf": b.add(i64(1, 2, 3))}},
        "s_bool": {"k": "series", "name": "flag", "attrs": {},
                   "index": {"dtype": "datetime64", "tz": None, "buf": b.add(ns("2021-01-01T00:00", None))},
                   "values": {"dtype": "bool", "buf": b.add(bytes([0, 1]))}},
        "s_dt": {"k": "series", "name": "when", "attrs": {}, "index": {"dtype": "float64", "buf": b.add(f64(0.5, 1.5))},
                 "values": {"dtype": "datetime64", "tz": None, "buf": b.add(ns("2022-06-01T12:00", None))}},
        "s_dt_utc": {"k": "series", "name": "when", "attrs": {}, "index": {"dtype": "int64", "buf": b.add(i64(10, 20))},
                     "values": {"dtype": "datetime64", "tz": "UTC", "buf": b.add(ns(None, "2022-06-01T12:00Z"))}},
        "s_obj": {"k": "series", "name": "mixed", "attrs": {},
                  "index": {"dtype": "object", "v": ["x", "y", "z", "w", "v"]},
                  "values": {"dtype": "object", "v": ["a", None, {"__rw_float__": "nan"}, 3,
                                                      {"__rw_datetime__": "2020-01-01T00:00:00.000000+00:00"}]}},
        "frame": {"k": "frame", "attrs": {"source": "test"}, "index": utc_index, "columns": [
            {"name": "a", "col": {"dtype": "float64", "buf": b.add(f64(1, np.nan, 3))}},
            {"name": "b", "col": {"dtype": "int64", "buf": b.add(i64(4, 5, 6))}},
            {"name": "c", "col": {"dtype": "bool", "buf": b.add(bytes([1, 1, 0]))}},
            {"name": "d", "col": {"dtype": "datetime64", "tz": None, "buf": b.add(ns(None, "2020-01-01", "2020-01-02"))}},
            {"name": "e", "col": {"dtype": "object", "v": ["s", None, "t"]}},
            {"name": "a", "col": {"dtype": "float64", "buf": b.add(f64(7, 8, 9))}},
        ]},
        "empty_frame": {"k": "frame", "attrs": {}, "index": {"dtype": "range", "start": 0, "stop": 0, "step": 1}, "columns": []},
        "opaque": {"k": "opaque", "type": "builtins.set", "repr": "{1, 2, 3}", "buf": b.add(pickle.dumps({1, 2, 3})),
                   "module_key": None, "module_keys": []},
    }
    return inputs, b


DESCRIBE = textwrap.dedent(
    """
    import numpy as np
    import pandas as pd


    def describe_index(index):
        return {"type": type(index).__name__, "dtype": str(index.dtype), "values": [repr(v) for v in index.tolist()]}


    def describe(x):
        if isinstance(x, pd.Series):
            return {"type": "Series", "dtype": str(x.dtype), "name": x.name, "attrs": x.attrs,
                    "values": [repr(v) for v in x.tolist()], "index": describe_index(x.index)}
        if isinstance(x, pd.DataFrame):
            return {"type": "DataFrame", "columns": list(x.columns), "dtypes": [str(d) for d in x.dtypes],
                    "attrs": x.attrs, "index": describe_index(x.index),
                    "rows": [[repr(v) for v in row] for row in x.itertuples(index=False)]}
        if isinstance(x, np.ndarray):
            return {"type": "ndarray", "dtype": str(x.dtype), "shape": list(x.shape), "values": repr(x.tolist()),
                    "writeable": bool(x.flags.writeable)}
        return {"type": type(x).__name__, "repr": repr(x)}


    def main(**inputs):
        return {name: describe(value) for name, value in inputs.items()}
    """
)


def column(col, buffers):
    """A column descriptor read back the way the host reads it."""
    dtype = col["dtype"]
    if dtype == "float64":
        return np.frombuffer(buffers[col["buf"]], "<f8").tolist()
    if dtype == "int64":
        return np.frombuffer(buffers[col["buf"]], "<i8").tolist()
    if dtype == "bool":
        return [bool(x) for x in buffers[col["buf"]]]
    if dtype == "datetime64":
        return (col["tz"], np.frombuffer(buffers[col["buf"]], "<i8").tolist())
    if dtype == "range":
        return ("range", col["start"], col["stop"], col["step"])
    return col["v"]


def normalized(desc, buffers):
    """A descriptor with buffer references replaced by the bytes they refer to (indices differ between frames)."""
    if isinstance(desc, dict):
        return {k: (bytes(buffers[v]) if k == "buf" else normalized(v, buffers)) for k, v in desc.items()}
    if isinstance(desc, list):
        return [normalized(v, buffers) for v in desc]
    return desc


def same_nan(a, b):
    return a == b or (a != a and b != b)


class ValuesTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.worker = WorkerProcess()

    @classmethod
    def tearDownClass(cls):
        cls.worker.close()

    def outputs(self, text, inputs=None, buffers=()):
        answer, out = self.worker.call(text, inputs, buffers)
        self.assertEqual(answer["op"], "result", answer)
        return answer["outputs"], out

    # --- host -> worker ---------------------------------------------------------------------------------------

    def test_host_values_arrive_as_hetida_passes_them(self):
        inputs, buffers = host_inputs()
        outputs, _ = self.outputs(DESCRIBE, inputs, buffers)
        d = {name: desc["v"] for name, desc in outputs.items()}
        self.assertEqual(d["none"], {"type": "NoneType", "repr": "None"})
        self.assertEqual(d["bool"]["repr"], "True")
        self.assertEqual(d["int"]["repr"], "-7")
        self.assertEqual((d["nan"]["type"], d["nan"]["repr"]), ("float", "nan"))
        self.assertEqual(d["ninf"]["repr"], "-inf")
        self.assertEqual(d["float"]["repr"], "0.1")
        self.assertEqual(d["str"]["repr"], repr("grüße ✓"))
        self.assertEqual(d["dt_aware"], {"type": "Timestamp", "repr": "Timestamp('2021-03-04 05:06:07.123456+0000', tz='UTC')"})
        self.assertEqual(d["dt_naive"]["repr"], "Timestamp('2021-03-04 05:06:07.123456')")
        self.assertEqual(d["tree"]["repr"], repr({"a": [1, 2.5, float("nan"), None, pd.Timestamp("2020-01-01T00:00:00+00:00")],
                                                  "b": {"c": "d", "e": float("-inf")}, "f": True}))
        self.assertEqual(d["big"]["repr"], str(2**70))
        self.assertEqual(d["arr_f"], {"type": "ndarray", "dtype": "float64", "shape": [2, 3],
                                      "values": "[[1.0, 2.0, 3.0], [4.0, nan, 6.0]]", "writeable": True})
        self.assertEqual((d["arr_i"]["dtype"], d["arr_i"]["values"]), ("int64", repr([1, -2, 2**62])))
        self.assertEqual((d["arr_b"]["dtype"], d["arr_b"]["values"]), ("bool", "[True, False]"))
        self.assertEqual((d["arr_o"]["dtype"], d["arr_o"]["values"]), ("object", "['a', 1, None, inf]"))

        s = d["s_float"]
        self.assertEqual((s["dtype"], s["name"], s["values"]), ("float64", "temperature", ["1.5", "nan", "-3.0"]))
        self.assertEqual(s["attrs"], {"unit": "°C", "nested": {"x": [1, 2]}})
        self.assertEqual(s["index"]["dtype"], "datetime64[ns, UTC]")
        self.assertEqual(s["index"]["values"][1], "Timestamp('2021-01-01 00:01:00+0000', tz='UTC')")
        s = d["s_int"]
        self.assertEqual((s["dtype"], s["name"], s["index"]["type"], s["values"]), ("int64", None, "RangeIndex", ["1", "2", "3"]))
        s = d["s_bool"]
        self.assertEqual((s["dtype"], s["values"]), ("bool", ["False", "True"]))
        self.assertEqual((s["index"]["dtype"], s["index"]["values"]), ("datetime64[ns]", ["Timestamp('2021-01-01 00:00:00')", "NaT"]))
        s = d["s_dt"]
        self.assertEqual((s["dtype"], s["values"]), ("datetime64[ns]", ["Timestamp('2022-06-01 12:00:00')", "NaT"]))
        self.assertEqual((s["index"]["dtype"], s["index"]["values"]), ("float64", ["0.5", "1.5"]))
        s = d["s_dt_utc"]
        self.assertEqual((s["dtype"], s["values"]), ("datetime64[ns, UTC]", ["NaT", "Timestamp('2022-06-01 12:00:00+0000', tz='UTC')"]))
        self.assertEqual((s["index"]["dtype"], s["index"]["values"]), ("int64", ["10", "20"]))
        s = d["s_obj"]
        self.assertEqual((s["dtype"], s["index"]["dtype"]), ("object", "object"))
        self.assertEqual(s["values"], ["'a'", "None", "nan", "3", "Timestamp('2020-01-01 00:00:00+0000', tz='UTC')"])

        f = d["frame"]
        self.assertEqual(f["columns"], ["a", "b", "c", "d", "e", "a"])
        self.assertEqual(f["dtypes"], ["float64", "int64", "bool", "datetime64[ns]", "object", "float64"])
        self.assertEqual(f["attrs"], {"source": "test"})
        self.assertEqual(f["index"]["dtype"], "datetime64[ns, UTC]")
        self.assertEqual(f["rows"][1], ["nan", "5", "True", "Timestamp('2020-01-01 00:00:00')", "None", "8.0"])
        self.assertEqual(f["rows"][0][3], "NaT")
        self.assertEqual(d["empty_frame"]["rows"], [])
        self.assertEqual(d["opaque"], {"type": "set", "repr": "{1, 2, 3}"})

    def test_input_arrays_are_writable(self):
        text = textwrap.dedent(
            """
            def main(*, s, f):
                s.iloc[0] = 100.0  # components may change their inputs in place
                f.iloc[0, 1] = -1
                return {"s": s, "f0": int(f.iloc[0, 1])}
            """
        )
        inputs, buffers = host_inputs()
        outputs, out = self.outputs(text, {"s": inputs["s_float"], "f": inputs["frame"]}, buffers)
        self.assertEqual(column(outputs["s"]["values"], out)[0], 100.0)
        self.assertEqual(outputs["f0"], {"k": "int", "v": -1})

    def test_float_input_written_as_integer_is_a_float(self):
        outputs, _ = self.outputs("def main(*, x):\n    return {'t': type(x).__name__}\n", {"x": {"k": "float", "v": 1}})
        self.assertEqual(outputs["t"]["v"], "float")

    # --- worker -> host ---------------------------------------------------------------------------------------

    def test_pass_through_returns_the_same_descriptors(self):
        inputs, buffers = host_inputs()
        outputs, out = self.outputs("def main(**inputs):\n    return inputs\n", inputs, buffers)
        for name, desc in inputs.items():
            expected = normalized(desc, buffers)
            actual = normalized(outputs[name], out)
            if name == "opaque":
                self.assertEqual(pickle.loads(actual.pop("buf")), pickle.loads(expected.pop("buf")))
            self.assertEqual(actual, expected, name)

    def test_scalars(self):
        text = textwrap.dedent(
            """
            import datetime, uuid
            import numpy as np
            import pandas as pd

            def main():
                return {
                    "none": None, "true": True, "int": 42, "neg": -(2**63), "big": 2**64, "float": 2.5,
                    "np_float64": np.float64(0.25), "nan": float("nan"), "inf": float("inf"), "str": "text",
                    "ts_ns": pd.Timestamp("2021-01-02T03:04:05.123456789Z"),
                    "ts_naive": pd.Timestamp("2021-01-02T03:04:05"),
                    "ts_berlin": pd.Timestamp("2021-01-02T03:04:05", tz="Europe/Berlin"),
                    "datetime": datetime.datetime(2020, 5, 6, 7, 8, 9, 10),
                    "nat": pd.NaT, "uuid": uuid.UUID("12345678-1234-5678-1234-567812345678"),
                    "np_int64": np.int64(3), "np_float32": np.float32(1.5), "np_bool": np.bool_(True),
                    "complex": 1 + 2j, "set": {1, 2},
                }
            """
        )
        outputs, out = self.outputs(text)
        self.assertEqual(outputs["none"], {"k": "none"})
        self.assertEqual(outputs["true"], {"k": "bool", "v": True})
        self.assertEqual(outputs["int"], {"k": "int", "v": 42})
        self.assertEqual(outputs["neg"], {"k": "int", "v": -(2**63)})
        self.assertEqual(outputs["big"], {"k": "json", "v": 2**64})
        self.assertEqual(outputs["float"], {"k": "float", "v": 2.5})
        self.assertEqual(outputs["np_float64"], {"k": "float", "v": 0.25})
        self.assertEqual(outputs["nan"], {"k": "float", "v": "nan"})
        self.assertEqual(outputs["inf"], {"k": "float", "v": "inf"})
        self.assertEqual(outputs["str"], {"k": "str", "v": "text"})
        self.assertEqual(outputs["ts_ns"], {"k": "datetime", "v": "2021-01-02T03:04:05.123456+00:00"})
        self.assertEqual(outputs["ts_naive"], {"k": "datetime", "v": "2021-01-02T03:04:05.000000"})
        self.assertEqual(outputs["ts_berlin"], {"k": "datetime", "v": "2021-01-02T03:04:05.000000+01:00"})
        self.assertEqual(outputs["datetime"], {"k": "datetime", "v": "2020-05-06T07:08:09.000010"})
        self.assertEqual(outputs["nat"], {"k": "none"})
        self.assertEqual(outputs["uuid"], {"k": "str", "v": "12345678-1234-5678-1234-567812345678"})
        # what hetida's result encoder refuses travels opaque (and fails result encoding on the host)
        for name, type_name in (("np_int64", "numpy.int64"), ("np_float32", "numpy.float32"), ("np_bool", "numpy.bool_"),
                                ("complex", "builtins.complex"), ("set", "builtins.set")):
            self.assertEqual((outputs[name]["k"], outputs[name]["type"], outputs[name]["module_key"]), ("opaque", type_name, None))
        self.assertEqual(pickle.loads(out[outputs["set"]["buf"]]), {1, 2})
        self.assertEqual(outputs["complex"]["repr"], "(1+2j)")

    def test_json_trees(self):
        text = textwrap.dedent(
            """
            import uuid
            import numpy as np
            import pandas as pd

            def main():
                tree = {
                    "nan": float("nan"), "ninf": -np.inf, "ts": pd.Timestamp("2020-01-01", tz="UTC"),
                    "np": [np.float32(1.5), np.int64(3), np.bool_(False)], "arr": np.array([[1.0, np.nan], [2.0, 3.0]]),
                    "uuid": uuid.UUID(int=1), "tuple": (1, "a"), "nat": pd.NaT, 7: "int key",
                    pd.Timestamp("2021-01-01T00:00Z"): 1.0, "nested": [{"deep": [None, True]}],
                }
                return {"tree": tree, "list": [1, 2.5, "x"], "with_set": {"s": {1}},
                        "series_dict": pd.Series([1.0, 2.0], index=pd.date_range("2021", periods=2, tz="UTC")).to_dict()}
            """
        )
        outputs, _ = self.outputs(text)
        self.assertEqual(outputs["tree"], {"k": "json", "v": {
            "nan": {"__rw_float__": "nan"}, "ninf": {"__rw_float__": "-inf"},
            "ts": {"__rw_datetime__": "2020-01-01T00:00:00.000000+00:00"}, "np": [1.5, 3, False],
            "arr": [[1.0, {"__rw_float__": "nan"}], [2.0, 3.0]], "uuid": "00000000-0000-0000-0000-000000000001",
            "tuple": [1, "a"], "nat": None, "7": "int key", "2021-01-01T00:00:00.000000+00:00": 1.0,
            "nested": [{"deep": [None, True]}]}})
        self.assertEqual(outputs["list"], {"k": "json", "v": [1, 2.5, "x"]})
        self.assertEqual((outputs["with_set"]["k"], outputs["with_set"]["type"]), ("opaque", "builtins.dict"))
        self.assertEqual(outputs["series_dict"]["v"], {"2021-01-01T00:00:00.000000+00:00": 1.0,
                                                       "2021-01-02T00:00:00.000000+00:00": 2.0})

    def test_plotly_figure_is_json(self):
        text = textwrap.dedent(
            """
            import plotly.graph_objects as go
            from hdutils import plotly_fig_to_json_dict

            def main():
                fig = go.Figure(go.Scatter(x=[1, 2], y=[3.0, float("nan")]))
                return {"fig": fig, "dict": plotly_fig_to_json_dict(fig)}
            """
        )
        outputs, _ = self.outputs(text)
        self.assertEqual(outputs["fig"], outputs["dict"])
        self.assertEqual(outputs["fig"]["k"], "json")
        self.assertEqual(outputs["fig"]["v"]["data"][0]["y"], [3.0, None])

    def test_ndarrays(self):
        text = textwrap.dedent(
            """
            import numpy as np

            def main():
                return {
                    "f": np.array([[1.0, np.nan], [3.0, 4.0]]), "f32": np.array([0.5], dtype=np.float32),
                    "i8": np.array([1, -2], dtype=np.int8), "u64": np.array([2**64 - 1], dtype=np.uint64),
                    "b": np.array([True, False]), "o": np.array(["a", None, 1.5], dtype=object),
                    "u": np.array(["x", "yz"]), "strided": np.arange(10.0)[::3],
                    "dt": np.array(["2020-01-01"], dtype="datetime64[ns]"),
                }
            """
        )
        o, out = self.outputs(text)

        def array(name):
            d = o[name]
            return d["dtype"], d["shape"], column(d, out)

        self.assertEqual(array("f")[:2], ("float64", [2, 2]))
        self.assertTrue(np.array_equal(array("f")[2], [1.0, np.nan, 3.0, 4.0], equal_nan=True))
        self.assertEqual(array("f32"), ("float64", [1], [0.5]))
        self.assertEqual(array("i8"), ("int64", [2], [1, -2]))
        self.assertEqual(array("u64"), ("float64", [1], [float(2**64 - 1)]))
        self.assertEqual(array("b"), ("bool", [2], [True, False]))
        self.assertEqual(array("o"), ("object", [3], ["a", None, 1.5]))
        self.assertEqual(array("u"), ("object", [2], ["x", "yz"]))
        self.assertEqual(array("strided"), ("float64", [4], [0.0, 3.0, 6.0, 9.0]))
        self.assertEqual((o["dt"]["k"], o["dt"]["type"]), ("opaque", "numpy.ndarray"))

    def test_series_columns(self):
        text = textwrap.dedent(
            """
            import numpy as np
            import pandas as pd

            def main():
                berlin = pd.DatetimeIndex(["2021-06-01T12:00", None], tz="Europe/Berlin")
                s = pd.Series([1.0, np.nan], index=berlin, name="temp")
                s.attrs = {"unit": "K", "bad": float("nan")}
                return {
                    "berlin": s,
                    "naive_nat": pd.Series([1, 2], index=pd.DatetimeIndex(["2021-01-01", None])),
                    "range": pd.Series([True, False, True, True], index=pd.RangeIndex(2, 10, 2)),
                    "int32": pd.Series(np.array([1, 2], dtype=np.int32), name=5),
                    "float32": pd.Series(np.array([0.5, np.nan], dtype=np.float32)),
                    "uint8": pd.Series(np.array([255], dtype=np.uint8)),
                    "mixed": pd.Series(["a", None, np.nan, 1, 2.5, pd.Timestamp("2020-01-01"), {"x": 1}, True, pd.NA]),
                    "strings": pd.Series(["a", "b"], index=["x", "y"]),
                    "category": pd.Series(pd.Categorical(["lo", "hi", "lo"])),
                    "string_na": pd.Series(["a", None], dtype="string"),
                    "Int64_na": pd.Series([1, None, 3], dtype="Int64"),
                    "Int64": pd.Series([1, 2], dtype="Int64"),
                    "timedelta": pd.Series(pd.to_timedelta([60], unit="s")),
                    "dt_values": pd.Series(pd.to_datetime(["2020-01-01T00:00Z", None], utc=True)),
                    "multi_index": pd.Series([1.0, 2.0], index=pd.MultiIndex.from_tuples([("a", 1), ("b", 2)])),
                }
            """
        )
        o, out = self.outputs(text)
        s = o["berlin"]
        self.assertEqual((s["k"], s["name"], s["attrs"]), ("series", "temp", {"unit": "K", "bad": {"__rw_float__": "nan"}}))
        self.assertEqual(column(s["index"], out), ("UTC", [pd.Timestamp("2021-06-01T10:00Z").value, NAT]))
        self.assertTrue(np.array_equal(column(s["values"], out), [1.0, np.nan], equal_nan=True))
        self.assertEqual(column(o["naive_nat"]["index"], out), (None, [pd.Timestamp("2021-01-01").value, NAT]))
        self.assertEqual(column(o["naive_nat"]["values"], out), [1, 2])
        self.assertEqual(o["naive_nat"]["name"], None)
        self.assertEqual(o["range"]["index"], {"dtype": "range", "start": 2, "stop": 10, "step": 2})
        self.assertEqual(column(o["range"]["values"], out), [True, False, True, True])
        self.assertEqual((o["int32"]["name"], o["int32"]["values"]["dtype"], column(o["int32"]["values"], out)), ("5", "int64", [1, 2]))
        self.assertEqual(o["float32"]["values"]["dtype"], "float64")
        self.assertEqual(column(o["uint8"]["values"], out), [255])
        self.assertEqual(o["mixed"]["values"], {"dtype": "object", "v": [
            "a", None, {"__rw_float__": "nan"}, 1, 2.5, {"__rw_datetime__": "2020-01-01T00:00:00.000000"}, "{'x': 1}", True, None]})
        self.assertEqual(o["strings"]["index"], {"dtype": "object", "v": ["x", "y"]})
        self.assertEqual(o["category"]["values"], {"dtype": "object", "v": ["lo", "hi", "lo"]})
        self.assertEqual(o["string_na"]["values"], {"dtype": "string", "v": ["a", None]})
        self.assertEqual(o["Int64_na"]["values"], {"dtype": "object", "v": [1, None, 3]})
        self.assertEqual((o["Int64"]["values"]["dtype"], column(o["Int64"]["values"], out)), ("int64", [1, 2]))
        self.assertEqual(o["timedelta"]["values"], {"dtype": "object", "v": ["0 days 00:01:00"]})
        self.assertEqual(column(o["dt_values"]["values"], out), ("UTC", [pd.Timestamp("2020-01-01T00:00Z").value, NAT]))
        self.assertEqual(o["multi_index"]["index"], {"dtype": "object", "v": ["('a', 1)", "('b', 2)"]})

    def test_frames(self):
        text = textwrap.dedent(
            """
            import numpy as np
            import pandas as pd

            def main():
                index = pd.date_range("2021-01-01", periods=3, freq="H", tz="UTC")
                f = pd.DataFrame({"a": [1.0, np.nan, 3.0], "b": [1, 2, 3], "c": ["x", None, "z"],
                                  "t": pd.to_datetime(["2020-01-01", None, "2020-01-03"], utc=True)}, index=index)
                f.attrs = {"meta": [1, 2]}
                multi = pd.DataFrame([[1.0, 2.0]], columns=pd.MultiIndex.from_tuples([("a", "x"), ("a", "y")]))
                numbered = pd.DataFrame([[1, 2]])
                return {"f": f, "multi": multi, "numbered": numbered, "empty": pd.DataFrame()}
            """
        )
        o, out = self.outputs(text)
        f = o["f"]
        self.assertEqual((f["k"], f["attrs"]), ("frame", {"meta": [1, 2]}))
        self.assertEqual(column(f["index"], out)[0], "UTC")
        self.assertEqual([c["name"] for c in f["columns"]], ["a", "b", "c", "t"])
        self.assertEqual([c["col"]["dtype"] for c in f["columns"]], ["float64", "int64", "object", "datetime64"])
        self.assertEqual(column(f["columns"][1]["col"], out), [1, 2, 3])
        self.assertEqual(column(f["columns"][2]["col"], out), ["x", None, "z"])
        self.assertEqual(column(f["columns"][3]["col"], out)[1][1], NAT)
        self.assertEqual([c["name"] for c in o["multi"]["columns"]], ["('a', 'x')", "('a', 'y')"])
        self.assertEqual([c["name"] for c in o["numbered"]["columns"]], ["0", "1"])
        # pandas 1.5 gives DataFrame() an empty object index
        self.assertEqual(o["empty"], {"k": "frame", "attrs": {}, "index": {"dtype": "object", "v": []}, "columns": []})

    # --- opaque objects across workers ------------------------------------------------------------------------

    def test_class_from_component_code_travels_to_a_fresh_worker(self):
        train = textwrap.dedent(
            """
            class Model:
                def __init__(self, factor):
                    self.factor = factor

                def predict(self, x):
                    return x * self.factor

            def main(*, factor):
                return {"model": Model(factor)}
            """
        )
        predict = textwrap.dedent(
            """
            def main(*, model, x):
                return {"y": model.predict(x), "model": model, "cls": type(model).__module__}
            """
        )
        outputs, out = self.outputs(train, {"factor": {"k": "int", "v": 3}})
        model = outputs["model"]
        self.assertEqual(model["k"], "opaque")
        self.assertEqual(model["type"], "hetdesrun_loaded_components.by_code__hash_" + key_of(train) + ".Model")
        self.assertEqual(model["module_key"], key_of(train))
        self.assertIn("Model object", model["repr"])
        pickled = out[model["buf"]]

        with WorkerProcess() as fresh:
            inputs = {"model": dict(model, buf=0), "x": {"k": "int", "v": 5}}
            # without its defining module the object cannot be unpickled: a decode error
            answer, _ = fresh.call(predict, inputs, [pickled])
            self.assertEqual((answer["op"], answer["stage"], answer["type"]), ("error", "decode", "ModuleNotFoundError"))
            # the host loads the module named by module_key first, then calls
            self.assertEqual(fresh.load(train)["op"], "loaded")
            answer, back = fresh.call(predict, inputs, [pickled])
            self.assertEqual(answer["op"], "result", answer)
            self.assertEqual(answer["outputs"]["y"], {"k": "int", "v": 15})
            self.assertEqual(answer["outputs"]["model"]["module_key"], key_of(train))
            self.assertEqual(answer["outputs"]["cls"]["v"], "hetdesrun_loaded_components.by_code__hash_" + key_of(train))

    def test_module_keys_name_every_component_module_a_pickle_needs(self):
        define = "class Thing:\n    pass\n\ndef main():\n    return {'cls': Thing, 'obj': Thing(), 'f': main}\n"
        outputs, _ = self.outputs(define)
        for name in ("cls", "obj", "f"):
            self.assertEqual(outputs[name]["module_key"], key_of(define), name)
            self.assertEqual(outputs[name]["module_keys"], [key_of(define)], name)
        self.assertEqual(outputs["cls"]["type"], "builtins.type")
        # a container with objects of classes from two components: module_keys lists both
        other = "class Other:\n    pass\n\ndef main(*, thing):\n    return {'both': [thing, Other()]}\n"
        answer, out = self.worker.call(define, None)
        thing = dict(answer["outputs"]["obj"], buf=0)
        both, _ = self.outputs(other, {"thing": thing}, [out[answer["outputs"]["obj"]["buf"]]])
        self.assertEqual(both["both"]["type"], "builtins.list")
        self.assertEqual(both["both"]["module_key"], key_of(define))
        self.assertEqual(both["both"]["module_keys"], [key_of(define), key_of(other)])

    def test_hdutils_objects_are_opaque_without_module_key(self):
        text = textwrap.dedent(
            """
            from hdutils import WrappedModelWithCustomObjects

            def main():
                return {"w": WrappedModelWithCustomObjects(model=[1, 2], custom_objects={"f": "g"})}
            """
        )
        outputs, out = self.outputs(text)
        self.assertEqual((outputs["w"]["type"], outputs["w"]["module_key"]), ("hdutils.WrappedModelWithCustomObjects", None))
        back, _ = self.outputs("def main(*, w):\n    return {'m': w.model, 'c': w.custom_objects}\n",
                               {"w": dict(outputs["w"], buf=0)}, [out[outputs["w"]["buf"]]])
        self.assertEqual(back, {"m": {"k": "json", "v": [1, 2]}, "c": {"k": "json", "v": {"f": "g"}}})


if __name__ == "__main__":
    unittest.main()
