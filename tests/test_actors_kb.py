"""The actor knowledge base: shipped files validate, seed actors resolve, bad files fail clearly."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import ahocorasick
import pytest

from hadath.actors import KnowledgeBase, key
from hadath.actors.agents import load_agents
from hadath.errors import DataFileError

ROOT = Path(__file__).resolve().parent.parent

# Rough bounding boxes (lat_min, lat_max, lon_min, lon_max) to catch swapped or mistyped coordinates.
BOXES = {
    "SYR": (32.3, 37.4, 35.6, 42.4),
    "IRQ": (29.0, 37.4, 38.7, 48.7),
    "LBN": (33.0, 34.7, 35.1, 36.7),
    "PSE": (31.2, 32.6, 34.2, 35.6),
    "ISR": (29.4, 33.4, 34.2, 35.9),
    "JOR": (29.1, 33.4, 34.9, 39.4),
    "YEM": (12.0, 19.0, 42.5, 54.6),
    "LBY": (19.5, 33.2, 9.3, 25.2),
    "EGY": (22.0, 31.7, 24.7, 36.9),
    "TUR": (35.8, 42.2, 25.6, 44.9),
}


@pytest.fixture(scope="module", autouse=True)
def private_cache(tmp_path_factory: pytest.TempPathFactory):
    """Keep the on-disk cache of these tests out of the user's cache folder."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("HADATH_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
        patch.delenv("HADATH_NO_CACHE", raising=False)
        KnowledgeBase.clear_cache()
        yield
    KnowledgeBase.clear_cache()


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return KnowledgeBase.load()


def ids(kb: KnowledgeBase, name: str) -> list[str]:
    return [a.id for a in kb.lookup(name)]


def write(tmp_path: Path, text: str, name: str = "user.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


# --- the shipped knowledge base -----------------------------------------------------


def test_shipped_knowledge_base_loads_all_files(kb: KnowledgeBase) -> None:
    sources = {Path(a.source).name for a in kb}
    assert sources == {
        "countries.yaml",
        "places.yaml",
        "organizations.yaml",
        "persons.yaml",
        "petrarch.tsv",
    }
    assert len(kb.countries()) >= 249
    assert all(a.id == a.country.lower() and a.code == a.country for a in kb.countries())
    assert sum(1 for a in kb.countries() if a.demonyms) >= 60


def test_every_reference_resolves(kb: KnowledgeBase) -> None:
    for actor in kb:
        assert actor.parent is None or actor.parent in kb, actor.id
    for country in kb.countries():
        if country.capital:
            capital = kb.by_id(country.capital)
            assert capital.country == country.country and capital.coords, country.id


@pytest.mark.parametrize("country", sorted(BOXES))
def test_place_coordinates_fall_inside_their_country(kb: KnowledgeBase, country: str) -> None:
    lat0, lat1, lon0, lon1 = BOXES[country]
    places = [a for a in kb if a.country == country and a.coords]
    assert len(places) >= 10
    for place in places:
        lat, lon = place.coords
        assert lat0 <= lat <= lat1 and lon0 <= lon <= lon1, (place.id, place.coords)


def test_countries_file_is_what_the_build_script_generates() -> None:
    script = ROOT / "scripts" / "build_countries.py"
    done = subprocess.run([sys.executable, str(script), "--check"], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


# --- seed actors ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "actor_id", "code"),
    [
        ("الكرملين", "rus.kremlin", "RUSGOV"),
        ("الخارجية الروسية", "rus.mfa", "RUSGOV"),
        ("وزارة الخارجية الروسية", "rus.mfa", "RUSGOV"),
        ("وزارة الدفاع الروسية", "rus.mod", "RUSMIL"),
        ("البيت الأبيض", "usa.white_house", "USAGOV"),
        ("البنتاغون", "usa.mod", "USAMIL"),
        ("قصر الاليزيه", "fra.elysee", "FRAGOV"),
        ("الجيش العربي السوري", "syr.mil", "SYRMIL"),
        ("قوات النظام", "syr.mil", "SYRMIL"),
        ("قوات سوريا الديمقراطية", "sdf", "SYRREB"),
        ("قسد", "sdf", "SYRREB"),
        ("وحدات حماية الشعب", "ypg", "SYRREB"),
        ("حزب الاتحاد الديمقراطي الكردي", "pyd", "SYRPTY"),
        ("حماس", "hamas", "PSEREB"),
        ("حركة فتح", "fatah", "PSEPTY"),
        ("الشاباك", "isr.shin_bet", "ISRSPY"),
        ("الجيش الإسرائيلي", "isr.mil", "ISRMIL"),
        ("الجيش التركي", "tur.mil", "TURMIL"),
        ("المرصد السوري لحقوق الإنسان", "sohr", "SYRNGO"),
        ("التحالف الدولي ضد تنظيم داعش", "coalition", "IGOMIL"),
        ("مجلس الأمن", "un.sc", "IGOUNO"),
        ("الأمم المتحدة", "un", "IGOUNO"),
        ("سانا", "syr.sana", "SYRMED"),
        ("مليشيات الحوثي", "houthis", "YEMREB"),
        ("المجتمع الدولي", "intl_community", "IGO"),  # both spellings of ميليشيات
        ("المتمردين الحوثيين", "houthis", "YEMREB"),
        ("قوات المخلوع صالح", "yem.saleh_forces", "YEMREB"),
        ("نوفوستي", "rus.ria_novosti", "RUSMED"),
        ("سبوتنيك", "rus.sputnik", "RUSMED"),
        ("تاس", "rus.tass", "RUSMED"),
        ("وكالة الصحافة الفرنسية", "fra.afp", "FRAMED"),
        ("فرانس برس", "fra.afp", "FRAMED"),
        ("رويترز", "gbr.reuters", "GBRMED"),
        ("هيئة البث الإسرائيلية", "isr.kan", "ISRMED"),
        ("سيرغي لافروف", "person.sergey_lavrov", "RUSGOV"),
        ("لافروف", "person.sergey_lavrov", "RUSGOV"),
        ("ميخائيل بوغدانوف", "person.mikhail_bogdanov", "RUSGOV"),
        ("ألكسندر ياكوفينكو", "person.alexander_yakovenko", "RUSGOV"),
        ("ديمتري بيسكوف", "person.dmitry_peskov", "RUSGOV"),
        ("دميتري بيسكوف", "person.dmitry_peskov", "RUSGOV"),
        ("إيغور كوناشينكوف", "person.igor_konashenkov", "RUSMIL"),
        ("ستافان دي ميستورا", "person.staffan_de_mistura", "IGOUNO"),
        ("بنيامين نتنياهو", "person.benjamin_netanyahu", "ISRGOV"),
        ("حسن رشاد", "person.hassan_rashad", "EGYSPY"),
        ("علي مملوك", "person.ali_mamlouk", "SYRELI"),
    ],
)
def test_seed_actor_lookup(kb: KnowledgeBase, name: str, actor_id: str, code: str) -> None:
    found = kb.lookup(name)
    assert found and found[0].id == actor_id
    assert found[0].code == code


@pytest.mark.parametrize(
    "variants",
    [
        ["سورية", "سوريا", "الجمهورية العربية السورية"],
        ["روسيا", "روسيا الاتحادية"],
        ["الجيش الحر", "الجيش السوري الحر"],
        ["داعش", "تنظيم الدولة", "تنظيم الدولة الإسلامية", "تنظيم داعش"],
        ["الناتو", "حلف شمال الأطلسي", "ناتو", "حلف الناتو"],
        ["جبهة النصرة", "هيئة تحرير الشام"],
        ["ترمب", "ترامب", "دونالد ترمب", "دونالد ترامب"],
        ["أردوغان", "إردوغان", "رجب طيب إردوغان", "رجب طيب أردوغان"],
        ["فرنسوا هولاند", "فرانسوا هولاند", "هولاند"],
        ["الولايات المتحدة", "أميركا", "أمريكا", "امريكا"],
    ],
)
def test_spelling_variants_name_one_actor(kb: KnowledgeBase, variants: list[str]) -> None:
    first = {ids(kb, v)[0] for v in variants}
    assert len(first) == 1, {v: ids(kb, v) for v in variants}


def test_country_and_its_codes(kb: KnowledgeBase) -> None:
    syria = kb.lookup("سورية")[0]
    assert (syria.id, syria.type, syria.country, syria.code) == ("syr", "GPE", "SYR", "SYR")
    assert kb.by_id(syria.capital).name == "دمشق"
    assert kb.capital_of("place.rus.moscow").id == "rus"
    assert {a.id for a in kb.children("syr")} >= {"syr.gov", "syr.mil"}


@pytest.mark.parametrize(
    ("word", "country"),
    [
        ("الروس", "rus"),
        ("الروسي", "rus"),
        ("الروسية", "rus"),
        ("روسيان", "rus"),
        ("الأتراك", "tur"),
        ("التركية", "tur"),
        ("الأميركيين", "usa"),
        ("الأمريكي", "usa"),
        ("البريطانيين", "gbr"),
        ("الإيرانيين", "irn"),
        ("العراقيين", "irq"),
        ("السوريين", "syr"),
        ("المصريين", "egy"),
        ("القطريين", "qat"),
        ("الإسرائيلي", "isr"),
        ("الفرنسي", "fra"),
    ],
)
def test_demonyms(kb: KnowledgeBase, word: str, country: str) -> None:
    assert kb.demonym(word).id == country


def test_kurds_are_a_group_not_a_country(kb: KnowledgeBase) -> None:
    assert kb.demonym("الأكراد") is None
    assert kb.agents.group("الأكراد").code == "KUR"
    assert kb.agents.group("الكرد").id == "kurds"


def test_mayadin_is_a_syrian_place_with_or_without_the_article(kb: KnowledgeBase) -> None:
    for name in ("الميادين", "ميادين"):
        places = [a for a in kb.lookup(name) if a.type == "GPE"]
        assert [p.id for p in places] == ["place.syr.mayadin"]
        lat, lon = places[0].coords
        assert 34.5 < lat < 35.5 and 40.0 < lon < 41.0
        assert kb.by_id(places[0].parent).name == "محافظة دير الزور"
    # the same word names a television channel: both come back, the linker decides
    assert "lbn.al_mayadeen" in ids(kb, "الميادين")


SEED_PLACES = [
    *["باريس", "لندن", "موسكو", "أنقرة", "القاهرة", "بروكسل", "جنيف", "بغداد", "إدلب", "حلب"],
    *["الرقة", "البوكمال", "سوتشي", "غزة", "رفح", "دير الزور", "عين عيسى", "حميميم"],
    *["قاعدة حميميم", "خان يونس", "قطاع غزة", "معبر رفح"],
]


@pytest.mark.parametrize("name", SEED_PLACES)
def test_seed_places_have_coordinates(kb: KnowledgeBase, name: str) -> None:
    places = [a for a in kb.lookup(name) if a.type in ("GPE", "LOC") and a.coords]
    assert places, name


def test_dated_names_and_codes(kb: KnowledgeBase) -> None:
    hts = kb.lookup("جبهة النصرة")[0]
    assert hts.name_valid["جبهة النصرة"] == ("2012-01-23", "2016-07-28")
    assert hts.valid_on("2020-02-01") and not hts.valid_on("2026-01-01")
    trump = kb.by_id("person.donald_trump")
    assert [trump.code_on(d) for d in ("2019-05-01", "2022-05-01", "2025-06-01")] == [
        "USAGOV",
        "USAELI",
        "USAGOV",
    ]
    sharaa = kb.lookup("أبو محمد الجولاني")[0]
    assert sharaa.code_on("2020-01-01") == "SYRREB" and sharaa.code_on("2025-03-01") == "SYRGOV"
    assert kb.by_id("person.bashar_al_assad").code_on("2015-10-10") == "SYRGOV"


def test_names_feed_a_matcher_that_finds_seed_actors(kb: KnowledgeBase) -> None:
    automaton = ahocorasick.Automaton()
    for name, actor_id in kb.names():
        automaton.add_word(name, (*automaton.get(name, ()), actor_id))
    automaton.make_automaton()
    text = key(
        "وأعلنت وزارة الخارجية الروسية في بيان أن ميخائيل بوغدانوف، المبعوث الشخصي للرئيس "
        "فلاديمير بوتين التقى في العاصمة الفرنسية باريس كلاً من جاك أوديبير المستشار الدبلوماسي "
        "للرئيس الفرنسي فرنسوا هولاند ونيكولا دي ريفير المدير السياسي بوزارة الخارجية الفرنسية."
    )
    found = {i for _, hits in automaton.iter(text) for i in hits}
    assert found >= {
        "rus.mfa",
        "person.mikhail_bogdanov",
        "person.vladimir_putin",
        "place.fra.paris",
        "person.jacques_audibert",
        "person.francois_hollande",
        "person.nicolas_de_riviere",
        "fra.mfa",
    }


def test_names_are_normalized_and_include_article_free_forms(kb: KnowledgeBase) -> None:
    pairs = set(kb.names())
    assert ("الكرملين", "rus.kremlin") in pairs and ("كرملين", "rus.kremlin") in pairs
    assert ("سوريه", "syr") in pairs  # ta marbuta unified by normalize
    lemmas = [a for a in kb if not a.matchable]
    assert lemmas and all(a.origin == "petrarch" for a in lemmas)
    assert not {a.id for a in lemmas} & {i for _, i in pairs}
    assert not any(i.startswith("up.") for _, i in kb.names(include_petrarch=False))


def test_converted_petrarch_entries_rank_after_curated_ones(kb: KnowledgeBase) -> None:
    allawi = kb.lookup("علاوي")
    assert allawi and allawi[0].origin == "petrarch" and allawi[0].code == "IRQGOV"
    assert allawi[0].code_on("2014-12-01") == "IRQGOV"
    for name, _ in list(kb.names())[:2000]:
        found = kb.lookup(name)
        origins = [a.origin == "petrarch" for a in found]
        assert origins == sorted(origins), name


def test_generic_agents(kb: KnowledgeBase) -> None:
    agents = kb.agents
    assert agents.sector("المسلحين") == "REB"
    assert agents.sector("متمردون") == "REB"
    assert agents.sector("الجنود") == "MIL"
    assert agents.sector("الشرطة") == "POL"
    assert agents.sector("قوات الأمن") == "POL"
    assert agents.sector("المعارضة") == "OPP"
    assert agents.sector("النازحين") == "REF"
    assert agents.sector("كرسي") is None


# --- bad files --------------------------------------------------------------------

GOOD = "{id: x.test, name: اختبار, type: ORG, country: SYR, sector: GOV, code: SYRGOV}"


@pytest.mark.parametrize(
    ("entry", "problem"),
    [
        (
            "{id: x.test, name: اختبار, country: SYR, sector: GOV, code: SYRGOV}",
            "missing key 'type'",
        ),
        ("{id: x.test, type: ORG, country: SYR, sector: GOV, code: SYRGOV}", "missing key 'name'"),
        (
            "{id: x.test, name: اختبار, type: ORG, sector: GOV, code: SYRGOV}",
            "missing key 'country'",
        ),
        (GOOD.replace("type: ORG", "type: PERSON"), "unknown type 'PERSON'"),
        (GOOD.replace("country: SYR", "country: SY"), "not an ISO 3166 alpha-3"),
        (
            GOOD.replace("country: SYR", "country: XYZ").replace("SYRGOV", "XYZGOV"),
            "unknown country",
        ),
        (GOOD.replace("sector: GOV", "sector: GOVT"), "unknown sector"),
        (GOOD.replace("code: SYRGOV", "code: RUSGOV"), "does not start with country SYR"),
        (GOOD.replace("code: SYRGOV", "code: SYRMIL"), "does not continue with sector GOV"),
        (GOOD.replace("code: SYRGOV", "code: SYRGO"), "three-letter chunks"),
        (GOOD[:-1] + ", parent: nowhere.at_all}", "parent id 'nowhere.at_all' is not defined"),
        (GOOD[:-1] + ", coords: [95.0, 10.0]}", "out of range"),
        (GOOD[:-1] + ", coords: [35.0]}", "[lat, lon]"),
        (GOOD[:-1] + ", nmaes: [خطأ]}", "unknown key(s) ['nmaes']"),
        (GOOD[:-1] + ", valid: [2020-01-01, 2010-01-01]}", "ends before it starts"),
        (GOOD[:-1] + ", valid: [yesterday, null]}", "is not YYYY"),
        (GOOD[:-1] + ", ambiguous: [كيف]}", "are not names of the entry"),
        (GOOD.replace("id: x.test", "id: X Test"), "lowercase slug"),
        (
            "{id: x.test, name: اختبار, type: ORG, country: null, sector: REB, code: SYRREB}",
            "must start with",
        ),
    ],
)
def test_bad_entry_names_file_and_entry(tmp_path: Path, entry: str, problem: str) -> None:
    path = write(tmp_path, f"actors:\n- {GOOD.replace('x.test', 'x.ok')}\n- {entry}\n")
    with pytest.raises(DataFileError) as caught:
        KnowledgeBase.load([path])
    message = str(caught.value)
    assert caught.value.path == str(path)
    assert problem in message
    assert "entry 2" in message or "x.test" in message


def test_duplicate_id_in_one_file(tmp_path: Path) -> None:
    path = write(tmp_path, f"actors:\n- {GOOD}\n- {GOOD}\n")
    with pytest.raises(DataFileError, match=r"entry 2 \(x\.test\): duplicate id"):
        KnowledgeBase.load([path])


def test_broken_yaml_and_missing_files(tmp_path: Path) -> None:
    broken = write(tmp_path, "actors:\n- {id: x.test, name: [unclosed\n")
    with pytest.raises(DataFileError, match="invalid YAML") as caught:
        KnowledgeBase.load([broken])
    assert caught.value.path == str(broken)
    with pytest.raises(DataFileError, match="not found"):
        KnowledgeBase.load([tmp_path / "absent.yaml"])
    no_list = write(tmp_path, "people: []\n", "no_list.yaml")
    with pytest.raises(DataFileError, match="'actors' list"):
        KnowledgeBase.load([no_list])


def test_bad_tsv_header(tmp_path: Path) -> None:
    path = write(tmp_path, "id\tname\n", "bad.tsv")
    with pytest.raises(DataFileError, match="header must be") as caught:
        KnowledgeBase.load([path])
    assert caught.value.path == str(path)


def test_extend_of_unknown_id(tmp_path: Path) -> None:
    path = write(tmp_path, "actors:\n- {id: person.nobody, extend: true, names: [أحد]}\n")
    with pytest.raises(DataFileError, match=r"person\.nobody.*unknown id"):
        KnowledgeBase.load([path])


def test_demonym_claimed_by_two_countries(tmp_path: Path) -> None:
    path = write(tmp_path, "actors:\n- {id: rus, extend: true, demonyms: [تركي]}\n")
    with pytest.raises(DataFileError, match="demonym 'تركي' also belongs to"):
        KnowledgeBase.load([path])


def test_bad_agents_file(tmp_path: Path) -> None:
    path = write(tmp_path, "agents:\n- {word: مسلح, sector: REBEL}\n", "agents.yaml")
    with pytest.raises(DataFileError, match=r"agents entry 1 \(مسلح\): unknown sector"):
        load_agents(path)


# --- user files extend and override -------------------------------------------------


def test_user_file_adds_an_actor(tmp_path: Path, kb: KnowledgeBase) -> None:
    path = write(
        tmp_path,
        "actors:\n- {id: person.test_official, name: سمير الاختباري, names: [الاختباري],"
        " type: PER, country: SYR, sector: GOV, code: SYRGOV, parent: syr.mfa,"
        " role: {ar: معاون وزير الخارجية, en: Assistant Foreign Minister}}\n",
    )
    user = KnowledgeBase.load([path])
    found = user.lookup("الاختباري")
    assert [a.id for a in found] == ["person.test_official"]
    assert found[0].role.en == "Assistant Foreign Minister" and found[0].origin == "user"
    assert len(user) == len(kb) + 1
    assert kb.lookup("الاختباري") == []  # the default knowledge base is untouched


def test_user_file_overrides_by_id(tmp_path: Path, kb: KnowledgeBase) -> None:
    path = write(
        tmp_path,
        "actors:\n- {id: lby.lna, name: الجيش الوطني الليبي, type: ORG, country: LBY,"
        " sector: MIL, code: LBYMIL}\n",
    )
    user = KnowledgeBase.load([path])
    assert user.by_id("lby.lna").code == "LBYMIL"
    assert ids(user, "قوات حفتر") == []  # a replacement drops the shipped names
    assert kb.by_id("lby.lna").code == "LBYREB"


def test_user_file_extends_by_id(tmp_path: Path) -> None:
    path = write(
        tmp_path, "actors:\n- {id: person.sergey_lavrov, extend: true, names: [سيرغي ف. لافروف]}\n"
    )
    user = KnowledgeBase.load([path])
    assert ids(user, "سيرغي ف. لافروف") == ["person.sergey_lavrov"]
    assert ids(user, "لافروف") == ["person.sergey_lavrov"]
    assert user.by_id("person.sergey_lavrov").code == "RUSGOV"


def test_user_directory_is_read_in_order(tmp_path: Path) -> None:
    folder = tmp_path / "mine"
    folder.mkdir()
    write(folder, f"actors:\n- {GOOD}\n", "a.yaml")
    write(folder, "actors:\n- {id: x.test, extend: true, names: [اختبار ثان]}\n", "b.yaml")
    user = KnowledgeBase.load([folder])
    assert ids(user, "اختبار ثان") == ["x.test"]


def test_disk_cache_round_trip(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HADATH_CACHE_DIR", str(tmp_path / "cache"))
    path = write(tmp_path, f"actors:\n- {GOOD}\n")
    KnowledgeBase.clear_cache()
    built = KnowledgeBase.load([path])
    assert list((tmp_path / "cache").glob("actors-*.pickle"))
    KnowledgeBase.clear_cache()
    cached = KnowledgeBase.load([path])
    assert cached is not built
    assert len(cached) == len(built)
    assert ids(cached, "اختبار") == ["x.test"]
    assert cached.demonym("الروس").id == "rus"
    assert cached.agents.sector("المسلحين") == "REB"
    # editing the file invalidates the cache
    write(tmp_path, f"actors:\n- {GOOD.replace('اختبار', 'تجربة ثانية')}\n")
    KnowledgeBase.clear_cache()
    assert ids(KnowledgeBase.load([path]), "تجربة ثانية") == ["x.test"]


def test_a_kunya_matches_written_apart_or_joined(kb: KnowledgeBase) -> None:
    """Outlets write أبو apart from the name or joined to it (أبو مازن / أبومازن, أبو ظبي
    / أبوظبي): both spellings name the curated actor, which comes first."""
    assert kb.lookup("أبومازن")[0].id == "person.mahmoud_abbas"
    assert kb.lookup("أبو ظبي")[0].id == kb.lookup("أبوظبي")[0].id
    assert [a.id for a in kb.lookup("أبوبكر البغدادي")] == ["person.abu_bakr_al_baghdadi"]
    assert kb.lookup("عبدالله بن عبدالعزيز الربيعة") == []  # عبد is never joined
