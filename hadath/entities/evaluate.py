"""CoNLL-style evaluation of entity tagging: exact-span precision, recall and F1.

A gold or predicted entity is a maximal run of ``B-T``/``I-T`` tags (an ``I-T``
that does not continue a ``T`` entity starts a new one, as in conlleval). An
entity counts as found only when start, end and type all match exactly: a
partial span or a wrong type is both a false positive and a false negative.

Only hadath's types are scored: ``PER`` (ANERcorp's ``PERS``), ``ORG`` and
``LOC`` (``GPE`` counts as ``LOC``). Other types, ANERcorp's ``MISC`` among
them, are ignored on both sides, as if tagged ``O``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from hadath.errors import InputError
from hadath.scoring import Counts

TYPES = ("PER", "ORG", "LOC")
TYPE_MAP = {"PER": "PER", "PERS": "PER", "ORG": "ORG", "LOC": "LOC", "GPE": "LOC"}
_TAG = re.compile(r"^(O|[BI]-[A-Za-z_]+)$")

Sentence = list[tuple[str, str]]
Entity = tuple[int, int, str]


class SupportsTag(Protocol):
    def tag(self, words: list[str]) -> list[str]: ...


def read_conll(path: str | Path) -> list[Sentence]:
    """Sentences of a CoNLL file: ``token ... TAG`` a line, blank line between sentences.

    The token is the first column and the tag the last; ``-DOCSTART-`` lines are
    skipped. A line with one column or a tag that is not ``O``/``B-X``/``I-X``
    raises :class:`InputError` naming the file and line.
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(str(path), f"cannot read CoNLL file: {exc}") from None
    sentences: list[Sentence] = []
    current: Sentence = []
    for number, line in enumerate(text.splitlines(), start=1):
        fields = line.split()
        if not fields:
            if current:
                sentences.append(current)
                current = []
            continue
        if fields[0] == "-DOCSTART-":
            continue
        if len(fields) < 2:
            raise InputError(f"{path}:{number}", f"expected 'token TAG', got {line.strip()!r}")
        if not _TAG.match(fields[-1]):
            raise InputError(f"{path}:{number}", f"invalid tag {fields[-1]!r} (want O, B-X or I-X)")
        current.append((fields[0], fields[-1]))
    if current:
        sentences.append(current)
    return sentences


def entities(tags: Sequence[str]) -> set[Entity]:
    """Exact ``(start, end, type)`` spans (end exclusive) of hadath types in a BIO sequence."""
    found: set[Entity] = set()
    start, kind = -1, ""
    for index, tag in enumerate([*tags, "O"]):
        prefix, _, raw = tag.partition("-")
        new_kind = TYPE_MAP.get(raw, "") if prefix in ("B", "I") else ""
        continues = prefix == "I" and new_kind == kind and kind != ""
        if kind and not continues:
            found.add((start, index, kind))
            kind = ""
        if new_kind and not continues:
            start, kind = index, new_kind
    return found


@dataclass(slots=True)
class Report:
    """Per-type and micro-averaged exact-span scores."""

    per_type: dict[str, Counts] = field(default_factory=lambda: {t: Counts() for t in TYPES})
    sentences: int = 0
    tokens: int = 0

    @property
    def micro(self) -> Counts:
        total = Counts()
        for counts in self.per_type.values():
            total.tp += counts.tp
            total.fp += counts.fp
            total.fn += counts.fn
        return total

    def as_dict(self) -> dict:
        """JSON-ready figures: per type, micro, and the size of the evaluated data."""
        return {
            "sentences": self.sentences,
            "tokens": self.tokens,
            "types": {t: c.as_dict() for t, c in self.per_type.items()},
            "micro": self.micro.as_dict(),
        }

    def as_json(self) -> str:
        return json.dumps(self.as_dict(), ensure_ascii=False, indent=2)

    def as_table(self) -> str:
        """A plain-text table: one row per type, then the micro average."""
        head = f"{'type':<6} {'prec':>6} {'rec':>6} {'F1':>6} {'gold':>6} {'pred':>6} {'ok':>6}"
        rows = [head, "-" * len(head)]
        named = [*self.per_type.items(), ("micro", self.micro)]
        for name, c in named:
            rows.append(
                f"{name:<6} {c.precision:>6.3f} {c.recall:>6.3f} {c.f1:>6.3f} "
                f"{c.tp + c.fn:>6} {c.tp + c.fp:>6} {c.tp:>6}"
            )
        rows.append(f"({self.sentences} sentences, {self.tokens} tokens; exact-span match)")
        return "\n".join(rows)


def score(gold: Sequence[Sentence], pred: Sequence[Sentence]) -> Report:
    """Compare predicted with gold sentences (same sentences, same tokens, in order)."""
    if len(gold) != len(pred):
        raise ValueError(f"{len(gold)} gold sentences but {len(pred)} predicted")
    report = Report()
    for number, (gold_sent, pred_sent) in enumerate(zip(gold, pred, strict=True), start=1):
        if len(gold_sent) != len(pred_sent):
            raise ValueError(
                f"sentence {number}: {len(gold_sent)} gold tokens but {len(pred_sent)} predicted"
            )
        report.sentences += 1
        report.tokens += len(gold_sent)
        add_sentence(report, [t for _, t in gold_sent], [t for _, t in pred_sent])
    return report


def add_sentence(report: Report, gold_tags: Sequence[str], pred_tags: Sequence[str]) -> None:
    """Add one sentence's true/false positives and false negatives to ``report``."""
    gold_set, pred_set = entities(gold_tags), entities(pred_tags)
    for _, _, kind in gold_set & pred_set:
        report.per_type[kind].tp += 1
    for _, _, kind in pred_set - gold_set:
        report.per_type[kind].fp += 1
    for _, _, kind in gold_set - pred_set:
        report.per_type[kind].fn += 1


def tag_sentences(sentences: Sequence[Sentence], tagger: SupportsTag) -> list[Sentence]:
    """The same sentences with the gold tags replaced by ``tagger``'s."""
    out: list[Sentence] = []
    for sent in sentences:
        words = [word for word, _ in sent]
        out.append(list(zip(words, tagger.tag(words), strict=True)))
    return out


def evaluate_file(path: str | Path, tagger: SupportsTag | None = None) -> Report:
    """Tag the words of a CoNLL file with ``tagger`` and score against its tags.

    ``tagger`` defaults to the shipped model (:meth:`hadath.entities.tagger.Tagger.load`).
    For ``hadath eval ner FILE``: print ``report.as_table()`` and ``report.as_json()``.
    """
    if tagger is None:
        from hadath.entities.tagger import Tagger

        tagger = Tagger.load()
    gold = read_conll(path)
    return score(gold, tag_sentences(gold, tagger))
