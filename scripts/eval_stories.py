"""Stories on real multi-outlet news: same-headline pairs joined, unrelated pairs kept apart.

SaudiNewsNet articles with the same headline in two or more outlets are (almost
always) the same story; random pairs of other articles almost never are. This runs
the whole pipeline on a sample of both and prints the two rates, plus the
differently-titled articles it joined, for a reader to check by eye.
Usage: python -m scripts.eval_stories [GROUPS] [OTHERS]
"""

from __future__ import annotations

import itertools
import json
import random
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

from hadath.runner import Runner
from hadath.store.db import Store
from hadath.testing.dress import load_saudinewsnet
from hadath.text.normalize import normalize

NEWS = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "news" / "saudinewsnet"


def sample(groups: int, others: int) -> tuple[list[list[dict]], list[dict]]:
    by_title: dict[str, list[dict]] = defaultdict(list)
    for record in load_saudinewsnet(NEWS):
        title = " ".join(normalize(record["title"]).split())
        if len(title.split()) >= 4 and len(record["content"].split()) >= 40:
            by_title[title].append(record)
    rng = random.Random(3)
    shared = [v for v in by_title.values() if len({r["source"] for r in v}) >= 2]
    single = [v[0] for v in by_title.values() if len(v) == 1]
    return rng.sample(shared, min(groups, len(shared))), rng.sample(single, others)


def write(records: list[dict], path: Path) -> None:
    with path.open("w", encoding="utf-8") as out:
        for i, r in enumerate(records):
            row = {"id": f"n{i}", "title": r["title"], "text": r["content"], "outlet": r["source"],
                   "url": r["url"], "published": r["date_extracted"][:10]}  # fmt: skip
            out.write(json.dumps(row, ensure_ascii=False) + "\n")


def main(groups: int = 150, others: int = 300) -> None:
    shared, single = sample(groups, others)
    records = [r for group in shared for r in group] + single
    with tempfile.TemporaryDirectory() as tmp:
        write(records, Path(tmp) / "in.jsonl")
        with Store(Path(tmp) / "s.duckdb") as store:
            Runner(store, warn=lambda _: None).run([str(Path(tmp) / "in.jsonl")])
            story = {
                r["id"]: r["story_id"] for r in store.rows("SELECT id, story_id FROM articles")
            }
    ids = iter(f"n{i}-0" for i in range(len(records)))
    group_ids = [[next(ids) for _ in group] for group in shared]
    single_ids = [next(ids) for _ in single]
    pairs = [(a, b) for g in group_ids for a, b in itertools.combinations(g, 2)]
    joined = sum(story.get(a) == story.get(b) is not None for a, b in pairs)
    rng = random.Random(4)
    randoms = [tuple(rng.sample(single_ids, 2)) for _ in range(5000)]
    false = [(a, b) for a, b in randoms if story.get(a) == story.get(b) is not None]
    print(f"same headline, different outlets: {joined}/{len(pairs)} pairs in one story "
          f"({joined / len(pairs):.1%})")  # fmt: skip
    print(f"random pairs of other articles: {len(false)}/{len(randoms)} joined "
          f"({len(false) / len(randoms):.2%})")  # fmt: skip
    titles = {f"n{i}-0": r["title"] for i, r in enumerate(records)}
    for a, b in false[:10]:
        print(f"  joined: {titles[a][:60]}  |  {titles[b][:60]}")
    days = {f"n{i}-0": r["date_extracted"][:10] for i, r in enumerate(records)}
    missed = [(a, b) for a, b in pairs if story.get(a) != story.get(b)]
    for a, b in missed[:8]:
        print(f"  apart: {titles[a][:50]} ({days[a]} | {days[b]})")


if __name__ == "__main__":
    main(*(int(x) for x in sys.argv[1:3]))
