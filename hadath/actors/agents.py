"""Generic agent nouns (مسلحين → REB, شرطة → POL) and group nouns (الأكراد → KUR).

Read from ``hadath/data/actors/agents.yaml``: a later stage uses them to give an
unnamed actor ("مسلحون", "قوات الأمن العراقية") a sector, and the country from a
demonym or context.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from hadath.actors.schema import QUALIFIERS, SECTORS, fail
from hadath.resources import read_yaml
from hadath.text.normalize import normalize

AGENT_KEYS = frozenset({"word", "forms", "sector", "source", "note"})


@dataclass(frozen=True, slots=True)
class Group:
    """An ethnic or religious group named by a noun (الأكراد، العلويون)."""

    id: str
    name: str
    code: str
    kind: str
    forms: tuple[str, ...]


def _key(word: str) -> str:
    norm = " ".join(normalize(word).split())
    return norm[2:] if norm.startswith("ال") and len(norm) > 3 else norm


class Agents:
    """Lookups of generic agent nouns and group nouns (article-insensitive)."""

    def __init__(self, sectors: dict[str, str], groups: dict[str, Group]) -> None:
        self._sectors = sectors
        self._groups = groups

    def sector(self, word: str) -> str | None:
        """Sector of a generic agent noun (``المسلحين`` → ``REB``), or ``None``."""
        return self._sectors.get(_key(word))

    def group(self, word: str) -> Group | None:
        """The group a noun names (``الأكراد`` → Kurds), or ``None``."""
        return self._groups.get(_key(word))

    def words(self) -> list[tuple[str, str]]:
        """``(normalized form without article, sector)`` pairs."""
        return list(self._sectors.items())

    def __len__(self) -> int:
        return len(self._sectors)


def _forms(entry: dict, path: str, where: str, head: str) -> list[str]:
    forms = entry.get("forms") or []
    if not isinstance(forms, list) or not all(isinstance(f, str) and f.strip() for f in forms):
        raise fail(path, where, "'forms' must be a list of non-empty strings")
    return [head, *forms]


def _agents(items: Any, path: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for number, entry in enumerate(items or [], start=1):
        where = f"agents entry {number}"
        if not isinstance(entry, dict) or not isinstance(entry.get("word"), str):
            raise fail(path, where, "expected a mapping with 'word'")
        where = f"{where} ({entry['word']})"
        unknown = sorted(set(entry) - AGENT_KEYS)
        if unknown:
            raise fail(path, where, f"unknown key(s) {unknown}")
        sector = entry.get("sector")
        if sector not in SECTORS and sector not in QUALIFIERS:
            raise fail(path, where, f"unknown sector {sector!r}")
        for form in _forms(entry, path, where, entry["word"]):
            previous = out.setdefault(_key(form), sector)
            if previous != sector:
                raise fail(path, where, f"form {form!r} already has sector {previous}")
    return out


def _groups(items: Any, path: str) -> dict[str, Group]:
    out: dict[str, Group] = {}
    for number, entry in enumerate(items or [], start=1):
        where = f"groups entry {number}"
        if not isinstance(entry, dict) or not all(
            isinstance(entry.get(k), str) for k in ("id", "name", "code", "kind")
        ):
            raise fail(path, where, "expected a mapping with 'id', 'name', 'code' and 'kind'")
        forms = _forms(entry, path, f"{where} ({entry['id']})", entry["name"])
        group = Group(entry["id"], entry["name"], entry["code"], entry["kind"], tuple(forms))
        for form in forms:
            out[_key(form)] = group
    return out


def load_agents(path: Path) -> Agents:
    """Read and validate ``agents.yaml`` (an absent file gives empty lookups)."""
    if not path.exists():
        return Agents({}, {})
    data = read_yaml(path)
    if not isinstance(data, dict):
        raise fail(str(path), "top level", "expected a mapping with 'agents' and 'groups'")
    return Agents(_agents(data.get("agents"), str(path)), _groups(data.get("groups"), str(path)))
