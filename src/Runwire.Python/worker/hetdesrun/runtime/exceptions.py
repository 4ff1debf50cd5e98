"""The component exceptions under their hetdesrun.runtime.exceptions names (the same classes as in hdutils)."""

from hdutils import ComponentException, ComponentInputValidationException  # noqa: F401  pylint: disable=unused-import
