"""Finding entity mentions in an article: knowledge base, statistical tagger, one decision.

Two sources propose spans over each sentence's tokens:

* the knowledge-base gazetteer (:mod:`hadath.entities.gazetteer`): exact names of
  known actors, with their type and actor;
* the CRF tagger trained on ANERcorp (:mod:`hadath.entities.tagger`): PER, ORG and
  LOC spans of names the knowledge base does not know.

One decision per span: a knowledge-base match wins over any tagger span it overlaps
(it is exact and carries an actor); a tagger span is kept only where no match
overlaps it, and only if it passes the name filters (no function words, no
punctuation; a lone person word must not be an ordinary Arabic word unless a title
precedes it). A tagger LOC is a GPE unless its head noun names a region, water or
site (``loc_heads``). A matched office (``الرئيس الفرنسي``) directly before a person
is that person's title, not a mention of its own. Unnamed actors (``الجانب الروسي``،
``المسلحين``) come from :mod:`hadath.entities.unnamed`.
"""

from __future__ import annotations

import functools
import re

from hadath.actors.kb import KnowledgeBase
from hadath.entities.gazetteer import Gazetteer, Match, matching_form
from hadath.entities.joins import joined_names
from hadath.entities.mention import (
    CLOSE_QUOTES,
    OPEN_QUOTES,
    PATRONYMS,
    PLACE_TYPES,
    Mention,
    mention_offsets,
)
from hadath.entities.rules import entity_rules
from hadath.entities.tagger import Span, Tagger, bio_spans
from hadath.entities.unnamed import agent_mentions, people_mentions, side_mentions
from hadath.model import Article, Token
from hadath.text.clitics import dictionary_lemma
from hadath.text.normalize import DIACRITICS

TITLE_REACH = 5  # "السفير الروسي في بريطانيا ألكسندر": the title may stand four words back
ARABIC = re.compile("[\u0621-\u064a]")
OFFICE_KINDS = frozenset({"office", "presidency"})
COMMAS = ("،", ",")
APPOSITION_GAP = 2  # untagged name words between a title and its person (عبدربه منصور هادي)
HONORIFIC_NAME = 4  # words of a name after a rank or honorific ("هادي بن علي اليامي")
NAME_PARTICLES = frozenset({"بن", "ابن", "بنت", "ابو", "ال"})  # normalized: inside a name
NAME_JOINERS = NAME_PARTICLES | {"ابي", "عبد"}  # a name after a title runs on past them
# Plural, dual and adverbial endings: منفصلين → منفصل, لهجومين → هجوم, ميدانياً → ميداني.
ORDINARY_SUFFIXES = ("ين", "ون", "ات", "ان", "ا", "ه", "ها", "ية", "تا", "وا", "ت")


def _quoted(tokens: list[Token], first: int, last: int) -> bool:
    """The name stands alone between quotation marks (``لـ«الشرق الأوسط»``)."""
    return (
        first > 0 and last + 1 < len(tokens)
        and tokens[first - 1].text in OPEN_QUOTES and tokens[last + 1].text in CLOSE_QUOTES
    )  # fmt: skip




def _reading(kb: KnowledgeBase, tokens: list[Token], match: Match):
    """The actor a name stands for; a quoted name that is also an organization's is the
    organization (the newspaper «الشرق الأوسط», not the region); of two places, the
    capital."""
    actors = [kb.by_id(actor_id) for actor_id in match.actor_ids]
    if len(actors) > 1 and _quoted(tokens, match.first, match.last):
        return next((a for a in actors if a.type == "ORG"), actors[0])
    if len(actors) > 1 and all(a.type in PLACE_TYPES for a in actors):
        # two places of one name: the capital is the one the news names (طرابلس: Libya's)
        return next((a for a in actors if kb.capital_of(a.id)), actors[0])
    return actors[0]


def _kb_mention(article: Article, kb: KnowledgeBase, index: int, tokens: list[Token],
                match: Match) -> Mention:  # fmt: skip
    actor = _reading(kb, tokens, match)
    start, end = mention_offsets(article, tokens, match.first, match.last)
    return Mention(start, end, article.body[start:end], actor.type, index, match.first,
                   match.last, actor.id, "kb", country=actor.country)  # fmt: skip


# Normalization writes final ى as ي, so the name علي and the preposition على are one
# word: written with ي (العلي، عليّ), it is the name.
YA_NAMES = frozenset({"علي"})


def _is_name_word(token: Token) -> bool:
    rules = entity_rules()
    if token.is_punct:
        return False
    if token.stem in YA_NAMES and DIACRITICS.sub("", token.text).endswith("ي"):
        return True
    return token.stem not in rules.not_names and token.norm not in rules.not_names


def _titled(tokens: list[Token], first: int) -> bool:
    """Whether a role head (الرئيس، اللواء ...) stands shortly before token ``first``."""
    heads = entity_rules().role_heads
    return any(tokens[i].stem in heads for i in range(max(0, first - TITLE_REACH), first))


def ordinary(token: Token) -> bool:
    """Whether a word is in the Arabic lexicon (as written, or without its proclitics)."""
    bare = token.text[max(0, token.stem_start - token.start) :] if token.stem_start >= 0 else ""
    return _ordinary_word(token.text, bare)


@functools.lru_cache(maxsize=1 << 18)
def _ordinary_word(text: str, bare: str) -> bool:
    bare = bare.rstrip("\u064b\u064c\u064d")
    bases = {bare, bare[1:]} if bare[:1] in "وفبلك" else {bare}  # a proclitic left unsplit
    forms = (
        {text}
        | bases
        | {base[: -len(s)] for base in bases for s in ORDINARY_SUFFIXES if base.endswith(s)}
    )
    return any(dictionary_lemma(form) is not None for form in forms if len(form) >= 2)


def _accept_tagged(tokens: list[Token], first: int, last: int, kind: str) -> bool:
    """Tagger spans must look like names: no function words, not all ordinary words
    (ميدانياً، نظيره التركي) unless a title or a place noun introduces them."""
    words = tokens[first : last + 1]
    if not all(_is_name_word(t) for t in words):
        return False
    if set(words[0].prefixes) & {"ب", "ل", "ك"} and kind == "PER":
        return False
    if all(ordinary(t) for t in words):
        return _titled(tokens, first) if kind == "PER" else _after_place_noun(tokens, first)
    return True


def _after_place_noun(tokens: list[Token], first: int) -> bool:
    return first > 0 and tokens[first - 1].stem in entity_rules().place_nouns


def _tagged_type(tokens: list[Token], first: int, kind: str) -> str:
    if kind != "LOC":
        return kind
    head = tokens[first - 1].stem if first > 0 else ""
    return (
        "LOC"
        if head in entity_rules().loc_heads or tokens[first].stem in entity_rules().loc_heads
        else "GPE"
    )


def _outside(spans: list[tuple[int, int, str]], taken: set[int]) -> list[tuple[int, int, str]]:
    """Tagger spans with the tokens of knowledge-base matches cut out (runs kept apart)."""
    out = []
    for first, end, kind in spans:
        run: list[int] = []
        for i in [*range(first, end), None]:
            if i is not None and i not in taken:
                run.append(i)
            elif run:
                out.append((run[0], run[-1] + 1, kind))
                run = []
    return out


def _may_hold_new_names(tokens: list[Token], taken: set[int]) -> bool:
    """Whether the tagger could add a mention the filters would keep: some word outside
    the knowledge-base matches is not an ordinary word, or a title or place noun stands
    in the sentence (a title also when a match covers it and the next word is free:
    ``العقيد`` is a generic agent). Other sentences skip the tagger (same result)."""
    heads = entity_rules().role_heads
    for i, token in enumerate(tokens):
        if i in taken:
            if token.stem in heads and i + 1 < len(tokens) and i + 1 not in taken:
                return True  # "وقال العقيد أحمد المسماري": a known title before untagged words
            continue
        offset = token.stem_start - token.start if token.stem_start >= 0 else None
        if _new_name_word(token.text, token.stem, offset, token.is_punct):
            return True
    return False


@functools.lru_cache(maxsize=1 << 18)
def _new_name_word(text: str, stem: str, offset: int | None, is_punct: bool) -> bool:
    """:func:`_may_hold_new_names` for one word (``offset``: where its stem starts in
    ``text``, None when unknown): a title or place noun, or an Arabic word that is not
    an ordinary word. The tagger keeps no Latin-script or numeric names."""
    if is_punct or not stem or not ARABIC.search(stem):
        return False
    rules = entity_rules()
    if stem in rules.role_heads or stem in rules.place_nouns:
        return True
    return not _ordinary_word(text, text[max(0, offset) :] if offset is not None else "")


def _tagger_mentions(article: Article, index: int, tokens: list[Token], spans: list[Span],
                     taken: set[int]) -> list[Mention]:  # fmt: skip
    out = []
    for first, end, kind in _outside(spans, taken):
        last = end - 1
        if kind == "LOC" and _titled(tokens, first):
            kind = "PER"  # "السفير الروسي في بريطانيا ألكسندر ياكوفيتكو"
        if not _accept_tagged(tokens, first, last, kind):
            continue
        start, stop = mention_offsets(article, tokens, first, last)
        out.append(Mention(start, stop, article.body[start:stop], _tagged_type(tokens, first, kind),
                           index, first, last, None, "crf"))  # fmt: skip
    return out


def _offices_as_titles(article: Article, tokens: list[Token], kb: KnowledgeBase,
                       mentions: list[Mention]) -> list[Mention]:  # fmt: skip
    """Drop an office mention directly followed by a person: it is that person's title
    (``الرئيس اليمني عبدربه منصور هادي``، ``المبعوث الأممي، إسماعيل ولد الشيخ أحمد،``).
    Name words the tagger left between them (``عبدربه``) join the person's mention."""
    kept = []
    for i, mention in enumerate(mentions):
        following = mentions[i + 1] if i + 1 < len(mentions) else None
        gap = None
        if following is not None and following.type == "PER" and _is_office(kb, tokens, mention):
            gap = _apposition_gap(tokens, mention, following)
        if gap is None:
            kept.append(mention)
        elif gap:
            following.first -= gap
            following.start = mention_offsets(article, tokens, following.first, following.last)[0]
            following.text = article.body[following.start : following.end]
    return kept


def _is_office(kb: KnowledgeBase, tokens: list[Token], mention: Mention) -> bool:
    """A known office, or any mention headed by a person's title word (``وزير الخارجية
    الروسي``, the ministry's name as its minister; ``رئيس إقليم كردستان`` tagged as a
    person)."""
    actor = kb.by_id(mention.actor_id) if mention.actor_id else None
    if actor is not None and actor.kind in OFFICE_KINDS:
        return True
    return tokens[mention.first].stem in entity_rules().role_heads


def _definite_nisba(token: Token) -> bool:
    return "ال" in token.prefixes and token.stem.endswith(("ي", "يه", "ية"))


def _apposition_gap(tokens: list[Token], office: Mention, person: Mention) -> int | None:
    """How many untagged name words stand between an office and the person after it
    (0: adjacent, or set off by commas or a comma and the sentence's end), or None
    when the person does not directly follow."""
    if office.sentence != person.sentence:
        return None
    between = tokens[office.last + 1 : person.first]
    while between and _definite_nisba(between[0]):
        between = between[1:]  # "المبعوث الأممي، إسماعيل": the tagger's office lacks its adjective
    if len(between) == 1 and between[0].text in COMMAS:
        closed = person.last + 1 >= len(tokens) or tokens[person.last + 1].is_punct
        return 0 if closed else None
    if len(between) <= APPOSITION_GAP and all(
        _is_name_word(t) and not ordinary(t) and "ال" not in t.prefixes for t in between
    ):
        return len(between)
    return None


def _known_mentions(article: Article, index: int, gazetteer: Gazetteer) -> list[Mention]:
    """Knowledge-base, side and generic-agent mentions of sentence ``index``."""
    tokens = article.sentences[index].tokens
    found = [_kb_mention(article, gazetteer.kb, index, tokens, m) for m in gazetteer.find(tokens)]
    taken = _taken(found)
    found += side_mentions(article, index, tokens, gazetteer.kb, taken)
    found += people_mentions(article, index, tokens, gazetteer.kb, _taken(found))
    found += agent_mentions(article, index, tokens, gazetteer.kb, _taken(found))
    return found


def _taken(mentions: list[Mention]) -> set[int]:
    return {i for m in mentions for i in range(m.first, m.last + 1)}


def _finish(article: Article, index: int, kb: KnowledgeBase,
            found: list[Mention]) -> list[Mention]:  # fmt: skip
    tokens = article.sentences[index].tokens
    found = [m for m in found if not _named_facility(tokens, m)]
    found = joined_names(article, tokens, found)
    found = _honorific_names(article, index, tokens, found)
    found = _lineages(article, tokens, found)
    return _offices_as_titles(article, tokens, kb, found)


def _named_facility(tokens: list[Token], mention: Mention) -> bool:
    """A person named in a place's or a body's name (``مطار الملك خالد``، ``جامعة الملك
    سعود``، ``مركز الملك سلمان للإغاثة``) is not there as an actor."""
    if mention.type != "PER":
        return False
    rules = entity_rules()
    before = mention.first - 1
    if before >= 0 and (tokens[before].stem in rules.role_heads
                        or tokens[before].stem in rules.honorifics):  # fmt: skip
        before -= 1  # "الملك" before the name, when the mention does not hold it
    return before >= 0 and tokens[before].stem in rules.facility_nouns


LINEAGE = frozenset({"بن", "بنت", "ابن", "ال"})  # normalized; ال is آل "family of"


def _lineages(article: Article, tokens: list[Token], found: list[Mention]) -> list[Mention]:
    """A person's name goes on through بن/بنت/آل and the names after them (``الملك سلمان
    بن عبدالعزيز``، ``محمد بن نايف بن عبد العزيز``، ``آل سعود``): the chain joins the
    person's mention, and what the tagger or the knowledge base made of its parts
    (``بن عبدالعزيز``) goes. Returns the mentions in text order."""
    out = sorted(found, key=lambda m: m.first)
    gone: set[int] = set()
    for mention in out:
        if mention.type != "PER" or id(mention) in gone:
            continue
        first, last = _lineage_start(tokens, mention.first), _lineage_end(tokens, mention.last)
        if (first, last) == (mention.first, mention.last):
            continue
        inside = [m for m in out if m is not mention and first <= m.last and m.first <= last]
        gone |= {id(m) for m in inside}
        if first < mention.first:  # "محمد بن عبد الله بن عبد العزيز": a son, not his father
            mention.actor_id, mention.role = None, None
        mention.first = min([first, *(m.first for m in inside)])
        mention.last = max([last, *(m.last for m in inside)])
        mention.start, mention.end = mention_offsets(article, tokens, mention.first, mention.last)
        mention.text = article.body[mention.start : mention.end]
    return [m for m in out if id(m) not in gone]


def _lineage_start(tokens: list[Token], first: int) -> int:
    """Where a name starting at ``first`` starts when it is the father's name in a
    longer one (``محمد بن`` before it; not ``ابن``, the noun: ``قدمي ابن القذافي``)."""
    while first >= 2 and tokens[first - 1].norm in PATRONYMS \
            and _lineage_word(tokens[first - 2]):
        first -= 2
    return first


def _lineage_end(tokens: list[Token], last: int) -> int:
    """Where a name ending at ``last`` ends once its بن/آل chain is read (``عبد`` takes
    the word after it: ``بن عبد العزيز``)."""
    end = len(tokens)
    while True:
        link = last if tokens[last].norm in LINEAGE else last + 1
        if link >= end or tokens[link].norm not in LINEAGE or link + 1 >= end:
            return last
        name = link + 1
        if not _lineage_word(tokens[name]):
            return last
        if tokens[name].norm == "عبد" and name + 1 < end and _lineage_word(tokens[name + 1]):
            name += 1
        last = name


def _lineage_word(token: Token) -> bool:
    return _is_name_word(token) and bool(ARABIC.search(token.stem)) and "و" not in token.prefixes


def _honorific_names(article: Article, index: int, tokens: list[Token],
                     found: list[Mention]) -> list[Mention]:  # fmt: skip
    """A rank or honorific is followed by a person's name (``الدكتور هادي بن علي
    اليامي``، ``العميد سمير الحاج``): the name words after it, up to ``HONORIFIC_NAME``,
    make a person, or complete the one the tagger began (``هادي بن``, ``سمير``); a new
    one needs two words, or one that is no ordinary word."""
    honorifics, qualifiers = entity_rules().honorifics, entity_rules().rank_qualifiers
    out = list(found)
    for rank, token in enumerate(tokens[:-1]):
        if token.stem not in honorifics:
            continue
        i = rank  # "الفريق أول ركن مشعل الزبن": the rank goes on through its qualifiers
        while i + 2 < len(tokens) and tokens[i + 1].norm in qualifiers:  # not "الفريق الأول"
            i += 1
        begun = next((m for m in out if m.first == i + 1), None)
        if (begun is not None and begun.type != "PER") or (
            begun is None and "ال" in tokens[i + 1].prefixes
        ):
            continue  # a first name takes no article: "اللواء الثالث مشاة" is a brigade
        taken = _taken([m for m in out if m is not begun])
        last = _name_end(tokens, i if begun is None else begun.last, i, taken)
        if begun is not None and last > begun.last:
            begun.last = last
            begun.end = mention_offsets(article, tokens, begun.first, last)[1]
            begun.text = article.body[begun.start : begun.end]
        elif begun is None and (last - i >= 2 or (last == i + 1 and not ordinary(tokens[last]))):
            start, end = mention_offsets(article, tokens, i + 1, last)
            out.append(Mention(start, end, article.body[start:end], "PER", index, i + 1, last,
                               None, "title"))  # fmt: skip
    return out


def _name_end(tokens: list[Token], last: int, title: int, taken: set[int]) -> int:
    """Last token of a name after the title at ``title``, extended from ``last`` over
    name words (no role head, no و, nothing another mention holds)."""
    heads = entity_rules().role_heads
    last = max(last, title)
    while last + 1 < len(tokens) and last - title < HONORIFIC_NAME and last + 1 not in taken:
        word = tokens[last + 1]
        if not ARABIC.search(word.stem or word.norm):
            break  # "اللواء 15 ميكا": a brigade, not a general
        joined = tokens[last].norm in NAME_JOINERS and not word.is_punct  # "بن علي"
        if not joined and (not _is_name_word(word) or word.stem in heads or "و" in word.prefixes):
            break
        last += 1
    return last if last > title else title


def sentence_mentions(article: Article, index: int, gazetteer: Gazetteer,
                      tagger: Tagger | None) -> list[Mention]:  # fmt: skip
    """Mentions in sentence ``index`` of ``article``, in text order (the sentence alone:
    :func:`find_mentions` also makes the tagger consistent across the article)."""
    tokens = article.sentences[index].tokens
    found = _known_mentions(article, index, gazetteer)
    taken = _taken(found)
    if tagger is not None and _may_hold_new_names(tokens, taken):
        spans = tagger.spans([t.text for t in tokens])
        found += _tagger_mentions(article, index, tokens, spans, taken)
    return _finish(article, index, gazetteer.kb, found)


def find_mentions(article: Article, gazetteer: Gazetteer, tagger: Tagger | None) -> list[Mention]:
    """Every mention in ``article`` (its sentences must be tokenized).

    The tagger runs on the sentences that may hold new names, as one article
    (:meth:`Tagger.tag_article`: a name it tags once is tagged where it repeats).
    """
    found = [_known_mentions(article, i, gazetteer) for i in range(len(article.sentences))]
    taken = [_taken(mentions) for mentions in found]
    if tagger is not None:
        chosen = [
            i
            for i, sentence in enumerate(article.sentences)
            if _may_hold_new_names(sentence.tokens, taken[i])
        ]
        words = [[t.text for t in article.sentences[i].tokens] for i in chosen]
        for i, tags in zip(chosen, tagger.tag_article(words), strict=True):
            tokens = article.sentences[i].tokens
            found[i] += _tagger_mentions(article, i, tokens, bio_spans(tags), taken[i])
    kb = gazetteer.kb
    return [m for i, mentions in enumerate(found) for m in _finish(article, i, kb, mentions)]


def forms(tokens: list[Token]) -> list[str]:
    """Matching forms of tokens (re-exported for the linking rules)."""
    return [matching_form(t) for t in tokens]
