"""The inputs of each expectation case: (file name, component id, function returning main()'s keyword arguments).

Keep in step with tests/Runwire.Core.Tests/Components/Visualization/*Tests.cs, which build the same inputs in C#.
"""

import numpy as np
import pandas as pd

NAN = float("nan")

GRID = "096c6181-4ba5-0ee7-361a-3c32eee8c0c2"
SCATTER = "a408a19b-70fd-5a16-958c-193d678c2c2b"
BAND = "ff2392cb-b0ff-4672-803f-4fb44ecca5b5"
SHIFTED = "daed7280-7013-3be1-41c0-65e4628e0e1d"
COMPARE = "a432923f-4718-44ae-3c9c-9832e68724bb"
CONTOUR = "f7530499-51b2-dd01-0d21-c24ee6f8c37e"
CORRELATION = "8debf23e-54e3-5fa1-bb57-6d41058c66b7"
MOVING = "eb46db4e-aab5-4f93-8330-9423f0a2a34a"
PIE = "3b2fe728-5f36-64be-3963-df83918ff8a9"
MAP = "dc909fa2-93fa-3205-e31d-b05f944cbd29"
SINGLE = "8fba9b51-a0f1-6c6c-a6d4-e224103b819c"
ALERTS = "95c006e4-5050-7722-6717-d1c6be2ba890"
FRAME = "16d6e587-25ea-d0df-f514-da9fef66ad80"
BOXES = "56c937d5-37df-c70f-2113-808ef4a6d9ba"
SUBSTITUTION = "3160c5a1-0cfb-7396-739a-a106c2a3e130"
RUL = "9c3f88ce-1311-241e-18b7-acf7d3f5a051"
BAR = "9f55f116-f22a-c94b-42b4-1f7c184da3bf"
TABLE = "a11c5089-de92-4197-8e40-1ce827e094b8"
INTERVALS = "9b4ca94e-0e20-4341-bb23-abe73d33c7ab"


def utc(*stamps):
    return pd.to_datetime(list(stamps), utc=True)


def series(stamps, values, name=None):
    return pd.Series(values, index=utc(*stamps), name=name)


# Volatility Detection Example, Kafka fixture (spec §5.3): input series and the volatilities it yields
VOL_STAMPS = [
    "2018-05-19T22:20:00Z", "2018-05-19T22:25:00Z", "2018-05-19T22:30:00Z", "2018-05-19T22:35:00Z",
    "2018-05-19T22:40:00Z", "2018-05-22T05:50:00Z", "2018-05-22T05:55:00Z", "2018-05-22T06:00:00Z",
    "2018-05-22T06:05:00Z", "2018-05-22T06:10:00Z",
]
VOL_VALUES = [86.9358994238, 78.6552569681, 93.515633185, 96.3497006614, 83.1926874657,
              926.4357356548, 934.7257131637, 908.4082221891, 917.7112901544, 924.0958121497]
VOLATILITIES = [NAN, 0.0, 16.56128491139998, 16.56128491139998, 35.388887386599976, 0.0, 0.0,
                52.63498194919998, 52.63498194919998, 52.63498194919998]


def volatility_input():
    return series(VOL_STAMPS, VOL_VALUES)


def volatilities():
    shifted = utc(*VOL_STAMPS) - pd.Timedelta("90min")
    return pd.Series(VOLATILITIES, index=shifted, name="volatilities")


def band_frame():
    index = utc("2022-01-01T00:00:00Z", "2022-01-01T00:20:48Z", "2022-01-01T00:41:37Z",
                "2022-01-01T01:02:26Z", "2022-01-01T01:23:15Z", "2022-01-01T01:44:04Z")
    return pd.DataFrame(
        {
            "values": [1.058, 0.699, 2.1, 1.054, 0.763, 1.034],
            "band_center": [NAN, NAN, 0.9995, 1.034, 1.011, 0.988],
            "rolling_deviation": [NAN, NAN, 0.511497, 0.511497, 0.5159448, 0.7072002],
            "filter_mask": [True, True, False, True, False, True],
        },
        index=index,
    )


def moving_inputs(interval_type, label_position, plotting_mode, window="15min"):
    original = series(
        ["2022-12-06T23:17:14Z", "2022-12-06T23:22:14Z", "2022-12-06T23:27:14Z", "2022-12-06T23:32:14Z",
         "2022-12-06T23:37:14Z", "2022-12-06T23:42:14Z"],
        [14.360248, 14.473486, 14.744616, 15.729985, 14.945974, 15.311936],
    )
    aggregated = series(
        ["2022-12-06T23:22:30Z", "2022-12-06T23:37:30Z", "2022-12-06T23:52:30Z"],
        [14.5261166667, NAN, 13.96039],
    )
    return dict(original_timeseries=original, aggregated_timeseries=aggregated, window_size=window,
                interval_type=interval_type, label_position=label_position, plotting_mode=plotting_mode)


def map_frame():
    return pd.DataFrame(
        {
            "lat": [52.5, 52.6, 52.4, 52.55],
            "lon": [13.4, 13.3, 13.5, 13.45],
            "name": ["A", "B", "C", "D"],
            "description": ["first", "second", "third", "fourth"],
            "kind": ["pump", "valve", "pump", "tank"],
        }
    )


def multits_frame():
    return pd.DataFrame(
        {
            "timestamp": utc("2020-01-01T02:00:00Z", "2020-01-01T00:00:00Z", "2020-01-01T01:00:00Z",
                             "2020-01-01T00:00:00Z"),
            "metric": ["a", "a", "b", "a"],
            "value": [3.0, 1.0, 10.0, 2.0],
        }
    )


def table_frame():
    index = utc("2019-08-01T15:45:36Z", "2019-08-02T11:33:41Z")
    return pd.DataFrame(
        {
            "very very very looooooong column name": [1, 2],
            "column2": [1.3, 2.8],
            "c": ["0", "The green fox jumps over some fence anr runs to the garden. What happens next?"],
        },
        index=index,
    )


def table_frame_more_kinds():
    return pd.DataFrame(
        {
            "flag": [True, False],
            "when": utc("2020-01-01T00:00:00Z", "2020-01-02T12:30:00Z"),
            "mixed": ["ab", None],
            "x": [NAN, 2.5],
        }
    )


INTERVAL_SERIES = (["2020-01-01T01:15:27Z", "2020-01-01T16:20:00Z", "2020-01-02T08:20:00Z", "2020-01-02T16:20:00Z",
                    "2020-01-03T08:20:04Z"], [42.0, 16.1, 27.0, 2.6, 25.9])
INTERVAL_DICT = {
    "[10,20]": {"min_value": 10.0, "max_value": 20.0, "min_value_inclusive": True, "max_value_inclusive": True,
                "display_name": "Intv. 1"},
    "(20,30)": {"min_value": 20.0, "max_value": 30.0, "min_value_inclusive": False, "max_value_inclusive": False,
                "line_color": "rgb(40,20,250)", "fill_color": "rgba(40,20,250,0.15)"},
}

CASES = [
    ("grid-4x4", GRID, lambda: dict(x_min=0.1, x_max=0.7, y_min=-1.0, y_max=2.0, n=4)),
    ("grid-25", GRID, lambda: dict(x_min=-3.3, x_max=7.1, y_min=0.0, y_max=1e-3, n=25)),
    ("grid-1", GRID, lambda: dict(x_min=3.0, x_max=5.0, y_min=1.0, y_max=2.0, n=1)),
    ("scatter-datetime-index", SCATTER, lambda: dict(
        x=series(["2019-11-29T01:00:00Z", "2019-11-29T02:00:00Z", "2019-11-29T04:00:00Z"], [10.533, 10.559, 9.7662]),
        y=series(["2019-11-29T01:00:00Z", "2019-11-29T02:00:00Z", "2019-11-29T04:00:00Z"], [10.7533, 10.759, 9.9662]))),
    ("scatter-int-index-union", SCATTER, lambda: dict(
        x=pd.Series([1.5, 2.5, 3.5], index=[3, 1, 2]),
        y=pd.Series([7.0, 8.0], index=[1, 4]))),
    ("scatter-string-index", SCATTER, lambda: dict(
        x=pd.Series([1.0, 2.0], index=["a", "b"]), y=pd.Series([3.0, 4.0], index=["a", "b"]))),
    ("band-filter", BAND, lambda: dict(band_filter_dataframe=band_frame())),
    ("timeshifted", SHIFTED, lambda: dict(
        series=series(["2020-01-01T02:00:00Z", "2020-01-01T00:00:00Z", "2020-01-01T01:00:00Z"], [3.0, 1.0, 2.0],
                      name="measurement"),
        series_shiftable=series(["2020-01-01T00:00:00Z", "2020-01-01T01:00:00Z"], [5.0, 6.0], name="temp"),
        freq="h", freq_factor=2, max_shifts_past=1, max_shifts_future=2)),
    ("timeshifted-no-future", SHIFTED, lambda: dict(
        series=series(["2020-01-01T00:00:00Z"], [1.0]), series_shiftable=series(["2020-01-01T00:00:00Z"], [1.0]),
        freq="min", freq_factor=1, max_shifts_past=2, max_shifts_future=0)),
    ("timeshifted-negative", SHIFTED, lambda: dict(
        series=series(["2020-01-01T00:00:00Z"], [1.0]), series_shiftable=series(["2020-01-01T00:00:00Z"], [1.0]),
        freq="min", freq_factor=1, max_shifts_past=-1, max_shifts_future=1)),
    ("compare-two", COMPARE, lambda: dict(
        series_1=series(["2020-01-02T00:00:00Z", "2020-01-01T00:00:00Z"], [2.0, NAN]),
        series_2=series(["2020-01-01T12:00:00Z"], [1], name="second"))),
    ("contour", CONTOUR, lambda: dict(
        x=pd.Series([0.0, 0.5, 1.0], name="x"), y=pd.Series([10.0, 20.0], name="y"),
        z=pd.Series([1.0, 2.0, 3.0, 4.0, NAN, 6.0]))),
    ("contour-bad-shape", CONTOUR, lambda: dict(
        x=pd.Series([0.0, 0.5, 1.0]), y=pd.Series([10.0, 20.0]), z=pd.Series([1.0, 2.0, 3.0, 4.0]))),
    ("correlation", CORRELATION, lambda: dict(dataframe=pd.DataFrame({
        "a": [1.0, 2.0, 3.0, 4.0, 5.5],
        "b": [2.0, 1.0, NAN, 3.0, 0.5],
        "label": ["p", "q", "r", "s", "t"],
        "c": [1, 3, 2, 5, 4],
        "const": [7.0, 7.0, 7.0, 7.0, 7.0],
    }))),
    # only exactly rounded arithmetic in the inputs: numpy's SIMD sin/cos differ from C's libm in the last bit
    ("correlation-wave", CORRELATION, lambda: dict(dataframe=pd.DataFrame({
        "saw": [(i * 37 % 23) / 7.0 for i in range(60)],
        "big": [(i * 11 % 17) * 1e6 / 3.0 - i for i in range(60)],
        "mix": [(i * 37 % 23) / 7.0 + i / 7.0 for i in range(60)],
        "gappy": [NAN if i % 7 == 0 else i * i / 13.0 for i in range(60)],
    }))),
    ("moving-window-dots-center", MOVING, lambda: moving_inputs("left_closed", "center", "dots_and_windows")),
    ("moving-window-dots-closed-left", MOVING, lambda: moving_inputs("closed", "left", "dots_and_windows", "1h")),
    ("moving-window-dots-right-open", MOVING, lambda: moving_inputs("left_open", "right", "dots_and_windows", "90s")),
    ("moving-window-lines", MOVING, lambda: moving_inputs("open", "center", "lines")),
    ("pie", PIE, lambda: dict(
        dataframe=pd.DataFrame({"group": ["x", "y", "x", "z"], "amount": [1.0, 2.5, 3.0, 4]}),
        value_column="amount", group_column="group")),
    ("pie-missing-column", PIE, lambda: dict(
        dataframe=pd.DataFrame({"group": ["x"], "amount": [1.0]}), value_column="nope", group_column="group")),
    ("scatter-map", MAP, lambda: dict(data=map_frame(), color_map={"pump": "red", "tank": "#00ff00"},
                                      cat_color_col="kind")),
    ("scatter-map-numeric-color", MAP, lambda: dict(data=map_frame().assign(level=[3, 1, 2, 5]), color_map=None,
                                                    cat_color_col="level")),
    ("scatter-map-missing-category", MAP, lambda: dict(data=map_frame().assign(kind=["pump", None, "pump", "tank"]),
                                                       color_map={}, cat_color_col="kind")),
    ("scatter-map-missing-column", MAP, lambda: dict(data=map_frame().drop(columns=["description"]), color_map={},
                                                     cat_color_col="kind")),
    ("single-volatility-fixture", SINGLE, lambda: dict(series=volatilities())),
    ("single-unsorted-unnamed", SINGLE, lambda: dict(
        series=series(["2020-01-03T00:00:00Z", "2020-01-01T00:00:00Z", "2020-01-02T00:00:00.250Z"], [3, 1, 2]))),
    ("alerts-volatility-fixture", ALERTS, lambda: dict(
        series=volatility_input(), alert_series=pd.Series([0.0] * 10, index=utc(*VOL_STAMPS), name="alerts"))),
    ("alerts-open-ends", ALERTS, lambda: dict(
        series=series(["2020-01-01T00:00:00Z", "2020-01-01T01:00:00Z", "2020-01-01T02:00:00Z", "2020-01-01T03:00:00Z",
                       "2020-01-01T04:00:00Z", "2020-01-01T05:00:00Z"], [1.0, 5.0, 2.0, NAN, 8.0, 3.0], name="temp"),
        alert_series=series(["2020-01-01T03:00:00Z", "2020-01-01T01:00:00Z", "2020-01-01T04:00:00Z"],
                            [1.0, -1.0, 0.0]))),
    ("alerts-no-start", ALERTS, lambda: dict(
        series=series(["2020-01-01T01:00:00Z", "2020-01-01T02:00:00Z"], [1.0, 2.0]),
        alert_series=series(["2020-01-01T01:00:00Z"], [-1.0]))),
    ("frame-columns", FRAME, lambda: dict(dataframe=pd.DataFrame(
        {"a": [2.0, 1.0, NAN], "b": [20, 10, 30]},
        index=utc("2020-01-02T00:00:00Z", "2020-01-01T00:00:00Z", "2020-01-03T00:00:00Z")))),
    ("frame-multits", FRAME, lambda: dict(dataframe=multits_frame())),
    ("boxes-day", BOXES, lambda: dict(
        series=series(["2020-01-02T05:00:00Z", "2020-01-01T01:00:00Z", "2020-01-01T23:00:00Z", "2020-01-02T00:00:00Z"],
                      [4.0, 1.0, 2.0, 3.0], name="temp"), interval="D")),
    ("boxes-week-unnamed", BOXES, lambda: dict(
        series=series(["2020-12-31T00:00:00Z", "2021-01-04T00:00:00Z", "2021-01-01T00:00:00Z"], [1.0, 2.0, 3.0]),
        interval="week")),
    ("boxes-month", BOXES, lambda: dict(
        series=series(["2020-01-31T00:00:00Z", "2020-02-01T00:00:00Z"], [1.0, 2.0], name="v"), interval="Month")),
    ("boxes-year", BOXES, lambda: dict(
        series=series(["2020-01-31T00:00:00Z", "2021-02-01T00:00:00Z"], [1.0, 2.0], name="v"), interval="y")),
    ("boxes-unknown", BOXES, lambda: dict(series=series(["2020-01-31T00:00:00Z"], [1.0]), interval="hour")),
    ("substitution", SUBSTITUTION, lambda: dict(
        raw_values=series(["2020-01-03T00:00:00Z", "2020-01-01T00:00:00Z", "2020-01-02T00:00:00Z",
                           "2020-01-02T00:00:00Z", "2020-01-04T00:00:00Z"], [3.0, 1.0, 2.0, 99.0, 4.0], name="raw"),
        substitution_series=series(["2020-01-02T00:00:00Z", "2020-01-04T00:00:00Z", "2020-01-05T00:00:00Z",
                                    "2020-01-01T00:00:00Z"], [20.0, NAN, 5.0, 10.0]))),
    ("substitution-unnamed-empty", SUBSTITUTION, lambda: dict(
        raw_values=series(["2020-01-01T00:00:00Z", "2020-01-02T00:00:00Z"], [1.0, 2.0]),
        substitution_series=pd.Series([], index=utc(), dtype=float))),
    ("rul-small", RUL, lambda: dict(
        limit_violation_prediction_timestamp="2020-01-06T00:00:00+00:00", limit=5.0,
        base_series=series(["2020-01-02T00:00:00Z", "2020-01-01T00:00:00Z", "2020-01-03T00:00:00Z"], [9.0, 10.0, 8.0]),
        predictions=series(["2020-01-01T00:00:00Z", "2020-01-02T00:00:00Z", "2020-01-03T00:00:00Z",
                            "2020-01-04T00:00:00Z"], [10.0, 9.0, 8.0, 7.0]))),
    ("rul-no-timestamp", RUL, lambda: dict(
        limit_violation_prediction_timestamp=None, limit=1.0,
        base_series=series(["2020-01-01T00:00:00Z", "2020-01-01T01:00:00Z"], [2.0, 2.0], name="base"),
        predictions=series(["2020-01-01T00:00:00Z"], [2.0], name="pred"))),
    ("bar", BAR, lambda: dict(series=pd.Series([3.0, 1.5, 2.0], index=["b", "a", "c"], name="count"))),
    ("table-test-wiring", TABLE, lambda: dict(data=table_frame(), auto_col_width=True)),
    ("table-no-auto-width", TABLE, lambda: dict(data=table_frame(), auto_col_width=False)),
    ("table-more-kinds", TABLE, lambda: dict(data=table_frame_more_kinds(), auto_col_width=True)),
    ("intervals-example", INTERVALS, lambda: dict(
        series=series(*INTERVAL_SERIES), value_interval_dict=INTERVAL_DICT,
        line_color="rgb(40, 251, 0)", fill_color="rgba(40, 251, 0, 0.15)")),
    ("intervals-long-span", INTERVALS, lambda: dict(
        series=series(["2019-03-01T00:00:00.123456Z", "2021-07-13T17:45:31.987654Z"], [1.0, 2.0]),
        value_interval_dict={"a": {"min_value": 0, "max_value": 1}, "b": {"min_value": 1, "max_value": 2},
                             "c": {"min_value": 2, "max_value": 3, "display_name": ""}},
        line_color="red", fill_color="pink")),
    ("intervals-bad-dtype", INTERVALS, lambda: dict(
        series=series(["2020-01-01T00:00:00Z"], ["a"]), value_interval_dict={},
        line_color="rgb(40, 251, 0)", fill_color="rgba(40, 251, 0, 0.15)")),
    ("intervals-invalid", INTERVALS, lambda: dict(
        series=series(*INTERVAL_SERIES, name="level"),
        value_interval_dict={
            "ok": {"min_value": 1, "max_value": "2.5", "min_value_inclusive": "yes", "display_name": 7},
            "reversed": {"min_value": 3.0, "max_value": 2.0},
            "empty-open": {"min_value": 2.0, "max_value": 2.0, "max_value_inclusive": False},
            "broken": {"max_value": "high", "min_value_inclusive": "maybe", "line_color": [1]},
        },
        line_color="rgb(40, 251, 0)", fill_color="rgba(40, 251, 0, 0.15)")),
    ("intervals-named-int", INTERVALS, lambda: dict(
        series=series(["2020-01-01T00:00:00Z", "2020-01-01T06:00:00Z", "2020-01-02T00:00:00Z"], [5, 1, 3],
                      name="level"),
        value_interval_dict={"low": {"min_value": 0, "max_value": 2, "fill_color": "blue"}},
        line_color="black", fill_color="grey")),
]
