"""Candidates that may not be a trigger's source or target, whatever the rules or the
role model make of them: where it happened, whom a source spoke to, a report's cited
source, a later clause's or a cause's actors, an ally an attack is for, what a request
asks for, and the victims of a violent act as its doer."""

from __future__ import annotations

from collections.abc import Sequence

from hadath.events.arguments import dual_count
from hadath.events.coordination import partners
from hadath.events.cues import CueList, Cues
from hadath.events.places import PLACE_PREPS
from hadath.events.ranker import TriggerView
from hadath.events.roles import (
    COMMA_TEXTS,
    COMPLEMENTIZERS,
    PRONOUN_COMPLEMENTIZERS,
    QUOTES,
    VICTIM_SECTORS,
    Slot,
    comma_clause,
    pronoun_suffixed,
)
from hadath.events.sides import ASKED_FOR, VICTIM_TYPES
from hadath.model import Token


def no_sides(view: TriggerView, cues: Cues) -> set[int | None]:
    """Candidates that are neither source nor target of the trigger: a city after في/بـ
    (where it happened), a word of a person's title, actors of a later clause, whom a
    source spoke to, who tells the إن/أن clause the trigger is in; for a violent or
    coercive act a town fought over (guidelines §6), anonymous counted people, whom it is
    done for and what it is done with; for a request what it asks for."""
    out = {s.index for s in view.slots if (s.city and s.prep in PLACE_PREPS) or s.in_title}
    out |= _later_clauses(view) | _addressees(view, cues) | _outside_embedded(view)
    out |= {s.index for s in view.slots if _anonymous(view, s, cues)}
    if view.match.type in VICTIM_TYPES:
        out |= {s.index for s in view.slots if s.locale}
        out |= _beneficiaries(view, cues) | _instruments(view, cues)
    if view.match.type == "REQUEST":
        out |= _asked_for(view)
    return out


def _instruments(view: TriggerView, cues: Cues) -> set[int | None]:
    """What a violent act is done with (``قصفت بالمدفعية الثقيلة``، ``قصف ريف إدلب
    بالطيران الحربي``; cue list ``instruments``): an unnamed weapon after بـ is the
    means, no side."""
    arms = cues.lists["instruments"]
    starts = {s.first for s in view.slots}
    tokens = view.tokens
    return {s.index for s in view.slots
            if s.sector is not None and s.first > view.match.start
            and arms.contains(tokens[s.first])
            and (s.prep == "ب" or _joined_to_weapon(tokens, s.first, arms, starts))}  # fmt: skip


def _joined_to_weapon(tokens: list[Token], first: int, arms: CueList, starts: set[int]) -> bool:
    """An instrument joined by و to a weapon just before it (``القصف بالصواريخ
    والمدفعية``، ``قصف صواريخ الكاتيوشا والمدفعية``) is a weapon too: the weapon before
    carries بـ or is no actor's phrase."""
    if "و" not in tokens[first].prefixes:
        return False
    for i in range(first - 1, max(-1, first - 3), -1):
        if arms.contains(tokens[i]) and ("ب" in tokens[i].prefixes or i not in starts):
            return True
    return False


def cited(view: TriggerView, cues: Cues) -> set[int | None]:
    """Candidates a report is attributed to (``بحسب سكاي نيوز``، ``وفقا للمرصد``،
    ``نقلا عن وكالة``): the source of the news, not a side of the event."""
    frames = cues.lists["attributions"]
    out: set[int | None] = set()
    for slot in view.slots:
        before = slot.first - 1
        if before >= 0 and view.tokens[before].norm == "عن":
            before -= 1  # "نقلا عن"
        if before >= 0 and frames.contains(view.tokens[before]):
            out.add(slot.index)
    return out


def in_cause(view: TriggerView, cues: Cues) -> set[int | None]:
    """Slots after a cause word that follows the trigger (``لن تدعم تفعيل البند الخامس
    بسبب مقتل عسكريين أتراك``): the cause's actors, never the trigger's target."""
    causes = cues.find_all("causes", view.tokens, view.match.end, view.bounds[1])
    # "لقي على إثرها الأهالي حتفهم": with a pronoun it is what followed, not a cause
    ends = [end for _, end in causes if not view.tokens[end - 1].stem.endswith(ENCLITICS)]
    return {s.index for s in view.slots if ends and s.first >= ends[0]}


def never_source(view: TriggerView) -> set[int | None]:
    """Victims of a violent act, and a city or a state by its name after a visit, where
    it goes (``زار القاهرة``، ``يزور إيران``; a host before it receives: ``موسكو ستستقبل
    مملوك``; a state's side after it visits: ``يزور وفد روسي دمشق``)."""
    if view.match.type in VICTIM_TYPES:
        return _victims(view) | _bystanders(view)
    if view.match.mode == "visit":
        after = [s for s in view.slots if s.first > view.match.start]
        return {s.index for s in after if s.city or s.state}
    return set()


# إن/أن with a noun subject after them (not أنه، not لأن "because")
NOUN_COMPLEMENTIZERS = COMPLEMENTIZERS - PRONOUN_COMPLEMENTIZERS - {"لان"}


def _outside_embedded(view: TriggerView) -> set[int | None]:
    """Actors before an إن/أن that opens the trigger's clause (``قال سكان ومسؤولون
    محليون إن طائرة بدون طيار هاجمت``): إن/أن opens a clause with its own subject, so
    who speaks or holds it does not do what it tells. Not when that subject is the
    speaker's own (``إن مقاتليه فجروا``; ``أنه``/``أنها`` name the speaker), nor past a
    comma (``قال إن بلاده ليست مع داعش، داعيا``: the speaker's next act)."""
    tokens, start = view.tokens, view.match.start
    opens = None
    for i in range(view.bounds[0], start):
        if tokens[i].text in COMMA_TEXTS or tokens[i].norm in PRONOUN_COMPLEMENTIZERS:
            opens = None  # "لافتا إلى أنه طلب": the speaker's clause again
        elif tokens[i].norm in NOUN_COMPLEMENTIZERS:
            opens = i
    if opens is None or (opens + 1 < start and pronoun_suffixed(tokens[opens + 1])):
        return set()
    return {s.index for s in view.slots if s.last < opens}


ADDRESSEE_REACH = 4  # words between a speech verb and the لـ of whom it addresses


def _addressees(view: TriggerView, cues: Cues) -> set[int | None]:
    """Whom a statement before the trigger is made to (``كشف مصدر أمني لوكالة «سبوتنيك»
    عن زيارة مملوك``): an actor with لـ a few words after a speech verb, before the
    trigger, is the one told, no side of what is told. (After a statement noun لـ is
    as often the speaker's: ``في بيان للجيش``.)"""
    out: set[int | None] = set()
    for slot in view.slots:
        told = _told_at(view.tokens, slot, cues)
        if told is None or slot.first > view.match.start:
            continue
        reach = range(max(0, told - ADDRESSEE_REACH), told)
        if any(cues.is_speech_verb(view.tokens[i]) for i in reach):
            out.add(slot.index)
    return out


def _told_at(tokens: Sequence[Token], slot: Slot, cues: Cues) -> int | None:
    """Where the لـ of an addressee stands: on the actor, or on an outlet's noun before
    it, quotation marks skipped (``لوكالة «سبوتنيك»``، ``لتلفزيون رويترز``)."""
    if slot.prep == "ل":
        return slot.first
    j = slot.first - 1
    while j >= 0 and tokens[j].text in QUOTES:
        j -= 1
    if slot.prep is not None or j < 0 or "ل" not in tokens[j].prefixes:
        return None
    return j if cues.lists["media_nouns"].contains(tokens[j]) else None


ENCLITICS = ("ها", "هم", "هما")


def _beneficiaries(view: TriggerView, cues: Cues) -> set[int | None]:
    """Whom a violent act is done for (``تنفذ غارات كثيفة دعما لقوات النظام``، ``إسنادا
    للمقاومة``): the actor after a beneficiary word, an ally and no target. Not لصالح:
    ``فقد السيطرة على عدن لصالح التحالف`` names the winner."""
    helped = cues.lists["beneficiaries"]
    return {s.index for s in view.slots
            if s.first > 0 and helped.contains(view.tokens[s.first - 1])}  # fmt: skip


def _anonymous(view: TriggerView, slot: Slot, cues: Cues) -> bool:
    """``مقتل سبعة جنود``، ``اعتقال ثلاثة أشخاص``: counted people with nothing to say
    whose they are name no actor (guidelines §6); ``22 جنديا عراقيا`` does."""
    bare = slot.counted and slot.last == slot.first
    word = view.tokens[slot.first]  # "قُتل شخصان": the dual counts too
    return bare and (cues.lists["anonymous_counts"].contains(word) or dual_count(word, cues))


def _later_clauses(view: TriggerView) -> set[int | None]:
    """Slots past a comma that opens another clause after the trigger (``ضد داعش، في وقت
    استمرت فيه مفاوضات إخراج ... المدنيين``) or that another trigger follows (``…،
    داعية المجتمع الدولي``): the other clause's actors."""
    tokens, end = view.tokens, view.bounds[1]
    i = comma_clause(tokens, view.match.end, end)
    limit = end if i is None else i
    led = next((j for j in range(view.match.end, limit - 1)
                if tokens[j].text in COMMA_TEXTS and j + 1 in view.triggers), None)  # fmt: skip
    i = led if led is not None else i  # "رحبت الجامعة بالهدنة، مطالبة الحوثيين": another act
    return set() if i is None else {s.index for s in view.slots if s.first > i}


FOCUS_ADVERBS = frozenset({"بالذات", "بالتحديد", "خصوصا", "تحديدا", "خاصه", "بخاصه"})


def _asked_for(view: TriggerView) -> set[int | None]:
    """Actors inside what a request asks for (``داعيا إلى مواصلة العمليات ضد التنظيم``):
    the content starts at the first إلى, or بـ/لـ on a word that starts no actor, after the
    trigger; the one asked comes before it (``دعت مصر المجتمع الدولي إلى``)."""
    inside = {i for s in view.slots for i in range(s.first, s.last + 1)}  # "بايبر": a name
    tokens = view.tokens
    for i in range(view.match.start + 1, view.bounds[1]):
        token = tokens[i]
        marked = ASKED_FOR.intersection(token.prefixes) and i not in inside
        if token.norm in FOCUS_ADVERBS:
            continue  # "ونطالب بالذات جماعة الحوثيين": the one asked follows
        if token.norm == "الي" or marked:
            return {s.index for s in view.slots if s.first > i}
    return set()


SUBORDINATORS = frozenset({"عندما", "حين", "حينما", "بعدما"})  # normalized


def _bystanders(view: TriggerView) -> set[int | None]:
    """Actors of a clause after ``عندما``/``حين`` that follows a violent act, when the
    clause's verb is a trigger of another kind (``وقتل جنديان عندما أرسلت الحكومة
    تعزيزات``): bystanders, not the doers they are after a violent verb (``قتل طفل … حين
    هاجم مستوطنون منزلهم``، ``قتلوا عندما فجر مقاتلون``)."""
    tokens, start = view.tokens, view.match.start
    hi = view.bounds[1]
    for i in range(start + 1, hi - 1):
        if tokens[i].norm not in SUBORDINATORS:
            continue
        verb = next((j for j in range(i + 1, hi) if not tokens[j].is_punct), None)
        if verb is None or verb not in view.triggers or verb in view.violent:
            return set()
        return {s.index for s in view.slots if s.first > i}
    return set()


def _victims(view: TriggerView) -> set[int | None]:
    """Who may not do a violent act: its counted or civilian victims, and places that
    are no state (``معركة تحرير الرقة``: the city is fought over, not fighting). A
    counted group the rules read as the doer stays (``400 من الانفصاليين … هاجموا
    القوات``: the subject of a plural verb with an object)."""
    doer = view.rule_source
    if view.match.object_kind == "thing" and doer is not None:  # "اقتحم عشرات المستوطنين"
        return {s.index for s in view.slots if s.locale}
    victims = {
        s.index for s in view.slots
        if (s.victim and not (s.index == doer and s.sector not in VICTIM_SECTORS)) or s.locale
    }  # fmt: skip
    for index in sorted(victims):  # "5 من الحوثيين وقوات صالح قتلوا": both were killed
        if view.slots[index].victim:
            victims |= partners(view.tokens, view.slots, index)
    return victims
