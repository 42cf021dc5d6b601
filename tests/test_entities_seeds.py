"""Entities of the seed pages end to end: types, actor codes, roles, variants, offsets."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hadath.cli import main
from hadath.entities.merge import same_person_name
from hadath.text.clitics import dictionary_lemma
from hadath.text.normalize import normalize
from tests.conftest import SEEDS


@pytest.fixture(scope="module")
def exported(tmp_path_factory) -> dict[str, list[dict]]:
    db = tmp_path_factory.mktemp("ents") / "seeds.duckdb"
    main(["run", str(SEEDS), "--db", str(db), "-q"])
    out = {}
    for what in ("entities", "articles"):
        path = Path(db.parent / f"{what}.jsonl")
        main(["export", "--what", what, "--db", str(db), "-o", str(path)])
        out[what] = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    return out


def entity(exported, name_part: str) -> dict:
    exact = [e for e in exported["entities"] if e["name"] == name_part]
    found = exact or [e for e in exported["entities"] if name_part in e["name"]]
    assert len(found) == 1, [e["name"] for e in found]
    return found[0]


@pytest.mark.parametrize(
    "name,kind,code,country,role",
    [
        ("سيرغي لافروف", "PER", "RUSGOV", "RUS", "وزير الخارجية"),
        ("ميخائيل بوغدانوف", "PER", "RUSGOV", "RUS", "المبعوث الشخصي للرئيس فلاديمير بوتين"),
        ("ألكسندر ياكوفينكو", "PER", "RUSGOV", "RUS", "سفير روسيا"),
        ("ديمتري بيسكوف", "PER", "RUSGOV", "RUS", "الناطق الصحفي باسم الرئيس الروسي"),
        ("إيغور كوناشينكوف", "PER", "RUSMIL", "RUS", "المتحدث باسم وزارة الدفاع الروسية"),
        ("سايمون غاس", "PER", "GBRGOV", "GBR", "المدير السياسي"),
        ("نيكولا دي ريفير", "PER", "FRAGOV", "FRA", "المدير السياسي بوزارة الخارجية الفرنسية"),
        ("ستافان دي ميستورا", "PER", "IGOUNO", None, "المبعوث الأممي"),
        ("رجب طيب أردوغان", "PER", "TURGOV", "TUR", "الرئيس التركي"),
        ("صالح مسلم", "PER", "SYRPTY", "SYR", "رئيس حزب الاتحاد الديمقراطي الكردي"),
        ("الكرملين", "ORG", "RUSGOV", "RUS", None),
        ("وزارة الخارجية الروسية", "ORG", "RUSGOV", "RUS", None),
        ("الجيش السوري الحر", "ORG", "SYRREB", "SYR", None),
        ("قوات سوريا الديمقراطية", "ORG", "SYRREB", "SYR", None),
        ("حلف شمال الأطلسي", "ORG", "IGONAT", None, None),
        ("الميادين", "GPE", "SYR", "SYR", None),
    ],
)
def test_seed_actors(exported, name, kind, code, country, role) -> None:
    found = entity(exported, name)
    assert (found["type"], found["actor_code"], found["country"]) == (kind, code, country)
    if role:
        assert role in found["role"]
        assert not found["role"].endswith("رداً"), found["role"]  # "… الروسي رداً على سؤال"


def test_spelling_variants_are_one_entity(exported) -> None:
    assert {"سوريا", "سورية"} <= set(entity(exported, "سوريا")["variants"])
    assert {"الجيش الحر", "الجيش السوري الحر"} <= set(
        entity(exported, "الجيش السوري الحر")["variants"]
    )
    hollande = entity(exported, "هولاند")
    assert {"فرنسوا هولاند", "فرانسوا هولاند"} <= set(hollande["variants"])
    articles = {m["article_id"].split("-")[0] for m in hollande["mentions"]}
    assert len(articles) >= 3  # seeds 000, 002 and 004


def test_yakovenko_and_yakovitko_are_one_person(exported) -> None:
    yakovenko = entity(exported, "ياكوفينكو")
    assert "ألكسندر ياكوفيتكو" in yakovenko["variants"]
    assert not [e for e in exported["entities"] if "ياكوفيتكو" in e["name"]]


def test_role_reference_points_to_the_person(exported) -> None:
    yakovenko = entity(exported, "ياكوفينكو")
    assert "السفير الروسي" in {m["text"] for m in yakovenko["mentions"]}
    lavrov = entity(exported, "لافروف")
    assert "الوزير الروسي" in {m["text"] for m in lavrov["mentions"]}


def test_group_reference_points_to_the_organization(exported) -> None:
    """Seed 003 names «داعش» and then writes التنظيم for it (استقدم التنظيم ... ألف مقاتل)."""
    isis = entity(exported, "داعش")
    assert sum(m["text"] == "التنظيم" for m in isis["mentions"]) >= 3
    assert isis["actor_code"].endswith("REB")


def test_mention_offsets_point_into_bodies(exported) -> None:
    bodies = {a["id"]: a["body"] for a in exported["articles"]}
    mentions = [m for e in exported["entities"] for m in e["mentions"]]
    assert len(mentions) > 300
    assert all(bodies[m["article_id"]][m["start"] : m["end"]] == m["text"] for m in mentions)


def test_no_common_word_is_a_person(exported) -> None:
    for person in (e for e in exported["entities"] if e["type"] == "PER"):
        for variant in person["variants"]:
            words = normalize(variant).split()
            if len(words) == 1:
                assert dictionary_lemma(words[0]) is None or person["actor_code"], variant


@pytest.mark.parametrize(
    "a,b,same",
    [
        ("ألكسندر ياكوفينكو", "ألكسندر ياكوفيتكو", True),
        ("جاك أوديبير", "جاك أوديبر", True),
        ("فرنسوا هولاند", "فرانسوا هولاند", True),
        ("بشار الأسد", "حافظ الأسد", False),
        ("محمد بن سلمان", "محمد بن سلطان", False),
        ("سيرغي لافروف", "سيرغي شويغو", False),
        ("ميخائيل بوغدانوف", "بوغدانوف", False),  # partial names are resolved in context only
    ],
)
def test_person_name_variants(a: str, b: str, same: bool) -> None:
    assert same_person_name(normalize(a), normalize(b)) is same


def test_quoted_newspaper_is_not_the_region(exported) -> None:
    """003: "قال ... لـ«الشرق الأوسط»" is the newspaper; "في الشرق الأوسط" the region."""
    readings = {(e["type"], e["actor_code"]) for e in exported["entities"]
                if e["name"] == "الشرق الأوسط"}  # fmt: skip
    assert ("ORG", "SAUMED") in readings
    assert ("LOC", None) in readings


def test_surname_index_finds_every_variant_brute_force_would() -> None:
    """The index that keeps the corpus merge sub-quadratic loses no pair that
    same_person_name accepts: checked against all pairs of the KB's person names
    and their one- and two-letter misspellings."""
    from hadath.actors.kb import KnowledgeBase
    from hadath.entities.merge import _SurnameIndex, _variant

    kb = KnowledgeBase.load()
    names = sorted({normalize(n) for a in kb if a.type == "PER" for n in (a.name, *a.names)})[:300]
    spelled = [n[:-2] + n[-1] for n in names if len(n) > 8]  # a letter dropped from the surname
    spelled += [n[:-3] + "ي" + n[-2:] for n in names if len(n) > 8]  # one changed
    everything = names + spelled
    index = _SurnameIndex()
    for name in everything:
        index.add(name, name)
    for query in everything:
        found = {n for n, _ in index.candidates(query)}
        assert {n for n in everything if _variant(query, n)} <= found, query


def test_a_pronoun_suffix_does_not_make_a_town(exported) -> None:
    """001: "وجاء حديثه" (his talk) is not the Iraqi town حديثة, which is always written
    with ة; the town itself is still found when written so."""
    assert not any("حديثه" in e["variants"] for e in exported["entities"])
    from hadath.entities.gazetteer import default_gazetteer
    from hadath.text.tokenize import tokenize

    found = default_gazetteer().find(tokenize("وسيطر التنظيم على مدينة حديثة غرب العراق"))
    assert len(found) == 2


def test_a_title_word_after_a_name_is_no_entity_of_its_own(exported) -> None:
    """Seed 000: ``بوغدانوف، المبعوث الشخصي للرئيس`` -- ``المبعوث`` is his title; it had
    been exported as an unnamed ORG entity merged with other articles' envoys."""
    bogdanov = entity(exported, "ميخائيل بوغدانوف")
    article = next(m["article_id"] for m in bogdanov["mentions"] if m["text"] == "ميخائيل بوغدانوف")
    body = next(a["body"] for a in exported["articles"] if a["id"] == article)
    at = body.index("المبعوث الشخصي")
    inside = [e["name"] for e in exported["entities"] for m in e["mentions"]
              if m["article_id"] == article and m["start"] == at]  # fmt: skip
    assert inside == [], inside


def test_unnamed_actors_are_coded_by_their_sector(exported) -> None:
    """``المدنيين``، ``المسلحين``: no knowledge-base actor, but CAMEO's sector codes."""
    civilians = [e for e in exported["entities"] if e["name"] == "المدنيين"]
    assert civilians and all(e["actor_code"] == "CVL" for e in civilians), civilians
    assert entity(exported, "المسلحين")["actor_code"] == "REB"


def test_an_unnamed_actor_is_one_entity_per_article(exported) -> None:
    """The civilians of seed 001 (Idlib) and of seed 003 (Mayadin) are different people:
    one entity each, not one corpus-wide ``المدنيين``."""
    civilians = [e for e in exported["entities"] if e["name"] == "المدنيين"]
    articles = [{m["article_id"] for m in e["mentions"]} for e in civilians]
    assert len(civilians) >= 2 and all(len(a) == 1 for a in articles), articles


@pytest.mark.parametrize(
    "text,names",
    [
        # SaudiNewsNet: 223 of Kyiv's 233 mentions in 2,000 articles were كيف "how", most of
        # Fatah's 165 the verb فتح, most of Tyre's 114 صور "pictures"
        ("لا أعرف كيف حدث ذلك.", []),
        ("وصل الرئيس إلى العاصمة الأوكرانية كيف أمس.", ["place.ukr.kyiv"]),
        ("وفتح قنوات حوار مع المستخدمين.", []),
        ("التقى وفد من حماس وفتح في القاهرة أمس.", ["hamas", "fatah", "place.egy.cairo"]),
        ("وقال المتحدث باسم فتح إن الحركة ترفض القرار.", ["fatah"]),
        ("وقالت «فتح» في بيان إنها ترفض القرار.", ["fatah"]),
        ("والتقطت صور تذكارية لولي العهد.", []),
        ("قتل ثلاثة أشخاص في مدينة صور.", ["place.lbn.tyre"]),
        ("خلال السنوات الخمس الأخيرة.", []),
        ("في التاسع من أغسطس (آب) الماضي رفض الطلب بحجة أن الوقت قصير.", []),
        ("وأكد في مشهد لاحق أن العقبة الكبرى هي التمويل.", []),
        ("سيطر المسلحون على محافظة إب وسط اليمن.", ["place.yem.ibb_province", "yem"]),
        # Saudi regions, once unknown (القصيم tagged PER 21 times in 2,000 articles)
        ("هطلت الأمطار على منطقة عسير وحائل.", ["place.sau.asir_region", "place.sau.hail"]),
        ("وزار أمير القصيم محافظة عنيزة.", ["place.sau.qassim_region", "place.sau.unaizah"]),
        ("ونشرت الصحيفة الخبر أمس.", []),
        # a clitic inside a name is split as in running text (لحقوق، للإغاثة)
        ("قال المرصد السوري لحقوق الإنسان إن", ["sohr"]),
        ("قدم مركز الملك سلمان للإغاثة والأعمال الإنسانية مساعدات.", ["sau.ksrelief"]),
    ],
)
def test_a_name_that_is_also_a_common_word_needs_its_context(text, names) -> None:
    from hadath.entities.gazetteer import default_gazetteer
    from hadath.text.tokenize import tokenize

    found = default_gazetteer().find(tokenize(text))
    assert [m.actor_ids[0] for m in found] == names


def test_of_two_places_with_one_name_the_capital_is_read() -> None:
    """SaudiNewsNet: 87 mentions of طرابلس had all gone to Lebanon's Tripoli (first in the
    file); Arabic news mostly mean Libya's capital."""
    from hadath.model import Document
    from hadath.pipeline import Pipeline

    doc = Document("t", "test", "اشتبكت ميليشيات متناحرة في طرابلس أمس.", "txt", title="")
    Pipeline(["segment", "tokenize", "entities"], [])(doc)
    spans = doc.articles[0].spans["entities"]
    assert [s.attrs["actor_id"] for s in spans if s.text == "طرابلس"] == ["place.lby.tripoli"]


@pytest.mark.parametrize(
    "text,persons",
    [
        # SaudiNewsNet: the tagger made a person of "بن عبدالعزيز" 56 times after a known name
        ("بعث خادم الحرمين الشريفين الملك سلمان بن عبدالعزيز، اليوم، ببرقية تهنئة.",
         [("خادم الحرمين الشريفين الملك سلمان بن عبدالعزيز", "person.king_salman")]),
        ("كما بعث الأمير محمد بن نايف بن عبد العزيز ولي العهد برقية.",
         [("محمد بن نايف بن عبد العزيز", "person.mohammed_bin_nayef")]),
        # a known name after "محمد بن" is the father's: the son is someone else
        ("وتعيين محمد بن عبد الله بن عبد العزيز الجدعان وزيرا للمالية.",
         [("محمد بن عبد الله بن عبد العزيز", None)]),
    ],
)
def test_a_lineage_after_a_name_is_part_of_it(text, persons) -> None:
    from hadath.model import Document
    from hadath.pipeline import Pipeline

    doc = Document("t", "test", text, "txt", title="")
    Pipeline(["segment", "tokenize", "entities"], [])(doc)
    spans = doc.articles[0].spans["entities"]
    assert [(s.text, s.attrs["actor_id"]) for s in spans if s.label == "PER"] == persons


@pytest.mark.parametrize(
    "text,persons",
    [
        # SaudiNewsNet: kings named in airports, universities and stadiums were persons
        ("وبلغ معدل النمو لمطار الملك فهد الدولي في عدد الركاب.", []),
        ("يدرس في جامعة الملك سعود بالرياض.", []),
        # the name علي is written with ي; the preposition على (also علي once normalized)
        # is no name word, and had cut العلي off every unknown name
        ("وقال مدير مستشفى الملك فهد الدكتور أحمد العلي إن الوضع مستقر.", ["أحمد العلي"]),
    ],
)
def test_a_person_in_a_place_name_is_no_actor(text, persons) -> None:
    from hadath.model import Document
    from hadath.pipeline import Pipeline

    doc = Document("t", "test", text, "txt", title="")
    Pipeline(["segment", "tokenize", "entities"], [])(doc)
    spans = doc.articles[0].spans["entities"]
    assert [s.text for s in spans if s.label == "PER"] == persons
