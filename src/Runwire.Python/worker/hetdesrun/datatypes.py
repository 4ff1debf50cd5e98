"""hetdesrun.datatypes as old-style component code imports it (`from hetdesrun.datatypes import DataType`)."""

from hdutils import (  # noqa: F401  pylint: disable=unused-import
    MULTITSFRAME_COLUMN_NAMES,
    DataType,
    parse_default_value,
    parse_value,
)
