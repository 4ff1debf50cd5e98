"""hetdesrun.utils as old-style component code imports it (`from hetdesrun.utils import plotly_fig_to_json_dict`)."""

from hdutils import plotly_fig_to_json_dict  # noqa: F401  pylint: disable=unused-import
