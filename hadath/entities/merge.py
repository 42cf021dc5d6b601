"""Across the corpus: article-level mentions merged into entities, name variants joined.

* Mentions of a known actor are one entity (its id is the actor's).
* Unknown names are grouped by their normalized form (article stripped).
* A person's unknown name that is a transliteration variant of a known person's
  (``ياكوفيتكو`` / ``ياكوفينكو``) joins that person; two unknown variants join each
  other. Variants must have as many words, their last words (surnames) must be at
  least ``SURNAME_SIMILARITY`` alike and the whole names ``NAME_SIMILARITY`` alike,
  and first names, when both have one, must agree as well: so بشار الأسد and حافظ
  الأسد, or محمد بن سلمان and محمد بن سلطان, stay apart.

The ``entities`` corpus stage (:mod:`hadath.entities.corpus`) redoes this merge after
each run for the names the new mentions touch, so a new spelling seen later joins
the entity it belongs to.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from rapidfuzz.distance import Levenshtein

from hadath.actors.kb import KnowledgeBase
from hadath.actors.schema import unknown_actor_code
from hadath.model import agent_noun
from hadath.text.normalize import normalize

SURNAME_SIMILARITY = 0.8
MIN_FUZZY_SURNAME = 6  # shorter surnames must match exactly (سلمان ≠ سلطان)
NAME_SIMILARITY = 0.85
FIRST_NAME_SIMILARITY = 0.75


def similarity(a: str, b: str) -> float:
    """Normalized Levenshtein similarity of two normalized names (1.0 = equal)."""
    return Levenshtein.normalized_similarity(a, b)


def same_person_name(a: str, b: str) -> bool:
    """Whether two normalized person names are spelling variants of one name."""
    wa, wb = a.split(), b.split()
    if len(wa) != len(wb) or a == b:
        return a == b
    surnames = wa[-1], wb[-1]
    if surnames[0] != surnames[1] and min(map(len, surnames)) < MIN_FUZZY_SURNAME:
        return False
    if similarity(*surnames) < SURNAME_SIMILARITY or similarity(a, b) < NAME_SIMILARITY:
        return False
    return all(similarity(x, y) >= FIRST_NAME_SIMILARITY for x, y in zip(wa, wb, strict=True))


@dataclass
class Group:
    """Mentions that are one entity, with what is known about it."""

    key: str
    type: str
    actor_id: str | None = None
    rows: list[dict] = field(default_factory=list)
    moved_to: str | None = None  # the key of the group this one was folded into

    def name(self) -> str:
        """The group's most frequent written form, normalized (for variant matching)."""
        texts = [r["text"] for r in self.rows if r["source"] != "reference"]
        return normalize(Counter(texts).most_common(1)[0][0]) if texts else self.key


def _person_names(kb: KnowledgeBase) -> dict[str, list[str]]:
    """Normalized names of known persons, by word count, for variant matching."""
    names: dict[str, list[str]] = defaultdict(list)
    for actor in kb:
        if actor.type == "PER" and actor.origin != "petrarch":
            for name in (actor.name, *actor.names):
                names[normalize(name)].append(actor.id)
    return names


def _join_variants(groups: dict[str, Group], kb: KnowledgeBase) -> None:
    """Fold unknown person-name groups into a known person's or another variant's group.

    Only names that could pass :func:`same_person_name` are compared (see
    :class:`_SurnameIndex`), each group's name computed once.
    """
    known = _SurnameIndex()
    for known_name, ids in _person_names(kb).items():
        known.add(known_name, ids[0])
    unknown = sorted((g for g in groups.values() if g.actor_id is None and g.type == "PER"),
                     key=lambda g: -len(g.rows))  # fmt: skip
    names = {g.key: g.name() for g in unknown}
    others = _SurnameIndex()
    for group in unknown:
        others.add(names[group.key], group)
    for group in unknown:
        name = names[group.key]
        target = next((t for n, t in known.candidates(name) if _variant(name, n)), None)
        if target is not None:
            _move(groups, group, f"actor:{target}", target)
            continue
        for _, other in others.candidates(name):
            if other is not group and other.key in groups and _variant(name, names[other.key]):
                _move(groups, group, other.key, None)
                names[other.key] = other.name()
                break


class _SurnameIndex:
    """Names by word count and by every form of their surname with up to two letters
    deleted: two surnames within edit distance 2 share such a form, so the candidates
    of a name include every name :func:`same_person_name` could accept (whose surnames
    are at least ``SURNAME_SIMILARITY`` alike: within distance 2 up to 14 letters).
    Candidates come in the order the names were added."""

    def __init__(self) -> None:
        self._items: list[tuple[str, object]] = []
        self._keys: dict[tuple[int, str], list[int]] = defaultdict(list)

    def add(self, name: str, value: object) -> None:
        position = len(self._items)
        self._items.append((name, value))
        for key in _surname_keys(name):
            self._keys[key].append(position)

    def candidates(self, name: str) -> list[tuple[str, object]]:
        found = sorted({i for key in _surname_keys(name) for i in self._keys.get(key, ())})
        return [self._items[i] for i in found]


def _surname_keys(name: str) -> set[tuple[int, str]]:
    words = name.split()
    surname = words[-1] if words else ""
    forms = {surname}
    for _ in range(2):
        forms |= {f[:i] + f[i + 1 :] for f in forms for i in range(len(f))}
    return {(len(words), form) for form in forms}


def _variant(a: str, b: str) -> bool:
    """:func:`same_person_name`, after the cheap length test it implies."""
    longest = max(len(a), len(b))
    return abs(len(a) - len(b)) <= (1 - NAME_SIMILARITY) * longest and same_person_name(a, b)


def _move(groups: dict[str, Group], group: Group, key: str, actor_id: str | None) -> None:
    target = groups.setdefault(key, Group(key, group.type, actor_id))
    target.rows += group.rows
    group.moved_to = key
    del groups[group.key]


def _most_common(values: list[str | None]) -> str | None:
    counted = Counter(v for v in values if v)
    return counted.most_common(1)[0][0] if counted else None


def entity_id(group: Group) -> str:
    if group.actor_id:
        return group.actor_id
    digest = hashlib.sha1(group.key.encode("utf-8")).hexdigest()[:12]
    return f"{group.type.lower()}.{digest}"


def entity_row(group: Group, kb: KnowledgeBase) -> tuple:
    actor = kb.by_id(group.actor_id) if group.actor_id else None
    texts = [r["text"] for r in group.rows if r["source"] != "reference"]
    role = _most_common([r["role"] for r in group.rows])
    if actor is not None:
        day = _most_common([r["published"].isoformat() for r in group.rows if r["published"]])
        code = actor.code_on(day) if day else actor.code
        name, kind, country = actor.name, actor.type, actor.country
        role = role or (actor.role.ar if actor.role else None)
    else:
        name = max(Counter(texts).items(), key=lambda kv: (kv[1], len(kv[0])))[0]
        kind, country = group.type, _most_common([r["country"] for r in group.rows])
        code = unknown_actor_code(country, _agent_sector(group, kb))
    variants = sorted(set(texts))
    return (
        entity_id(group),
        name,
        kind,
        code,
        country,
        role,
        json.dumps(variants, ensure_ascii=False),
    )


def _agent_sector(group: Group, kb: KnowledgeBase) -> str | None:
    """The sector of an unnamed actor named by a generic noun (``المدنيين`` → CVL)."""
    if not group.rows or any(r["source"] != "agent" for r in group.rows):
        return None
    return kb.agents.sector(agent_noun(group.key))


def build_groups(rows: Iterable[dict]) -> dict[str, Group]:
    """Groups by key, from mention rows in (article, offset) order."""
    groups: dict[str, Group] = {}
    for row in rows:
        group = groups.setdefault(row["key"], Group(row["key"], row["type"], row["actor_id"]))
        group.rows.append(row)
    return groups


ENTITY_COLUMNS = ("id", "name", "type", "actor_code", "country", "role", "variants")
