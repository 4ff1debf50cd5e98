"""Runwire's stand-in for the parts of hetida designer's `hetdesrun` package that component code imports.

Older component code (hetida designer before 0.9) imports `register` from hetdesrun.component.registration,
`DataType` from hetdesrun.datatypes and `plotly_fig_to_json_dict` from hetdesrun.utils. Runwire runs that code
unchanged; these modules only make those imports work. Nothing else of hetdesrun exists here.
"""
