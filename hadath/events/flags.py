"""Whether a trigger reports what did not happen (``negated``) or has not happened yet
(``hypothetical``), from the cue lists of ``hadath/data/events/cues.yaml`` around it:
single words, phrases (``من المقرر``، ``في حال``) and patterns (``قد`` + an imperfect)."""

from __future__ import annotations

from collections.abc import Iterable

from hadath.events.cues import Cues
from hadath.events.lexicon import TriggerMatch
from hadath.model import Token

NEGATION_REACH = 2  # tokens before the trigger searched for a negation
HYPOTHETICAL_BEFORE = 3  # tokens before and after it searched for a hypothetical cue
HYPOTHETICAL_AFTER = 2


def negated(cues: Cues, tokens: list[Token], match: TriggerMatch, bounds: tuple[int, int],
            far: list[int]) -> bool:  # fmt: skip
    """A negation right before the trigger (``لم تؤكد``، ``لم يتم``، ``نفى أن``), or the
    clause says the sides are still far from it (``مازالتا بعيدتين عن``); ``far`` is the
    sentence's :func:`still_far` positions."""
    before = range(max(bounds[0], match.start - NEGATION_REACH), match.start)
    if _cue_at(cues, "negation", tokens, before):
        return True
    return any(bounds[0] <= i < bounds[1] for i in far)


def still_far(cues: Cues, tokens: list[Token]) -> list[int]:
    """Where a sentence says its sides are still far from something (once a sentence)."""
    return [start for start, _ in cues.find_all("still_far", tokens)]


def hypothetical(cues: Cues, tokens: list[Token], match: TriggerMatch, bounds: tuple[int, int],
                 phrases: dict[int, int] | None = None) -> bool:  # fmt: skip
    """A future prefix on the trigger, or a cue of intention, expectation, possibility or
    condition around it; the future of a verb of going on (``ستواصل دعم``) is not one.
    Looking back, punctuation does not count and an actor's phrase (``phrases``: its last
    token -> its first) counts as one word (``استعداد (الجيش الحر) لعقد لقاء``)."""
    if "س" in tokens[match.start].prefixes:
        return True
    near = [
        *_words_before(tokens, match.start, bounds[0], phrases or {}),
        *range(match.end, min(bounds[1], match.end + HYPOTHETICAL_AFTER)),
    ]
    going_on = cues.lists["continuing"]
    cues_near = [i for i in near if not going_on.contains(tokens[i])]
    return _cue_at(cues, "hypothetical", tokens, cues_near)


def _words_before(tokens: list[Token], start: int, floor: int,
                  phrases: dict[int, int]) -> list[int]:  # fmt: skip
    """Positions of the ``HYPOTHETICAL_BEFORE`` words before ``start`` (not before
    ``floor``), skipping punctuation and reading a phrase as one word."""
    out, i, words = [], start - 1, 0
    while i >= floor and words < HYPOTHETICAL_BEFORE:
        if tokens[i].is_punct:
            i -= 1
            continue
        first = phrases.get(i, i)
        out += range(max(first, floor), i + 1)
        i, words = first - 1, words + 1
    return out


def _cue_at(cues: Cues, name: str, tokens: list[Token], positions: Iterable[int]) -> bool:
    """A cue of list ``name`` (a word, a phrase such as ``من المقرر``, or a pattern such
    as ``قد`` + imperfect) starts at one of ``positions``."""
    return any(cues.match(name, tokens, i) > i for i in positions)
