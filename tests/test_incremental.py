"""Corpus stages are incremental: a corpus ingested in several runs gives the same
entities, events, stories and framing as one run over it all, and a re-run adds nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hadath.export import records
from hadath.runner import Runner
from hadath.store.db import Store
from hadath.testing.dress import load_saudinewsnet
from tests.conftest import SEEDS, SHARED_NEWS

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


def _run(db: Path, chunks: list[list[str]]) -> None:
    with Store(db) as store:
        for chunk in chunks:
            Runner(store, warn=lambda _: None, batch_size=7).run(chunk)


def _dump(db: Path) -> dict[str, list[dict]]:
    with Store(db, read_only=True) as store:
        return {kind: list(records(store, kind)) for kind in KINDS}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, list[dict]]]:
    folder = tmp_path_factory.mktemp("incremental")
    inputs = _inputs(folder)
    # one input per run, the seeds last but one (so stored articles meet newer ones)
    order = [[path] for path in inputs[1:-1]] + [[inputs[0]]] + [[inputs[-1]]]
    _run(folder / "many.duckdb", [[p for chunk in order for p in chunk]])
    _run(folder / "parts.duckdb", order if len(inputs) > 1 else [inputs])
    _run(folder / "parts.duckdb", [inputs])  # everything again: nothing new
    return {name: _dump(folder / f"{name}.duckdb") for name in ("many", "parts")}


@pytest.mark.parametrize("kind", KINDS)
def test_runs_in_parts_equal_one_run(corpus: dict, kind: str) -> None:
    assert corpus["parts"][kind] == corpus["many"][kind]


def test_the_corpus_has_cross_article_results(corpus: dict) -> None:
    one = corpus["many"]
    assert any(len(s["article_ids"]) > 1 for s in one["stories"])
    assert any(len(e["reports"]) > 1 for e in one["events"])
    assert one["entities"] and one["framing"]
