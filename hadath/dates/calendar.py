"""Loading and validating ``hadath/data/calendar.yaml``: Arabic date vocabulary.

The loader normalizes every name (so lookups work on :func:`~hadath.text.normalize.normalize`
output) and checks the file's shape, raising :class:`~hadath.errors.DataFileError`
that names the file when something is wrong.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from hadath.errors import DataFileError
from hadath.resources import data_path, load_yaml, require_keys, string_list
from hadath.text.normalize import normalize

CALENDAR_FILE = "calendar.yaml"
TOKEN = re.compile(r"\d+|[^\W\d_]+|[^\w\s]|_")
CALENDARS = ("gregorian", "hijri")
UNITS = ("day", "week", "month", "year")
DIRECTIONS = ("past", "future", "current")


@dataclass(frozen=True, slots=True)
class MonthName:
    month: int
    calendar: str
    system: str


@dataclass(slots=True)
class Calendar:
    """Normalized lookup tables built from ``calendar.yaml``."""

    months: dict[str, MonthName] = field(default_factory=dict)
    ambiguous_months: set[str] = field(default_factory=set)
    weekdays: dict[str, int] = field(default_factory=dict)
    weekday_standalone: dict[str, int] = field(default_factory=dict)
    weekday_not_after: set[str] = field(default_factory=set)
    weekday_not_before: set[str] = field(default_factory=set)
    relative: dict[str, int] = field(default_factory=dict)
    needs_lead: set[str] = field(default_factory=set)
    today_not_after: set[str] = field(default_factory=set)
    today_not_before: set[str] = field(default_factory=set)
    relative_not_before: set[str] = field(default_factory=set)
    day_parts: dict[str, str] = field(default_factory=dict)
    month_parts: dict[str, str] = field(default_factory=dict)
    modifiers: dict[str, str] = field(default_factory=dict)
    year_words: set[str] = field(default_factory=set)
    year_suffixes: dict[str, str] = field(default_factory=dict)
    equivalence: set[str] = field(default_factory=set)
    period_words: dict[str, dict[str, set[str]]] = field(default_factory=dict)
    period_past: set[str] = field(default_factory=set)
    period_future: set[str] = field(default_factory=set)
    period_not_before: set[str] = field(default_factory=set)
    approximators: set[str] = field(default_factory=set)
    this_words: set[str] = field(default_factory=set)
    adjective_homographs: set[str] = field(default_factory=set)
    vague_periods: set[str] = field(default_factory=set)  # مؤخرا: no datable stretch
    numbers: dict[str, int] = field(default_factory=dict)
    ordinals: dict[str, int] = field(default_factory=dict)
    tables: dict[str, dict[str, list[tuple[tuple[str, ...], Any]]]] = field(default_factory=dict)
    starters: set[str] = field(default_factory=set)  # words an expression can start with

    def period_unit(self, word: str, form: str) -> str | None:
        """The unit (day/week/...) whose ``form`` (singular/dual/...) lists ``word``."""
        for unit, forms in self.period_words.items():
            if word in forms[form]:
                return unit
        return None


def key(text: str) -> str:
    """Matching key of a vocabulary entry: normalized, single-spaced."""
    return " ".join(normalize(text).split())


def alternation(names: Iterable[str]) -> str:
    """Regex alternation of normalized ``names``, longest first, spaces as ``\\s+``."""
    parts = sorted({key(n) for n in names}, key=len, reverse=True)
    if not parts:
        return "(?!)"
    return "(?:" + "|".join(r"\s+".join(map(re.escape, p.split())) for p in parts) + ")"


def _int_map(path: str, value: Any, where: str, valid: range) -> dict[int, list[str]]:
    if not isinstance(value, dict) or not value:
        raise DataFileError(path, f"{where}: expected a non-empty mapping")
    out = {}
    for number, names in value.items():
        if not isinstance(number, int) or number not in valid:
            span = f"{valid.start}..{valid.stop - 1}"
            raise DataFileError(path, f"{where}: {number!r} is not in {span}")
        out[number] = string_list(path, names, f"{where}.{number}")
    return out


def _named_map(path: str, value: Any, where: str, allowed: Iterable[str]) -> dict[str, str]:
    """``{label: [names]}`` → ``{normalized name: label}``; labels must be in ``allowed``."""
    allowed = tuple(allowed)
    if not isinstance(value, dict) or not value:
        raise DataFileError(path, f"{where}: expected a non-empty mapping")
    out = {}
    for label, names in value.items():
        if label not in allowed:
            raise DataFileError(path, f"{where}: unknown key {label!r} (allowed: {allowed})")
        out.update({key(n): label for n in string_list(path, names, f"{where}.{label}")})
    return out


def _keys(path: str, value: Any, where: str) -> set[str]:
    return {key(n) for n in string_list(path, value, where)}


def _load_months(path: str, data: dict, cal: Calendar) -> None:
    systems = data["months"]
    if not isinstance(systems, dict) or not systems:
        raise DataFileError(path, "months: expected a mapping of naming systems")
    for system, block in systems.items():
        where = f"months.{system}"
        require_keys(path, block, {"calendar": str, "names": dict}, where)
        if block["calendar"] not in CALENDARS:
            raise DataFileError(path, f"{where}: calendar must be one of {CALENDARS}")
        names = _int_map(path, block["names"], f"{where}.names", range(1, 13))
        for month, variants in names.items():
            for name in variants:
                cal.months[key(name)] = MonthName(month, block["calendar"], str(system))
        cal.ambiguous_months |= _keys(path, block.get("ambiguous") or [], f"{where}.ambiguous")


def _load_relative(path: str, entries: Any, cal: Calendar) -> None:
    if not isinstance(entries, list) or not entries:
        raise DataFileError(path, "relative_days: expected a non-empty list")
    for number, entry in enumerate(entries, start=1):
        where = f"relative_days[{number}]"
        require_keys(path, entry, {"offset": int, "names": list}, where)
        for name in string_list(path, entry["names"], where):
            cal.relative[key(name)] = entry["offset"]
            if entry.get("needs_lead", False) is True:
                cal.needs_lead.add(key(name))


def _load_periods(path: str, value: Any, cal: Calendar) -> None:
    if not isinstance(value, dict) or set(value) != set(UNITS):
        raise DataFileError(path, f"periods: expected exactly the units {UNITS}")
    for unit, forms in value.items():
        forms_keys = {"definite": list, "singular": list, "dual": list, "plural": list}
        require_keys(path, forms, forms_keys, f"periods.{unit}")
        cal.period_words[unit] = {
            form: {key(n) for n in forms[form] if isinstance(n, str) and n.strip()}
            for form in forms_keys
        }


_REQUIRED = {
    "months": dict, "weekdays": dict, "relative_days": list, "day_parts": dict,
    "month_parts": dict, "modifiers": dict, "year_words": list, "year_suffixes": dict,
    "equivalence": list, "periods": dict, "period_past": list, "period_future": list,
    "numbers": dict, "ordinals": dict,
}  # fmt: skip


_WORD_LISTS = (
    "weekday_not_after", "weekday_not_before", "today_not_after", "today_not_before",
    "relative_not_before", "year_words", "equivalence", "period_past", "period_future",
    "period_not_before", "approximators", "this_words", "adjective_homographs",
    "vague_periods",
)  # fmt: skip


def parse_calendar(data: Any, path: str) -> Calendar:
    """Validate the parsed YAML ``data`` of ``path`` and build a :class:`Calendar`."""
    require_keys(path, data, _REQUIRED, "top level")
    cal = Calendar()
    _load_months(path, data, cal)
    for day, names in _int_map(path, data["weekdays"], "weekdays", range(7)).items():
        cal.weekdays.update({key(n): day for n in names})
    cal.weekday_standalone = {k: v for k, v in cal.weekdays.items() if k.startswith("ال")}
    _load_relative(path, data["relative_days"], cal)
    cal.day_parts = _named_map(
        path, data["day_parts"], "day_parts", ("morning", "noon", "afternoon", "evening", "night")
    )
    cal.month_parts = _named_map(path, data["month_parts"], "month_parts", ("early", "mid", "late"))
    cal.modifiers = _named_map(path, data["modifiers"], "modifiers", DIRECTIONS)
    cal.year_suffixes = _named_map(path, data["year_suffixes"], "year_suffixes", CALENDARS)
    _load_periods(path, data["periods"], cal)
    for name in _WORD_LISTS:
        setattr(cal, name, _keys(path, data.get(name) or [], name))
    for number, names in _int_map(path, data["numbers"], "numbers", range(1, 1000)).items():
        cal.numbers.update({key(n): number for n in names})
    for number, names in _int_map(path, data["ordinals"], "ordinals", range(1, 32)).items():
        cal.ordinals.update({key(n): number for n in names})
    cal.tables = build_tables(cal)
    cal.starters = starter_words(cal)
    return cal


def starter_words(cal: Calendar) -> set[str]:
    """First words of every expression: a token outside this set (and not a digit,
    nor one of these behind a clitic) cannot start a date, so the parser skips it."""
    words = {first for table in cal.tables.values() for first in table}
    words |= set(cal.weekdays) | cal.period_past | cal.period_future | {"يوم", "شهر"}
    words |= {w for forms in cal.period_words.values() for w in forms["definite"]}
    return words


def build_tables(cal: Calendar) -> dict[str, dict[str, list[tuple[tuple[str, ...], Any]]]]:
    """Token-tuple lookup tables for the parser, keyed by first token, longest first."""
    sources = {
        "months": {name: (name, m) for name, m in cal.months.items()},
        "relative": cal.relative,
        "day_parts": cal.day_parts,
        "month_parts": cal.month_parts,
        "modifiers": cal.modifiers,
        "year_suffixes": cal.year_suffixes,
        "numbers": cal.numbers,
        "ordinals": cal.ordinals,
        **{name: {w: w for w in getattr(cal, name)}
           for name in ("year_words", "equivalence", "approximators", "this_words",
                        "vague_periods")},
    }  # fmt: skip
    tables: dict[str, dict[str, list[tuple[tuple[str, ...], Any]]]] = {}
    for table, mapping in sources.items():
        index: dict[str, list[tuple[tuple[str, ...], Any]]] = {}
        for name, value in mapping.items():
            words = tuple(TOKEN.findall(name))
            index.setdefault(words[0], []).append((words, value))
        for entries in index.values():
            entries.sort(key=lambda e: len(e[0]), reverse=True)
        tables[table] = index
    return tables


@functools.cache
def load_calendar(name: str = CALENDAR_FILE) -> Calendar:
    """The validated calendar vocabulary of ``hadath/data/<name>`` (cached)."""
    return parse_calendar(load_yaml(name), str(data_path(name)))
