"""The actor record and the validation of one actor entry read from a data file.

An entry is a mapping (YAML) or a row (TSV) that becomes an :class:`Actor`. Checks
that need the whole knowledge base (known country, known parent, duplicate ids)
live in :mod:`hadath.actors.kb`; everything that one entry alone can get wrong is
checked here and reported as a :class:`~hadath.errors.DataFileError` naming the
file and the entry.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from hadath.errors import DataFileError

TYPES = frozenset({"PER", "ORG", "GPE", "LOC"})
PLACES = frozenset({"GPE", "LOC"})

# CAMEO-style sector codes. The first sector after the country is the actor's
# ``sector``; further three-letter chunks refine it (``SYRGOVLEG``, ``IMGREBRAD``).
# POL is police (CAMEO's COP); PTY is a political party.
SECTORS = frozenset(
    [
        "GOV",
        "MIL",
        "REB",
        "OPP",
        "INS",
        "SPY",
        "POL",
        "JUD",
        "LEG",
        "MED",
        "CVL",
        "BUS",
        "EDU",
        "HLH",
        "REF",
        "UAF",
        "IGO",
        "NGO",
        "PTY",
        "ELI",
        "LAB",
        "AGR",
        "CRM",
        "DEV",
        "HRI",
        "ENV",
        "RAD",
        "REL",
        "SEP",
        "MNC",
    ]
)
# Religious and ethnic qualifiers that may follow the sector (CAMEO style).
QUALIFIERS = frozenset(["MUS", "SUN", "SHI", "CHR", "JEW", "ALE", "DRZ", "BUD", "HIN", "KUR"])
# First chunk of the code of an actor with no country: inter-governmental,
# non-governmental, international militarized group, multinational corporation.
STATELESS = frozenset({"IGO", "NGO", "IMG", "MNC"})

ID_RE = re.compile(r"^[a-z0-9][a-z0-9_]*(\.[a-z0-9_]+)*$")
ISO3_RE = re.compile(r"^[A-Z]{3}$")
CODE_RE = re.compile(r"^(?:[A-Z]{3}){1,5}$")
DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
KEYS = frozenset(
    [
        "id",
        "name",
        "names",
        "type",
        "country",
        "sector",
        "code",
        "en",
        "kind",
        "role",
        "parent",
        "coords",
        "demonyms",
        "capital",
        "valid",
        "codes",
        "note",
        "matchable",
        "ambiguous",
        "extend",
    ]
)

Validity = tuple[str | None, str | None]


@dataclass(frozen=True, slots=True)
class Role:
    """An office held by a person: Arabic and English wording."""

    ar: str
    en: str | None = None


@dataclass(frozen=True, slots=True)
class DatedCode:
    """An actor code that applies during ``valid`` (open ends are ``None``)."""

    code: str
    valid: Validity = (None, None)


@dataclass(frozen=True, slots=True)
class Actor:
    """One entry of the actor knowledge base."""

    id: str
    name: str
    names: tuple[str, ...]
    type: str
    country: str | None
    sector: str | None
    code: str | None
    en: str | None = None
    kind: str | None = None
    role: Role | None = None
    parent: str | None = None
    coords: tuple[float, float] | None = None
    demonyms: tuple[str, ...] = ()
    capital: str | None = None
    valid: Validity | None = None
    codes: tuple[DatedCode, ...] = ()
    name_valid: dict[str, Validity] = field(default_factory=dict, compare=False, hash=False)
    note: str | None = None
    matchable: bool = True
    ambiguous: tuple[str, ...] = ()  # names that are also common words (كيف، فتح، صور)
    origin: str = "hadath"
    source: str = ""

    def code_on(self, day: str) -> str | None:
        """The actor code that applies on ``day`` (ISO date); ``code`` when none is dated."""
        for dated in self.codes:
            if within(day, dated.valid):
                return dated.code
        return self.code

    def valid_on(self, day: str) -> bool:
        """Whether the actor existed on ``day`` (always true without a ``valid`` range)."""
        return self.valid is None or within(day, self.valid)


def within(day: str, valid: Validity) -> bool:
    """Whether ISO ``day`` falls in ``valid``; partial dates compare by prefix."""
    start, end = valid
    if start and day[: len(start)] < start:
        return False
    return not (end and day[: len(end)] > end)


def fail(path: str, where: str, problem: str) -> DataFileError:
    return DataFileError(path, f"{where}: {problem}")


def unknown_actor_code(country: str | None, sector: str | None) -> str | None:
    """The CAMEO-style code of an actor the knowledge base does not hold: its country and
    sector as far as the text tells them (``SYRREB``; ``CVL`` for civilians of no stated
    country; ``ITA`` for an Italian official the base does not know), else None."""
    return (country or "") + (sector or "") or None


def check_code(code: str, country: str | None, sector: str | None) -> str | None:
    """Why ``code`` does not fit ``country`` + ``sector`` (``None`` when it does)."""
    if not CODE_RE.match(code):
        return f"code {code!r} is not a run of three-letter chunks"
    chunks = [code[i : i + 3] for i in range(0, len(code), 3)]
    head, rest = chunks[0], chunks[1:]
    if country is not None:
        if head != country:
            return f"code {code!r} does not start with country {country}"
        if sector is None:
            return None if not rest else f"code {code!r} has a sector but 'sector' is empty"
        if not rest or rest[0] != sector:
            return f"code {code!r} does not continue with sector {sector}"
        bad = [c for c in rest if c not in SECTORS | QUALIFIERS]
        return f"code {code!r} has unknown sector chunk(s) {bad}" if bad else None
    if head not in STATELESS:
        return (
            f"code {code!r} of an actor without country must start with one of {sorted(STATELESS)}"
        )
    if sector in {"IGO", "NGO", "MNC"}:
        return None if head == sector else f"code {code!r} does not start with sector {sector}"
    if sector is not None and sector not in rest:
        return f"code {code!r} does not contain sector {sector}"
    return None


def check_date(value: Any, path: str, where: str) -> str | None:
    if value is None:
        return None
    text = str(value)
    if not DATE_RE.match(text):
        raise fail(path, where, f"date {value!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
    return text


def parse_valid(value: Any, path: str, where: str) -> Validity:
    """A ``[from, to]`` pair of ISO dates (either may be null)."""
    if not isinstance(value, list | tuple) or len(value) != 2:
        raise fail(path, where, "'valid' must be a [from, to] pair")
    start, end = check_date(value[0], path, where), check_date(value[1], path, where)
    if start and end and start > end[: len(start)]:
        raise fail(path, where, f"'valid' range {start}..{end} ends before it starts")
    return start, end


def _text(entry: dict, key: str, path: str, where: str, required: bool = False) -> str | None:
    value = entry.get(key)
    if value is None:
        if required:
            raise fail(path, where, f"missing key {key!r}")
        return None
    if not isinstance(value, str) or not value.strip():
        raise fail(path, where, f"{key!r} must be a non-empty string")
    return value.strip()


def _names(entry: dict, name: str, path: str, where: str) -> tuple[tuple[str, ...], dict]:
    """``name`` plus ``names``; an item may be a string or ``{name, valid}``."""
    raw = entry.get("names") or []
    if not isinstance(raw, list):
        raise fail(path, where, "'names' must be a list")
    out, dated = [name], {}
    for item in raw:
        if isinstance(item, dict):
            text = _text(item, "name", path, where, required=True)
            if "valid" in item:
                dated[text] = parse_valid(item["valid"], path, f"{where} name {text!r}")
        elif isinstance(item, str) and item.strip():
            text = item.strip()
        else:
            raise fail(path, where, f"bad name {item!r} in 'names'")
        if text not in out:
            out.append(text)
    return tuple(out), dated


def _ambiguous(value: Any, names: tuple[str, ...], path: str, where: str) -> tuple[str, ...]:
    """Names of the entry that are also common words: each must be one of its names."""
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise fail(path, where, "'ambiguous' must be a list of the entry's names")
    unknown = [v for v in value if v.strip() not in names]
    if unknown:
        raise fail(path, where, f"'ambiguous' names {unknown} are not names of the entry")
    return tuple(v.strip() for v in value)


def _coords(value: Any, path: str, where: str) -> tuple[float, float] | None:
    if value is None:
        return None
    ok = isinstance(value, list | tuple) and len(value) == 2
    if not ok or not all(isinstance(v, int | float) and not isinstance(v, bool) for v in value):
        raise fail(path, where, "'coords' must be [lat, lon] numbers")
    lat, lon = float(value[0]), float(value[1])
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise fail(path, where, f"coords ({lat}, {lon}) out of range")
    return lat, lon


def _role(value: Any, path: str, where: str) -> Role | None:
    if value is None:
        return None
    if isinstance(value, str) and value.strip():
        return Role(value.strip())
    if isinstance(value, dict) and isinstance(value.get("ar"), str):
        return Role(value["ar"].strip(), _text(value, "en", path, where))
    raise fail(path, where, "'role' must be a string or {ar, en}")


def _codes(value: Any, country: str | None, path: str, where: str) -> tuple[DatedCode, ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        raise fail(path, where, "'codes' must be a list of {code, valid}")
    out = []
    for item in value:
        if not isinstance(item, dict) or not isinstance(item.get("code"), str):
            raise fail(path, where, f"bad dated code {item!r}")
        code = item["code"]
        chunks = [code[i : i + 3] for i in range(0, len(code), 3)]
        if not CODE_RE.match(code) or (chunks[0] not in STATELESS and not ISO3_RE.match(chunks[0])):
            raise fail(path, where, f"dated code {code!r} is malformed")
        out.append(DatedCode(code, parse_valid(item.get("valid", [None, None]), path, where)))
    return tuple(out)


def _country_sector(entry: dict, path: str, where: str) -> tuple[str | None, str | None]:
    if "country" not in entry:
        raise fail(path, where, "missing key 'country' (use null for none)")
    country, sector = entry["country"], entry.get("sector")
    if country is not None and (not isinstance(country, str) or not ISO3_RE.match(country)):
        raise fail(path, where, f"country {country!r} is not an ISO 3166 alpha-3 code")
    if sector is not None and sector not in SECTORS:
        raise fail(path, where, f"unknown sector {sector!r}")
    return country, sector


def build_actor(entry: Any, path: str, index: int, origin: str = "hadath") -> Actor:
    """Validate one entry and turn it into an :class:`Actor`."""
    where = f"entry {index}"
    if not isinstance(entry, dict):
        raise fail(path, where, f"expected a mapping, got {type(entry).__name__}")
    actor_id = _text(entry, "id", path, where, required=True)
    where = f"entry {index} ({actor_id})"
    unknown = sorted(set(entry) - KEYS)
    if unknown:
        raise fail(path, where, f"unknown key(s) {unknown}")
    if not ID_RE.match(actor_id):
        raise fail(path, where, "id must be a lowercase slug like 'rus.gov' or 'person.x_y'")
    name = _text(entry, "name", path, where, required=True)
    kind_ = _text(entry, "type", path, where, required=True)
    if kind_ not in TYPES:
        raise fail(path, where, f"unknown type {kind_!r} (expected one of {sorted(TYPES)})")
    country, sector = _country_sector(entry, path, where)
    code = entry.get("code")
    if code is None and kind_ in PLACES:
        code = country  # a place's code is its country's (None for regions, seas, rivers)
    elif code is None:
        raise fail(path, where, "missing key 'code' (only places may omit it)")
    if code is not None:
        problem = check_code(str(code), country, sector)
        if problem:
            raise fail(path, where, problem)
    names, dated = _names(entry, name, path, where)
    demonyms = entry.get("demonyms") or []
    if not isinstance(demonyms, list) or not all(isinstance(d, str) and d for d in demonyms):
        raise fail(path, where, "'demonyms' must be a list of strings")
    valid = entry.get("valid")
    ambiguous = _ambiguous(entry.get("ambiguous"), names, path, where)
    return Actor(
        id=actor_id,
        name=name,
        names=names,
        type=kind_,
        country=country,
        sector=sector,
        code=None if code is None else str(code),
        en=_text(entry, "en", path, where),
        kind=_text(entry, "kind", path, where),
        role=_role(entry.get("role"), path, where),
        parent=_text(entry, "parent", path, where),
        coords=_coords(entry.get("coords"), path, where),
        demonyms=tuple(demonyms),
        capital=_text(entry, "capital", path, where),
        valid=None if valid is None else parse_valid(valid, path, where),
        codes=_codes(entry.get("codes"), country, path, where),
        name_valid=dated,
        note=_text(entry, "note", path, where),
        matchable=bool(entry.get("matchable", True)),
        ambiguous=ambiguous,
        origin=origin,
        source=path,
    )
