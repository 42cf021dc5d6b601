"""Arabic normalization for matching.

Normalization never touches stored text: it produces a *matching key*. Offsets
always refer to the original text; use :func:`normalize_with_offsets` when a
normalized string must be mapped back.
"""

from __future__ import annotations

import re

# Harakat, tanwin, shadda, sukun, dagger alef, Quranic marks.
DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed]")
TATWEEL = "\u0640"
_CHAR_MAP = str.maketrans(
    {
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ى": "ي",
        "ة": "ه",
        "ؤ": "و",
        "ئ": "ي",
        "ک": "ك",
        "ی": "ي",  # Farsi yeh
        **{chr(0x0660 + i): str(i) for i in range(10)},  # Arabic-Indic digits
        **{chr(0x06F0 + i): str(i) for i in range(10)},  # Extended (Persian) digits
        "\u200c": None,  # zero-width non-joiner
        "\u200d": None,  # zero-width joiner
        "\u200f": None,  # right-to-left mark
        "\u200e": None,  # left-to-right mark
    }
)


_REPLACEMENTS = tuple(
    (source, target or "") for source, target in (
        (chr(code), value) for code, value in _CHAR_MAP.items()
    )
)  # fmt: skip
_NEEDS_MAP = re.compile("[" + "".join(re.escape(src) for src, _ in _REPLACEMENTS) + "]")


def normalize(text: str) -> str:
    """Matching key of ``text``: no diacritics or tatweel, unified alef/hamza/ya/ta marbuta.

    Implemented as a chain of ``str.replace`` calls, each a fast C loop: on long
    Arabic texts ``str.translate`` with a mapping is several times slower.
    """
    text = DIACRITICS.sub("", text).replace(TATWEEL, "")
    if not _NEEDS_MAP.search(text):
        return text
    for source, target in _REPLACEMENTS:
        if source in text:
            text = text.replace(source, target)
    return text


_DROPPED = re.compile(DIACRITICS.pattern[:-1] + TATWEEL + "\u200c\u200d\u200e\u200f]")


def normalize_with_offsets(text: str) -> tuple[str, list[int]]:
    """Normalize ``text`` and return, for each output character, its index in ``text``.

    ``offsets`` has one extra trailing entry (``len(text)``); map a normalized span
    back with :func:`back_to_original`.
    """
    dropped = [m.start() for m in _DROPPED.finditer(text)]
    if not dropped:  # the common case: every character maps to exactly one
        return normalize(text), list(range(len(text) + 1))
    keep = sorted(set(range(len(text))) - set(dropped))
    kept_text = "".join(text[i] for i in keep)
    return normalize(kept_text), [*keep, len(text)]


def back_to_original(offsets: list[int], start: int, end: int) -> tuple[int, int]:
    """Map a ``[start, end)`` span of the normalized text back to the original."""
    if end <= start:
        return offsets[start], offsets[start]
    return offsets[start], offsets[end - 1] + 1


ARABIC_LETTER = re.compile("[\u0621-\u064a\u0671-\u06d3]")


LETTER = re.compile(r"[^\W\d_]")
RATIO_SAMPLE = 5_000  # characters looked at: enough to tell a language


def arabic_ratio(text: str) -> float:
    """Share of letters in ``text`` that are Arabic (0.0 when there are no letters)."""
    sample = text[:RATIO_SAMPLE]
    letters = len(LETTER.findall(sample))
    if not letters:
        return 0.0
    return len(ARABIC_LETTER.findall(sample)) / letters
