"""Throughput of the ``tokenize`` stage on SaudiNewsNet content (not a test).

Usage: .venv/bin/python scripts/bench_text.py [N_ZIPS] [CORPUS_DIR]
Reads N_ZIPS daily zips (default: all), runs sentence splitting, tokenization and
lemmatization on every article body, and prints articles, tokens and tokens/s
(cold caches: the first occurrence of each word pays for clitic analysis and lemma
lookup) plus a second, warm-cache pass over the same articles. Both wall-clock and
process CPU time are reported: on a shared machine the CPU figure is the stable one.
"""

from __future__ import annotations

import json
import sys
import time
import zipfile
from pathlib import Path

from hadath.model import Article
from hadath.text.stage import analyze_article

DEFAULT_DIR = Path(__file__).resolve().parents[2] / "shared" / "data" / "news" / "saudinewsnet"


def load_bodies(directory: Path, limit: int | None) -> list[str]:
    bodies = []
    for path in sorted(directory.glob("*.zip"))[:limit]:
        with zipfile.ZipFile(path) as archive:
            for name in archive.namelist():
                bodies += [rec["content"] for rec in json.loads(archive.read(name))]
    return bodies


def run(bodies: list[str]) -> tuple[int, float, float]:
    """Tokens produced, wall seconds and CPU seconds for one pass over ``bodies``."""
    tokens = 0
    wall, cpu = time.perf_counter(), time.process_time()
    for index, body in enumerate(bodies):
        article = Article("bench", index, "saudinewsnet", body)
        analyze_article(article)
        tokens += sum(len(sentence.tokens) for sentence in article.sentences)
    return tokens, time.perf_counter() - wall, time.process_time() - cpu


def main() -> None:
    limit = int(sys.argv[1]) if len(sys.argv) > 1 else None
    directory = Path(sys.argv[2]) if len(sys.argv) > 2 else DEFAULT_DIR
    bodies = load_bodies(directory, limit)
    chars = sum(map(len, bodies))
    print(f"{len(bodies)} articles, {chars / 1e6:.1f} M characters")
    for label in ("cold", "warm"):
        tokens, wall, cpu = run(bodies)
        print(
            f"{label}: {tokens} tokens; wall {wall:.1f} s = {tokens / wall:,.0f} tokens/s; "
            f"cpu {cpu:.1f} s = {tokens / cpu:,.0f} tokens/s"
        )


if __name__ == "__main__":
    main()
