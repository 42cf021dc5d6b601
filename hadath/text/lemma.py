"""Lemmatization of Arabic words with simplemma (offline), after clitic splitting.

The word's proclitics are split off first (:mod:`hadath.text.clitics`), so that
``الأتراك`` and ``والأتراك`` both lemmatize through ``أتراك`` to ``تركي``. The stem is
looked up in simplemma's Arabic lexicon (as spelled, then with أ/إ/آ unified, then
without a pronoun suffix); an unknown stem goes through ``simplemma.lemmatize``'s
own fallbacks. The result is a matching key: :func:`~hadath.text.normalize.normalize`d.
Non-Arabic words are lowercased; numbers come back with ASCII digits.
"""

from __future__ import annotations

import functools
import re

import simplemma

from hadath.text.clitics import bare_with_index, split_bare, stem_lemma
from hadath.text.normalize import normalize

CACHE_SIZE = 1 << 18
_ARABIC = re.compile("[\u0621-\u064a\u0671-\u06d3]")


@functools.lru_cache(maxsize=CACHE_SIZE)
def lemmatize(word: str) -> str:
    """Normalized lemma of one word (وشدد → شدد، والأتراك → تركي، للشركاء → شريك)."""
    bare = bare_with_index(word)[0]
    if not _ARABIC.search(bare):
        return normalize(bare).lower()
    stem = bare[split_bare(bare)[1] :]
    if len(stem) < 2:  # a lone letter or a clitic token such as بـ
        return normalize(stem)
    lemma = stem_lemma(stem) or simplemma.lemmatize(stem, lang="ar")
    return normalize(lemma)
