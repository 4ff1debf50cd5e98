"""Cases for the Connectors components."""
import numpy as np
import pandas as pd

from builders import case, frame, multitsframe, ts

NAMED = "0d08af64-3f34-cddc-354b-d6a26c3f1aab"
COMBINE = "68f91351-a1f5-9959-414a-2c72003f3226"
TO_FRAME = "2f8c3864-8d45-5d68-c73f-229ef43bf944"
SQUEEZE = "152bc7df-708c-2ecb-1d5d-b69483fdd275"
TO_MTSF = "e23f9251-3084-4e55-8b7b-9de4914b1eca"
FROM_MTSF = "ed88477a-72f5-475b-b3e6-9b0e030609b6"
ADD_TS = "25cc7f0f-95a9-4fe0-9a37-36589ea2851e"
TS_DF = "d71a0cef-1d56-818f-a1a5-dd6bb6d50399"
MERGE = "a573c94f-3039-1193-b068-bc496620c6ed"
NAME = "a4064897-66d3-9601-328e-5ae9036665c5"
FORGET = "d1fb4ae5-ef27-26b8-7a58-40b7cd8412e7"
DICT = "6c956baa-7fd2-4465-b87d-adbe4069d072"
EXTRACT = {"series": "9b160d5b-f821-4b7a-b314-b2c94e54c983", "dataframe": "816436b2-f303-48af-857c-6c4d7c7a0f4b",
           "multitsframe": "f711106f-3ee1-46a6-a70b-ba12d92fe5be"}
UPDATE = {"series": "635d23be-39b5-4665-ac1e-c8e4a001d06d", "dataframe": "5372a8bb-717f-4183-a89b-94b0c8d8693a",
          "multitsframe": "dbce1015-833e-4b23-bf72-05beb28d5b90"}

T = ["2020-01-03T00:00:00Z", "2020-01-01T00:00:00Z", "2020-01-02T00:00:00Z"]


def wiring_mtsf(attrs=None):
    return multitsframe([1, 1.2, 0.5], ["a", "b", "c"],
                        ["2019-08-01T15:45:36.000Z", "2019-08-01T15:48:36.000Z", "2019-08-01T15:42:36.000Z"], attrs)


def combine_cases():
    df = frame({"a": [1.0, np.nan, 3.0]}, index=pd.to_datetime(T), attrs={"df": 1})
    s_sub = ts(T[1:] + ["2020-01-05T00:00:00Z"], [10, 20, 30], name="s", attrs={"s": 2})
    dup = frame({"a": [1.0, 2.0]}, index=pd.to_datetime(T[:1] * 2))
    return [
        case(NAMED, "frame_unsorted_subset_aligns_by_index", series=s_sub, series_or_dataframe=df, column_name="b"),
        case(NAMED, "series_becomes_frame_then_named_column", series=s_sub, series_or_dataframe=ts(T, [1.5, 2.5, np.nan], name="x"), column_name="y"),
        case(NAMED, "existing_column_is_replaced_in_place", series=ts(T, [7.0, 8.0, 9.0]), series_or_dataframe=frame({"b": [1, 2, 3], "c": ["x", "y", "z"]}, index=pd.to_datetime(T)), column_name="b"),
        case(NAMED, "dict_argument_raises_type_error", series=ts(T, [1.0, 2.0, 3.0]), series_or_dataframe={"a": 1}, column_name="b"),
        case(NAMED, "duplicate_frame_index_same_series_index", series=ts(T[:1] * 2, [5.0, 6.0]), series_or_dataframe=dup, column_name="b"),
        case(NAMED, "duplicate_frame_index_other_series_index_raises", series=ts(T[:2], [5.0, 6.0]), series_or_dataframe=dup, column_name="b"),
        case(NAMED, "bool_series_with_missing_rows", series=ts(T[:2], [True, False]), series_or_dataframe=df, column_name="flag"),
        case(COMBINE, "unnamed_series_into_unnamed_series", series=ts(T, [1.0, 2.0, 3.0]), series_or_dataframe=ts(T, [4, 5, 6])),
        case(COMBINE, "named_series_collides_twice", series=ts(T, [1.0, 2.0, 3.0], name="a"), series_or_dataframe=frame({"a": [1, 2, 3], "a_1": [4, 5, 6]}, index=pd.to_datetime(T))),
        case(COMBINE, "named_series_new_column", series=ts(T[:2], [1.0, 2.0], name="n"), series_or_dataframe=df),
        case(COMBINE, "string_argument_raises_type_error", series=ts(T, [1.0, 2.0, 3.0]), series_or_dataframe="abc"),
    ]


def shape_cases():
    s = ts(T, [1.0, np.nan, 3.0], name="speed", attrs={"unit": "m/s"})
    return [
        case(TO_FRAME, "named_series_keeps_attrs", input=s),
        case(TO_FRAME, "unnamed_series_column_zero", input=ts(T, [1, 2, 3])),
        case(SQUEEZE, "single_column_becomes_series", dataframe=frame({"v": [1.0, 2.0]}, index=pd.to_datetime(T[:2]), attrs={"k": "v"})),
        case(SQUEEZE, "single_cell_becomes_scalar", dataframe=frame({"v": [4.5]})),
        case(SQUEEZE, "single_row_becomes_series_over_columns", dataframe=frame({"a": [1], "b": [2.5]}, index=["r"])),
        case(SQUEEZE, "several_rows_and_columns_stay_a_frame", dataframe=frame({"a": [1, 2], "b": ["x", "y"]})),
        case(NAME, "range_index_series_gets_name", input=pd.Series([4.0, 5.5, 6.0]), name="speed"),
        case(NAME, "renames_and_keeps_attrs", input=s, name="velocity"),
        case(FORGET, "any_input_no_outputs", input={"a": [1, 2]}),
    ]


def multitsframe_cases():
    wide = frame({"timestamp": pd.to_datetime(["2019-08-01T15:42:36.000Z", "2019-08-01T15:48:36.000Z"], utc=True),
                  "a": [5.7, 3.1], "b": [0.5, np.nan], "c": [np.nan, 1.2]})
    indexed = frame({"x": [1, 2], "y": [3.5, 4.5]}, index=pd.to_datetime(T[:2], utc=True), attrs={"w": 1})
    uneven = multitsframe([1, 2, 3, 4], ["a", "b", "a", "b"],
                          ["2020-01-01T00:00Z", "2020-01-02T00:00Z", "2020-01-03T00:00Z", "2020-01-01T00:00Z"])
    return [
        case(TO_MTSF, "test_wiring_timestamp_column", dataframe=wide),
        case(TO_MTSF, "datetime_index_int_and_float_columns", dataframe=indexed),
        case(FROM_MTSF, "test_wiring", multitsframe=wiring_mtsf()),
        case(FROM_MTSF, "metrics_with_different_timestamps_union", multitsframe=uneven),
        case(FROM_MTSF, "int_values_one_metric", multitsframe=multitsframe([1, 2], ["a", "a"], T[:2])),
        case(ADD_TS, "test_wiring", multitsframe=wiring_mtsf({"m": 1}),
             timeseries_to_add=ts(["2020-01-01T01:15:27.000Z", "2020-01-03T08:20:03.000Z", "2020-01-03T08:20:04.000Z"], [42.2, 18.7, 25.9]),
             metric_of_timeseries="d"),
        case(ADD_TS, "nan_values_keep_rows", multitsframe=wiring_mtsf(), timeseries_to_add=ts(T, [np.nan, 1.0, 2.0], attrs={"s": 1}), metric_of_timeseries="e"),
        case(TS_DF, "frame_plus_named_series", df_or_series=wiring_mtsf(), series_to_add=ts(T[:2], [1.0, 2.0], name="q")),
        case(TS_DF, "frame_plus_unnamed_series_next_metric_name",
             df_or_series=multitsframe([1.0, 2.0], ["metric_0", "metric_2"], T[:2]), series_to_add=ts(T[:1], [3.0])),
        case(TS_DF, "series_plus_series", df_or_series=ts(T[:2], [1.0, 2.0], name="first"), series_to_add=ts(T[2:], [3.0], name="second")),
        case(TS_DF, "unnamed_series_plus_unnamed_series_raises", df_or_series=ts(T[:2], [1.0, 2.0]), series_to_add=ts(T[2:], [3.0])),
        case(TS_DF, "frame_without_metric_column_raises", df_or_series=frame({"a": [1]}), series_to_add=ts(T[2:], [3.0])),
    ]


def merge_cases():
    left = frame({"k": ["b", "a", "b", "c"], "v": [1, 2, 3, 4], "w": [0.5, 1.5, 2.5, 3.5]}, attrs={"l": 1})
    right = frame({"k": ["a", "b", "d", "b"], "v": [10, 20, 30, 40]}, attrs={"r": 1})
    nan_left = frame({"k": [1.0, np.nan, 2.0], "x": [1, 2, 3]})
    nan_right = frame({"k": [np.nan, 2, 5], "y": [True, False, True]})
    result = [case(MERGE, f"how_{how}", dataframe_left=left, dataframe_right=right, column_name="k", how=how)
              for how in ("inner", "left", "right", "outer")]
    result += [
        case(MERGE, f"nan_keys_match_{how}", dataframe_left=nan_left, dataframe_right=nan_right, column_name="k", how=how)
        for how in ("inner", "outer", "right")
    ]
    result += [
        case(MERGE, "unknown_how_raises", dataframe_left=left, dataframe_right=right, column_name="k", how="sideways"),
        case(MERGE, "missing_key_column_raises", dataframe_left=left, dataframe_right=right, column_name="z", how="inner"),
        case(MERGE, "cross_with_key_raises", dataframe_left=left, dataframe_right=right, column_name="k", how="cross"),
        case(MERGE, "int_and_string_keys_raise", dataframe_left=frame({"k": [1, 2]}), dataframe_right=frame({"k": ["1"]}), column_name="k", how="inner"),
    ]
    return result


def attribute_cases():
    s = ts(T, [1.0, 2.0, 3.0], attrs={"a": 1, "nested": {"b": [1, 2]}})
    df = frame({"x": [1]}, attrs={"a": 1})
    m = wiring_mtsf({"a": 1})
    result = [
        case(EXTRACT["series"], "series_attrs", series=s),
        case(EXTRACT["dataframe"], "frame_attrs", dataframe=df),
        case(EXTRACT["multitsframe"], "multitsframe_attrs", multitsframe=m),
        case(EXTRACT["series"], "no_attrs_is_empty_dict", series=ts(T, [1.0, 2.0, 3.0])),
        case(UPDATE["series"], "series_merge", series=s, attributes={"a": 2, "c": None}),
        case(UPDATE["dataframe"], "frame_merge", dataframe=df, attributes={"b": [1, "x"]}),
        case(UPDATE["multitsframe"], "multitsframe_merge", multitsframe=m, attributes={"a": {"deep": True}}),
        case(UPDATE["series"], "list_of_pairs_updates", series=s, attributes=[["p", 1], ["q", 2.5]]),
        case(UPDATE["series"], "int_raises_type_error", series=s, attributes=5),
        case(UPDATE["series"], "string_raises_value_error", series=s, attributes="ab"),
        case(UPDATE["series"], "none_raises_type_error", series=s, attributes=None),
        case(DICT, "test_wiring", dictionary={"a": True, "b": 31.56}, key="c", value=1),
        case(DICT, "replaces_existing_key", dictionary={"a": True, "c": [1]}, key="c", value={"x": None}),
        case(DICT, "list_raises_type_error", dictionary=[1, 2], key="c", value=1),
    ]
    return result


def cases():
    return {"Connectors": combine_cases() + shape_cases() + multitsframe_cases() + merge_cases() + attribute_cases()}
