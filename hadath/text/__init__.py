"""The Arabic text layer: normalization, tokens with clitics, sentences, lemmas.

The public functions are re-exported lazily, so importing ``hadath.text.normalize``
does not pull in simplemma. ``normalize`` and ``tokenize`` are not among them:
their modules have the same names, so ``hadath.text.tokenize`` is the module; import
those functions from their modules (``from hadath.text.tokenize import tokenize``).
"""

from __future__ import annotations

import importlib
from typing import Any

_EXPORTS = {
    "normalize_with_offsets": "hadath.text.normalize",
    "back_to_original": "hadath.text.normalize",
    "arabic_ratio": "hadath.text.normalize",
    "split_sentences": "hadath.text.sentences",
    "lemmatize": "hadath.text.lemma",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    if name not in _EXPORTS:
        raise AttributeError(f"module 'hadath.text' has no attribute {name!r}")
    return getattr(importlib.import_module(_EXPORTS[name]), name)
