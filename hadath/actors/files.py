"""Reading actor data files (YAML and TSV) into raw entries, before validation."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from hadath.errors import DataFileError
from hadath.resources import expand_paths, read_yaml

ACTORS_DIR = Path(__file__).resolve().parent.parent / "data" / "actors"
SHIPPED = ("countries.yaml", "places.yaml", "organizations.yaml", "persons.yaml")
PETRARCH = "petrarch.tsv"
AGENTS = "agents.yaml"
SUFFIXES = (".yaml", ".yml", ".tsv")
TSV_COLUMNS = ["id", "name", "names", "type", "country", "sector", "code", "codes", "form", "note"]


RawEntry = tuple[dict[str, Any], str, int]  # entry, file, position in the file (1-based)


def expand(paths: list[str | Path]) -> list[Path]:
    """User paths as files: a directory stands for its YAML/TSV files, sorted."""
    return expand_paths(paths, tuple(SUFFIXES), "actor")


def read_entries(path: Path) -> list[RawEntry]:
    """The raw entries of an actor file (YAML ``actors:`` list, or TSV rows)."""
    if path.suffix == ".tsv":
        return list(_tsv_entries(path))
    data = read_yaml(path)
    if not isinstance(data, dict) or not isinstance(data.get("actors"), list):
        raise DataFileError(str(path), "expected a mapping with an 'actors' list")
    return [(entry, str(path), number) for number, entry in enumerate(data["actors"], start=1)]


def _tsv_entries(path: Path) -> Iterator[RawEntry]:
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            rows = [r for r in csv.reader(handle, delimiter="\t") if r and not r[0].startswith("#")]
    except FileNotFoundError:
        raise DataFileError(str(path), "data file not found") from None
    if not rows or rows[0] != TSV_COLUMNS:
        raise DataFileError(str(path), f"header must be {TSV_COLUMNS}")
    for number, row in enumerate(rows[1:], start=2):
        if len(row) != len(TSV_COLUMNS):
            raise DataFileError(str(path), f"line {number}: {len(row)} fields, expected 10")
        yield _tsv_entry(dict(zip(TSV_COLUMNS, row, strict=True)), str(path), number)


def _tsv_entry(row: dict[str, str], path: str, number: int) -> RawEntry:
    entry: dict[str, Any] = {k: (v or None) for k, v in row.items() if k not in ("form", "codes")}
    entry["names"] = [n.strip() for n in (row["names"] or "").split("|") if n.strip()]
    entry["matchable"] = row["form"] != "lemma"
    if row["codes"]:
        entry["codes"] = [_dated(item, path, number) for item in row["codes"].split(";")]
    return entry, path, number


def _dated(item: str, path: str, number: int) -> dict[str, Any]:
    """``CODE from..to`` (either date may be empty) as a ``{code, valid}`` mapping."""
    code, _, span = item.strip().partition(" ")
    if ".." not in span:
        raise DataFileError(path, f"line {number}: dated code {item!r} needs 'CODE from..to'")
    start, end = span.split("..", 1)
    return {"code": code, "valid": [start.strip() or None, end.strip() or None]}
