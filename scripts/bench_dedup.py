"""Near-duplicate detection at scale: SaudiNewsNet (31k) replicated with edits to 100k.

Prints, for 10k / 31k / 100k articles, the time and peak memory of shingling,
signatures, LSH candidates and exact confirmation (the in-memory core of the
``dedup`` corpus stage), and how many replicas were found. Usage:
    python -m scripts.bench_dedup [10000,31000,100000]
"""

from __future__ import annotations

import random
import resource
import subprocess
import sys
import time
from pathlib import Path

from hadath.dedup.near import NearDuplicateIndex
from hadath.testing.dress import load_saudinewsnet

NEWS = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "news" / "saudinewsnet"


def edited(text: str, rng: random.Random) -> str:
    """A reprint: a few words dropped or changed, sometimes a paragraph missing."""
    paragraphs = [p for p in text.split("\n") if p.strip()]
    if len(paragraphs) > 3 and rng.random() < 0.3:
        paragraphs.pop(rng.randrange(len(paragraphs)))
    words = "\n".join(paragraphs).split(" ")
    for _ in range(max(1, len(words) // 60)):
        i = rng.randrange(len(words))
        words[i] = rng.choice(["", "وقال", "أمس", words[i][::-1]])
    return " ".join(w for w in words if w)


def corpus(size: int, originals: list[str]) -> list[tuple[str, str, str | None]]:
    """``size`` articles: the originals, then edited copies (id, body, id of its original)."""
    rng = random.Random(5)
    items = [(f"o{i}", text, None) for i, text in enumerate(originals[:size])]
    while len(items) < size:
        i = rng.randrange(len(originals))
        items.append((f"r{len(items)}", edited(originals[i], rng), f"o{i}"))
    return items


def run(size: int, originals: list[str]) -> None:
    items = corpus(size, originals)
    bodies = {article_id: body for article_id, body, _ in items}
    start = time.perf_counter()
    index = NearDuplicateIndex(bodies.__getitem__)
    found = {}
    for article_id, body, _ in items:
        match, _sig = index.check(article_id, body)
        if match:
            found[article_id] = match
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    replicas = [(a, o) for a, _, o in items if o is not None]
    caught = sum(1 for a, _ in replicas if a in found)
    print(
        f"{size:>7,} articles: {seconds:6.1f} s ({size / seconds:,.0f}/s), peak RSS of the process "
        f"{peak / 2**20:,.0f} MiB, replicas caught {caught}/{len(replicas)}, "
        f"pairs among originals {sum(1 for a in found if a.startswith('o'))}"
    )


def main() -> None:
    if not NEWS.is_dir():
        print(f"SaudiNewsNet not found at {NEWS}: skipped")
        return
    sizes = sys.argv[1] if len(sys.argv) > 1 else "10000,31000,100000"
    if "," in sizes:  # one fresh process per size, so each peak RSS is its own
        print("near-duplicates (SaudiNewsNet originals, then edited replicas):")
        for size in sizes.split(","):
            subprocess.run([sys.executable, "-m", "scripts.bench_dedup", size], check=True)
        return
    originals = [r["content"] for r in load_saudinewsnet(NEWS) if len(r["content"].split()) >= 30]
    run(int(sizes), originals)


if __name__ == "__main__":
    main()
