"""Publication date inferred from text: the anchor rule, the year by office-holders, the stage."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from hadath import resources
from hadath.dates.officeholders import find_officeholders, load_officeholders
from hadath.dates.published import infer_published
from hadath.errors import DataFileError
from hadath.model import Article, Document
from hadath.pipeline import get_stage
from tests.conftest import seed_text

# The main article of seed 000 (Asharq al-Awsat), lines 12-16 of the page.
SEED0_MAIN = "\n".join(seed_text("000").splitlines()[11:16])


def test_seed_000_is_saturday_10_october_2015() -> None:
    day, reason, evidence = infer_published(SEED0_MAIN)
    assert day == date(2015, 10, 10)
    assert day.weekday() == 5
    assert "'يوم أول من أمس الخميس' + 'مساء الخميس 8 أكتوبر (تشرين الأول)'" in reason
    assert "فرنسوا هولاند" in reason and "فلاديمير بوتين" in reason
    assert evidence is not None and "أول من أمس الخميس" in evidence and "8 أكتوبر" in evidence


def test_seed_000_without_office_holders_is_ambiguous() -> None:
    text = SEED0_MAIN.replace("للرئيس الفرنسي فرنسوا هولاند", "للرئيس الفرنسي")
    text = text.replace("للرئيس فلاديمير بوتين", "للرئيس الروسي")
    day, reason, evidence = infer_published(text)
    assert day is None and evidence is None
    assert reason.startswith("weekday only, year ambiguous")
    assert "2015" in reason and "2020" in reason


def test_seed_000_with_a_later_president_is_an_office_holder_conflict() -> None:
    text = SEED0_MAIN + "\nوقال الرئيس الأميركي دونالد ترمب إن"
    day, reason, _ = infer_published(text)
    assert day is None
    assert reason.startswith("office-holder conflict")
    assert "دونالد ترمب" in reason


def test_putin_alone_leaves_2015_2020_2026() -> None:
    text = SEED0_MAIN.replace("للرئيس الفرنسي فرنسوا هولاند", "للرئيس الفرنسي")
    day, reason, _ = infer_published(text)
    assert day is None
    assert "fits 2015, 2020, 2026" in reason  # Putin was not president in 2009


def test_whole_seed_page_mixes_articles_and_does_not_pin() -> None:
    # The page appends 2024-2025 articles (Trump, Netanyahu): no single year fits all.
    day, reason, _ = infer_published(seed_text("000"))
    assert day is None and "conflict" in reason


def test_untitled_name_does_not_count() -> None:
    text = "التقى أمس الخميس هولاند بالوفد، وكان الاجتماع مساء الخميس 8 أكتوبر."
    day, reason, _ = infer_published(text)
    assert day is None and "year ambiguous" in reason


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("قال أمس الخميس إن الاجتماع عقد الخميس 8 أكتوبر 2015 في باريس", date(2015, 10, 9)),
        ("أعلنت اليوم الثلاثاء 13 أكتوبر/تشرين الأول 2015 أن", date(2015, 10, 13)),
        ("وصل أول من أمس (الخميس) ... كما جرى في الخميس 8/10/2015", date(2015, 10, 10)),
        ("قالت الأجهزة المختصة أمس الأحد 9 أغسطس 2015 إن", date(2015, 8, 10)),
        ("يصل يوم غد الخميس 14 / 10 / 1436هـ الموافق 30 / 7 / 2015م", date(2015, 7, 29)),
        # SaudiNewsNet (sabq/almadina, 20 July 2015): a Hijri date with its weekday.
        (
            "أعلنت المديرية العامة للجوازات أنه حتى ظهر اليوم الاثنين الموافق 4/10/1436هـ تم "
            "تصحيح أوضاع 354863 شخصاً",
            date(2015, 7, 20),
        ),
        # The same article as scraped writes the date month/day; the weekday decides.
        ("حتى ظهر اليوم الاثنين الموافق 10/4 / 1436هـ تم تصحيح", date(2015, 7, 20)),
    ],
)
def test_written_year_pins(text: str, expected: date) -> None:
    day, reason, _ = infer_published(text)
    assert day == expected, reason
    assert reason.startswith("text: ")


def test_year_by_office_holders_on_a_saudinewsnet_snippet() -> None:
    # aawsat, scraped 2015-07-21 (copied): a relative anchor, a dated weekday, and a
    # titled prime minister; 2015 is the only year Cameron was PM and 20 July a Monday.
    text = (
        "حدد رئيس الوزراء البريطاني ديفيد كاميرون، اليوم (الاثنين)، ملامح استراتيجية "
        "للتصدي للتطرف داخل بريطانيا. وقال في خطابه يوم الاثنين 20 يوليو (تموز) إن"
    )
    day, reason, _ = infer_published(text)
    assert day == date(2015, 7, 20)
    assert "ديفيد كاميرون" in reason


@pytest.mark.parametrize(
    ("text", "reason_start"),
    [
        (
            "قالت المؤسسة العامة لصوامع الغلال ومطاحن الدقيق في المملكة، أمس الخميس: إنها "
            "طرحت مناقصة عالمية",
            "weekday only",
        ),
        (
            "راوحت أسعار النفط في تعاملات الخميس 6 أغسطس - آب قرب أدنى مستوياتها",
            "date without a relative anchor",
        ),
        ("وقال المتحدث أمس إن الاجتماع سيعقد الخميس المقبل", "no relative day with a weekday"),
        ("لا تاريخ في هذا النص", "no date in text"),
        ("قال أمس الأربعاء إن الاجتماع عقد الخميس 8 أكتوبر 2015", "weekday only"),
        ("قال أمس الخميس إن الاجتماع عقد الخميس 9 أكتوبر 2015", "weekday does not match"),
        (
            "قال أمس الخميس إن اجتماع الخميس 8 أكتوبر 2015 سبق اجتماع الخميس 15 أكتوبر 2015",
            "conflicting anchors",
        ),
    ],
)
def test_does_not_pin(text: str, reason_start: str) -> None:
    day, reason, evidence = infer_published(text)
    assert day is None and evidence is None
    assert reason.startswith(reason_start), reason


# -- office-holders ------------------------------------------------------------------
def test_titled_mentions_in_seed_000() -> None:
    found = {m.text: m for m in find_officeholders(SEED0_MAIN)}
    assert set(found) == {"فلاديمير بوتين", "فرنسوا هولاند"}  # لافروف's title comes after
    hollande = found["فرنسوا هولاند"]
    assert SEED0_MAIN[hollande.start : hollande.end] == "فرنسوا هولاند"
    assert hollande.consistent_with(date(2015, 10, 8))
    assert not hollande.consistent_with(date(2020, 10, 8))


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "أكد وزير الخارجية الأمريكي جون كيري ونظيره الروسي سيرغي لافروف",
            ["جون كيري", "سيرغي لافروف"],
        ),
        ("نقل تعازي خادم الحرمين الشريفين الملك سلمان بن عبدالعزيز", ["سلمان بن عبدالعزيز"]),
        ("وقال نائب الرئيس الأمريكي جو بايدن", []),  # a deputy
        ("ضمن برنامج خادم الحرمين الشريفين الملك عبدالله للابتعاث", []),  # an institution
        ("في عهد خادم الحرمين الشريفين الملك عبدالله", []),  # an era
        ("قال الرئيس الأمريكي الأسبق جورج بوش الأب", []),  # a former holder
        ("الملك عبدالله بن عبدالعزيز رحمه الله", []),
    ],
)
def test_mention_rules(text: str, names: list[str]) -> None:
    assert [m.text for m in find_officeholders(text)] == names


def test_longest_name_decides_the_holder() -> None:
    (sr,) = find_officeholders("زار الرئيس الأمريكي جورج بوش الأب الرياض")
    (jr,) = find_officeholders("زار الرئيس الأمريكي جورج بوش الرياض")
    assert sr.consistent_with(date(1991, 3, 1)) and not sr.consistent_with(date(2003, 3, 1))
    assert jr.consistent_with(date(1991, 3, 1)) and jr.consistent_with(date(2003, 3, 1))


# -- malformed data file ---------------------------------------------------------------
@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Point the data loaders at an empty temporary folder, caches cleared around."""
    monkeypatch.setattr(resources, "DATA_DIR", tmp_path)
    resources.load_yaml.cache_clear()
    load_officeholders.cache_clear()
    yield tmp_path
    resources.load_yaml.cache_clear()
    load_officeholders.cache_clear()


GOOD_HOLDER = "{names: [هولاند], country: FRA, office: head_of_state, terms: [[2012-05-15, null]]}"


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ("window: 3\noffices: {}\nholders: [", "invalid YAML"),
        ("offices: {head_of_state: {titles: [الرئيس]}}\nholders: []\n", "missing key 'window'"),
        (
            "window: 3\ndisqualifiers: {between: [], before: [], after: []}\n"
            "offices: {head_of_state: {titles: [الرئيس]}}\n"
            "holders: [{names: [هولاند], country: FRA, office: king, terms: [[2012-05-15, null]]}]\n",
            "unknown office 'king'",
        ),
        (
            "window: 3\ndisqualifiers: {between: [], before: [], after: []}\n"
            "offices: {head_of_state: {titles: [الرئيس]}}\n"
            "holders: [{names: [هولاند], country: FRA, office: head_of_state, "
            "terms: [[2017-05-14, 2012-05-15]]}]\n",
            "ends before it starts",
        ),
        (
            "window: 3\ndisqualifiers: {between: [], before: [], after: []}\n"
            "offices: {head_of_state: {titles: [الرئيس]}}\n"
            "holders: [{names: [هولاند], country: FRA, office: head_of_state, terms: [[soon, null]]}]\n",
            "bad term",
        ),
    ],
)
def test_malformed_officeholders_names_the_file(data_dir: Path, content: str, problem: str) -> None:
    (data_dir / "officeholders.yaml").write_text(content, encoding="utf-8")
    with pytest.raises(DataFileError) as caught:
        load_officeholders()
    assert caught.value.path.endswith("officeholders.yaml")
    assert problem in str(caught.value)


def test_minimal_officeholders_file_loads(data_dir: Path) -> None:
    (data_dir / "officeholders.yaml").write_text(
        "window: 3\ndisqualifiers: {between: [], before: [], after: []}\n"
        f"offices: {{head_of_state: {{titles: [الرئيس]}}}}\nholders: [{GOOD_HOLDER}]\n",
        encoding="utf-8",
    )
    (mention,) = find_officeholders("قال الرئيس الفرنسي هولاند", load_officeholders())
    assert mention.consistent_with(date(2015, 1, 1))


def test_missing_officeholders_file_names_it(data_dir: Path) -> None:
    with pytest.raises(DataFileError, match=r"officeholders\.yaml: data file not found"):
        load_officeholders()


# -- the pipeline stage ------------------------------------------------------------------
def _doc(published: date | None = None) -> Document:
    doc = Document("d1", "seed000.txt", SEED0_MAIN, "txt", published=published)
    doc.articles = [
        Article("d1", 0, "seed000.txt", SEED0_MAIN, title="روسيا تتحدث عن إجرائها مشاورات"),
        Article("d1", 1, "seed000.txt", "خبر بلا تاريخ."),
        Article("d1", 2, "seed000.txt", "خبر", published=date(2020, 1, 1)),
    ]
    return doc


def test_stage_infers_dates_per_article() -> None:
    doc = _doc()
    get_stage("published")(doc)
    main, undated, dated = doc.articles
    assert main.published == date(2015, 10, 10)
    assert main.published_reason.startswith("text: ")
    assert main.published_text and "8 أكتوبر" in main.published_text
    assert (undated.published, undated.published_reason) == (None, "no date in text")
    assert (dated.published, dated.published_reason) == (date(2020, 1, 1), "metadata")


def test_stage_takes_document_metadata_first() -> None:
    doc = _doc(published=date(2015, 10, 11))
    get_stage("published")(doc)
    main, undated, dated = doc.articles
    assert (main.published, main.published_reason, main.published_text) == (
        date(2015, 10, 11),
        "metadata",
        None,
    )
    assert undated.published == date(2015, 10, 11)
    assert dated.published == date(2020, 1, 1)
