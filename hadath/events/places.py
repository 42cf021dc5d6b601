"""Where an event happened: the place its own clause names, else the article's dateline
(unless the page has turned to another story by then)."""

from __future__ import annotations

from collections.abc import Sequence

from hadath.events.cues import Cues
from hadath.events.roles import Slot
from hadath.model import Article, Sentence, Span, Token

PLACE_PREPS = frozenset({"في", "ب"})  # a place after them is where it happened (بالرياض)
STRUCK_PREPS = frozenset({"علي", "ضد", None})  # normalized: على
PLACE_REACH = 6  # tokens: a place further from the trigger is a topic ("حول الأوضاع في ...")


def event_place(slots: list[Slot], mentions: list[Span], bounds: tuple[int, int], at: int,
                used: set[int]) -> Span | None:  # fmt: skip
    """The place mention nearest the trigger at token ``at`` in its clause, governed by
    في/بـ (``used``: slots that are the event's sides)."""
    near = [
        s for s in slots
        if s.type in ("GPE", "LOC") and s.index not in used
        and bounds[0] <= s.first < bounds[1] and abs(s.first - at) <= PLACE_REACH
    ]  # fmt: skip
    places = [s for s in near if s.prep in PLACE_PREPS]
    # else a town struck or besieged (على الزبداني), which is no side of the act
    places = places or [s for s in near if s.locale and s.first > at and s.prep in STRUCK_PREPS]
    if not places:
        return None
    return mentions[min(places, key=lambda s: abs(s.first - at)).index]


def dateline_place(article: Article, sentence: Sentence, cues: Cues) -> str | None:
    """The dateline's city, unless a sentence up to this one turned to another story
    (``من جهة أخرى``; cue list ``topic_shifts``): what follows may have happened anywhere."""
    if article.dateline is None:
        return None
    for earlier in article.sentences:
        if earlier.start > sentence.start:
            break
        tokens = earlier.tokens
        if tokens and cues.match("topic_shifts", tokens, _first_word(tokens)) > 0:
            return None
    return article.dateline


def _first_word(tokens: Sequence[Token]) -> int:
    """Index of the sentence's first word (past punctuation and a lone و)."""
    i = 0
    while i < len(tokens) - 1 and (tokens[i].is_punct or tokens[i].norm == "و"):
        i += 1
    return i
