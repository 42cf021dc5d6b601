"""Readers for each input format: plain text pages, JSON Lines records, HTML pages.

Each reader yields :class:`~hadath.model.Document` objects, or :class:`InputError`
for a record it has to skip (so one bad line does not lose a whole batch). A
problem with the whole file raises :class:`InputError`.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

from hadath.errors import InputError
from hadath.ingest.decode import decode_bytes
from hadath.ingest.html import extract_html
from hadath.model import Document, content_hash
from hadath.outlets import outlet_by_url
from hadath.text.normalize import arabic_ratio

MIB = 1024 * 1024
MAX_PAGE_BYTES = 5 * MIB  # one scraped page; bigger is not a page
MIN_ARABIC = 0.3  # share of letters that must be Arabic

Item = Document | InputError


def check_arabic(text: str, source: str) -> None:
    ratio = arabic_ratio(text)
    if ratio < MIN_ARABIC:
        raise InputError(source, f"no Arabic text ({ratio:.0%} of letters are Arabic)")


def _read_page(path: Path) -> tuple[bytes, str]:
    size = path.stat().st_size
    if size > MAX_PAGE_BYTES:
        raise InputError(
            str(path),
            f"file too large for one page ({size / MIB:.1f} MiB > {MAX_PAGE_BYTES / MIB:.0f} MiB);"
            " split it, or give many documents as JSON Lines",
        )
    return path.read_bytes(), str(path)


def read_txt(path: Path, outlet: str | None = None) -> Iterator[Item]:
    data, source = _read_page(path)
    text, _ = decode_bytes(data, source)
    check_arabic(text, source)
    digest = content_hash(text)
    yield Document(doc_id=digest[:16], source=source, text=text, fmt="txt", outlet=outlet)


def read_html(path: Path, outlet: str | None = None) -> Iterator[Item]:
    data, source = _read_page(path)
    html, _ = decode_bytes(data, source)
    page = extract_html(html, source)
    check_arabic(page.text, source)
    digest = content_hash(html)
    yield Document(
        doc_id=digest[:16],
        source=page.url or source,
        text=page.text,
        fmt="html",
        outlet=page.outlet or outlet,
        url=page.url,
        published=page.published,
        hash=digest,
    )


def parse_published(value: Any, source: str) -> date | None:
    """An ISO date (or date-time) from a record; ``None`` when absent."""
    if value in (None, ""):
        return None
    if not isinstance(value, str):
        raise InputError(source, f"'published' must be an ISO date string, got {value!r}")
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).date()
    except ValueError:
        raise InputError(source, f"'published' is not an ISO date: {value!r}") from None


def record_to_document(record: Any, source: str, outlet: str | None) -> Document:
    """One JSONL record as a Document (``text`` or ``html``, optional metadata)."""
    if not isinstance(record, dict):
        raise InputError(source, "record is not a JSON object")
    text, html = record.get("text"), record.get("html")
    if not isinstance(text, str) and not isinstance(html, str):
        raise InputError(source, "record has neither a 'text' nor an 'html' string")
    url = record.get("url") if isinstance(record.get("url"), str) else None
    published = parse_published(record.get("published"), source)
    if not isinstance(text, str):
        page = extract_html(html, source)
        text, url = page.text, url or page.url
        published = published or page.published
    if len(text.encode("utf-8")) > MAX_PAGE_BYTES:
        raise InputError(source, "record text too large for one document")
    check_arabic(text, source)
    title = record.get("title") if "title" in record else None
    # The same text from another outlet (agency copy) is another report, not the same
    # input: the key covers the record's identity as well as its content.
    identity = [text if html is None else html, record.get("id"), url, record.get("outlet")]
    digest = content_hash(json.dumps(identity, ensure_ascii=False, default=str))
    doc_id = str(record["id"]) if record.get("id") not in (None, "") else digest[:16]
    known = outlet_by_url(url) if url else None
    return Document(
        doc_id=doc_id,
        source=url or source,
        text=text,
        fmt="jsonl",
        outlet=record.get("outlet") or (known.id if known else None) or outlet,
        url=url,
        published=published,
        title=(title or "") if "title" in record else None,
        hash=digest,
    )


def read_jsonl(path: Path, outlet: str | None = None) -> Iterator[Item]:
    """Stream records; a malformed line is yielded as an InputError and skipped."""
    with path.open("rb") as handle:
        head = handle.read(4)
    if not head.strip():
        raise InputError(str(path), "empty file")
    with path.open(encoding="utf-8-sig", errors="strict") as handle:
        try:
            for number, line in enumerate(handle, start=1):
                if not line.strip():
                    continue
                yield from _jsonl_line(line, f"{path}:{number}", outlet)
        except UnicodeDecodeError as exc:
            raise InputError(str(path), f"JSON Lines must be UTF-8 ({exc.reason})") from None


def _jsonl_line(line: str, where: str, outlet: str | None) -> Iterator[Item]:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        yield InputError(where, f"malformed JSON ({exc.msg}, column {exc.colno})")
        return
    try:
        yield record_to_document(record, where, outlet)
    except InputError as exc:
        yield exc


READERS = {".txt": read_txt, ".jsonl": read_jsonl, ".html": read_html, ".htm": read_html}
