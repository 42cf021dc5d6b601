"""Inter-annotator agreement on the event dev set: one annotation scored against another.

``python -m scripts.agreement_events`` scores ``eval/events-dev-second.jsonl`` (a second,
blind annotation of the dev sentences) against ``eval/events-dev.jsonl`` with the same
levels and matching as ``hadath eval events``, over all sentences and over the sentences
the annotation guidelines do not quote as examples (the second annotator saw those).
What two careful humans agree on is the ceiling a system can be expected to reach.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from hadath.events.evaluate import article_dated, load_gold, score
from hadath.events.gold import GoldSentence

ROOT = Path(__file__).resolve().parents[1]
# Dev sentences the guidelines quote as worked examples (docs/annotation-guidelines.md).
QUOTED = frozenset({
    "seed-000-01", "seed-000-04", "seed-001-00", "seed-001-05", "seed-001-11", "seed-001-12",
    "seed-002-04", "seed-002-12", "seed-002-13", "seed-002-16", "seed-002-23", "seed-002-24",
    "seed-003-00", "seed-003-01", "snn-okaz-a-06", "snn-okaz-a-07", "snn-jazirah-a-00",
    "snn-sabq-a-01", "snn-almadina-a-06",
})


def as_records(sentences: list[GoldSentence]) -> Iterator[dict[str, Any]]:
    """Annotated events as export-format event records of the sentence's article."""
    for sentence in sentences:
        for event in sentence.events:
            yield {
                "article_id": sentence.article_id, "reports": [], "type": event.type,
                "source": event.source and {"text": event.source},
                "target": event.target and {"text": event.target},
                "date": article_dated(event, sentence.published).date,
                "negated": event.negated, "hypothetical": event.hypothetical,
            }  # fmt: skip


def agreement(first: list[GoldSentence], second: list[GoldSentence]) -> dict[str, Any]:
    """Micro precision/recall/F1 per level of ``second`` scored against ``first``."""
    report = score(first, list(as_records(second))).as_dict()
    return {"micro": report["micro"], "flags": report["flags"]}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--first", type=Path, default=ROOT / "eval" / "events-dev.jsonl")
    parser.add_argument("--second", type=Path, default=ROOT / "eval" / "events-dev-second.jsonl")
    args = parser.parse_args(argv)
    first, second = load_gold(args.first), load_gold(args.second)
    unquoted = [s for s in first if s.id not in QUOTED], [s for s in second if s.id not in QUOTED]
    for name, (a, b) in {"all": (first, second), "not quoted": unquoted}.items():
        result = agreement(a, b)
        print(f"{name} ({len(a)} sentences):")
        for level, c in result["micro"].items():
            print(f"  {level:20s} P {c['precision']:.3f}  R {c['recall']:.3f}  F1 {c['f1']:.3f}"
                  f"  ({c['gold']} vs {c['predicted']} events)")
        print("  flags:", json.dumps(result["flags"]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
