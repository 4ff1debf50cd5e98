"""Expectations for Runwire.Core.Data.TimeOps: pandas' offset/timedelta parsing, window bounds, rolling sums, resampling."""
import datetime

import numpy as np
import pandas as pd
from pandas._libs.window import indexers
from pandas.tseries.frequencies import to_offset

from encoding import enc_error

FREQS = ["5min", "5 min", "2.5T", "2.5min", "1.5h", "1.5H", "17486.0S", "17486.0s", "1D2h", "-1D2h", "1D-2H", "-5min", "0min",
         "h", "2h", "5MIN", "Ms", "ms", "3us", "7N", "1.0000000001S", "0.5N", "W", "W-MON", "2W", "M", "3MS", "Q", "QS", "BQ-NOV",
         "A", "YS", "BA", "B", "2B", "C", "BH", "SM", "SMS-20", "CBM", "BM", "1D1M", "1M1D", "2M3M", "", " ", "5", "abc", "5min x",
         "1e5min", "-min", ".min", "W-FOO", "Q-XYZ", "D-1"]
TIMEDELTAS = ["4min", "0", "-5min", "1h30min", "1 days 02:00:00", "1 day", "00:05:00", "-00:05:00.5", "1.5h", "2 hours 3 s",
              "10", "1W", "1d", "100ms", "3us", "5ns", "1.5", "5M", "abc", "1:2:3:4", "", "NaT", "1h 30", "--1h", "+1h", "1.123456789s",
              "12:30.5", "5 minutes", "1T", "2L"]
SECONDS = [5751151.838364619, 0.0000005, 0.0000015, -0.0000005, 2.0000005, -1.5e-6, 1e-7 * 5 + 2, 123456.7654325, -86400.25,
           1e5 + 0.4999999, 3.0000025, -2.0000035, 8.64e13 * 1.5, 1e15, 8.6e13, -1.728e10, 1.2e10 + 0.25]


def offset_cases():
    result = []
    for text in FREQS:
        try:
            off = to_offset(text)
            entry = {"text": text, "repr": repr(off), "tick": isinstance(off, pd.offsets.Tick)}
            if entry["tick"]:
                entry["nanos"] = int(off.nanos)
            result.append(entry)
        except Exception as e:  # noqa: BLE001
            result.append({"text": text, "error": enc_error(e)})
    return result


def timedelta_cases():
    result = []
    for text in TIMEDELTAS:
        try:
            value = pd.to_timedelta(text)
            result.append({"text": text, "nanos": None if value is pd.NaT else int(value.value)})
        except Exception as e:  # noqa: BLE001
            result.append({"text": text, "error": enc_error(e)})
    return result


def seconds_cases():
    t0 = pd.Timestamp("2020-05-01T00:00:00Z")
    result = []
    for s in SECONDS:
        entry = {"seconds": s}
        try:
            delta = datetime.timedelta(seconds=s)
            entry["micros"] = (delta.days * 86400 + delta.seconds) * 1_000_000 + delta.microseconds
            entry["text"] = str(delta)
            entry["added"] = int((t0 + delta).value)
        except Exception as e:  # noqa: BLE001
            entry["error"] = enc_error(e)
        result.append(entry)
    return result


def bounds_cases():
    rng = np.random.default_rng(5)
    result = []
    for trial in range(24):
        n = int(rng.integers(1, 40))
        steps = rng.integers(0, 4, size=n) * 1_000_000_000 * int(rng.choice([1, 30, 60]))
        index = (1_600_000_000_000_000_000 + steps.cumsum()).astype("int64")
        if trial % 5 == 4:
            index = index[::-1].copy()
        window = int(rng.choice([1, 2, 3, 61, 90, 3600])) * 1_000_000_000 + int(rng.choice([0, 0, 1]))
        center = bool(trial % 2)
        closed = ["right", "left", "both", "neither"][trial % 4]
        start, end = indexers.calculate_variable_window_bounds(n, window, None, center, closed, index)
        values = np.round(rng.normal(0, 1e3, size=n), 6)
        values[rng.random(n) < 0.15] = np.nan
        values[rng.random(n) < 0.1] = 7.25
        series = pd.Series(values, index=pd.DatetimeIndex(index))
        minp = int(rng.integers(0, 3))
        monotonic = series.index.is_monotonic_increasing or series.index.is_monotonic_decreasing
        rolled = series.rolling(pd.Timedelta(window, unit="ns"), center=center, closed=closed, min_periods=minp) if monotonic else None
        result.append({
            "index": index.tolist(), "window": window, "center": center, "closed": closed,
            "start": start.tolist(), "end": end.tolist(), "values": [None if np.isnan(v) else v for v in values], "min_periods": minp,
            "sum": [None if np.isnan(v) else v for v in rolled.sum()],
            "median": [None if np.isnan(v) else v for v in rolled.median()],
        })
    return result


def resample_cases():
    rng = np.random.default_rng(9)
    result = []
    for rule, offset, closed in [("5min", "0", "left"), ("5min", "2min", "right"), ("2D", "3H", "right"), ("2D", "0", "left"),
                                 ("90s", "-7s", "right"), ("1D", "0", "right"), ("7min", "1min", "left")]:
        n = int(rng.integers(5, 60))
        index = pd.Timestamp("2022-12-06T23:17:14Z") + pd.to_timedelta(np.sort(rng.integers(0, 4 * 86400, size=n)), unit="s")
        if rule in ("5min", "90s", "7min"):
            index = pd.Timestamp("2022-12-06T23:17:14Z") + pd.to_timedelta(np.sort(rng.integers(0, 3600, size=n)), unit="s")
        values = np.round(rng.normal(5, 3, size=n), 4)
        values[rng.random(n) < 0.2] = np.nan
        series = pd.Series(values, index=index)
        entry = {"rule": rule, "offset": offset, "closed": closed, "index": [int(x.value) for x in index],
                 "values": [None if np.isnan(v) else v for v in values]}
        try:
            resampled = series.resample(rule, closed=closed, label="right", origin="epoch", offset=pd.Timedelta(offset))
            mean, median = resampled.mean(), resampled.median()
            entry.update({"labels": [int(x.value) for x in mean.index], "mean": [None if np.isnan(v) else v for v in mean],
                          "median": [None if np.isnan(v) else v for v in median]})
        except ValueError as e:
            entry["error"] = enc_error(e)
        result.append(entry)
    return result


def cases():
    return {"offsets": offset_cases(), "timedeltas": timedelta_cases(), "seconds": seconds_cases(),
            "bounds": bounds_cases(), "resample": resample_cases()}
