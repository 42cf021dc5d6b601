"""Tokenization and clitic splitting (hadath.text.tokenize, hadath.text.clitics)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from hadath.text import clitics
from hadath.text.normalize import normalize
from hadath.text.tokenize import tokenize
from tests.conftest import SEEDS

SEED_FILES = sorted(SEEDS.glob("*.txt"))
INVISIBLE = re.compile("[\\s\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")


def test_all_seed_pages_are_checked() -> None:
    assert len(SEED_FILES) >= 5


def texts(source: str) -> list[str]:
    return [token.text for token in tokenize(source)]


def token(source: str, word: str):
    (found,) = [tok for tok in tokenize(source) if tok.text == word]
    return found


@pytest.mark.parametrize("path", SEED_FILES, ids=lambda p: p.name[:3])
def test_offsets_round_trip_on_whole_seed(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    tokens = tokenize(text)
    assert len(tokens) > 400
    covered = set()
    previous_end = 0
    for tok in tokens:
        assert text[tok.start : tok.end] == tok.text
        assert previous_end <= tok.start < tok.end
        previous_end = tok.end
        assert tok.start <= tok.stem_start <= tok.end
        if tok.prefixes and tok.stem:
            assert normalize(text[tok.stem_start : tok.end]) == tok.stem
            assert len(tok.stem) >= 2
        covered.update(range(tok.start, tok.end))
    uncovered = [c for i, c in enumerate(text) if i not in covered and not INVISIBLE.match(c)]
    assert uncovered == []


def test_offset_argument_shifts_every_position() -> None:
    body = "مقدمة. وقال الناشط لـ«الشرق الأوسط»: نعم"
    start = body.index("وقال")
    for tok in tokenize(body[start:], offset=start):
        assert body[tok.start : tok.end] == tok.text
        assert start <= tok.stem_start <= tok.end
    assert token(body[start:], "وقال").stem_start == 1
    assert tokenize(body[start:], offset=start)[0].stem_start == start + 1


def test_seed_sentence_words_and_punctuation() -> None:
    source = "روسيا تتحدث عن إجرائها مشاورات تهدف لإقامة اتصالات بـ«الجيش الحر»"
    assert texts(source) == [
        "روسيا", "تتحدث", "عن", "إجرائها", "مشاورات", "تهدف", "لإقامة", "اتصالات",
        "بـ", "«", "الجيش", "الحر", "»",
    ]  # fmt: skip
    assert [tok.is_punct for tok in tokenize(source)][-5:] == [False, True, False, False, True]


@pytest.mark.parametrize(
    ("source", "clitic", "prefix"),
    [
        ("اتصالات بـ«الجيش الحر»", "بـ", "ب"),
        ("أبو محمد الرقاوي لـ«الشرق الأوسط»: «رغم تعثّر المفاوضات»", "لـ", "ل"),
        ('الناس لـ"داعش" والتصدي', "لـ", "ل"),
    ],
)
def test_tatweel_joined_preposition_is_a_clitic_token(
    source: str, clitic: str, prefix: str
) -> None:
    tok = token(source, clitic)
    assert tok.prefixes == (prefix,)
    assert tok.stem == ""
    assert tok.stem_start == tok.end
    assert not tok.is_punct
    following = tokenize(source)[tokenize(source).index(tok) + 1]
    assert following.is_punct and following.start == tok.end


@pytest.mark.parametrize(
    ("word", "prefixes", "stem", "stem_offset"),
    [
        ("والأتراك", ("و", "ال"), "اتراك", 3),
        ("بالقاهرة", ("ب", "ال"), "قاهره", 3),
        ("للشركاء", ("ل", "ال"), "شركاء", 2),
        ("وسيكون", ("و", "س"), "يكون", 2),
        ("وشدد", ("و",), "شدد", 1),
        ("ستواصل", ("س",), "تواصل", 1),
        ("فسيكون", ("ف", "س"), "يكون", 2),
        ("وأعلنت", ("و",), "اعلنت", 1),
        ("الجيش", ("ال",), "جيش", 2),
        ("والتنظيمات", ("و", "ال"), "تنظيمات", 3),
        ("وبالتالي", ("و", "ب", "ال"), "تالي", 4),
        ("للتصدي", ("ل", "ال"), "تصدي", 2),
        ("لإقامة", ("ل",), "اقامه", 1),
        ("بباريس", ("ب",), "باريس", 1),
        ("وبوغدانوف", ("و",), "بوغدانوف", 1),
        ("للجنة", ("ل",), "لجنه", 1),  # ل + (ال)لجنة keeps the stem's own lam
        ("بالمانيا", ("ب",), "المانيا", 1),  # the alef-lam of ألمانيا is not an article
        ("لليونان", ("ل", "ال"), "يونان", 2),  # after ل the article loses its alef
        ("للسعودية", ("ل", "ال"), "سعوديه", 2),
        ("للالمانية", ("ل", "ال"), "المانيه", 2),  # ل + الألمانية
        ("وَقالَ", ("و",), "قال", 2),  # diacritics stay with their letter
        ("بـالجيش", ("ب", "ال"), "جيش", 4),
        ("ودعا", ("و",), "دعا", 1),  # clitic_splits.txt: not ودّع "bade farewell"
        ("ودعت", ("و",), "دعت", 1),
        ("ووزير", ("و",), "وزير", 1),  # وو: the first و is the conjunction
        ("ووصلت", ("و",), "وصلت", 1),
    ],
)
def test_clitic_splitting(word: str, prefixes: tuple, stem: str, stem_offset: int) -> None:
    (tok,) = tokenize(word)
    assert (tok.prefixes, tok.stem, tok.stem_start) == (prefixes, stem, stem_offset)
    assert tok.norm == normalize(word)


@pytest.mark.parametrize(
    "word",
    ["بعد", "بين", "لكن", "كان", "وزير", "فرنسا", "والي", "الذي", "الله", "كبار", "والدة",
     "وجوده", "فيما", "كما", "ووهان", "لندن", "بوتين", "ويتكوف", "كيري", "سنة", "الغاء", "ألمانيا",
     "سيتي", "بايدن", "فستانك", "وساطة"],
)  # fmt: skip
def test_whole_words_are_not_split(word: str) -> None:
    (tok,) = tokenize(word)
    assert tok.prefixes == ()
    assert tok.stem == normalize(word)
    assert tok.stem_start == tok.start


@pytest.mark.parametrize("word", ["بعد", "بين", "لكن", "كان", "وزير", "فرنسا", "والي"])
def test_exception_list_holds_the_documented_words(word: str) -> None:
    assert normalize(word) in clitics.clitic_exceptions()


def test_exception_list_is_what_protects_unlisted_lexicon_splits(monkeypatch) -> None:
    assert tokenize("سياتل")[0].prefixes == ()
    clitics.split_bare.cache_clear()
    monkeypatch.setattr(clitics, "clitic_exceptions", lambda: frozenset())
    try:
        assert clitics.split_bare("سياتل") == (("س",), 1)
    finally:
        clitics.split_bare.cache_clear()


def test_stem_never_shorter_than_two_letters() -> None:
    for word in ["بل", "لم", "ولا", "وفي", "كل", "بن", "وه", "الم", "الف"]:
        (tok,) = tokenize(word)
        assert tok.prefixes == (), word


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("بلغت ١٤٫٥ مليار", ["بلغت", "١٤٫٥", "مليار"]),
        ("سعر 14,00 دولار", ["سعر", "14,00", "دولار"]),
        ("نمو 3.5 في المائة", ["نمو", "3.5", "في", "المائة"]),
        ("في الساعة 6:00 صباح", ["في", "الساعة", "6:00", "صباح"]),
        ("عام 2015م", ["عام", "2015", "م"]),
        ("عددهم ۱۲۳", ["عددهم", "۱۲۳"]),
    ],
)
def test_numbers(source: str, expected: list[str]) -> None:
    assert texts(source) == expected


def test_arabic_indic_digits_normalize_to_ascii() -> None:
    assert token("بلغت ١٤٫٥ مليار", "١٤٫٥").norm == "14٫5"
    assert not token("عددهم ۱۲۳", "۱۲۳").is_punct


def test_arabic_punctuation_and_quotes_are_separate_tokens() -> None:
    source = "قال: «نعم»، ثم سأل؛ لماذا؟ “حقا” (أ.ف.ب)"
    assert texts(source) == [
        "قال", ":", "«", "نعم", "»", "،", "ثم", "سأل", "؛", "لماذا", "؟",
        "“", "حقا", "”", "(", "أ.ف.ب", ")",
    ]  # fmt: skip
    puncts = {tok.text for tok in tokenize(source) if tok.is_punct}
    assert puncts == {":", "«", "»", "،", "؛", "؟", "“", "”", "(", ")"}


def test_decorative_characters_and_runs() -> None:
    source = "عاجل ★★ الخبر ـــــ • التفاصيل... انتهى!!"
    assert texts(source) == ["عاجل", "★★", "الخبر", "ـــــ", "•", "التفاصيل", "...", "انتهى", "!!"]
    assert [tok.is_punct for tok in tokenize(source)] == [
        False, True, False, True, True, False, True, False, True,
    ]  # fmt: skip


def test_invisible_marks_are_skipped_and_latin_kept_whole() -> None:
    source = "\u200fقال\u200f U.S. F16 O'Brien https://www.spa.gov.sa/123."
    assert texts(source) == ["قال", "U.S.", "F16", "O'Brien", "https://www.spa.gov.sa/123", "."]
