"""Word tokenization of Arabic news text, with offsets into the original string.

Token classes, tried in this order at each position:

* URLs (``https://…``, ``www.…``) as one token;
* initials: Latin ``U.S.``/``e.g.`` (with their final dot) and Arabic
  ``أ.ف.ب``/``ص.ب`` (single letters joined by dots) as one token;
* numbers: ASCII, Arabic-Indic (٠-٩) and Persian (۰-۹) digits, with inner
  ``. , ٫ ٬ : /`` between digits kept (``14,00``، ``3.5``، ``6:00``، ``2015/07/21``);
  digits glued to letters split off (``2015م`` → ``2015`` ``م``);
* Arabic words: a letter followed by letters, diacritics, tatweel and zero-width
  joiners (presentation forms included);
* Latin (and Greek/Cyrillic) words, digits allowed after the first letter (``F16``);
* punctuation and symbols, ``is_punct=True``: a run of one repeated character is
  one token (``...``، ``!!``، ``★★``), as is a run of tatweel or underscores used as
  a rule (``ـــ``); other marks are one character each (``، ؛ ؟ « » “ ” • …``).
  Invisible formatting characters (RLM, ZWSP, BOM, bidi controls) are skipped.

Arabic words get their proclitics split off by :mod:`hadath.text.clitics`; a
tatweel-joined preposition before a quote (``بـ«الجيش الحر»``، ``لـ"داعش"``) is a
token of its own whose ``prefixes`` are ``("ب",)`` and whose ``stem`` is empty.
"""

from __future__ import annotations

import re

from hadath.model import Token
from hadath.text.clitics import analyze_word
from hadath.text.normalize import normalize

_AR_LETTER = "\u0621-\u063a\u0641-\u064a\u066e\u066f\u0671-\u06d3\u06d5\u06ee\u06ef\u06fa-\u06ff"
_AR_LETTER += "\ufb50-\ufdff\ufe70-\ufefc"
_AR_MARK = "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640\u200c\u200d"
_LATIN = "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u0370-\u03ff\u0400-\u04ff\u1e00-\u1eff"
_INVISIBLE = "\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff"

_TOKEN = re.compile(
    rf"""
    (?:https?://|www\.)[^\s«»"“”()<>،]*[^\s«»"“”()<>،.,;:!?؟']      # URL
  | [A-Za-z](?:\.[A-Za-z](?![{_LATIN}]))+\.?                        # U.S.
  | [{_AR_LETTER}](?:\.[{_AR_LETTER}](?![{_AR_LETTER}]))+              # أ.ف.ب
  | \d+(?:[.,٫٬:/]\d+)*                                               # 14,00
  | [{_AR_LETTER}][{_AR_LETTER}{_AR_MARK}]*                            # Arabic word
  | [{_LATIN}][{_LATIN}0-9]*(?:['’][{_LATIN}]+)?                      # Latin word
  | [\u0640_]+                                                        # tatweel rule
  | [^\W\d_]+                                                         # other letters
  | (?P<rep>[^\w\s{_INVISIBLE}])(?P=rep)*                              # ... !! ★★
  | [^\s{_INVISIBLE}]
    """,
    re.VERBOSE,
)
_ARABIC_START = re.compile(f"[{_AR_LETTER}]")
_CACHE_SIZE = 1 << 18
_cache: dict[str, tuple[str, str, int, tuple[str, ...], bool]] = {}

Info = tuple[str, str, int, tuple[str, ...], bool]


def word_info(word: str) -> Info:
    """(norm, stem, stem offset, prefixes, is_punct) of one token's text (cached)."""
    info = _cache.get(word)
    if info is None:
        if len(_cache) >= _CACHE_SIZE:
            _cache.clear()
        info = _cache[word] = _analyze(word)
    return info


def _analyze(word: str) -> Info:
    if _ARABIC_START.match(word):
        norm, prefixes, stem, rel = analyze_word(word)
        return norm, stem, rel, prefixes, False
    norm = normalize(word) or word
    punct = not word[0].isalnum() or word[0] == "\u0640"
    return norm, norm, 0, (), punct


def tokenize(text: str, offset: int = 0) -> list[Token]:
    """Tokens of ``text``; their ``start``/``end``/``stem_start`` are shifted by ``offset``.

    ``text[t.start - offset : t.end - offset] == t.text`` holds for every token.
    ``lemma`` is left empty (the ``tokenize`` stage fills it).
    """
    tokens: list[Token] = []
    append = tokens.append
    get = _cache.get
    for match in _TOKEN.finditer(text):
        word = match.group()
        info = get(word) or word_info(word)
        start = match.start() + offset
        norm, stem, rel, prefixes, punct = info
        append(Token(start, start + len(word), word, norm, stem, start + rel, prefixes, "", punct))
    return tokens
