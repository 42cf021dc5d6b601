"""A readable summary of a store, for people (``hadath summary``)."""

from __future__ import annotations

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
    return "\n".join(lines)
