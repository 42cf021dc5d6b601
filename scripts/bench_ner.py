"""Tagging speed of the CRF entity tagger on SaudiNewsNet, one core.

Usage::

    .venv/bin/python scripts/bench_ner.py [MAX_SENTENCES] [--hadath-tokens]

Reads the article ``content`` of ``../shared/data/news/saudinewsnet/*.zip`` (one
JSON array per zip), splits it crudely into sentences on ``. ؟ !`` and newlines,
takes whitespace tokens (or, with ``--hadath-tokens``, the tokens of
:func:`hadath.text.tokenize.tokenize`, punctuation split off, as the pipeline
passes them; tokenizing is not timed), and times ``Tagger.tag`` over them: a cold
pass (empty per-word feature caches) and a second pass over the same sentences.
Prints sentences/s, tokens/s and peak memory. MAX_SENTENCES defaults to 20,000.

The per-word cache is an LRU of ``features.CACHE_SIZE`` words; when the sample
has more distinct words than that, the second pass misses too (it reads them in
the same order). The corpus is not part of the repo (CC BY-NC-SA 4.0).
"""

from __future__ import annotations

import json
import re
import resource
import sys
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from hadath.entities import features  # noqa: E402
from hadath.entities.tagger import Tagger  # noqa: E402
from hadath.text.tokenize import tokenize  # noqa: E402

NEWS = ROOT.parent / "shared" / "data" / "news" / "saudinewsnet"
SENTENCE_END = re.compile(r"[.؟!?\n]+")


def contents(folder: Path) -> Iterator[str]:
    """Article texts of every zip in ``folder``, in file order."""
    for path in sorted(folder.glob("*.zip")):
        with zipfile.ZipFile(path) as archive:
            for name in archive.namelist():
                for record in json.loads(archive.read(name)):
                    yield record.get("content") or ""


def sentences(folder: Path, limit: int, hadath_tokens: bool = False) -> list[list[str]]:
    """Up to ``limit`` tokenized sentences (of at least 3 words)."""
    out: list[list[str]] = []
    for text in contents(folder):
        for chunk in SENTENCE_END.split(text):
            words = [t.text for t in tokenize(chunk)] if hadath_tokens else chunk.split()
            if len(words) >= 3:
                out.append(words)
                if len(out) >= limit:
                    return out
    return out


def clear_caches(tagger: Tagger) -> None:
    """Empty every per-word cache, so the first pass pays for feature computation."""
    for fn in (features.word_key, features.bare_key, features.lemma_key):
        fn.cache_clear()
    tagger.scorer.clear()


def timed(tagger: Tagger, sents: list[list[str]]) -> float:
    started = time.perf_counter()
    for words in sents:
        tagger.tag(words)
    return time.perf_counter() - started


def main(argv: list[str]) -> int:
    numbers = [arg for arg in argv[1:] if arg.isdigit()]
    limit = int(numbers[0]) if numbers else 20_000
    hadath_tokens = "--hadath-tokens" in argv
    if not NEWS.is_dir():
        print(f"SaudiNewsNet not found at {NEWS}: skipped")
        return 0
    sents = sentences(NEWS, limit, hadath_tokens)
    tokens = sum(len(s) for s in sents)
    tagger = Tagger.load()
    clear_caches(tagger)
    kind = "hadath" if hadath_tokens else "whitespace"
    print(
        f"{len(sents):,} sentences, {tokens:,} {kind} tokens "
        f"({tokens / len(sents):.1f} per sentence, {len({w for s in sents for w in s}):,} distinct)"
    )
    for label in ("cold caches", "second pass"):
        seconds = timed(tagger, sents)
        print(
            f"{label}: {len(sents) / seconds:,.0f} sentences/s, "
            f"{tokens / seconds:,.0f} tokens/s ({seconds:.1f} s)"
        )
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory {peak:,.0f} MB (the sentences themselves included)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
