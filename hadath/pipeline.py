"""The pipeline: named stages, each adding to a :class:`~hadath.model.Document`.

Stages register themselves with :func:`stage`; a :class:`Pipeline` runs a list of
them in order. A stage is a plain function ``(Document) -> None`` that mutates the
document (segmenting it into articles, tokenizing them, tagging entities, ...).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable

from hadath.errors import HadathError
from hadath.model import Document

StageFn = Callable[[Document], None]

_REGISTRY: dict[str, StageFn] = {}

# Modules whose import registers the built-in stages.
_STAGE_MODULES = (
    "hadath.clean.segment",
    "hadath.text.stage",
    "hadath.dates.published",
)

DEFAULT_STAGES = ("segment",)


def stage(name: str) -> Callable[[StageFn], StageFn]:
    """Register ``fn`` as the pipeline stage called ``name``."""

    def register(fn: StageFn) -> StageFn:
        if name in _REGISTRY and _REGISTRY[name] is not fn:
            raise HadathError(f"pipeline stage {name!r} is registered twice")
        _REGISTRY[name] = fn
        return fn

    return register


def load_builtin_stages() -> None:
    for module in _STAGE_MODULES:
        try:
            importlib.import_module(module)
        except ModuleNotFoundError as exc:
            if exc.name != module:
                raise


def get_stage(name: str) -> StageFn:
    load_builtin_stages()
    try:
        return _REGISTRY[name]
    except KeyError:
        known = ", ".join(sorted(_REGISTRY)) or "none"
        raise HadathError(f"unknown pipeline stage {name!r} (known: {known})") from None


class Pipeline:
    """An ordered list of stages applied to each document."""

    def __init__(self, names: Iterable[str] = DEFAULT_STAGES) -> None:
        self.names = tuple(names)
        self.stages = [get_stage(name) for name in self.names]

    def __call__(self, doc: Document) -> Document:
        for fn in self.stages:
            fn(doc)
        return doc
