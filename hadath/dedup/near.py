"""Exact and near-duplicate articles: ``duplicate_of`` points to the earliest copy.

Candidates come from MinHash LSH (datasketch) over word-shingle signatures, so the
cost grows near-linearly with the corpus; every candidate pair is then confirmed
on the exact shingle sets: Jaccard ≥ 0.8, or (a reprint missing a paragraph) the
shorter text ≥ 0.9 contained in the longer one with Jaccard ≥ 0.5.

Signatures are stored, so a new batch is compared with everything stored before
without recomputing it (incremental).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

import numpy as np
from datasketch import MinHashLSH

from hadath.dedup.minhash import NUM_PERM, containment, jaccard, shingle_array, signature
from hadath.pipeline import corpus_stage
from hadath.store.db import Store

LSH_THRESHOLD = 0.5
SAME_JACCARD = 0.8
SAME_CONTAINMENT = 0.9
CONTAINED_MIN_JACCARD = 0.5
MIN_SHINGLES = 8  # shorter texts are too small to call near-identical


def is_near_duplicate(a: np.ndarray, b: np.ndarray) -> bool:
    """Whether two shingle arrays are the same text up to small edits or a missing part."""
    if min(len(a), len(b)) < MIN_SHINGLES:
        return np.array_equal(a, b)
    score = jaccard(a, b)
    if score >= SAME_JACCARD:
        return True
    return score >= CONTAINED_MIN_JACCARD and containment(a, b) >= SAME_CONTAINMENT


@dataclass(slots=True)
class Entry:
    article_id: str
    published: date | None
    seq: int
    index: int

    @property
    def order(self) -> tuple[date, int, int]:
        """Earliest first: by publication date (unknown last), then ingestion order."""
        return (self.published or date.max, self.seq, self.index)


class _Sketch:
    """What datasketch's LSH reads of a MinHash: its hash values and length.

    Building a full ``MinHash`` per article would draw its permutations again each
    time; our signatures are already computed (:func:`~hadath.dedup.minhash.signature`).
    """

    __slots__ = ("hashvalues",)

    def __init__(self, sig: np.ndarray) -> None:
        self.hashvalues = sig

    def __len__(self) -> int:
        return len(self.hashvalues)


def _minhash(sig: np.ndarray) -> _Sketch:
    return _Sketch(sig)


class NearDuplicateIndex:
    """An LSH index of article signatures, with exact confirmation of candidates.

    ``body_of`` fetches the text of an indexed article when a candidate must be
    confirmed and its shingles are not in memory (articles from earlier runs).
    """

    def __init__(self, body_of: Callable[[str], str]) -> None:
        self.lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)
        self.body_of = body_of
        self.shingle_arrays: dict[str, np.ndarray] = {}

    def add(self, article_id: str, sig: np.ndarray) -> None:
        self.lsh.insert(article_id, _minhash(sig), check_duplication=False)

    def _shingles_of(self, article_id: str) -> np.ndarray:
        if article_id not in self.shingle_arrays:
            self.shingle_arrays[article_id] = shingle_array(self.body_of(article_id))
        return self.shingle_arrays[article_id]

    def check(self, article_id: str, body: str) -> tuple[str | None, np.ndarray]:
        """The indexed article ``body`` repeats (or None), and its signature; then index it."""
        own = self.shingle_arrays[article_id] = shingle_array(body)
        sig = signature(own)
        match = next(
            (
                c
                for c in self.lsh.query(_minhash(sig))
                if is_near_duplicate(own, self._shingles_of(c))
            ),
            None,
        )
        self.add(article_id, sig)
        return match, sig


def _body_getter(store: Store) -> Callable[[str], str]:
    def body_of(article_id: str) -> str:
        return store.con.execute("SELECT body FROM articles WHERE id = ?", [article_id]).fetchone()[
            0
        ]

    return body_of


def _entries(store: Store) -> dict[str, Entry]:
    sql = "SELECT a.id, a.published, d.seq, a.idx FROM articles a JOIN documents d USING (doc_id)"
    return {r["id"]: Entry(r["id"], r["published"], r["seq"], r["idx"]) for r in store.rows(sql)}


def find_duplicates(store: Store, new_ids: list[str]) -> dict[str, str]:
    """Map each new article that repeats an earlier-stored or new one to that article."""
    index = NearDuplicateIndex(_body_getter(store))
    fresh = set(new_ids)
    for row in store.rows("SELECT article_id, sig FROM article_signatures"):
        if row["article_id"] not in fresh:
            index.add(row["article_id"], np.frombuffer(row["sig"], dtype=np.uint32))
    matches: dict[str, str] = {}
    signatures = []
    bodies = dict(store.con.execute(
        "SELECT id, body FROM articles WHERE id IN (SELECT unnest(?::VARCHAR[]))", [new_ids]
    ).fetchall())  # fmt: skip
    for article_id in new_ids:
        match, sig = index.check(article_id, bodies[article_id])
        if match:
            matches[article_id] = match
        signatures.append((article_id, sig.tobytes()))
    store.add_signatures(signatures)
    return matches


def _groups(store: Store, matches: dict[str, str]) -> list[set[str]]:
    """Duplicate groups touched by ``matches``, including stored members of those groups."""
    parent: dict[str, str] = {}

    def root(x: str) -> str:
        while parent.get(x, x) != x:
            x = parent[x]
        return x

    for a, b in matches.items():
        parent[root(a)] = root(b)
    stored = store.rows("SELECT id, duplicate_of FROM articles WHERE duplicate_of IS NOT NULL")
    for row in stored:
        parent[root(row["id"])] = root(row["duplicate_of"])
    groups: dict[str, set[str]] = {}
    for member in set(parent) | set(parent.values()):
        groups.setdefault(root(member), set()).add(member)
    touched = set(matches) | set(matches.values())
    return [g for g in groups.values() if g & touched]


@corpus_stage("dedup")
def mark_duplicates(store: Store, new_ids: list[str]) -> int:
    """Set ``duplicate_of`` (to the earliest copy) for every group a new article joins."""
    matches = find_duplicates(store, new_ids)
    if not matches:
        return 0
    entries = _entries(store)
    updates = []
    for group in _groups(store, matches):
        earliest = min(group, key=lambda a: entries[a].order)
        updates += [(a, None if a == earliest else earliest) for a in group]
    with store.transaction():
        store.update_rows("articles", "id", ("duplicate_of",), updates)
    return len(matches)
