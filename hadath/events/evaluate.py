"""Scoring hadath's events against a gold set of annotated sentences.

Gold (``eval/events-dev.jsonl``, see ``docs/annotation-guidelines.md``) is one JSON
object per sentence: ``id``, ``source``, ``published``, ``text`` and ``events``.
Protocol: :func:`prepare_input` writes each sentence as one clean-article JSONL
record (``{"id", "text", "title": "", "published"}``), so its article id is
``<gold id>-0``; hadath runs on that file; predicted event records (export format)
are aligned to gold sentences by article id (and by the ids in ``reports``). A fused
event is one record for all its reports, its sides in the words of the earliest one;
scored for another report's sentence, each side takes that article's own words for
the same entity when the entity export shows it mentioned there.

Three levels, each a one-to-one greedy alignment within a sentence:
``type`` (same PLOVER type), ``type+source+target`` (also source and target texts
agree after normalization, ال stripped, containment either way, null only with
null) and ``date`` (also the same date; only gold and predicted events that have
a date take part). A gold event without a ``date_text`` is dated by the sentence's
``published`` day, as hadath dates an event whose clause names no day (the issue's
"else the article's"). Identical predictions in a sentence are counted once.
Negation and hypothetical flags are reported apart, over type-level matches.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any

from hadath.events.gold import FLAGS, TYPES, GoldEvent, GoldSentence, load_gold, parse_sentence
from hadath.scoring import Counts
from hadath.text.normalize import normalize

__all__ = [
    "TYPES",
    "GoldEvent",
    "GoldSentence",
    "Report",
    "article_dated",
    "confidence_table",
    "evaluate",
    "load_gold",
    "mention_texts",
    "parse_sentence",
    "prepare_input",
    "run_and_evaluate",
    "score",
]
LEVELS = ("type", "type+source+target", "date")
EVAL_DB = "events-eval.duckdb"
_NOISE = re.compile(r"[«»\"“”'‘’()\[\]،,.:؛;!؟?\-–—_ـ]+")


def actor_key(text: str | None) -> tuple[str, ...] | None:
    """Words of an actor text for matching: normalized, no punctuation, ال stripped."""
    if text is None:
        return None
    words = _NOISE.sub(" ", normalize(text)).split()
    return tuple(w[2:] if w.startswith("ال") and len(w) > 3 else w for w in words) or None


def _contains(big: tuple[str, ...], small: tuple[str, ...]) -> bool:
    n = len(small)
    return any(big[i : i + n] == small for i in range(len(big) - n + 1))


def actors_agree(gold: str | None, predicted: str | None) -> bool:
    """Null only matches null; otherwise one word sequence contains the other."""
    a, b = actor_key(gold), actor_key(predicted)
    if a is None or b is None:
        return a is None and b is None
    return _contains(a, b) or _contains(b, a)


@dataclass(frozen=True)
class Predicted:
    """The fields of a predicted event record that scoring looks at."""

    type: str
    source: str | None
    target: str | None
    date: str | None
    negated: bool
    hypothetical: bool


def _span_text(value: Any) -> str | None:
    if isinstance(value, dict):
        value = value.get("text")
    return value if isinstance(value, str) and value.strip() else None


def _iso(value: Any) -> str | None:
    if isinstance(value, date):
        return value.isoformat()
    return str(value)[:10] if value else None


def as_predicted(record: dict[str, Any]) -> Predicted:
    """A predicted event from an export-format record."""
    return Predicted(
        type=str(record.get("type") or "").upper(),
        source=_span_text(record.get("source")),
        target=_span_text(record.get("target")),
        date=_iso(record.get("date")),
        negated=bool(record.get("negated")),
        hypothetical=bool(record.get("hypothetical")),
    )


def _matches(level: str, g: GoldEvent, p: Predicted) -> bool:
    if g.type != p.type:
        return False
    if level == "type":
        return True
    agree = actors_agree(g.source, p.source) and actors_agree(g.target, p.target)
    return agree and (level != "date" or g.date == p.date)


def align(level: str, gold: list[GoldEvent], pred: list[Predicted]) -> list[tuple[int, int]]:
    """One-to-one greedy pairs (gold index, predicted index), gold in order.

    Among the predictions a gold event may take, it takes the one agreeing on most
    of type, actors and date (the earliest on ties), so stricter agreement wins.
    """
    used: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for gi, g in enumerate(gold):
        options = [pi for pi, p in enumerate(pred) if pi not in used and _matches(level, g, p)]
        if options:
            best = max(options, key=lambda pi: (_strength(g, pred[pi]), -pi))
            used.add(best)
            pairs.append((gi, best))
    return pairs


def _strength(g: GoldEvent, p: Predicted) -> int:
    return sum(_matches(level, g, p) for level in LEVELS)




@dataclass
class FlagCounts:
    """Gold events carrying a flag, those matched (type level), and matched ones flagged."""

    gold: int = 0
    matched: int = 0
    flagged: int = 0
    spurious: int = 0  # matched predictions flagged where gold is not

    def as_dict(self) -> dict[str, int]:
        return asdict(self)


@dataclass
class Report:
    micro: dict[str, Counts] = field(default_factory=lambda: {lv: Counts() for lv in LEVELS})
    per_type: dict[str, dict[str, Counts]] = field(default_factory=dict)
    flags: dict[str, FlagCounts] = field(default_factory=lambda: {f: FlagCounts() for f in FLAGS})
    sentences: int = 0
    gold_events: int = 0
    predicted_events: int = 0
    missing_articles: list[str] = field(default_factory=list)
    unaligned_predictions: int = 0

    def _count(self, level: str, type_: str) -> Counts:
        by_level = self.per_type.setdefault(type_, {lv: Counts() for lv in LEVELS})
        return by_level[level]

    def add(self, level: str, type_: str, outcome: str) -> None:
        for counts in (self.micro[level], self._count(level, type_)):
            setattr(counts, outcome, getattr(counts, outcome) + 1)

    def as_dict(self) -> dict[str, Any]:
        return {
            "sentences": self.sentences,
            "gold_events": self.gold_events,
            "predicted_events": self.predicted_events,
            "micro": {lv: c.as_dict() for lv, c in self.micro.items()},
            "per_type": {
                t: {lv: c.as_dict() for lv, c in by.items()}
                for t, by in sorted(self.per_type.items())
            },
            "flags": {f: c.as_dict() for f, c in self.flags.items()},
            "missing_articles": list(self.missing_articles),
            "unaligned_predictions": self.unaligned_predictions,
        }

    def as_table(self) -> str:
        """A plain-text table: micro rows per level, then per-type rows, then flags."""
        head = f"{'':<28}{'P':>7}{'R':>7}{'F1':>7}{'tp':>6}{'fp':>6}{'fn':>6}"
        rows = [head] + [_row(f"micro {lv}", c) for lv, c in self.micro.items()]
        for type_, by in sorted(self.per_type.items()):
            rows += [_row(f"{type_} {lv}", c) for lv, c in by.items() if c.tp + c.fp + c.fn]
        for flag, c in self.flags.items():
            rows.append(
                f"{flag}: {c.flagged}/{c.matched} matched gold flagged "
                f"({c.gold} in gold), {c.spurious} spurious"
            )
        rows.append(
            f"{self.sentences} sentences, {self.gold_events} gold events, "
            f"{self.predicted_events} predicted; {len(self.missing_articles)} sentences "
            f"without an article, {self.unaligned_predictions} predictions unaligned"
        )
        return "\n".join(rows)


def _row(name: str, c: Counts) -> str:
    return f"{name:<28}{c.precision:>7.3f}{c.recall:>7.3f}{c.f1:>7.3f}{c.tp:>6}{c.fp:>6}{c.fn:>6}"


def _article_to_gold(gold: list[GoldSentence], articles: Iterable[dict[str, Any]] | None):
    """Article id -> gold id: ``<id>-0`` always, and each stored article by its doc_id."""
    ids = {g.id for g in gold}
    mapping = {g.article_id: g.id for g in gold}
    for article in articles or ():
        if article.get("doc_id") in ids:
            mapping[article["id"]] = article["doc_id"]
    return mapping


MentionTexts = dict[tuple[str, str], str]


def mention_texts(entities: Iterable[dict[str, Any]]) -> MentionTexts:
    """(entity id, article id) -> the entity's first mention text in that article."""
    texts: MentionTexts = {}
    for entity in entities:
        for mention in sorted(entity.get("mentions") or (), key=lambda m: m["start"]):
            texts.setdefault((entity["id"], mention["article_id"]), mention["text"])
    return texts


def _in_words_of(record: dict[str, Any], article_id: str, texts: MentionTexts) -> dict[str, Any]:
    """The record with each side in ``article_id``'s own words for the same entity."""
    if article_id == record.get("article_id"):
        return record
    moved = dict(record)
    for side in ("source", "target"):
        value = record.get(side)
        if isinstance(value, dict) and (value.get("entity_id"), article_id) in texts:
            moved[side] = {**value, "text": texts[value["entity_id"], article_id]}
    return moved


def group_predictions(
    gold: list[GoldSentence],
    predicted_events: Iterable[dict[str, Any]],
    articles: Iterable[dict[str, Any]] | None = None,
    texts: MentionTexts | None = None,
) -> tuple[dict[str, list[Predicted]], int]:
    """Predictions per gold id (deduplicated), and how many records named no gold sentence.

    ``texts`` (:func:`mention_texts`) lets a fused event speak in each report's words.
    """
    mapping = _article_to_gold(gold, articles)
    grouped: dict[str, list[Predicted]] = {g.id: [] for g in gold}
    unaligned = 0
    for record in predicted_events:
        article_ids = [record.get("article_id"), *(record.get("reports") or [])]
        reports = {mapping[a]: a for a in reversed(article_ids) if a in mapping}
        unaligned += not reports
        for gold_id, article_id in reports.items():
            event = as_predicted(_in_words_of(record, article_id, texts or {}))
            if event not in grouped[gold_id]:
                grouped[gold_id].append(event)
    return grouped, unaligned


def score(
    gold: list[GoldSentence],
    predicted_events: Iterable[dict[str, Any]],
    articles: Iterable[dict[str, Any]] | None = None,
    texts: MentionTexts | None = None,
) -> Report:
    """Precision, recall and F1 per level and type; ``articles`` (export records) and
    ``texts`` (:func:`mention_texts` of the entity records) are optional."""
    articles = list(articles) if articles is not None else None
    grouped, unaligned = group_predictions(gold, predicted_events, articles, texts)
    report = Report(sentences=len(gold), unaligned_predictions=unaligned)
    stored = {a["id"] for a in articles} if articles is not None else None
    for sentence in gold:
        if stored is not None and sentence.article_id not in stored:
            report.missing_articles.append(sentence.id)
        preds = grouped[sentence.id]
        report.gold_events += len(sentence.events)
        report.predicted_events += len(preds)
        gold_events = [article_dated(e, sentence.published) for e in sentence.events]
        _score_sentence(report, gold_events, preds)
    return report


def article_dated(event: GoldEvent, published: str | None) -> GoldEvent:
    """A gold event whose clause names no day takes the publication date."""
    if event.date_text is None and event.date is None and published:
        return replace(event, date=published)
    return event


def _score_sentence(report: Report, gold: list[GoldEvent], pred: list[Predicted]) -> None:
    for level in LEVELS:
        g_in = [g for g in gold if level != "date" or g.date]
        p_in = [p for p in pred if level != "date" or p.date]
        pairs = align(level, g_in, p_in)
        for gi, _ in pairs:
            report.add(level, g_in[gi].type, "tp")
        matched_g, matched_p = {gi for gi, _ in pairs}, {pi for _, pi in pairs}
        for gi, g in enumerate(g_in):
            if gi not in matched_g:
                report.add(level, g.type, "fn")
        for pi, p in enumerate(p_in):
            if pi not in matched_p:
                report.add(level, p.type, "fp")
        if level == "type":
            _score_flags(report, [(g_in[gi], p_in[pi]) for gi, pi in pairs], gold)


def _score_flags(
    report: Report, pairs: list[tuple[GoldEvent, Predicted]], gold: list[GoldEvent]
) -> None:
    for flag in FLAGS:
        counts = report.flags[flag]
        counts.gold += sum(getattr(g, flag) for g in gold)
        for g, p in pairs:
            if getattr(g, flag):
                counts.matched += 1
                counts.flagged += getattr(p, flag)
            elif getattr(p, flag):
                counts.spurious += 1


def prepare_input(gold: list[GoldSentence], path: str | Path) -> Path:
    """Write the gold sentences as clean-article JSONL records for ``hadath run``."""
    path = Path(path)
    with path.open("w", encoding="utf-8") as out:
        for g in gold:
            record = {"id": g.id, "text": g.text, "title": "", "published": g.published}
            if g.url is not None:  # the outlet, hence its country (a Saudi paper's المملكة)
                record["url"] = g.url
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


def evaluate_store(gold: list[GoldSentence], store: Any, min_confidence: float = 0.0) -> Report:
    """Score the events stored in an open :class:`~hadath.store.db.Store` whose confidence
    is at least ``min_confidence``."""
    return _score_confident(gold, _stored(store), min_confidence)


@dataclass(frozen=True)
class _Stored:
    """What scoring reads from a store: event and article records, mention texts."""

    events: list[dict[str, Any]]
    articles: list[dict[str, Any]]
    texts: MentionTexts


def _stored(store: Any) -> _Stored:
    """The store's event and article export records and its entities' mention texts."""
    from hadath.export import records

    return _Stored(
        list(records(store, "events")),
        list(records(store, "articles")),
        mention_texts(records(store, "entities")),
    )


def _score_confident(gold: list[GoldSentence], stored: _Stored, min_confidence: float) -> Report:
    kept = [e for e in stored.events if (e["confidence"] or 0.0) >= min_confidence]
    return score(gold, kept, stored.articles, stored.texts)


CONFIDENCE_STEPS = (0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6)


def confidence_table(gold: list[GoldSentence], store: Any,
                     steps: Iterable[float] = CONFIDENCE_STEPS) -> str:  # fmt: skip
    """Micro scores when only events of at least each confidence are kept: how much
    precision an analyst buys with how much recall."""
    stored = _stored(store)  # read once, scored at every step
    rows = [f"{'confidence >=':<14}{'events':>7}  {'type P/R/F1':<20}{'type+source+target P/R/F1'}"]
    for step in steps:
        report = _score_confident(gold, stored, step)
        kind, full = report.micro["type"], report.micro["type+source+target"]
        rows.append(
            f"{step:<14.2f}{report.predicted_events:>7}  "
            f"{kind.precision:.3f} {kind.recall:.3f} {kind.f1:.3f}  "
            f"{full.precision:.3f} {full.recall:.3f} {full.f1:.3f}"
        )
    return "\n".join(rows)


def evaluate(gold_path: str | Path, db_path: str | Path) -> Report:
    """Score the events of a hadath database (made from :func:`prepare_input`'s file)."""
    from hadath.store.db import Store

    gold = load_gold(gold_path)
    with Store(db_path, read_only=True) as store:
        return evaluate_store(gold, store)


def run_and_evaluate(gold_path: str | Path, workdir: str | Path, pipeline: Any = None,
                     min_confidence: float = 0.0) -> Report:  # fmt: skip
    """Prepare the input in ``workdir``, run hadath into a fresh database there
    (``workdir / EVAL_DB``), score the events of at least ``min_confidence``.

    ``pipeline`` (a :class:`~hadath.pipeline.Pipeline`) defaults to the full one.
    """
    from hadath.runner import Runner
    from hadath.store.db import Store

    gold = load_gold(gold_path)
    workdir = Path(workdir)
    workdir.mkdir(parents=True, exist_ok=True)
    source = prepare_input(gold, workdir / "events-input.jsonl")
    db = workdir / EVAL_DB
    for stale in (db, db.with_name(db.name + ".wal")):
        stale.unlink(missing_ok=True)
    with Store(db) as store:
        Runner(store, pipeline).run([str(source)])
        return evaluate_store(gold, store, min_confidence)
