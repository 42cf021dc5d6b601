"""Event fusion: one real action reported by several articles becomes one event.

Two reported events are the same event when they have the same type, the same
source and target entities (after corpus-wide entity merging; a missing side must
be missing in both, and then the two articles must belong to one story; an unnamed
side such as ``المدنيين`` is an entity of its article, and matches the same noun of
another article of the same story), dates
within ``DAY_WINDOW`` days (an unknown date agrees with any), compatible places
(the same entity, or one unknown) and the same negation.
Each group gets a ``fusion_id``; its earliest report (within one article, the most
confident reading) is the group's record and its
``reports`` list every article that tells it. Each article's own evidence stays in
the store, one row per report.
"""

from __future__ import annotations

import json
from collections import defaultdict
from datetime import date

from hadath.model import AGENT_KEY, agent_noun
from hadath.pipeline import corpus_stage
from hadath.store.db import Store

DAY_WINDOW = 2


def _entity(value: str | None) -> str | None:
    return json.loads(value).get("entity_id") if value else None


def _compatible(a: dict, b: dict) -> bool:
    if a["vague"] and a["story_id"] != b["story_id"]:
        return False  # with a side unknown or unnamed, only one story's reports are one event
    if a["date"] and b["date"] and abs((a["date"] - b["date"]).days) > DAY_WINDOW:
        return False
    places = a["place"], b["place"]
    return None in places or places[0] == places[1]


def _order(row: dict) -> tuple[date, int, float, str]:
    """Earliest report first; within one article, the reading the models trust most (an
    article that tells one action twice keeps its clearer sentence as the record)."""
    return (row["published"] or date.max, row["seq"], -(row["confidence"] or 0.0), row["id"])


def fuse(rows: list[dict]) -> dict[str, list[dict]]:
    """Groups of rows (by fusion id: the id of the group's earliest report)."""
    buckets: dict[tuple, list[dict]] = defaultdict(list)
    for row in rows:
        if row["source_id"] or row["target_id"]:
            key = (row["type"], row["source_side"], row["target_side"], row["negated"])
            buckets[key].append(row)
    groups: dict[str, list[dict]] = {}
    for bucket in buckets.values():
        clusters: list[list[dict]] = []
        for row in sorted(bucket, key=_order):
            home = next((c for c in clusters if all(_compatible(row, o) for o in c)), None)
            if home is None:
                clusters.append([row])
            else:
                home.append(row)
        for cluster in clusters:
            groups[cluster[0]["id"]] = cluster
    return groups


def _rows(store: Store) -> list[dict]:
    sql = (
        "SELECT e.id, e.article_id, e.type, e.source, e.target, e.location, e.date, e.negated, "
        "e.confidence, "
        "a.published, a.story_id, d.seq FROM events e JOIN articles a ON a.id = e.article_id "
        "JOIN documents d ON d.doc_id = a.doc_id"
    )
    unnamed = _unnamed_actors(store)
    rows = []
    for row in store.rows(sql):
        row["source_id"], row["target_id"] = _entity(row["source"]), _entity(row["target"])
        row["place"] = _entity(row["location"])
        ids = (row["source_id"], row["target_id"])
        row["source_side"], row["target_side"] = (unnamed.get(i, i) for i in ids)
        row["vague"] = None in ids or any(i in unnamed for i in ids)
        rows.append(row)
    return rows


def _unnamed_actors(store: Store) -> dict[str, str]:
    """Entity id -> noun of each unnamed actor (``المدنيين`` of one article: its key is
    ``agent:<article>:<noun>``): two articles' civilians are the same side of an event
    only when the articles tell one story."""
    sql = f"SELECT DISTINCT entity_id, key FROM entity_keys WHERE key LIKE '{AGENT_KEY}%'"
    return {row["entity_id"]: AGENT_KEY + agent_noun(row["key"]) for row in store.rows(sql)}


@corpus_stage("fusion")
def fuse_events(store: Store, new_ids: list[str]) -> int:
    """Set ``fusion_id`` and ``reports`` on every stored event (recomputed after each batch)."""
    rows = _rows(store)
    assigned = {row["id"]: (row["id"], json.dumps([row["article_id"]])) for row in rows}
    for fusion_id, members in fuse(rows).items():
        reports = json.dumps(sorted({m["article_id"] for m in members}))
        assigned.update({m["id"]: (fusion_id, reports) for m in members})
    updates = [(event, fusion, reports) for event, (fusion, reports) in assigned.items()]
    with store.transaction():
        store.update_rows("events", "id", ("fusion_id", "reports"), updates)
    return len(rows)
