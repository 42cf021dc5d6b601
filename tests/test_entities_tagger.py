"""The CRF tagger: loading, label mapping, features, and the shipped model on real text."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from hadath.entities.evaluate import evaluate_file
from hadath.entities.features import (
    DictGazetteer,
    Gazetteers,
    bare_key,
    features,
    gazetteer_features,
    load_titles,
    read_names,
    word_key,
)
from hadath.entities.tagger import MODEL_PATH, Tagger, bio_spans, names_path, to_hadath
from hadath.errors import DataFileError, HadathError
from hadath.text.tokenize import tokenize

# Seed 000 (Asharq Al-Awsat), its second paragraph's first sentence.
SEED_000 = (
    "وأعلنت وزارة الخارجية الروسية في بيان أن ميخائيل بوغدانوف، المبعوث الشخصي للرئيس "
    "فلاديمير بوتين التقى في العاصمة الفرنسية باريس يوم أول من أمس الخميس كلاً من جاك "
    "أوديبير المستشار الدبلوماسي للرئيس الفرنسي فرنسوا هولاند ونيكولا دي ريفير المدير "
    "السياسي بوزارة الخارجية الفرنسية."
)
# Seed 001.
SEED_001 = (
    "وتجنبت موسكو الكشف عن تفاصيل المحادثات المطولة التي شارك فيها من الجانب التركي وفد "
    "برئاسة نائب وزير الخارجية أونال سادات، ضم دبلوماسيين وعسكريين، ومن الجانب الروسي شارك "
    "في الحوارات المبعوث الرئاسي إلى سوريا ألكسندر لافرنتييف ونائب وزير الخارجية سيرغي "
    "فيرشينين، وضم الوفد الروسي كذلك مسؤولين من وزارة الدفاع."
)
# Seed 002.
SEED_002 = (
    "وقال دميتري بيسكوف الناطق الصحفي باسم الرئيس الروسي رداً على سؤال حول مدى ارتياح "
    "الكرملين لمستوى التعاون مع واشنطن حول سورية."
)
PLAIN = [
    "قال المتحدث إن الحكومة ستعقد اجتماعا موسعا غدا لمناقشة الموازنة العامة.",
    "وأكد أن المفاوضات ستستمر حتى التوصل إلى اتفاق نهائي يرضي جميع الأطراف.",
    "وأشار التقرير إلى ارتفاع الأسعار وتراجع الصادرات خلال الأشهر الماضية.",
]

needs_model = pytest.mark.skipif(not MODEL_PATH.is_file(), reason="shipped NER model missing")


def words(text: str) -> list[str]:
    return [token.text for token in tokenize(text)]


def found(text: str, tagger: Tagger) -> set[tuple[str, str]]:
    tokens = words(text)
    return {(" ".join(tokens[a:b]), kind) for a, b, kind in tagger.spans(tokens)}


@pytest.fixture(scope="module")
def tagger() -> Tagger:
    return Tagger.load()


# --- loading -------------------------------------------------------------------------


def test_missing_model_names_its_path(tmp_path: Path) -> None:
    path = tmp_path / "absent.crfsuite"
    with pytest.raises(HadathError, match=r"NER model not found: .*absent\.crfsuite"):
        Tagger.load(path)


def test_corrupt_model_names_its_path(tmp_path: Path) -> None:
    path = tmp_path / "broken.crfsuite"
    path.write_bytes(b"not a crfsuite model" * 20)
    with pytest.raises(HadathError, match=r"NER model cannot be read: .*broken\.crfsuite"):
        Tagger.load(path)


@needs_model
def test_broken_names_file_is_reported(tmp_path: Path) -> None:
    model = tmp_path / "m.crfsuite"
    shutil.copy(MODEL_PATH, model)
    names_path(model).write_text("# names\nباريس\tCITY\n", encoding="utf-8")
    with pytest.raises(HadathError, match=r"m\.names\.tsv: line 2"):
        Tagger.load(model)


def test_read_names_rejects_a_line_without_type(tmp_path: Path) -> None:
    path = tmp_path / "names.tsv"
    path.write_text("باريس\tLOC\nلندن\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="line 2"):
        read_names(path)


# --- label mapping ---------------------------------------------------------------------


def test_types_are_mapped_and_misc_dropped() -> None:
    raw = ["B-PERS", "I-PERS", "O", "B-MISC", "I-MISC", "B-GPE", "B-ORG", "I-ORG"]
    assert to_hadath(raw) == ["B-PER", "I-PER", "O", "O", "O", "B-LOC", "B-ORG", "I-ORG"]


def test_bio_is_repaired() -> None:
    assert to_hadath(["I-LOC", "I-LOC", "I-PER", "O", "I-ORG"]) == [
        "B-LOC",
        "I-LOC",
        "B-PER",
        "O",
        "B-ORG",
    ]


def test_spans_are_end_exclusive() -> None:
    tags = ["B-PER", "I-PER", "O", "B-LOC", "B-LOC", "I-LOC"]
    assert bio_spans(tags) == [(0, 2, "PER"), (3, 4, "LOC"), (4, 6, "LOC")]


# --- features --------------------------------------------------------------------------


def test_word_features_normalize_and_strip_clitics() -> None:
    assert word_key("وللرئيس") == ("وللرييس", "رييس", "PER")
    assert bare_key("وللرئيس") == "الرييس"
    assert word_key("وروسيا")[1] == "روسيا"
    assert word_key("وزارة")[1:] == ("وزاره", "ORG")  # a whole word, not و + زارة


def test_titles_file_loads() -> None:
    titles = load_titles()
    assert titles["رييس"] == "PER"
    assert titles["عاصمه"] == "LOC"


def test_neighbour_and_title_features() -> None:
    feats = features(["التقى", "الرئيس", "بوتين", "أمس"])
    assert "-1:title=PER" in feats[2]
    assert "-2:w=التقي" in feats[2]
    assert "+1:w=امس" in feats[2]
    assert "BOS" in feats[0] and "EOS" in feats[3]


def test_gazetteer_features_mark_ngrams() -> None:
    gazetteer = DictGazetteer([("بان كي مون", "PER"), ("روسيا", "GPE")])
    marks = gazetteer_features(["التقى", "بان", "كي", "مون", "وروسيا"], gazetteer)
    assert marks == [[], ["gz=B-PER"], ["gz=I-PER"], ["gz=I-PER"], ["gz=B-LOC"]]


def test_gazetteers_combine() -> None:
    both = Gazetteers(DictGazetteer([("عمان", "LOC")]), lambda key: {"ORG"} if key else set())
    assert set(both("عمان")) == {"LOC", "ORG"}
    assert both.starts is None  # a plain callable cannot say where names start


# --- the shipped model -----------------------------------------------------------------


@needs_model
def test_shipped_model_loads(tagger: Tagger) -> None:
    assert {"B-PER", "B-ORG", "B-LOC"} <= set(tagger.labels)
    assert tagger.tag([]) == []
    assert tagger.gazetteer is not None  # the model's names file came with it


@needs_model
def test_seed_000_persons_places_and_ministry(tagger: Tagger) -> None:
    spans = found(SEED_000, tagger)
    assert ("ميخائيل بوغدانوف", "PER") in spans
    assert ("فلاديمير بوتين", "PER") in spans
    assert ("فرنسوا هولاند", "PER") in spans
    assert ("باريس", "LOC") in spans


@needs_model
def test_seed_001_and_002(tagger: Tagger) -> None:
    spans = found(SEED_001, tagger)
    assert ("موسكو", "LOC") in spans
    assert ("سوريا", "LOC") in spans
    spans = found(SEED_002, tagger)
    assert ("دميتري بيسكوف", "PER") in spans
    assert ("واشنطن", "LOC") in spans


@needs_model
def test_common_words_are_not_persons(tagger: Tagger) -> None:
    for sentence in PLAIN:
        tokens = words(sentence)
        assert [tokens[a:b] for a, b, kind in tagger.spans(tokens) if kind == "PER"] == []


@needs_model
def test_a_caller_gazetteer_is_used(tagger: Tagger) -> None:
    tokens = words("وصل زيلمار كوتوفسكي إلى المدينة")
    extra = DictGazetteer([("زيلمار كوتوفسكي", "PER")])
    with_names = Tagger.load(gazetteer=extra)
    assert with_names.gazetteer is not None
    assert "gz=B-PER" in features(tokens, with_names.gazetteer)[1]


@needs_model
def test_evaluate_file_defaults_to_the_shipped_model(tmp_path: Path) -> None:
    gold = [
        ("وقال", "O"), ("الأمين", "O"), ("العام", "O"), ("للأمم", "B-ORG"),
        ("المتحدة", "I-ORG"), ("بان", "B-PERS"), ("كي", "I-PERS"), ("مون", "I-PERS"),
        ("في", "O"), ("نيويورك", "B-LOC"), ("إن", "O"), ("مجلس", "B-ORG"),
        ("الأمن", "I-ORG"), ("سيجتمع", "O"),
    ]  # fmt: skip
    path = tmp_path / "gold.conll"
    path.write_text("".join(f"{w} {t}\n" for w, t in gold), encoding="utf-8")
    report = evaluate_file(path)
    assert (report.micro.tp, report.micro.fp, report.micro.fn) == (4, 0, 0)


@needs_model
def test_odd_words_do_not_break_tagging(tagger: Tagger) -> None:
    odd = ["", " ", "\u200f", "ـ", "ً", "١٢٣", "ABC", "«", "وـ"]
    assert len(tagger.tag(["قال", *odd, "بوتين"])) == len(odd) + 2


@needs_model
def test_pruned_features_tag_like_all_features(tagger: Tagger) -> None:
    for text in (SEED_000, SEED_001, *PLAIN):
        tokens = words(text)
        pruned = tagger.extract(tokens, tagger.gazetteer)  # UTF-8 bytes, for pycrfsuite
        full = features(tokens, tagger.gazetteer)
        assert all({x.decode() for x in p} <= set(f) for p, f in zip(pruned, full, strict=True))
        assert tagger.raw_tags(tokens) == list(tagger._crf.tag(full))
