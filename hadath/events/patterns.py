"""What the trigger lexicon and the cue lists share: reading their YAML files,
validating word lists, and matching words and short phrases against tokens.

Words in the data files are written as Arabic is written and normalized on load
(:func:`~hadath.text.normalize.normalize`). A single proclitic letter written with
a tatweel (``بـ``، ``لـ``) stands for "a token carrying that proclitic".

A word matches a token when it equals the token's ``stem``, ``lemma`` or ``norm``,
or, for a word written with the article, the token's stem behind an ``ال``
proclitic (``النار`` matches ``والنار``). A phrase is words on consecutive tokens.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from hadath.errors import DataFileError
from hadath.model import Token
from hadath.text.normalize import normalize

PROCLITICS = frozenset("وفبلكس")
MAX_PHRASE = 4
_ARABIC_WORD = re.compile("^[\u0621-\u064a]+$")

Phrase = tuple[str, ...]


def word_list(path: str, value: Any, where: str, key: str) -> list[str]:
    """``value`` as a list of non-empty strings (a lone string counts as one)."""
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise DataFileError(path, f"{where}: {key!r} must be a list of non-empty strings")
    return value


def words(path: str, value: Any, where: str, key: str, phrases: bool = False) -> tuple[str, ...]:
    """Normalized single Arabic words (or, with ``phrases``, space-joined phrases)."""
    out = []
    for item in word_list(path, value, where, key):
        phrase = parse_phrase(path, item, where, key)
        if len(phrase) > 1 and not phrases:
            raise DataFileError(path, f"{where}: {key!r} item {item!r} must be one word")
        out.append(" ".join(phrase))
    return tuple(dict.fromkeys(out))


def parse_phrase(path: str, item: str, where: str, key: str) -> Phrase:
    """A phrase of 1..MAX_PHRASE normalized Arabic words; ``بـ`` is a proclitic."""
    parts = tuple(normalize(part) for part in item.split())
    if not 1 <= len(parts) <= MAX_PHRASE:
        raise DataFileError(path, f"{where}: {key!r} item {item!r} must have 1-{MAX_PHRASE} words")
    for part in parts:
        if not _ARABIC_WORD.match(part):
            raise DataFileError(path, f"{where}: {key!r} item {item!r} is not Arabic words")
        if len(part) == 1 and (part not in PROCLITICS or len(parts) > 1):
            problem = f"{key!r} item {item!r}: a one-letter item must be a proclitic (بـ لـ سـ)"
            raise DataFileError(path, f"{where}: {problem}")
    return parts


def proclitics(path: str, value: Any, where: str, key: str) -> tuple[str, ...]:
    """Normalized one-letter proclitics (``بـ``، ``لـ``), or the article ``ال``."""
    out = []
    for item in word_list(path, value, where, key):
        letters = normalize(item)
        if letters not in PROCLITICS and letters != "ال":
            raise DataFileError(path, f"{where}: {key!r} item {item!r} is not a proclitic")
        out.append(letters)
    return tuple(out)


def phrases(path: str, value: Any, where: str, key: str) -> tuple[Phrase, ...]:
    """Normalized phrases (tuples of words) of a list such as ``requires``."""
    items = word_list(path, value, where, key)
    return tuple(dict.fromkeys(parse_phrase(path, item, where, key) for item in items))


def word_matches(word: str, token: Token) -> bool:
    """Whether one normalized lexicon word matches ``token`` (see the module docstring)."""
    if len(word) == 1:
        return word in token.prefixes or _unsplit_clitic(word, token)
    if word == token.stem or word == token.lemma or word == token.norm:
        return True
    return "ال" in token.prefixes and word == "ال" + token.stem


def _unsplit_clitic(letter: str, token: Token) -> bool:
    """A proclitic the splitter left on the word but the lemmatizer took off.

    بوقف stays whole (و-initial stems after ب are not split) yet lemmatizes to وقف:
    the ب is a clitic when the word starts with it and its lemma does not.
    """
    return (
        not token.prefixes
        and token.norm[:1] == letter
        and len(token.norm) > 3
        and bool(token.lemma)
        and token.lemma[:1] != letter
    )


def phrase_at(phrase: Phrase, tokens: Sequence[Token], j: int) -> int:
    """End index (exclusive) of ``phrase`` matched from token ``j``, or -1."""
    if j + len(phrase) > len(tokens):
        return -1
    for offset, word in enumerate(phrase):
        if not word_matches(word, tokens[j + offset]):
            return -1
    return j + len(phrase)


def find_after(
    tokens: Sequence[Token],
    i: int,
    wanted: Sequence[Phrase],
    window: int,
    stops: frozenset[str],
) -> int:
    """End index of the first of ``wanted`` starting within ``window`` words after token ``i``.

    Punctuation does not count as a word; a stop mark (``.``، ``؛``...) ends the
    search. Returns -1 when no phrase is found.
    """
    seen = 0
    for j in range(i + 1, len(tokens)):
        token = tokens[j]
        if token.is_punct:
            if token.text in stops:
                return -1
            continue
        for phrase in wanted:
            end = phrase_at(phrase, tokens, j)
            if end >= 0:
                return end
        seen += 1
        if seen >= window:
            return -1
    return -1


def previous_word(tokens: Sequence[Token], i: int) -> Token | None:
    """The nearest non-punctuation token before ``i``, if any."""
    for j in range(i - 1, -1, -1):
        if not tokens[j].is_punct:
            return tokens[j]
    return None


def check_keys(path: str, entry: dict, allowed: frozenset[str], where: str) -> None:
    """Reject keys outside ``allowed`` (typos such as ``lemma:`` for ``lemmas:``)."""
    unknown = sorted(set(entry) - allowed)
    if unknown:
        raise DataFileError(path, f"{where}: unknown key {unknown[0]!r}")


def window_value(path: str, value: Any, where: str, default: int) -> int:
    """A look-ahead window: an integer from 1 to 12."""
    if value is None:
        return default
    if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= 12:
        raise DataFileError(path, f"{where}: 'window' must be an integer from 1 to 12")
    return value
