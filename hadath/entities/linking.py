"""Within an article: roles attached to persons, keys given, references resolved.

* **Roles.** A person's role is the title phrase just before the name, from the
  nearest role head (``وزير الخارجية الروسي سيرغي لافروف``; a head before it joins:
  ``نائب وزير الخارجية``) or, failing that, an appositive after it (``ياكوفينكو، سفير
  روسيا الاتحادية لدى بريطانيا``), running through the names it mentions and stopping
  at punctuation or a stop word. The role's demonym or named country gives the
  person's country (known actors keep their own).
* **Partial names.** A one-word person (``لافروف``) is the person of the article whose
  name ends with that word.
* **References** (role, group, home-country and surname references): see
  :mod:`hadath.entities.references`.

Each mention gets a ``key``: ``actor:<id>`` for known actors, else ``name:<TYPE>:<name>``.
"""

from __future__ import annotations

from collections.abc import Set as AbstractSet

from hadath.actors.kb import KnowledgeBase
from hadath.entities.gazetteer import mention_start
from hadath.entities.mention import CLOSE_QUOTES, OPEN_QUOTES, Mention
from hadath.entities.mentions import COMMAS, OFFICE_KINDS
from hadath.entities.references import agent_key, article_references, bare_words, positions
from hadath.entities.rules import entity_rules
from hadath.model import Article, Token
from hadath.text.normalize import normalize
from hadath.text.sentences import abbreviated

ROLE_WINDOW = 12  # tokens searched before a name for its title
TITLE_LINK_GAP = 2  # words from a title head to a لـ/بـ head that continues its title
APPOSITIVE_MAX = 10  # tokens an appositive role may run
QUOTE_MARKS = frozenset({"«", "»", '"', "“", "”"})  # a quoted name inside a title


def _head(token: Token) -> bool:
    return token.stem in entity_rules().role_heads


def _stop(token: Token) -> bool:
    return token.is_punct or token.norm in entity_rules().role_stops


def _role_before(
    tokens: list[Token], first: int, taken: set[int], persons_end: set[int]
) -> int | None:
    """Index of the token where the title before a name starts, if any.

    The title runs back to the furthest role head within reach (``المتحدث باسم وزارة
    الدفاع الروسية اللواء``), not across another name; but a phrase that is the
    appositive of a person named just before it (``بوغدانوف، المبعوث الشخصي للرئيس
    بوتين``) belongs to that person, and the name after it only takes the nearest head.
    A title may stand before the comma that precedes the name (``وزير حقوق الإنسان
    اليمني، عزالدين الأصبحي``), unless it is the appositive of a person before it.
    """
    comma = first > 0 and tokens[first - 1].text in COMMAS
    end = first - 1 if comma else first  # "التقى وزير حقوق الإنسان اليمني، عزالدين الأصبحي"
    heads = []
    links = entity_rules().role_links
    for i in range(end - 1, max(-1, end - 1 - ROLE_WINDOW), -1):
        if tokens[i].norm in links and i < first - 1:
            continue  # "السفير الروسي في بريطانيا ألكسندر ياكوفيتكو"
        if tokens[i].text in QUOTE_MARKS:
            continue  # "رئيس المكتب السياسي لحركة «حماس»، خالد مشعل"
        if tokens[i].text == "." and i > 0 and abbreviated(tokens[i - 1].text):
            continue  # "أمين العاصمة المقدسة د. أسامة البار"
        if _stop(tokens[i]) or i in taken:  # taken: tokens of other persons' names
            break
        if _head(tokens[i]):
            heads.append(i)
    if not heads:
        return None
    if {"ل", "ب"} & set(tokens[heads[0]].prefixes) and (
        len(heads) == 1 or heads[0] - heads[1] > TITLE_LINK_GAP
    ):  # "بمثابة إهانة للرئيس كارتر": the preposition opens the title; not after a head
        return heads[0]  # close before it ("المستشار الدبلوماسي للرئيس الفرنسي جاك أوديبر")
    if tokens[end - 1].norm in entity_rules().role_links:
        return None  # "المتحدثة باسم دي ميستورا": the name is whom the role serves
    furthest = heads[-1]
    before = furthest - 1
    if before >= 0 and tokens[before].text in COMMAS:
        before -= 1
    coordinated = bool(set(tokens[furthest].prefixes) & {"و", "ف"})  # "ونائب وزير ...": its own
    if before in persons_end and not coordinated:
        # the appositive of the person before: after a comma it is not this name's at all
        return None if comma else heads[0]
    return furthest


def _role_after(tokens: list[Token], last: int, ends: dict[int, int],
                persons: AbstractSet[int]) -> tuple[int, int] | None:  # fmt: skip
    """``(first, last)`` token indices of an appositive role after a name, if any. With
    no comma after the name, a title that runs into another person's name is that
    person's (``اتهم أبو مازن وزير الخارجية الأمريكي جون كيري``), not an apposition,
    unless the person is its genitive (``أوديبير المستشار الدبلوماسي للرئيس الفرنسي
    فرنسوا هولاند``)."""
    i = last + 1
    comma = i < len(tokens) and tokens[i].text in COMMAS
    if comma:
        i += 1
    if i >= len(tokens) or not _head(tokens[i]) or set(tokens[i].prefixes) & {"و", "ف"}:
        return None  # "ونائب وزير ...": a second person, coordinated
    start, j = i, i
    while j < len(tokens) and j - start < APPOSITIVE_MAX:
        linked = _linked_name(tokens, j, ends) if j > start else None
        if linked is not None:  # "المسؤول الإعلامي السابق في «الجيش السوري الحر»"
            j = linked + 1
            continue
        if _stop(tokens[j]):
            break
        # a name inside the role (not the bare head noun itself): take it, go on only
        # through a link word
        if j in ends and (j > start or ends[j] > j):
            if j in persons and not comma and not _genitive_between(tokens, start, j):
                return None
            j = ends[j]
            after = j + 1
            if after < len(tokens) and tokens[after].norm in entity_rules().role_links:
                j = after + 1
                continue
            if _participle_link(tokens, after):  # "القوات الأميركية المشاركة في عملية ..."
                j = after + 2
                continue
            return start, j
        j += 1
    return (start, j - 1) if j - 1 >= start else None


def _participle_link(tokens: list[Token], i: int) -> bool:
    """A definite participle and a role link after a name inside a title describe that
    name's body (``مجموعة القوات الأميركية المشاركة في عملية …``، ``القوات التابعة لـ``):
    the title goes on."""
    if i + 1 >= len(tokens) or tokens[i].prefixes != ("ال",):
        return False
    rules = entity_rules()
    return tokens[i].stem in rules.participles and tokens[i + 1].norm in rules.role_links


def _linked_name(tokens: list[Token], j: int, ends: dict[int, int]) -> int | None:
    """The last token of a name a role link at ``j`` introduces (``في «الجيش السوري
    الحر»``، ``لدى بريطانيا``), its closing quotation mark included; else None."""
    if tokens[j].norm not in entity_rules().role_links:
        return None
    k = j + 1
    if k < len(tokens) and tokens[k].text in OPEN_QUOTES:
        k += 1
    if k not in ends:
        return None
    end = ends[k]
    return end + 1 if end + 1 < len(tokens) and tokens[end + 1].text in CLOSE_QUOTES else end


def _genitive_between(tokens: list[Token], start: int, end: int) -> bool:
    """A word carrying لـ in ``tokens[start:end]``: what follows is a genitive."""
    return any("ل" in tokens[k].prefixes for k in range(start, end))


def _country_in(tokens: list[Token], first: int, last: int, kb: KnowledgeBase,
                inside: list[Mention]) -> str | None:  # fmt: skip
    for mention in inside:
        if mention.type in ("GPE", "ORG") and mention.country:
            return mention.country
    for token in tokens[first : last + 1]:
        country = kb.demonym(token.norm)
        if country is not None:
            return country.country
    return None


def _without_honorifics(tokens: list[Token], first: int, last: int) -> int:
    """The role's last token once trailing ranks and honorifics are left out (``...
    الروسية اللواء``), unless nothing else is left (``اللواء``)."""
    honorifics = entity_rules().honorifics
    while last > first and (tokens[last].stem in honorifics or _loose_punct(tokens[last])):
        last -= 1
    return last


def _loose_punct(token: Token) -> bool:
    """Punctuation a title does not end with (a closing quote mark it keeps)."""
    return token.is_punct and token.text not in QUOTE_MARKS


def _role_text(body: str, first: Token, last: Token) -> str:
    """The role phrase as text, its first word without proclitics (``للرئيس`` → ``الرئيس``)."""
    start = mention_start(first, body)
    text = body[start : last.end].strip(" ،,")
    if "ال" in first.prefixes and not text.startswith(("ال", "آل")):
        text = "ال" + text
    return text


def attach_roles(article: Article, mentions: list[Mention],
                 kb: KnowledgeBase) -> set[tuple[int, int]]:  # fmt: skip
    """Set ``role`` (and ``country`` when unknown) on every person mention; returns the
    (sentence, token) positions the roles cover."""
    covered = set()
    for mention in mentions:
        if mention.type != "PER":
            continue
        tokens = article.sentences[mention.sentence].tokens
        same = [m for m in mentions if m.sentence == mention.sentence and m is not mention]
        ends = {m.first: m.last for m in same}
        taken = {i for m in same if m.type == "PER" for i in range(m.first, m.last + 1)}
        persons_end = {m.last for m in same if m.type == "PER"}
        before = _role_before(tokens, mention.first, taken, persons_end)
        span = (before, mention.first - 1) if before is not None else None
        if before is not None:
            mention.title_start = mention_start(tokens[before], article.body)
        after = (
            _role_after(tokens, mention.last, ends, {m.first for m in same if m.type == "PER"})
            if _may_follow(tokens, mention, before)
            else None
        )
        span = span or after
        if span is None:
            continue
        first, last = span
        last = _without_honorifics(tokens, first, last)
        covered.update((mention.sentence, i) for i in range(first, last + 1))
        if after is not None:
            role_last = last if span is after else _without_honorifics(tokens, *after)
            mention.role_end = tokens[role_last].end
            covered.update((mention.sentence, i) for i in range(after[0], after[1] + 1))
        mention.role = mention.role or _role_text(article.body, tokens[first], tokens[last])
        inside = [m for m in same if first <= m.first and m.last <= last]
        if mention.actor_id is None:  # a known actor keeps the knowledge base's country
            mention.country = mention.country or _country_in(tokens, first, last, kb, inside)
    return covered


def _may_follow(tokens: list[Token], mention: Mention, before: int | None) -> bool:
    """Whether a title after the name is the person's: always without a title before it;
    after one only when a comma sets it off or the title before is one word (``السفير
    محمد الهيصمي مندوب اليمن لدى الجامعة``). ``استقبل رئيس الإقليم مسعود بارزاني وزير
    الخارجية القطري``: the minister is whom he received."""
    if before is None or before == mention.first - 1:
        return True
    return mention.last + 1 < len(tokens) and tokens[mention.last + 1].text in COMMAS


def _in_title(mention: Mention, in_roles: AbstractSet[tuple[int, int]],
              kb: KnowledgeBase) -> bool:  # fmt: skip
    """A generic noun or an office that heads a person's title (``بوغدانوف، المبعوث
    الشخصي``، ``الرئيس اليمني السابق علي عبد الله صالح``) is that title, not an actor."""
    if (mention.sentence, mention.first) not in in_roles:
        return False
    actor = kb.by_id(mention.actor_id) if mention.actor_id else None
    return mention.source == "agent" or (actor is not None and actor.kind in OFFICE_KINDS)


def name_key(mention: Mention) -> str:
    return f"name:{mention.type}:{bare_words(mention.text)}"


def _family_names(mentions: list[Mention]) -> None:
    """A group's one-word name that is the family name of a person named before it in
    the article is that person (``عبد الملك الحوثي`` ... ``وقال الحوثي``); before any
    such person it stays the group (``مقرات الحوثي``)."""
    persons: dict[str, Mention] = {}
    for mention in sorted(mentions, key=lambda m: m.start):
        words = normalize(mention.text).split()
        if mention.type == "PER" and len(words) > 1:
            persons[words[-1]] = mention
        elif mention.type == "ORG" and len(words) == 1 and words[0] in persons:
            person = persons[words[0]]
            mention.type, mention.actor_id = "PER", person.actor_id
            mention.role, mention.country = person.role, person.country


def _assign_keys(mentions: list[Mention], article_id: str) -> None:
    for mention in mentions:
        if mention.actor_id:
            mention.key = f"actor:{mention.actor_id}"
        elif mention.source == "agent":
            mention.key = agent_key(mention, article_id)
        else:
            mention.key = name_key(mention)
    persons = [m for m in mentions if m.type == "PER"]
    names = [normalize(p.text).split() for p in persons]  # once each, not once per pair
    for mention, words in zip(persons, names, strict=True):
        if mention.actor_id or len(words) > 2:
            continue
        fuller = [p for p, name in zip(persons, names, strict=True)
                  if len(name) > len(words) and name[-len(words):] == words]  # fmt: skip
        if len({p.key for p in fuller}) == 1:
            mention.key = fuller[0].key
            mention.role = mention.role or fuller[0].role
            mention.country = mention.country or fuller[0].country


def link_article(article: Article, mentions: list[Mention], kb: KnowledgeBase) -> list[Mention]:
    """Roles, keys and references for one article's mentions; returns all mentions."""
    in_roles = attach_roles(article, mentions, kb)
    # "بوغدانوف، المبعوث الشخصي": the generic noun is the person's title, not an actor
    mentions = [m for m in mentions if not _in_title(m, in_roles, kb)]
    _family_names(mentions)
    _assign_keys(mentions, article.id)
    references = article_references(article, mentions, kb, in_roles)
    covered = positions(references)
    kept = [m for m in mentions if (m.sentence, m.first) not in covered]  # office -> person
    return sorted(kept + references, key=lambda m: m.start)
