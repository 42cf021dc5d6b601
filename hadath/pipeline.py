"""The pipeline: named stages, each adding to a :class:`~hadath.model.Document`.

Stages register themselves with :func:`stage`; a :class:`Pipeline` runs a list of
them in order. A stage is a plain function ``(Document) -> None`` that mutates the
document (segmenting it into articles, tokenizing them, tagging entities, ...).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable
from typing import Any

from hadath.errors import HadathError
from hadath.model import Document

StageFn = Callable[[Document], None]
# A corpus stage runs after a batch is stored, over the store and the batch's new
# article ids (deduplication, story clustering, event fusion): it needs the corpus.
CorpusStageFn = Callable[[Any, list[str]], Any]

_REGISTRY: dict[str, StageFn] = {}
_CORPUS_REGISTRY: dict[str, CorpusStageFn] = {}

# Modules whose import registers the built-in stages.
_STAGE_MODULES = (
    "hadath.clean.segment",
    "hadath.text.stage",
    "hadath.dates.published",
    "hadath.dedup.near",
    "hadath.entities.stage",
    "hadath.entities.corpus",
    "hadath.events.stage",
    "hadath.dedup.stories",
    "hadath.dedup.fusion",
    "hadath.dedup.framing",
)

DEFAULT_STAGES = ("segment", "tokenize", "published", "entities", "events")
DEFAULT_CORPUS_STAGES = ("dedup", "entities", "events", "stories", "fusion", "framing")


def stage(name: str) -> Callable[[StageFn], StageFn]:
    """Register ``fn`` as the pipeline stage called ``name``."""

    def register(fn: StageFn) -> StageFn:
        if name in _REGISTRY and _REGISTRY[name] is not fn:
            raise HadathError(f"pipeline stage {name!r} is registered twice")
        _REGISTRY[name] = fn
        return fn

    return register


def corpus_stage(name: str) -> Callable[[CorpusStageFn], CorpusStageFn]:
    """Register ``fn`` as the corpus stage called ``name``."""

    def register(fn: CorpusStageFn) -> CorpusStageFn:
        if name in _CORPUS_REGISTRY and _CORPUS_REGISTRY[name] is not fn:
            raise HadathError(f"corpus stage {name!r} is registered twice")
        _CORPUS_REGISTRY[name] = fn
        return fn

    return register


def get_corpus_stage(name: str) -> CorpusStageFn:
    load_builtin_stages()
    try:
        return _CORPUS_REGISTRY[name]
    except KeyError:
        known = ", ".join(sorted(_CORPUS_REGISTRY)) or "none"
        raise HadathError(f"unknown corpus stage {name!r} (known: {known})") from None


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
    """Stages applied to each document, then corpus stages applied to each stored batch."""

    def __init__(
        self,
        names: Iterable[str] = DEFAULT_STAGES,
        corpus: Iterable[str] = DEFAULT_CORPUS_STAGES,
    ) -> None:
        self.names = tuple(names)
        self.stages = [get_stage(name) for name in self.names]
        self.corpus_names = tuple(corpus)
        self.corpus_stages = [get_corpus_stage(name) for name in self.corpus_names]

    def __call__(self, doc: Document) -> Document:
        for fn in self.stages:
            fn(doc)
        return doc

    def after_batch(self, store: Any, new_article_ids: list[str]) -> None:
        store.touched = {}
        for fn in self.corpus_stages:
            fn(store, new_article_ids)
