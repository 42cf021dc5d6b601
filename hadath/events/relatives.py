"""A verb whose subject stands before it as the head of its clause: a relative clause
(``واشنطن التي تتهم النظام``، ``الهجوم الذي استهدف الجيش``) or an event noun the verb
describes (``هجوم استهدف الجيش التركي``، ``حملة تستهدف الحزب``). Its subject is that
head, an actor or not, and the actor after the verb is its object: read as verb-subject
order, the attacked army had been the attacker.

A pronoun that resumes the head on the verb or right after it (``الذي اغتاله داعش``،
``الوقت الذي استقبل فيه الرئيس``) makes the head the object; the subject then follows
the verb as usual (:func:`hadath.events.roles.subject_of_verb`).
"""

from __future__ import annotations

from collections.abc import Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass

from hadath.events.cues import Cues
from hadath.events.roles import (
    COMMA_TEXTS,
    COMPLEMENTIZERS,
    POSSESSIVES,
    Slot,
    has_conjunction,
    is_actor,
)
from hadath.model import Token
from hadath.text.normalize import DIACRITICS, normalize

RELATIVE_PRONOUNS = frozenset(normalize(w) for w in (
    "الذي", "التي", "الذين", "اللذين", "اللذان", "اللتين", "اللتان", "اللواتي", "اللاتي",
    "اللائي", "والذي", "والتي",
))  # fmt: skip
PRONOUN_SUFFIXES = (*POSSESSIVES, "هن")
RESUMING_PREPS = ("في", "علي", "ب", "من", "ل", "عن", "الي", "مع")  # normalized
PREP_PRONOUNS = frozenset(p + s for p in RESUMING_PREPS for s in PRONOUN_SUFFIXES)  # فيه، عليها
FEMININE_NOUN_ENDING = "ة"  # as written: "حملة تستهدف"، "عملية عسكرية استهدفت"
MARKER_REACH = 3  # tokens after a verb searched for a passive's agent marker


@dataclass(frozen=True, slots=True)
class Head:
    """The head a verb's clause hangs on, and the actor it names, if any."""

    slot: Slot | None


def clause_head(slots: Sequence[Slot], tokens: Sequence[Token], verb: int,
                bounds: tuple[int, int], nouns: AbstractSet[int], cues: Cues,
                ) -> Head | None:  # fmt: skip
    """The head that is the subject of the verb at ``verb``, or None when the verb's
    clause has none before it. ``nouns`` are the positions of nominal triggers."""
    lo, hi = bounds
    before = verb - 1
    if before < lo or has_conjunction(tokens[verb]) or _resumed(tokens, verb):
        return None
    if cues.find_all("agent_markers", tokens, verb + 1, min(hi, verb + 1 + MARKER_REACH)):
        return None  # a passive: "النساء اللاتي اختطفن من قبل مسلحي داعش"
    if tokens[before].norm in RELATIVE_PRONOUNS:
        return Head(_antecedent(slots, tokens, before, lo))
    if any(s.last == before for s in slots):
        return None  # an actor right before the verb: the usual rules read it
    noun = tokens[before]
    if not (before in nouns or _feminine_pair(noun, tokens[verb])):
        return None
    # "هجوم استهدف": a relative clause; "إن الغارات استهدفت": a nominal sentence; not a
    # definite noun ending a phrase before the verb ("وفي مستهل الاجتماع رحب")
    opening = tokens[before - 1] if before > lo else None
    opens = opening is None or opening.is_punct or opening.norm in COMPLEMENTIZERS
    return Head(None) if "ال" not in noun.prefixes or opens else None


def _antecedent(slots: Sequence[Slot], tokens: Sequence[Token], relative: int,
                lo: int) -> Slot | None:  # fmt: skip
    """The actor the relative pronoun at ``relative`` stands for: the one ending right
    before it (a comma between them allowed), the person whose title ends there
    (``موجيريني مفوضة السياسة الخارجية بالاتحاد الأوروبي التي زارت``), else none: a noun
    that is no actor, or a town a noun governs (``أبناء عدن الذين``)."""
    end = relative - 1
    if end >= lo and tokens[end].text in COMMA_TEXTS:
        end -= 1
    found = next((s for s in slots if s.last == end), None)
    if found is not None and found.prep == "في" and found.type in ("GPE", "LOC"):
        # "حكومة اقليم كردستان في شمال العراق التي تقاتل": the place qualifies the actor
        found = next((s for s in slots if s.last == found.first - 1), None)
    if found is not None and found.in_title:
        people = [s for s in slots if s.type == "PER" and s.last < found.first and not s.in_title]
        return people[-1] if people else None
    if found is None or not is_actor(found) or found.city or found.locale:
        return None
    return found


def _resumed(tokens: Sequence[Token], verb: int) -> bool:
    """A pronoun resumes the head: on the verb (``اغتاله``، ``يتهمها``; not the ه of the
    verb itself, ``واجه``) or on a preposition right after it (``فيه``، ``عليها``)."""
    token = tokens[verb]
    lemma = normalize(token.lemma) if token.lemma else ""
    for suffix in PRONOUN_SUFFIXES:
        if token.norm.endswith(suffix) and lemma and not lemma.endswith(suffix):
            return True
    if verb + 1 >= len(tokens):
        return False
    return tokens[verb + 1].norm in PREP_PRONOUNS


def _feminine_pair(noun: Token, verb: Token) -> bool:
    """A noun in ة and a feminine verb right after it (``حملة تستهدف``)."""
    written = DIACRITICS.sub("", noun.text)
    verb_text = DIACRITICS.sub("", verb.text)
    feminine_verb = verb_text.startswith("ت") or verb_text.endswith("ت")
    return not noun.is_punct and written.endswith(FEMININE_NOUN_ENDING) and feminine_verb
