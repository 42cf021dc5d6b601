"""The gold event file: one annotated sentence per JSON line, checked on loading.

Format (see ``docs/annotation-guidelines.md``): ``{"id", "source", "published",
"text", "events": [{"type", "mode", "source", "target", "negated", "hypothetical",
"date_text", "date", "evidence"}]}``; ``evidence``, ``source``, ``target`` and
``date_text`` are exact substrings of ``text``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from hadath.errors import InputError

_PLOVER = (
    "AGREE CONSULT SUPPORT CONCEDE COOPERATE AID RETREAT REQUEST ACCUSE REJECT THREATEN"
    " PROTEST SANCTION MOBILIZE COERCE ASSAULT"
)
TYPES = tuple(_PLOVER.split())
FLAGS = ("negated", "hypothetical")
_FIELDS = "type mode source target negated hypothetical date_text date evidence"
_EVENT_KEYS = frozenset(_FIELDS.split())
_SPAN_FIELDS = ("evidence", "source", "target", "date_text")


@dataclass(frozen=True)
class GoldEvent:
    type: str
    mode: str | None
    source: str | None
    target: str | None
    negated: bool
    hypothetical: bool
    date_text: str | None
    date: str | None
    evidence: str


@dataclass(frozen=True)
class GoldSentence:
    id: str
    source: str
    published: str | None
    text: str
    events: tuple[GoldEvent, ...]

    @property
    def url(self) -> str | None:
        """The page address in ``source`` (``saudinewsnet:http://...``), if any."""
        url = self.source.split(":", 1)[1] if ":" in self.source else ""
        return url if url.startswith(("http://", "https://")) else None

    @property
    def article_id(self) -> str:
        """The id hadath gives the one clean article made of this sentence."""
        return f"{self.id}-0"


def load_gold(path: str | Path) -> list[GoldSentence]:
    """Gold sentences of a JSONL file; a malformed line raises InputError naming file:line."""
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(str(path), f"cannot read gold file: {exc}") from None
    gold: list[GoldSentence] = []
    seen: dict[str, int] = {}
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        sentence = parse_sentence(line, where)
        if sentence.id in seen:
            raise InputError(where, f"id {sentence.id!r} already used on line {seen[sentence.id]}")
        seen[sentence.id] = number
        gold.append(sentence)
    return gold


def parse_sentence(line: str, where: str) -> GoldSentence:
    """One gold line, checked: required fields, types, and every span inside ``text``."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(where, f"malformed JSON ({exc.msg}, column {exc.colno})") from None
    if not isinstance(record, dict):
        raise InputError(where, "line is not a JSON object")
    for key in ("id", "source", "text"):
        if not isinstance(record.get(key), str) or not record[key]:
            raise InputError(where, f"{key!r} must be a non-empty string")
    published = record.get("published")
    if published is not None:
        _check_date(published, "published", where)
    events = record.get("events")
    if not isinstance(events, list):
        raise InputError(where, "'events' must be a list")
    text = record["text"]
    parsed = tuple(_parse_event(e, text, f"{where}: event {i}") for i, e in enumerate(events))
    return GoldSentence(record["id"], record["source"], published, text, parsed)


def _check_date(value: Any, name: str, where: str) -> None:
    try:
        date.fromisoformat(value)
    except (TypeError, ValueError):
        raise InputError(where, f"{name!r} is not an ISO date: {value!r}") from None


def _parse_event(event: Any, text: str, where: str) -> GoldEvent:
    if not isinstance(event, dict):
        raise InputError(where, "event is not a JSON object")
    missing = _EVENT_KEYS - event.keys()
    if missing:
        raise InputError(where, f"missing field(s): {', '.join(sorted(missing))}")
    if event["type"] not in TYPES:
        raise InputError(where, f"unknown PLOVER type {event['type']!r}")
    for flag in FLAGS:
        if not isinstance(event[flag], bool):
            raise InputError(where, f"{flag!r} must be true or false")
    if not isinstance(event["evidence"], str) or not event["evidence"]:
        raise InputError(where, "'evidence' must be a non-empty string")
    for name in _SPAN_FIELDS:
        value = event[name]
        if value is not None and not isinstance(value, str):
            raise InputError(where, f"{name!r} must be a string or null")
        if value is not None and value not in text:
            raise InputError(where, f"{name} {value!r} is not a substring of the sentence text")
    if event["date"] is not None:
        _check_date(event["date"], "date", where)
    return GoldEvent(**{key: event[key] for key in _EVENT_KEYS})
