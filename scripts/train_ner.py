"""Train hadath's CRF entity tagger on ANERcorp and print dev scores.

Usage::

    .venv/bin/python scripts/train_ner.py            # dev scores, then the shipped model
    .venv/bin/python scripts/train_ner.py --dev-only # dev scores only, writes nothing
    .venv/bin/python scripts/train_ner.py --grid     # the c1/c2 table of the README
    .venv/bin/python scripts/train_ner.py --dev-only --split random   # for comparison

Data: ``../shared/data/ner/anercorp/train.txt`` (ANERcorp, CAMeL Lab train split,
CC BY-SA 4.0; Benajiba & Rosso 2008, Obeid et al. LREC 2020), or ``--data``.

Split (fixed, no randomness): the last 10% of sentences (397 of 3,973) are the
dev split, the first 3,576 the training fold. ANERcorp keeps each article's
sentences together, so a contiguous tail shares fewer names with the training
fold than a random 10% would (``--split random``: seed 13), and its scores are
the more honest ones.

Gazetteer features are trained fold-correctly: the training sentences are cut
into 5 contiguous chunks, and each chunk's features look names up in the names
annotated in the other 4 chunks only. The dev run looks names up in the training
fold's names; the shipped model's names file holds all of train.txt's names.

Labels: ANERcorp's PERS is renamed PER; MISC is kept as a label while training
(the tagger maps it to O) and ignored by the scorer.

The shipped model is trained with the same settings on all 3,973 sentences
(after the dev run), so evaluating it on the dev split overstates its quality:
quote the dev scores printed here. Nothing is random (features are emitted in a
fixed order whatever PYTHONHASHSEED is, and L-BFGS is deterministic), so
re-running gives the same scores and a byte-identical model file.

Hyperparameters and feature sets tried on the dev split are recorded in
``hadath/models/README.md``.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pycrfsuite

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from hadath.entities import features as feature_module  # noqa: E402
from hadath.entities.clusters import LEVELS, read_clusters  # noqa: E402
from hadath.entities.consistency import propagate  # noqa: E402
from hadath.entities.evaluate import Sentence, entities, read_conll, score  # noqa: E402
from hadath.entities.features import (  # noqa: E402
    DictGazetteer,
    Gazetteer,
    features,
    write_names,
)
from hadath.entities.tagger import MODEL_PATH, kb_names, names_path, to_hadath  # noqa: E402

DATA = ROOT.parent / "shared" / "data" / "ner" / "anercorp" / "train.txt"
DEV_FRACTION = 0.10
SEED = 13  # only for --split random
GRID = [(c1, c2) for c1 in (0.0, 0.05, 0.1, 0.3) for c2 in (0.01, 0.05, 0.1)]


@dataclass
class Config:
    """Everything that decides the model; the defaults are the shipped settings."""

    params: dict[str, object] = field(
        default_factory=lambda: {
            "c1": 0.3,
            "c2": 0.05,
            "max_iterations": 200,
            "feature.minfreq": 1,
            "feature.possible_transitions": True,
        }
    )
    jackknife: int = 5  # training gazetteer: names of the other 4 of 5 chunks; 0 = none
    misc: bool = True  # keep MISC as a training label (False: train it as O)
    drop: tuple[str, ...] = ()  # feature prefixes left out (ablations)
    kb: bool = False  # knowledge-base names as kb= gazetteer features (train and run time)
    window: int = 20  # dev: names tagged again across windows of this many sentences

    def gazetteer(self, sentences: Sequence[Sentence]) -> DictGazetteer | None:
        """The gazetteer of the names in ``sentences`` (None when training without one)."""
        if self.jackknife <= 1:
            return None
        return DictGazetteer(names(sentences))

    def label(self, tag: str) -> str:
        """ANERcorp tag -> training label (PERS becomes PER; MISC kept or made O)."""
        if not self.misc and tag.endswith("MISC"):
            return "O"
        return tag.replace("PERS", "PER")

    def xseq(self, words: list[str], gazetteer: Gazetteer | None) -> list[list[str]]:
        feats = features(words, gazetteer, kb_names() if self.kb else None)
        if not self.drop:
            return feats
        return [[f for f in fs if not f.startswith(self.drop)] for fs in feats]


def split(sentences: list[Sentence], how: str = "tail") -> tuple[list[Sentence], list[Sentence]]:
    """(training fold, dev split): the last 10% of sentences, or a seeded random 10%."""
    size = round(len(sentences) * DEV_FRACTION)
    if how == "tail":
        return sentences[:-size], sentences[-size:]
    chosen = set(random.Random(SEED).sample(range(len(sentences)), size))
    fold = [s for i, s in enumerate(sentences) if i not in chosen]
    return fold, [s for i, s in enumerate(sentences) if i in chosen]


def names(sentences: Sequence[Sentence]) -> list[tuple[str, str]]:
    """(entity text, type) of every PER/ORG/LOC entity in ``sentences``."""
    out = []
    for sent in sentences:
        words = [w for w, _ in sent]
        for start, end, kind in entities([t for _, t in sent]):
            out.append((" ".join(words[start:end]), kind))
    return out


def jackknife(sentences: list[Sentence], config: Config) -> list[Gazetteer | None]:
    """Per sentence, a gazetteer of the names in the *other* contiguous chunks.

    Training with these teaches the CRF how far to trust a gazetteer hit on a
    name it has not seen as training text, as at run time.
    """
    if config.jackknife <= 1:
        return [None] * len(sentences)
    size = -(-len(sentences) // config.jackknife)
    chunks = [sentences[i : i + size] for i in range(0, len(sentences), size)]
    out: list[Gazetteer | None] = []
    for index, chunk in enumerate(chunks):
        others = [s for j, c in enumerate(chunks) if j != index for s in c]
        out.extend([config.gazetteer(others)] * len(chunk))
    return out


def train(sentences: list[Sentence], out: Path, config: Config) -> None:
    """Train a CRF on ``sentences`` and write it to ``out``."""
    trainer = pycrfsuite.Trainer(algorithm="lbfgs", verbose=False)
    for sent, gazetteer in zip(sentences, jackknife(sentences, config), strict=True):
        words = [w for w, _ in sent]
        trainer.append(config.xseq(words, gazetteer), [config.label(t) for _, t in sent])
    trainer.set_params(config.params)
    out.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(out))


def evaluate(model: Path, dev: list[Sentence], gazetteer: Gazetteer | None, config: Config,
             window: int = 0):  # fmt: skip
    """Score ``model`` on the dev sentences (hadath's types, MISC ignored); ``window`` > 1:
    with article consistency over windows of that many sentences."""
    crf = pycrfsuite.Tagger()
    crf.open(str(model))
    tags = [to_hadath(crf.tag(config.xseq([w for w, _ in s], gazetteer))) for s in dev]
    if window > 1:  # article-level consistency over windows of contiguous sentences
        tags = consistent([[w for w, _ in s] for s in dev], tags, window)
    pred = [list(zip([w for w, _ in s], t, strict=True)) for s, t in zip(dev, tags, strict=True)]
    return score(dev, pred)


def consistent(words: list[list[str]], tags: list[list[str]], window: int) -> list[list[str]]:
    """:func:`propagate` over windows of ``window`` sentences (ANERcorp marks no articles)."""
    out: list[list[str]] = []
    for i in range(0, len(words), window):
        out += propagate(words[i : i + window], tags[i : i + window])
    return out


def dev_run(fold: list[Sentence], dev: list[Sentence], config: Config):
    """Train on the fold, score on dev (each sentence alone; with article consistency
    printed too when ``config.window`` > 1); returns the report and the model size."""
    tmp = ROOT / "build" / f"ner-dev-{os.getpid()}.crfsuite"  # runs may go side by side
    try:
        train(fold, tmp, config)
        report = evaluate(tmp, dev, config.gazetteer(fold), config)
        if config.window > 1:
            consistent_report = evaluate(tmp, dev, config.gazetteer(fold), config, config.window)
            print(f"with article consistency (windows of {config.window} sentences):")
            print(consistent_report.as_table())
        return report, tmp.stat().st_size
    finally:
        tmp.unlink(missing_ok=True)


def grid(fold: list[Sentence], dev: list[Sentence], config: Config) -> None:
    """Print a markdown table of dev scores over ``GRID`` (each sentence alone)."""
    config.window = 0
    print("| c1 | c2 | PER F1 | ORG F1 | LOC F1 | micro P | micro R | micro F1 | size |")
    print("|---|---|---|---|---|---|---|---|---|")
    for c1, c2 in GRID:
        config.params.update(c1=c1, c2=c2)
        report, size = dev_run(fold, dev, config)
        t, m = report.per_type, report.micro
        print(
            f"| {c1} | {c2} | {t['PER'].f1:.3f} | {t['ORG'].f1:.3f} | {t['LOC'].f1:.3f} "
            f"| {m.precision:.3f} | {m.recall:.3f} | {m.f1:.3f} | {size / 1e6:.1f} MB |",
            flush=True,
        )


NAMES_HEADER = """\
Names the NER model looks up (gazetteer features), one 'name<TAB>TYPE' a line:
every PER/ORG/LOC entity of ANERcorp's CAMeL Lab train split, as annotated.
Written by scripts/train_ner.py with ner-crf.crfsuite; part of the model.
Derived from ANERcorp (Benajiba & Rosso 2008; split of Obeid et al., LREC 2020):
CC BY-SA 4.0, see README.md beside this file."""


def ship(sentences: list[Sentence], out: Path, config: Config) -> None:
    """Train on all sentences; write the model and, if it uses one, its names file."""
    train(sentences, out, config)
    print(f"wrote {out} ({out.stat().st_size / 1e6:.1f} MB, all {len(sentences)} sentences)")
    names_file = names_path(out)
    if config.jackknife > 1:
        write_names(names_file, names(sentences), NAMES_HEADER)
        print(f"wrote {names_file} ({names_file.stat().st_size / 1e3:.0f} kB)")
    elif names_file.exists():
        names_file.unlink()
        print(f"removed {names_file} (model trained without a gazetteer)")


def parse_args(argv: list[str] | None) -> tuple[argparse.Namespace, Config]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--out", type=Path, default=MODEL_PATH)
    parser.add_argument("--dev-only", action="store_true", help="score on dev, write no model")
    parser.add_argument("--grid", action="store_true", help="print the c1/c2 table")
    parser.add_argument("--split", choices=("tail", "random"), default="tail")
    parser.add_argument("--param", action="append", default=[], help="override, e.g. c1=0.1")
    parser.add_argument("--jackknife", type=int, default=Config.jackknife, help="0 = no gazetteer")
    parser.add_argument("--misc", action=argparse.BooleanOptionalAction, default=Config.misc)
    parser.add_argument("--drop", default="", help="comma-separated feature prefixes to drop")
    parser.add_argument("--kb", action=argparse.BooleanOptionalAction, default=Config.kb)
    parser.add_argument("--window", type=int, default=Config.window, help="consistency window")
    parser.add_argument("--clusters", type=Path, help="another cluster table (experiments)")
    parser.add_argument("--levels", default="", help="its clusters per column, e.g. 2048,512,128")
    args = parser.parse_args(argv)
    if args.clusters is not None:
        levels = tuple(int(v) for v in args.levels.split(",")) if args.levels else LEVELS
        feature_module.CLUSTERS = read_clusters(args.clusters, levels)
    config = Config(jackknife=args.jackknife, misc=args.misc, kb=args.kb, window=args.window)
    config.drop = tuple(p for p in args.drop.split(",") if p)
    for item in args.param:
        key, _, value = item.partition("=")
        config.params[key] = float(value) if "." in value else int(value)
    return args, config


def main(argv: list[str] | None = None) -> int:
    args, config = parse_args(argv)
    if not args.data.is_file():
        print(f"training data not found: {args.data}", file=sys.stderr)
        return 2
    sentences = read_conll(args.data)
    fold, dev = split(sentences, args.split)
    print(f"training fold {len(fold)} sentences, dev {len(dev)} sentences ({args.split})")
    if args.grid:
        grid(fold, dev, config)
        return 0
    started = time.perf_counter()
    report, size = dev_run(fold, dev, config)
    seconds = time.perf_counter() - started
    print(f"dev run: {seconds:.0f}s, {size / 1e6:.1f} MB; each sentence alone:")
    print(report.as_table())
    if not args.dev_only:
        ship(sentences, args.out, config)
    return 0


if __name__ == "__main__":
    sys.exit(main())
