"""Speed and yield of the event trigger lexicon on SaudiNewsNet (not a test).

Usage: .venv/bin/python scripts/bench_lexicon.py [N_ZIPS] [CORPUS_DIR]

Tokenizes N_ZIPS daily zips (default 3) the way the tokenize stage does, then times
``Lexicon.match_all`` over every sentence (three passes, best kept) and reports
tokens/s, matches/s and the matches per PLOVER type, plus the cue lookups the
extractor makes on every token (speech verb, negation, hypothetical).
"""

from __future__ import annotations

import json
import sys
import time
import zipfile
from collections import Counter
from pathlib import Path

from hadath.events.cues import Cues
from hadath.events.lexicon import Lexicon
from hadath.model import Article, Token
from hadath.text.stage import analyze_article

DEFAULT_DIR = Path(__file__).resolve().parents[2] / "shared" / "data" / "news" / "saudinewsnet"


def load_sentences(directory: Path, limit: int) -> list[list[Token]]:
    sentences = []
    for path in sorted(directory.glob("*.zip"))[:limit]:
        with zipfile.ZipFile(path) as archive:
            for name in archive.namelist():
                for index, rec in enumerate(json.loads(archive.read(name))):
                    article = Article("bench", index, "saudinewsnet", rec["content"])
                    analyze_article(article)
                    sentences += [s.tokens for s in article.sentences]
    return sentences


def time_lexicon(lexicon: Lexicon, sentences: list[list[Token]]) -> tuple[float, Counter[str]]:
    """Best CPU seconds of three passes, and the matches per type."""
    best, counts = float("inf"), Counter()
    for _ in range(3):
        counts = Counter()
        start = time.process_time()
        for tokens in sentences:
            for match in lexicon.match_all(tokens):
                counts[match.type] += 1
        best = min(best, time.process_time() - start)
    return best, counts


def time_cues(cues: Cues, sentences: list[list[Token]]) -> float:
    start = time.process_time()
    for tokens in sentences:
        for token in tokens:
            cues.is_speech_verb(token)
            cues.is_negation(token)
            cues.is_hypothetical(token)
    return time.process_time() - start


def main() -> None:
    limit = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    directory = Path(sys.argv[2]) if len(sys.argv) > 2 else DEFAULT_DIR
    start = time.perf_counter()
    lexicon, cues = Lexicon.load(), Cues.load()
    print(
        f"lexicon: {len(lexicon.triggers)} triggers, loaded in {time.perf_counter() - start:.2f} s"
    )
    sentences = load_sentences(directory, limit)
    tokens = sum(map(len, sentences))
    print(f"{len(sentences)} sentences, {tokens} tokens from {limit} day(s)")
    seconds, counts = time_lexicon(lexicon, sentences)
    total = sum(counts.values())
    print(
        f"match_all: {seconds:.2f} s cpu = {tokens / seconds:,.0f} tokens/s, "
        f"{total / seconds:,.0f} matches/s; {total} matches "
        f"({1000 * total / tokens:.1f} per 1000 tokens)"
    )
    for kind, count in counts.most_common():
        print(f"  {kind:10} {count:7}")
    cue_seconds = time_cues(cues, sentences)
    print(
        f"cues (3 lookups a token): {cue_seconds:.2f} s cpu = {tokens / cue_seconds:,.0f} tokens/s"
    )


if __name__ == "__main__":
    main()
