"""The two sides of ``بين X وY`` after a nominal trigger (``لقاء بين X وY``، ``اشتباكات
بين القوات ومسلحين من جهة، و... من جهة أخرى``): who meets, agrees or fights whom."""

from __future__ import annotations

from collections.abc import Sequence

from hadath.events.roles import TARGET_REACH, Slot, is_actor, joined
from hadath.model import Token


def between_pair(slots: Sequence[Slot], tokens: Sequence[Token], end: int, bounds: tuple[int, int],
                 stop: int | None = None) -> tuple[Slot, Slot] | None:  # fmt: skip
    """``لقاء بين X و Y`` / ``اتفاق بين X و Y``: the two sides of a nominal trigger, found
    before ``stop`` (a word of necessity, whose object a later بين belongs to:
    ``المشاورات على ضرورة مواصلة الحوار بين موسكو وباريس``)."""
    limit = min(bounds[1], end + TARGET_REACH + 1, stop if stop is not None else bounds[1])
    for i, slot in enumerate(slots):
        if slot.first < end or slot.first >= limit:
            continue
        if slot.prep == "بين" and i + 1 < len(slots):
            other = _other_side(slots, tokens, i, bounds) or _last_of_list(slots, tokens, i)
            end = _side_end(tokens, slot, other)
            linked = other.first <= end + 3 and joined(tokens, end + 1, other.first)
            # a side found past the next actor (after من جهة, or the last of a list) was
            # found by its marker or by و, so it needs no closeness to the first side
            linked = linked or (other is not slots[i + 1] and other.prep is None)
            places = slot.locale and other.locale  # capitals stand for their states
            if linked and is_actor(slot) and is_actor(other) and not places:
                return slot, other  # not "الخط الرابط بين محافظة أبين وحضرموت": a road
    return None


def _last_of_list(slots: Sequence[Slot], tokens: Sequence[Token], first: int) -> Slot:
    """The side after ``slots[first]`` in ``بين X وY``: Y; in ``بين X وY وZ`` with no
    ``من جهة``, Z, the one the others fight (``بين الجيش الوطني والمقاومة ومليشيات
    الحوثي``: the writer names the allies first). ``slots[first]``'s partners in the
    list become sources of their own events (:mod:`hadath.events.coordination`)."""
    chain = [slots[first + 1]]
    for slot in slots[first + 2 :]:
        before = chain[-1]
        if slot.prep is not None or slot.first > before.last + 2:
            break
        if not joined(tokens, before.last + 1, slot.first):
            break
        chain.append(slot)
    return chain[-1] if len(chain) == 2 else chain[0]


SIDE_MARKERS = frozenset({"جهه", "طرف", "ناحيه"})  # "من جهة ... ومن جهة أخرى"
SIDE_REACH = 14  # tokens from بين to the "من جهة" that closes the first side


def _side_marker(tokens: Sequence[Token], i: int) -> bool:
    return tokens[i].norm == "من" and i + 1 < len(tokens) and tokens[i + 1].norm in SIDE_MARKERS


def _other_side(slots: Sequence[Slot], tokens: Sequence[Token], first: int,
                bounds: tuple[int, int]) -> Slot | None:  # fmt: skip
    """``بين قوات النظام وحزب الله من جهة، والفصائل وجبهة النصرة من جهة أخرى``: the
    first actor after the ``من جهة`` that closes the first side; the actors joined to
    ``slots[first]`` before it fight with it, not against it."""
    start = slots[first].last + 1
    end = min(bounds[1], start + SIDE_REACH)
    marker = next((i for i in range(start, end) if _side_marker(tokens, i)), None)
    if marker is None:
        return None
    return next((s for s in slots[first + 1 :] if s.first > marker + 1), None)


def _side_end(tokens: Sequence[Token], slot: Slot, other: Slot) -> int:
    """Where the first side ends: past its "من جهة" and comma when the other side follows."""
    end = slot.last
    while end + 1 < other.first and (_side_marker(tokens, end + 1) or tokens[end + 1].is_punct
                                     or tokens[end].norm == "من"):  # fmt: skip
        end += 1
    return end
