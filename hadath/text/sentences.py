"""Sentence splitting of Arabic news text.

:func:`split_sentences` returns ``(start, end)`` spans (end exclusive) into the
text, stripped of surrounding whitespace. The rules, in order:

1. **Lines.** A newline (``\\n``, ``\\r``, U+2028/2029) always ends a sentence:
   scraped news keeps one paragraph per line, and titles/captions have no stop.
2. **Terminators** are runs of ``. ! ? ؟ …``; closing quotes and brackets right
   after a run (``.»`` ``."`` ``.)``) stay with the sentence that ends there.
3. **Quotes.** A terminator inside a ``«…»``, ``“…”``, ``"…"`` or ``(…)`` pair that
   closes on the same line does not end the sentence, so a quotation of several
   sentences stays with the sentence that introduces it. Pairs longer than
   :data:`QUOTE_CAP` characters are not protected (a page-long quote is split).
4. **Glued text.** A terminator directly followed by a non-space character ends a
   sentence only before an Arabic letter or an opening quote (``القاهرة.وقال``),
   and for a full stop only after a word of 2+ letters, so ``3.5``, ``أ.ف.ب``,
   ``spa.gov.sa`` and ``U.S`` do not split.
5. **Abbreviations.** A single full stop does not end a sentence after an entry
   of ``hadath/data/abbreviations.txt``, after a single letter (``د.`` ``م.``
   ``J.``) or dotted initials (``أ.ف.ب`` ``U.S.``), nor before a lowercase Latin
   word. A single letter right after a number is a calendar/unit suffix and does
   end it (``عام 2015م.`` ``1436 هـ.``).
6. **Ellipses.** ``..``, ``...`` and ``…`` are pauses in Arabic news rather than
   stops: they end a sentence only when what follows is not a lowercase-like
   continuation (an Arabic letter, a lowercase Latin letter or a digit, possibly
   after an opening quote), or once the sentence is already :data:`ELLIPSIS_CAP`
   characters long.
7. ``!``, ``?``, ``؟`` (alone or mixed with dots) followed by a space end a sentence.
"""

from __future__ import annotations

import functools
import re

from hadath.text.normalize import normalize
from hadath.text.wordlists import load_word_list

ABBREVIATIONS_FILE = "abbreviations.txt"
QUOTE_CAP = 600
ELLIPSIS_CAP = 300

_LINE = re.compile("[^\n\r\u2028\u2029]+")
_TERMINATOR = re.compile("[.!?؟…]+")
_QUOTE_MARK = re.compile('[«»“”"()]')
_CLOSERS = "»”\"')]"
_OPENERS = "«“\"'(["
_PAIRS = {"»": "«", "”": "“", ")": "("}
_LETTER = "[^\\W\\d_][\u0610-\u061a\u064b-\u065f\u0670\u0640]*"
_WORD_BEFORE = re.compile(f"(?:{_LETTER})+(?:\\.(?:{_LETTER})+)*$")
_LIST_NUMBER = re.compile(r"\s*[-•*]?\s*\d{1,3}")  # "3. " opening a numbered item
_MARKS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u0640]")
_ARABIC_LETTER = re.compile("[\u0621-\u064a\u0671-\u06d3\ufb50-\ufdff\ufe70-\ufefc]")


@functools.cache
def abbreviations() -> frozenset[str]:
    """Matching keys of ``hadath/data/abbreviations.txt`` (loaded once)."""
    return frozenset(_abbr_key(entry.rstrip(".")) for entry in load_word_list(ABBREVIATIONS_FILE))


def _abbr_key(word: str) -> str:
    return normalize(word).lower()


def abbreviated(word: str) -> bool:
    """A full stop after ``word`` (as written) closes an abbreviation: a single letter
    (``د.``، ``م.``) or an entry of the abbreviations file."""
    bare = _MARKS.sub("", word)
    return len(bare) == 1 or _abbr_key(word) in abbreviations()


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans of ``text`` (end exclusive), whitespace-stripped, in order."""
    spans: list[tuple[int, int]] = []
    for line in _LINE.finditer(text):
        _split_line(text, line.start(), line.end(), spans)
    return spans


def _split_line(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    protected = _protected(text, start, end)
    last = start
    for run in _TERMINATOR.finditer(text, start, end):
        i = run.start()
        if any(open_ < i < close for open_, close in protected):
            continue
        stop = run.end()
        while stop < end and text[stop] in _CLOSERS:
            stop += 1
        if _ends_sentence(text, run.group(), i, stop, end, last):
            _add(text, last, stop, spans)
            last = stop
    _add(text, last, end, spans)


def _add(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        spans.append((start, end))


def _protected(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(open, close) positions of quote/bracket pairs closed on this line, at most QUOTE_CAP."""
    pairs: list[tuple[int, int]] = []
    stack: list[tuple[str, int]] = []
    for mark in _QUOTE_MARK.finditer(text, start, end):
        char, pos = mark.group(), mark.start()
        if char == '"':
            _straight_quote(text, pos, start, stack, pairs)
        elif char in _PAIRS:
            opener = _PAIRS[char]
            depth = next((k for k in range(len(stack) - 1, -1, -1) if stack[k][0] == opener), None)
            if depth is not None:
                pairs.append((stack[depth][1], pos))
                del stack[depth:]
        else:
            stack.append((char, pos))
    return [(o, c) for o, c in pairs if c - o <= QUOTE_CAP]


def _straight_quote(
    text: str, pos: int, start: int, stack: list[tuple[str, int]], pairs: list[tuple[int, int]]
) -> None:
    """Pair a ``"``: one after a space or colon opens (dropping an unclosed one), else closes."""
    prev = text[pos - 1] if pos > start else " "
    opens = prev.isspace() or prev in "(«“:["
    if stack and stack[-1][0] == '"':
        if not opens:
            pairs.append((stack.pop()[1], pos))
            return
        stack.pop()
    if opens:
        stack.append(('"', pos))


def _ends_sentence(text: str, run: str, i: int, stop: int, end: int, last: int) -> bool:
    """Whether the terminator ``run`` at ``i`` (closers included up to ``stop``) ends one."""
    if set(run) <= {".", "…"} and (len(run) > 1 or run == "…"):
        return i - last >= ELLIPSIS_CAP or not _continues(text, stop, end)
    nxt = text[stop] if stop < end else ""
    if nxt and not nxt.isspace():
        glued_ok = bool(_ARABIC_LETTER.match(nxt)) or nxt in _OPENERS
        if run == ".":  # القاهرة.وقال splits; أ.ف.ب and 3.5 do not
            tail = _MARKS.sub("", _word_before(text, i, last).rsplit(".", 1)[-1])
            return glued_ok and len(tail) >= 2
        return glued_ok
    if run == ".":
        return not (
            _is_abbreviation(text, i, last)
            or _next_is_lower(text, stop, end)
            or _LIST_NUMBER.fullmatch(text, last, i)
        )
    return True


def _word_before(text: str, i: int, last: int) -> str:
    match = _WORD_BEFORE.search(text, max(last, i - 40), i)
    return match.group() if match else ""


def _is_abbreviation(text: str, i: int, last: int) -> bool:
    """The full stop at ``i`` closes an abbreviation, a single letter or initials."""
    word = _word_before(text, i, last)
    if not word:
        return False
    if _abbr_key(word) in abbreviations():
        return True
    parts = [_MARKS.sub("", part) for part in word.split(".")]
    if any(len(part) != 1 for part in parts):
        return False
    if len(parts) == 1:  # 2015م. / 1436 هـ. : an era or unit after a number
        before = text[max(last, i - len(word) - 2) : i - len(word)].rstrip()
        return not (before and before[-1].isdigit())
    return True


def _next_visible(text: str, stop: int, end: int) -> str:
    """First character after ``stop`` on the line, skipping spaces and opening quotes."""
    pos = stop
    while pos < end and (text[pos].isspace() or text[pos] in _OPENERS):
        pos += 1
    return text[pos] if pos < end else ""


def _next_is_lower(text: str, stop: int, end: int) -> bool:
    char = _next_visible(text, stop, end)
    return char.isascii() and char.islower()


def _continues(text: str, stop: int, end: int) -> bool:
    """What follows an ellipsis reads as the same sentence going on."""
    char = _next_visible(text, stop, end)
    return bool(char) and (
        bool(_ARABIC_LETTER.match(char)) or char.isdigit() or (char.isascii() and char.islower())
    )
