"""On-disk cache of the validated, indexed knowledge base.

Parsing and validating every actor file takes most of a second; the cache brings a
fresh process's load under a tenth of that. The cache key covers the Python version,
the loader's source files and the size and mtime of every data file read, so editing
any of them rebuilds it. The cache lives in ``$HADATH_CACHE_DIR`` (default
``$XDG_CACHE_HOME/hadath`` or ``~/.cache/hadath``); ``HADATH_NO_CACHE=1`` turns it off.
Any failure to read or write it is silent: the cache is only ever a shortcut.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
from pathlib import Path
from typing import Any

_SOURCES = ("schema.py", "kb.py", "files.py", "agents.py", "cache.py")


def cache_dir() -> Path | None:
    if os.environ.get("HADATH_NO_CACHE"):
        return None
    base = os.environ.get("HADATH_CACHE_DIR")
    if base:
        return Path(base)
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg) if xdg else Path.home() / ".cache") / "hadath"


def fingerprint(files: list[Path], args: str) -> str:
    """Cache key ``"<args>-<files>"``: a hash of the arguments, then one of the files
    read and the loader's sources (size and mtime)."""
    here = Path(__file__).resolve().parent
    head = hashlib.sha1(args.encode()).hexdigest()[:10]
    digest = hashlib.sha1(sys.version.encode())
    for path in [*(here / name for name in _SOURCES), *files]:
        try:
            stat = path.stat()
            digest.update(f"{path.resolve()}|{stat.st_size}|{stat.st_mtime_ns}\n".encode())
        except OSError:
            digest.update(f"{path}|missing\n".encode())
    return f"{head}-{digest.hexdigest()[:20]}"


def _name(key: str) -> str:
    return f"actors-{key}.pickle"


def load(key: str) -> Any | None:
    """The state saved under ``key`` (``"<args>-<files>"``), or None."""
    folder = cache_dir()
    if folder is None:
        return None
    try:
        with (folder / _name(key)).open("rb") as handle:
            return pickle.load(handle)  # our own file, written by save()
    except (OSError, pickle.PickleError, EOFError, AttributeError, ValueError):
        return None


def save(key: str, state: Any) -> None:
    """Store ``state``; older states saved for the same arguments are removed."""
    folder = cache_dir()
    if folder is None:
        return
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for old in folder.glob(_name(key.split("-")[0] + "-*")):
            old.unlink(missing_ok=True)
        tmp = folder / f"actors-{key}.{os.getpid()}.tmp"
        with tmp.open("wb") as handle:
            pickle.dump(state, handle, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(folder / _name(key))
    except OSError:
        return
