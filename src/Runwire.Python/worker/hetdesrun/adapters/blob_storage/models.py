"""Where hetida 0.8/0.9.0 component code imported WrappedModelWithCustomObjects from."""

from hdutils import WrappedModelWithCustomObjects  # noqa: F401  pylint: disable=unused-import
