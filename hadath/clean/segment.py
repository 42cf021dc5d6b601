"""Segmenting a scraped page into articles: title, subtitle, dateline, body, byline.

The rules, all about the shape of a page, none about one site:

1. Every line is classified (:mod:`hadath.clean.lines`): blank, furniture, a
   related-links header, a lone marker (``TT``), a photo caption (closed by a
   credit such as ``(أ.ف.ب)``), a dateline (``باريس-سانا``), a short title-shaped
   line, or a paragraph.
2. A page's first article starts at its top. Once a body has begun, a title-shaped
   line opens a new, *appended* article when it is a headline block: it is repeated
   within the next few header lines, or a caption or marker follows it. Blank lines
   alone are no evidence: features put crossheads after gaps just as wide.
3. An article's header is the run of non-paragraph lines at its start: the first
   title-shaped line is the title, the next distinct one the subtitle; a dateline
   line gives the dateline (and the outlet, when its agency is known); repeats of
   the title, captions, markers and furniture are dropped.
4. The body keeps paragraphs (and short in-body lines such as crossheads) and
   nothing else: furniture, captions, markers, repeated titles and related-link
   blocks are removed; a lone two-to-four word name closing the body is the byline;
   a dateline opening the first paragraph (``دمشق - سانا:``) is moved to its field.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field

from hadath.clean.lines import (
    Kind,
    classify,
    line_key,
    looks_like_byline,
    parse_dateline,
    parse_inline_dateline,
    parse_place_and_author,
)
from hadath.model import Article, Document
from hadath.outlets import outlet_by_name
from hadath.pipeline import stage

HEADER_LOOKAHEAD = 8  # non-blank lines searched for a repeated headline
PARAGRAPH_SEP = "\n\n"


@dataclass(slots=True)
class Line:
    index: int
    text: str
    kind: Kind
    key: str


@dataclass(slots=True)
class Parts:
    """What segmentation finds for one article, before it becomes an :class:`Article`."""

    title: str | None = None
    subtitle: str | None = None
    dateline: str | None = None
    agency: str | None = None
    byline: str | None = None
    paragraphs: list[str] = field(default_factory=list)


def read_lines(text: str) -> list[Line]:
    out = []
    for index, raw in enumerate(text.splitlines()):
        stripped = " ".join(html.unescape(raw).split()) if "&" in raw else raw.strip()
        key = line_key(stripped)
        out.append(Line(index, stripped, classify(stripped, key), key))
    return out


def _following(lines: list[Line], start: int, limit: int) -> list[Line]:
    """Up to ``limit`` non-blank lines after ``start``, stopping after the first paragraph."""
    out: list[Line] = []
    for line in lines[start + 1 :]:
        if line.kind is Kind.BLANK:
            continue
        out.append(line)
        if line.kind is Kind.PARAGRAPH or len(out) >= limit:
            break
    return out


def _blank_run_before(lines: list[Line], position: int) -> int:
    count = 0
    for line in reversed(lines[:position]):
        if line.kind is not Kind.BLANK:
            break
        count += 1
    return count


def opens_article(lines: list[Line], position: int) -> bool:
    """Whether the title-shaped line at ``position`` starts a new (appended) article."""
    line = lines[position]
    if line.kind is not Kind.TITLE:
        return False
    after = _following(lines, position, HEADER_LOOKAHEAD)
    if not after:
        return False
    if any(other.key == line.key for other in after if other.kind is not Kind.PARAGRAPH):
        return True
    return after[0].kind in (Kind.CAPTION, Kind.MARKER) and _blank_run_before(lines, position) >= 1


def article_starts(lines: list[Line]) -> list[int]:
    """Line positions where articles start: the top, then each appended headline block."""
    starts = [0]
    in_body = False
    position = 0
    while position < len(lines):
        line = lines[position]
        if line.kind is Kind.PARAGRAPH:
            in_body = True
        elif in_body and opens_article(lines, position):
            starts.append(position)
            in_body = False
        position += 1
    return starts


def _read_header(lines: list[Line], parts: Parts) -> int:
    """Fill title/subtitle/dateline from the header; return where the body starts."""
    extra: list[str] = []
    position = 0
    for position, line in enumerate(lines):  # noqa: B007 - position is used after the loop
        if line.kind is Kind.PARAGRAPH:
            break
        if line.kind is Kind.DATELINE and parts.dateline is None:
            parts.dateline, parts.agency = parse_dateline(line.text) or (None, None)
        elif line.kind is Kind.TITLE:
            _header_title(line, parts, extra)
    else:
        position = len(lines)
    parts.paragraphs.extend(extra)
    return position


def _header_title(line: Line, parts: Parts, extra: list[str]) -> None:
    place_author = parse_place_and_author(line.text)
    if parts.title is None:
        parts.title = line.text
    elif line.key in {line_key(parts.title), line_key(parts.subtitle or "")}:
        return
    elif place_author and parts.dateline is None:
        parts.dateline, parts.byline = place_author
    elif parts.subtitle is None:
        parts.subtitle = line.text
    elif line.text not in extra:
        extra.append(line.text)


def _body_lines(lines: list[Line], title_key: str | None) -> list[Line]:
    """Body lines of one article: paragraphs and short lines, without furniture blocks."""
    kept: list[Line] = []
    in_related = False
    for line in lines:
        if line.kind is Kind.RELATED:
            in_related = True
            continue
        if in_related and line.kind is Kind.PARAGRAPH:
            in_related = False
        if in_related or line.kind not in (Kind.PARAGRAPH, Kind.TITLE, Kind.DATELINE):
            continue
        if title_key and line.key == title_key:
            continue
        kept.append(line)
    return kept


def _take_byline(body: list[Line], parts: Parts) -> None:
    if len(body) >= 2 and body[-1].kind is Kind.TITLE:
        name = looks_like_byline(body[-1].text)
        if name:
            parts.byline = parts.byline or name
            body.pop()


def _take_inline_dateline(parts: Parts) -> None:
    if parts.dateline or not parts.paragraphs:
        return
    found = parse_inline_dateline(parts.paragraphs[0])
    if found is None:
        return
    parts.dateline, parts.agency = found.place, found.agency
    parts.byline = parts.byline or found.author
    parts.paragraphs[0] = parts.paragraphs[0][found.end :]


def split_article(lines: list[Line]) -> Parts:
    parts = Parts()
    body_start = _read_header(lines, parts)
    title_key = line_key(parts.title) if parts.title else None
    body = _body_lines(lines[body_start:], title_key)
    _take_byline(body, parts)
    parts.paragraphs.extend(line.text for line in body)
    _take_inline_dateline(parts)
    return parts


def segment_text(text: str) -> list[Parts]:
    """Split one scraped page into its articles' parts (those with a body)."""
    lines = read_lines(text)
    starts = article_starts(lines)
    bounds = zip(starts, [*starts[1:], len(lines)], strict=True)
    found = [split_article(lines[a:b]) for a, b in bounds]
    return [parts for parts in found if parts.paragraphs]


def _outlet(doc: Document, parts: Parts) -> str | None:
    if doc.outlet:
        return doc.outlet
    if parts.agency:
        known = outlet_by_name(parts.agency)
        return known.id if known else parts.agency
    return None


def _metadata_date(doc: Document) -> dict[str, object]:
    """The publication date the input's metadata gave, if any."""
    if doc.published is None:
        return {}
    return {"published": doc.published, "published_reason": "metadata"}


def _clean_article(doc: Document) -> Article:
    """A record given as one clean article: its text is the body as given (the public
    contract); a dateline that opens it (``عبدالعزيز السلمي- سبق- جدة:``) fills the
    dateline, byline and outlet fields, and ``lead_end`` marks it so that no stage reads
    the reporter as an actor."""
    article = Article(doc.doc_id, 0, doc.source, doc.text, title=doc.title or None,
                      outlet=doc.outlet, **_metadata_date(doc))  # fmt: skip
    parts = Parts(paragraphs=[doc.text.lstrip()])
    _take_inline_dateline(parts)  # as for a scraped page's first paragraph
    if parts.dateline is not None:
        article.dateline, article.byline = parts.dateline, parts.byline
        article.outlet = _outlet(doc, parts)
        article.lead_end = len(doc.text) - len(parts.paragraphs[0])
    return article


def to_article(doc: Document, index: int, parts: Parts) -> Article:
    return Article(
        doc_id=doc.doc_id,
        index=index,
        source=doc.source,
        body=PARAGRAPH_SEP.join(parts.paragraphs),
        role="main" if index == 0 else "appended",
        title=parts.title,
        subtitle=parts.subtitle,
        dateline=parts.dateline,
        byline=parts.byline,
        outlet=_outlet(doc, parts),
        **_metadata_date(doc),
    )


@stage("segment")
def segment(doc: Document) -> None:
    """Pipeline stage: fill ``doc.articles`` from the document's text."""
    if doc.is_clean_article:
        doc.articles = [_clean_article(doc)]
        return
    doc.articles = [to_article(doc, i, parts) for i, parts in enumerate(segment_text(doc.text))]
