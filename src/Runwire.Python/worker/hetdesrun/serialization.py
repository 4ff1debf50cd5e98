"""hetdesrun.serialization, used by hetida's "Store Object" and "Load Object" demo components.

hetida's version pickles objects into a model repository directory on the runtime's file system. Runwire's workers
run sandboxed without such a directory, so both functions raise; the components still load.
"""

from typing import Any

_MESSAGE = (
    "hetida's file-system object repository (hetdesrun.serialization) is not available in Runwire; "
    "store and load objects through adapters instead"
)


def dump_obj(obj: Any, name: str, tag: str) -> None:  # pylint: disable=unused-argument
    raise NotImplementedError(_MESSAGE)


def load_obj(name: str, tag: str) -> Any:  # pylint: disable=unused-argument
    raise NotImplementedError(_MESSAGE)
