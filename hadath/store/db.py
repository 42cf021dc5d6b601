"""The embedded store: one DuckDB file holding documents, articles and what stages add.

Each document is written in one transaction with everything derived from it, so
a crash mid-run leaves every committed document whole and the rest absent; a
re-run skips what is stored (documents are keyed by content hash) and resumes.
Stored articles wait in ``corpus_pending`` (written in the same transaction) until
the corpus stages have run over them, all in one transaction that also empties it:
a run that stops before then leaves them pending, and the next run completes them.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import duckdb

from hadath.errors import HadathError
from hadath.model import Article, Document, Span
from hadath.store.rows import event_row, quote_row

SCHEMA_VERSION = "1"
# Rows per INSERT/UPDATE of list parameters, which cost DuckDB far more memory than
# their rows: one statement of 278k name_blocks rows (1,500 pages) peaked 210 MiB above
# the Python rows and kept 170 MiB; 10k-row statements peak 50 MiB above, no slower.
ROWS_PER_STATEMENT = 10_000

SCHEMA = [
    "CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR)",
    "CREATE SEQUENCE IF NOT EXISTS doc_seq",
    """CREATE TABLE IF NOT EXISTS documents (
        doc_id VARCHAR PRIMARY KEY, seq BIGINT DEFAULT nextval('doc_seq'),
        hash VARCHAR UNIQUE NOT NULL, source VARCHAR, fmt VARCHAR,
        outlet VARCHAR, url VARCHAR, published DATE, text VARCHAR,
        ingested_at TIMESTAMP DEFAULT current_timestamp)""",
    """CREATE TABLE IF NOT EXISTS articles (
        id VARCHAR PRIMARY KEY, doc_id VARCHAR NOT NULL, source VARCHAR, idx INTEGER, role VARCHAR,
        title VARCHAR, subtitle VARCHAR, dateline VARCHAR, byline VARCHAR, outlet VARCHAR,
        url VARCHAR, published DATE, published_reason VARCHAR, published_text VARCHAR,
        body VARCHAR, duplicate_of VARCHAR, story_id VARCHAR)""",
    # Tables the later stages fill; present from the start so every export kind works.
    """CREATE TABLE IF NOT EXISTS entities (
        id VARCHAR PRIMARY KEY, name VARCHAR, type VARCHAR, actor_code VARCHAR, country VARCHAR,
        role VARCHAR, variants VARCHAR)""",
    """CREATE TABLE IF NOT EXISTS mentions (
        entity_id VARCHAR, article_id VARCHAR, start INTEGER, "end" INTEGER, text VARCHAR)""",
    """CREATE TABLE IF NOT EXISTS events (
        id VARCHAR PRIMARY KEY, article_id VARCHAR, type VARCHAR, mode VARCHAR, cameo VARCHAR,
        source VARCHAR, target VARCHAR, date DATE, date_text VARCHAR, location VARCHAR,
        negated BOOLEAN, hypothetical BOOLEAN, evidence VARCHAR, confidence DOUBLE,
        reports VARCHAR, fusion_id VARCHAR)""",
    """CREATE TABLE IF NOT EXISTS quotes (
        id VARCHAR PRIMARY KEY, article_id VARCHAR, speaker VARCHAR, verb VARCHAR, text VARCHAR,
        start INTEGER, "end" INTEGER)""",
    """CREATE TABLE IF NOT EXISTS article_mentions (
        article_id VARCHAR, start INTEGER, "end" INTEGER, text VARCHAR, type VARCHAR,
        key VARCHAR, actor_id VARCHAR, role VARCHAR, country VARCHAR, source VARCHAR)""",
    "CREATE TABLE IF NOT EXISTS article_signatures (article_id VARCHAR PRIMARY KEY, sig BLOB)",
    """CREATE TABLE IF NOT EXISTS article_embeddings (
        article_id VARCHAR PRIMARY KEY, vec BLOB, tvec BLOB)""",
    # How the entity merge folded each mention key (see hadath/entities/corpus.py).
    """CREATE TABLE IF NOT EXISTS entity_keys (
        key VARCHAR, home VARCHAR, parent VARCHAR, entity_id VARCHAR)""",
    "CREATE TABLE IF NOT EXISTS name_blocks (block VARCHAR, key VARCHAR, name VARCHAR)",
    # Stored articles the corpus stages have not run over yet (see hadath/runner.py).
    "CREATE TABLE IF NOT EXISTS corpus_pending (article_id VARCHAR PRIMARY KEY)",
    """CREATE TABLE IF NOT EXISTS stories (id VARCHAR PRIMARY KEY, title VARCHAR)""",
    """CREATE TABLE IF NOT EXISTS framing (
        outlet VARCHAR, actor VARCHAR, label VARCHAR, count INTEGER, examples VARCHAR)""",
]

DOCUMENT_COLUMNS = ("doc_id", "hash", "source", "fmt", "outlet", "url", "published", "text")
ARTICLE_COLUMNS = (
    "id", "doc_id", "source", "idx", "role", "title", "subtitle", "dateline", "byline", "outlet",
    "url", "published", "published_reason", "published_text", "body", "duplicate_of", "story_id",
)  # fmt: skip


EVENT_COLUMNS = (
    "id", "article_id", "type", "mode", "cameo", "source", "target", "date", "date_text",
    "location", "negated", "hypothetical", "evidence", "confidence", "reports",
)  # fmt: skip
QUOTE_COLUMNS = ("id", "article_id", "speaker", "verb", "text", "start", "end")
MENTION_COLUMNS = (
    "article_id", "start", "end", "text", "type", "key", "actor_id", "role", "country", "source",
)  # fmt: skip


def _mention_row(article: Article, span: Span) -> tuple[Any, ...]:
    a = span.attrs
    return (article.id, span.start, span.end, span.text, span.label, a["key"], a["actor_id"],
            a["role"], a["country"], a["source"])  # fmt: skip


def _document_row(doc: Document) -> tuple[Any, ...]:
    return (doc.doc_id, doc.hash, doc.source, doc.fmt, doc.outlet, doc.url, doc.published, doc.text)


def _article_row(article: Article, doc: Document) -> tuple[Any, ...]:
    return (
        article.id, article.doc_id, article.source, article.index, article.role, article.title,
        article.subtitle, article.dateline, article.byline, article.outlet, doc.url,
        article.published, article.published_reason, article.published_text, article.body,
        article.duplicate_of, article.story_id,
    )  # fmt: skip


class Store:
    """A DuckDB database file (created on first use)."""

    def __init__(self, path: str | Path, read_only: bool = False) -> None:
        self.path = str(path)
        self._types: dict[str, dict[str, str]] = {}
        # What each corpus stage changed in this run, for the stages after it.
        self.touched: dict[str, set[str]] = {}
        self._depth = 0  # open transactions: only the outermost begins and ends one
        if read_only and not Path(self.path).exists():
            raise HadathError(f"{self.path}: no such database (run `hadath run` first)")
        try:
            self.con = duckdb.connect(self.path, read_only=read_only)
        except duckdb.Error as exc:
            raise HadathError(f"{self.path}: cannot open database ({exc})") from None
        if not read_only:
            self._ensure_schema()
        self._check_version()

    def _ensure_schema(self) -> None:
        with self.transaction():
            tables = {row[0] for row in self.con.execute("SHOW TABLES").fetchall()}
            for statement in SCHEMA:
                self.con.execute(statement)
            if "articles" in tables and "corpus_pending" not in tables:
                # A store from before corpus_pending: articles the duplicate check never
                # signed (its first corpus stage) were left by a run that stopped early.
                self.con.execute(
                    "INSERT INTO corpus_pending SELECT id FROM articles WHERE id NOT IN "
                    "(SELECT article_id FROM article_signatures)"
                )
            self.con.execute(
                "INSERT INTO meta VALUES ('schema_version', ?) ON CONFLICT DO NOTHING",
                [SCHEMA_VERSION],
            )

    def _check_version(self) -> None:
        try:
            row = self.con.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
        except duckdb.CatalogException:
            raise HadathError(f"{self.path}: not a hadath database") from None
        if row is None or row[0] != SCHEMA_VERSION:
            found = row[0] if row else "none"
            raise HadathError(
                f"{self.path}: database schema version {found}, this hadath needs "
                f"{SCHEMA_VERSION}; run into a new --db"
            )

    def transaction(self) -> _Transaction:
        """A transaction; one opened inside another joins it (commits or rolls back with it)."""
        return _Transaction(self)

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # Documents -----------------------------------------------------------------

    def stored_doc_for_hash(self, digest: str) -> str | None:
        row = self.con.execute("SELECT doc_id FROM documents WHERE hash = ?", [digest]).fetchone()
        return row[0] if row else None

    def has_doc_id(self, doc_id: str) -> bool:
        row = self.con.execute("SELECT 1 FROM documents WHERE doc_id = ?", [doc_id]).fetchone()
        return row is not None

    def add_documents(self, docs: list[Document]) -> None:
        """Write processed documents and their articles in one transaction: all or none."""
        if not docs:
            return
        with self.transaction():
            self.insert_rows("documents", DOCUMENT_COLUMNS, [_document_row(d) for d in docs])
            rows = [_article_row(a, doc) for doc in docs for a in doc.articles]
            self.insert_rows("articles", ARTICLE_COLUMNS, rows)
            self.insert_rows("corpus_pending", ("article_id",), [(row[0],) for row in rows])
            mentions = [_mention_row(a, span) for doc in docs for a in doc.articles
                        for span in a.spans.get("entities", [])]  # fmt: skip
            self.insert_rows("article_mentions", MENTION_COLUMNS, mentions)
            self._insert_records(docs)

    def _insert_records(self, docs: list[Document]) -> None:
        """Events and quotations that stages left in ``article.records``."""
        events, quotes = [], []
        for article in (a for doc in docs for a in doc.articles):
            events += [event_row(e, i, article.body)
                       for i, e in enumerate(article.records.get("events", []))]  # fmt: skip
            quotes += [quote_row(q, i) for i, q in enumerate(article.records.get("quotes", []))]
        self.insert_rows("events", EVENT_COLUMNS, events)
        self.insert_rows("quotes", QUOTE_COLUMNS, quotes)

    def insert_rows(
        self, table: str, columns: tuple[str, ...], rows: list[tuple[Any, ...]]
    ) -> None:
        """INSERTs of whole columns passed as lists, in one transaction (the caller's if open)."""
        if not rows:
            return
        names = ", ".join(f'"{c}"' for c in columns)
        sql = f"INSERT INTO {table} ({names}) SELECT {self._unnest(table, columns)}"
        with self.transaction():
            for params in _column_chunks(rows):
                self.con.execute(sql, params)

    def update_rows(
        self, table: str, key: str, columns: tuple[str, ...], rows: list[tuple[Any, ...]]
    ) -> None:
        """Set ``columns`` of the rows whose ``key`` is each row's first value (keys unique)."""
        if not rows:
            return
        unnest = self._unnest(table, (key, *columns))
        sets = ", ".join(f'"{c}" = u."{c}"' for c in columns)
        sql = f"UPDATE {table} SET {sets} FROM (SELECT {unnest}) u WHERE {table}.{key} = u.{key}"
        with self.transaction():
            for params in _column_chunks(rows):
                self.con.execute(sql, params)

    def _unnest(self, table: str, columns: tuple[str, ...]) -> str:
        if table not in self._types:
            described = self.con.execute(f"DESCRIBE {table}").fetchall()
            self._types[table] = {row[0]: row[1] for row in described}
        types = self._types[table]
        return ", ".join(f'unnest(?::{types[c]}[]) AS "{c}"' for c in columns)

    def add_signatures(self, rows: list[tuple[str, bytes]]) -> None:
        """Store MinHash signatures (article id, bytes) for later incremental runs."""
        with self.transaction():
            self.insert_rows("article_signatures", ("article_id", "sig"), rows)

    def pending_articles(self) -> list[str]:
        """Stored articles the corpus stages have not run over, in ingestion order."""
        return [row[0] for row in self.con.execute(
            "SELECT a.id FROM corpus_pending p JOIN articles a ON a.id = p.article_id "
            "JOIN documents d USING (doc_id) ORDER BY d.seq, a.idx"
        ).fetchall()]  # fmt: skip

    def clear_pending(self, article_ids: list[str]) -> None:
        self.con.execute(
            "DELETE FROM corpus_pending WHERE article_id IN (SELECT unnest(?::VARCHAR[]))",
            [article_ids],
        )

    # Reading -------------------------------------------------------------------

    def rows(self, sql: str, params: list[Any] | None = None) -> Iterator[dict[str, Any]]:
        cursor = self.con.execute(sql, params or [])
        names = [d[0] for d in cursor.description]
        while batch := cursor.fetchmany(1000):
            for values in batch:
                yield dict(zip(names, values, strict=True))

    def count(self, table: str) -> int:
        return self.con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def _column_chunks(rows: list[tuple[Any, ...]]) -> Iterator[list[list[Any]]]:
    """``rows`` as column lists, :data:`ROWS_PER_STATEMENT` rows at a time."""
    for start in range(0, len(rows), ROWS_PER_STATEMENT):
        chunk = rows[start : start + ROWS_PER_STATEMENT]
        yield [list(values) for values in zip(*chunk, strict=True)]


class _Transaction:
    def __init__(self, store: Store) -> None:
        self.store = store

    def __enter__(self) -> None:
        if self.store._depth == 0:
            self.store.con.execute("BEGIN TRANSACTION")
        self.store._depth += 1

    def __exit__(self, exc_type: object, *rest: object) -> None:
        self.store._depth -= 1
        if self.store._depth == 0:
            self.store.con.execute("ROLLBACK" if exc_type else "COMMIT")


def loads(value: str | None) -> Any:
    """Decode a JSON column (nested record parts are stored as JSON text)."""
    return json.loads(value) if value else None
