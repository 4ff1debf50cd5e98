"""Cases for Anomaly Detection, Statistic, Remaining Useful Life and the MAD band filter."""
import json

import numpy as np
import pandas as pd

import hetida_env
from builders import case, ts

VOLATILITY = "0c3c74d0-89b6-1948-fedd-753eaa47ca0e"
ALERTS = "38f168ef-cb06-d89c-79b3-0cd823f32e9d"
INFER = "4615ec0d-99bd-40ba-a88b-643dd28fa6e7"
MEAN = "e4682ac2-9a53-4fac-a4ea-e766666ee27e"
MEDIAN = "dc30af71-2872-4fe0-8a09-20d9300871ba"
MAD = "bf698fbb-1e2e-47ca-a4f8-72b06b011985"
RUL = "8d61a267-3a71-51cd-2817-48c320469d6b"

CASES = "/work/shared/hetida/cases"


def wired_series(component_id, input_name="series"):
    """The series of a component's stored test wiring (hetida's example data)."""
    import glob
    (path,) = glob.glob(f"{hetida_env.SHARED}/*/*_{component_id}.json")
    with open(path, encoding="utf8") as f:
        wiring = json.load(f)["test_wiring"]["input_wirings"]
    text = next(w for w in wiring if w["workflow_input_name"] == input_name)["filters"]["value"]
    return pd.read_json(text, typ="series")


def case_series(case_name, input_name):
    with open(f"{CASES}/{case_name}.json", encoding="utf8") as f:
        wiring = json.load(f)["request"]["wiring"]["input_wirings"]
    text = next(w for w in wiring if w["workflow_input_name"] == input_name)["filters"]["value"]
    return pd.read_json(text, typ="series")


def irregular(n, seed, nan_every=0, start="2022-03-01T00:00:00Z"):
    rng = np.random.default_rng(seed)
    steps = rng.integers(20, 400, size=n).cumsum()
    index = pd.Timestamp(start) + pd.to_timedelta(steps, unit="s")
    values = np.round(rng.normal(10, 2, size=n), 3)
    if nan_every:
        values[::nan_every] = np.nan
    return pd.Series(values, index=index)


def anomaly_cases():
    fixture = case_series("volatility-kafka-fixture-plots-off", "input_series")
    messy = ts(["2020-01-01T01:00Z", "2020-01-01T00:00Z", "2020-01-01T00:30Z", "2020-01-01T01:00Z", "2020-01-01T03:00Z",
                "2020-01-01T03:10Z"], [2.0, 1.0, np.nan, 5.0, 4.0, 4.5], name="raw", attrs={"src": "x"})
    result = [case(VOLATILITY, f"kafka_fixture_{loc}", timeseries=fixture, window_size="180min", window_timestamp_location=loc)
              for loc in ("center", "left", "right")]
    result += [
        case(VOLATILITY, "unsorted_nan_duplicates_center", timeseries=messy, window_size="1h", window_timestamp_location="center"),
        case(VOLATILITY, "random_2h_right", timeseries=irregular(150, 1, nan_every=17), window_size="2h", window_timestamp_location="right"),
        case(VOLATILITY, "invalid_location_raises", timeseries=messy, window_size="1h", window_timestamp_location="middle"),
        case(VOLATILITY, "invalid_window_raises", timeseries=messy, window_size="1.5h", window_timestamp_location="right"),
        case(VOLATILITY, "non_fixed_window_raises", timeseries=messy, window_size="1M", window_timestamp_location="right"),
        case(VOLATILITY, "int_index_raises", timeseries=pd.Series([1.0, 2.0, 4.0]), window_size="1h", window_timestamp_location="right"),
        case(VOLATILITY, "nat_index_raises", timeseries=ts(["2020-01-01T00:00Z", None], [1.0, 2.0]), window_size="1h", window_timestamp_location="right"),
        case(ALERTS, "fixture_scores_threshold", scores=ts(fixture.index[:6].astype(str).tolist(), [np.nan, 0.0, 16.5, 16.5, 35.3, 0.0], name="volatilities", attrs={"a": 1}), threshold=10.0),
        case(ALERTS, "unsorted_int_scores", scores=ts(["2020-01-03T00:00Z", "2020-01-01T00:00Z", "2020-01-02T00:00Z", "2020-01-04T00:00Z"], [5, 1, 7, 7]), threshold=4.0),
        case(ALERTS, "range_index_nan", scores=pd.Series([np.nan, 3.0, 0.5, 3.0]), threshold=1.0),
    ]
    return result


def moving_cases(component_id, label):
    wiring = wired_series(component_id, "timeseries")
    rnd = irregular(120, 7, nan_every=11)
    base = dict(window_size="15min", window_frequency="5min", frequency_offset="4min", interval_type="left_closed", label_position="left")
    result = [case(component_id, f"{label}_test_wiring", timeseries=wiring, **base)]
    variants = [
        ("resample_right_closed_right", dict(window_size="10min", window_frequency="10min", frequency_offset="0", interval_type="right_closed", label_position="right")),
        ("resample_left_closed_center", dict(window_size="30min", window_frequency="30min", frequency_offset="7min", interval_type="right_open", label_position="center")),
        ("rolling_closed_both", dict(window_size="1h", window_frequency="20min", frequency_offset="-5min", interval_type="closed", label_position="right")),
        ("rolling_open_center", dict(window_size="45min", window_frequency="1h", frequency_offset="1h2min", interval_type="open", label_position="center")),
        ("resample_two_days_right_closed", dict(window_size="2D", window_frequency="48H", frequency_offset="3H", interval_type="left_open", label_position="left")),
        ("rolling_same_size_closed", dict(window_size="1h", window_frequency="60min", frequency_offset="0", interval_type="closed", label_position="left")),
    ]
    result += [case(component_id, f"{label}_{name}", timeseries=rnd, **params) for name, params in variants]
    dup = ts(["2020-01-01T00:00Z", "2020-01-01T00:00Z", "2020-01-01T00:07Z"], [1.0, 2.0, 3.0])
    result += [
        case(component_id, f"{label}_invalid_interval_type", timeseries=wiring, **dict(base, interval_type="half_open")),
        case(component_id, f"{label}_invalid_window_size", timeseries=wiring, **dict(base, window_size="15 minutes")),
        case(component_id, f"{label}_range_index_raises", timeseries=pd.Series([1.0, 2.0]), **base),
        case(component_id, f"{label}_duplicates_rolling_raises", timeseries=dup, **base),
        case(component_id, f"{label}_duplicates_resample", timeseries=dup, **dict(base, window_frequency="15min")),
        case(component_id, f"{label}_unsorted_int_values", timeseries=ts(["2020-01-01T00:20Z", "2020-01-01T00:01Z", "2020-01-01T00:09Z"], [4, 1, 2], name="n", attrs={"a": 1}), **base),
    ]
    return result


def statistic_cases():
    wiring = wired_series(INFER)
    result = [
        case(INFER, "test_wiring", series=wiring, min_num_desired_datapoints_in_window=10, buffer_factor=1.4),
        case(INFER, "unsorted_with_duplicates", series=pd.concat([wiring.sample(frac=1, random_state=3).iloc[:-3], wiring.iloc[:3]]), min_num_desired_datapoints_in_window=30, buffer_factor=1.0),
        case(INFER, "days_apart_uses_seconds_component", series=ts(["2020-01-01T00:00Z", "2020-01-03T00:00:30Z", "2020-01-05T00:01:00Z"], [1.0, 2.0, 3.0]), min_num_desired_datapoints_in_window=3, buffer_factor=0.5),
        case(INFER, "range_index_raises", series=pd.Series([1.0, 2.0]), min_num_desired_datapoints_in_window=3, buffer_factor=1.0),
        case(INFER, "even_count_median_between", series=ts(["2020-01-01T00:00Z", "2020-01-01T00:00:10Z", "2020-01-01T00:00:30Z"], [1.0, 2.0, 3.0]), min_num_desired_datapoints_in_window=2, buffer_factor=1.5),
    ]
    return result + moving_cases(MEAN, "mean") + moving_cases(MEDIAN, "median")


def mad_cases():
    wiring = wired_series(MAD)
    base = dict(window_size="17486.0S", min_num_datapoints_in_window=10, mad_scaling_factor=1.4826, min_band_width_factor=0.5)
    rnd = irregular(300, 11, nan_every=29)
    rnd.iloc[40] = 40.0
    rnd.iloc[41] = np.inf
    rnd.attrs = {"sensor": "p1"}
    return [
        case(MAD, "test_wiring", series=wiring, **base),
        case(MAD, "random_with_nan_inf_outlier", series=rnd, **dict(base, window_size="1h", min_num_datapoints_in_window=3)),
        case(MAD, "decreasing_index", series=wiring.iloc[::-1], **dict(base, window_size="2h", min_num_datapoints_in_window=2)),
        case(MAD, "min_periods_zero", series=wiring.iloc[:12], **dict(base, window_size="30min", min_num_datapoints_in_window=0)),
        case(MAD, "unsorted_raises", series=wiring.iloc[[2, 0, 1, 3]], **base),
        case(MAD, "range_index_raises", series=pd.Series([1.0, 2.0]), **base),
    ]


def rul_cases():
    wiring = case_series("rul-test-wiring-explicit-plots-off", "inp_series")
    three = ts(["2020-01-01T00:00:00Z", "2020-01-02T00:00:00Z", "2020-01-03T00:00:00Z"], [10.0, 9.0, 8.0], attrs={"a": 1})
    unsorted = three.iloc[[2, 0, 1]]
    result = [
        case(RUL, "test_wiring_series_short_forecast", timeseries=wiring, limit=1.3, num_pred_series_future_days=0, pred_series_frequency="1D"),
        case(RUL, "decreasing_3pts", timeseries=three, limit=5.0, num_pred_series_future_days=1, pred_series_frequency="5min"),
        case(RUL, "unsorted_limit_in_past", timeseries=unsorted, limit=12.0, num_pred_series_future_days=1, pred_series_frequency="2H"),
        case(RUL, "constant_nat", timeseries=ts(["2020-01-01T00:00:00Z", "2020-01-01T01:00:00Z"], [2.0, 2.0]), limit=1.0, num_pred_series_future_days=0, pred_series_frequency="5min"),
        case(RUL, "single_point_slope_zero", timeseries=three.iloc[:1], limit=1.0, num_pred_series_future_days=1, pred_series_frequency="12H"),
        case(RUL, "naive_index_int_values", timeseries=ts(three.index.astype(str).tolist(), [10, 9, 8], utc=False), limit=5.0, num_pred_series_future_days=0, pred_series_frequency="90s"),
        case(RUL, "fraction_of_microsecond_rounds", timeseries=ts(["2020-01-01T00:00:00Z", "2020-01-01T00:00:07Z", "2020-01-01T00:00:13Z"], [1.0, 0.3, -0.2]), limit=-5.0, num_pred_series_future_days=0, pred_series_frequency="1S"),
        case(RUL, "nan_value_raises", timeseries=ts(three.index.astype(str).tolist(), [1.0, np.nan, 3.0]), limit=1.0, num_pred_series_future_days=0, pred_series_frequency="1D"),
        case(RUL, "range_index_raises", timeseries=pd.Series([1.0, 2.0]), limit=1.0, num_pred_series_future_days=0, pred_series_frequency="1D"),
        case(RUL, "empty_prediction_range_raises", timeseries=three, limit=1.0, num_pred_series_future_days=-5, pred_series_frequency="1D"),
        case(RUL, "zero_frequency_raises", timeseries=three, limit=1.0, num_pred_series_future_days=0, pred_series_frequency="0min"),
        case(RUL, "invalid_frequency_raises", timeseries=three, limit=1.0, num_pred_series_future_days=0, pred_series_frequency="fortnight"),
        case(RUL, "far_limit_overflows", timeseries=three, limit=1e12, num_pred_series_future_days=0, pred_series_frequency="1D"),
        case(RUL, "limit_beyond_timedelta_range", timeseries=three, limit=1e9, num_pred_series_future_days=0, pred_series_frequency="1D"),
    ]
    return result


def cases():
    return {
        "AnomalyDetection": anomaly_cases(),
        "Statistic": statistic_cases(),
        "RemainingUsefulLife": rul_cases(),
        "Filters": mad_cases(),
    }
