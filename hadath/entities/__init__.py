"""Named-entity tagging: a CRF tagger trained in the repo, and its evaluation."""

from hadath.entities.evaluate import Report, evaluate_file, read_conll, score
from hadath.entities.tagger import Tagger

__all__ = ["Report", "Tagger", "evaluate_file", "read_conll", "score"]
