"""Segmentation of the five real scraped seed pages into articles."""

from __future__ import annotations

import pytest

from hadath.clean.segment import segment_text
from tests.conftest import seed_text

# (seed, index, role, title, first words of the body, last words of the body)
EXPECTED = [
    ("000", 0, "main", "روسيا تتحدث عن إجرائها مشاورات تهدف لإقامة اتصالات بـ«الجيش الحر»",
     "تحدثت المصادر الرسمية الروسية", "الخاص بالتسوية السياسية في سوريا."),
    ("000", 1, "appended", "وفد إسرائيلي بالقاهرة... توقعات بـ«اتفاق وشيك» للتهدئة في غزة",
     "زار وفد إسرائيلي رفيع المستوى", "التي أعلنت «حماس» موافقتها عليها."),
    ("001", 0, "main", "موسكو تؤكد دعم الجيش السوري وتشير إلى «تفاهم كامل» مع تركيا",
     "برزت إشارات متباينة في موسكو", "بعملية في هذه المنطقة»."),
    ("001", 1, "appended",
     "مصر: «حماس» ستطلق سراح 33 محتجزاً مقابل 1890 فلسطينياً في المرحلة الأولى للاتفاق",
     "أعلنت وزارة الخارجية المصرية، السبت", "جانب الرئيس الأميركي جو بايدن»."),
    ("002", 0, "main", "مملوك في موسكو لبحث نتائج الاجتماعات مع الأتراك والإيرانيين",
     "كشَّف مصدر أمني لوكالة «سبوتنيك»", "والنقص في المستلزمات الأولية."),
    ("003", 0, "main", "مفاوضات الساعات الأخيرة لإخراج «داعش» من الرقة تسبق الإعلان عن تحريرها",
     "أحرزت قوات النظام تقدما", "بينها مناطق صحراوية واسعة."),
    ("003", 1, "appended", "وفد إسرائيلي بالقاهرة... توقعات بـ«اتفاق وشيك» للتهدئة في غزة",
     "زار وفد إسرائيلي رفيع المستوى", "التي أعلنت «حماس» موافقتها عليها."),
    ("004", 0, "main", "مسؤولان روسيان يجريان مشاورات بباريس ولندن حول تنسيق جهود محاربة الإرهاب",
     "أجرى مبعوث الرئيس الروسي الخاص", "للتسوية السياسية اللاحقة في سورية”."),
]  # fmt: skip

ARTICLE_COUNTS = {"000": 2, "001": 2, "002": 1, "003": 2, "004": 1}


def body_of(seed: str, index: int) -> str:
    return "\n\n".join(segment_text(seed_text(seed))[index].paragraphs)


@pytest.mark.parametrize("seed,count", ARTICLE_COUNTS.items())
def test_article_count(seed: str, count: int) -> None:
    assert len(segment_text(seed_text(seed))) == count


@pytest.mark.parametrize("seed,index,role,title,first,last", EXPECTED)
def test_title_and_body_bounds(seed, index, role, title, first, last) -> None:
    parts = segment_text(seed_text(seed))[index]
    body = "\n\n".join(parts.paragraphs)
    assert parts.title == title
    assert body.startswith(first)
    assert body.endswith(last)
    assert ("main" if index == 0 else "appended") == role


@pytest.mark.parametrize("seed,index", [(s, i) for s, i, *_ in EXPECTED])
def test_body_has_no_furniture(seed: str, index: int) -> None:
    parts = segment_text(seed_text(seed))[index]
    body = "\n\n".join(parts.paragraphs)
    lines = body.split("\n\n")
    assert "TT" not in lines
    assert "(أ.ف.ب)" not in body
    assert "الشريط الإخباري" not in body
    assert "انظر ايضاً" not in body
    assert parts.title not in lines  # the repeated headline is gone
    assert all(line.strip() == line and line for line in lines)


def test_subtitles() -> None:
    assert segment_text(seed_text("000"))[0].subtitle == "مع مواصلتها قصف مواقع المعارضة السورية"
    assert segment_text(seed_text("001"))[0].subtitle == "جولة محادثات مطولة مع أنقرة تستكمل اليوم"
    assert segment_text(seed_text("003"))[0].subtitle.startswith("النظام يتقدم في دير الزور")
    assert segment_text(seed_text("002"))[0].subtitle is None
    assert segment_text(seed_text("000"))[1].subtitle is None  # a caption is not a subtitle


def test_sana_dateline_byline_and_related_links() -> None:
    parts = segment_text(seed_text("004"))[0]
    assert parts.dateline == "باريس"
    assert parts.agency == "سانا"
    assert parts.byline == "لمى ابراهيم"
    body = "\n\n".join(parts.paragraphs)
    assert "لمى ابراهيم" not in body
    assert "إجراءات واشنطن ضد سورية تنتهك القانون الدولي" not in body  # the related link


def test_paragraphs_are_kept() -> None:
    assert len(segment_text(seed_text("000"))[0].paragraphs) == 5
    assert len(segment_text(seed_text("002"))[0].paragraphs) == 21
    assert len(segment_text(seed_text("004"))[0].paragraphs) == 9


def test_appended_copies_are_identical() -> None:
    assert body_of("000", 1) == body_of("003", 1)
