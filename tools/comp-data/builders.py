"""Small constructors for test inputs."""
import pandas as pd


def ts(stamps, values, name=None, attrs=None, utc=True, dtype=None):
    """A series over a DatetimeIndex (UTC unless utc=False); None in stamps is NaT."""
    index = pd.DatetimeIndex(pd.to_datetime(stamps, utc=True))
    if not utc:
        index = index.tz_localize(None)
    series = pd.Series(values, index=index, name=name, dtype=dtype)
    series.attrs = dict(attrs or {})
    return series


def frame(data, index=None, attrs=None):
    result = pd.DataFrame(data, index=index)
    result.attrs = dict(attrs or {})
    return result


def multitsframe(values, metrics, stamps, attrs=None):
    """A MULTITSFRAME as hetida parses it: UTC timestamps, str metrics, rows sorted by timestamp (labels kept)."""
    result = pd.DataFrame({"value": values, "metric": metrics, "timestamp": pd.to_datetime(stamps, utc=True)})
    result = result.sort_values("timestamp")
    result.attrs = dict(attrs or {})
    return result


def case(component_id, case_name, extra=None, **inputs):
    return (component_id, case_name, inputs, extra or {})
