"""Precision, recall and F1 from counts: shared by every ``hadath eval`` command."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(slots=True)
class Counts:
    """True positives, false positives and false negatives of one measured category."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float | int]:
        """Rounded scores with the counts behind them (gold = tp + fn, predicted = tp + fp)."""
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "gold": self.tp + self.fn,
            "predicted": self.tp + self.fp,
            "correct": self.tp,
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
        }
