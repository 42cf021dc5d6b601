"""The events gold set and its scorer: the shipped file checks, figures worked out by hand."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hadath.errors import InputError
from hadath.events.evaluate import (
    actors_agree,
    load_gold,
    mention_texts,
    prepare_input,
    run_and_evaluate,
    score,
)
from hadath.ingest.readers import read_jsonl
from hadath.pipeline import Pipeline

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "eval" / "events-dev.jsonl"
SEEDS = ROOT / "examples" / "seeds"


@pytest.fixture(scope="module")
def gold():
    return load_gold(GOLD)


# The shipped gold file ------------------------------------------------------------


def test_gold_loads_and_every_span_is_in_its_sentence(gold) -> None:
    for sentence in gold:
        for event in sentence.events:
            for value in (event.evidence, event.source, event.target, event.date_text):
                assert value is None or value in sentence.text, (sentence.id, value)
    assert len({s.text for s in gold}) == len(gold)  # the runner stores a text once


def test_gold_has_enough_saudinewsnet_sentences_of_several_outlets(gold) -> None:
    snn = [s for s in gold if s.source.startswith("saudinewsnet:")]
    assert len(snn) >= 150
    hosts = {s.source.split("/")[2].removeprefix("www.") for s in snn}
    assert len(hosts) >= 5
    assert all(s.published for s in snn)
    empty = sum(not s.events for s in snn) / len(snn)
    assert 0.2 <= empty <= 0.45


def test_every_seed_main_article_sentence_is_there(gold) -> None:
    seeds = [s for s in gold if s.source.startswith("seed:")]
    per_file: dict[str, int] = {}
    for sentence in seeds:
        name = sentence.source.removeprefix("seed:")
        assert sentence.text in (SEEDS / name).read_text(encoding="utf-8"), sentence.id
        per_file[name[:3]] = per_file.get(name[:3], 0) + 1
    assert per_file == {"000": 12, "001": 16, "002": 27, "003": 21, "004": 9}


def _has(gold, type_: str, source: str | None, target: str | None, **extra) -> bool:
    for sentence in gold:
        if not sentence.source.startswith("seed:"):
            continue
        for e in sentence.events:
            same = e.type == type_ and all(getattr(e, k) == v for k, v in extra.items())
            if same and actors_agree(e.source, source) and actors_agree(e.target, target):
                return True
    return False


def test_the_required_seed_events_are_annotated(gold) -> None:
    assert _has(gold, "CONSULT", "بوغدانوف", "جاك أوديبير", date="2015-10-08")
    assert _has(gold, "CONSULT", "بوغدانوف", "نيكولا دي ريفير", date="2015-10-08")
    assert _has(gold, "REQUEST", "ياكوفينكو", "وزارة الخارجية البريطانية")
    assert _has(gold, "CONSULT", "روسيا", "تركيا")
    assert _has(gold, "SUPPORT", "موسكو", "الجيش السوري")
    assert _has(gold, "ASSAULT", "قوات النظام", "داعش", date_text="أمس")
    assert _has(gold, "AGREE", "الجيش التركي", "قوات سوريا الديمقراطية")
    assert _has(gold, "AID", "الجانب الروسي", "مشفى حلب الجامعي")
    assert _has(gold, "ACCUSE", "الرئيس الفرنسي", "موسكو")
    (kremlin,) = [s for s in gold if "مازالتا بعيدتين عن التعاون الحقيقي" in s.text]
    assert kremlin.events == ()


# Hand-made gold and predictions -----------------------------------------------------

LINES = [
    {"id": "s1", "source": "seed:x", "published": "2015-10-09",
     "text": "التقى ميخائيل بوغدانوف جاك أوديبير في باريس أمس.",
     "events": [{"type": "CONSULT", "mode": None, "source": "ميخائيل بوغدانوف",
                 "target": "جاك أوديبير", "negated": False, "hypothetical": False,
                 "date_text": "أمس", "date": "2015-10-08", "evidence": "التقى ميخائيل بوغدانوف جاك أوديبير"}]},
    {"id": "s2", "source": "seed:x", "published": None,
     "text": "قصفت قوات النظام مواقع المعارضة وطالبت روسيا تركيا بالانسحاب.",
     "events": [{"type": "ASSAULT", "mode": None, "source": "قوات النظام", "target": "المعارضة",
                 "negated": False, "hypothetical": False, "date_text": None, "date": None,
                 "evidence": "قصفت قوات النظام مواقع المعارضة"},
                {"type": "REQUEST", "mode": "withdraw", "source": "روسيا", "target": "تركيا",
                 "negated": False, "hypothetical": False, "date_text": None, "date": None,
                 "evidence": "طالبت روسيا تركيا بالانسحاب"}]},
    {"id": "s3", "source": "seed:x", "published": None, "text": "لم تهاجم القوات التركية الأكراد.",
     "events": [{"type": "ASSAULT", "mode": None, "source": "القوات التركية", "target": "الأكراد",
                 "negated": True, "hypothetical": False, "date_text": None, "date": None,
                 "evidence": "لم تهاجم القوات التركية الأكراد"}]},
    {"id": "s4", "source": "seed:x", "published": None, "text": "قال المتحدث إن الوضع هادئ.",
     "events": []},
]  # fmt: skip


def _event(article: str, type_: str, source: str | None, target: str | None, **kw) -> dict:
    span = lambda t: None if t is None else {"entity_id": None, "text": t}  # noqa: E731
    return {"id": f"e-{article}-{type_}", "article_id": article, "type": type_,
            "source": span(source), "target": span(target), "date": kw.get("date"),
            "negated": kw.get("negated", False), "hypothetical": False, "reports": [article]}  # fmt: skip


@pytest.fixture
def small(tmp_path: Path):
    path = tmp_path / "gold.jsonl"
    path.write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in LINES), "utf-8")
    return load_gold(path)


PREDICTED = [
    # exact, with the short name (containment) and the right date
    _event("s1-0", "CONSULT", "بوغدانوف", "جاك أوديبير", date="2015-10-08"),
    _event("s1-0", "CONSULT", "بوغدانوف", "جاك أوديبير", date="2015-10-08"),  # a duplicate
    _event("s2-0", "ASSAULT", "قوات النظام", "روسيا"),  # wrong target
    _event("s2-0", "REQUEST", "روسيا", None),  # null where gold has a target
    _event("s3-0", "ASSAULT", "القوات التركية", "الأكراد"),  # negation missed
    _event("s4-0", "PROTEST", None, None),  # spurious
    _event("other-0", "AID", None, None),  # names no gold sentence
]


def test_scores_at_each_level_by_hand(small) -> None:
    report = score(small, PREDICTED)
    # type: 4 gold, 5 distinct predictions in gold sentences, 4 hits
    t = report.micro["type"]
    assert (t.tp, t.fp, t.fn) == (4, 1, 0)
    assert t.precision == pytest.approx(0.8) and t.recall == 1.0
    assert t.f1 == pytest.approx(2 * 0.8 / 1.8)
    # actors: only s1 (containment) and s3 agree
    a = report.micro["type+source+target"]
    assert (a.tp, a.fp, a.fn) == (2, 3, 2)
    assert (a.precision, a.recall) == (pytest.approx(0.4), pytest.approx(0.5))
    assert a.f1 == pytest.approx(2 * 0.4 * 0.5 / 0.9)
    d = report.micro["date"]
    assert (d.tp, d.fp, d.fn) == (1, 0, 0)
    assert report.per_type["PROTEST"]["type"].fp == 1
    assert report.per_type["ASSAULT"]["type+source+target"].tp == 1
    assert report.per_type["ASSAULT"]["type+source+target"].fn == 1
    assert report.flags["negated"].as_dict() == {
        "gold": 1,
        "matched": 1,
        "flagged": 0,
        "spurious": 0,
    }
    assert report.unaligned_predictions == 1
    assert report.predicted_events == 5
    assert "micro type" in report.as_table()
    assert report.as_dict()["micro"]["date"]["f1"] == 1.0


def test_a_fused_event_is_scored_in_each_reports_own_words(small) -> None:
    # one fused record, written in another outlet's spelling (أوديبر), reported by s1 too
    fused = _event("other-0", "CONSULT", "بوغدانوف", "جاك أوديبر", date="2015-10-08")
    fused["reports"] = ["other-0", "s1-0"]
    fused["target"]["entity_id"] = "person.audibert"
    entities = [{"id": "person.audibert", "mentions": [
        {"article_id": "other-0", "start": 20, "end": 30, "text": "جاك أوديبر"},
        {"article_id": "s1-0", "start": 70, "end": 81, "text": "جاك أوديبير"},
        {"article_id": "s1-0", "start": 5, "end": 11, "text": "أوديبير"}]}]  # fmt: skip
    texts = mention_texts(entities)
    assert texts["person.audibert", "s1-0"] == "أوديبير"  # the first mention in the article
    assert score(small, [fused]).micro["type+source+target"].tp == 0
    report = score(small, [fused], texts=texts)
    assert report.micro["type+source+target"].tp == 1
    assert report.unaligned_predictions == 0


def test_wrong_date_and_flags(small) -> None:
    predicted = [
        _event("s1-0", "CONSULT", "ميخائيل بوغدانوف", "أوديبير", date="2015-10-09"),
        _event("s3-0", "ASSAULT", "التركية", "الأكراد", negated=True),
    ]
    report = score(small, predicted)
    assert report.micro["type+source+target"].tp == 2
    d = report.micro["date"]
    assert (d.tp, d.fp, d.fn) == (0, 1, 1)
    assert report.flags["negated"].flagged == 1


def test_gold_event_without_date_text_takes_the_publication_date(tmp_path: Path) -> None:
    line = {"id": "d1", "source": "seed:x", "published": "2015-08-01",
            "text": "قصفت قوات النظام مواقع المعارضة.",
            "events": [{"type": "ASSAULT", "mode": None, "source": "قوات النظام",
                        "target": "المعارضة", "negated": False, "hypothetical": False,
                        "date_text": None, "date": None, "evidence": "قصفت قوات النظام مواقع المعارضة"}]}  # fmt: skip
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(line, ensure_ascii=False) + "\n", "utf-8")
    gold = load_gold(path)
    right = score(gold, [_event("d1-0", "ASSAULT", "قوات النظام", "المعارضة", date="2015-08-01")])
    assert (right.micro["date"].tp, right.micro["date"].fp) == (1, 0)
    wrong = score(gold, [_event("d1-0", "ASSAULT", "قوات النظام", "المعارضة", date="2015-07-31")])
    assert (wrong.micro["date"].tp, wrong.micro["date"].fn) == (0, 1)


def test_articles_map_stored_articles_and_name_missing_ones(small) -> None:
    articles = [{"id": "s1-0", "doc_id": "s1"}, {"id": "s2-0", "doc_id": "s2"}]
    report = score(small, PREDICTED[:1], articles)
    assert report.missing_articles == ["s3", "s4"]
    assert report.micro["type"].tp == 1


def test_actor_agreement() -> None:
    assert actors_agree("ميخائيل بوغدانوف", "بوغدانوف")
    assert actors_agree("النظام", "قوات النظام")
    assert actors_agree("«الجيش السوري الحر»", "الجيش السوري")
    assert actors_agree(None, None)
    assert not actors_agree(None, "روسيا")
    assert not actors_agree("روسيا", "تركيا")


# Malformed gold ----------------------------------------------------------------------


def _bad(tmp_path: Path, second: str) -> str:
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps(LINES[3], ensure_ascii=False) + "\n" + second + "\n", "utf-8")
    with pytest.raises(InputError) as info:
        load_gold(path)
    assert f"{path}:2" in str(info.value)
    return str(info.value)


def _with_event(**changes) -> str:
    line = json.loads(json.dumps(LINES[0]))
    line["id"] = "x"
    line["events"][0].update(changes)
    return json.dumps(line, ensure_ascii=False)


def test_errors_name_the_line(tmp_path: Path) -> None:
    assert "malformed JSON" in _bad(tmp_path, "{not json")
    assert "not a substring" in _bad(tmp_path, _with_event(evidence="ليس في الجملة"))
    assert "not a substring" in _bad(tmp_path, _with_event(target="هولاند"))
    assert "unknown PLOVER type" in _bad(tmp_path, _with_event(type="MEET"))
    assert "ISO date" in _bad(tmp_path, _with_event(date="8 Oct"))
    assert "must be true or false" in _bad(tmp_path, _with_event(negated="no"))
    assert "already used" in _bad(tmp_path, json.dumps(LINES[3], ensure_ascii=False))
    line = json.loads(_with_event())
    del line["events"][0]["mode"]
    assert "missing field" in _bad(tmp_path, json.dumps(line, ensure_ascii=False))


# The protocol ------------------------------------------------------------------------


def test_prepared_input_is_one_clean_article_per_sentence(small, tmp_path: Path) -> None:
    path = prepare_input(small, tmp_path / "in.jsonl")
    docs = list(read_jsonl(path))
    assert [d.doc_id for d in docs] == ["s1", "s2", "s3", "s4"]
    segment = Pipeline(["segment"], [])
    for doc, sentence in zip(docs, small, strict=True):
        segment(doc)
        (article,) = doc.articles
        assert article.id == sentence.article_id
        assert article.body == sentence.text


def test_run_and_evaluate_end_to_end(small, tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in LINES), "utf-8")
    report = run_and_evaluate(path, tmp_path / "work", Pipeline(["segment", "tokenize"], []))
    assert report.sentences == 4 and report.gold_events == 4
    assert report.missing_articles == []


def test_confidence_filters_predictions(tmp_path: Path, capsys) -> None:
    """`hadath eval events --min-confidence X` scores only events of at least X; the
    --by-confidence table keeps fewer events at each higher step."""
    from hadath.cli import main

    path = tmp_path / "gold.jsonl"
    path.write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in LINES), "utf-8")
    everything = run_and_evaluate(path, tmp_path / "all")
    nothing = run_and_evaluate(path, tmp_path / "none", min_confidence=1.01)
    assert everything.micro["type"].tp > 0
    assert nothing.predicted_events == 0 and nothing.micro["type"].tp == 0
    assert main(["eval", "events", str(path), "--by-confidence"]) == 0
    table = capsys.readouterr().out.split("confidence >=")[1].splitlines()[1:]
    counts = [int(row.split()[1]) for row in table]
    assert len(counts) == 7 and counts == sorted(counts, reverse=True)


def test_gold_scored_against_itself_is_perfect(gold) -> None:
    predicted = [
        {"article_id": s.article_id, "type": e.type,
         "date": e.date or (None if e.date_text else s.published),
         "source": e.source and {"entity_id": None, "text": e.source},
         "target": e.target and {"entity_id": None, "text": e.target},
         "negated": e.negated, "hypothetical": e.hypothetical, "reports": None}
        for s in gold for e in s.events
    ]  # fmt: skip
    report = score(gold, predicted)
    for level, counts in report.micro.items():
        assert (counts.fp, counts.fn) == (0, 0), level
    assert report.micro["type"].tp == sum(len(s.events) for s in gold)
    for flag in ("negated", "hypothetical"):
        assert report.flags[flag].flagged == report.flags[flag].gold > 0


def test_second_annotation_covers_the_dev_sentences() -> None:
    """The blind second annotation (inter-annotator agreement) loads under the gold checks,
    annotates exactly the dev sentences, and an annotation agrees fully with itself."""
    from scripts.agreement_events import agreement

    root = Path(__file__).resolve().parent.parent / "eval"
    first, second = load_gold(root / "events-dev.jsonl"), load_gold(root / "events-dev-second.jsonl")
    assert [(s.id, s.text) for s in first] == [(s.id, s.text) for s in second]
    assert all(c["f1"] == 1.0 for c in agreement(first, first)["micro"].values())
    assert agreement(first, second)["micro"]["type"]["f1"] < 1.0
