"""A readable summary of a store, for people (``hadath summary``)."""

from __future__ import annotations

from hadath.model import AGENT_KEY
from hadath.store.db import Store

TABLES = ("documents", "articles", "entities", "events", "quotes", "stories")


def _short(text: str | None, width: int = 70) -> str:
    if not text:
        return "—"
    return text if len(text) <= width else text[: width - 1] + "…"


def summarize(store: Store) -> str:
    counts = ", ".join(f"{store.count(t)} {t}" for t in TABLES)
    lines = [f"{store.path}: {counts}", ""]
    rows = store.rows(
        "SELECT id, role, title, articles.outlet, dateline, byline, articles.published, "
        "published_reason, "
        "length(body) AS chars FROM articles JOIN documents USING (doc_id) ORDER BY seq, idx"
    )
    for row in rows:
        published = row["published"].isoformat() if row["published"] else "date unknown"
        lines.append(f"{row['id']}  [{row['role']}]  {_short(row['title'])}")
        details = [
            f"outlet: {row['outlet'] or '—'}",
            f"dateline: {row['dateline'] or '—'}",
            f"byline: {row['byline'] or '—'}",
            f"published: {published}",
            f"{row['chars']} chars",
        ]
        lines.append("    " + " · ".join(details))
        if row["published"] is None and row["published_reason"]:
            lines.append(f"    (no date: {row['published_reason']})")
    outlets = store.rows(
        "SELECT coalesce(outlet, '(unknown)') AS outlet, count(*) AS n FROM articles "
        "GROUP BY 1 ORDER BY n DESC"
    )
    lines += ["", "outlets: " + ", ".join(f"{r['outlet']} ({r['n']})" for r in outlets)]
    lines += _actors(store) + _events(store)
    return "\n".join(lines)


def _actors(store: Store) -> list[str]:
    """The most mentioned coded, named actors (not an article's unnamed ``الرهائن``),
    counted in articles that duplicate no earlier one."""
    rows = store.rows(
        "SELECT e.name, e.actor_code, count(*) AS n FROM entities e JOIN mentions m "
        "ON m.entity_id = e.id JOIN articles a ON a.id = m.article_id "
        "WHERE e.actor_code IS NOT NULL AND a.duplicate_of IS NULL AND e.id NOT IN "
        f"(SELECT entity_id FROM entity_keys WHERE key LIKE '{AGENT_KEY}%') "
        "GROUP BY e.name, e.actor_code ORDER BY n DESC, e.name LIMIT 12"
    )
    shown = (f"{r['name']} [{r['actor_code']}] ×{r['n']}" for r in rows)
    return ["actors: " + (", ".join(shown) or "none")]


def _events(store: Store) -> list[str]:
    rows = store.rows(
        "SELECT type, count(*) AS n FROM events WHERE fusion_id IS NULL OR fusion_id = id "
        "GROUP BY type ORDER BY n DESC"
    )
    counts = ", ".join(f"{r['type']} {r['n']}" for r in rows) or "none"
    fused = store.con.execute(
        "SELECT count(*) FROM events WHERE fusion_id = id AND json_array_length(reports) > 1"
    ).fetchone()[0]
    return [f"events: {counts}; {fused} told by more than one article"]
