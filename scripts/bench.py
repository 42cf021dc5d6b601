"""`make bench`: speed and quality figures, printed (never asserted in timed tests).

Needs ../shared/data/news/saudinewsnet beside the repo for the corpus figures.
``python -m scripts.bench 1000,3000,6000`` runs the whole pipeline at each size.
"""

from __future__ import annotations

import json
import resource
import sys
import tempfile
import time
from pathlib import Path

from hadath.runner import Runner
from hadath.store.db import Store
from hadath.testing.dress import load_saudinewsnet

ROOT = Path(__file__).resolve().parents[1]
NEWS = ROOT.parent / "shared" / "data" / "news" / "saudinewsnet"


def bench_pipeline(n: int) -> float:
    """Whole pipeline (ingest, stages, store) over ``n`` SaudiNewsNet articles as raw pages."""
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "news.jsonl"
        with src.open("w", encoding="utf-8") as out:
            for record in load_saudinewsnet(NEWS, limit=n):
                page = f"{record['title']}\n\n{record['content']}"
                out.write(
                    json.dumps({"text": page, "url": record["url"]}, ensure_ascii=False) + "\n"
                )
        start = time.perf_counter()
        with Store(Path(tmp) / "b.duckdb") as store:
            report = Runner(store, warn=lambda _: None).run([str(src)])
        seconds = time.perf_counter() - start
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"pipeline: {report.documents} docs, {report.articles} articles in {seconds:.1f} s "
        f"({report.documents / seconds:.0f} docs/s), peak RSS {rss:.0f} MiB, "
        f"{len(report.problems)} skipped"
    )
    return report.documents / seconds


def bench_stages(n: int) -> None:
    """Seconds per stage over ``n`` SaudiNewsNet articles, and sentences/s per stage."""
    from hadath.model import Document
    from hadath.pipeline import DEFAULT_STAGES, get_stage

    docs = [
        Document(str(i), "bench", f"{r['title']}\n\n{r['content']}", "txt")
        for i, r in enumerate(load_saudinewsnet(NEWS, limit=n))
    ]
    timings = {}
    for name in DEFAULT_STAGES:
        fn = get_stage(name)
        if name == "entities":  # load the model and gazetteer outside the timing
            fn(Document("warm", "bench", "قال وزير الخارجية الروسي سيرغي لافروف.", "txt"))
        start = time.perf_counter()
        for doc in docs:
            fn(doc)
        timings[name] = time.perf_counter() - start
    sentences = sum(len(a.sentences) for d in docs for a in d.articles)
    print(f"stages over {len(docs)} docs, {sentences} sentences (one core):")
    for name, seconds in timings.items():
        print(f"  {name:10s} {seconds:6.1f} s  {sentences / seconds:8,.0f} sentences/s")


def main() -> None:
    if not NEWS.is_dir():
        print(f"SaudiNewsNet not found at {NEWS}: corpus benchmarks skipped")
        return
    from scripts.eval_segmentation import main as eval_segmentation

    print("segmentation (SaudiNewsNet dressed as scraped pages; exact recovery):")
    eval_segmentation(2000)
    sizes = [int(s) for s in sys.argv[1].split(",")] if len(sys.argv) > 1 else [1000, 3000]
    bench_stages(sizes[-1])
    rates = {size: bench_pipeline(size) for size in sizes}
    if len(rates) > 1:  # per-document cost should not grow with the corpus
        print("pipeline docs/s by corpus size: "
              + ", ".join(f"{size:,}: {rate:.1f}" for size, rate in rates.items()))
    from scripts.eval_stories import main as eval_stories

    print("stories (SaudiNewsNet same-headline pairs vs random pairs):")
    eval_stories(150, 300)
    from scripts.bench_dedup import main as bench_dedup

    sys.argv[1:] = ["10000,31000,100000"]
    bench_dedup()


if __name__ == "__main__":
    main()
