"""Train hadath's event ranker (:mod:`hadath.events.ranker`) on annotated sentences.

Usage::

    .venv/bin/python -m scripts.train_events                 # eval/events-train-*.jsonl
    .venv/bin/python -m scripts.train_events --gold A.jsonl B.jsonl --out /tmp/models

Reads gold sentences in the dev set's format (``docs/annotation-guidelines.md``), runs
hadath's stages up to entities on each sentence as one clean article, and for every
trigger the lexicon finds makes one *event* example (``event`` when a gold event of the
trigger's type has evidence covering the trigger word, else ``none``) and, for every
candidate actor of the sentence, one *role* example (``source``/``target`` when the
candidate's text agrees with the gold event's actor as the scorer judges agreement,
else ``none``). The event examples also carry the role model's scores for the
trigger's candidates, each sentence scored by a role model trained on the other
three quarters of the sentences (:func:`_cross_fitted_beliefs`). Two L-BFGS
maximum-entropy models are written to ``hadath/models/event-detect.crfsuite`` and
``event-roles.crfsuite``.

The dev set ``eval/events-dev.jsonl`` is never read here: score the result with
``hadath eval events eval/events-dev.jsonl``. Deterministic: same data, same bytes.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections import Counter
from datetime import date
from pathlib import Path

import pycrfsuite

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from hadath.actors.kb import KnowledgeBase  # noqa: E402
from hadath.events.cues import Cues  # noqa: E402
from hadath.events.evaluate import actor_key, actors_agree  # noqa: E402
from hadath.events.extract import EventExtractor, sentence_mentions  # noqa: E402
from hadath.events.gold import GoldEvent, GoldSentence, load_gold  # noqa: E402
from hadath.events.lexicon import Lexicon  # noqa: E402
from hadath.events.ranker import (  # noqa: E402
    DETECT_PATH,
    ROLES,
    ROLES_PATH,
    TriggerView,
    event_features,
    role_features,
)
from hadath.model import Document, Span  # noqa: E402
from hadath.outlets import outlet_by_url  # noqa: E402
from hadath.pipeline import Pipeline  # noqa: E402

PARAMS = {"c1": 0.1, "c2": 0.5, "max_iterations": 300, "feature.possible_states": False}
# The detector's features (words around the trigger) are many and sparse for ~3,500
# examples: a stronger L2 penalty than the role model's gives the lowest held-out log
# loss (4-fold CV, hadath/models/README.md).
DETECT_PARAMS = {**PARAMS, "c2": 10.0}
Example = tuple[list[str], str]


def _covering(gold: GoldSentence, body: str, view: TriggerView) -> list[GoldEvent]:
    """Gold events of the trigger's type whose evidence covers the trigger word, wholly or
    in part: an evidence often starts after the word's clitic (``التقى`` of ``والتقى``)."""
    token = view.tokens[view.match.start]
    out = []
    for event in gold.events:
        start = body.find(event.evidence)
        inside = start >= 0 and start < token.end and token.start < start + len(event.evidence)
        if event.type == view.match.type and inside:
            out.append(event)
    return out


def role_labels(spans: list[Span], view: TriggerView, events: list[GoldEvent]) -> list[str]:
    """``source``/``target``/``none`` per candidate: each gold actor labels one candidate
    only, the one whose text equals it (else contains it or lies inside it) nearest the
    trigger, so repeated mentions of the same actor elsewhere in the sentence are not
    taught as its source or target."""
    labels = ["none"] * len(spans)
    for role in ("source", "target"):
        for event in events:
            gold = getattr(event, role)
            index = _best_candidate(spans, view, gold) if gold is not None else None
            if index is not None and labels[index] == "none":
                labels[index] = role
    return labels


def _best_candidate(spans: list[Span], view: TriggerView, gold: str) -> int | None:
    agreeing = [i for i, span in enumerate(spans) if actors_agree(gold, span.text)]
    if not agreeing:
        return None
    key = actor_key(gold)
    at = view.match.start
    return min(agreeing, key=lambda i: (actor_key(spans[i].text) != key,
                                        abs(view.slots[i].first - at)))  # fmt: skip


def examples(gold: list[GoldSentence],
             extractor: EventExtractor) -> tuple[list[Example], list[Example]]:  # fmt: skip
    """Event and role examples of the gold sentences."""
    pipeline = Pipeline(["segment", "tokenize", "published", "entities"], [])
    seen: list[tuple[int, TriggerView, bool]] = []
    roles: list[tuple[int, Example]] = []
    for number, sentence in enumerate(gold):
        fold = number * BELIEF_FOLDS // len(gold)
        published = date.fromisoformat(sentence.published) if sentence.published else None
        known = outlet_by_url(sentence.url) if sentence.url else None  # as prepare_input
        doc = Document(sentence.id, "gold", sentence.text, "jsonl", published=published, title="",
                       outlet=known.id if known else None)  # fmt: skip
        pipeline(doc)
        for article in doc.articles:
            for unit, inside in sentence_mentions(article):
                spans, views = extractor.views(article, unit, inside)
                for view in views:
                    covering = _covering(sentence, article.body, view)
                    seen.append((fold, view, bool(covering)))
                    if covering:
                        labels = role_labels(spans, view, covering)
                        for slot, label in zip(view.slots, labels, strict=True):
                            roles.append((fold, (role_features(view, slot, extractor.cues), label)))
    beliefs = _cross_fitted_beliefs(seen, roles, extractor.cues)
    detect = [(event_features(view, scores), "event" if label else "none")
              for (_, view, label), scores in zip(seen, beliefs, strict=True)]  # fmt: skip
    return detect, [example for _, example in roles]


BELIEF_FOLDS = 4  # the detector's role-model features come from models of 3/4 of the data


def _cross_fitted_beliefs(seen: list[tuple[int, TriggerView, bool]],
                          roles: list[tuple[int, Example]],
                          cues: Cues) -> list[list[dict[str, float]]]:  # fmt: skip
    """The role model's scores for every trigger's candidates, each from a role model
    trained on the other folds' sentences, so the detector learns from beliefs as
    unsure as those it will see on new text (a role model scoring its own training
    sentences is surer)."""
    out: list[list[dict[str, float]]] = [[] for _ in seen]
    with tempfile.TemporaryDirectory() as tmp:
        for fold in range(BELIEF_FOLDS):
            path = Path(tmp) / f"roles{fold}.crfsuite"
            others = [ex for f, ex in roles if f != fold]
            if not others:  # too few sentences to split: no beliefs (all buckets 0)
                continue
            train(others, path)
            tagger = pycrfsuite.Tagger()
            tagger.open(str(path))
            for n, (f, view, _) in enumerate(seen):
                if f != fold:
                    continue
                for slot in view.slots:
                    tagger.set([role_features(view, slot, cues)])
                    out[n].append({r: tagger.marginal(r, 0) for r in ROLES})
    return out


def train(data: list[Example], path: Path, params: dict = PARAMS) -> None:
    trainer = pycrfsuite.Trainer(verbose=False)
    for features, label in data:
        trainer.append([features], [label])
    trainer.set_params(params)
    path.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(path))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--gold", nargs="*", type=Path,
                        default=sorted((ROOT / "eval").glob("events-train-*.jsonl")))  # fmt: skip
    parser.add_argument("--out", type=Path, default=None, help="directory for the two models")
    args = parser.parse_args(argv)
    if any(p.name.startswith("events-dev") for p in args.gold):
        parser.error("the dev set is for scoring, not training")
    gold = [s for path in args.gold for s in load_gold(path)]
    extractor = EventExtractor(Lexicon.load(), Cues.load(), KnowledgeBase.load())
    detect_path = args.out / DETECT_PATH.name if args.out else DETECT_PATH
    roles_path = args.out / ROLES_PATH.name if args.out else ROLES_PATH
    detect, roles = fit(gold, extractor, detect_path, roles_path)
    print(f"{len(gold)} sentences from {len(args.gold)} files; "
          f"event examples {dict(Counter(lb for _, lb in detect))}, "
          f"role examples {dict(Counter(lb for _, lb in roles))}")  # fmt: skip
    print(f"wrote {detect_path} and {roles_path}")
    return 0


def fit(gold: list[GoldSentence], extractor: EventExtractor, detect_path: Path,
        roles_path: Path) -> tuple[list[Example], list[Example]]:  # fmt: skip
    """Train both models on the gold sentences; their examples."""
    detect, roles = examples(gold, extractor)
    train(detect, detect_path, DETECT_PARAMS)
    train(roles, roles_path)
    return detect, roles


if __name__ == "__main__":
    raise SystemExit(main())
