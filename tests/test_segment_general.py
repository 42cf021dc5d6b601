"""Segmentation beyond the seeds: real SaudiNewsNet articles dressed as scraped pages.

No rule may name a seed; these pages come from 14 other outlets, wrapped in the
furniture of three page styles, a second article appended to some of them.
"""

from __future__ import annotations

import random

import pytest

from hadath.clean.lines import parse_inline_dateline
from hadath.clean.segment import segment_text
from hadath.testing.dress import clean_from_record, dress, load_saudinewsnet
from scripts.eval_segmentation import same_body
from tests.conftest import require_shared_news


def dressed_pages(n: int):
    folder = require_shared_news()
    rng = random.Random(11)
    cleans = [c for r in load_saudinewsnet(folder, limit=n * 3) if (c := clean_from_record(r))][:n]
    for i, art in enumerate(cleans):
        other = cleans[(i + 1) % len(cleans)] if rng.random() < 0.4 else None
        caption = " ".join(cleans[(i + 2) % len(cleans)].paragraphs[0].split()[:9])
        yield dress(rng, art, other, caption)


def test_dressed_saudinewsnet_pages_are_recovered() -> None:
    pages = list(dressed_pages(400))
    counts = titles = bodies = 0
    for page in pages:
        found = segment_text(page.page)
        if len(found) != len(page.expected):
            continue
        counts += 1
        pairs = list(zip(found, page.expected, strict=True))
        titles += all(f.title == e.title for f, e in pairs)
        bodies += all(same_body(f, e) for f, e in pairs)
    assert counts / len(pages) >= 0.98
    assert titles / len(pages) >= 0.97
    assert bodies / len(pages) >= 0.95


@pytest.mark.parametrize(
    "paragraph,place,agency,author",
    [
        ("دمشق - سانا: قال وزير الخارجية", "دمشق", "سانا", None),
        ("سبق – الرياض: أعلنت شركة", "الرياض", "سبق", None),  # outlet first; الرياض is a city here
        ("الرياض - واس: أعلن مجلس الوزراء", "الرياض", "واس", None),
        ("أحمد علي- سبق- القاهرة: كشفت تقارير", "القاهرة", "سبق", "أحمد علي"),
        ("فرانكفورت (د ب أ) أعلن اتحاد صناعة السيارات", "فرانكفورت", "د ب أ", None),
        ("ماجد الرفاعي-عبدالله الراجحي - سبق- ينبع: وجّه رئيس الهيئة", "ينبع", "سبق",
         "ماجد الرفاعي، عبدالله الراجحي"),  # two reporters (SaudiNewsNet)
    ],
)
def test_inline_datelines(paragraph: str, place: str, agency: str, author: str | None) -> None:
    found = parse_inline_dateline(paragraph)
    assert (found.place, found.agency, found.author) == (place, agency, author)


@pytest.mark.parametrize(
    "paragraph",
    ["وقال المصدر: «بناء على الاتصالات", "مصر: «حماس» ستطلق سراح", "بيروت - لبنان: وصل الوفد"],
)
def test_no_inline_dateline_without_a_known_agency(paragraph: str) -> None:
    assert parse_inline_dateline(paragraph) is None


def test_headline_with_ellipsis_is_a_title() -> None:
    page = (
        "أقبل العيد..\n\n"
        + "يمن الله عز وجل على المسلمين بيوم مبارك هو يوم الفرح بما آتاهم الله، وما أعانهم عليه."
    )
    (parts,) = segment_text(page)
    assert parts.title == "أقبل العيد.."


def test_html_entities_are_unescaped() -> None:
    page = (
        "&quot;أدبي جدة&quot; ينظم دورة\n"
        + "يقدم الدكتور عبدالرحمن السلمي اليوم السبت دورة بعنوان &quot;أسس الإبداع&quot; في النادي الأدبي."
    )
    (parts,) = segment_text(page)
    assert parts.title == '"أدبي جدة" ينظم دورة'
    assert '"أسس الإبداع"' in parts.paragraphs[0]


def test_a_clean_article_record_keeps_its_text_and_fills_its_dateline(pipeline) -> None:
    """SaudiNewsNet (Sabq) records open with "NAME- سبق- CITY:". Given as one clean article
    (a record with a title), the body stays the text as given (the public contract), the
    lead fills the dateline, byline and outlet fields, and no actor is read from it (the
    reporter had been an accuser); a record without one is untouched."""
    from hadath.model import Document

    text = " بدر العتيبي - سبق - القصيم: نفى ابن المواطنة التي اتهمت بسحر عائلة صلة والدته."
    doc = Document("d", "snn", text, "jsonl", title="نفي")
    pipeline(doc)
    (article,) = doc.articles
    assert article.body == text
    assert (article.dateline, article.byline, article.outlet) == ("القصيم", "بدر العتيبي", "Sabq")
    assert all(s.start >= text.index("نفى") for s in article.spans["entities"])
    assert not [e for e in article.records["events"] if e.source and "العتيبي" in e.source.text]
    doc = Document("d", "snn", "قال الوزير إن الأمر انتهى.", "jsonl", title="خبر")
    pipeline(doc)
    assert doc.articles[0].dateline is None and doc.articles[0].lead_end == 0
