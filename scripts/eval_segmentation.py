"""Segmentation beyond the seeds: SaudiNewsNet articles dressed up as scraped pages.

Prints how often the segmenter recovers the right number of articles, each title
and each body exactly, per page style. Usage: python scripts/eval_segmentation.py [N]
"""

from __future__ import annotations

import random
import sys
from collections import Counter
from pathlib import Path

from hadath.clean.segment import segment_text
from hadath.testing.dress import clean_from_record, dress, load_saudinewsnet

NEWS = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "news" / "saudinewsnet"


def same_body(found, expected) -> bool:
    """Equal paragraphs; a dateline moved out of the first paragraph is not a difference."""
    if found.paragraphs == expected.paragraphs:
        return True
    if not found.dateline or found.paragraphs[1:] != expected.paragraphs[1:]:
        return False
    lead = expected.paragraphs[0]
    return (
        lead.endswith(found.paragraphs[0]) and found.dateline in lead[: -len(found.paragraphs[0])]
    )


def main(n: int = 2000, show: int = 0) -> dict[str, float]:
    rng = random.Random(7)
    cleans = [c for r in load_saudinewsnet(NEWS, limit=n * 3) if (c := clean_from_record(r))]
    rng.shuffle(cleans)
    cleans = cleans[:n]
    totals, hits = Counter(), Counter()
    for i, art in enumerate(cleans):
        other = cleans[(i + 1) % len(cleans)] if rng.random() < 0.4 else None
        caption = " ".join(cleans[(i + 2) % len(cleans)].paragraphs[0].split()[:9])
        page = dress(rng, art, other, caption)
        found = segment_text(page.page)
        totals[page.style] += 1
        count_ok = len(found) == len(page.expected)
        titles_ok = count_ok and all(
            f.title == e.title for f, e in zip(found, page.expected, strict=True)
        )
        bodies_ok = count_ok and all(
            same_body(f, e) for f, e in zip(found, page.expected, strict=True)
        )
        hits[page.style, "count"] += count_ok
        hits[page.style, "title"] += titles_ok
        hits[page.style, "body"] += bodies_ok
        if not bodies_ok and show > 0:
            show -= 1
            print("-----", page.style, len(found), len(page.expected))
            print(page.page[:1500])
    rates = {}
    for style in sorted(totals):
        parts = [
            f"{what} {hits[style, what] / totals[style]:.1%}" for what in ("count", "title", "body")
        ]
        print(f"{style:7s} pages={totals[style]:5d}  " + "  ".join(parts))
        rates[style] = hits[style, "body"] / totals[style]
    return rates


if __name__ == "__main__":
    main(
        int(sys.argv[1]) if len(sys.argv) > 1 else 2000,
        int(sys.argv[2]) if len(sys.argv) > 2 else 0,
    )
