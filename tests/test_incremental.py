"""Corpus stages are incremental: a corpus ingested in several runs gives the same
entities, events, stories and framing as one run over it all, and a re-run adds nothing.
A run that stops after storing documents (a crash, a kill) leaves them pending, and
the next run completes them to the same store."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hadath.dedup.stories import _actors, _Components, _load, link_pairs
from hadath.export import records
from hadath.model import Document
from hadath.pipeline import Pipeline
from hadath.runner import Runner
from hadath.store.db import Store
from hadath.testing.dress import load_saudinewsnet
from tests.conftest import SEEDS, SHARED_NEWS, seed_text

NEWS_ARTICLES = 90
PARTS = 3
KINDS = ("articles", "entities", "events", "quotes", "stories", "framing")


def _inputs(folder: Path) -> list[str]:
    """The seeds, then (when the shared corpus is present) SaudiNewsNet in a few files."""
    inputs = [str(SEEDS)]
    if not SHARED_NEWS.is_dir():
        return inputs
    lines = [
        json.dumps({"text": f"{r['title']}\n\n{r['content']}", "url": r["url"]}, ensure_ascii=False)
        for r in load_saudinewsnet(SHARED_NEWS, limit=NEWS_ARTICLES)
    ]
    size = -(-len(lines) // PARTS)
    for i in range(PARTS):
        path = folder / f"news{i}.jsonl"
        path.write_text("\n".join(lines[i * size : (i + 1) * size]) + "\n", encoding="utf-8")
        inputs.append(str(path))
    return inputs


def _run(db: Path, chunks: list[list[str]], pipeline: Pipeline | None = None) -> list[str]:
    """Run each chunk in turn; the problems the runs reported."""
    problems = []
    with Store(db) as store:
        for chunk in chunks:
            runner = Runner(store, pipeline, warn=lambda _: None, batch_size=7)
            problems += runner.run(chunk).problems
    return problems


def _dump(db: Path) -> dict[str, list[dict]]:
    with Store(db, read_only=True) as store:
        return {kind: list(records(store, kind)) for kind in KINDS}


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """The inputs, the seeds last but one (so stored articles meet newer ones)."""
    found = _inputs(tmp_path_factory.mktemp("inputs"))
    return found[1:-1] + found[:1] + found[-1:] if len(found) > 1 else found


@pytest.fixture(scope="module")
def corpus(
    tmp_path_factory: pytest.TempPathFactory, inputs: list[str]
) -> dict[str, dict[str, list[dict]]]:
    folder = tmp_path_factory.mktemp("incremental")
    _run(folder / "many.duckdb", [inputs])
    _run(folder / "parts.duckdb", [[path] for path in inputs])  # one input per run
    _run(folder / "parts.duckdb", [inputs])  # everything again: nothing new
    found = {name: _dump(folder / f"{name}.duckdb") for name in ("many", "parts")}
    found["recomputed"] = {"stories": _recomputed_stories(folder / "parts.duckdb")}
    return found


def _recomputed_stories(db: Path) -> list[set[str]]:
    """Stories grouped anew from every stored embedding, every article treated as new."""
    with Store(db, read_only=True) as store:
        ids, matrix, titles, dates = _load(store, [None])
        groups = _Components()
        assert matrix is not None and titles is not None
        for a, b in link_pairs(ids, matrix, titles, dates, _actors(store, ids), ids):
            groups.join(a, b)
        members: dict[str, set[str]] = {}
        for row in store.rows("SELECT id, duplicate_of FROM articles"):
            members.setdefault(groups.root(row["duplicate_of"] or row["id"]), set()).add(row["id"])
    return sorted(members.values(), key=min)


def test_stories_equal_a_recompute(corpus: dict) -> None:
    stored = sorted((set(s["article_ids"]) for s in corpus["parts"]["stories"]), key=min)
    assert stored == corpus["recomputed"]["stories"]


@pytest.mark.parametrize("kind", KINDS)
def test_runs_in_parts_equal_one_run(corpus: dict, kind: str) -> None:
    assert corpus["parts"][kind] == corpus["many"][kind]


def test_the_corpus_has_cross_article_results(corpus: dict) -> None:
    one = corpus["many"]
    assert any(len(s["article_ids"]) > 1 for s in one["stories"])
    assert any(len(e["reports"]) > 1 for e in one["events"])
    assert one["entities"] and one["framing"]


class Crash(Exception):
    """What the crashing pipelines below raise."""


def _failing_stage(name: str) -> Pipeline:
    """The default pipeline, its corpus stage ``name`` raising after the ones before it ran."""
    pipeline = Pipeline()

    def crash(store: Store, new_ids: list[str]) -> None:
        raise Crash(name)

    pipeline.corpus_stages[pipeline.corpus_names.index(name)] = crash
    return pipeline


class _DiesAt(Pipeline):
    """The default pipeline, killed at its ``n``-th document (some batches already stored)."""

    def __init__(self, n: int) -> None:
        super().__init__()
        self.left = n

    def __call__(self, doc: Document) -> Document:
        self.left -= 1
        if self.left == 0:
            raise Crash(doc.source)
        return super().__call__(doc)


def test_a_run_that_fails_in_its_corpus_stages_is_completed_by_the_next(
    tmp_path: Path, inputs: list[str], corpus: dict
) -> None:
    db = tmp_path / "crashed.duckdb"
    with pytest.raises(Crash):
        _run(db, [inputs], _failing_stage("framing"))  # the last one
    with Store(db, read_only=True) as store:  # the stages before it were rolled back
        assert store.count("articles") > 0 and store.count("article_signatures") == 0
        assert store.count("entities") == store.count("stories") == 0
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": \n', encoding="utf-8")
    problems = _run(db, [[str(bad)]])  # no new documents: only the repair
    assert problems and all(str(bad) in p for p in problems)
    assert _dump(db) == corpus["many"]


def test_a_run_killed_mid_ingest_is_completed_by_the_next(
    tmp_path: Path, inputs: list[str], corpus: dict
) -> None:
    db = tmp_path / "killed.duckdb"
    with pytest.raises(Crash):
        _run(db, [inputs], _DiesAt(40))
    with Store(db, read_only=True) as store:
        assert store.count("corpus_pending") == store.count("articles") > 0
    _run(db, [inputs])  # everything again: the stored documents are skipped, not lost
    assert _dump(db) == corpus["many"]


def test_a_store_from_before_corpus_pending_is_completed(
    tmp_path: Path, inputs: list[str], corpus: dict
) -> None:
    db = tmp_path / "old.duckdb"
    with pytest.raises(Crash):
        _run(db, [inputs], _DiesAt(40))
    with Store(db) as store:
        store.con.execute("DROP TABLE corpus_pending")
    _run(db, [inputs])
    assert _dump(db) == corpus["many"]


def _copies(folder: Path, dated: list[tuple[str, str]]) -> list[str]:
    """One JSONL file per (id, date): the same seed article, a word changed in each copy."""
    text = seed_text("000")
    paths = []
    for i, (name, day) in enumerate(dated):
        path = folder / f"{name}.jsonl"
        record = {"id": name, "text": f"{text}\n\nكلمة{i}", "published": day}
        path.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
        paths.append(str(path))
    return paths


def test_copies_whose_original_changes_move_to_its_story(tmp_path: Path) -> None:
    # b copies a; c, published earlier (beyond the stories' day window), becomes their original
    paths = _copies(tmp_path, [("a", "2015-08-10"), ("b", "2015-08-10"), ("c", "2015-08-01")])
    _run(tmp_path / "one.duckdb", [paths])
    _run(tmp_path / "parts.duckdb", [paths[:2], paths[2:]])
    one, parts = _dump(tmp_path / "one.duckdb"), _dump(tmp_path / "parts.duckdb")
    assert parts["stories"] == one["stories"] and parts["articles"] == one["articles"]
    article = {a["id"]: a for a in parts["articles"]}
    assert article["a-0"]["duplicate_of"] == article["b-0"]["duplicate_of"] == "c-0"
    assert article["a-0"]["story_id"] == article["b-0"]["story_id"] == article["c-0"]["story_id"]
