"""Measure infer_published on SaudiNewsNet: how often it pins a date, how often it agrees.

SaudiNewsNet's ``date_extracted`` is the scrape time, usually the publication day or
the day after, so a pinned date "agrees" when it is the scrape day or one day
before it. Usage::

    .venv/bin/python scripts/eval_published.py [DIR_WITH_ZIPS] [--show N] [--limit N]
"""

from __future__ import annotations

import argparse
import json
import zipfile
from collections import Counter
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from hadath.dates.published import infer_published

DEFAULT_DIR = Path(__file__).resolve().parents[1].parent / "shared/data/news/saudinewsnet"


def articles(folder: Path) -> Iterator[dict]:
    """Every article record of every zip (one JSON array per zip) in ``folder``."""
    for path in sorted(folder.glob("*.zip")):
        with zipfile.ZipFile(path) as archive:
            for name in archive.namelist():
                yield from json.loads(archive.read(name))


def reason_kind(reason: str) -> str:
    """The reason without its quoted evidence: 'office-holder conflict', 'text', ..."""
    return reason.split(":")[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, default=DEFAULT_DIR)
    parser.add_argument("--show", type=int, default=0, help="print N disagreements")
    parser.add_argument("--limit", type=int, default=0, help="stop after N articles")
    args = parser.parse_args()

    total, pinned, lags, reasons, wrong = 0, 0, Counter(), Counter(), []
    for record in articles(args.folder):
        total += 1
        day, reason, _evidence = infer_published(record["content"])
        reasons[reason_kind(reason)] += 1
        if day is not None:
            pinned += 1
            lag = (date.fromisoformat(record["date_extracted"][:10]) - day).days
            lags[lag] += 1
            if lag not in (0, 1):
                wrong.append((record["date_extracted"], day, reason, record["url"]))
        if args.limit and total >= args.limit:
            break

    agree = lags[0] + lags[1]
    print(f"articles: {total}")
    print(f"pinned: {pinned} ({pinned / max(total, 1):.2%})")
    print(f"agree (scrape day or the day after): {agree} / {pinned} ({agree / max(pinned, 1):.1%})")
    print(f"  same day: {lags[0]}, scraped a day later: {lags[1]}")
    print("scrape minus pinned date, days:", dict(sorted(lags.items())))
    print("reasons:", dict(reasons.most_common()))
    for scraped, day, reason, url in wrong[: args.show]:
        print(f"  scraped {scraped} pinned {day}: {reason} {url}")


if __name__ == "__main__":
    main()
