"""The actor knowledge base: every actor file merged, validated and indexed by name.

``KnowledgeBase.load()`` reads the shipped files in ``hadath/data/actors`` (curated
YAML, then the converted UniversalPetrarch dictionary) and, optionally, user files
or directories. A user entry whose id already exists replaces the shipped one; with
``extend: true`` it is merged instead (its ``names`` are added, other keys replace).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator
from dataclasses import fields
from pathlib import Path
from typing import Any

from hadath.actors import cache
from hadath.actors.agents import Agents, load_agents
from hadath.actors.files import (
    ACTORS_DIR,
    AGENTS,
    PETRARCH,
    SHIPPED,
    RawEntry,
    expand,
    read_entries,
)
from hadath.actors.schema import STATELESS, Actor, build_actor, fail
from hadath.errors import DataFileError
from hadath.text.normalize import normalize

ARTICLE = "ال"
_FIELDS = [f.name for f in fields(Actor)]
_KEEP = frozenset({"الله"})


def strip_article(word: str) -> str:
    """``word`` without a leading definite article (normalized input)."""
    if word.startswith(ARTICLE) and len(word) > 3 and word not in _KEEP:
        return word[2:]
    return word


def key(name: str) -> str:
    """Exact matching key of a name: normalized, single-spaced."""
    return " ".join(normalize(name).split())


def loose_key(name: str) -> str:
    """Looser key: the exact key with the article stripped from every word."""
    return " ".join(strip_article(w) for w in key(name).split())


# Normalized: written apart from the next word or joined to it. Not عبد: joining
# "عبد الله بن عبد العزيز" makes King Abdullah of "عبدالله بن عبدالعزيز الربيعة".
JOINING_WORDS = ("ابو",)


def joined_forms(exact: str) -> list[str]:
    """An exact key and its spellings with ``أبو`` joined to the next word and apart from
    it, as outlets write them either way (``أبو بكر``/``أبوبكر``، ``أبو ظبي``/``أبوظبي``)."""
    words = exact.split()
    joined: list[str] = []
    for w in words:
        if joined and joined[-1] in JOINING_WORDS:
            joined[-1] += w
        else:
            joined.append(w)
    apart = [part for w in words for part in _split_joining(w)]
    forms = [exact, " ".join(joined), " ".join(apart)]
    return list(dict.fromkeys(forms))


def _split_joining(word: str) -> list[str]:
    for head in JOINING_WORDS:
        if word.startswith(head) and len(word) > len(head) + 2:
            return [head, word[len(head):]]
    return [word]


def _capital_index(actors: Iterable[Actor]) -> dict[str, str]:
    """Capital place id -> the id of the (first) country it is the capital of."""
    index: dict[str, str] = {}
    for actor in actors:
        if actor.kind == "country" and actor.capital:
            index.setdefault(actor.capital, actor.id)
    return index


class KnowledgeBase:
    """Validated actors with lookups by id, name, demonym and generic agent noun."""

    def __init__(self, actors: list[Actor], agents: Agents | None = None) -> None:
        self._actors = {a.id: a for a in actors}
        self.agents = agents or Agents({}, {})
        self._exact: dict[str, list[str]] = {}
        self._loose: dict[str, list[str]] = {}
        self._demonyms: dict[str, str] = {}
        self._capitals = _capital_index(self._actors.values())
        self._check_references()
        ranked = sorted(actors, key=lambda a: a.origin == "petrarch")
        for actor in ranked:
            self._index(actor)

    # -- loading ---------------------------------------------------------------
    @classmethod
    def load(
        cls, paths: Iterable[str | Path] | None = None, *, petrarch: bool = True
    ) -> KnowledgeBase:
        """Shipped actors (+ the converted Petrarch dictionary) extended by ``paths``.

        Results are cached per argument set; call :meth:`clear_cache` after editing files.
        """
        key_ = tuple(str(Path(p).resolve()) for p in paths or ())
        return _load_cached(key_, petrarch)

    @staticmethod
    def clear_cache() -> None:
        """Forget knowledge bases loaded in this process (the disk cache checks mtimes)."""
        _load_cached.cache_clear()

    def state(self) -> tuple:
        """Plain data to rebuild this knowledge base quickly (see :mod:`.cache`)."""
        rows = [tuple(getattr(a, f) for f in _FIELDS) for a in self._actors.values()]
        return rows, self._exact, self._loose, self._demonyms, self.agents

    @classmethod
    def from_state(cls, state: tuple) -> KnowledgeBase:
        rows, exact, loose, demonyms, agents = state
        kb = cls.__new__(cls)
        kb._actors = {row[0]: Actor(*row) for row in rows}
        kb._exact, kb._loose, kb._demonyms, kb.agents = exact, loose, demonyms, agents
        kb._capitals = _capital_index(kb._actors.values())
        return kb

    # -- lookups ---------------------------------------------------------------
    def by_id(self, actor_id: str) -> Actor | None:
        return self._actors.get(actor_id)

    def lookup(self, name: str) -> list[Actor]:
        """Actors called ``name`` (any spelling listed); article-insensitive fallback.

        Curated actors come before ones converted from UniversalPetrarch.
        """
        ids = self._exact.get(key(name)) or self._loose.get(loose_key(name)) or []
        return [self._actors[i] for i in ids]

    def demonym(self, word: str) -> Actor | None:
        """The country whose demonym ``word`` is (الروسي، الروس، الأتراك ...)."""
        actor_id = self._demonyms.get(strip_article(key(word)))
        return self._actors.get(actor_id) if actor_id else None

    def names(self, include_petrarch: bool = True) -> Iterator[tuple[str, str]]:
        """``(normalized name, actor id)`` pairs for a multi-pattern matcher.

        Each name is given as written and, when it starts with the article, without it
        (to match after a clitic such as ``لل``). Lemmatized Petrarch names are left out.
        """
        seen: set[tuple[str, str]] = set()
        for actor in self._actors.values():
            if not actor.matchable or (actor.origin == "petrarch" and not include_petrarch):
                continue
            for name in actor.names:
                for full in joined_forms(key(name)):
                    for form in (full, strip_article(full)):
                        if (form, actor.id) in seen:
                            continue
                        seen.add((form, actor.id))
                        yield form, actor.id

    def countries(self) -> list[Actor]:
        return [a for a in self._actors.values() if a.kind == "country"]

    def children(self, actor_id: str) -> list[Actor]:
        return [a for a in self._actors.values() if a.parent == actor_id]

    def capital_of(self, place_id: str) -> Actor | None:
        """The country whose capital is ``place_id`` (for metonymy: موسكو → روسيا)."""
        country = self._capitals.get(place_id)
        return self._actors[country] if country is not None else None

    def __len__(self) -> int:
        return len(self._actors)

    def __iter__(self) -> Iterator[Actor]:
        return iter(self._actors.values())

    def __contains__(self, actor_id: object) -> bool:
        return actor_id in self._actors

    # -- internals -------------------------------------------------------------
    def _index(self, actor: Actor) -> None:
        for name in actor.names:
            for exact in joined_forms(key(name)):
                loose = " ".join(strip_article(w) for w in exact.split())
                for table, form in ((self._exact, exact), (self._loose, loose)):
                    ids = table.setdefault(form, [])
                    if actor.id not in ids:
                        ids.append(actor.id)
        for word in actor.demonyms:
            form = strip_article(key(word))
            other = self._demonyms.setdefault(form, actor.id)
            if other != actor.id:
                raise fail(actor.source, actor.id, f"demonym {word!r} also belongs to {other}")

    def _check_references(self) -> None:
        countries = {a.country for a in self._actors.values() if a.kind == "country"}
        for actor in self._actors.values():
            if actor.country is not None and actor.country not in countries:
                raise fail(actor.source, actor.id, f"unknown country {actor.country!r}")
            for ref in ("parent", "capital"):
                target = getattr(actor, ref)
                if target is not None and target not in self._actors:
                    raise fail(actor.source, actor.id, f"{ref} id {target!r} is not defined")
            for dated in actor.codes:
                head = dated.code[:3]
                if head not in STATELESS and head not in countries:
                    raise fail(
                        actor.source, actor.id, f"dated code {dated.code!r}: unknown country"
                    )


@functools.cache
def _load_cached(paths: tuple[str, ...], petrarch: bool) -> KnowledgeBase:
    layers: list[tuple[list[Path], str]] = [([ACTORS_DIR / n for n in SHIPPED], "hadath")]
    if petrarch and (ACTORS_DIR / PETRARCH).exists():
        layers.append(([ACTORS_DIR / PETRARCH], "petrarch"))
    layers.extend(([p], "user") for p in expand(list(paths)))
    files = [f for group, _ in layers for f in group] + [ACTORS_DIR / AGENTS]
    cache_key = cache.fingerprint(files, repr((paths, petrarch)))
    state = cache.load(cache_key)
    if state is not None:
        return KnowledgeBase.from_state(state)
    merged: dict[str, tuple[dict[str, Any], str, int, str]] = {}
    for group, origin in layers:
        _merge_layer(merged, [e for f in group for e in _read(f)], origin)
    actors = [build_actor(e, path, n, origin) for e, path, n, origin in merged.values()]
    kb = KnowledgeBase(actors, load_agents(ACTORS_DIR / AGENTS))
    cache.save(cache_key, kb.state())
    return kb


def _read(path: Path) -> list[RawEntry]:
    """Raw entries of a file, parsed once per process while the file is unchanged."""
    stat = path.stat() if path.exists() else None
    return _read_cached(path, stat.st_mtime_ns if stat else 0, stat.st_size if stat else 0)


@functools.lru_cache(maxsize=32)
def _read_cached(path: Path, mtime_ns: int, size: int) -> list[RawEntry]:
    return read_entries(path)


def _merge_layer(merged: dict, entries: list[RawEntry], origin: str) -> None:
    """Add one layer; ids repeated inside it are errors, ids from earlier layers are replaced."""
    seen: dict[str, str] = {}
    for entry, path, number in entries:
        actor_id = entry.get("id") if isinstance(entry, dict) else None
        if not isinstance(actor_id, str):
            build_actor(entry, path, number)  # raises the precise error
            continue
        if actor_id in seen:
            raise fail(
                path, f"entry {number} ({actor_id})", f"duplicate id (also in {seen[actor_id]})"
            )
        seen[actor_id] = path
        if entry.get("extend"):
            if actor_id not in merged:
                raise fail(path, f"entry {number} ({actor_id})", "'extend' names an unknown id")
            entry = _extended(merged[actor_id][0], entry)
        merged[actor_id] = (entry, path, number, origin)


def _extended(old: dict[str, Any], new: dict[str, Any]) -> dict[str, Any]:
    out = {**old, **{k: v for k, v in new.items() if k not in ("extend", "names")}}
    names = list(old.get("names") or [])
    names += [n for n in new.get("names") or [] if n not in names]
    out["names"] = names
    return out


__all__ = ["DataFileError", "KnowledgeBase", "key", "loose_key", "strip_article"]
