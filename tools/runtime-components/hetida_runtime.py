"""Runs hetida designer v0.9.8's own backend execution path in-process (nothing of hetida is stored in this repo).

`runtime/hetdesrun` and `runtime/hdutils.py` are extracted from the git mirror (tag v0.9.8) into a temporary folder at
start-up and imported from there. Every file is loaded as hetida's directory loader does it (JSON exports with
`TransformationRevision(**json)`, `.py` modules with `transformation_revision_from_python_code`), stored with
`store_single_transformation_revision` in an in-memory SQLite DB (as hetida's own test suite does), and executed with
`execute_transformation_revision` with `HD_IS_RUNTIME_SERVICE=true`, i.e. prepare_execution_input (component wrapped in
"COMPONENT EXECUTION WRAPPER WORKFLOW") -> runtime_service -> ExecutionResponseFrontendDto, whose `.json()` is exactly
what the Kafka consumer publishes.

Stand-ins for modules that Debian 12 lacks (written into the temporary folder); nothing of hetida is patched:
* `hetdesrun_config`: hetida's adapter plug-in file registers blob-storage/kafka/sql/local-file adapters (h5py, boto3,
  aiokafka, ...). Only direct_provisioning is used here, so a stand-in module just imports `hetdesrun.adapters`
  (which is what the real file does first and what fixes hetida's import order).
* `black`, `libcst`: code formatting / rewriting for hetida's component *update* path (not on Debian 12). Stand-ins
  raise if used; only `libcst.parse_module(code).get_docstring()` is answered (via `ast`), because the `.py` loader
  reads the module docstring into the (unused here) documentation field.
* `asyncstdlib.functools.cached_property` (not on Debian 12; hetida's plain engine caches each node's async `result`
  with it): a minimal equivalent - the first await computes the value and caches it on the instance, later accesses
  give an awaitable of the cached value, an exception is not cached. hetida awaits nodes sequentially, so the
  library's concurrency handling does not matter.
* `pandas.Index.union(sort=True)`: pandas-2 API used by some components, see comp-data/hetida_env.py. Each use is counted.
"""
import asyncio
import atexit
import glob
import json
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "comp-data"))

import hetida_env  # noqa: E402  (MIRROR, TAG and the pandas-2 union shim are shared with the comp-data generator)

DEBIAN_PACKAGES = {  # module -> Debian 12 package that hetida's backend imports on this path
    "fastapi": "python3-fastapi", "sqlalchemy": "python3-sqlalchemy", "sqlalchemy_utils": "python3-sqlalchemy-utils",
    "httpx": "python3-httpx", "jose": "python3-jose", "pandas": "python3-pandas", "plotly": "python3-plotly",
    "sklearn": "python3-sklearn",
}

union_sort_true_calls = 0  # how often the pandas-2 shim was needed (reset per execution by the caller)


def _extract_runtime():
    folder = tempfile.mkdtemp(prefix="hetida-runtime-")
    atexit.register(shutil.rmtree, folder, True)
    archive = subprocess.run(
        ["git", "-C", hetida_env.MIRROR, "archive", hetida_env.TAG, "runtime/hetdesrun", "runtime/hdutils.py"],
        check=True, capture_output=True,
    ).stdout
    subprocess.run(["tar", "-x", "-C", folder], input=archive, check=True)
    return os.path.join(folder, "runtime")


STAND_INS = {
    # hetdesrun/__init__.py imports hetdesrun_config first; importing hetdesrun.adapters there keeps hetida's order
    "hetdesrun_config.py": "import hetdesrun.adapters  # noqa: F401\n",
    "black.py": """
class InvalidInput(ValueError):
    pass


def format_str(*args, **kwargs):
    raise NotImplementedError("black is not available (stand-in)")


class Mode:
    def __init__(self, *args, **kwargs):
        pass
""",
    "libcst/__init__.py": """
import ast


class ParserSyntaxError(SyntaxError):
    pass


class _Module:
    def __init__(self, code):
        self._tree = ast.parse(code)

    def get_docstring(self, clean=True):
        return ast.get_docstring(self._tree, clean=clean)


def parse_module(code):
    try:
        return _Module(code)
    except SyntaxError as e:
        raise ParserSyntaxError(str(e)) from e


class CSTTransformer:
    pass


def __getattr__(name):
    # Node classes appear in annotations at import time; calling anything (code rewriting) must not happen here
    def unavailable(*args, **kwargs):
        raise NotImplementedError(f"libcst.{name} is not available (stand-in)")

    return type(name, (), {"__init__": unavailable}) if name[:1].isupper() else unavailable
""",
    "asyncstdlib/__init__.py": "",
    "asyncstdlib/functools.py": """
class _AwaitableValue:
    def __init__(self, value):
        self.value = value

    def __await__(self):
        return self.value
        yield  # makes __await__ a generator, as the protocol requires


class cached_property:
    def __init__(self, getter):
        self.__wrapped__ = getter
        self._name = getter.__name__
        self.__doc__ = getter.__doc__

    def __set_name__(self, owner, name):
        self._name = name

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        return self._compute_once(instance)

    async def _compute_once(self, instance):
        value = await self.__wrapped__(instance)
        instance.__dict__[self._name] = _AwaitableValue(value)  # shadows this non-data descriptor from now on
        return value
""",
    "libcst/matchers.py": """
def __getattr__(name):
    raise NotImplementedError(f"libcst.matchers.{name} is not available (stand-in)")
""",
}


def _write_stand_ins(folder):
    for relative, text in STAND_INS.items():
        path = os.path.join(folder, relative)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf8") as f:
            f.write('"""Stand-in written by tools/runtime-components/hetida_runtime.py."""\n' + text)


def _install_counting_union_shim():
    import pandas as pd

    hetida_env.install_union_sort_shim()
    shimmed = pd.Index.union

    def union(self, other, sort=None):
        global union_sort_true_calls
        if sort is True:
            union_sort_true_calls += 1
        return shimmed(self, other, sort=sort)

    pd.Index.union = union


def _check_packages():
    import importlib.util

    missing = [pkg for module, pkg in DEBIAN_PACKAGES.items() if importlib.util.find_spec(module) is None]
    if missing:
        sys.exit(f"hetida's backend needs Debian packages that are missing: apt-get install {' '.join(missing)}")


class HetidaRuntime:
    """hetida's backend, imported once per process, with all given trafos stored in its (in-memory) DB."""

    def __init__(self, trafo_dir):
        _check_packages()
        os.environ["HD_IS_RUNTIME_SERVICE"] = "true"
        os.environ["HD_DATABASE_URL"] = "sqlite+pysqlite:///:memory:"
        os.environ.setdefault("LOG_LEVEL", "CRITICAL")
        runtime_dir = _extract_runtime()
        _write_stand_ins(runtime_dir)
        sys.path.insert(0, runtime_dir)
        _install_counting_union_shim()

        from hetdesrun.backend import execution
        from hetdesrun.component.code_utils import get_global_from_code
        from hetdesrun.models.execution import ExecByIdInput
        from hetdesrun.persistence import get_db_engine
        from hetdesrun.persistence.dbmodels import Base
        from hetdesrun.persistence.dbservice.revision import store_single_transformation_revision
        from hetdesrun.persistence.models.transformation import TransformationRevision
        from hetdesrun.trafoutils.io.load import transformation_revision_from_python_code

        Base.metadata.create_all(get_db_engine())
        # Same per-file loading as hetida's load_transformation_revisions_from_directory, keeping each file's path and
        # its raw test wiring (what a client would send: the export's "test_wiring" / TEST_WIRING_FROM_PY_FILE_IMPORT)
        self.files = []  # (path relative to trafo_dir, TransformationRevision, raw test wiring dict)
        for path in sorted(glob.glob(os.path.join(trafo_dir, "**", "*.*"), recursive=True)):
            with open(path, encoding="utf8") as f:
                text = f.read()
            if path.endswith(".py"):
                trafo = transformation_revision_from_python_code(text)
                raw_wiring = get_global_from_code(text, "TEST_WIRING_FROM_PY_FILE_IMPORT", default_value={})
            elif path.endswith(".json"):
                export = json.loads(text)
                trafo = TransformationRevision(**export)
                raw_wiring = export["test_wiring"]
            else:
                continue
            store_single_transformation_revision(trafo)
            self.files.append((os.path.relpath(path, trafo_dir), trafo, raw_wiring))
        self._execution = execution
        self._exec_input = ExecByIdInput

    def execute(self, request):
        """Runs one ExecByIdInput (a JSON-able dict) and returns the published response as parsed JSON.

        Raises what hetida's backend raises before the runtime (TrafoExecution*Error): hetida publishes nothing then.
        """
        exec_input = self._exec_input.parse_raw(json.dumps(request))
        response = asyncio.run(self._execution.execute_transformation_revision(exec_input))
        # pydantic v1 .json() with hetida's json_encoders = the Kafka message; NaN/inf scalars appear as bare tokens
        return json.loads(response.json())

    def is_pure_plot(self, trafo):
        outputs = trafo.io_interface.outputs
        return len(outputs) > 0 and all(o.data_type.value == "PLOTLYJSON" for o in outputs)
