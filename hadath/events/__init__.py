"""PLOVER events from Arabic news: the trigger lexicon, the cue lists and the extractor.

The knowledge lives in ``hadath/data/events`` (``triggers.yaml``, ``cues.yaml``,
``plover.yaml``; see the README there); :class:`~hadath.events.lexicon.Lexicon` and
:class:`~hadath.events.cues.Cues` load and validate it.
"""

from __future__ import annotations

from hadath.events.cues import Cues
from hadath.events.lexicon import Lexicon, Trigger, TriggerMatch

__all__ = ["Cues", "Lexicon", "Trigger", "TriggerMatch"]
