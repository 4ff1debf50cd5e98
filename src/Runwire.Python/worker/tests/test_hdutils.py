"""Runwire's hdutils and hetdesrun stand-ins, in process (the worker directory is put on sys.path as the worker does)."""

import os
import pickle
import sys
import unittest

import pandas as pd
from pydantic import ValidationError

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

import hdutils  # noqa: E402  pylint: disable=wrong-import-position
from hdutils import (  # noqa: E402  pylint: disable=wrong-import-position
    ComponentException,
    ComponentInputValidationException,
    DataType,
    WrappedModelWithCustomObjects,
    parse_default_value,
    parse_value,
    plotly_fig_to_json_dict,
)


def info(data_type, default):
    return {"inputs": {"x": {"data_type": data_type, "default_value": default}}, "outputs": {}}


class ParseDefaultValueTest(unittest.TestCase):
    def test_scalars_are_coerced_like_hetida_does(self):
        self.assertEqual(parse_default_value(info("INT", "11"), "x"), 11)
        self.assertEqual(parse_default_value(info("INT", 11), "x"), 11)
        self.assertEqual(parse_default_value(info("FLOAT", "0.5"), "x"), 0.5)
        self.assertIsInstance(parse_default_value(info("FLOAT", 1), "x"), float)
        self.assertIs(parse_default_value(info("BOOLEAN", "true"), "x"), True)
        self.assertIs(parse_default_value(info("BOOLEAN", False), "x"), False)
        self.assertEqual(parse_default_value(info("STRING", "rgb(40, 251, 0)"), "x"), "rgb(40, 251, 0)")
        self.assertEqual(parse_default_value(info("PLOTLYJSON", {"data": []}), "x"), {"data": []})

    def test_defaults_may_be_none(self):
        for data_type in ("INT", "FLOAT", "STRING", "BOOLEAN", "SERIES", "DATAFRAME", "MULTITSFRAME", "ANY", "PLOTLYJSON"):
            self.assertIsNone(parse_default_value(info(data_type, None), "x"), data_type)

    def test_unparsable_default_raises_validation_error(self):
        with self.assertRaises(ValidationError):
            parse_default_value(info("INT", "eleven"), "x")
        with self.assertRaises(ValidationError):
            parse_value(None, "FLOAT", False)
        with self.assertRaises(ValidationError):
            parse_value("[1, 2", "SERIES", True)

    def test_any_decodes_json_strings_once_or_twice(self):
        self.assertEqual(parse_value({"method": "time"}, "ANY", True), {"method": "time"})
        self.assertEqual(parse_value('{"method": "time"}', "ANY", True), {"method": "time"})
        self.assertEqual(parse_value('"[1, 2]"', "ANY", True), [1, 2])
        self.assertEqual(parse_value('"not json inside"', "ANY", True), "not json inside")
        self.assertEqual(parse_value("plain text", "ANY", True), "plain text")

    def test_series_from_json(self):
        series = parse_value('{"2020-01-01T00:00:00Z": 1.0, "2020-01-02T00:00:00Z": 2.5}', "SERIES", True)
        self.assertEqual(series.tolist(), [1.0, 2.5])
        self.assertEqual(series.attrs, {})
        self.assertEqual(parse_value([1.2, 3.5], "SERIES", True).tolist(), [1.2, 3.5])
        existing = pd.Series([1])
        self.assertIs(parse_value(existing, "SERIES", True), existing)

    def test_wrapped_series_and_frame_carry_metadata(self):
        wrapped = {"__hd_wrapped_data_object__": "SERIES", "__metadata__": {"unit": "K"},
                   "__data__": {"index": [0, 1], "data": [5.0, 6.0], "name": "t"},
                   "__data_parsing_options__": {"orient": "split"}}
        series = parse_value(wrapped, "SERIES", True)
        self.assertEqual((series.tolist(), series.name, series.attrs), ([5.0, 6.0], "t", {"unit": "K"}))
        frame = parse_value({"__hd_wrapped_data_object__": "DATAFRAME", "__metadata__": {"a": 1},
                             "__data__": {"x": {"0": 1, "1": 2}}}, "DATAFRAME", True)
        self.assertEqual((frame["x"].tolist(), frame.attrs), ([1, 2], {"a": 1}))

    def test_multitsframe_is_checked_and_sorted(self):
        frame = parse_value({"timestamp": ["2020-01-02T00:00:00Z", "2020-01-01T00:00:00Z"], "metric": ["a", "b"],
                             "value": [1.0, 2.0]}, "MULTITSFRAME", True)
        self.assertEqual(frame["metric"].tolist(), ["b", "a"])
        self.assertEqual(str(frame["metric"].dtype), "string")
        self.assertEqual(str(frame["timestamp"].dtype), "datetime64[ns, UTC]")
        empty = parse_value({}, "MULTITSFRAME", True)
        self.assertEqual(list(empty.columns), ["timestamp", "metric", "value"])
        with self.assertRaises(ValidationError):
            parse_value({"timestamp": ["2020-01-01T00:00:00Z"], "value": [1.0], "other": [2]}, "MULTITSFRAME", True)


class ExceptionsAndTypesTest(unittest.TestCase):
    def test_component_exception(self):
        error = ComponentException("boom", error_code=422)
        self.assertEqual((str(error), error.error_code, error.extra_information), ("boom", 422, None))
        self.assertTrue(error.__is_hetida_designer_exception__)
        self.assertEqual(ComponentException("x").error_code, "")
        with self.assertRaises(ValueError):
            ComponentException("x", error_code=1.5)

    def test_component_input_validation_exception(self):
        error = ComponentInputValidationException("empty", error_code="E", invalid_component_inputs=["s"])
        self.assertIsInstance(error, ComponentException)
        self.assertEqual(error.extra_information, {"invalid_component_inputs": ["s"]})
        with self.assertRaises(TypeError):
            ComponentInputValidationException("no inputs named")  # invalid_component_inputs is required

    def test_data_type(self):
        self.assertEqual(DataType("SERIES"), DataType.Series)
        self.assertEqual(str(DataType.Float), "FLOAT")
        self.assertEqual(DataType.Any, "ANY")
        self.assertEqual([t.value for t in DataType], ["INT", "FLOAT", "STRING", "DATAFRAME", "SERIES", "MULTITSFRAME",
                                                       "BOOLEAN", "ANY", "PLOTLYJSON"])
        self.assertEqual(hdutils.MULTITSFRAME_COLUMN_NAMES, ["timestamp", "metric", "value"])

    def test_wrapped_model_pickles(self):
        wrapped = WrappedModelWithCustomObjects(model={"w": [1.0]}, custom_objects={"Layer": int})
        again = pickle.loads(pickle.dumps(wrapped))
        self.assertEqual((again.model, again.custom_objects), ({"w": [1.0]}, {"Layer": int}))

    def test_plotly_fig_to_json_dict(self):
        import plotly.graph_objects as go  # pylint: disable=import-outside-toplevel

        fig = go.Figure(go.Scatter(x=pd.date_range("2020", periods=2, tz="UTC"), y=[1.0, float("nan")]))
        data = plotly_fig_to_json_dict(fig)
        self.assertEqual(data["data"][0]["y"], [1.0, None])
        self.assertEqual(data["data"][0]["x"], ["2020-01-01T00:00:00+00:00", "2020-01-02T00:00:00+00:00"])
        self.assertIn("layout", data)


class HetdesrunStubTest(unittest.TestCase):
    def test_register_returns_the_function(self):
        from hetdesrun.component.registration import register  # pylint: disable=import-outside-toplevel
        from hetdesrun.datatypes import DataType as OldDataType  # pylint: disable=import-outside-toplevel

        def main(*, a):
            return {"b": a}

        decorated = register(inputs={"a": OldDataType.Integer}, outputs={"b": OldDataType.Integer})(main)
        self.assertIs(decorated, main)
        self.assertEqual(decorated.registered_metadata["inputs"], {"a": DataType.Integer})

    def test_old_import_locations(self):
        from hetdesrun.adapters.blob_storage.models import (  # pylint: disable=import-outside-toplevel
            WrappedModelWithCustomObjects as Wrapped,
        )
        from hetdesrun.runtime.exceptions import ComponentException as Old  # pylint: disable=import-outside-toplevel
        from hetdesrun.utils import plotly_fig_to_json_dict as old  # pylint: disable=import-outside-toplevel

        self.assertIs(Wrapped, WrappedModelWithCustomObjects)
        self.assertIs(Old, ComponentException)
        self.assertIs(old, plotly_fig_to_json_dict)

    def test_serialization_is_unavailable(self):
        import hetdesrun.serialization  # pylint: disable=import-outside-toplevel

        with self.assertRaises(NotImplementedError):
            hetdesrun.serialization.load_obj("model", "latest")


if __name__ == "__main__":
    unittest.main()
