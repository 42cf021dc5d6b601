"""Known news outlets and agencies (``data/outlets.yaml``): names, hosts, lookups."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from urllib.parse import urlparse

from hadath.actors.schema import ISO3_RE
from hadath.errors import DataFileError
from hadath.resources import data_path, load_yaml, require_keys, string_list
from hadath.text.normalize import normalize

_FILE = "outlets.yaml"


@dataclass(frozen=True, slots=True)
class Outlet:
    id: str
    names: tuple[str, ...]
    hosts: tuple[str, ...]
    ambiguous: frozenset[str] = frozenset()
    country: str | None = None  # ISO 3166 alpha-3 of where it is published


def name_key(text: str) -> str:
    """Comparison key for outlet names: normalized, without dots, brackets or spaces."""
    return re.sub(r"[\s.()«»\"'“”]+", "", normalize(text))


@functools.cache
def outlets() -> tuple[Outlet, ...]:
    raw = load_yaml(_FILE)
    path = str(data_path(_FILE))
    if not isinstance(raw, dict) or not isinstance(raw.get("outlets"), list):
        raise DataFileError(path, "expected a mapping with an 'outlets' list")
    out = []
    seen: set[str] = set()
    for number, entry in enumerate(raw["outlets"], start=1):
        where = f"outlet #{number}"
        require_keys(path, entry, {"id": str, "names": list}, where)
        if entry["id"] in seen:
            raise DataFileError(path, f"{where}: duplicate id {entry['id']!r}")
        seen.add(entry["id"])
        names = string_list(path, entry["names"], f"{where} names")
        hosts = (
            string_list(path, entry.get("hosts", []), f"{where} hosts")
            if entry.get("hosts")
            else []
        )
        country = _country(path, entry.get("country"), where)
        ambiguous = entry.get("ambiguous") or []
        if ambiguous:
            string_list(path, ambiguous, f"{where} ambiguous")
        out.append(
            Outlet(
                entry["id"],
                tuple(names),
                tuple(h.lower() for h in hosts),
                frozenset(name_key(a) for a in ambiguous),
                country,
            )
        )
    return tuple(out)


def _country(path: str, value: object, where: str) -> str | None:
    if value is None or (isinstance(value, str) and ISO3_RE.match(value)):
        return value
    raise DataFileError(path, f"{where}: 'country' must be an ISO 3166 alpha-3 code")


@functools.cache
def _by_id() -> dict[str, Outlet]:
    return {outlet.id: outlet for outlet in outlets()}


def outlet_by_id(outlet_id: str | None) -> Outlet | None:
    """The known outlet stored on articles as ``outlet_id`` (None for an unknown one)."""
    return _by_id().get(outlet_id) if outlet_id else None


@functools.cache
def _by_name() -> dict[str, Outlet]:
    return {name_key(name): outlet for outlet in outlets() for name in outlet.names}


def outlet_by_name(text: str, ambiguous: bool = True) -> Outlet | None:
    """The outlet an Arabic name or agency abbreviation (سانا، أ.ف.ب) stands for.

    With ``ambiguous=False``, names that are also places or words (الرياض) do not count.
    """
    key = name_key(text)
    outlet = _by_name().get(key)
    if outlet is not None and not ambiguous and key in outlet.ambiguous:
        return None
    return outlet


def outlet_by_url(url: str) -> Outlet | None:
    """The outlet whose web host serves ``url`` (sub-domains included)."""
    host = (urlparse(url).hostname or "").lower()
    for outlet in outlets():
        if any(host == h or host.endswith("." + h) for h in outlet.hosts):
            return outlet
    return None
