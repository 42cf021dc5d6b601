"""Arabic date expressions: spans, structured values and resolution, on real sentences."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from itertools import pairwise
from pathlib import Path

import pytest
import yaml

from hadath import resources
from hadath.dates.calendar import load_calendar, parse_calendar
from hadath.dates.expressions import (
    DateExpr,
    find_dates,
    hijri_to_gregorian,
    pick_nearest,
    resolve,
    shift,
)
from hadath.errors import DataFileError
from tests.conftest import seed_text

THU, FRI, SAT, SUN, MON, TUE, WED = 3, 4, 5, 6, 0, 1, 2


def only(text: str, kind: str | None = None) -> DateExpr:
    """The single expression of ``text`` (of ``kind`` when given); offsets checked."""
    found = [e for e in find_dates(text) if kind is None or e.kind == kind]
    assert len(found) == 1, found
    expr = found[0]
    assert text[expr.start : expr.end] == expr.text
    return expr


def pick(text: str, span: str) -> DateExpr:
    """The expression of ``text`` whose surface is ``span``."""
    found = [e for e in find_dates(text) if e.text == span]
    assert len(found) == 1, (span, find_dates(text))
    assert text[found[0].start : found[0].end] == span
    return found[0]


def texts(text: str) -> list[str]:
    found = find_dates(text)
    for expr in found:
        assert text[expr.start : expr.end] == expr.text
    return [e.text for e in found]


# -- seed 000 (Asharq al-Awsat, 10 October 2015) ------------------------------------
SEED0 = seed_text("000").splitlines()


def test_seed_relative_day_with_weekday() -> None:
    expr = only(SEED0[11], "relative_day")
    assert expr.text == "يوم أول من أمس الخميس"
    assert (expr.offset, expr.weekday) == (-2, THU)
    assert resolve(expr, date(2015, 10, 10)) == date(2015, 10, 8)


def test_seed_absolute_with_weekday_part_and_both_month_systems() -> None:
    expr = only(SEED0[13], "absolute")
    assert expr.text == "مساء الخميس 8 أكتوبر (تشرين الأول)"
    assert (expr.day, expr.month, expr.year, expr.weekday) == (8, 10, None, THU)
    assert expr.part == "evening"
    assert resolve(expr, date(2015, 10, 10)) == date(2015, 10, 8)


def test_seed_002_future_weekday_and_periods() -> None:
    found = find_dates(seed_text("002"))
    by_text = {e.text: e for e in found}
    assert by_text["الأسبوع المقبل"].amount == 1
    assert by_text["هذا الأسبوع"].direction == "current"
    tuesday = by_text["الثلاثاء المقبل"]
    assert (tuesday.kind, tuesday.weekday, tuesday.direction) == ("weekday", TUE, "future")
    assert resolve(tuesday, date(2016, 9, 22)) == date(2016, 9, 27)


def test_seed_001_today_with_weekday_and_bare_yesterday() -> None:
    text = seed_text("001")
    assert "اليوم الثلاثاء" in texts(text)
    assert "أمس" in texts(text)
    today = next(e for e in find_dates(text) if e.text == "اليوم الثلاثاء")
    assert (today.offset, today.weekday) == (0, TUE)


# -- absolute dates -------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        (
            "ومن المقرر أن تصدر هيئة السلامة الهولندية تقريرا نهائيا عن الحادث في أكتوبر "
            "(تشرين الأول) المقبل.",
            "أكتوبر (تشرين الأول) المقبل",
            (None, 10, None),
        ),
        (
            "التي كان من المقرر إقامتها من 23 ديسمبر وحتى 5 يناير (كانون الثاني) المقبل.",
            "5 يناير (كانون الثاني) المقبل",
            (5, 1, None),
        ),
        (
            "تعرضتا لهجوم مماثل مطلع يوليو (تموز) عندما قتل متطرفون",
            "مطلع يوليو (تموز)",
            (None, 7, None),
        ),
        (
            "وظهر الكمان في نهاية يونيو (حزيران) الماضي عندما عرضت امرأة",
            "نهاية يونيو (حزيران) الماضي",
            (None, 6, None),
        ),
        ("كان مسؤولاً في العام 2013 عن أكثر من 22 في المئة", "العام 2013", (None, None, 2013)),
        (
            "راوحت أسعار النفط في تعاملات الخميس 6 أغسطس - آب قرب أدنى مستوياتها",
            "الخميس 6 أغسطس - آب",
            (6, 8, None),
        ),
        ("حدث ذلك في 30 حزيران/يونيو 2014.", "30 حزيران/يونيو 2014", (30, 6, 2014)),
        ("ساعدت منذ يناير كانون الثاني على تزويد", "يناير كانون الثاني", (None, 1, None)),
        ('شرته "الاقتصادية" في الـ 16 من إبريل الماضي، أن', "16 من إبريل الماضي", (16, 4, None)),
        ("في الثامن من أكتوبر الماضي", "الثامن من أكتوبر الماضي", (8, 10, None)),
        ("الخميس 8 أكتوبر/تشرين الأول 2015", "الخميس 8 أكتوبر/تشرين الأول 2015", (8, 10, 2015)),
        ("صدر القرار في ٨ أكتوبر ٢٠١٥ بعد", "٨ أكتوبر ٢٠١٥", (8, 10, 2015)),
        ("وفي 8 جانفي 2015 أعلنت", "8 جانفي 2015", (8, 1, 2015)),
        ("الأربعاء 15/7/2015م، مرتفعا بشكل طفيف", "الأربعاء 15/7/2015م", (15, 7, 2015)),
        ("نشر التقرير 2015-10-08 على موقعها", "2015-10-08", (8, 10, 2015)),
    ],
)
def test_absolute(text: str, span: str, value: tuple) -> None:
    expr = pick(text, span)
    assert expr.kind == "absolute"
    assert (expr.day, expr.month, expr.year) == value


def test_absolute_directions_and_parts() -> None:
    assert only("في أكتوبر (تشرين الأول) المقبل").direction == "future"
    assert only("يونيو (حزيران) الماضي").direction == "past"
    assert only("مطلع فبراير (شباط)").part == "early"
    assert only("أواسط مايو (أيار) الماضي").part == "mid"
    assert only("مطلع فبراير (شباط)").granularity == "month"
    assert only("العام 2013").granularity == "year"


def test_arabic_indic_numeric_with_weekday_in_parentheses() -> None:
    expr = only("مواكبة لما نشر يوم الاثنين (٢٢/٤/٢٠١٣م)، في الوقت نفسه")
    assert expr.text == "يوم الاثنين (٢٢/٤/٢٠١٣م)"
    assert (expr.day, expr.month, expr.year, expr.weekday) == (22, 4, 2013, MON)
    assert resolve(expr, date(2015, 8, 1)) == date(2013, 4, 22)


def test_hijri_numeric_and_its_gregorian_equivalent() -> None:
    text = "الأحد 25/9/1436 الموافق 12/7/2015 , علماً بأن هذه الوظائف"
    expr = only(text)
    assert (expr.day, expr.month, expr.year, expr.weekday) == (12, 7, 2015, SUN)
    assert expr.hijri == (25, 9, 1436)
    hijri = only("الأربعاء 6 / 10 / 1436هـ ولمدة ثلاثة أسابيع", "absolute")
    assert hijri.text == "الأربعاء 6 / 10 / 1436هـ"
    assert (hijri.calendar, hijri.day, hijri.month, hijri.year) == ("hijri", 6, 10, 1436)
    # The arithmetical calendar is a day off Umm al-Qura here; the weekday fixes it.
    assert resolve(hijri, date(2015, 7, 21)) == date(2015, 7, 22)


def test_today_with_weekday_in_guillemets_leads_an_equivalent_date() -> None:
    text = "حيث تبدأ إجراءات التقديم اليوم «السبت» ٢٣ / ١٠ / ١٤٣٦ الموافق ٨ / ٨ / ٢٠١٥ م على أن"
    expr = only(text)
    assert (expr.offset, expr.weekday, expr.day, expr.month, expr.year) == (0, SAT, 8, 8, 2015)


# -- weekdays and relative days ---------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "span", "kind", "weekday", "offset"),
    [
        (
            "وكانت اشتباكات عنيفة دارت بين الطرفين لساعات استمرت من مساء الخميس وحتى صباح الجمعة",
            "مساء الخميس",
            "weekday",
            THU,
            None,
        ),
        (
            "في حادث التفجير الإرهابي الذي استهدف مسجداً يوم الخميس الماضي، ونتج عنه",
            "يوم الخميس الماضي",
            "weekday",
            THU,
            None,
        ),
        ("وكانت الامم المتحدة حذرت الاحد من ارتفاع حصيلة", "الاحد", "weekday", SUN, None),
        (
            "قالت المؤسسة العامة لصوامع الغلال ومطاحن الدقيق في المملكة، أمس الخميس: إنها",
            "أمس الخميس",
            "relative_day",
            THU,
            -1,
        ),
        (
            "وبدأ أول من أمس (الخميس)، تحقيق قضائي بحق ديمرتاش",
            "أول من أمس (الخميس)",
            "relative_day",
            THU,
            -2,
        ),
        ("جدلا واسعا في روسيا، أمس الأول، لسعرها المرتفع", "أمس الأول", "relative_day", None, -2),
        ("ألمانيا اليوم (الاثنين)، أنّ عدد الأشخاص", "اليوم (الاثنين)", "relative_day", MON, 0),
        (
            "يصل إلى العاصمة الفرنسية باريس، غداً الثلاثاء، وفد تجاري",
            "غداً الثلاثاء",
            "relative_day",
            TUE,
            1,
        ),
        ("لمزاولة التمارين يوم غد الأحد على ملعب", "يوم غد الأحد", "relative_day", SUN, 1),
        ("في المستشفيات الخاصة صباح الأمس.", "صباح الأمس", "relative_day", None, -1),
        ("وقال بالأمس إن", "الأمس", "relative_day", None, -1),
    ],
)
def test_day_references(text: str, span: str, kind: str, weekday: int | None, offset) -> None:
    expr = pick(text, span)
    assert (expr.text, expr.kind, expr.weekday, expr.offset) == (span, kind, weekday, offset)


@pytest.mark.parametrize(
    "text",
    [
        "نحن في أمس الحاجة إلى الدعم",  # أمس = "most"
        "احتفلت المملكة باليوم الوطني",  # اليوم + adjective
        "وفي اليوم التالي عاد الوفد",
        "في ذلك اليوم عاد الوفد",
        "عين اليوم – سكاكا",  # the outlet
        "قالت صحيفة «اليوم» إن",  # the newspaper
        "وقد مارس الضغوط على الحكومة",  # مارس = "practised"
        "حضر الأحد عشر لاعبا",  # eleven
        "لامس سقف التوقعات",  # not ل + أمس
        "وعانى الفيفا من فوضى قبل يومين من الانتخابات الرئاسية",  # relative to an event
        "وصرّح الأمين العام السابق للأمم المتحدة",  # العام = "general"
        "في مدينة نيسان",
        "قتل 2013 - شخصا",  # a year-like number that opens no chronology entry
    ],
)
def test_not_dates(text: str) -> None:
    assert find_dates(text) == []


def test_a_year_opening_a_chronology_entry_is_a_date() -> None:
    """SaudiNewsNet "on this day" lists: "1953 - مجموعة مسلحة يقودها فيدل كاسترو تهاجم"
    (the attack had been coded as news of the publication day)."""
    found = find_dates("1953 - مجموعة مسلحة يقودها فيدل كاسترو تهاجم ثكنة مونكادا في كوبا.")
    assert [(e.text, e.year, e.granularity) for e in found] == [("1953", 1953, "year")]


# -- relative periods ------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "span", "unit", "amount"),
    [
        ("بدأ منذ ثلاثة أيام هجوما متقطعا", "منذ ثلاثة أيام", "day", -3),
        ("الذي التقاه قبل يومين في الرياض", "قبل يومين", "day", -2),
        ("ومصابة منذ اكثر من عامين", "منذ اكثر من عامين", "year", -2),
        ("ستتم الأسبوع المقبل دون ذكر", "الأسبوع المقبل", "week", 1),
        ("بعد بيانات مخيبة للآمال مطلع الأسبوع الحالي والهبوط", "مطلع الأسبوع الحالي", "week", 0),
        ("وضبطت الشهر الماضي 2986 مخالفاً", "الشهر الماضي", "month", -1),
        ("بدأ ذلك منذ 25 عاما", "منذ 25 عاما", "year", -25),
        ("سيصل بعد أسبوعين", "بعد أسبوعين", "week", 2),
    ],
)
def test_periods(text: str, span: str, unit: str, amount: int) -> None:
    expr = only(text, "relative_period")
    assert (expr.text, expr.unit, expr.amount) == (span, unit, amount)


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("العمليات الإرهابية التي وقعت مؤخرا في مناطق الشرقية", "مؤخرا"),  # dev (Okaz)
        ("شنت هجمات على معسكرات لحزب العمال خلال الليل", "خلال الليل"),  # dev (al-Watan)
        ("ما شهدته المدينة في الآونة الأخيرة من اشتباكات", "الآونة الأخيرة"),
        ("وصلت خلال الأيام الماضية تعزيزات", "الأيام الماضية"),
    ],
)
def test_vague_periods_name_no_day(text: str, span: str) -> None:
    """Guidelines §8: "recently", "during the night" date no day; an event they date
    keeps the words and no date, rather than the publication day."""
    expr = only(text, "relative_period")
    assert (expr.text, expr.granularity) == (span, "vague")
    assert resolve(expr, date(2015, 8, 2)) == date(2015, 8, 2)  # no shift: background-safe


def test_bare_singular_unit_needs_no_following_noun() -> None:
    assert texts("منذ عام 2013") == ["عام 2013"]
    assert texts("قبل يوم الانتخابات") == []
    assert only("وقع منذ شهر.").amount == -1


# -- offsets ---------------------------------------------------------------------------
def test_offsets_survive_diacritics_tatweel_and_clitics() -> None:
    text = "وقال غداً إنّه سيعود، وأمسِ الخميـس كان هنا، والأسبوعَ الماضي أيضا، 1436هـ"
    found = texts(text)
    assert found == ["غداً", "أمسِ الخميـس", "الأسبوعَ الماضي"]


def test_offsets_round_trip_on_every_seed() -> None:
    for prefix in ("000", "001", "002", "003", "004"):
        text = seed_text(prefix)
        found = find_dates(text)
        assert found, prefix
        for expr in found:
            assert text[expr.start : expr.end] == expr.text
        assert [e.start for e in found] == sorted(e.start for e in found)
        assert all(a.end <= b.start for a, b in pairwise(found))


# -- resolution ------------------------------------------------------------------------
REF = date(2015, 10, 10)  # a Saturday


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("أمس", date(2015, 10, 9)),
        ("أول من أمس", date(2015, 10, 8)),
        ("اليوم", REF),
        ("غداً", date(2015, 10, 11)),
        ("بعد غد", date(2015, 10, 12)),
        ("الخميس", date(2015, 10, 8)),
        ("السبت", REF),  # bare weekday: on or before the reference
        ("السبت الماضي", date(2015, 10, 3)),
        ("الخميس المقبل", date(2015, 10, 15)),
        ("الأسبوع الماضي", date(2015, 10, 3)),
        ("الأسبوع المقبل", date(2015, 10, 17)),
        ("الشهر الماضي", date(2015, 9, 10)),
        ("العام الماضي", date(2014, 10, 10)),
        ("منذ ثلاثة أيام", date(2015, 10, 7)),
        ("قبل يومين", date(2015, 10, 8)),
        ("8 أكتوبر", date(2015, 10, 8)),
        ("20 يناير (كانون الثاني) المقبل", date(2016, 1, 20)),
        ("20 يناير الماضي", date(2015, 1, 20)),
        ("5 يناير", date(2016, 1, 5)),  # nearer ahead than behind
        ("20 أبريل", date(2015, 4, 20)),
        ("مطلع فبراير (شباط) المقبل", date(2016, 2, 1)),
        ("أواخر فبراير (شباط) الماضي", date(2015, 2, 28)),
        ("يونيو (حزيران) الماضي", date(2015, 6, 1)),
        ("العام 2013", date(2013, 1, 1)),
        ("8/10/2015", date(2015, 10, 8)),
    ],
)
def test_resolve(text: str, expected: date) -> None:
    assert resolve(only(text), REF) == expected


def test_resolve_future_preference_and_weekday_choice_of_year() -> None:
    assert resolve(only("الخميس"), REF, prefer="future") == date(2015, 10, 15)
    # Thursday 8 October: 2015 is the year near 2016-06-01 whose 8 October is a Thursday.
    assert resolve(only("الخميس 8 أكتوبر"), date(2016, 6, 1)) == date(2015, 10, 8)
    assert resolve(only("31 فبراير 2015"), REF) is None


def test_helpers() -> None:
    assert shift(date(2015, 3, 31), "month", -1) == date(2015, 2, 28)
    assert shift(date(2016, 2, 29), "year", 1) == date(2017, 2, 28)
    assert pick_nearest([date(2015, 1, 1), date(2016, 1, 1)], date(2015, 7, 2)) == date(2015, 1, 1)
    assert hijri_to_gregorian(1436, 9, 1) == date(2015, 6, 18)


# -- the calendar data file ------------------------------------------------------------
@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Point the data loaders at a temporary folder, caches cleared around the test."""
    monkeypatch.setattr(resources, "DATA_DIR", tmp_path)
    resources.load_yaml.cache_clear()
    load_calendar.cache_clear()
    yield tmp_path
    resources.load_yaml.cache_clear()
    load_calendar.cache_clear()


REAL_CALENDAR = (Path(resources.__file__).parent / "data" / "calendar.yaml").read_text("utf-8")


@pytest.mark.parametrize(
    ("old", "new", "problem"),
    [
        ("      12: [ديسمبر]", "      13: [ديسمبر]", "13 is not in 1..12"),
        ("    calendar: hijri", "    calendar: julian", "calendar must be one of"),
        ("  6: [الأحد, الاحد, أحد]", "  6: [الأحد, 7]", "expected a list of non-empty strings"),
        ("  - offset: 0\n    names: [اليوم]", "  - names: [اليوم]", "missing key 'offset'"),
        ("day_parts:", "day_bits:", "missing key 'day_parts'"),
        ("  early: [مطلع,", "  soon: [مطلع,", "unknown key 'soon'"),
        ("\nmonths:\n", "\nmonths: [\n", "invalid YAML"),
    ],
)
def test_malformed_calendar_names_the_file(
    data_dir: Path, old: str, new: str, problem: str
) -> None:
    assert old in REAL_CALENDAR
    (data_dir / "calendar.yaml").write_text(REAL_CALENDAR.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(DataFileError) as caught:
        load_calendar()
    assert caught.value.path.endswith("calendar.yaml")
    assert problem in str(caught.value)


def test_calendar_is_extendable(data_dir: Path) -> None:
    extended = REAL_CALENDAR.replace("      2: [فبراير]", "      2: [فبراير, فبرایر, فبرير]")
    (data_dir / "calendar.yaml").write_text(extended, encoding="utf-8")
    real = parse_calendar(yaml.safe_load(REAL_CALENDAR), "calendar.yaml")
    assert find_dates("في 3 فبرير 2015", real) == []  # the shipped file lacks this spelling
    found = find_dates("في 3 فبرير 2015", load_calendar())
    assert [(e.day, e.month, e.year) for e in found] == [(3, 2, 2015)]
