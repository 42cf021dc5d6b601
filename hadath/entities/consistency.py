"""One article, one reading of a name: tagger spans repeated where the CRF missed them.

The CRF tags each sentence alone, so a name it recognizes in one sentence of an
article (``أعلن نادي الهلال``) can stay untagged in another (``وفاز الهلال``).
:func:`propagate` takes an article's tags and tags again every untagged occurrence
of a name tagged elsewhere in it (same words up to proclitics), with the type the
article gives it most often; the last word of a two- to four-word person name
(a surname) counts as a name of its own, unless it is an ordinal (``عبد الله
الثاني``: alone, "the second").
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from itertools import compress

from hadath.entities.features import word_key
from hadath.entities.rules import entity_rules

MAX_WORDS = 4


def bio_spans(tags: Sequence[str]) -> list[tuple[int, int, str]]:
    """``(start, end, type)`` token spans, end exclusive, of a repaired BIO sequence."""
    spans: list[tuple[int, int, str]] = []
    if tags.count("O") == len(tags):  # most sentences: no name
        return spans
    # Speed: only the few tags that are not O are gone through in Python (compress
    # picks their indices in C)
    for index in compress(range(len(tags)), map("O".__ne__, tags)):
        tag = tags[index]
        if tag.startswith("B-"):
            spans.append((index, index + 1, tag[2:]))
        elif tag.startswith("I-") and spans and spans[-1][1] == index:
            start, _, kind = spans[-1]
            spans[-1] = (start, index + 1, kind)
    return spans


def names_of(keys: Sequence[Sequence[str]], tags: Sequence[Sequence[str]]) -> dict:
    """``key tuple -> type`` of the names tagged in an article (majority type), given
    each sentence's word keys (:func:`keys_of`)."""
    ordinals = entity_rules().ordinals
    votes: dict[tuple[str, ...], Counter[str]] = {}
    surnames: dict[tuple[str, ...], Counter[str]] = {}
    for sentence_keys, sentence_tags in zip(keys, tags, strict=True):
        for start, end, kind in bio_spans(sentence_tags):
            name = tuple(sentence_keys[start:end])
            if end - start <= MAX_WORDS and all(len(k) > 1 for k in name):
                votes.setdefault(name, Counter())[kind] += 1
            last = sentence_keys[end - 1]
            if kind == "PER" and 2 <= end - start <= MAX_WORDS and len(last) > 2 \
                    and last not in ordinals:  # fmt: skip
                surnames.setdefault((last,), Counter())[kind] += 1
    for name, counter in surnames.items():
        votes.setdefault(name, counter)
    return {name: max(sorted(c), key=c.__getitem__) for name, c in votes.items()}


def keys_of(article: Sequence[Sequence[str]]) -> list[list[str]]:
    """Each word's key: its normalized stem without proclitics (``وفاز`` → ``فاز``)."""
    return [[word_key(word)[1] for word in words] for words in article]


def propagate(article: Sequence[Sequence[str]], tags: Sequence[Sequence[str]],
              keys: Sequence[Sequence[str]] | None = None) -> list[list[str]]:  # fmt: skip
    """``tags`` with every untagged repetition of a tagged name tagged too (longest first);
    ``keys``: :func:`keys_of` the article, when the caller has them."""
    out = [list(sentence_tags) for sentence_tags in tags]
    if all(sentence_tags.count("O") == len(sentence_tags) for sentence_tags in tags):
        return out
    if keys is None:
        keys = keys_of(article)
    names = names_of(keys, tags)
    firsts: dict[str, list[int]] = {}  # first key -> name lengths, longest first
    for name in sorted(names, key=len, reverse=True):
        firsts.setdefault(name[0], []).append(len(name))
    for sentence_keys, sentence_tags in zip(keys, out, strict=True):
        free_from = 0  # a name tagged here covers the words before this index
        # Speed: only words that start a name are gone through in Python (compress
        # picks their indices in C)
        starts = map(firsts.__contains__, sentence_keys)
        for index in compress(range(len(sentence_keys)), starts):
            if index < free_from:
                continue
            for n in firsts[sentence_keys[index]]:
                name = tuple(sentence_keys[index : index + n])
                if len(name) == n and name in names and _free(sentence_tags, index, index + n):
                    kind = names[name]
                    sentence_tags[index : index + n] = ["B-" + kind] + ["I-" + kind] * (n - 1)
                    free_from = index + n
                    break
    return out


def _free(tags: Sequence[str], start: int, end: int) -> bool:
    """Whether ``tags[start:end]`` are all O and the span does not continue a name."""
    if any(tag != "O" for tag in tags[start:end]):
        return False
    return end >= len(tags) or not tags[end].startswith("I-")
