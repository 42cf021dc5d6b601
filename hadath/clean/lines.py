"""Classifying the lines of a scraped page: furniture, markers, captions, datelines, titles.

The knowledge (which lines are furniture, which credits close a caption) lives in
``data/page_furniture.yaml``; this module only applies it. Every rule is about the
*shape* of a line, never about one site's wording.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from enum import Enum

from hadath.errors import DataFileError
from hadath.outlets import name_key, outlet_by_name
from hadath.resources import data_path, load_yaml, string_list
from hadath.text.normalize import normalize

_FILE = "page_furniture.yaml"

# A title is a short line; a paragraph is longer or closes like a sentence.
TITLE_MAX_WORDS = 25
TITLE_MAX_CHARS = 220
# A full stop closes a sentence; an ellipsis ("..", "...") does not.
SENTENCE_END = re.compile(r"(?:(?<!\.)\.|[:؛;])\s*[»\"”)]*\s*$")
ARABIC_WORD = re.compile(r"^[\u0621-\u064a\u0671-\u06d3\u0640]+$")
ARABIC_WORDS = re.compile(
    r"^[\u0621-\u064a\u0671-\u06d3\u0640]+(?: [\u0621-\u064a\u0671-\u06d3\u0640]+)*$"
)
# "(أ.ف.ب)" at the end of a line: a short parenthesised credit.
TRAILING_CREDIT = re.compile(r"\(([^()]{1,30})\)\s*$")
# "باريس-سانا", "دمشق - سانا", "القاهرة (أ ش أ)": place, then agency, nothing else.
DATELINE = re.compile(
    r"^(?P<place>[\u0600-\u06ff]+(?: [\u0600-\u06ff]+){0,2})\s*"
    r"(?:[-–—]\s*(?P<agency1>[^\s()][^()]{0,24})|\((?P<agency2>[^()]{1,24})\))\s*[:\-–—]?$"
)
# "لندن: رنيم حنوش" — a place, a colon, a two-to-four word name.
PLACE_AND_AUTHOR = re.compile(
    r"^(?P<place>[\u0600-\u06ff]+(?: [\u0600-\u06ff]+)?)\s*:\s*"
    r"(?P<name>[\u0600-\u06ff]+(?: [\u0600-\u06ff]+){1,3})$"
)


# The lead of a first paragraph up to a colon: "دمشق - سانا:", "سبق – الرياض:".
INLINE_LEAD = re.compile(r"^(?P<lead>[^:\n«»\"]{2,60}?)\s*:\s*")
# "فرانكفورت (د ب أ) -": a place and a bracketed agency, no colon needed.
INLINE_BRACKETED = re.compile(
    r"^(?P<place>[\u0600-\u06ff]+(?: [\u0600-\u06ff]+)?)\s*"
    r"\((?P<agency>[^()]{1,20})\)\s*[:\-–—]?\s*"
)
DASHES = re.compile(r"\s*[-–—]\s*")


@dataclass(frozen=True, slots=True)
class InlineDateline:
    place: str | None
    agency: str
    author: str | None
    end: int  # where the paragraph's own text starts


class Kind(Enum):
    BLANK = "blank"
    FURNITURE = "furniture"
    RELATED = "related"  # opens a block of related-story links
    MARKER = "marker"
    CAPTION = "caption"
    DATELINE = "dateline"
    TITLE = "title"  # short, title-shaped line
    PARAGRAPH = "paragraph"


@dataclass(frozen=True, slots=True)
class Furniture:
    drop_lines: frozenset[str]
    related_headers: frozenset[str]
    markers: tuple[re.Pattern[str], ...]
    photo_credits: frozenset[str]
    byline_prefixes: frozenset[str]


def _line_key(text: str) -> str:
    """Key for comparing whole lines: normalized, punctuation and spacing folded."""
    return re.sub(r"[\s\W_]+", " ", normalize(text)).strip()


@functools.cache
def furniture() -> Furniture:
    """The page-furniture knowledge, loaded and validated once."""
    raw = load_yaml(_FILE)
    path = str(data_path(_FILE))
    if not isinstance(raw, dict):
        raise DataFileError(path, "expected a mapping at the top level")
    keys = ("drop_lines", "related_headers", "marker_patterns", "photo_credits", "byline_prefixes")
    lists = {key: string_list(path, raw.get(key), key) for key in keys}
    try:
        markers = tuple(re.compile(p) for p in lists["marker_patterns"])
    except re.error as exc:
        raise DataFileError(path, f"marker_patterns: bad regular expression: {exc}") from None
    return Furniture(
        drop_lines=frozenset(_line_key(x) for x in lists["drop_lines"]),
        related_headers=frozenset(_line_key(x) for x in lists["related_headers"]),
        markers=markers,
        photo_credits=frozenset(name_key(x) for x in lists["photo_credits"]),
        byline_prefixes=frozenset(normalize(x) for x in lists["byline_prefixes"]),
    )


def line_key(text: str) -> str:
    return _line_key(text)


def is_title_shaped(line: str) -> bool:
    """Short, and not closed like a sentence: a headline, subtitle or link title."""
    words = line.split()
    return (
        0 < len(words) <= TITLE_MAX_WORDS
        and len(line) <= TITLE_MAX_CHARS
        and not SENTENCE_END.search(line)
    )


def is_caption(line: str) -> bool:
    """A photo caption: a line closed by a parenthesised photo credit."""
    match = TRAILING_CREDIT.search(line)
    if not match or len(line.split()) > 60:
        return False
    return name_key(match.group(1)) in furniture().photo_credits


def parse_dateline(line: str) -> tuple[str, str | None] | None:
    """``(place, agency)`` when ``line`` is a dateline such as ``باريس-سانا``."""
    match = DATELINE.match(line.strip())
    if not match:
        return None
    agency = (match.group("agency1") or match.group("agency2") or "").strip()
    if len(agency.split()) > 3:
        return None
    if outlet_by_name(agency) is None and not re.fullmatch(r"[\u0600-\u06ff .]+", agency):
        return None
    return match.group("place"), agency or None


def parse_place_and_author(line: str) -> tuple[str, str] | None:
    """``(place, author)`` for a header line such as ``لندن: رنيم حنوش``."""
    match = PLACE_AND_AUTHOR.match(line.strip())
    return (match.group("place"), match.group("name")) if match else None


def classify(line: str, key: str | None = None) -> Kind:
    """The kind of one stripped page line (``key``: its :func:`line_key`, if known)."""
    if not line:
        return Kind.BLANK
    known = furniture()
    key = _line_key(line) if key is None else key
    if key in known.drop_lines:
        return Kind.FURNITURE
    if key in known.related_headers:
        return Kind.RELATED
    if any(p.match(line) for p in known.markers):
        return Kind.MARKER
    if is_caption(line):
        return Kind.CAPTION
    if parse_dateline(line):
        return Kind.DATELINE
    if is_title_shaped(line):
        return Kind.TITLE
    return Kind.PARAGRAPH


def looks_like_byline(line: str) -> str | None:
    """The author's name when ``line`` is a lone byline (``لمى ابراهيم``, ``بقلم: فلان``)."""
    text = line.strip()
    prefix = re.match(r"^(\S+)\s*:\s*(.+)$", text)
    if prefix and normalize(prefix.group(1)) in furniture().byline_prefixes:
        text = prefix.group(2).strip()
    words = text.split()
    if not 2 <= len(words) <= 4:
        return None
    if not all(ARABIC_WORD.match(w) for w in words):
        return None
    return text


def _inline_from_parts(parts: list[str], end: int) -> InlineDateline | None:
    """Place, agency and author among the dash-separated pieces of a lead."""
    agencies = [p for p in parts if outlet_by_name(p, ambiguous=False) is not None]
    if not agencies:
        agencies = [p for p in parts if outlet_by_name(p) is not None]
    if len(agencies) != 1 or not 2 <= len(parts) <= 4:
        return None
    others = [p for p in parts if p != agencies[0]]
    if not all(ARABIC_WORDS.match(p) and len(p.split()) <= 3 for p in others):
        return None
    place = others[-1] if others else None
    names = others[:-1]  # "ماجد الرفاعي-عبدالله الراجحي - سبق- ينبع": two reporters
    if any(len(name.split()) < 2 for name in names):
        return None
    return InlineDateline(place, agencies[0], "، ".join(names) or None, end)


def parse_inline_dateline(paragraph: str) -> InlineDateline | None:
    """A dateline opening a paragraph: ``دمشق - سانا:``, ``سبق – الرياض:``,
    ``أحمد علي- سبق- القاهرة:`` or ``فرانكفورت (د ب أ)``; only with a known agency."""
    bracketed = INLINE_BRACKETED.match(paragraph)
    if bracketed and outlet_by_name(bracketed.group("agency")):
        return InlineDateline(bracketed.group("place"), bracketed.group("agency"), None,
                              bracketed.end())  # fmt: skip
    lead = INLINE_LEAD.match(paragraph)
    if not lead:
        return None
    parts = [p for p in DASHES.split(lead.group("lead").strip()) if p]
    return _inline_from_parts(parts, lead.end())
