"""Events of one sentence that share or join actors: conjoined sides (``التقى X ...
وY``، ``سيطر الجيش والمقاومة``), coordinated verbs that share a subject (``دعا ... كما
انتقد``), and one action said twice (a verb and its noun) kept once."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from hadath.events.lexicon import TriggerMatch
from hadath.events.roles import (
    COMMA_TEXTS,
    PREP_WORDS,
    PREPOSITIONS,
    QUOTES,
    Slot,
    clause_bounds,
    has_conjunction,
)
from hadath.model import Sentence, Span, Token
from hadath.text.normalize import normalize

if TYPE_CHECKING:
    from hadath.events.extract import Event

COORDINATION_REACH = 10  # tokens from one conjoined actor to the next ("كلاً من X ... وY")
TITLE_REACH = 3  # words of a title between و and the name it introduces ("ونظيره العراقي X")


def coordinated_targets(event: Event, sentence: Sentence, mentions: list[Span],
                         slots: list[Slot]) -> list[Event]:  # fmt: skip
    """The same event with each further target joined by و (``التقى X ... وY``), and
    each further source joined to the source (``سيطر الجيش الوطني والمقاومة الشعبية``):
    one event per source–target pair, as the annotation guidelines count them."""
    with_targets = [event, *_conjoined(event, "target", sentence, mentions, slots)]
    out = with_targets[1:]
    for each in with_targets:
        out += _conjoined(each, "source", sentence, mentions, slots)
    return out


def _conjoined(event: Event, role: str, sentence: Sentence, mentions: list[Span],
               slots: list[Slot]) -> list[Event]:  # fmt: skip
    """The event again with each actor joined by و to its ``role`` actor."""
    actor = getattr(event, role)
    index = next((i for i, m in enumerate(mentions) if m is actor), None)
    if index is None:
        return []
    tokens = sentence.tokens
    reach = COORDINATION_REACH if role == "target" else 1  # a source's partner follows it
    previous, out = slots[index], []
    end = clause_bounds(tokens, previous.first)[1]
    for slot in slots[index + 1 :]:
        if slot.last <= previous.last:
            continue  # inside the actor's own title (بوغدانوف's "إلى الشرق الأوسط وشمال إفريقيا")
        between = _between(tokens, previous.last, slot.first)
        if len(between) > reach or slot.first >= end:
            break
        same_kind = slot.type == previous.type or role == "source"
        joined = _joined(tokens[slot.first], between)
        if not joined and not slot.in_title:
            break  # another phrase ("مقاتلي التنظيم" before "والمدنيين"، "مع الولايات
            # المتحدة") ends the list; a name in the title of the one before does not
            # ("أوديبير المستشار … للرئيس الفرنسي فرنسوا هولاند ونيكولا دي ريفير")
        if joined and slot.prep is None and same_kind:
            other = mentions[slot.index]
            if other is not event.source and other is not event.target:
                start, stop = event.evidence
                evidence = (min(start, other.start), max(stop, other.end))
                out.append(replace(event, **{role: other}, evidence=evidence))
                previous = slot
    return out


def first_conjunct(slots: Sequence[Slot], tokens: Sequence[Token], index: int | None) -> int | None:
    """The first of the و-joined actors that the one at ``index`` ends (``نجح الجيش
    الوطني والمقاومة الشعبية في السيطرة``: the army; :func:`coordinated_targets` adds the
    resistance as a second source)."""
    while index is not None and index > 0:
        slot, before = slots[index], slots[index - 1]
        joined = before.last + 1 == slot.first and "و" in tokens[slot.first].prefixes
        if not (joined and before.prep is None and slot.prep is None):
            break
        index -= 1
    return index


def partners(tokens: Sequence[Token], slots: Sequence[Slot], index: int) -> set[int]:
    """Slots joined by و right after slot ``index``, with nothing else between (``هاجم
    الحوثيون وميليشيات صالح``): they act with it, so none of them is its target."""
    out: set[int] = set()
    previous = slots[index]
    for slot in slots[index + 1 :]:
        if slot.last <= previous.last:
            continue  # inside its own title
        between = _between(tokens, previous.last, slot.first)
        if len(between) > 1 or slot.prep is not None or not _joined(tokens[slot.first], between):
            break
        out.add(slot.index)
        previous = slot
    return out


def _joined(first: Token, between: list[Token]) -> bool:
    """The mention whose first word is ``first`` is joined by و to the previous actor,
    ``between`` being the words between them (:func:`_between`): on its first word, as a
    word of its own (``"الجيش الوطني" و"المقاومة الشعبية"``), or on the title right before
    it (``ونظيره العراقي خالد العبيدي``، ``ووزير الخارجية X``) when nothing but that
    title's words stands between."""
    if "و" in first.prefixes:
        return True
    if between and between[0].text in COMMA_TEXTS:
        between = between[1:]
    if between and between[0].norm == "و":
        between = between[1:]
        if not between:
            return True
    return (
        0 < len(between) <= TITLE_REACH
        and "و" in between[0].prefixes
        and not any(t.is_punct or t.norm in PREP_WORDS or PREPOSITIONS.intersection(t.prefixes)
                    for t in between)
    )  # fmt: skip


def _between(tokens: Sequence[Token], last: int, first: int) -> list[Token]:
    """The tokens between two mentions, quotation marks left out."""
    return [t for t in tokens[last + 1 : first] if t.text not in QUOTES]


def share_subject(event: Event, earlier: Event, own_subject: bool = True) -> None:
    """A verb joined to an earlier one has its subject (``دعا الرئيس الفرنسي ... كما
    انتقد``), and the earlier verb's object is not its subject (``التقى لافروف كيري
    وبحث معه``). ``own_subject`` False: the clause rules found no subject of the verb's
    own and the ranker's pick stands after it (in a later clause), so it gives way to
    the earlier subject."""
    object_taken = identity(event.source) == identity(earlier.target)
    if event.source is None or not own_subject or object_taken:
        event.source = earlier.source
        if identity(event.target) == identity(event.source):
            event.target = None
        if event.source is not None:
            start, end = event.evidence
            event.evidence = (min(start, event.source.start), max(end, event.source.end))


def is_coordinated(sentence: Sentence, match: TriggerMatch) -> bool:
    """A verb joined to an earlier one (``وانتقد``، ``كما انتقد``، ``ثم هاجم``)."""
    tokens = sentence.tokens
    verb = tokens[match.start]
    before = tokens[match.start - 1].norm if match.start else ""
    return has_conjunction(verb) or before in ("كما", "ثم")


def without_subsumed(events: list[Event]) -> list[Event]:
    """Drop an event that another of the sentence says more fully: same type, one side the
    same and the other missing (``أرسل الجانب الروسي مساعدات ... إلى مشفى حلب``: the verb
    and the noun are one action)."""
    keys = [(e.type, identity(e.source), identity(e.target)) for e in events]
    return [
        event for event, (kind, source, target) in zip(events, keys, strict=True)
        if not any(
            other != (kind, source, target) and other[0] == kind
            and (source is None or other[1] == source) and (target is None or other[2] == target)
            for other in keys
        )
    ]  # fmt: skip


def identity(span: Span | None) -> str | None:
    """Who a side is: its entity's key, else its normalized words (an unnamed
    participant); None only for a missing side."""
    if span is None:
        return None
    return span.attrs.get("key") or "text:" + normalize(span.text)
