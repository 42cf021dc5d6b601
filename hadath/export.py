"""Exporting stored records as JSON Lines, CSV or Parquet (see docs/cli-and-export.md).

Every record kind has a fixed field list; every field is present in every record
(``null`` where unknown). Nested parts (``source``, ``mentions``...) are objects in
JSON Lines and Parquet, and JSON text in CSV cells.
"""

from __future__ import annotations

import csv
import json
import os
import sys
import tempfile
from collections.abc import Callable, Iterator
from datetime import date
from typing import IO, Any

import duckdb

from hadath.errors import HadathError
from hadath.store.db import Store, loads

SPAN = 'STRUCT(entity_id VARCHAR, actor_code VARCHAR, text VARCHAR, start INTEGER, "end" INTEGER)'
# Field name -> DuckDB type, per record kind: the export contract, in order.
FIELDS: dict[str, dict[str, str]] = {
    "articles": {
        "id": "VARCHAR", "doc_id": "VARCHAR", "source": "VARCHAR", "index": "INTEGER",
        "role": "VARCHAR", "title": "VARCHAR", "subtitle": "VARCHAR", "dateline": "VARCHAR",
        "byline": "VARCHAR", "outlet": "VARCHAR", "published": "DATE", "body": "VARCHAR",
        "duplicate_of": "VARCHAR", "story_id": "VARCHAR", "url": "VARCHAR",
        "published_reason": "VARCHAR",
    },
    "entities": {
        "id": "VARCHAR", "name": "VARCHAR", "type": "VARCHAR", "actor_code": "VARCHAR",
        "country": "VARCHAR", "role": "VARCHAR", "variants": "VARCHAR[]",
        "mentions": 'STRUCT(article_id VARCHAR, start INTEGER, "end" INTEGER, text VARCHAR)[]',
    },
    "events": {
        "id": "VARCHAR", "article_id": "VARCHAR", "type": "VARCHAR", "mode": "VARCHAR",
        "cameo": "VARCHAR", "source": SPAN, "target": SPAN, "date": "DATE",
        "date_text": "VARCHAR", "location": SPAN, "negated": "BOOLEAN",
        "hypothetical": "BOOLEAN", "evidence": 'STRUCT(start INTEGER, "end" INTEGER, text VARCHAR)',
        "confidence": "DOUBLE", "reports": "VARCHAR[]",
    },
    "quotes": {
        "id": "VARCHAR", "article_id": "VARCHAR", "speaker": SPAN, "verb": "VARCHAR",
        "text": "VARCHAR", "start": "INTEGER", "end": "INTEGER",
    },
    "stories": {"id": "VARCHAR", "title": "VARCHAR", "article_ids": "VARCHAR[]"},
    "framing": {
        "outlet": "VARCHAR", "actor": "VARCHAR", "label": "VARCHAR", "count": "INTEGER",
        "examples": "JSON",
    },
}  # fmt: skip
KINDS = tuple(FIELDS)
RowReader = Callable[[Store], Iterator[dict[str, Any]]]
FORMATS = ("jsonl", "csv", "parquet")


def _articles(store: Store) -> Iterator[dict[str, Any]]:
    sql = "SELECT a.* FROM articles a JOIN documents d USING (doc_id) ORDER BY d.seq, a.idx"
    for row in store.rows(sql):
        row["index"] = row.pop("idx")
        yield row


def _entities(store: Store) -> Iterator[dict[str, Any]]:
    mentions: dict[str, list[dict[str, Any]]] = {}
    for m in store.rows('SELECT * FROM mentions ORDER BY article_id, start, "end"'):
        mentions.setdefault(m.pop("entity_id"), []).append(m)
    for row in store.rows("SELECT * FROM entities ORDER BY id"):
        row["variants"] = loads(row["variants"]) or []
        row["mentions"] = mentions.get(row["id"], [])
        yield row


def _json_columns(
    table: str, columns: tuple[str, ...], order: str, where: str = "TRUE"
) -> RowReader:
    def rows(store: Store) -> Iterator[dict[str, Any]]:
        for row in store.rows(f"SELECT * FROM {table} WHERE {where} ORDER BY {order}"):
            for column in columns:
                row[column] = loads(row[column])
            yield row

    return rows


def _stories(store: Store) -> Iterator[dict[str, Any]]:
    members: dict[str, list[str]] = {}
    sql = "SELECT story_id, id FROM articles WHERE story_id IS NOT NULL ORDER BY id"
    for row in store.rows(sql):
        members.setdefault(row["story_id"], []).append(row["id"])
    for row in store.rows("SELECT * FROM stories ORDER BY id"):
        row["article_ids"] = members.get(row["id"], [])
        yield row


def _with_codes(reader: RowReader, sides: tuple[str, ...]) -> RowReader:
    """Each actor's ``actor_code``: its merged entity's (read now, so a later merge is
    reflected), else the code its span told when it was found (country and sector)."""

    def rows(store: Store) -> Iterator[dict[str, Any]]:
        sql = "SELECT id, actor_code FROM entities"
        codes = {r["id"]: r["actor_code"] for r in store.rows(sql)}
        for row in reader(store):
            for side in sides:
                actor = row.get(side)
                if isinstance(actor, dict):
                    own = codes.get(actor.get("entity_id"))
                    actor["actor_code"] = own or actor.get("actor_code")
            yield row

    return rows


READERS = {
    "articles": _articles,
    "entities": _entities,
    "events": _with_codes(
        _json_columns(
            "events",
            ("source", "target", "location", "evidence", "reports"),
            "id",
            # one record per fused event: the earliest report, whose reports list every article
            "fusion_id IS NULL OR fusion_id = id",
        ),
        ("source", "target", "location"),
    ),
    "quotes": _with_codes(_json_columns("quotes", ("speaker",), "id"), ("speaker",)),
    "stories": _stories,
    "framing": _json_columns("framing", ("examples",), "outlet, actor, count DESC, label"),
}


def records(store: Store, kind: str) -> Iterator[dict[str, Any]]:
    """Records of ``kind`` with exactly the contract's fields, in contract order."""
    if kind not in FIELDS:
        raise HadathError(f"unknown record kind {kind!r} (expected one of {', '.join(KINDS)})")
    names = list(FIELDS[kind])
    for row in READERS[kind](store):
        yield {name: row.get(name) for name in names}


def _default(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(f"cannot serialise {type(value).__name__}")


def write_jsonl(rows: Iterator[dict[str, Any]], out: IO[str]) -> int:
    count = 0
    for row in rows:
        out.write(json.dumps(row, ensure_ascii=False, default=_default) + "\n")
        count += 1
    return count


def _cell(value: Any) -> Any:
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False, default=_default)
    return value


def write_csv(rows: Iterator[dict[str, Any]], out: IO[str], names: list[str]) -> int:
    writer = csv.DictWriter(out, fieldnames=names)
    writer.writeheader()
    count = 0
    for row in rows:
        writer.writerow({k: _cell(v) for k, v in row.items()})
        count += 1
    return count


def write_parquet(rows: Iterator[dict[str, Any]], path: str, kind: str) -> int:
    """Parquet with typed (nested) columns, through a temporary JSON Lines file."""
    columns = ", ".join(f"'{name}': '{kind_}'" for name, kind_ in FIELDS[kind].items())
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as tmp:
        count = write_jsonl(rows, tmp)
    try:
        con = duckdb.connect()
        select = (
            f"SELECT * FROM read_json('{tmp.name}', format='newline_delimited', "
            f"columns={{{columns}}})"
        )
        if count == 0:
            types = ", ".join(f'NULL::{t} AS "{n}"' for n, t in FIELDS[kind].items())
            select = f"SELECT {types} LIMIT 0"
        con.execute(f"COPY ({select}) TO '{_sql_path(path)}' (FORMAT parquet)")
        con.close()
    finally:
        os.unlink(tmp.name)
    return count


def _sql_path(path: str) -> str:
    return path.replace("'", "''")


def export(store: Store, kind: str, fmt: str = "jsonl", output: str | None = None) -> int:
    """Write every record of ``kind`` to ``output`` (standard output when None)."""
    if fmt not in FORMATS:
        raise HadathError(f"unknown format {fmt!r} (expected one of {', '.join(FORMATS)})")
    rows = records(store, kind)
    if fmt == "parquet":
        if output is None:
            raise HadathError("parquet export needs an output file: -o FILE")
        return write_parquet(rows, output, kind)
    if output is None:
        return _write_text(rows, sys.stdout, fmt, kind)
    with open(output, "w", encoding="utf-8", newline="") as handle:
        return _write_text(rows, handle, fmt, kind)


def _write_text(rows: Iterator[dict[str, Any]], out: IO[str], fmt: str, kind: str) -> int:
    if fmt == "csv":
        return write_csv(rows, out, list(FIELDS[kind]))
    return write_jsonl(rows, out)
