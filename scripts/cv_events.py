"""Event-level cross-validation over the training files: a second, larger measure.

The dev set has 298 gold events, so a change that moves it by two or three events is
noise. The training files hold about 2,500 more, but the shipped models are trained on
them. This script splits the training files into ``--folds`` groups; for each group it
trains both event models on the other files (``scripts/train_events.py``), runs the
whole pipeline on the held-out sentences and scores them as ``hadath eval events``
does; the counts are summed over the folds::

    python -m scripts.cv_events                       # ~1.5 minutes
    python -m scripts.cv_events --set EVENT_THRESHOLD=0.35 --set ROLE_THRESHOLD=0.35
    python -m scripts.cv_events --keep /tmp/cv-base   # keep the fold models and stores
    python -m scripts.cv_events --frozen /tmp/cv-base # this code, those models (~40 s)

``--set NAME=VALUE`` overrides a threshold of :mod:`hadath.events.extract` for every
run (each ``--set`` applies to all folds). The shipped models are not touched.

``--frozen DIR`` runs the current code with the fold models a ``--keep DIR`` run
trained, without retraining: the direct effect of a change of rules, candidates or
entities. Retraining moves a few dozen decisions that have nothing to do with a
change (the role and detection models sit near their thresholds), so a rule change is
best judged frozen first; and after many changes kept only when the retrained score
rose, the baseline's score carries the luck of those selections, so a new change
retrained tends to look a few events worse than it is.
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

import hadath.events.extract as extract
import hadath.events.ranker as ranker
import hadath.events.stage as stage
from hadath.events.evaluate import LEVELS, run_and_evaluate
from hadath.scoring import Counts
from scripts import train_events

ROOT = Path(__file__).resolve().parent.parent


def _use_models(directory: Path) -> None:
    """Make the event stage load the two models in ``directory``."""
    ranker.DETECT_PATH = directory / ranker.DETECT_PATH.name
    ranker.ROLES_PATH = directory / ranker.ROLES_PATH.name
    ranker.default_ranker.cache_clear()
    stage.default_extractors.cache_clear()


def _override(settings: list[str]) -> None:
    for setting in settings:
        name, _, value = setting.partition("=")
        if not name.isupper() or not hasattr(extract, name):
            raise SystemExit(f"--set {setting}: no threshold {name!r} in hadath.events.extract")
        setattr(extract, name, float(value))


def cross_validate(files: list[Path], folds: int, work: Path,
                   frozen: Path | None = None) -> dict[str, Counts]:  # fmt: skip
    """Summed counts per level over ``folds`` train/test splits of ``files``; with
    ``frozen``, each fold uses the models trained into that directory before."""
    totals = {level: Counts() for level in LEVELS}
    for k in range(folds):
        test = files[k::folds]
        models = (frozen or work) / f"models-{k}"
        if frozen is None:
            train = [str(f) for f in files if f not in test]
            train_events.main(["--gold", *train, "--out", str(models)])
        elif not (models / ranker.ROLES_PATH.name).exists():
            raise SystemExit(f"--frozen {frozen}: no fold models in {models}")
        gold = work / f"test-{k}.jsonl"
        gold.write_text("".join(f.read_text("utf-8") for f in test), "utf-8")
        _use_models(models)
        report = run_and_evaluate(gold, work / f"run-{k}")
        for level, counts in totals.items():
            got = report.micro[level]
            counts.tp, counts.fp, counts.fn = (counts.tp + got.tp, counts.fp + got.fp,
                                               counts.fn + got.fn)  # fmt: skip
    return totals


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--folds", type=int, default=4)
    parser.add_argument("--set", action="append", default=[], metavar="NAME=VALUE")
    parser.add_argument("--keep", type=Path, help="directory for the fold models and stores")
    parser.add_argument("--frozen", type=Path, help="use the fold models of a --keep run")
    args = parser.parse_args(argv)
    _override(args.set)
    files = sorted((ROOT / "eval").glob("events-train-*.jsonl"))
    if len(files) < args.folds:
        parser.error(f"{len(files)} training files cannot make {args.folds} folds")
    if args.keep is not None:
        args.keep.mkdir(parents=True, exist_ok=True)
        totals = cross_validate(files, args.folds, args.keep, args.frozen)
    else:
        with tempfile.TemporaryDirectory(prefix="hadath-cv-") as tmp:
            totals = cross_validate(files, args.folds, Path(tmp), args.frozen)
    print(f"{args.folds}-fold event-level CV over {len(files)} training files")
    print(f"{'':<20}{'P':>7}{'R':>7}{'F1':>7}{'tp':>7}{'fp':>7}{'fn':>7}")
    for level, c in totals.items():
        print(f"{level:<20}{c.precision:>7.3f}{c.recall:>7.3f}{c.f1:>7.3f}"
              f"{c.tp:>7}{c.fp:>7}{c.fn:>7}")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
