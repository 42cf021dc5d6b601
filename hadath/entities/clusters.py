"""Distributional word clusters for the CRF entity tagger.

``hadath/models/ner-clusters.tsv`` (built by ``scripts/build_clusters.py`` from
SaudiNewsNet, CC BY-NC-SA 4.0) maps a word's stem without proclitics (the key of
:func:`hadath.entities.features.word_key`) to one cluster id per granularity in
``LEVELS`` (finest first; the clusters nest). Words that appear in similar contexts
in a large news corpus share clusters, so a name never seen in ANERcorp can still
look like the names the tagger was trained on.
"""

from __future__ import annotations

import functools
from pathlib import Path

from hadath.errors import DataFileError

CLUSTERS_PATH = Path(__file__).resolve().parent.parent / "models" / "ner-clusters.tsv"
LEVELS = (1024, 256, 64)  # clusters per column, finest first

Clusters = dict[str, tuple[str, ...]]


def read_clusters(path: Path, levels: tuple[int, ...] = LEVELS) -> Clusters:
    """``key -> (id at each level, as strings)``; a malformed file raises DataFileError."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise DataFileError(str(path), "cluster file not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise DataFileError(str(path), f"cannot read cluster file: {exc}") from None
    table: Clusters = {}
    for number, line in enumerate(lines, start=1):
        if not line or line.startswith("#"):
            continue
        fields = line.split("\t")
        ids = fields[1:]
        if (
            len(fields) != len(levels) + 1
            or not fields[0]
            or not all(v.isdigit() and int(v) < size for v, size in zip(ids, levels, strict=True))
        ):
            raise DataFileError(str(path), f"line {number}: expected 'key' and {len(levels)} ids")
        if fields[0] in table:
            raise DataFileError(str(path), f"line {number}: duplicate key {fields[0]!r}")
        table[fields[0]] = tuple(ids)
    return table


@functools.cache
def load_clusters(path: Path = CLUSTERS_PATH) -> Clusters:
    """The shipped cluster table (read once)."""
    return read_clusters(path)
