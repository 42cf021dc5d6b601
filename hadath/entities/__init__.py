"""Named-entity tagging: a CRF tagger trained in the repo, and its evaluation."""

from hadath.entities.tagger import Tagger

__all__ = ["Tagger"]
