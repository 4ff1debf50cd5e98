"""Cases for the Data Quality components and the time-interval filters (all .py-only in hetida)."""
import numpy as np
import pandas as pd

from builders import case, ts

FIXED = "82024fd1-b1a0-409d-a337-1db4330aa268"
INTERPOLATE = "47c145cb-acce-442e-9f57-31446172a49a"
RANGE = "3cf8e12d-2fea-40d9-bc4b-015bddf66828"
CORRECT = "504a01aa-12a2-472b-995c-0676af66b07c"
SELECT = "994e8607-5eaa-43b1-b057-73d8d14e90dd"

STAMPS = ["2020-01-01T01:15:27Z", "2020-01-03T08:20:03Z", "2020-01-03T08:20:04Z", "2020-01-02T00:00:00Z", "2020-01-03T08:20:03Z"]
WIRED_INTERVALS = [
    {"start": "2020-01-01T01:15:27.000Z", "end": "2020-01-01T01:15:27.000Z", "start_inclusive": True, "end_inclusive": True},
    {"start": "2020-01-03T08:20:02.000Z", "end": "2020-01-03T08:20:04.000Z", "start_inclusive": False, "end_inclusive": False},
]
BAD_INTERVALS = [{"start": "b", "end": "a"}, {"start": "a", "end": "a", "end_inclusive": False}, {"end": 3},
                 {"start": None, "end": [1]}, {"start": "x", "end": "y", "start_inclusive": "maybe", "correction_value": "z"}]


def fixed_cases():
    index_ts = ts(["2020-01-01T01:15:27.000Z", "2020-01-02T16:20:00.000Z", "2020-01-03T08:20:04.000Z"], [10.0, 20.0, 30.0], attrs={"a": 1})
    values_ts = pd.Series(pd.to_datetime(["2020-01-01T01:15:27.000Z", "2020-01-03T08:20:03.000Z"], utc=True), index=[1, 2])
    both_equal = pd.Series(index_ts.index, index=index_ts.index)
    return [
        case(FIXED, "index_timestamps", gap_timestamps=index_ts, replacement_value=37.0),
        case(FIXED, "value_timestamps", gap_timestamps=values_ts, replacement_value=37.0),
        case(FIXED, "index_and_equal_values", gap_timestamps=both_equal, replacement_value=-1.5),
        case(FIXED, "conflicting_timestamps_raise", gap_timestamps=pd.Series(index_ts.index[::-1], index=index_ts.index), replacement_value=1.0),
        case(FIXED, "no_timestamps_raise", gap_timestamps=pd.Series([1.0, 2.0]), replacement_value=1.0),
        case(FIXED, "empty_datetime_index", gap_timestamps=ts([], [], dtype=float), replacement_value=2.0),
    ]


def interpolate_cases():
    stamps = [f"2018-05-19T22:{m:02d}:00.000Z" for m in range(20, 60, 5)] + ["2018-05-19T23:00:00.000Z", "2018-05-19T23:05:00.000Z"]
    series = ts(stamps, [4.0, 5.0, 6.0, 0.0, 0.0, 0, 0, 4, 3, 2])
    flags = [False, False, False, True, True, True, True, False, False, False]
    wired_filter = ts(["2018-05-19T22:15:00.000Z"] + stamps, [True] + flags)
    gaps = ts(["2018-05-19T22:20:00Z", "2018-05-19T22:31:00Z", "2018-05-19T22:32:00Z", "2018-05-19T22:50:00Z", "2018-05-19T23:20:00Z"],
              [1.0, np.nan, 7.0, np.nan, 3.0])
    gap_filter = ts(["2018-05-19T22:25:00Z", "2018-05-19T22:40:00Z", "2018-05-19T23:10:00Z", "2018-05-19T22:10:00Z"], [True, True, True, False])
    result = [
        case(INTERPOLATE, "test_wiring", timeseries=series, filter_series=wired_filter, interpolation_params={"method": "time", "limit_direction": "both"}),
        case(INTERPOLATE, "default_time", timeseries=series, filter_series=wired_filter, interpolation_params={"method": "time"}),
    ]
    for name, params in [
        ("linear", {}), ("index", {"method": "index"}), ("values_limit_1", {"method": "values", "limit": 1}),
        ("time_backward", {"method": "time", "limit_direction": "backward"}),
        ("time_inside", {"method": "time", "limit_area": "inside", "limit_direction": "both"}),
        ("time_outside_both", {"method": "time", "limit_area": "outside", "limit_direction": "both"}),
        ("pad_limit_1", {"method": "pad", "limit": 1}), ("bfill", {"method": "bfill"}), ("ffill_inside", {"method": "ffill", "limit_area": "inside"}),
        ("both_limit_1", {"method": "linear", "limit": 1, "limit_direction": "both"}),
        ("bad_direction_raises", {"method": "time", "limit_direction": "sideways"}),
        ("pad_backward_raises", {"method": "pad", "limit_direction": "backward"}),
        ("bad_limit_raises", {"method": "time", "limit": 0}),
        ("unknown_method_raises", {"method": "magic"}),
    ]:
        result.append(case(INTERPOLATE, f"gaps_{name}", timeseries=gaps, filter_series=gap_filter, interpolation_params=params))
    result.append(case(INTERPOLATE, "params_not_dict_raises", timeseries=gaps, filter_series=gap_filter, interpolation_params="time"))
    return result


def range_cases():
    series = ts(["2020-01-01T00:00Z", "2020-01-02T00:00Z", "2020-01-03T00:00Z", "2020-01-04T00:00Z", "2020-01-01T00:00Z"], [10.0, np.nan, 20.0, 30.0, 15])
    ranges = {"[10,20]": {"min_value": 10, "max_value": 20.0}, "(20,30)": {"min_value": 20.0, "max_value": 30.0, "min_value_inclusive": False, "max_value_inclusive": False}}
    return [
        case(RANGE, "test_wiring_like_with_nan_and_duplicates", timeseries_data=series, value_range_dict=ranges),
        case(RANGE, "int_values_coerced_fields", timeseries_data=pd.Series([1, 2, 3]), value_range_dict={"e": {"min_value": "1e0", "max_value": True, "min_value_inclusive": 1, "max_value_inclusive": "yes", "extra": 3}}),
        case(RANGE, "empty_ranges", timeseries_data=pd.Series([1, 2, 3]), value_range_dict={}),
        case(RANGE, "validation_errors_collected", timeseries_data=series, value_range_dict={
            "a_IS_BELOW": {"min_value": 10, "max_value": 11}, "_timestamp": {"min_value": "x", "max_value": None, "min_value_inclusive": "maybe"},
            "c": {"min_value": 3, "max_value": 2}, "d": {"min_value": 3, "max_value": 3, "max_value_inclusive": False},
            "f": {"min_value": [1], "max_value": {}, "min_value_inclusive": 0.5, "max_value_inclusive": "off"}, "g": {"max_value": 1}}),
        case(RANGE, "non_mapping_range_raises", timeseries_data=series, value_range_dict={"a": {"min_value": 1, "max_value": 2}, "e": 5}),
        case(RANGE, "object_dtype_raises", timeseries_data=series.astype(object), value_range_dict={}),
        case(RANGE, "bool_dtype_raises", timeseries_data=pd.Series([True, False]), value_range_dict={}),
    ]


def interval_cases():
    series = ts(STAMPS, [42.2, np.nan, 25.9, 1.0, 3.0], attrs={"a": 1})
    ints = ts(STAMPS, [42, 1, 25, 1, 3])
    corrections = [dict(WIRED_INTERVALS[0], correction_value=37), dict(WIRED_INTERVALS[1], correction_value=42.5)]
    return [
        case(CORRECT, "test_wiring_like", series=series, list_of_time_intervals=corrections),
        case(CORRECT, "int_series_int_correction_stays_int", series=ints, list_of_time_intervals=corrections[:1]),
        case(CORRECT, "int_series_fractional_correction_upcasts", series=ints, list_of_time_intervals=[dict(WIRED_INTERVALS[1], correction_value=37.5)]),
        case(CORRECT, "validation_errors_collected", series=series, list_of_time_intervals=BAD_INTERVALS),
        case(CORRECT, "range_index_raises", series=pd.Series([1.0]), list_of_time_intervals=[]),
        case(CORRECT, "non_mapping_interval_raises", series=series, list_of_time_intervals=[3]),
        case(SELECT, "test_wiring_like", series=series, list_of_time_intervals=WIRED_INTERVALS),
        case(SELECT, "partial_dates_and_offsets", series=series, list_of_time_intervals=[{"start": "2020-01-02", "end": "2020-01-03 08:20:03"}, {"start": "2020-01-01T02:00:00+01:00", "end": "2020-01-01T03:00:00+01:00"}]),
        case(SELECT, "naive_index_naive_strings", series=series.tz_localize(None), list_of_time_intervals=[{"start": "2020-01-02", "end": "2020-01-03 08:20:03"}]),
        case(SELECT, "naive_index_aware_string_raises", series=series.tz_localize(None), list_of_time_intervals=[{"start": "2020-01-02Z", "end": "2020-01-03Z"}]),
        case(SELECT, "unparsable_string_raises", series=series, list_of_time_intervals=[{"start": "abc", "end": "abd"}]),
        case(SELECT, "numbers_become_strings", series=series, list_of_time_intervals=[{"start": 5, "end": 7}]),
        case(SELECT, "validation_errors_collected", series=series, list_of_time_intervals=BAD_INTERVALS),
        case(SELECT, "range_index_raises", series=pd.Series([1.0]), list_of_time_intervals=[]),
        case(SELECT, "dict_iterates_keys_raises", series=series, list_of_time_intervals={"start": "a", "end": "b"}),
        case(SELECT, "nanosecond_bound", series=series, list_of_time_intervals=[{"start": "2020-01-03T08:20:03.000000001Z", "end": "2021"}]),
    ]


def cases():
    return {"DataQuality": fixed_cases() + interpolate_cases() + range_cases(), "Filters": interval_cases()}
