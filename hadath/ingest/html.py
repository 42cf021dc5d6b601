"""Main content and metadata of an HTML news page.

The article text comes from trafilatura (a maintained extractor with fallbacks);
the publication date only from explicit metadata (``<meta>`` tags, ``<time
datetime>`` and JSON-LD ``datePublished``), never from guesses on the page text.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from datetime import date, datetime

import lxml.html
import trafilatura

from hadath.errors import InputError
from hadath.outlets import outlet_by_name, outlet_by_url

# trafilatura logs extraction fallbacks at WARNING; they are not the user's concern.
logging.getLogger("trafilatura").setLevel(logging.ERROR)

MIN_ARTICLE_WORDS = 8  # less than this is navigation, not an article

DATE_META = (
    "article:published_time",
    "og:published_time",
    "datepublished",
    "pubdate",
    "publishdate",
    "date",
    "dc.date",
    "dc.date.issued",
    "sailthru.date",
)


@dataclass(slots=True)
class Page:
    text: str
    url: str | None
    published: date | None
    outlet: str | None


def _iso_date(value: str) -> date | None:
    try:
        return datetime.fromisoformat(value.strip().replace("Z", "+00:00")).date()
    except ValueError:
        try:
            return date.fromisoformat(value.strip()[:10])
        except ValueError:
            return None


def _meta(tree: lxml.html.HtmlElement) -> dict[str, str]:
    out: dict[str, str] = {}
    for node in tree.iter("meta"):
        key = (node.get("property") or node.get("name") or node.get("itemprop") or "").lower()
        if key and node.get("content"):
            out.setdefault(key, node.get("content"))
    return out


def _json_ld_dates(tree: lxml.html.HtmlElement) -> list[str]:
    found: list[str] = []
    for node in tree.xpath('//script[@type="application/ld+json"]'):
        try:
            data = json.loads(node.text or "")
        except json.JSONDecodeError:
            continue
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                if isinstance(item.get("datePublished"), str):
                    found.append(item["datePublished"])
                stack.extend(v for v in item.values() if isinstance(v, dict | list))
    return found


def published_from_metadata(tree: lxml.html.HtmlElement) -> date | None:
    meta = _meta(tree)
    candidates = [meta[k] for k in DATE_META if k in meta]
    candidates += _json_ld_dates(tree)
    candidates += [t.get("datetime") for t in tree.iter("time") if t.get("datetime")]
    for value in candidates:
        parsed = _iso_date(value)
        if parsed:
            return parsed
    return None


def _canonical_url(tree: lxml.html.HtmlElement, meta: dict[str, str]) -> str | None:
    for link in tree.iter("link"):
        if (link.get("rel") or "").lower() == "canonical" and link.get("href"):
            return link.get("href")
    return meta.get("og:url")


def extract_html(html: str, source: str) -> Page:
    """Title + main text (as a page for segmentation) and metadata of ``html``."""
    try:
        tree = lxml.html.fromstring(html)
    except (lxml.etree.ParserError, ValueError) as exc:
        raise InputError(source, f"unreadable HTML ({exc})") from None
    extracted = trafilatura.bare_extraction(
        html, include_comments=False, include_tables=False, with_metadata=True
    )
    text = getattr(extracted, "text", None) if extracted is not None else None
    if not text or len(text.split()) < MIN_ARTICLE_WORDS:
        raise InputError(source, "no article text found in HTML")
    meta = _meta(tree)
    title = getattr(extracted, "title", None)
    url = _canonical_url(tree, meta)
    site = meta.get("og:site_name")
    known = (outlet_by_url(url) if url else None) or (outlet_by_name(site) if site else None)
    page_text = f"{title}\n\n{text}" if title and title.strip() not in text[:300] else text
    return Page(
        text=page_text,
        url=url,
        published=published_from_metadata(tree),
        outlet=known.id if known else site,
    )
