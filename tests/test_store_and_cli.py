"""The store and the command line: idempotence, crash safety, exports, exit codes."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import duckdb
import pytest

from hadath.cli import main
from hadath.export import FIELDS, KINDS
from hadath.runner import Runner
from hadath.store.db import Store
from tests.conftest import SEEDS

ARABIC = "أعلنت وزارة الخارجية الروسية في بيان أن ميخائيل بوغدانوف التقى في باريس المستشار الفرنسي."


def run(*args: str) -> int:
    return main(list(args))


def export_jsonl(db: Path, what: str, capsys) -> list[dict]:
    capsys.readouterr()
    assert run("export", "--what", what, "--db", str(db)) == 0
    return [json.loads(line) for line in capsys.readouterr().out.splitlines()]


def test_seeds_give_eight_articles_and_rerun_adds_nothing(db_path: Path, capsys) -> None:
    assert run("run", str(SEEDS), "--db", str(db_path), "-q") == 0
    first = export_jsonl(db_path, "articles", capsys)
    assert len(first) == 8
    assert [a["role"] for a in first].count("appended") == 3
    assert run("run", str(SEEDS), "--db", str(db_path), "-q") == 0
    assert "0 new document(s)" in capsys.readouterr().err
    assert export_jsonl(db_path, "articles", capsys) == first


def test_article_records_follow_the_contract(db_path: Path, capsys) -> None:
    run("run", str(SEEDS), "--db", str(db_path), "-q")
    articles = export_jsonl(db_path, "articles", capsys)
    for article in articles:
        assert list(article) == list(FIELDS["articles"])
        assert article["id"] == f"{article['doc_id']}-{article['index']}"
        assert article["source"].endswith(".txt")
    seed000 = next(a for a in articles if a["source"].endswith("000_57fa6379d8790b83.txt"))
    assert seed000["published"] == "2015-10-10"
    assert "أول من أمس الخميس" in seed000["published_reason"]
    undated = [a for a in articles if a["published"] is None]
    assert len(undated) == 7 and all(a["published_reason"] for a in undated)
    sana = next(a for a in articles if a["dateline"])
    assert (sana["dateline"], sana["outlet"], sana["byline"]) == ("باريس", "SANA", "لمى ابراهيم")


@pytest.mark.parametrize("what", KINDS)
def test_every_kind_exports_in_every_format(what: str, db_path: Path, tmp_path: Path, capsys):
    run("run", str(SEEDS / "004_f4f12a88ebeaeec7.txt"), "--db", str(db_path), "-q")
    rows = export_jsonl(db_path, what, capsys)
    out_csv = tmp_path / f"{what}.csv"
    assert run("export", "--what", what, "--db", str(db_path), "--format", "csv", "-o",
               str(out_csv)) == 0  # fmt: skip
    with out_csv.open(encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        assert reader.fieldnames == list(FIELDS[what])
        assert len(list(reader)) == len(rows)
    out_parquet = tmp_path / f"{what}.parquet"
    assert run("export", "--what", what, "--db", str(db_path), "--format", "parquet", "-o",
               str(out_parquet)) == 0  # fmt: skip
    table = duckdb.sql(f"SELECT * FROM '{out_parquet}'")
    assert table.columns == list(FIELDS[what])
    assert len(table.fetchall()) == len(rows)


def test_parquet_keeps_arabic_and_dates(db_path: Path, tmp_path: Path) -> None:
    path = tmp_path / "d.jsonl"
    record = {"id": "x1", "text": ARABIC, "title": "عنوان", "published": "2015-10-10"}
    path.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    run("run", str(path), "--db", str(db_path), "-q")
    out = tmp_path / "a.parquet"
    run("export", "--what", "articles", "--db", str(db_path), "--format", "parquet", "-o", str(out))
    ((title, published, body),) = duckdb.sql(
        f"SELECT title, published, body FROM '{out}'"
    ).fetchall()
    assert (title, published.isoformat(), body) == ("عنوان", "2015-10-10", ARABIC)


def test_nothing_ingested_is_a_failure_with_a_named_file(db_path: Path, tmp_path: Path, capsys):
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    assert run("run", str(bad), "--db", str(db_path), "-q") == 1
    err = capsys.readouterr().err
    assert f"{bad}: empty file" in err


def test_one_bad_file_in_a_batch_is_skipped(db_path: Path, tmp_path: Path, capsys) -> None:
    (tmp_path / "bad.txt").write_bytes(b"\x00\x01\x02")
    (tmp_path / "good.txt").write_text("عنوان الخبر\n\n" + ARABIC, encoding="utf-8")
    assert run("run", str(tmp_path), "--db", str(db_path), "-q") == 0
    err = capsys.readouterr().err
    assert "bad.txt: binary file" in err
    assert "1 new document(s)" in err and "1 problem(s)" in err


def test_parquet_to_stdout_is_refused(db_path: Path, capsys) -> None:
    run("run", str(SEEDS / "002_bd5a95bc11558475.txt"), "--db", str(db_path), "-q")
    assert run("export", "--what", "articles", "--db", str(db_path), "--format", "parquet") == 2
    assert "needs an output file" in capsys.readouterr().err


def test_export_from_missing_db_is_a_clear_error(tmp_path: Path, capsys) -> None:
    assert run("export", "--what", "articles", "--db", str(tmp_path / "none.duckdb")) == 2
    assert "no such database" in capsys.readouterr().err


def test_crash_mid_run_keeps_committed_documents(db_path: Path, monkeypatch) -> None:
    """A failure while storing one document rolls it back; the next run resumes."""
    calls = {"n": 0}
    original = Store.add_documents

    def flaky(self: Store, docs) -> None:
        calls["n"] += 1
        if calls["n"] == 3:
            with self.transaction():
                self.con.execute(
                    "INSERT INTO documents (doc_id, hash, text) VALUES (?, ?, ?)",
                    [docs[0].doc_id, docs[0].hash, docs[0].text],
                )
                raise RuntimeError("simulated crash after a partial write")
        original(self, docs)

    monkeypatch.setattr(Store, "add_documents", flaky)
    with Store(db_path) as store, pytest.raises(RuntimeError):
        Runner(store, warn=lambda _: None, batch_size=1).run([str(SEEDS)])
    with Store(db_path) as store:
        assert store.count("documents") == 2
        assert store.count("articles") == 4  # seeds 000 and 001, two articles each
    monkeypatch.setattr(Store, "add_documents", original)
    with Store(db_path) as store:
        report = Runner(store, warn=lambda _: None).run([str(SEEDS)])
        assert (report.documents, report.already_stored) == (3, 2)
        assert store.count("documents") == 5
        assert store.count("articles") == 8


def test_duplicate_content_within_one_batch_is_stored_once(db_path: Path, tmp_path: Path):
    path = tmp_path / "dup.jsonl"
    line = json.dumps({"text": ARABIC}, ensure_ascii=False) + "\n"
    path.write_text(line * 3, encoding="utf-8")
    with Store(db_path) as store:
        report = Runner(store, warn=lambda _: None).run([str(path)])
        assert (report.documents, report.already_stored, store.count("documents")) == (1, 2, 1)


def test_conflicting_doc_id_is_reported_not_overwritten(db_path: Path, tmp_path: Path, capsys):
    first, second = tmp_path / "1.jsonl", tmp_path / "2.jsonl"
    first.write_text(json.dumps({"id": "a", "text": ARABIC}, ensure_ascii=False) + "\n")
    second.write_text(json.dumps({"id": "a", "text": ARABIC + " أمس"}, ensure_ascii=False) + "\n")
    run("run", str(first), "--db", str(db_path), "-q")
    assert run("run", str(second), "--db", str(db_path), "-q") == 1
    assert "doc_id 'a' is already stored with different content" in capsys.readouterr().err
    (article,) = export_jsonl(db_path, "articles", capsys)
    assert article["body"].endswith("الفرنسي.")


def test_clean_jsonl_article_is_not_segmented(db_path: Path, tmp_path: Path, capsys) -> None:
    text = "TT\n\nسطر قصير\n\n" + ARABIC
    path = tmp_path / "clean.jsonl"
    path.write_text(json.dumps({"text": text, "title": "عنوان"}, ensure_ascii=False) + "\n")
    run("run", str(path), "--db", str(db_path), "-q")
    (article,) = export_jsonl(db_path, "articles", capsys)
    assert (article["title"], article["body"]) == ("عنوان", text)


def test_summary_is_readable(db_path: Path, capsys) -> None:
    run("run", str(SEEDS), "--db", str(db_path), "-q")
    capsys.readouterr()
    assert run("summary", "--db", str(db_path)) == 0
    out = capsys.readouterr().out
    assert "5 documents, 8 articles" in out
    assert "[appended]  وفد إسرائيلي بالقاهرة" in out
    assert "outlet: SANA · dateline: باريس · byline: لمى ابراهيم" in out
    actors = next(line for line in out.splitlines() if line.startswith("actors: "))
    assert "داعش [IMGREB]" in actors and "[—]" not in actors  # coded actors only
    # named actors only (an article's unnamed hostages are no actor of the corpus), and
    # the appended article 003 repeats from 000 is counted once: Egypt 8 times, not 13
    assert "الرهائن" not in actors and "مصر [EGY] ×8" in actors, actors


def test_csv_cells_hold_json_for_nested_fields() -> None:
    from hadath.export import write_csv

    out = io.StringIO()
    write_csv(iter([{"id": "e1", "variants": ["أ", "ب"]}]), out, ["id", "variants"])
    assert out.getvalue().splitlines()[1] == 'e1,"[""أ"", ""ب""]"'
