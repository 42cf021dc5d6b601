"""Quotation speakers against gold: the seeds (``eval/quotes-seeds.jsonl``, 60
quotations, read while the speaker rules were written) and SaudiNewsNet
(``eval/quotes-snn.jsonl``, 50 quotations of 2015 articles sampled at random with a
fixed seed and annotated blind afterwards: the held-out figure).

Each gold line names one quotation (a seed file and the article's index on the page,
or a SaudiNewsNet URL; and the first 40 characters of the quoted words), whether it is a
quotation at all (``is_quote``: false for a name in quotation marks such as «تجمع
الرقة تذبح بصمت») and the acceptable texts of its speaker (null when the text names
none). A predicted speaker is right when it agrees with one of them as event actors
do (:func:`hadath.events.evaluate.actors_agree`: normalized, ال stripped, one word
sequence inside the other).

Prints speaker precision (right among the quotations given a speaker), recall (right
among the quotations whose speaker the text names) and how many non-quotations are
still exported. Usage: python -m scripts.eval_quotes [--snn] [--db DB] [--show]
"""

from __future__ import annotations

import argparse
import json
import tempfile
from pathlib import Path

from hadath.events.evaluate import actors_agree
from hadath.model import Document
from hadath.pipeline import Pipeline
from hadath.runner import Runner
from hadath.scoring import Counts
from hadath.store.db import Store
from hadath.testing.dress import load_saudinewsnet

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "eval" / "quotes-seeds.jsonl"
GOLD_SNN = ROOT / "eval" / "quotes-snn.jsonl"
SEEDS = ROOT / "examples" / "seeds"
NEWS = ROOT.parent / "shared" / "data" / "news" / "saudinewsnet"


def exported_quotes(db: Path) -> dict[tuple[str, int], list[dict]]:
    """The stored quotations by (seed file name, article index on the page)."""
    with Store(db) as store:
        rows = store.con.execute(
            "SELECT d.source, a.idx, q.text, q.speaker FROM quotes q "
            "JOIN articles a ON a.id = q.article_id JOIN documents d ON d.doc_id = a.doc_id"
        ).fetchall()
    out: dict[tuple[str, int], list[dict]] = {}
    for source, idx, text, speaker in rows:
        said_by = json.loads(speaker)["text"] if speaker else None
        out.setdefault((Path(source).name, idx), []).append({"text": text, "speaker": said_by})
    return out


def snn_quotes(urls: set[str]) -> dict[tuple[str, int], list[dict]]:
    """Quotations hadath finds in the SaudiNewsNet articles of these URLs, by (URL, 0)."""
    pipeline = Pipeline()
    out: dict[tuple[str, int], list[dict]] = {}
    for record in load_saudinewsnet(NEWS):
        url = record.get("url")
        if url not in urls:
            continue
        text, title = record.get("content") or "", record.get("title") or ""
        doc = Document(url, "snn", text, "jsonl", title=title)
        pipeline(doc)
        found = out.setdefault((url, 0), [])
        for article in doc.articles:
            found += [{"text": q.text, "speaker": q.speaker.text if q.speaker else None}
                      for q in article.records.get("quotes", [])]  # fmt: skip
    return out


def score(gold: list[dict], found: dict[tuple[str, int], list[dict]],
          show: bool = False) -> dict[str, object]:  # fmt: skip
    """Speaker counts over the gold quotations, and non-quotations still exported."""
    speakers, kept_names, missing = Counts(), 0, 0
    for item in gold:
        quotes = found.get(_where(item), [])
        match = next((q for q in quotes if q["text"].startswith(item["quote"])), None)
        if not item["is_quote"]:
            kept_names += match is not None
            continue
        if match is None:
            missing += 1
            speakers.fn += item["speaker"] is not None
            continue
        right = _right(item["speaker"], match["speaker"])
        _count(speakers, item["speaker"], match["speaker"], right)
        if show and not right:
            print(f"{item['quote'][:30]}… gold {item['speaker']} / found {match['speaker']}")
    return {"speaker": speakers.as_dict(), "quotations_missing": missing,
            "names_exported_as_quotes": kept_names}  # fmt: skip


def _where(item: dict) -> tuple[str, int]:
    return (item["url"], 0) if "url" in item else (item["seed"], item["article"])


def _right(acceptable: list[str] | None, predicted: str | None) -> bool:
    if acceptable is None:
        return predicted is None
    return predicted is not None and any(actors_agree(a, predicted) for a in acceptable)


def _count(counts: Counts, acceptable: list[str] | None, predicted: str | None,
           right: bool) -> None:  # fmt: skip
    if right and predicted is not None:
        counts.tp += 1
        return
    if predicted is not None:
        counts.fp += 1
    if acceptable is not None:
        counts.fn += 1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--snn", action="store_true", help="the held-out SaudiNewsNet quotations")
    parser.add_argument("--db", type=Path, help="a store of the seeds (default: run them now)")
    parser.add_argument("--show", action="store_true", help="print every wrong speaker")
    args = parser.parse_args()
    path = GOLD_SNN if args.snn else GOLD
    gold = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    if args.snn:
        print(json.dumps(score(gold, snn_quotes({g["url"] for g in gold}), args.show),
                         ensure_ascii=False, indent=1))  # fmt: skip
        return
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db
        if db is None:
            db = Path(tmp) / "seeds.duckdb"
            with Store(db) as store:
                Runner(store, None).run([str(SEEDS)])
        result = score(gold, exported_quotes(db), args.show)
    print(json.dumps(result, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
