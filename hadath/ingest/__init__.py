"""Ingestion: files and directories of pages become :class:`~hadath.model.Document` objects."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from hadath.errors import InputError
from hadath.ingest.readers import READERS, Item


def iter_files(inputs: Iterable[str]) -> Iterator[Path | InputError]:
    """Input files in a stable order; directories are walked recursively.

    Files with an unknown extension inside a directory are passed over; named
    explicitly, they are an error.
    """
    for raw in inputs:
        path = Path(raw)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                hidden = any(part.startswith(".") for part in child.relative_to(path).parts)
                if child.is_file() and not hidden and child.suffix.lower() in READERS:
                    yield child
        elif path.is_file():
            if path.suffix.lower() in READERS:
                yield path
            else:
                known = ", ".join(sorted(READERS))
                yield InputError(str(path), f"unsupported file type (expected {known})")
        else:
            yield InputError(str(path), "no such file or directory")


def read_file(path: Path, outlet: str | None = None) -> Iterator[Item]:
    """Documents (and skipped-record errors) of one file; whole-file problems are yielded too."""
    reader = READERS[path.suffix.lower()]
    try:
        yield from reader(path, outlet)
    except InputError as exc:
        yield exc
    except OSError as exc:
        yield InputError(str(path), f"cannot read file ({exc.strerror or exc})")
