"""Loading and validating the knowledge data files shipped in ``hadath/data``.

Knowledge (furniture patterns, month names, actors, trigger lexicons...) lives in
YAML/TSV files a user can read and extend. Every loader validates what it reads
and names the file and the problem when something is wrong.
"""

from __future__ import annotations

import csv
import functools
from pathlib import Path
from typing import Any

import yaml

from hadath.errors import DataFileError

DATA_DIR = Path(__file__).parent / "data"


def data_path(name: str) -> Path:
    return DATA_DIR / name


_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the C parser when PyYAML has it


def read_yaml(path: Path) -> Any:
    """Parse one YAML file; a missing or broken file raises DataFileError."""
    try:
        with path.open(encoding="utf-8") as handle:
            return yaml.load(handle, Loader=_LOADER)
    except FileNotFoundError:
        raise DataFileError(str(path), "data file not found") from None
    except yaml.YAMLError as exc:
        raise DataFileError(str(path), f"invalid YAML: {exc}") from None


@functools.cache
def load_yaml(name: str) -> Any:
    """Parse ``hadath/data/<name>`` (cached); a missing or broken file raises DataFileError."""
    return read_yaml(data_path(name))


def expand_paths(paths: list[str | Path], suffixes: tuple[str, ...], what: str) -> list[Path]:
    """User paths as files: a directory stands for its files with ``suffixes``, sorted."""
    out: list[Path] = []
    for item in paths:
        path = Path(item)
        if path.is_dir():
            out.extend(sorted(p for p in path.iterdir() if p.suffix in suffixes))
        elif path.exists():
            out.append(path)
        else:
            raise DataFileError(str(path), f"{what} file or directory not found")
    return out


def require_keys(
    path: str, entry: Any, keys: dict[str, type | tuple[type, ...]], where: str
) -> dict:
    """Check that ``entry`` is a mapping holding ``keys`` with the given types."""
    if not isinstance(entry, dict):
        raise DataFileError(path, f"{where}: expected a mapping, got {type(entry).__name__}")
    for key, kind in keys.items():
        if key not in entry:
            raise DataFileError(path, f"{where}: missing key {key!r}")
        if not isinstance(entry[key], kind):
            raise DataFileError(path, f"{where}: {key!r} has the wrong type")
    return entry


def string_list(path: str, value: Any, where: str) -> list[str]:
    """Validate a list of non-empty strings."""
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise DataFileError(path, f"{where}: expected a list of non-empty strings")
    return value


def load_tsv(name: str, columns: list[str]) -> list[dict[str, str]]:
    """Rows of a TSV data file whose header must start with ``columns``."""
    path = data_path(name)
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            rows = [r for r in csv.reader(handle, delimiter="\t") if r and not r[0].startswith("#")]
    except FileNotFoundError:
        raise DataFileError(str(path), "data file not found") from None
    if not rows or rows[0][: len(columns)] != columns:
        raise DataFileError(str(path), f"header must start with {columns}")
    header = rows[0]
    out = []
    for number, row in enumerate(rows[1:], start=2):
        if len(row) != len(header):
            problem = f"row {number}: {len(row)} fields, expected {len(header)}"
            raise DataFileError(str(path), problem)
        out.append(dict(zip(header, row, strict=True)))
    return out
