"""PLOVER events from an article's sentences: trigger, actors, flags, date, place, evidence.

For every trigger the lexicon finds in a sentence (:mod:`hadath.events.lexicon`):

* source and target come from clause structure (:mod:`hadath.events.roles`);
* ``negated``: a negation cue (لم، لن، لا، ما، عدم ...) right before the trigger, or a
  "still far from" expression in the clause; ``hypothetical``: the trigger carries
  the future prefix (سيلتقي), or a hypothetical cue (قد، سوف، إمكانية، في حال، يتوقع،
  مرتقبة ...) stands close before or after it. Flagged events are kept, not dropped:
  an analyst filters on the flags;
* the date is the date expression nearest the trigger in its clause, resolved
  against the publication date; else the publication date itself;
* the place is the nearest place mention governed by في/ب in the clause, else the
  article's dateline;
* the evidence is the smallest span of the sentence covering trigger and actors.

An event needs at least one actor (source or target): a trigger with neither is
background, not a record. A negated noun trigger (``بعيدتين عن التعاون``, ``عدم
الانسحاب``) reports no action and gives no event; a negated verb is kept, flagged.
One sentence saying the same thing twice gives one event (same type, source, target).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date

from hadath.actors.kb import KnowledgeBase
from hadath.dates import DateExpr, find_dates
from hadath.events.arguments import sentence_arguments, title_ranges
from hadath.events.barred import cited, in_cause, never_source, no_sides
from hadath.events.coordination import (
    coordinated_targets,
    first_conjunct,
    identity,
    is_coordinated,
    partners,
    share_subject,
    without_subsumed,
)
from hadath.events.cues import Cues
from hadath.events.dating import background, event_date
from hadath.events.flags import hypothetical, negated, still_far
from hadath.events.lexicon import Lexicon, TriggerMatch
from hadath.events.pairs import between_pair
from hadath.events.places import dateline_place, event_place
from hadath.events.ranker import Ranker, TriggerView
from hadath.events.roles import (
    Slot,
    clause_bounds,
)
from hadath.events.sides import (
    VICTIM_TYPES,
    ClauseSides,
    addressed_genitive,
    pronoun_antecedent,
)
from hadath.events.topic import sports_report
from hadath.events.unreported import necessity_positions, unreported_positions
from hadath.model import Article, Sentence, Span


@dataclass(slots=True)
class Event:
    """One event found in one article (before fusion across articles)."""

    article_id: str
    type: str
    mode: str | None
    cameo: str | None
    source: Span | None
    target: Span | None
    date: date | None
    date_text: str | None
    location: Span | None
    location_text: str | None
    negated: bool
    hypothetical: bool
    evidence: tuple[int, int]
    confidence: float
    trigger: str
    day_named: bool = True  # False: date_text is a period (الأسبوع الماضي), date its start


def _evidence(sentence: Sentence, match: TriggerMatch, spans: list[Span]) -> tuple[int, int]:
    start = min([sentence.tokens[match.start].start, *(s.start for s in spans)])
    end = max([sentence.tokens[match.end - 1].end, *(s.end for s in spans)])
    return start, end


def _rule_confidence(view: TriggerView) -> float:
    """Without models: the trigger entry's confidence, less when a side is missing."""
    sides = (view.rule_source is not None) + (view.rule_target is not None)
    return view.match.trigger.confidence * (0.6 + 0.2 * sides)


@dataclass(frozen=True, slots=True)
class Decision:
    """How a trigger is read: its source and target slot indexes (None: no such side)
    and the probability that the reading is right (the detector's probability times
    the role model's belief in each side)."""

    source: int | None
    target: int | None
    confidence: float


def sentence_mentions(article: Article) -> Iterator[tuple[Sentence, list[Span]]]:
    """Each sentence of an article with its entity mentions, in text order."""
    mentions = sorted(article.spans.get("entities", []), key=lambda s: s.start)
    for sentence in article.sentences:
        yield sentence, [m for m in mentions if sentence.start <= m.start < sentence.end]


class EventExtractor:
    """Applies the lexicon and the clause rules to tokenized, entity-tagged articles."""

    def __init__(self, lexicon: Lexicon, cues: Cues, kb: KnowledgeBase | None = None,
                 ranker: Ranker | None = None) -> None:  # fmt: skip
        self.lexicon = lexicon
        self.cues = cues
        self.kb = kb  # generic agent nouns for unnamed participants; None: mentions only
        self.ranker = ranker  # trained event/role classifiers; None: the rules decide
        self.sides = ClauseSides(cues)

    def article_events(self, article: Article) -> list[Event]:
        if sports_report(article, self.cues.lists["sports_terms"]):
            return []  # a club's "attack" or a coach's "meeting" is no political event
        events: list[Event] = []
        for sentence, inside in sentence_mentions(article):
            events += self.sentence_events(article, sentence, inside)
        return events

    def views(self, article: Article, sentence: Sentence,
              mentions: list[Span]) -> tuple[list[Span], list[TriggerView]]:  # fmt: skip
        """The sentence's candidate actors and, per trigger, the rules' reading of it."""
        tokens = sentence.tokens
        matches = list(self.lexicon.match_all(tokens))
        if not matches:
            return [], []
        triggers = frozenset(m.start for m in matches)  # the words, not what they require
        nouns = frozenset(m.start for m in matches if m.pos == "noun")
        violent = frozenset(m.start for m in matches if m.type in VICTIM_TYPES)
        titles = title_ranges(mentions)
        spans, slots = sentence_arguments(article, sentence, mentions, self.kb, self.cues,
                                          triggers, titles)  # fmt: skip
        views = []
        views_of = necessity_positions(tokens, self.cues.lists["necessity"])
        far = still_far(self.cues, tokens)
        phrases = {s.last: s.first for s in slots}
        for match in matches:
            if _in_title(tokens[match.start].start, titles):
                continue  # "المتحدث باسم القوات المشاركة في عملية … ضد الإرهاب": a title
            bounds = clause_bounds(tokens, match.start)
            stop = next((i for i in views_of if i > match.start), None)
            source, target = self.sides.read(slots, tokens, match, bounds, stop, nouns)
            if source is not None and target is not None and _same(spans, source, target):
                target = None
            antecedent = None if target else pronoun_antecedent(slots, tokens, match, source,
                                                                  self.sides.default_preps)
            views.append(TriggerView(
                tokens, match, bounds, slots, source.index if source else None,
                target.index if target else None, negated(self.cues, tokens, match, bounds, far),
                hypothetical(self.cues, tokens, match, bounds, phrases), triggers,
                antecedent.index if antecedent else None, violent,
            ))  # fmt: skip
        return spans, views

    def sentence_events(self, article: Article, sentence: Sentence,
                        mentions: list[Span]) -> list[Event]:  # fmt: skip
        spans, views = self.views(article, sentence, mentions)
        if not views:
            return []
        dates = find_dates(sentence.text)  # once per sentence, shared by its triggers
        by_trigger: dict[tuple[str, int], Event] = {}
        last: Event | None = None  # the last verb event with a source
        for view in views:
            decision = self._decide(view)
            if decision is None:
                continue
            match = view.match
            event = self._event(article, sentence, spans, view, decision, dates)
            if last is not None and match.pos == "verb" and is_coordinated(sentence, match):
                verb = sentence.tokens[match.start].start
                before = event.source is not None and event.source.start < verb
                share_subject(event, last, own_subject=view.rule_source is not None or before)
            if event.source is not None and match.pos == "verb":
                last = event
            history = background(event.date, event.date_text, article.published)
            if history or not self._reportable(event, match):
                continue
            if not event.day_named:  # الأسبوع الماضي، مطلع فبراير: no day (guidelines §8)
                event = replace(event, date=None)
            key = (event.type, match.start)  # one trigger word, one event: the fullest reading
            if key not in by_trigger or _actors(event) > _actors(by_trigger[key]):
                by_trigger[key] = event
        governed = unreported_positions(sentence, [v.match for v in views], self.cues)
        seen: set[tuple] = set()
        out = []
        slots = views[0].slots
        for (_, position), event in by_trigger.items():
            if position in governed:
                continue  # what was asked for, threatened or refused did not happen
            for each in [event, *coordinated_targets(event, sentence, spans, slots)]:
                key = (each.type, identity(each.source), identity(each.target))
                if key not in seen:
                    seen.add(key)
                    out.append(each)
        return without_subsumed(out)

    def _decide(self, view: TriggerView) -> Decision | None:
        """Source and target slot indexes of a trigger and the confidence of the reading,
        or None when it reports no event.

        Without a ranker, the rules' reading. With one: a noun of a symmetric type (talks,
        agreement, clashes) whose sides the rules read from ``بين X وY``, and a noun
        continued by a verb of going on whose two sides the rules found, are events with
        those sides; otherwise the trigger is an event
        when the ranker thinks so (or the rules found both sides of a verb); the rules'
        actors are kept unless the ranker finds them unlikely, and then its best
        candidates are taken. A victim never becomes the doer of a violent event.
        """
        paired = _paired(view)
        if self.ranker is None:
            target = view.rule_target if view.rule_target is not None else view.antecedent
            return Decision(view.rule_source, target, _rule_confidence(view))
        scores = self.ranker.roles(view, self.cues)  # the detector weighs them too
        p_event = self.ranker.is_event(view, scores)
        both = view.rule_source is not None and view.rule_target is not None
        if (paired and view.match.type in SYMMETRIC_TYPES) or (both and self._continued(view)):
            return Decision(view.rule_source, view.rule_target, p_event)
        noun = view.match.pos == "noun"
        threshold = NOUN_EVENT_THRESHOLD if noun and not both else EVENT_THRESHOLD
        if view.hypothetical:  # flagged, so an analyst who counts real events skips it
            threshold = HYPOTHETICAL_THRESHOLD
        if p_event < threshold and (noun or not both):
            return None
        if paired or _addressed(view):
            return Decision(view.rule_source, view.rule_target, p_event)
        no_side = cited(view, self.cues) | no_sides(view, self.cues)
        target = _kept(scores, view.rule_target, "target")
        no_target = no_side | in_cause(view, self.cues)
        target = None if target in no_target else target
        if view.antecedent is not None:  # "وطلب منه": the pronoun names the target
            target, no_side = view.antecedent, no_side | {view.antecedent}
            no_target = no_target | {view.antecedent}
        barred = {target} | no_side | never_source(view)
        source = _kept(scores, view.rule_source, "source")
        if _reported_speaker(view, self.cues):  # "نقلت الوكالة عن فهد المصري أنه «عقد اجتماعا»"
            source = view.rule_source
        if (source is None or source in barred) and view.match.voice != "passive":
            source = _best(scores, "source", barred)
        if source is None and view.match.voice == "passive":
            return None  # "مدعومين بدبابات": backed by no actor named, no cooperation
        source = first_conjunct(view.slots, view.tokens, source)
        partnered = set() if source is None else partners(view.tokens, view.slots, source)
        if target is None or target == source or target in partnered:
            target = _best(scores, "target", {source} | no_target | partnered)
        first = first_conjunct(view.slots, view.tokens, target)
        target = target if first in {source} | no_target | partnered else first
        # the role model cannot judge a pronoun's antecedent: its belief that no other
        # candidate is the target stands for it
        judged = None if target is not None and target == view.antecedent else target
        sure = _side_belief(scores, source, "source") * _side_belief(scores, judged, "target")
        doerless = view.match.type in DOERLESS_TYPES
        threshold = DOERLESS_THRESHOLD if doerless else SOURCELESS_THRESHOLD
        if source is None and p_event * sure < threshold:
            return None  # no doer named, and the models doubt the reading
        return Decision(source, target, p_event * sure)

    def _continued(self, view: TriggerView) -> bool:
        """A noun right after a verb of going on (``ستواصل دعم``): the action goes on, an
        event (guidelines §4), whatever the detector makes of the future prefix."""
        start = view.match.start
        going_on = self.cues.lists["continuing"]
        return view.match.pos == "noun" and start > 0 and going_on.contains(view.tokens[start - 1])

    def _reportable(self, event: Event, match: TriggerMatch) -> bool:
        """An event needs an actor; a negated noun (``بعيدتين عن التعاون``) reports nothing.
        Without a ranker, a noun trigger needs both sides."""
        if event.source is None and event.target is None:
            return False
        if event.type == "CONSULT" and self._outlet_side(event):
            return False  # "في اتصال هاتفي مع «الشرق الأوسط»": an interview, not talks
        one_sided = event.source is None or event.target is None
        if match.pos == "noun" and one_sided and self.ranker is None:
            return False  # a noun with one side named mostly mentions, not reports, an action
        return not (match.pos == "noun" and event.negated)

    def _outlet_side(self, event: Event) -> bool:
        """A side of the event is a news outlet (sector MED in the knowledge base)."""
        if self.kb is None:
            return False
        for side in (event.source, event.target):
            actor = self.kb.by_id(side.attrs.get("actor_id") or "") if side is not None else None
            if actor is not None and actor.sector == OUTLET_SECTOR:
                return True
        return False

    def _event(self, article: Article, sentence: Sentence, spans: list[Span], view: TriggerView,
               decision: Decision, dates: list[DateExpr]) -> Event:  # fmt: skip
        tokens, match, bounds = sentence.tokens, view.match, view.bounds
        sides = (_led(view.slots, decision.source), _led(view.slots, decision.target))
        source, target = (spans[i] if i is not None else None for i in sides)
        if source is not None and identity(source) == identity(target):
            target = None  # one actor named twice (داعش ... داعش) does not act on itself
        at = tokens[match.start].start
        clause = (tokens[bounds[0]].start, tokens[bounds[1] - 1].end)
        when, when_text, day_named = event_date(article, sentence, dates, at, clause, self.cues)
        used = {i for i in sides if i is not None}
        place = event_place(list(view.slots), spans, bounds, match.start, used)
        return Event(
            article_id=article.id, type=match.type, mode=match.mode, cameo=match.cameo,
            source=source, target=target, date=when, date_text=when_text, location=place,
            location_text=None if place else dateline_place(article, sentence, self.cues),
            negated=view.negated, hypothetical=view.hypothetical,
            evidence=_evidence(sentence, match, [s for s in (source, target) if s is not None]),
            confidence=round(decision.confidence, 3),
            trigger=" ".join(t.text for t in tokens[match.start : match.end]),
            day_named=day_named,
        )  # fmt: skip

# Chosen on the dev set (docs in README "Events"), for precision: an analyst prefers a
# missed event to an invented one. Event thresholds 0.3 for all gave type+source+target
# P 0.33 R 0.26; 0.4, and 0.5 for a noun whose two sides the rules did not both find
# (a noun mentions an action more often than it reports one), give P 0.41 R 0.25. The
# rules' actors stand unless the ranker is fairly sure. With the detector's stronger L2
# penalty (c2 10) its probabilities are less extreme, and 0.5 for all triggers keeps
# cross-validated precision above the old setting's (type+source+target P 0.31 R 0.18).
# Stop 17: a noun whose two sides the rules did not both find needs 0.55 (frozen CV
# type+source+target P .407 → .422, F1 .295 both; dev P .530 → .550, both annotators' F1
# within .01): nouns mention more often than they report, and precision comes first.
# Stop 18: an event with no source needs confidence (detector × role beliefs) >= 0.4,
# except a violent one (casualty reports name the victims alone): frozen CV tp/fp
# 588/779 → 586/720 (P .430 → .449, F1 .299 → .303); dev 115/90 → 111/77 (P .561 → .590,
# F1 .457 both). For every type: 565/650 (F1 .299), dev 110/68, but the seeds' and the
# CV's casualty reports went (ASSAULT alone: −22 tp, −59 fp).
# Stop 18: a trigger the cues flag hypothetical needs p >= 0.4 (frozen CV 594/727 → 596/733,
# F1 .306 both; dev 113/78 → 114/78; second annotator 115/76 → 116/76; 0.3: CV 597/747,
# dev 116/80, second 118/78). Unflagged events are unchanged.
# ROLE_THRESHOLD (the ranker's own best candidate, when the rules' is unlikely): on the
# frozen cross-validation (stop 13), 0.3 / 0.25 / 0.2 gave tp 521 / 537 / 541 and
# precision .361 / .365 / .363; the dev set 101 / 102 / 99 correct.
EVENT_THRESHOLD = 0.5
OUTLET_SECTOR = "MED"  # news outlets: talking to one is an interview, not CONSULT
NOUN_EVENT_THRESHOLD = 0.55
ROLE_THRESHOLD = 0.25
SOURCELESS_THRESHOLD = 0.4
DOERLESS_THRESHOLD = 0.15  # stop 19: the least sure casualty reports with no doer named
HYPOTHETICAL_THRESHOLD = 0.4  # dev gold flags more futures (13%) than the training gold (8%)
DOERLESS_TYPES = frozenset({"ASSAULT"})  # violence is reported by its victims (مقتل عسكريين أتراك)
KEEP_THRESHOLD = 0.15


def _in_title(at: int, titles: list[tuple[int, int]]) -> bool:
    """Whether body offset ``at`` lies in a person's title."""
    return any(start <= at < end for start, end in titles)


def _reported_speaker(view: TriggerView, cues: Cues) -> bool:
    """The rules' source is whom a report quotes with عن (``نقل … عن X أنه``): the frame
    names the doer however far it stands, so the role model does not overrule it."""
    index = view.rule_source
    if index is None or view.slots[index].prep != "عن":
        return False
    first = view.slots[index].first
    before = view.tokens[max(0, first - REPORT_REACH) : first]
    return any(cues.lists["transmitting"].contains(t) for t in before)


REPORT_REACH = 8  # tokens from نقل to the عن of whom it quotes (نقلت وكالة «سبوتنيك» الروسية عن)


def _led(slots: Sequence[Slot], index: int | None) -> int | None:
    """The actor a chosen leader leads (``الذي تقوده الولايات المتحدة`` → the coalition)."""
    if index is None:
        return None
    leads = slots[index].leads
    return index if leads is None else leads


def _addressed(view: TriggerView) -> bool:
    """The rules read the trigger as a request noun with its addressee
    (:func:`~hadath.events.sides.addressed_genitive`)."""
    found = addressed_genitive(list(view.slots), list(view.tokens), view.match, view.bounds)
    return found is not None and found[1].index == view.rule_target


def _paired(view: TriggerView) -> bool:
    """The rules read the trigger's sides from ``بين X و Y``."""
    if view.match.pos != "noun" or view.rule_target is None:
        return False
    pair = between_pair(view.slots, view.tokens, view.match.start + 1, view.bounds)
    return pair is not None and (pair[0].index, pair[1].index) == (view.rule_source,
                                                                   view.rule_target)


def _best(scores: list[dict[str, float]], role: str, barred: set[int | None]) -> int | None:
    """The slot most likely to fill ``role``, if likely enough."""
    ranked = [(p.get(role, 0.0), i) for i, p in enumerate(scores) if i not in barred]
    p, index = max(ranked, default=(0.0, None))
    return index if p >= ROLE_THRESHOLD else None


def _side_belief(scores: list[dict[str, float]], index: int | None, role: str) -> float:
    """The role model's probability that the chosen slot fills ``role``, or, for no
    slot, that none of the candidates does."""
    if index is not None:
        return scores[index].get(role, 0.0)
    return 1.0 - max((p.get(role, 0.0) for p in scores), default=0.0)


def _kept(scores: list[dict[str, float]], index: int | None, role: str) -> int | None:
    """The rules' choice for ``role`` unless the ranker finds it unlikely."""
    if index is None or scores[index].get(role, 0.0) < KEEP_THRESHOLD:
        return None
    return index


SYMMETRIC_TYPES = frozenset({"CONSULT", "AGREE", "COOPERATE", "ASSAULT"})  # "بين X وY" events


def _actors(event: Event) -> int:
    return (event.source is not None) + (event.target is not None)


def _key(span: Span | None) -> str | None:
    return span.attrs.get("key") if span is not None else None


def _same(mentions: list[Span], a: Slot, b: Slot) -> bool:
    key = _key(mentions[a.index])
    return key is not None and key == _key(mentions[b.index])
