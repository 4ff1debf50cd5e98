"""The `register` decorator of old-style hetida component code.

In hetida it attaches the declared inputs/outputs to the entry point; Runwire knows them from the component
revision, so here it returns the decorated function itself (with the declarations attached as attributes).
"""

from typing import Callable, Optional


def register(
    *,
    inputs: dict,
    outputs: dict,
    name: Optional[str] = None,
    description: Optional[str] = None,
    category: Optional[str] = None,
    id: Optional[str] = None,  # noqa: A002  pylint: disable=redefined-builtin
    revision_group_id: Optional[str] = None,
    version_tag: Optional[str] = None,
    state: Optional[str] = None,
    released_timestamp: Optional[str] = None,
    disabled_timestamp: Optional[str] = None,
    is_pure_plot_component: Optional[bool] = None,  # deprecated in hetida, ignored
) -> Callable[[Callable], Callable]:
    metadata = {
        "inputs": inputs,
        "outputs": outputs,
        "name": name,
        "description": description,
        "category": category,
        "version_tag": version_tag,
        "id": id,
        "revision_group_id": revision_group_id,
        "state": state,
        "released_timestamp": released_timestamp,
        "disabled_timestamp": disabled_timestamp,
    }

    def decorate(func: Callable) -> Callable:
        for attribute, value in (("inputs", inputs), ("outputs", outputs), ("registered_metadata", metadata)):
            try:
                setattr(func, attribute, value)
            except (AttributeError, TypeError):
                pass  # e.g. a builtin: still usable as an entry point
        return func

    return decorate

