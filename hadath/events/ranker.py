"""A learned second opinion on the rules: is a trigger a reported event, and which of
the sentence's actors is its source and which its target.

Two small maximum-entropy classifiers (python-crfsuite on one-item sequences, i.e.
multinomial logistic regression), trained by ``scripts/train_events.py`` on the
annotated training sentences ``eval/events-train-*.jsonl`` (never on the dev set):

* the *event* model sees a trigger in its sentence (the word, its entry, the words
  around it, negation and hypothetical cues, what the clause rules found, how sure the
  role model is of its best source and target) and says ``event`` or ``none``;
* the *role* model sees a trigger and one candidate actor (a slot of
  :mod:`hadath.events.arguments`): direction and distance, the preposition before
  the candidate, what stands between them (a complementizer, a speech verb, another
  trigger, a comma), and whether the rules chose it; it says ``source``, ``target``
  or ``none``.

The rules' choices are features, so the models learn where the rules are right. The
model files are ``hadath/models/event-detect.crfsuite`` and ``event-roles.crfsuite``;
without them hadath uses the rules alone.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pycrfsuite

from hadath.events.cues import Cues
from hadath.events.lexicon import TriggerMatch
from hadath.events.roles import ADVERBS, COMPLEMENTIZERS, QUOTES, Slot
from hadath.model import Token

MODELS_DIR = Path(__file__).resolve().parent.parent / "models"
DETECT_PATH = MODELS_DIR / "event-detect.crfsuite"
ROLES_PATH = MODELS_DIR / "event-roles.crfsuite"
ROLES = ("source", "target")


@dataclass(frozen=True, slots=True)
class TriggerView:
    """What the classifiers see of one trigger: its sentence and the rules' reading."""

    tokens: Sequence[Token]
    match: TriggerMatch
    bounds: tuple[int, int]
    slots: Sequence[Slot]
    rule_source: int | None  # slot index the rules chose, if any
    rule_target: int | None
    negated: bool
    hypothetical: bool
    triggers: frozenset[int]  # token positions of every trigger in the sentence
    antecedent: int | None = None  # the target a pronoun after the verb names (طلب منه)
    violent: frozenset[int] = frozenset()  # positions of the violent or coercive triggers


def _bucket(distance: int) -> str:
    for limit in (0, 1, 2, 4, 7, 12):
        if distance <= limit:
            return str(limit)
    return "far"


def _word(tokens: Sequence[Token], i: int) -> str:
    return tokens[i].stem if 0 <= i < len(tokens) else "<s>"


def event_features(view: TriggerView, roles: Sequence[dict[str, float]]) -> list[str]:
    """Features of a trigger for the event model; ``roles`` are the role model's scores
    for the sentence's candidates (:meth:`Ranker.roles`)."""
    return _base_event_features(view) + role_beliefs(view, roles)


BELIEF_STEPS = 5  # buckets of a role probability: [0, 0.2), [0.2, 0.4) ... 1.0


def role_beliefs(view: TriggerView, roles: Sequence[dict[str, float]]) -> list[str]:
    """How sure the role model is that some candidate is the trigger's source and some its
    target (its best probability for each, bucketed, also by part of speech), and of the
    rules' own choices: a trigger whose actors the role model cannot place is seldom a
    reported event (``قتل حزب العمال الكردستاني ضابطي شرطة``: both sides sure)."""
    out = []
    for role, rule in (("source", view.rule_source), ("target", view.rule_target)):
        best = _step(max((p.get(role, 0.0) for p in roles), default=0.0))
        out += [f"max_{role}={best}", f"max_{role}|pos={best}|{view.match.pos}"]
        if rule is not None and rule < len(roles):
            out.append(f"rule_{role}={_step(roles[rule].get(role, 0.0))}")
    return out


def _step(p: float) -> int:
    return min(int(p * BELIEF_STEPS), BELIEF_STEPS)


def _base_event_features(view: TriggerView) -> list[str]:
    tokens, match = view.tokens, view.match
    token = tokens[match.start]
    kind, pos = match.type, match.pos
    has = (view.rule_source is not None, view.rule_target is not None)
    return [
        "bias", f"id={match.trigger.id}", f"type={kind}", f"pos={pos}", f"w={token.stem}",
        f"lemma={token.lemma}", f"al={'ال' in token.prefixes}", f"wa={'و' in token.prefixes}",
        f"prev={_word(tokens, match.start - 1)}", f"next={_word(tokens, match.start + 1)}",
        f"prev2={_word(tokens, match.start - 2)}", f"neg={view.negated}",
        f"hyp={view.hypothetical}", f"sides={has}", f"type|sides={kind}|{has}",
        f"pos|sides={pos}|{has}", f"slots={min(len(view.slots), 5)}",
        f"start={_bucket(match.start - view.bounds[0])}",
        f"quoted={_quoted(tokens, match.start)}", f"id|sides={match.trigger.id}|{has}",
        f"prev|w={_word(tokens, match.start - 1)}|{token.stem}",
    ]  # fmt: skip


def _quoted(tokens: Sequence[Token], at: int) -> bool:
    """An odd number of quotation marks before the trigger: it stands inside a quote."""
    marks = sum(t.text in QUOTES for t in tokens[:at])
    return marks % 2 == 1


def role_features(view: TriggerView, slot: Slot, cues: Cues) -> list[str]:
    """Features of one candidate actor of a trigger for the role model."""
    tokens, match = view.tokens, view.match
    after = slot.first > match.start
    gap = range(match.start + 1, slot.first) if after else range(slot.last + 1, match.start)
    bucket = _bucket(len(gap))
    side = "after" if after else "before"
    kind, pos, prep = match.type, match.pos, slot.prep or "-"
    between = [tokens[i] for i in gap]
    others = [s for s in view.slots if s is not slot and _inside(s, gap)]
    rule = ("S" if slot.index == view.rule_source else "") + (
        "T" if slot.index == view.rule_target else ""
    )
    in_clause = view.bounds[0] <= slot.first < view.bounds[1]
    return [
        "bias", f"side={side}", f"dist={bucket}", f"side|dist={side}|{bucket}",
        f"prep={prep}", f"side|prep={side}|{prep}", f"type|prep={kind}|{prep}",
        f"type|side={kind}|{side}", f"pos|side={pos}|{side}", f"pos|side|prep={pos}|{side}|{prep}",
        f"preps={prep in match.target_preps}", f"stype={slot.type}", f"sector={slot.sector}",
        f"counted={slot.counted}", f"type|stype={kind}|{slot.type}",
        f"clause={in_clause}", f"rule={rule}", f"rule|side={rule}|{side}",
        f"comp={any(t.norm in COMPLEMENTIZERS for t in between)}",
        f"speech={any(cues.lists['speech_verbs'].contains(t) for t in between)}",
        f"trig={any(i in view.triggers for i in gap)}",
        f"comma={any(t.text in ('،', ',') for t in between)}",
        f"others={min(len(others), 3)}", f"first={not others}", f"side|first={side}|{not others}",
        f"before_slot={_word(tokens, slot.first - 1)}", f"head={tokens[slot.first].stem}",
        f"rank={side}|{min(len(others), 2)}|{prep}",
        f"id|side|prep={match.trigger.id}|{side}|{prep}",
        f"place={slot.type in ('GPE', 'LOC') and prep == 'في'}",
        f"next_to={pos}|{kind}|{side}|{len(gap) == 0 and slot.prep is None}",
        f"speaker={_speaker(tokens, slot, cues)}", f"victim|type={slot.victim}|{kind}",
        f"speaks={_speaks(view, slot, cues)}|{side}",
        f"sector|side={slot.sector}|{side}", f"named={slot.sector is None}|{side}|{kind}",
        f"lemma|side|prep={tokens[match.start].lemma}|{side}|{prep}",
        f"content={side}|{_bucket(_content_words(between))}",
        f"locale|side={slot.locale}|{side}",
    ]  # fmt: skip


def _content_words(between: Sequence[Token]) -> int:
    """Words between trigger and candidate other than punctuation and adverbs of time."""
    return sum(not t.is_punct and t.norm not in ADVERBS for t in between)


def _speaker(tokens: Sequence[Token], slot: Slot, cues: Cues) -> bool:
    """The candidate is the subject of a speech verb or a reporting frame right before it
    (``قالت وزارة ...``، ``نقلت وكالة ...``، ``وفق المرصد``)."""
    before = range(max(0, slot.first - 2), slot.first)
    return any(cues.lists["speech_verbs"].contains(tokens[i])
               or cues.lists["reporting_frames"].contains(tokens[i]) for i in before)  # fmt: skip



SPEAKER_REACH = 8  # tokens from a speech verb to its subject, across a title


def _speaks(view: TriggerView, slot: Slot, cues: Cues) -> bool:
    """The candidate is the subject of a speech verb before it, past a title
    (``وقال المتحدث باسم الجيش الأوكراني أندريه ليسينكو``): the first person (or, with no
    person, the first actor) after the verb, no complementizer or trigger between."""
    tokens = view.tokens
    for i in range(slot.first - 1, max(-1, slot.first - 1 - SPEAKER_REACH), -1):
        if tokens[i].norm in COMPLEMENTIZERS or i in view.triggers:
            return False
        if cues.lists["speech_verbs"].contains(tokens[i]):
            between = [s for s in view.slots if i < s.first < slot.first]
            return not any(s.type == "PER" for s in between) and (
                slot.type == "PER" or not between
            )
    return False


def _inside(slot: Slot, gap: range) -> bool:
    return bool(gap) and gap.start <= slot.first < gap.stop


class Ranker:
    """The two trained classifiers; :meth:`is_event` and :meth:`roles`."""

    def __init__(self, detect: Path, roles: Path) -> None:
        self._detect = pycrfsuite.Tagger()
        self._detect.open(str(detect))
        self._roles = pycrfsuite.Tagger()
        self._roles.open(str(roles))
        self._role_labels = [r for r in ROLES if r in self._roles.labels()]

    def is_event(self, view: TriggerView, roles: Sequence[dict[str, float]]) -> float:
        """Probability that the trigger reports an event, given the role model's scores
        for its candidates (:meth:`roles`)."""
        self._detect.set([event_features(view, roles)])
        return self._detect.marginal("event", 0) if "event" in self._detect.labels() else 0.0

    def roles(self, view: TriggerView, cues: Cues) -> list[dict[str, float]]:
        """``{"source": p, "target": p}`` for every slot of the sentence, in slot order."""
        out = []
        for slot in view.slots:
            self._roles.set([role_features(view, slot, cues)])
            out.append({r: self._roles.marginal(r, 0) for r in self._role_labels})
        return out


@functools.cache
def default_ranker() -> Ranker | None:
    """The shipped models, or None when they are absent."""
    if DETECT_PATH.exists() and ROLES_PATH.exists():
        return Ranker(DETECT_PATH, ROLES_PATH)
    return None
