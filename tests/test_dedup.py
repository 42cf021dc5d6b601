"""Exact and near-duplicate articles, within a batch and across runs."""

from __future__ import annotations

import json
from pathlib import Path

from hadath.clean.segment import segment_text
from hadath.cli import main
from hadath.dedup.minhash import shingles
from hadath.dedup.near import is_near_duplicate
from tests.conftest import SEEDS, seed_text


def body(seed: str, index: int = 0) -> str:
    return "\n\n".join(segment_text(seed_text(seed))[index].paragraphs)


def articles(db: Path, capsys) -> dict[str, dict]:
    capsys.readouterr()
    main(["export", "--what", "articles", "--db", str(db)])
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    return {row["id"]: row for row in rows}


def write_jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), "utf-8")
    return path


def test_appended_gaza_article_is_one_duplicate_pair(db_path: Path, capsys) -> None:
    main(["run", str(SEEDS), "--db", str(db_path), "-q"])
    rows = articles(db_path, capsys)
    pairs = {(a["id"], a["duplicate_of"]) for a in rows.values() if a["duplicate_of"]}
    gaza = [a["id"] for a in rows.values() if a["title"].startswith("وفد إسرائيلي بالقاهرة")]
    assert pairs == {(gaza[1], gaza[0])}  # seed 003's copy points to seed 000's, nothing else


def test_reprint_with_edits_is_a_near_duplicate() -> None:
    original = body("002")
    edited = original.replace("سورية", "سوريا").replace("إنَّ", "إن").replace("قال", "أكد")
    edited = "دمشق - وكالات: " + edited.replace("\n\n", "\n")
    assert is_near_duplicate(shingles(original), shingles(edited))


def test_reprint_missing_a_paragraph_is_a_near_duplicate() -> None:
    paragraphs = body("002").split("\n\n")
    shorter = "\n\n".join(paragraphs[:10] + paragraphs[11:])
    assert is_near_duplicate(shingles(body("002")), shingles(shorter))


def test_same_story_told_by_another_outlet_is_not_a_duplicate() -> None:
    # Seeds 000 (Asharq Al-Awsat) and 004 (SANA) report the same meeting in other words.
    assert not is_near_duplicate(shingles(body("000")), shingles(body("004")))


def test_different_stories_about_the_same_actors_stay_apart() -> None:
    assert not is_near_duplicate(shingles(body("001")), shingles(body("002")))


def test_incremental_run_points_new_copy_to_stored_one(db_path: Path, tmp_path: Path, capsys):
    main(["run", str(SEEDS / "002_bd5a95bc11558475.txt"), "--db", str(db_path), "-q"])
    reprint = body("002").replace("سورية", "سوريا")
    path = write_jsonl(tmp_path / "later.jsonl", [{"id": "reprint", "text": reprint, "title": "x"}])
    main(["run", str(path), "--db", str(db_path), "-q"])
    rows = articles(db_path, capsys)
    original = next(i for i in rows if i != "reprint-0")
    assert rows["reprint-0"]["duplicate_of"] == original
    assert rows[original]["duplicate_of"] is None


def test_earlier_publication_becomes_the_original(db_path: Path, tmp_path: Path, capsys):
    text = body("002")
    late = write_jsonl(tmp_path / "a.jsonl", [{"id": "late", "text": text, "title": "t",
                                               "published": "2016-08-27"}])  # fmt: skip
    early = write_jsonl(tmp_path / "b.jsonl", [{"id": "early", "text": text + " انتهى", "title": "t",
                                                "published": "2016-08-26"}])  # fmt: skip
    main(["run", str(late), "--db", str(db_path), "-q"])
    main(["run", str(early), "--db", str(db_path), "-q"])
    rows = articles(db_path, capsys)
    assert rows["late-0"]["duplicate_of"] == "early-0"
    assert rows["early-0"]["duplicate_of"] is None


def test_short_texts_need_to_be_identical() -> None:
    assert not is_near_duplicate(
        shingles("قال الوزير إن الاجتماع مهم"), shingles("قال الوزير إن الاجتماع مفيد")
    )
    assert is_near_duplicate(
        shingles("قال الوزير إن الاجتماع مهم"), shingles("قال الوزيرُ إنّ الاجتماع مهم")
    )


def test_one_meeting_told_by_two_outlets_is_one_event(db_path: Path, capsys) -> None:
    """Seeds 000 (Asharq Al-Awsat) and 004 (SANA): Bogdanov meets Audibert in Paris."""
    main(["run", str(SEEDS), "--db", str(db_path), "-q"])
    capsys.readouterr()
    main(["export", "--what", "events", "--db", str(db_path)])
    events = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    meeting = [
        e for e in events
        if e["type"] == "CONSULT" and e["source"] and "بوغدانوف" in e["source"]["text"]
        and e["target"] and "أوديب" in e["target"]["text"]
    ]  # fmt: skip
    assert len(meeting) == 1
    seeds = {report.split("-")[0] for report in meeting[0]["reports"]}
    assert len(seeds) == 2
    assert all(len(e["reports"]) >= 1 for e in events)


def test_seed_stories(db_path: Path, capsys) -> None:
    main(["run", str(SEEDS), "--db", str(db_path), "-q"])
    rows = articles(db_path, capsys)
    by_story: dict[str, set[str]] = {}
    for article in rows.values():
        by_story.setdefault(article["story_id"], set()).add(
            Path(article["source"]).name[:3] + f"-{article['index']}"
        )
    joined = sorted(sorted(members) for members in by_story.values() if len(members) > 1)
    assert joined == [["000-0", "004-0"], ["000-1", "003-1"]]


def test_framing_sana_calls_the_fsa_so_called(db_path: Path, tmp_path: Path, capsys) -> None:
    main(["run", str(SEEDS), "--db", str(db_path), "-q"])
    out = tmp_path / "framing.jsonl"
    main(["export", "--what", "framing", "--db", str(db_path), "-o", str(out)])
    rows = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    so_called = {(r["outlet"], r["actor"]): r for r in rows if r["label"] == "ما يسمى"}
    assert set(so_called) == {("SANA", "fsa")}
    assert so_called["SANA", "fsa"]["count"] == 5
    bodies = {a["id"]: a["body"] for a in articles(db_path, capsys).values()}
    for example in so_called["SANA", "fsa"]["examples"]:
        assert bodies[example["article_id"]][example["start"] : example["end"]] == example["text"]
        assert example["text"].startswith(("ما يسمى", "بما يسمى"))
    regime = {r["label"] for r in rows if r["actor"] == "syr.gov"}
    assert {"النظام", "الحكومة"} <= regime


def test_agency_copy_in_two_outlets_is_two_reports(db_path: Path, tmp_path: Path, capsys) -> None:
    text = body("002")
    path = write_jsonl(tmp_path / "wire.jsonl", [
        {"id": "a", "text": text, "title": "t", "outlet": "Okaz", "published": "2016-08-26"},
        {"id": "b", "text": text, "title": "t", "outlet": "Al Watan", "published": "2016-08-26"},
    ])  # fmt: skip
    main(["run", str(path), "--db", str(db_path), "-q"])
    main(["run", str(path), "--db", str(db_path), "-q"])  # idempotent all the same
    rows = articles(db_path, capsys)
    assert sorted(rows) == ["a-0", "b-0"]
    assert rows["b-0"]["duplicate_of"] == "a-0"
    assert rows["a-0"]["story_id"] == rows["b-0"]["story_id"]


def test_incremental_batches_merge_into_stories_and_events(db_path: Path, capsys) -> None:
    """SANA's report arrives in a later run: it joins the stored story and fused event."""
    main(["run", str(SEEDS / "000_57fa6379d8790b83.txt"), "--db", str(db_path), "-q"])
    main(["run", str(SEEDS / "004_f4f12a88ebeaeec7.txt"), "--db", str(db_path), "-q"])
    rows = articles(db_path, capsys)
    main_000 = next(a for a in rows.values() if "000_" in a["source"] and a["index"] == 0)
    sana = next(a for a in rows.values() if "004_" in a["source"])
    assert main_000["story_id"] == sana["story_id"]
    main(["export", "--what", "events", "--db", str(db_path)])
    events = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    meeting = [e for e in events if e["type"] == "CONSULT" and sana["id"] in e["reports"]
               and main_000["id"] in e["reports"]]  # fmt: skip
    assert meeting and "بوغدانوف" in meeting[0]["source"]["text"]


def test_an_article_telling_one_action_twice_keeps_its_clearest_reading() -> None:
    """Seed 003 tells the regime's capture of Mayadin districts twice; the record had been
    the vaguer sentence (confidence 0.37, picked by event id) over the clear one (0.67)."""
    from datetime import date

    from hadath.dedup.fusion import fuse

    def row(event_id: str, confidence: float) -> dict:
        return {"id": event_id, "article_id": "a", "type": "ASSAULT", "source_id": "syr.mil",
                "target_id": None, "source_side": "syr.mil", "target_side": None, "vague": True,
                "negated": False, "date": None, "place": None,
                "published": date(2017, 10, 8), "seq": 1, "story_id": "s",
                "confidence": confidence}  # fmt: skip

    groups = fuse([row("a-e10", 0.37), row("a-e9", 0.67)])
    assert list(groups) == ["a-e9"] and len(groups["a-e9"]) == 2, groups


def test_unnamed_victims_are_one_side_only_within_one_story() -> None:
    """SaudiNewsNet (2,000 articles): ``المقاومة`` attacking ``المسلحين`` and ``داعش``
    attacking ``المدنيين`` had been fused across stories (one corpus-wide entity for the
    noun). Now each article's civilians are an entity of their own; two articles' agree
    as a side only when the articles tell one story."""
    from datetime import date

    from hadath.dedup.fusion import fuse

    def row(event_id: str, story: str) -> dict:
        return {"id": event_id, "article_id": event_id[:2], "type": "ASSAULT",
                "source_id": "isis", "target_id": f"org.{event_id[:2]}", "source_side": "isis",
                "target_side": "agent:مدنيين", "vague": True, "negated": False, "date": None,
                "place": None, "published": date(2015, 8, 2), "seq": 1, "story_id": story,
                "confidence": 0.5}  # fmt: skip

    assert len(fuse([row("a1-e1", "s1"), row("b1-e1", "s2")])) == 2
    assert len(fuse([row("a1-e1", "s1"), row("b1-e1", "s1")])) == 1
