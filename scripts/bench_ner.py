"""Tagging speed of the CRF entity tagger on SaudiNewsNet, one core.

Usage::

    .venv/bin/python scripts/bench_ner.py [MAX_SENTENCES]   # default 20,000

Reads the article ``content`` of ``../shared/data/news/saudinewsnet/*.zip`` (one
JSON array per zip), splits it crudely into sentences on ``. ؟ !`` and newlines,
takes whitespace tokens, and times ``Tagger.tag`` over them: a cold pass (empty
per-word feature caches) and a warm pass over the same sentences. Prints
sentences/s and tokens/s. The corpus is not part of the repo (CC BY-NC-SA 4.0).
"""

from __future__ import annotations

import json
import re
import sys
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from hadath.entities import features  # noqa: E402
from hadath.entities.tagger import Tagger  # noqa: E402

NEWS = ROOT.parent / "shared" / "data" / "news" / "saudinewsnet"
SENTENCE_END = re.compile(r"[.؟!?\n]+")


def contents(folder: Path) -> Iterator[str]:
    """Article texts of every zip in ``folder``, in file order."""
    for path in sorted(folder.glob("*.zip")):
        with zipfile.ZipFile(path) as archive:
            for name in archive.namelist():
                for record in json.loads(archive.read(name)):
                    yield record.get("content") or ""


def sentences(folder: Path, limit: int) -> list[list[str]]:
    """Up to ``limit`` whitespace-tokenized sentences (of at least 3 words)."""
    out: list[list[str]] = []
    for text in contents(folder):
        for chunk in SENTENCE_END.split(text):
            words = chunk.split()
            if len(words) >= 3:
                out.append(words)
                if len(out) >= limit:
                    return out
    return out


def clear_caches(tagger: Tagger) -> None:
    """Empty every per-word cache, so the first pass pays for feature computation."""
    for fn in (features.word_key, features.bare_key, features.lemma_key, features.own_features):
        fn.cache_clear()
    features.context_features.cache_clear()
    tagger.extract.clear()


def timed(tagger: Tagger, sents: list[list[str]]) -> float:
    started = time.perf_counter()
    for words in sents:
        tagger.tag(words)
    return time.perf_counter() - started


def main(argv: list[str]) -> int:
    limit = int(argv[1]) if len(argv) > 1 else 20_000
    if not NEWS.is_dir():
        print(f"SaudiNewsNet not found at {NEWS}: skipped")
        return 0
    sents = sentences(NEWS, limit)
    tokens = sum(len(s) for s in sents)
    tagger = Tagger.load()
    clear_caches(tagger)
    print(f"{len(sents):,} sentences, {tokens:,} tokens ({tokens / len(sents):.1f} per sentence)")
    for label in ("cold caches", "warm caches"):
        seconds = timed(tagger, sents)
        print(
            f"{label}: {len(sents) / seconds:,.0f} sentences/s, "
            f"{tokens / seconds:,.0f} tokens/s ({seconds:.1f} s)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
