"""Source and target of a trigger from Arabic clause structure.

Arabic news verbs usually come first and their subject follows (VSO: ``التقى بوغدانوف
أوديبير``); after ``أن``/``إن`` the subject comes first (``أن بوغدانوف التقى``); a
preposition marks the target (``مع``، ``على``، ``ضد``، ``إلى``، ``من``، ``ب``، ``ل``). A
nominal trigger takes its source from the genitive after it (``اتهامات موسكو``).

The rules, in order, for a verb trigger:
1. the *source* is the first actor mention after the verb, within a few tokens and not
   governed by a preposition (nor, after a verb joined by و/ف, a plural in the
   accusative: ``ودعت الحوثيين`` keeps the earlier verb's subject); else the first
   mention after the nearest ``أن``/``إن`` before the verb; else the nearest
   unprepositioned mention before it in the clause;
2. the *target* is the first mention after the trigger governed by one of the
   trigger's target prepositions, else the first unprepositioned mention after the
   source (a direct object).
A mention inside another person's role phrase is never an actor of the event.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from hadath.entities.rules import entity_rules
from hadath.model import Token
from hadath.text.normalize import DIACRITICS
from hadath.text.sentences import abbreviated

PREPOSITIONS = frozenset({"ب", "ل", "ك"})
# Normalized (على → علي, إلى → الي, لدى → لدي).
PREP_WORDS = frozenset(
    {"في", "من", "مع", "علي", "الي", "عن", "ضد", "لدي", "حول", "بين", "عبر", "نحو", "منذ"}
)
BOTH = frozenset({"كلا", "كل"})
OPENING_QUOTES = frozenset({"«", "“", '"'})
QUOTES = frozenset({*OPENING_QUOTES, "»", "”"})
VICTIM_SECTORS = frozenset({"CVL", "REF"})
COMPLEMENTIZERS = frozenset(
    {"ان", "بان", "وان", "فان", "انه", "انها", "لان", "بانه", "بانها", "فانه", "فانها"}
)
PRONOUN_COMPLEMENTIZERS = frozenset({"انه", "انها", "بانه", "بانها", "فانه", "فانها"})
COMMA_TEXTS = frozenset({"،", ","})
CLAUSE_BREAKS = frozenset({".", "؛", ";", ":", "!", "؟", "?"})
ADVERBS = frozenset({"امس", "اليوم", "ايضا", "كذلك", "بدوره", "بدورها", "غدا", "مجددا"})
# Words that open a clause whose subject may come before its verb (normalized).
CLAUSE_OPENERS = frozenset({"لكن", "ولكن", "بينما", "فيما", "كما", "حيث", "اذ", "ثم", "و", "بل"})
KANA = frozenset({"كان", "كانت", "كانوا"})  # "وكانت تركيا قد اتهمت"
VERB_PARTICLES = frozenset({"قد", "لقد", "فقد", "وقد"})
SUBJECT_REACH = 6  # tokens after a verb searched for its subject
TARGET_REACH = 12  # tokens after the trigger (or its subject) searched for the target
BACK_REACH = 10  # tokens before a verb searched for a fronted subject
OWNER_REACH = 2  # modifiers between a possessed noun and its لـ owner


@dataclass(frozen=True, slots=True)
class Slot:
    """A mention seen from a sentence: its token range and whether a preposition governs it."""

    index: int  # position in the sentence's mention list
    first: int
    last: int
    prep: str | None  # the preposition that governs it (normalized), if any
    type: str
    sector: str | None = None  # an unnamed participant's sector (CVL, MIL ...)
    counted: bool = False  # a number stands before it ("ستة أشخاص")
    locale: bool = False  # a place that is neither a state nor a capital (الرقة، دير الزور)
    city: bool = False  # a place that is no state, capitals included (الرياض، لشبونة)
    leads: int | None = None  # the actor it leads (التحالف الذي تقوده X: X leads التحالف)
    in_title: bool = False  # inside a person's title (سفير روسيا لدى بريطانيا): the person acts
    oblique: bool = False  # a sound plural in the accusative/genitive (الحوثيين): no subject
    state: bool = False  # a state by its own name (إيران), not its side (وفد إيراني)
    armed: bool = False  # headed by a weapon or an aircraft (ثلاث طائرات حربية تركية)

    @property
    def victim(self) -> bool:
        """Counted people or civilians: who suffers a violent act, never who does it;
        counted aircraft or tanks do it."""
        return (self.counted and not self.armed) or self.sector in VICTIM_SECTORS


COMMA_OPENERS = frozenset({"بينما", "فيما", "حيث", "وسط"})
COMMA_OPENER_PHRASES = frozenset({("في", "وقت"), ("في", "حين"), ("في", "الوقت")})


def comma_clause(tokens: Sequence[Token], start: int, end: int) -> int | None:
    """Index of the first comma in ``[start, end)`` that opens another clause (``، فيما``،
    ``، في وقت``، ``، بينما``), if any."""
    for i in range(start, end - 2):
        if tokens[i].text in COMMA_TEXTS and (
            tokens[i + 1].norm in COMMA_OPENERS
            or (tokens[i + 1].norm, tokens[i + 2].norm) in COMMA_OPENER_PHRASES
        ):
            return i
    return None


def governing_prep(tokens: Sequence[Token], first: int,
                   possessed: Callable[[Token], bool] | None = None) -> str | None:  # fmt: skip
    """The preposition before token ``first`` (a clitic on it, or the word before), or,
    when ``possessed`` says the word before is a possessed noun, the one before that
    (``على معسكرات الأكراد``، ``ضد مواقع تنظيم داعش``: the owner is the target)."""
    found = _prep_at(tokens, first)
    if possessed is None:
        return found
    if found is None and first > 1 and possessed(tokens[first - 1]):
        return _prep_at(tokens, first - 1)
    owned = _owned(tokens, first, possessed) if found == "ل" else None
    return found if owned is None else _prep_at(tokens, owned)


def _owned(tokens: Sequence[Token], first: int,
           possessed: Callable[[Token], bool]) -> int | None:  # fmt: skip
    """The possessed noun a ``لـ`` owner at ``first`` follows, past at most
    ``OWNER_REACH`` modifiers (``دوريتين لمليشيا الحوثي``، ``مركز حدودي للجيش التركي``،
    ``أهداف تابعة للتنظيم``): the owner takes that noun's place, and its preposition."""
    for i in range(first - 1, max(0, first - 1 - OWNER_REACH) - 1, -1):
        token = tokens[i]
        if possessed(token):
            return i
        if token.is_punct or token.norm in PREP_WORDS or PREPOSITIONS.intersection(token.prefixes):
            return None
    return None


def _prep_at(tokens: Sequence[Token], first: int) -> str | None:
    token = tokens[first]
    clitics = [p for p in token.prefixes if p in PREPOSITIONS]
    if clitics:
        return clitics[-1]
    if first > 1 and tokens[first - 1].text in OPENING_QUOTES:
        first -= 1  # "ضد «داعش»": the preposition stands before the quotation mark
    if first > 0 and tokens[first - 1].norm in PREP_WORDS:
        if tokens[first - 1].norm == "من" and first > 1 and tokens[first - 2].stem in BOTH:
            return None  # "كلاً من X و Y": both X and Y
        return tokens[first - 1].norm
    if first > 0 and not tokens[first - 1].stem and tokens[first - 1].prefixes:
        return tokens[first - 1].prefixes[-1]  # "بـ«الجيش الحر»"
    return None


def clause_bounds(tokens: Sequence[Token], at: int) -> tuple[int, int]:
    """Token range ``[start, end)`` of the clause around token ``at``."""
    start = at
    while start > 0 and not _breaks(tokens, start - 1):
        start -= 1
    end = at
    while end < len(tokens) and not _breaks(tokens, end):
        end += 1
    return start, end


def _breaks(tokens: Sequence[Token], i: int) -> bool:
    """Token ``i`` ends a clause: a full stop, colon, semicolon... but not the stop of an
    abbreviation (``أمين العاصمة المقدسة د. أسامة البار``)."""
    text = tokens[i].text
    if text not in CLAUSE_BREAKS:
        return False
    return not (text == "." and i > 0 and not tokens[i - 1].is_punct
                and abbreviated(tokens[i - 1].text))  # fmt: skip


def is_actor(slot: Slot) -> bool:
    return slot.type in ("PER", "ORG", "GPE")


def subject_of_verb(slots: Sequence[Slot], tokens: Sequence[Token], start: int, end: int,
                    bounds: tuple[int, int]) -> Slot | None:  # fmt: skip
    """The subject of a verb spanning tokens ``[start, end)``."""
    lo, hi = bounds
    complementizer = next(
        (i for i in range(start - 1, max(lo - 1, start - BACK_REACH), -1)
         if tokens[i].norm in COMPLEMENTIZERS),
        None,
    )  # fmt: skip
    if complementizer is not None:  # "أن موسكو ستستقبل مملوك": the subject comes first
        fronted = [s for s in slots if complementizer < s.first < start and s.prep is None]
        found = next((s for s in fronted if is_actor(s)), None)
        pronoun = tokens[complementizer].norm in PRONOUN_COMPLEMENTIZERS
        if found is not None or (pronoun and _agrees(tokens[complementizer], tokens[start])):
            return found  # "أنه طلب": the subject is the speaker's (see matrix_subject)
    topic = _topic_subject(slots, tokens, start, lo) if end > start else None
    if topic is not None:
        return topic
    gap = next(
        (i for i in range(end, min(hi, end + SUBJECT_REACH)) if not _skippable(tokens[i])), hi
    )
    after = next((s for s in slots if s.first == gap), None) or _kind_named(slots, tokens, gap)
    after = after or _epithet_named(slots, tokens, gap, hi)
    after = after or next((s for s in slots if gap < s.first <= gap + 2 and s.armed
                           and s.counted and s.prep is None), None)  # "قصفت ثلاث طائرات"
    joined_verb = has_conjunction(tokens[start])
    if after is not None and after.prep is None and plural_verb(tokens[start]):
        return _fronted_doer(slots, start, lo)  # "400 من الانفصاليين … هاجموا القوات"
    if after is not None and after.oblique and end > start and not joined_verb:
        return None  # "يلتقي مسؤولين عراقيين": a verb's object, its subject a pronoun
    if after is not None and not (after.oblique and joined_verb):  # the subject follows the
        if after.prep is None and is_actor(after):  # verb (past adverbs)
            return _named_whole(slots, tokens, after) or after
        return None
    if after is None and gap < hi and not tokens[gap].is_punct and tokens[gap].stem \
            and not _linking(tokens[gap]):
        # an unnamed subject ("زار وفد رفيع المستوى"), or a part of a named one
        if end <= start:
            return None
        return _partitive(slots, tokens, gap) or _appositive(slots, tokens, gap, hi)
    # no subject after the verb, or a joined verb's object in the accusative ("رحبت الجامعة
    # العربية بالهدنة ودعت الحوثيين"): the earlier verb's subject
    before = [s for s in slots if max(lo, start - BACK_REACH) <= s.first and s.last < start]
    free = [s for s in before if s.prep is None and is_actor(s) and not s.oblique]
    if free and joined_verb:
        return free[0]  # "التقى لافروف كيري وبحث معه": the first verb's subject, not its object
    return free[-1] if free else None


def _agrees(pronoun: Token, verb: Token) -> bool:
    """Whether the pronoun of ``أنه``/``إنه`` can be the verb's subject: a masculine
    pronoun is not that of a feminine perfect (``إنه كلما حققت المقاومة الشعبية تقدما``:
    the resistance, after the verb, advanced)."""
    masculine = pronoun.norm.endswith("ه")
    return not (masculine and verb.norm.endswith("ت") and len(verb.stem) >= 4)


def _named_whole(slots: Sequence[Slot], tokens: Sequence[Token], part: Slot) -> Slot | None:
    """The named group an unnamed part belongs to (``طائرات من التحالف الدولي``، ``دورية
    من مخابرات الجيش``): the actor governed by the من right after it. A definite part is
    a whole of its own, the من the verb's (``وطلبت الشرطة من المستشفى``)."""
    if part.sector is None or "ال" in tokens[part.first].prefixes:
        return None
    whole = next((s for s in slots if s.first > part.last), None)
    if whole is None or whole.prep != "من" or whole.first > part.last + 2:
        return None
    return whole if is_actor(whole) else None


APPOSITION_REACH = 8  # words of an unnamed title before the comma and the name


def _appositive(slots: Sequence[Slot], tokens: Sequence[Token], gap: int,
                hi: int) -> Slot | None:  # fmt: skip
    """A person named between commas after an unnamed title (``دعا رئيس لجنة حقوق الإنسان
    العربية، الدكتور هادي بن علي اليامي، هيئات``): the title's holder is the subject."""
    person = next((s for s in slots if s.first > gap), None)
    if person is None or person.type != "PER" or person.prep is not None:
        return None
    comma = person.first - 1
    if person.first - gap > APPOSITION_REACH or tokens[comma].text not in COMMA_TEXTS:
        return None
    closed = person.last + 1 >= hi or tokens[person.last + 1].text in COMMA_TEXTS
    between = tokens[gap:comma]
    return person if closed and not any(t.is_punct for t in between) else None


PARTITIVE_REACH = 2  # words of an unnamed group before the من of its named whole


def _partitive(slots: Sequence[Slot], tokens: Sequence[Token], gap: int) -> Slot | None:
    """The named whole of an unnamed subject (``اقتحمت قوات من جيش الاحتلال``، ``ضباط من
    الحرس الثوري``): the actor governed by من within two words of the subject's start;
    None when the subject names no actor (``زار وفد رفيع المستوى القاهرة``)."""
    whole = next((s for s in slots if s.first > gap), None)
    if whole is None or whole.prep != "من" or not is_actor(whole):
        return None
    if sound_plural_oblique(tokens[gap]):
        return None  # "والتقى ممثلين من الحكومة": an object in the accusative
    between = tokens[gap : whole.first]
    near = len([t for t in between if not t.is_punct]) <= PARTITIVE_REACH + 1  # with من
    return whole if near and not any(t.is_punct for t in between) else None


def sound_plural_oblique(token: Token) -> bool:
    """The word ends like a sound masculine plural (or dual) in the accusative or genitive
    (``مسؤولين``، ``الحوثيين``), not a short word that only ends so (``حسين``)."""
    return token.stem.endswith("ين") and len(token.stem) >= 5


def plural_verb(token: Token) -> bool:
    """A perfect verb in the plural (``هاجموا``، ``شنوا``): Arabic puts such a verb after
    its subject, so an actor right after it is its object."""
    return token.norm.endswith("وا") and len(token.stem) >= 4


def _fronted_doer(slots: Sequence[Slot], verb: int, lo: int) -> Slot | None:
    """The subject before a plural verb: the nearest free actor, or a counted group
    (``400 من الانفصاليين``), within reach; None when the subject is a pronoun."""
    before = [s for s in slots if max(lo, verb - BACK_REACH) <= s.first and s.last < verb]
    doers = [s for s in before
             if is_actor(s) and (s.prep is None or (s.counted and s.prep == "من"))]
    return doers[-1] if doers else None


def _epithet_named(slots: Sequence[Slot], tokens: Sequence[Token], at: int,
                   hi: int) -> Slot | None:  # fmt: skip
    """A person named right after a definite epithet (``وحمل العنصري افيغدور ليبرمان``،
    ``المخلوع صالح``): the epithet and the name are one subject."""
    if at + 1 >= hi or "ال" not in tokens[at].prefixes:
        return None
    person = next((s for s in slots if s.first == at + 1), None)
    return person if person is not None and person.type == "PER" and person.prep is None else None


def _kind_named(slots: Sequence[Slot], tokens: Sequence[Token], at: int) -> Slot | None:
    """The actor a group's kind noun introduces in quotation marks (``حركة «فتح»``): the
    kind noun and the quoted name are one subject. (Unquoted, the kind noun is part of
    the name's mention when it belongs to it: ``تنظيم داعش``.)"""
    if at + 2 >= len(tokens) or tokens[at].stem not in entity_rules().group_reference_heads:
        return None
    if tokens[at + 1].text not in QUOTES:
        return None
    return next((s for s in slots if s.first == at + 2), None)


def _topic_subject(slots: Sequence[Slot], tokens: Sequence[Token], verb: int,
                   lo: int) -> Slot | None:  # fmt: skip
    """An actor that opens its clause right before the verb is its subject (SVO: ``لكن
    موسكو انتقدت الولايات المتحدة``، ``وكانت تركيا قد اتهمت الحزب``); what follows the
    verb is then its object. Not for a verb joined by و/ف, whose subject is the earlier
    verb's (``التقى لافروف كيري وبحث معه``)."""
    if has_conjunction(tokens[verb]):
        return None
    i = verb - 1
    while i >= lo and (tokens[i].norm in VERB_PARTICLES or _skippable(tokens[i])):
        i -= 1
    slot = next((s for s in slots if s.last == i), None)
    # "وكانت المقاومة الشعبية في المحافظة قد توعدت": a place after the actor qualifies it
    if slot is not None and slot.prep == "في" and slot.type in ("GPE", "LOC"):
        slot = next((s for s in slots if s.last == slot.first - 1), None)
    elif slot is None and i - 1 > lo and tokens[i - 1].norm == "في":
        slot = next((s for s in slots if s.last == i - 2), None)
    if slot is None or slot.prep is not None or not is_actor(slot):
        return None
    before = slot.first - 1
    opens = before < lo or tokens[before].is_punct or tokens[before].norm in CLAUSE_OPENERS
    opens = opens or tokens[before].stem in KANA
    return slot if opens or ("و" in tokens[slot.first].prefixes and before <= lo) else None


def joined(tokens: Sequence[Token], start: int, first: int) -> bool:
    """A و joins the mention at ``first`` to what precedes it: on its first word or on a
    word before it (``ومقاتلي «قوات سوريا الديمقراطية»``)."""
    return any("و" in tokens[i].prefixes or tokens[i].norm == "و" for i in range(start, first + 1))


def has_conjunction(token: Token) -> bool:
    """A word joined by و or ف to what comes before (``وبحث``، ``فطالب``)."""
    return "و" in token.prefixes or "ف" in token.prefixes


QUANTIFIERS = frozenset({"بعض", "معظم", "غالبيه", "اغلب", "جميع"})


def _skippable(token: Token) -> bool:
    """Adverbs, punctuation, quantifiers (``اتصل بعض وزراء الحكومة``) and forms of
    address, single or compound (``address_forms`` in entity_rules.yaml: ``التقى معالي
    وزير الخارجية``، ``استقبل صاحب السمو الملكي الأمير``), that may stand between a verb
    and its subject."""
    norm = token.norm
    return (token.is_punct or norm in ADVERBS or norm in QUANTIFIERS
            or norm in entity_rules().address_forms)  # fmt: skip


def _linking(token: Token) -> bool:
    return token.norm in COMPLEMENTIZERS or token.norm in PREP_WORDS


def genitive_of_noun(slots: Sequence[Slot], tokens: Sequence[Token], start: int, end: int,
                     bounds: tuple[int, int]) -> Slot | None:  # fmt: skip
    """The actor right after an indefinite nominal trigger (its genitive: ``اتهامات موسكو``)."""
    if "ال" in tokens[start].prefixes:
        return None
    nxt = next((s for s in slots if s.first >= end), None)
    if nxt is not None and nxt.first == end and nxt.prep is None and nxt.first < bounds[1]:
        return nxt if is_actor(nxt) else None
    return None


def matrix_subject(slots: Sequence[Slot], tokens: Sequence[Token], start: int) -> Slot | None:
    """The speaker a reported action falls back on: ``نقل ... عن X أنه ...`` → X, else the
    nearest person (then organisation or state) before a complementizer or speech frame
    that introduces the trigger (``أعلن ياكوفينكو، سفير روسيا، أنه طلب``)."""
    frame = next((i for i in range(start - 1, -1, -1) if tokens[i].norm in COMPLEMENTIZERS), None)
    if frame is None or _own_subject_between(tokens, frame, start):
        return None
    earlier = [s for s in slots if s.last < frame]
    about = [s for s in earlier if s.prep == "عن" and is_actor(s)]
    if about:
        return about[-1]
    free = [s for s in earlier if s.prep is None]
    people = [s for s in free if s.type == "PER"]
    return (people or [s for s in free if is_actor(s)] or [None])[-1]


POSSESSIVES = ("ه", "ها", "هم", "هما")  # pronoun suffixes, as written (ة is none)


def _own_subject_between(tokens: Sequence[Token], frame: int, verb: int) -> bool:
    """Words between ``أن`` and the verb are the reported clause's own subject, named or
    not (``ذكرت إذاعة الجيش أن رجلين ملثمين أضرما الحريق``): the speaker is not it.
    ``أنه طلب``، ``أن يزور`` (the verb right after) leave the speaker."""
    if tokens[frame].norm in PRONOUN_COMPLEMENTIZERS:
        return False
    words = [t for t in tokens[frame + 1 : verb] if not t.is_punct and t.norm not in ADVERBS]
    # "أعلنت تركيا أن طائراتها شنت"، "إن بلاده": the speaker's own, so the speaker's act
    return bool(words) and not pronoun_suffixed(words[0])


def pronoun_suffixed(token: Token) -> bool:
    """The word as written ends in a pronoun suffix (``طائراتها``، ``لقائهما``، ``بلاده``;
    ة is none)."""
    return DIACRITICS.sub("", token.text).endswith(POSSESSIVES)


def target_of(slots: Sequence[Slot], end: int, bounds: tuple[int, int], preps: Sequence[str],
              source: Slot | None, nominal: bool = False,
              tokens: Sequence[Token] | None = None) -> Slot | None:  # fmt: skip
    """The target: a mention after the trigger governed by a target preposition, else an
    object. A mention joined by و right after a following source is a second source
    (``سيطر الجيش الوطني والمقاومة الشعبية على ...``), not the object."""
    start = source.last + 1 if source is not None and source.first >= end else end
    wanted = set(preps)
    place_end = -2
    partner = source if source is not None and source.first >= end else None
    for slot in (s for s in slots if start <= s.first < bounds[1] and s is not source):
        if slot.first > start + TARGET_REACH:
            break
        if partner is not None and tokens is not None and slot.prep is None \
                and slot.first <= partner.last + 2 and joined(tokens, partner.last + 1, slot.first):
            partner = slot
            continue
        if slot.type in ("GPE", "LOC") and (slot.prep == "في" or slot.first <= place_end + 1):
            place_end = slot.last  # a place (and its apposition: في العاصمة الفرنسية باريس)
            continue
        if is_actor(slot) and (slot.prep in wanted or (slot.prep is None and not nominal)):
            return slot
    return None
