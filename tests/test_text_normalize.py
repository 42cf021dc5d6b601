"""Normalization and offset mapping (hadath.text.normalize)."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from hadath.text.normalize import arabic_ratio, back_to_original, normalize, normalize_with_offsets
from tests.conftest import SEEDS

SEED_FILES = sorted(SEEDS.glob("*.txt"))


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("مُفصَّلاً", "مفصلا"),  # harakat, shadda, tanwin
        ("ممتنًا", "ممتنا"),
        ("جـــديد", "جديد"),  # tatweel
        ("بـ«الجيش", "ب«الجيش"),
        ("أكد إن آخر ٱلعالم", "اكد ان اخر العالم"),  # alef forms
        ("إلى مستشفى", "الي مستشفي"),  # alef maqsura
        ("الرقة القاهرة", "الرقه القاهره"),  # ta marbuta
        ("مؤتمر الرئيس", "موتمر الرييس"),  # hamza on waw / ya
        ("١٤٫٥ و۱۲۳", "14٫5 و123"),  # Arabic-Indic and Persian digits
        ("نص\u200fمع\u200cعلامات", "نصمععلامات"),  # invisible marks
        ("Paris 2015", "Paris 2015"),
    ],
)
def test_normalize(raw: str, expected: str) -> None:
    assert normalize(raw) == expected


def test_normalize_is_idempotent() -> None:
    text = "وقالَ الرئيسُ إنّ «الجيشَ» سيُكمل مهمّته في ٢٠٢٤."
    assert normalize(normalize(text)) == normalize(text)


def test_diacritics_map_back_to_the_original_span() -> None:
    text = "قالَ الرئيسُ إنّ الـــجيشَ مُستعدٌّ"
    norm, offsets = normalize_with_offsets(text)
    assert norm == "قال الرييس ان الجيش مستعد"
    for word in norm.split():
        start = norm.index(word)
        begin, end = back_to_original(offsets, start, start + len(word))
        assert normalize(text[begin:end]) == word
    begin, end = back_to_original(offsets, norm.index("الجيش"), norm.index("الجيش") + 5)
    assert text[begin:end] == "الـــجيش"
    begin, end = back_to_original(offsets, norm.index("مستعد"), len(norm))
    assert text[begin:end] == "مُستعدٌّ"[:-2]  # the span ends on the last letter


def test_offsets_shape_and_empty_span() -> None:
    text = "إنّ"
    norm, offsets = normalize_with_offsets(text)
    assert norm == "ان"
    assert offsets == [0, 1, 3]
    assert back_to_original(offsets, 1, 1) == (1, 1)


@pytest.mark.parametrize("path", SEED_FILES, ids=lambda p: p.name[:3])
def test_offsets_agree_with_normalize_on_seed(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    norm, offsets = normalize_with_offsets(text)
    assert norm == normalize(text)
    assert len(offsets) == len(norm) + 1 and offsets[-1] == len(text)
    assert all(a < b for a, b in itertools.pairwise(offsets))
    for target in ("في", "روسيا", "غزه"):
        start = norm.find(target)
        if start >= 0:
            begin, end = back_to_original(offsets, start, start + len(target))
            assert normalize(text[begin:end]) == target
    assert "في" in norm


def test_arabic_ratio() -> None:
    assert arabic_ratio("روسيا تتحدث") == 1.0
    assert arabic_ratio("Paris 2015") == 0.0
    assert arabic_ratio("123 ...") == 0.0
    assert arabic_ratio("TT روسيا") == pytest.approx(5 / 7)
