"""Dress clean articles up as scraped pages, to test segmentation beyond the seeds.

Clean articles (e.g. SaudiNewsNet, whose titles and bodies are known) are wrapped in
the furniture real sites add — repeated headlines, duplicated photo captions, lone
markers, section tickers, datelines, bylines, related-link blocks — and sometimes a
second article is appended. The segmenter must recover each title and body exactly.
"""

from __future__ import annotations

import html
import json
import random
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

CREDITS = ["(أ.ف.ب)", "(رويترز)", "(أ ب)", "(إ.ب.أ)", "(غيتي)", "(الشرق الأوسط)", "(واس)"]
MARKERS = ["TT", "AP", "PHOTO"[:2], "•"]
TICKERS = ["الشريط الإخباري", "عاجل", "آخر الأخبار", "الأكثر قراءة"]
RELATED = ["انظر أيضاً", "اقرأ أيضا", "مواضيع ذات صلة", "أخبار ذات صلة"]
AGENCIES = ["سانا", "واس", "قنا", "رويترز", "أ.ف.ب", "كونا", "وام"]
CITIES = ["الرياض", "دمشق", "القاهرة", "بيروت", "عمان", "جدة", "باريس", "لندن", "موسكو"]
NAMES = ["لمى ابراهيم", "محمد عبد الله", "سارة الأحمد", "خالد بن علي", "ريم حسن"]


@dataclass
class Clean:
    title: str
    paragraphs: list[str]


@dataclass
class Dressed:
    page: str
    expected: list[Clean]
    style: str


def load_saudinewsnet(folder: Path, limit: int | None = None) -> Iterator[dict]:
    """Records of SaudiNewsNet's daily zip files, in file order."""
    count = 0
    for path in sorted(folder.glob("*.zip")):
        with zipfile.ZipFile(path) as archive:
            for name in archive.namelist():
                for record in json.loads(archive.read(name)):
                    yield record
                    count += 1
                    if limit is not None and count >= limit:
                        return


def clean_from_record(record: dict) -> Clean | None:
    """A clean article from a record; None when too short or oddly shaped to test with."""
    title = " ".join(html.unescape(record.get("title", "")).split())
    content = html.unescape(record.get("content", ""))
    paragraphs = [" ".join(p.split()) for p in content.split("\n")]
    paragraphs = [p for p in paragraphs if p]
    words = sum(len(p.split()) for p in paragraphs)
    if not title or len(title.split()) > 20 or words < 40 or not paragraphs:
        return None
    if len(paragraphs[0].split()) < 12:  # leads that look like headlines are not testable
        return None
    return Clean(title, paragraphs)


def _paper_style(rng: random.Random, art: Clean, caption: str, sep: str) -> str:
    head = [art.title, "", caption, caption, rng.choice(MARKERS), "", art.title, "",
            caption, caption, ""]  # fmt: skip
    return "\n".join(head[: rng.choice([6, 12])]) + "\n\n" + sep.join(art.paragraphs)


def _agency_style(rng: random.Random, art: Clean) -> str:
    dateline = f"{rng.choice(CITIES)}-{rng.choice(AGENCIES)}"
    related = [rng.choice(RELATED), "", "عنوان خبر آخر عن موضوع قريب في المنطقة"]
    parts = [rng.choice(TICKERS), "", art.title, "", dateline, "", "\n\n".join(art.paragraphs),
             "", rng.choice(NAMES), "", *related]  # fmt: skip
    return "\n".join(parts)


def dress(rng: random.Random, art: Clean, other: Clean | None, caption_text: str) -> Dressed:
    """One scraped page holding ``art`` (and ``other`` appended, when given)."""
    caption = f"{caption_text} {rng.choice(CREDITS)}"
    style = rng.choice(["paper", "agency", "plain"])
    if style == "paper":
        page = _paper_style(rng, art, caption, rng.choice(["\n", "\n\n"]))
    elif style == "agency":
        page = _agency_style(rng, art)
    else:
        page = art.title + "\n" + "\n".join(art.paragraphs)
    expected = [art]
    if other is not None:
        page += "\n\n\n\n" + _paper_style(rng, other, f"{caption_text} (أ.ف.ب)", "\n\n")
        expected.append(other)
    return Dressed(page, expected, style)
