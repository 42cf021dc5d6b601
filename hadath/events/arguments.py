"""The candidate actors of a sentence's events: its entity mentions, and the unnamed
participants that name no entity but act or suffer in events.

* A person's slot starts at the title written before the name (``الرئيس الأمريكي
  باراك أوباما``), as the entity stage found it.
* A named actor widened by a group noun before it (``عناصر تنظيم داعش``، ``قوات
  النظام``، ``ممثلي السلطات الروسية``): the slot starts at the group noun, so the verb
  before it finds its subject, and the actor stays the named one.
* An unnamed participant: a generic agent noun of the knowledge base (``مقاتلات``،
  ``المتظاهرون``، ``أشخاص``، ``قوات الأمن``) with the modifiers that follow it
  (``مقاتلات حربية تركية``، ``القوات الموالية``). It becomes an ORG span with no actor
  (``attrs``: ``key``, ``agent`` = its sector, ``country`` from a demonym), so an event
  may say "the Turkish jets" when the text does.

Cue lists (``group_heads``, ``quantities``) live in ``hadath/data/events/cues.yaml``;
agent nouns in ``hadath/data/actors/agents.yaml``.
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Sequence
from collections.abc import Set as AbstractSet
from dataclasses import replace

from hadath.actors.kb import KnowledgeBase
from hadath.entities.mention import CLOSE_QUOTES, word_before
from hadath.entities.unnamed import NISBA_ENDINGS, SOUND_PLURALS
from hadath.events.cues import Cues
from hadath.events.relatives import RELATIVE_PRONOUNS
from hadath.events.roles import PREP_WORDS, Slot, governing_prep, sound_plural_oblique
from hadath.model import Article, Sentence, Span, Token
from hadath.text.normalize import normalize

MAX_MODIFIERS = 3
Found = tuple[Span, tuple[int, int]]  # a candidate and its first and last token
# Words with the article that end a participant's phrase rather than modify it.
PHRASE_STOPS = frozenset(
    {
        "الذي", "التي", "الذين", "اللذين", "اللتين", "اللذان", "اللتان", "اللاتي", "اليوم",
        "الماضي", "الماضيه", "المقبل", "المقبله", "الحالي", "الجاري", "الاسبوع", "الشهر",
        "العام", "الليله", "الاحد", "الاثنين", "الثلاثاء", "الاربعاء", "الخميس", "الجمعه",
        "السبت", "الان", "الاول", "الاخير", "الاخيره", "الثاني", "الثالث", "الساعات",
        "الايام", "الاخري", "الاخرين",
    }
)  # fmt: skip


def sentence_arguments(article: Article, sentence: Sentence, mentions: list[Span],
                       kb: KnowledgeBase | None, cues: Cues, triggers: AbstractSet[int],
                       titles: list[tuple[int, int]] | None = None,
                       ) -> tuple[list[Span], list[Slot]]:  # fmt: skip
    """Mentions plus unnamed participants, in text order, and a slot for each.

    ``triggers`` are token positions of event triggers: never a participant (طالب is a
    student and "demanded"); ``titles`` are the mentions' :func:`title_ranges`, when the
    caller has them.
    """
    tokens = sentence.tokens
    starts = [t.start for t in tokens]
    ranges = [_token_range(starts, m) for m in mentions]
    covered = {i for first, last in ranges for i in range(first, last + 1)}
    covered |= _title_tokens(starts, mentions, ranges)  # "العقيد" of "العقيد أحمد المسماري"
    found = list(zip(mentions, ranges, strict=True))
    if kb is not None:
        found += _participants(article, tokens, kb, covered, triggers, cues)
        found += _nisba_sides(article, tokens, kb, covered, triggers)
    phrases = sorted(
        ((_phrase_head(tokens, starts, span, first, covered, cues), last, span)
         for span, (first, last) in found),
        key=lambda item: (item[0], -item[1]),
    )  # fmt: skip  # text order of the phrases; a titled name before a name in its title
    spans = [span for _, _, span in phrases]
    titles = title_ranges(mentions) if titles is None else titles
    slots = []
    for index, (first, last, span) in enumerate(phrases):
        prep = _prep_of_phrase(tokens, first, cues)
        sector = span.attrs.get("agent") or _agent_sector(kb, tokens, span, first)
        locale, city = _place_kinds(kb, span)
        in_title = any(start <= span.start and span.end <= end for start, end in titles)
        slots.append(Slot(index, first, last, normalize(prep) if prep else None, span.label,
                          sector, _counted(tokens, first, cues), locale, city,
                          in_title=in_title, oblique=_oblique(tokens[first], span),
                          state=_named_state(kb, span),
                          armed=cues.lists["instruments"].contains(tokens[first])))  # fmt: skip
    return spans, _with_leaders(tokens, slots, cues)


def title_ranges(mentions: Sequence[Span]) -> list[tuple[int, int]]:
    """Body ranges of the titles written around persons' names (``ياكوفينكو، سفير روسيا
    الاتحادية لدى بريطانيا``، ``وزير خارجية روسيا سيرجي لافروف``)."""
    out = []
    for span in mentions:
        if span.label != "PER":
            continue
        before, after = span.attrs.get("title_start"), span.attrs.get("role_end")
        if before is not None and before < span.start:
            out.append((before, span.start))
        if after is not None and after > span.end:
            out.append((span.end, after))
    return out


def _with_leaders(tokens: list[Token], slots: list[Slot], cues: Cues) -> list[Slot]:
    """Slots named as the leader of the actor right before them (``التحالف الذي تقوده
    الولايات المتحدة``، ``التحالف العربي بقيادة السعودية``): they tell which coalition,
    the coalition acts."""
    out = list(slots)
    for j in range(1, len(slots)):
        between = [t for t in tokens[slots[j - 1].last + 1 : slots[j].first] if not t.is_punct]
        if between and between[0].norm in RELATIVE_PRONOUNS:
            between = between[1:]
        if len(between) == 1 and cues.lists["leader_links"].contains(between[0]):
            out[j] = replace(slots[j], leads=j - 1)
    return out


STATE_KINDS = frozenset({"country", "autonomous region"})  # places that act through their names


def _named_state(kb: KnowledgeBase | None, span: Span) -> bool:
    """A state named by its own name (``إيران``), not a side or people mention."""
    if kb is None or span.label != "GPE" or span.attrs.get("source") != "kb":
        return False
    actor = kb.by_id(span.attrs["actor_id"]) if span.attrs.get("actor_id") else None
    return actor is not None and actor.kind in STATE_KINDS


def _place_kinds(kb: KnowledgeBase | None, span: Span) -> tuple[bool, bool]:
    """(locale, city) of a mention. A city is a place that is no state, a capital included
    (``الرياض``), or an unknown place; a locale is where things happen rather than a state
    acting through its name: a city, town or region that is no capital (``معركة تحرير
    الرقة``), or an unknown place."""
    if span.label not in ("GPE", "LOC") or kb is None:
        return False, False
    actor = kb.by_id(span.attrs["actor_id"]) if span.attrs.get("actor_id") else None
    if actor is None:
        return True, True
    city = actor.kind not in STATE_KINDS
    return city and kb.capital_of(actor.id) is None, city


def _title_tokens(starts: list[int], mentions: list[Span],
                  ranges: list[tuple[int, int]]) -> set[int]:  # fmt: skip
    """Tokens of the titles written before persons' names: part of the person's phrase,
    never a participant of their own."""
    out: set[int] = set()
    for span, (first, _) in zip(mentions, ranges, strict=True):
        title = _title_head(starts, span, first)
        if title is not None:
            out.update(range(title, first))
    return out


def _token_at(starts: list[int], offset: int) -> int:
    """The token a body offset falls in, given the tokens' start offsets."""
    return max(0, bisect.bisect_right(starts, offset) - 1)


def _token_range(starts: list[int], span: Span) -> tuple[int, int]:
    """First and last token of a span, given the tokens' start offsets."""
    first = _token_at(starts, span.start)
    last = max(first, bisect.bisect_left(starts, span.end) - 1)
    return first, last


def _phrase_head(tokens: Sequence[Token], starts: list[int], span: Span, first: int,
                 covered: set[int], cues: Cues) -> int:  # fmt: skip
    """Token index where a candidate's phrase starts: its title or its group noun."""
    title = _title_head(starts, span, first)
    return title if title is not None else _group_head(tokens, first, covered, cues)


def _title_head(starts: list[int], span: Span, first: int) -> int | None:
    """Token index where a person's title written before the name starts (``التقى الرئيس
    الأمريكي باراك أوباما``: the verb's subject is the titled name), if it has one."""
    title = span.attrs.get("title_start")
    if title is None or title >= span.start:
        return None
    return min(first, _token_at(starts, title))


def _group_head(tokens: Sequence[Token], first: int, covered: set[int], cues: Cues) -> int:
    """Token index where the actor's phrase starts: at a group noun right before it."""
    head = first - 1
    if head < 0 or head in covered or set(tokens[first].prefixes) - {"ال"}:
        return first  # "وقوات", "بالنظام": a conjunction or preposition starts a new phrase
    return head if _heads_group(tokens[head], cues) else first


def _heads_group(token: Token, cues: Cues) -> bool:
    """An indefinite group noun in construct with the name after it (``قوات النظام``،
    ``طائرات التحالف``)."""
    return "ال" not in token.prefixes and cues.lists["group_heads"].contains(token)


def _prep_of_phrase(tokens: Sequence[Token], first: int, cues: Cues) -> str | None:
    """The preposition governing a phrase; past a quantity governed by one (``مع عدد من
    المسؤولين``) the one governing the quantity word. An ungoverned quantity keeps من
    (``اعتقلوا العشرات من المواطنين``)."""
    possessed = cues.lists["possessed_nouns"].contains
    prep = governing_prep(tokens, first, possessed)
    at = first - 2
    if prep == "من" and tokens[first - 1].norm == "من" and at >= 0 \
            and cues.lists["quantities"].contains(tokens[at]):
        return governing_prep(tokens, at, possessed) or prep
    return prep


def _counted(tokens: Sequence[Token], first: int, cues: Cues) -> bool:
    """A number (or نحو، عشرات، عدد من) stands right before the phrase, or the phrase
    opens with a generic noun in the dual (``جنديين تركيين``: two soldiers)."""
    if dual_count(tokens[first], cues):
        return True
    at = first - 1
    if at >= 0 and tokens[at].norm == "من":
        at -= 1  # "590 من عناصر"، "عدد من المواطنين"
    if at >= 1 and tokens[at].text in CLOSE_QUOTES:
        at -= 1  # "قتل «14» جنديا": a quoted number
    if at < 0:
        return False
    token = tokens[at]
    return token.stem.isdigit() or cues.lists["quantities"].contains(token) or dual_count(
        token, cues
    )


def dual_count(token: Token, cues: Cues) -> bool:
    """A generic noun in the dual counts two (``قتل عنصران من الشرطة``، ``جنديين من``)."""
    stem = token.stem
    if len(stem) < 5 or not stem.endswith(("ان", "ين")):
        return False
    return stem[:-2] in cues.lists["anonymous_counts"].forms


def _participants(article: Article, tokens: Sequence[Token], kb: KnowledgeBase,
                  covered: set[int], triggers: AbstractSet[int],
                  cues: Cues) -> list[tuple[Span, tuple[int, int]]]:  # fmt: skip
    """Unnamed participants (``الجيش``، ``مقاتلات تركية``) outside the mentions
    (``covered``) and the trigger words, which are never participants but modify none:
    ``وحذر الجيش`` has the army as its subject, not an adjective of the verb."""
    taken = covered | triggers
    out = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        sector = None if i in taken or token.is_punct else _sector(kb, tokens, i)
        if (sector is None or _is_adjective(tokens, i, covered)
                or _groups_next(tokens, i, covered, cues)):  # fmt: skip
            i += 1
            continue
        last, country = _modifiers(tokens, i, kb, taken)
        if not _plausible(tokens, i, last, cues):
            i += 1
            continue
        start = _phrase_start(article, token)
        end = tokens[last].end
        attrs = {"key": "agent:" + " ".join(t.stem for t in tokens[i : last + 1]),
                 "actor_id": None, "agent": sector, "country": country}  # fmt: skip
        out.append((article.span(start, end, "ORG", **attrs), (i, last)))
        i = last + 1
    return out


def _phrase_start(article: Article, token: Token) -> int:
    """Where the phrase starts: at the article ``ال`` if any, after و ف ب ل ك."""
    if token.stem_start < 0:
        return token.start
    with_article = token.stem_start - 2
    if with_article >= token.start and article.body[with_article : token.stem_start] == "ال":
        return with_article
    return token.stem_start


def _agent_sector(kb: KnowledgeBase | None, tokens: Sequence[Token], span: Span,
                  first: int) -> str | None:  # fmt: skip
    """The sector of an unnamed actor the entity stage found (``المدنيين``، ``المسلحين``),
    which carries none of its own: its phrase's first agent noun's."""
    if kb is None or span.attrs.get("source") != "agent":
        return None
    last = min(len(tokens), first + 3)
    return next((x for i in range(first, last) if (x := _sector(kb, tokens, i))), None)


AGENT_PHRASE_WORDS = (3, 2)  # lengths of the agent phrases looked up (سلاح الجو، قوى الأمن)


def _sector(kb: KnowledgeBase, tokens: Sequence[Token], i: int) -> str | None:
    """The sector of the agent noun at ``i``, a group noun's code (الأكراد → KUR), or the
    sector of an agent phrase starting there whose head alone names none (``الأجهزة
    الأمنية``، ``سلاح الجو``)."""
    token = tokens[i]
    sector = kb.agents.sector(token.stem)
    if sector is None and "ال" in token.prefixes:
        group = kb.agents.group(token.stem)
        sector = group.code if group is not None else None
    return sector or _phrase_sector(kb, tokens, i)


def _phrase_sector(kb: KnowledgeBase, tokens: Sequence[Token], i: int) -> str | None:
    if tokens[i].stem not in _phrase_heads(kb):
        return None
    for n in AGENT_PHRASE_WORDS:
        words = tokens[i : i + n]
        if len(words) == n and not any(t.is_punct for t in words):
            sector = kb.agents.sector(" ".join([words[0].stem, *(t.norm for t in words[1:])]))
            if sector is not None:
                return sector
    return None


@functools.cache
def _phrase_heads(kb: KnowledgeBase) -> frozenset[str]:
    """First words of the agent phrases (``اجهزه`` of ``الأجهزة الأمنية``)."""
    return frozenset(word.split()[0] for word, _ in kb.agents.words() if " " in word)


def _groups_next(tokens: Sequence[Token], i: int, covered: set[int], cues: Cues) -> bool:
    """The agent noun heads the named actor right after it (``طائرات التحالف الدولي``):
    the named actor's slot takes it (:func:`_group_head`)."""
    return i + 1 in covered and _heads_group(tokens[i], cues) and not (
        set(tokens[i + 1].prefixes) - {"ال"}
    )


def _plausible(tokens: Sequence[Token], head: int, last: int, cues: Cues) -> bool:
    """A bare indefinite noun names a participant only when counted, modified or a
    sound plural (``ستة أشخاص``، ``مقاتلات حربية``، ``مواطنين``); ``مسؤول`` alone is
    as often "responsible"."""
    token = tokens[head]
    if "ال" in token.prefixes or last > head or _counted(tokens, head, cues):
        return True
    return len(token.stem) > 4 and token.stem.endswith(SOUND_PLURALS)


def _is_adjective(tokens: Sequence[Token], i: int, covered: set[int]) -> bool:
    """``العسكريين`` in ``المسؤولين العسكريين``: an agent noun modifying the noun before."""
    if i == 0 or tokens[i].prefixes != ("ال",):
        return False
    at = word_before(tokens, i)  # «داعش» الإرهابي
    before = tokens[at]
    return at in covered or ("ال" in before.prefixes and not before.is_punct)


def _nisba(token: Token) -> bool:
    """An indefinite relational adjective (حربية، عسكريين), not a particle (في، علي)."""
    stem = token.stem
    return not token.prefixes and len(stem) >= 4 and stem.endswith(NISBA_ENDINGS) and (
        stem not in PREP_WORDS
    )


def _modifiers(tokens: Sequence[Token], head: int, kb: KnowledgeBase,
               covered: set[int]) -> tuple[int, str | None]:  # fmt: skip
    """Last token of the head's phrase (adjectives, a definite genitive) and its country."""
    definite = "ال" in tokens[head].prefixes
    accusative = _accusative(tokens[head])
    last, country = head, None
    for j in range(head + 1, min(len(tokens), head + 1 + MAX_MODIFIERS)):
        token = tokens[j]
        if j in covered or token.is_punct or token.norm in PHRASE_STOPS:
            break
        demonym = kb.demonym(_nominative(token) if accusative else token.norm)
        if demonym is not None and demonym.kind == "country":
            last, country = j, demonym.country
            continue
        if token.prefixes == ("ال",) and (definite or j == head + 1):
            last, definite = j, True  # "القوات البرية", "قوات الأمن" (and "الخاصة" after it)
            continue
        if not definite and j == head + 1 and _construct_link(tokens, j, covered):
            last, definite = j + 1, True  # "قوات مكافحة الإرهاب"، "قوات حفظ السلام"
            continue
        if not definite and (_nisba(token) or (accusative and _accusative(token))):
            last = j  # "مقاتلات حربية"، "جنديا عراقيا"
            continue
        break
    return last, country


def _construct_link(tokens: Sequence[Token], j: int, covered: set[int]) -> bool:
    """A bare noun at ``j`` between an indefinite head and a definite genitive: the three
    are one definite phrase (``قوات مكافحة الإرهاب``)."""
    token, after = tokens[j], j + 1
    if token.prefixes or token.is_punct or _nisba(token) or _accusative(token):
        return False
    if token.stem.endswith(SOUND_PLURALS):
        return False  # an adjective ("مستوطنون متطرفون النار"), not a noun in construct
    if token.norm in PHRASE_STOPS or token.norm in PREP_WORDS or not token.stem:
        return False
    return after < len(tokens) and after not in covered and tokens[after].prefixes == ("ال",)


def _oblique(head: Token, span: Span) -> bool:
    """A sound masculine plural (or dual) in the accusative or genitive: ``الحوثيين``،
    ``المسلحين``، ``مسؤولين عراقيين`` (nominative ``الحوثيون``). Not a place (``البحرين``;
    people named by their state are none) and not a short word that only ends like one
    (``الحسين``)."""
    place = span.label in ("GPE", "LOC") and span.attrs.get("source") != "side"
    if place or not sound_plural_oblique(head):
        return False
    return head.stem.endswith("يين") or "ال" in head.prefixes or span.label != "PER"


def _accusative(token: Token) -> bool:
    """An indefinite noun or adjective in the accusative (``جنديا``، ``عراقيا``), not a
    verb's plural (``قتلوا``)."""
    stem = token.stem
    return not token.prefixes and len(stem) >= 4 and stem.endswith("ا") and not stem.endswith(
        ("وا", "ايا")
    )


def _nominative(token: Token) -> str:
    """``عراقيا`` → ``عراقي``: the form the demonym table lists."""
    return token.norm[:-1] if token.norm.endswith("يا") else token.norm


NISBA_REACH = 2  # adjectives between a nominal trigger and its demonym ("القصف الجوي التركي")


def _nisba_sides(article: Article, tokens: Sequence[Token], kb: KnowledgeBase,
                 covered: set[int], triggers: AbstractSet[int]) -> list[Found]:  # fmt: skip
    """A side named only by a demonym on the action's noun (``القصف الجوي التركي``،
    ``الغارات التركية``، ``غارات روسية``): the noun phrase is the actor (guidelines §6),
    an ORG span from the trigger to the demonym with that country and no actor id."""
    out = []
    for t in sorted(triggers):
        definite = "ال" in tokens[t].prefixes
        for j in range(t + 1, min(len(tokens), t + 2 + NISBA_REACH)):
            token = tokens[j]
            if j in covered or token.is_punct or ("ال" in token.prefixes) != definite:
                break
            demonym = kb.demonym(token.norm)
            if demonym is not None and demonym.kind == "country":
                start, end = _phrase_start(article, tokens[t]), token.end
                attrs = {"key": "side:" + demonym.id, "actor_id": None, "agent": None,
                         "country": demonym.country}  # fmt: skip
                out.append((article.span(start, end, "ORG", **attrs), (t, j)))
                break
            if not definite and not _nisba(token):
                break
    return out
