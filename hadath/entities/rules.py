"""The entity stage's word lists (``data/entity_rules.yaml``), loaded and validated once."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

from hadath.actors.schema import ISO3_RE
from hadath.errors import DataFileError
from hadath.resources import data_path, load_yaml, string_list
from hadath.text.normalize import normalize

_FILE = "entity_rules.yaml"
_KEYS = (
    "role_heads", "role_stops", "role_links", "loc_heads", "not_names", "reference_heads",
    "place_nouns", "side_nouns", "group_reference_heads", "standalone_group_heads",
    "honorifics", "name_cues", "facility_nouns", "participles", "bare_unsafe", "surname_unsafe",
    "royal_titles", "not_before_names", "ordinals", "first_name_places",
    "rank_qualifiers", "address_forms",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class EntityRules:
    role_heads: frozenset[str]
    role_stops: frozenset[str]
    role_links: frozenset[str]
    loc_heads: frozenset[str]
    not_names: frozenset[str]
    reference_heads: frozenset[str]
    place_nouns: frozenset[str]
    side_nouns: frozenset[str]
    group_reference_heads: frozenset[str]
    standalone_group_heads: frozenset[str]
    honorifics: frozenset[str]
    name_cues: frozenset[str]
    facility_nouns: frozenset[str]
    participles: frozenset[str]
    bare_unsafe: frozenset[str]
    surname_unsafe: frozenset[str]
    ordinals: frozenset[str]
    first_name_places: frozenset[str]
    rank_qualifiers: frozenset[str]
    address_forms: frozenset[str]
    royal_titles: frozenset[str]
    not_before_names: frozenset[str]
    home_references: dict[str, frozenset[str]]  # word -> countries whose outlets use it


@functools.cache
def entity_rules() -> EntityRules:
    raw = load_yaml(_FILE)
    path = str(data_path(_FILE))
    if not isinstance(raw, dict):
        raise DataFileError(path, "expected a mapping at the top level")
    lists = {k: frozenset(normalize(w) for w in string_list(path, raw.get(k), k)) for k in _KEYS}
    return EntityRules(**lists, home_references=_home_references(path, raw.get("home_references")))


def _home_references(path: str, raw: Any) -> dict[str, frozenset[str]]:
    """``{word: [ISO alpha-3, ...]}``, validated."""
    if not isinstance(raw, dict):
        raise DataFileError(path, "home_references: expected a mapping of word to countries")
    out = {}
    for word, codes in raw.items():
        codes = string_list(path, codes, f"home_references {word}")
        bad = [c for c in codes if not ISO3_RE.match(c)]
        if bad:
            raise DataFileError(path, f"home_references {word}: not ISO alpha-3 codes: {bad}")
        out[normalize(str(word))] = frozenset(codes)
    return out
