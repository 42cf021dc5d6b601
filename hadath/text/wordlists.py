"""Plain word-list data files: one entry per line, ``#`` starts a comment line."""

from __future__ import annotations

from hadath.errors import DataFileError
from hadath.resources import data_path


def load_word_list(name: str) -> list[str]:
    """Entries of ``hadath/data/<name>``; a missing file or a line with spaces raises."""
    path = data_path(name)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise DataFileError(str(path), "data file not found") from None
    entries = []
    for number, line in enumerate(lines, start=1):
        entry = line.strip()
        if not entry or entry.startswith("#"):
            continue
        if len(entry.split()) != 1:
            raise DataFileError(str(path), f"line {number}: expected one entry, got {entry!r}")
        entries.append(entry)
    return entries
