"""Office-holders named with their title in a text, and the dates they were in office.

Loads ``hadath/data/officeholders.yaml`` (validated; a malformed file raises
:class:`~hadath.errors.DataFileError` naming it). :func:`find_officeholders` finds
each holder's name preceded by one of its office's titles (``للرئيس الفرنسي فرنسوا
هولاند``) and returns :class:`Mention` records that say whether a date falls in the
holder's terms — the evidence used to pin the year of a date written without one.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from hadath.dates.calendar import key
from hadath.errors import DataFileError
from hadath.resources import data_path, load_yaml, require_keys, string_list
from hadath.text.normalize import back_to_original, normalize_with_offsets

OFFICEHOLDERS_FILE = "officeholders.yaml"
WORD = re.compile(r"[^\W_]+")
CLITIC_PREFIXES = ("", "و", "ف", "ب", "ل", "ك", "وب", "ول", "فب", "فل", "وك")
Words = tuple[str, ...]
Term = tuple[date, date | None]


@dataclass(frozen=True, slots=True)
class Office:
    """One person in one office."""

    name: str
    country: str
    office: str
    titles: tuple[Words, ...]
    terms: tuple[Term, ...]

    def holds(self, day: date) -> bool:
        return any(start <= day and (end is None or day <= end) for start, end in self.terms)


@dataclass(frozen=True, slots=True)
class Mention:
    """A titled mention of an office-holder in a text (offsets into the original)."""

    start: int
    end: int
    text: str
    offices: tuple[Office, ...]

    def consistent_with(self, day: date) -> bool:
        """True when the person named held one of the titled offices on ``day``."""
        return any(office.holds(day) for office in self.offices)

    def describe(self) -> str:
        first = self.offices[0]
        return f"{self.text} ({first.country} {first.office})"


@dataclass(slots=True)
class Registry:
    window: int = 3
    between: set[str] = field(default_factory=set)
    before: set[str] = field(default_factory=set)
    after: set[Words] = field(default_factory=set)
    names: dict[str, list[tuple[Words, Office]]] = field(default_factory=dict)


def _words(text: str) -> Words:
    return tuple(WORD.findall(key(text)))


def _terms(path: str, value: Any, where: str) -> tuple[Term, ...]:
    if not isinstance(value, list) or not value:
        raise DataFileError(path, f"{where}: terms must be a non-empty list of [start, end]")
    terms = []
    for term in value:
        ok = isinstance(term, list) and len(term) == 2 and isinstance(term[0], date)
        if not ok or not (term[1] is None or isinstance(term[1], date)):
            raise DataFileError(path, f"{where}: bad term {term!r} (want [YYYY-MM-DD, date|null])")
        if term[1] is not None and term[1] < term[0]:
            raise DataFileError(path, f"{where}: term {term!r} ends before it starts")
        terms.append((term[0], term[1]))
    return tuple(terms)


def _office_titles(path: str, data: dict) -> dict[str, tuple[Words, ...]]:
    offices = data["offices"]
    if not isinstance(offices, dict) or not offices:
        raise DataFileError(path, "offices: expected a non-empty mapping")
    extra = string_list(path, data.get("any_office_titles") or [], "any_office_titles")
    out = {}
    for name, entry in offices.items():
        require_keys(path, entry, {"titles": list}, f"offices.{name}")
        titles = string_list(path, entry["titles"], f"offices.{name}.titles") + extra
        out[name] = tuple(_words(t) for t in titles)
    return out


def _holder(path: str, entry: Any, number: int, titles: dict, extra: list[str]) -> list:
    where = f"holders[{number}]"
    require_keys(path, entry, {"names": list, "country": str, "office": str, "terms": list}, where)
    if entry["office"] not in titles:
        raise DataFileError(path, f"{where}: unknown office {entry['office']!r}")
    names = string_list(path, entry["names"], f"{where}.names")
    own = entry.get("titles")
    office_titles = titles[entry["office"]]
    if own is not None:
        own = string_list(path, own, f"{where}.titles") + extra
        office_titles = tuple(_words(t) for t in own)
    office = Office(names[0], entry["country"], entry["office"], office_titles,
                    _terms(path, entry["terms"], where))  # fmt: skip
    return [(_words(n), office) for n in names]


def parse_officeholders(data: Any, path: str) -> Registry:
    """Validate the parsed YAML ``data`` of ``path`` and index it by name."""
    require_keys(path, data, {"window": int, "offices": dict, "holders": list}, "top level")
    disq = data.get("disqualifiers") or {}
    require_keys(path, disq, {"between": list, "before": list, "after": list}, "disqualifiers")
    reg = Registry(window=data["window"])
    reg.between = {key(w) for w in string_list(path, disq["between"], "disqualifiers.between")}
    reg.before = {key(w) for w in string_list(path, disq["before"], "disqualifiers.before")}
    reg.after = {_words(w) for w in string_list(path, disq["after"], "disqualifiers.after")}
    titles = _office_titles(path, data)
    extra = data.get("any_office_titles") or []
    if not data["holders"]:
        raise DataFileError(path, "holders: the list is empty")
    for number, entry in enumerate(data["holders"], start=1):
        for words, office in _holder(path, entry, number, titles, extra):
            reg.names.setdefault(words[0], []).append((words, office))
    for entries in reg.names.values():
        entries.sort(key=lambda e: len(e[0]), reverse=True)
    return reg


@functools.cache
def load_officeholders(name: str = OFFICEHOLDERS_FILE) -> Registry:
    """The validated office-holder registry of ``hadath/data/<name>`` (cached)."""
    return parse_officeholders(load_yaml(name), str(data_path(name)))


# -- matching -----------------------------------------------------------------------
def _bare(token: str, word: str) -> bool:
    """``token`` is ``word`` with at most a proclitic (و ف ب ل ك; لل for ال)."""
    if word.startswith("ال") and token in ("لل" + word[2:], "ولل" + word[2:], "فلل" + word[2:]):
        return True
    return any(token == p + word for p in CLITIC_PREFIXES)


def _title_before(reg: Registry, toks: list[str], i: int, office: Office) -> bool:
    """A title of ``office`` ends at most ``window`` words before token ``i``."""
    for gap in range(reg.window + 1):
        end = i - gap  # exclusive end of the title
        if any(t in reg.between for t in toks[end:i]):
            return False
        for title in office.titles:
            start = end - len(title)
            if start < 0 or tuple(toks[start + 1 : end]) != title[1:]:
                continue
            if _bare(toks[start], title[0]) and not _excluded_before(reg, toks, start):
                return True
    return False


def _excluded_before(reg: Registry, toks: list[str], start: int) -> bool:
    if start == 0:
        return False
    prev = toks[start - 1]
    return any(prev == p + w for w in reg.before for p in ("", "و", "ف", "ب", "ل"))


def _excluded_after(reg: Registry, toks: list[str], end: int) -> bool:
    return any(tuple(toks[end : end + len(words)]) == words for words in reg.after)


def find_officeholders(text: str, reg: Registry | None = None) -> list[Mention]:
    """Every office-holder named in ``text`` right after a title of their office."""
    reg = reg or load_officeholders()
    normalized, offsets = normalize_with_offsets(text)
    spans = [(m.start(), m.end()) for m in WORD.finditer(normalized)]
    toks = [normalized[s:e] for s, e in spans]
    mentions: list[Mention] = []
    i = 0
    while i < len(toks):
        entries = reg.names.get(toks[i], ())
        matches = [(w, o) for w, o in entries if tuple(toks[i : i + len(w)]) == w]
        if not matches:
            i += 1
            continue
        longest = len(matches[0][0])
        offices = tuple(
            o for w, o in matches if len(w) == longest and _title_before(reg, toks, i, o)
        )
        if offices and not _excluded_after(reg, toks, i + longest):
            start, end = back_to_original(offsets, spans[i][0], spans[i + longest - 1][1])
            mentions.append(Mention(start, end, text[start:end], offices))
        i += longest
    return mentions
