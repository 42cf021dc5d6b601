"""Check that hadath's Viterbi (:mod:`hadath.entities.scorer`) tags as pycrfsuite does.

Usage::

    .venv/bin/python -m scripts.check_ner_scorer [ARTICLES]

Compares the model's own labels from :class:`~hadath.entities.scorer.Scorer` with
pycrfsuite's (:meth:`Tagger.crfsuite_tags`) on every sentence of ANERcorp's train
file (decoded 10 sentences at a time, as articles are, and one at a time) and on
every sentence the entity stage hands the tagger for the first ARTICLES SaudiNewsNet
articles (default 3,000; decoded one article at a time, as the stage does). Prints
the number of sentences and tokens compared and every sentence that differs. Needs
``../shared/data`` beside the repo.
"""

from __future__ import annotations

import sys
from pathlib import Path

from hadath.entities import stage as entity_stage
from hadath.entities.evaluate import read_conll
from hadath.entities.tagger import Tagger
from hadath.model import Document
from hadath.pipeline import DEFAULT_STAGES, get_stage
from hadath.testing.dress import load_saudinewsnet

ROOT = Path(__file__).resolve().parents[1]
ANERCORP = ROOT.parent / "shared" / "data" / "ner" / "anercorp" / "train.txt"
NEWS = ROOT.parent / "shared" / "data" / "news" / "saudinewsnet"


def stage_sentences(limit: int) -> list[list[list[str]]]:
    """Per article, the sentences the entity stage tags (its words), for ``limit`` articles."""
    tagger = entity_stage.default_tagger()
    seen: list[list[list[str]]] = []
    tag_article = tagger.tag_article

    def record(sentences: list[list[str]]) -> list[list[str]]:
        seen.append([list(words) for words in sentences])
        return tag_article(sentences)

    tagger.tag_article = record  # type: ignore[method-assign]
    try:
        docs = [Document(str(i), "check", f"{r['title']}\n\n{r['content']}", "txt")
                for i, r in enumerate(load_saudinewsnet(NEWS, limit=limit))]  # fmt: skip
        for name in DEFAULT_STAGES[: DEFAULT_STAGES.index("entities") + 1]:
            for doc in docs:
                get_stage(name)(doc)
    finally:
        del tagger.tag_article
    return seen


def compare(tagger: Tagger, batches: list[list[list[str]]], name: str) -> int:
    """Scorer vs pycrfsuite on each batch of sentences (decoded together); prints and
    returns the number of sentences that differ."""
    sentences = tokens = differ = 0
    for batch in batches:
        ours = tagger.scorer.tag(batch, tagger.gazetteer, tagger.kb)
        for words, tags in zip(batch, ours, strict=True):
            sentences += 1
            tokens += len(words)
            reference = tagger.crfsuite_tags(words)
            if tags != reference:
                differ += 1
                print(
                    f"  differs: {' '.join(words)}\n    scorer    {tags}\n    crfsuite  {reference}"
                )
    print(f"{name}: {sentences:,} sentences, {tokens:,} tokens, {differ} differ")
    return differ


def main(argv: list[str]) -> int:
    limit = int(argv[1]) if len(argv) > 1 else 3000
    tagger = Tagger.load()
    anercorp = [[word for word, _ in sentence] for sentence in read_conll(ANERCORP)]
    differ = compare(tagger, [anercorp[i : i + 10] for i in range(0, len(anercorp), 10)],
                     "ANERcorp train, 10 sentences at a time")  # fmt: skip
    differ += compare(tagger, [[words] for words in anercorp], "ANERcorp train, one at a time")
    articles = stage_sentences(limit)
    differ += compare(entity_stage.default_tagger(), articles,
                      f"SaudiNewsNet, entity stage sentences of {limit:,} articles")  # fmt: skip
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
