"""The clause rules' reading of a trigger: which candidate actors are its source and its
target (``التقى X Y``، ``غارات شنتها الطائرات``، ``مقتل عسكريين أتراك بنيران X``,
``مطالبة جماعة الحوثيين باحترام الهدنة``), before any model weighs them. Built on the
word-level helpers of :mod:`hadath.events.roles`."""

from __future__ import annotations

from collections.abc import Sequence
from collections.abc import Set as AbstractSet

from hadath.events.cues import CueList, Cues
from hadath.events.lexicon import TriggerMatch
from hadath.events.pairs import between_pair
from hadath.events.relatives import clause_head
from hadath.events.roles import (
    PREP_WORDS,
    PREPOSITIONS,
    QUOTES,
    Slot,
    genitive_of_noun,
    has_conjunction,
    is_actor,
    matrix_subject,
    plural_verb,
    pronoun_suffixed,
    subject_of_verb,
    target_of,
)
from hadath.model import Token
from hadath.text.normalize import normalize


class ClauseSides:
    """Reads a trigger's source and target from the clause around it."""

    def __init__(self, cues: Cues) -> None:
        self.cues = cues
        listed = cues.lists["target_preps"]
        self.default_preps = tuple(sorted(listed.forms | listed.prefixes))  # normalized

    def read(self, slots: list[Slot], tokens: list[Token], match: TriggerMatch,
             bounds: tuple[int, int], stop: int | None = None,
             nouns: AbstractSet[int] = frozenset(),
             ) -> tuple[Slot | None, Slot | None]:  # fmt: skip
        """Source and target slots of a trigger (see :mod:`hadath.events.roles`).

        Actors are looked for around the trigger word itself, not past the words its
        entry requires (``طالب ... بـ``: the target is between them). ``stop`` is the
        next word of necessity, which owns the بين pair after it; ``nouns`` are the
        positions of the sentence's nominal triggers (``هجوم استهدف``: a verb's head).
        """
        if match.voice == "passive":
            return _passive_sides(slots, tokens, match, bounds)
        nominal = match.pos == "noun"
        end = match.start + 1
        pair = between_pair(slots, tokens, end, bounds, stop) if nominal else None
        if pair is not None:
            return pair
        addressed = addressed_genitive(slots, tokens, match, bounds) if nominal else None
        if addressed is not None:
            return addressed
        patient = head = None
        if nominal:
            source = genitive_of_noun(slots, tokens, match.start, end, bounds)
            if match.genitive == "target":  # "مقتل عسكريين أتراك": the genitive suffers
                active = _active_reading(slots, tokens, match, source)
                active = active or _lam_object(slots, tokens, source)
                if active is not None:  # "وقتل حزب العمال الكردستاني ضابطي شرطة"
                    return source, active
                times = self.cues.lists["time_nouns"]
                if _lam_noun_follows(tokens, match, source, times):  # "اقتحام … للمدينة"
                    return source, None
                instruments = self.cues.lists["instruments"]
                if not _means_of_war(tokens, source, instruments):  # "استهداف الطيران المروحي"
                    patient, source = source, self._marked_agent(slots, tokens, match, bounds)
            source = source or _visitor(slots, match)
            source = source or _lam_agent(slots, tokens, match)
            source = source or self._light_verb_subject(slots, tokens, match, bounds)
            source = source or subject_of_verb(slots, tokens, match.start, match.start, bounds)
        elif first_person(tokens[match.start], match):
            source = None  # «نحمل الإدارة الأميركية»: we, the speaker, hold them
        else:  # the verb is the trigger's first word; "requires" words may follow it
            head = clause_head(slots, tokens, match.start, bounds, nouns, self.cues)
            if head is not None:  # "الهجوم الذي استهدف الجيش": the head acts, named or not
                source = head.slot
            else:
                source = subject_of_verb(slots, tokens, match.start, match.start + 1, bounds)
                if source is None and match.object_kind == "thing":
                    source = _stormer(slots, match, bounds)  # "اقتحم عشرات المستوطنين"
                source = source or self._statement_owner(slots, tokens, match)
            if match.subject_role == "target":  # "الجرائم التي ارتكبها الحوثيون"
                return _accuser(slots, tokens, match, source), source
        if head is None:
            source = source or matrix_subject(slots, tokens, match.start)
        if patient is not None:
            return (source if source is not patient else None), patient
        preps = [normalize(p) for p in match.target_preps]
        bare_object = nominal and source is not None and source.first < match.start
        target = target_of(slots, end, bounds, preps, source, nominal and not bare_object, tokens)
        if target is not None and match.object_kind == "thing" and not nominal:
            target = _stormed(tokens, match, source, target)
        if bare_object and target is not None and _far_object(tokens, match, target):
            target = None
        doer = _plural_doer(tokens, match, source, target)  # "400 من الانفصاليين هاجموا"
        stormer = match.object_kind == "thing" and source is not None and source.first > match.start
        if match.type in VICTIM_TYPES and source is not None and source.victim and not doer \
                and not stormer:  # fmt: skip
            # "قُتل ستة أشخاص بنيران ..."، "مقتل مواطنين": the counted or civilian
            # subject (or genitive) suffers the act; a marked agent does it.
            target = source if target is None or target.first > source.first else target
            source = self._marked_agent(slots, tokens, match, bounds)
        elif match.type in VICTIM_TYPES and target is None:
            target = _victim_after(slots, end, bounds)  # "قتل ستة أشخاص"
            if target is not None:
                source = source or self._marked_agent(slots, tokens, match, bounds)
        return source, target

    def _statement_owner(self, slots: list[Slot], tokens: list[Token],
                         match: TriggerMatch) -> Slot | None:  # fmt: skip
        """``وانتقد بيان للنصرة خطة``: a statement noun right after the verb is its
        subject, and the actor it belongs to (لـ) speaks through it."""
        noun = match.start + 1
        if noun + 1 >= len(tokens) or not self.cues.lists["quote_cues"].contains(tokens[noun]):
            return None
        owner = next((s for s in slots if s.first == noun + 1), None)
        return owner if owner is not None and owner.prep == "ل" else None

    def _light_verb_subject(self, slots: list[Slot], tokens: list[Token], match: TriggerMatch,
                            bounds: tuple[int, int]) -> Slot | None:  # fmt: skip
        """``شنت الطائرات التركية غارات``، ``غارات شنتها الطائرات``: the subject of the
        verb that carries a nominal trigger."""
        verb = self._light_verb(slots, tokens, match, bounds)
        if verb is None:
            return None
        found = subject_of_verb(slots, tokens, verb, verb + 1, bounds)
        if found is None:
            return None
        ok = found.first > verb if verb > match.start else found.last < match.start
        return found if ok else None

    def _light_verb(self, slots: Sequence[Slot], tokens: Sequence[Token], match: TriggerMatch,
                   bounds: tuple[int, int]) -> int | None:  # fmt: skip
        """Index of the verb that carries a nominal trigger: in a relative clause after it
        (``غارات شنتها``), else before it, a titled subject between them counting as one
        word (``أجرى مبعوث … بوغدانوف مشاورات``)."""
        light = self.cues.lists["light_verbs"]
        after = _relative_light_verb(slots, tokens, match.start + 1, bounds, light)
        if after is not None:
            return after
        ends = {s.last: s.first for s in slots}
        i, words = match.start - 1, 0
        while i >= bounds[0] and words < LIGHT_VERB_REACH:
            if light.contains(tokens[i]):
                return i
            i = ends[i] - 1 if i in ends else i - 1
            words += 1
        return None

    def _marked_agent(self, slots: list[Slot], tokens: list[Token], match: TriggerMatch,
                      bounds: tuple[int, int]) -> Slot | None:  # fmt: skip
        """The doer named by ``بنيران``، ``على يد``، ``من قبل`` after the trigger."""
        markers = self.cues.find_all("agent_markers", tokens, match.start + 1, bounds[1])
        for _, end in markers:
            found = next((s for s in slots if end - 1 <= s.first <= end + 1), None)
            if found is not None and found.type in ("PER", "ORG", "GPE"):
                return found
        return None


PASSIVE_REACH = 4  # tokens between a passive participle and its agent (مدعومة جوا وبرا من)


def _passive_sides(slots: list[Slot], tokens: list[Token], match: TriggerMatch,
                   bounds: tuple[int, int]) -> tuple[Slot | None, Slot | None]:  # fmt: skip
    """``قوات النظام مدعومة بميليشيا الدفاع الوطني``: the actor right before a passive
    participle undergoes it (target); the actor the first بـ or من after it governs
    (``المدعومة جوا وبرا من جيوش التحالف``، ``مدعومة بعناصر حزب الله``) does it; what
    else بـ marks is no actor (``مدعومين بدبابات هاجموا القوات``)."""
    before = [s for s in slots if bounds[0] <= s.first and match.start - 2 <= s.last < match.start]
    end = min(bounds[1], match.start + 1 + PASSIVE_REACH)  # not past the words it requires
    mark = next((i for i in range(match.start + 1, end)
                 if tokens[i].norm == "من" or "ب" in tokens[i].prefixes), None)  # fmt: skip
    doer = None if mark is None else next((s for s in slots if s.first >= mark), None)
    if doer is not None and not _governed_by(tokens, mark, doer):
        doer = None
    return doer, (before[-1] if before else None)


def _governed_by(tokens: list[Token], mark: int, slot: Slot) -> bool:
    """The preposition at ``mark`` governs ``slot``: on its first word, or on the one noun
    it is the genitive of (``بعناصر حزب الله``، ``من جيوش التحالف``), quotation marks
    and the word من aside."""
    words = [t for t in tokens[mark : slot.first] if t.norm != "من" and t.text not in QUOTES]
    return len(words) <= 1


VICTIM_TYPES = frozenset({"ASSAULT", "COERCE"})
VICTIM_REACH = 3  # tokens from a violent trigger to its counted victims ("مقتل نحو 260 متمردا")
LIGHT_VERB_REACH = 6  # tokens before a nominal trigger searched for its light verb
MODIFIER_REACH = 3  # words between a nominal trigger and the light verb of its relative clause


def _relative_light_verb(slots: Sequence[Slot], tokens: Sequence[Token], start: int,
                         bounds: tuple[int, int], light: CueList) -> int | None:  # fmt: skip
    """The light verb of a relative clause on a nominal trigger, past at most
    ``MODIFIER_REACH`` modifiers and a relative pronoun (``غارات شنتها الطائرات``،
    ``قذيفة هاون أطلقتها ميليشيات الحوثي``، ``الغارات الجوية التي تشنها مقاتلات``); not
    past an actor, a preposition or punctuation, whose clause the verb would be."""
    taken = {i for s in slots for i in range(s.first, s.last + 1)}
    for i in range(start, min(bounds[1], start + MODIFIER_REACH + 1)):
        token = tokens[i]
        if light.contains(token):
            return i
        if token.is_punct or i in taken or token.norm in PREP_WORDS:
            return None
        if not PREPOSITIONS.isdisjoint(token.prefixes):
            return None
    return None


STORMER_REACH = 4  # tokens after a verb of storming searched for who storms


def _stormer(slots: list[Slot], match: TriggerMatch, bounds: tuple[int, int]) -> Slot | None:
    """Who storms or raids a place: the actor right after the verb, or a counted group
    starting within a few words of it, civilian as it may be (``اقتحم عشرات المستوطنين
    المسجد الأقصى``، ``اقتحم المئات من المستوطنين``); not a genitive of the place stormed
    (``داهمت أماكن السوريين``)."""
    end = min(bounds[1], match.start + 1 + STORMER_REACH)
    for slot in slots:
        if not match.start < slot.first < end:
            continue
        right_after = slot.first == match.start + 1 and slot.prep is None
        if right_after or (slot.counted and slot.prep in (None, "من")):
            return slot if is_actor(slot) and not slot.city and not slot.locale else None
        return None
    return None


def _stormed(tokens: list[Token], match: TriggerMatch, source: Slot | None,
             target: Slot) -> Slot | None:  # fmt: skip
    """The object of a verb of storming is the place; an actor is its target only as the
    owner of that object, one word after the verb's subject (``اقتحمت قوات الاحتلال مقر
    الحركة``) or the verb, not further on (``اقتحم المستوطنون المسجد الأقصى بحماية قوات
    الاحتلال``) nor right after the subject (``أضرم مستوطنون متطرفون النار``)."""
    if source is not None and source.first > match.start:  # VSO: the object after the subject
        between = [t for t in tokens[source.last + 1 : target.first] if not t.is_punct]
        return target if len(between) == 1 else None  # not the subject's own apposition
    between = [t for t in tokens[match.start + 1 : target.first] if not t.is_punct]
    return target if len(between) <= 1 else None


def _victim_after(slots: list[Slot], end: int, bounds: tuple[int, int]) -> Slot | None:
    """Counted people or civilians right after a violent trigger (a number may come first)."""
    near = [s for s in slots if end <= s.first <= end + VICTIM_REACH and s.first < bounds[1]]
    first = near[0] if near else None
    return first if first is not None and first.prep is None and first.victim else None


ASKED_FOR = frozenset({"ب", "ل"})  # clitics on what is asked for: "مطالبة X باحترام"
ASKED_FOR_WORDS = frozenset({"الي", "بان", "بضروره"})
ASKED_REACH = 4  # tokens after the addressee: "مطالبة الحوثيين ومن معهم باحترام"


def addressed_genitive(slots: list[Slot], tokens: list[Token], match: TriggerMatch,
                       bounds: tuple[int, int]) -> tuple[Slot | None, Slot] | None:  # fmt: skip
    """``مطالبة جماعة الحوثيين باحترام الهدنة``، ``دعوة روسيا للاشتراك``: the genitive of a
    request noun followed by what is asked for is the one asked (the target); who asks is
    the clause's actor before the noun (``رحبت الجامعة العربية ...، مطالبة ...``)."""
    if match.type != "REQUEST" or "ال" in tokens[match.start].prefixes:
        return None
    target = genitive_of_noun(slots, tokens, match.start, match.start + 1, bounds)
    if target is None:
        return None
    after = tokens[target.last + 1 : min(bounds[1], target.last + 1 + ASKED_REACH)]
    if not any(ASKED_FOR & set(t.prefixes) or t.norm in ASKED_FOR_WORDS for t in after):
        return None
    before = [s for s in slots if bounds[0] <= s.first and s.last < match.start]
    free = [s for s in before if s.prep is None and s.type in ("PER", "ORG", "GPE")]
    return (free[-1] if free else None), target


PRONOUN_REACH = 1  # tokens from the verb to its preposition with a pronoun (طلب منه)
# pronoun suffixes on a preposition (منه، معها، إليهم) and who each may stand for
PRONOUNS = (("هما", None), ("هم", "plural"), ("ها", "feminine"), ("ه", "masculine"))


def pronoun_antecedent(slots: list[Slot], tokens: list[Token], match: TriggerMatch,
                       source: Slot | None,
                       default_preps: Sequence[str]) -> Slot | None:  # fmt: skip
    """``أبلغ غاس بأهداف العملية ... وطلب منه``، ``التقى لافروف كيري وبحث معه``: a verb
    joined by و/ف and followed by a target preposition with a pronoun has as target
    the nearest actor before it that agrees with the pronoun (a person for ``ـه``, a
    state or body for ``ـها``, a group for ``ـهم``), not governed by a preposition and
    not the verb's source. A place the pronoun could name first (``توجهت القوات إلى
    مدينة شقرة ... وسيطرت عليها``) leaves no target. ``default_preps`` serve a trigger
    that lists none (:meth:`ClauseSides.default_preps`: cues.yaml's ``target_preps``)."""
    if match.pos != "verb" or match.voice == "passive" or not has_conjunction(tokens[match.start]):
        return None
    preps = [normalize(p) for p in match.target_preps] or default_preps
    after = tokens[match.start + 1 : match.start + 1 + PRONOUN_REACH]
    kind = next((_pronoun(t.norm, preps) for t in after if not t.is_punct), None)
    if kind is None:
        return None
    before = [s for s in slots if s.last < match.start and not s.in_title]
    for slot in reversed(before):
        if source is not None and slot.first <= source.last and slot.last >= source.first:
            continue
        if _agrees(slot, tokens, kind):
            place = slot.locale or slot.city or slot.type == "LOC"
            return None if place or slot.prep is not None else slot
    return None


OBJECT_REACH = 2  # words between a pronoun-possessed verbal noun and its object


def _far_object(tokens: list[Token], match: TriggerMatch, target: Slot) -> bool:
    """A bare object far after a noun with a pronoun suffix (``لقائهما``، ``زيارته``),
    whose pronoun is its genitive: its object follows it at once (``دعمها عمليات الجيش
    السوري``), so one further on is another phrase's (``طرح خلال لقائهما الأخير ضمن
    مجموعة النورماندي اقتراحا يقضي بتوحيد جهود الجيش العربي السوري``)."""
    if target.prep is not None or target.first <= match.end + OBJECT_REACH - 1:
        return False
    return pronoun_suffixed(tokens[match.start])


def _pronoun(norm: str, preps: Sequence[str]) -> str | None:
    """Who a preposition with a pronoun suffix may stand for, or None."""
    for suffix, kind in PRONOUNS:
        if norm.endswith(suffix) and norm[: -len(suffix)] in preps:
            return kind
    return None


def _agrees(slot: Slot, tokens: list[Token], kind: str | None) -> bool:
    feminine = tokens[slot.last].norm.endswith("ه") or slot.type == "GPE"
    if kind == "masculine":
        return slot.type == "PER" or (slot.type == "ORG" and not feminine and slot.sector is None)
    if kind == "feminine":
        return slot.type in ("ORG", "GPE", "LOC") and feminine
    if kind == "plural":
        return slot.type == "ORG" and (slot.sector is not None or slot.oblique)
    return False


VICTIM_GAP = 2  # words (an adverb of time) between the doer and the victims: قتل X أمس Y


PLURAL_OBJECT_GAP = 1  # words (an adverb: أمس) between a plural verb and its object


def _plural_doer(tokens: list[Token], match: TriggerMatch, source: Slot | None,
                 target: Slot | None) -> bool:  # fmt: skip
    """A group before a plural verb with an object after it does the act, counted or not
    (``400 من الانفصاليين مدعومين بدبابات هاجموا القوات الحكومية``)."""
    if source is None or target is None or match.pos != "verb" or target.prep is not None:
        return False
    right_after = target.first <= match.end + PLURAL_OBJECT_GAP
    return source.last < match.start and right_after and plural_verb(tokens[match.start])


VISITOR_REACH = 3  # words between a visit noun and the لـ of its visitor (مرتقبة)


def _visitor(slots: list[Slot], match: TriggerMatch) -> Slot | None:
    """Who pays a visit named by a noun (``زيارة مرتقبة لمدير مكتب الأمن الوطني … إلى
    موسكو``، ``زيارة لحركة «فتح» إلى القاهرة``): the actor with لـ right after it; where
    it goes is the target."""
    if match.mode != "visit":
        return None
    after = next((s for s in slots if s.first >= match.end), None)
    near = after is not None and after.first - match.end <= VISITOR_REACH
    return after if near and after.prep == "ل" else None


def first_person(token: Token, match: TriggerMatch) -> bool:
    """A verb in the first person plural (``نطالب``، ``نحمل``، ``ندين``: the entry's third
    person with ن for ي/ت): its subject is the speaker, so the actor after it is its
    object (``«نُحمل الإدارة الأميركية المسؤولية»``)."""
    stem = token.stem
    if len(stem) < 3 or not stem.startswith("ن"):
        return False
    forms = set(match.trigger.forms) | set(match.trigger.verb_forms)
    return bool({"ي" + stem[1:], "ت" + stem[1:]} & forms)


def _lam_object(slots: list[Slot], tokens: list[Token], genitive: Slot | None) -> Slot | None:
    """The object of a verbal noun marked by لـ right after its genitive (``تدريب واشنطن
    لمقاتلي المعارضة``، ``اعتقال الشرطة للمتظاهرين``): the genitive is then the doer."""
    if genitive is None or genitive.prep is not None:
        return None
    lam = genitive.last + 1
    if lam >= len(tokens) or not tokens[lam].norm.startswith("ل"):  # لمقاتلي: not split
        return None
    after = next((s for s in slots if s.first > genitive.last), None)
    return after if after is not None and after.first <= lam + 1 else None


def _accuser(slots: list[Slot], tokens: list[Token], match: TriggerMatch,
             accused: Slot | None) -> Slot | None:  # fmt: skip
    """Who blames the subject of a ``subject: target`` verb (``عدت المنظمة … أعمال الإرهاب
    التي يرتكبها المستوطنون``): the speaker of a reported clause, else the nearest actor
    before the trigger that no preposition governs."""
    speaker = matrix_subject(slots, tokens, match.start)
    if speaker is not None and speaker is not accused:
        return speaker
    before = [s for s in slots if s.last < match.start and s.prep is None and s is not accused]
    return before[-1] if before else None


def _means_of_war(tokens: list[Token], genitive: Slot | None, instruments: CueList) -> bool:
    """A definite air force or artillery (cue list ``instruments``) as a violent noun's
    genitive does the act (``استهداف الطيران المروحي ببرميلين متفجرين بلدة``): it is how
    a side strikes, not what is struck."""
    if genitive is None:
        return False
    head = tokens[genitive.first]
    return "ال" in head.prefixes and instruments.contains(head)


def _lam_agent(slots: list[Slot], tokens: list[Token], match: TriggerMatch) -> Slot | None:
    """An actor with لـ right after an indefinite violent noun, past at most one adjective,
    does it (``قصف عشوائي للحوثيين``، ``هجوم لمليشيات الحوثي``، ``غارة جوية لطيران
    التحالف``): not past a noun (``قصف معسكرات لحزب العمال``: the camps' owner)."""
    trigger = tokens[match.start]
    if match.type != "ASSAULT" or "ال" in trigger.prefixes:
        return None
    after = next((s for s in slots if s.first > match.start), None)
    if after is None or after.prep != "ل" or after.victim or after.city:
        return None
    between = tokens[match.start + 1 : after.first]
    if len(between) > 1 or any(not _indefinite_adjective(t) for t in between):
        return None
    return after


def _indefinite_adjective(token: Token) -> bool:
    """An indefinite relational or descriptive adjective (``جوية``، ``عشوائي``،
    ``مكثفة``), not a plural noun (``معسكرات``، ``مواقع``)."""
    return not token.prefixes and not token.is_punct and token.norm.endswith(("ي", "يه", "ه"))


def _lam_noun_follows(tokens: list[Token], match: TriggerMatch, genitive: Slot | None,
                      time_nouns: CueList) -> bool:  # fmt: skip
    """A definite noun with لـ right after a verbal noun's genitive is its object, so the
    genitive does the act (``اقتحام قوات المقاومة للمدينة``، ``استهداف البنتاغون لها``),
    whether or not the object is an actor. Counted or civilian genitives stay the ones
    who suffer, and so does the genitive of a death (``مقتل عسكريين أتراك``); a time
    (``للمرة الثانية``, cue list ``time_nouns``) is no object."""
    if genitive is None or genitive.prep is not None or genitive.victim:
        return False
    lam = genitive.last + 1
    if lam >= len(tokens) or tokens[match.start].stem.startswith(DEATH_NOUN):
        return False
    word = tokens[lam]
    if word.norm in LAM_PRONOUNS:  # "سبب استهداف البنتاغون لها"
        return True
    return {"ل", "ال"} <= set(word.prefixes) and not time_nouns.contains(word)


LAM_PRONOUNS = frozenset({"له", "لها", "لهم", "لهما", "لهن"})  # normalized


DEATH_NOUN = "مقتل"


def _active_reading(
    slots: list[Slot], tokens: list[Token], match: TriggerMatch, genitive: Slot | None
) -> Slot | None:
    """A bare ``قتل`` read as a verbal noun is the active verb when a named actor follows
    it and then, unjoined, its victims (``قتل تنظيم داعش أمس عشرات المدنيين``، ``وقتل حزب
    العمال الكردستاني 20 جنديا``): the victims, or None. The passive ``قتل 18 شخصا``
    (counted victims first) and the noun ``مقتل`` are left to the genitive rule."""
    trigger = tokens[match.start]
    bare = not (set(trigger.prefixes) - {"و", "ف"}) and trigger.stem == trigger.lemma
    if genitive is None or not bare or genitive.victim or genitive.prep is not None:
        return None
    after = next((s for s in slots if s.first > genitive.last), None)
    if after is None or after.prep is not None or not after.victim:
        return None
    between = tokens[genitive.last + 1 : after.first]
    if len(between) > VICTIM_GAP or any(t.is_punct or "و" in t.prefixes for t in between):
        return None
    return None if "و" in tokens[after.first].prefixes else after
