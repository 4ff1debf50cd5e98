"""Runwire's `hdutils`: what hetida designer component code imports from hetida's module of that name.

Component code written for hetida designer 0.9 does `from hdutils import parse_default_value` (every component),
`plotly_fig_to_json_dict`, `ComponentException`, `ComponentInputValidationException`, `WrappedModelWithCustomObjects`
or `DataType`. This module gives those names the same behaviour in Runwire's Python workers. It is Runwire's own
implementation; only the names, signatures and semantics follow hetida.
"""

import functools
import io
import json
from enum import Enum
from typing import Any, Dict, Optional

import pandas as pd
from pydantic import BaseModel, create_model

MULTITSFRAME_COLUMN_NAMES = ["timestamp", "metric", "value"]


# ---------------------------------------------------------------------------------------------------------------
# Exceptions with structured details (hetida's runtime copies error_code and extra_information into the result)


class ComponentException(Exception):
    """An error raised deliberately by component code, with an error code and optional extra information."""

    # hetida's runtime recognises designer exceptions by this attribute (and an error_code attribute), so code
    # may also define its own classes following the same convention.
    __is_hetida_designer_exception__ = True

    def __init__(self, *args: Any, error_code: "int | str" = "", extra_information: Optional[dict] = None,
                 **kwargs: Any) -> None:
        if not isinstance(error_code, (int, str)):
            raise ValueError("error_code of a ComponentException must be an int or a str")
        self.error_code = error_code
        self.extra_information = extra_information
        super().__init__(*args, **kwargs)


class ComponentInputValidationException(ComponentException):
    """Component code found some of its inputs invalid; their names end up in extra_information."""

    def __init__(self, *args: Any, invalid_component_inputs: "list[str]", error_code: "int | str" = "",
                 **kwargs: Any) -> None:
        super().__init__(
            *args,
            error_code=error_code,
            extra_information={"invalid_component_inputs": invalid_component_inputs},
            **kwargs,
        )


class WrappedModelWithCustomObjects(BaseModel):
    """A model object together with the custom classes/functions needed to load it again (e.g. for Keras)."""

    model: Any
    custom_objects: Dict[str, Any]


# ---------------------------------------------------------------------------------------------------------------
# Data types


try:
    from enum import StrEnum  # Python >= 3.11, what hetida uses
except ImportError:  # pragma: no cover

    class StrEnum(str, Enum):
        def __str__(self) -> str:
            return str(self.value)


class DataType(StrEnum):
    """The data types of hetida designer component and workflow inputs and outputs."""

    Integer = "INT"
    Float = "FLOAT"
    String = "STRING"
    DataFrame = "DATAFRAME"
    Series = "SERIES"
    MultiTSFrame = "MULTITSFRAME"
    Boolean = "BOOLEAN"
    Any = "ANY"
    PlotlyJson = "PLOTLYJSON"


# --- parsing of SERIES / DATAFRAME / MULTITSFRAME values given as JSON --------------------------------------------

_WRAPPER_KEYS = ("__hd_wrapped_data_object__", "__metadata__", "__data__")


def _unwrap(value, expected_kind):
    """(data, metadata, read_json options) of a value that may use hetida's metadata wrapper format.

    The wrapper is a JSON object {"__hd_wrapped_data_object__": "SERIES"|"DATAFRAME", "__metadata__": {...},
    "__data__": ..., "__data_parsing_options__": {...}}; anything else is taken as the data itself.
    """
    candidate = value
    if isinstance(value, str):
        try:
            candidate = json.loads(value)
        except ValueError:
            return value, None, {}
    if not (isinstance(candidate, dict) and all(key in candidate for key in _WRAPPER_KEYS)):
        return value, None, {}
    kind = candidate["__hd_wrapped_data_object__"]
    metadata, data = candidate["__metadata__"], candidate["__data__"]
    options = candidate.get("__data_parsing_options__", {})
    well_formed = (kind in ("SERIES", "DATAFRAME") and isinstance(metadata, dict)
                   and isinstance(data, (dict, list)) and isinstance(options, dict))
    # A wrapper given as a JSON string must also be of the expected kind (hetida checks that only for strings).
    if not well_formed or (isinstance(value, str) and kind != expected_kind):
        return value, None, {}
    return data, metadata, options


def _read_pandas(value, typ, expected_kind):
    if not isinstance(value, (str, dict, list)):
        raise ValueError(f"cannot parse a value of type {type(value).__name__} as {expected_kind}")
    data, metadata, options = _unwrap(value, expected_kind)
    text = data if isinstance(data, str) else json.dumps(data)
    try:
        parsed = pd.read_json(io.StringIO(text), typ=typ, **options)
    except Exception as error:
        raise ValueError(f"could not parse the value as a pandas {'Series' if typ == 'series' else 'DataFrame'}") \
            from error
    parsed.attrs = metadata if metadata is not None else {}
    return parsed


class _SeriesValue:
    @classmethod
    def __get_validators__(cls):
        yield cls.validate

    @classmethod
    def validate(cls, value):
        return value if isinstance(value, pd.Series) else _read_pandas(value, "series", "SERIES")


class _DataFrameValue:
    @classmethod
    def __get_validators__(cls):
        yield cls.validate

    @classmethod
    def validate(cls, value):
        return value if isinstance(value, pd.DataFrame) else _read_pandas(value, "frame", "DATAFRAME")


class _MultiTSFrameValue:
    """A DataFrame in long format: columns timestamp (UTC), metric (no nulls) and at least one value column."""

    @classmethod
    def __get_validators__(cls):
        yield _DataFrameValue.validate
        yield cls.check_layout

    @classmethod
    def check_layout(cls, frame):
        if len(frame.columns) == 0:
            frame = pd.DataFrame(columns=MULTITSFRAME_COLUMN_NAMES)
        if len(frame.columns) < 3:
            raise ValueError(f"a MultiTSFrame needs the columns timestamp, metric and at least one value column, "
                             f"got {list(frame.columns)}")
        if not {"timestamp", "metric"} <= set(frame.columns):
            raise ValueError(f"a MultiTSFrame needs the columns timestamp and metric, got {list(frame.columns)}")
        if frame["metric"].isna().any():
            raise ValueError("the metric column of a MultiTSFrame must not contain null values")
        frame["metric"] = frame["metric"].astype("string")
        if frame["timestamp"].isna().any():
            raise ValueError("the timestamp column of a MultiTSFrame must not contain null values")
        if len(frame.index) == 0:
            frame["timestamp"] = pd.to_datetime(frame["timestamp"], utc=True)
        dtype = frame["timestamp"].dtype
        if not isinstance(dtype, pd.DatetimeTZDtype):
            raise ValueError(f"the timestamp column of a MultiTSFrame must be timezone aware (UTC), got {dtype}")
        if str(dtype.tz) != "UTC":
            raise ValueError(f"the timestamp column of a MultiTSFrame must be in UTC, got {dtype.tz}")
        return frame.sort_values("timestamp")


class _AnyValue:
    """ANY values sometimes arrive JSON-encoded as a string, sometimes twice: decode what decodes."""

    @classmethod
    def __get_validators__(cls):
        yield cls.validate

    @classmethod
    def validate(cls, value):
        if not isinstance(value, str):
            return value
        try:
            decoded = json.loads(value)
        except ValueError:
            return value  # a plain string after all
        if isinstance(decoded, str):
            try:
                return json.loads(decoded)
            except ValueError:
                return decoded
        return decoded


_PYTHON_TYPES = {
    DataType.Integer: int,
    DataType.Float: float,
    DataType.String: str,
    DataType.Boolean: bool,
    DataType.Series: _SeriesValue,
    DataType.DataFrame: _DataFrameValue,
    DataType.MultiTSFrame: _MultiTSFrameValue,
    DataType.Any: _AnyValue,
    DataType.PlotlyJson: dict,
}


@functools.lru_cache(maxsize=None)
def _value_model(data_type: DataType, nullable: bool):
    """A one-field pydantic model: pydantic's coercion rules are the ones hetida applies to values ("1" -> 1)."""
    python_type = _PYTHON_TYPES[data_type]
    return create_model(f"{data_type.name}Value", value=(Optional[python_type] if nullable else python_type, ...))


def parse_value(value: Any, data_type_str: str, nullable: bool) -> Any:
    """value parsed as the hetida data type named data_type_str (raises pydantic's ValidationError if it isn't)."""
    return _value_model(DataType(data_type_str), nullable)(value=value).value


def parse_default_value(component_info: dict, input_name: str) -> Any:
    """The default value of an input in a COMPONENT_INFO dict, parsed as the input's data type (None allowed).

    Component code uses it in its main signature, e.g. `def main(*, x=parse_default_value(COMPONENT_INFO, "x"))`.
    """
    declared = component_info["inputs"][input_name]
    return parse_value(declared["default_value"], declared["data_type"], True)


def plotly_fig_to_json_dict(fig: Any) -> Any:
    """The JSON-compatible dict of a plotly Figure, as plotly's own JSON encoder writes it (NaN become null)."""
    from plotly.utils import PlotlyJSONEncoder  # pylint: disable=import-outside-toplevel

    return json.loads(json.dumps(fig.to_plotly_json(), cls=PlotlyJSONEncoder))
