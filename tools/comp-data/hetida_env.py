"""Loads hetida designer v0.9.8 component code at generation time (nothing of it is stored in this repository).

JSON exports come from /work/shared/hetida/transformations; the .py-only components and hdutils are read from the
hetida-designer git mirror (tag v0.9.8). Each component runs in a module named exactly as hetida names it
(hetdesrun_loaded_components.by_code__hash_<sha256 of the code>), because that name appears in some error messages.
"""
import glob
import hashlib
import json
import os
import subprocess
import sys
import tempfile
import types

SHARED = "/work/shared/hetida/transformations/components"
MIRROR = "/work/.mirror/hetida+hetida-designer/repo"
TAG = "v0.9.8"

PY_ONLY = {
    "82024fd1-b1a0-409d-a337-1db4330aa268": "data-quality/fixed-replacement-value_100_82024fd1-b1a0-409d-a337-1db4330aa268.py",
    "47c145cb-acce-442e-9f57-31446172a49a": "data-quality/interpolate_timeseries_014_47c145cb-acce-442e-9f57-31446172a49a.py",
    "3cf8e12d-2fea-40d9-bc4b-015bddf66828": "data-quality/value-range-check_100_3cf8e12d-2fea-40d9-bc4b-015bddf66828.py",
    "504a01aa-12a2-472b-995c-0676af66b07c": "filters/correct-time-intervals-with-fixed-values_100_504a01aa-12a2-472b-995c-0676af66b07c.py",
    "994e8607-5eaa-43b1-b057-73d8d14e90dd": "filters/select-time-intervals_100_994e8607-5eaa-43b1-b057-73d8d14e90dd.py",
}


def _git_show(path):
    return subprocess.run(
        ["git", "-C", MIRROR, "show", f"{TAG}:{path}"], check=True, capture_output=True, text=True
    ).stdout


def install_hdutils():
    folder = tempfile.mkdtemp(prefix="hdutils-")
    with open(os.path.join(folder, "hdutils.py"), "w", encoding="utf8") as f:
        f.write(_git_show("runtime/hdutils.py"))
    sys.path.insert(0, folder)
    sys.modules["hetdesrun_loaded_components"] = types.ModuleType("hetdesrun_loaded_components")


def install_union_sort_shim():
    """hetida v0.9.8 pins pandas 2, whose Index.union accepts sort=True; pandas 1.5 rejects it. Same shim as the golden cases."""
    import pandas as pd

    original = pd.Index.union

    def union(self, other, sort=None):
        if sort is True:
            result = original(self, other, sort=None)
            return result if result.is_monotonic_increasing else result.sort_values()
        return original(self, other, sort=sort)

    pd.Index.union = union


def component_code(component_id):
    if component_id in PY_ONLY:
        return _git_show("runtime/transformations/components/" + PY_ONLY[component_id])
    (path,) = glob.glob(f"{SHARED}/*/*_{component_id}.json")
    with open(path, encoding="utf8") as f:
        return json.load(f)["content"]


_loaded = {}


def main_of(component_id):
    if component_id not in _loaded:
        code = component_code(component_id)
        name = "hetdesrun_loaded_components.by_code__hash_" + hashlib.sha256(code.encode("utf8")).hexdigest()
        module = types.ModuleType(name)
        exec(compile(code, "COMPONENT CODE", "exec"), module.__dict__)  # noqa: S102
        sys.modules[name] = module
        _loaded[component_id] = module.main
    return _loaded[component_id]
