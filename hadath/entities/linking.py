"""Within an article: roles attached to persons, short and role references resolved.

* **Roles.** A person's role is the title phrase just before the name, from the
  nearest role head (``وزير الخارجية الروسي سيرغي لافروف``; a head before it joins:
  ``نائب وزير الخارجية``) or, failing that, an appositive after it (``ياكوفينكو، سفير
  روسيا الاتحادية لدى بريطانيا``), running through the names it mentions and stopping
  at punctuation or a stop word. The role's demonym or named country gives the
  person's country (known actors keep their own).
* **Partial names.** A one-word person (``لافروف``) is the person of the article whose
  name ends with that word.
* **Role references.** A definite role head with a demonym (``الوزير الروسي``،
  ``السفير الروسي``) that names nobody is the last person before it whose role has
  that head and whose country the demonym names.
* **Group references.** A definite group noun that names nobody (``التنظيم``،
  ``الحركة``) is the last organization before it named with that head (``تنظيم
  داعش``، ``حركة حماس``; a known actor's other names count: ``داعش`` is also
  ``تنظيم الدولة``).

Each mention gets a ``key``: ``actor:<id>`` for known actors, else ``name:<TYPE>:<name>``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from collections.abc import Set as AbstractSet

from hadath.actors.kb import KnowledgeBase, strip_article
from hadath.entities.gazetteer import mention_start
from hadath.entities.mention import CLOSE_QUOTES, OPEN_QUOTES, Mention, mention_offsets
from hadath.entities.mentions import COMMAS, OFFICE_KINDS
from hadath.entities.rules import entity_rules
from hadath.entities.unnamed import agent_adjectives
from hadath.model import AGENT_KEY, Article, Token
from hadath.outlets import outlet_by_id
from hadath.text.normalize import normalize

ROLE_WINDOW = 12  # tokens searched before a name for its title
TITLE_LINK_GAP = 2  # words from a title head to a لـ/بـ head that continues its title
APPOSITIVE_MAX = 10  # tokens an appositive role may run
QUOTE_MARKS = frozenset({"«", "»", '"', "“", "”"})  # a quoted name inside a title
ANY_COUNTRY = "*"  # a reference without a demonym matches a person of any country
BARE_UNSAFE = frozenset({"مسوول"})  # normalized: "المسؤول عن الهجوم" is whoever is responsible
DEMONSTRATIVES = frozenset({"هذا", "هذه", "ذلك", "تلك"})
POSSESSIVES = ("ه", "ها", "هم", "هما")  # "ملعبه الرئيس": a possessed noun and its adjective


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
            return start, j
        j += 1
    return (start, j - 1) if j - 1 >= start else None


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
    return f"name:{mention.type}:{_bare_words(mention.text)}"


def agent_key(mention: Mention, article_id: str) -> str:
    """An unnamed actor's key (``المدنيين``، ``الرهائن``، ``الشركة``): the people or the
    body one article speaks of, not everyone the noun names across the corpus
    (:data:`hadath.model.AGENT_KEY`, the article id, the noun). Its adjectives are left
    out: ``المقاومة`` is the ``المقاومة الشعبية`` named before it."""
    return f"{AGENT_KEY}{article_id}:{_bare_words(mention.text.split()[0])}"


def _bare_words(text: str) -> str:
    return " ".join(strip_article(w) for w in normalize(text).split())


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


def _references(article: Article, mentions: list[Mention], kb: KnowledgeBase,
                in_roles: AbstractSet[tuple[int, int]]) -> list[Mention]:  # fmt: skip
    """Mentions for ``الوزير الروسي``-style references to a person named before (not
    the words of a person's title, ``in_roles``)."""
    heads = entity_rules().reference_heads
    named = _positions(m for m in mentions if m.source != "agent")
    found = []
    for index, sentence in enumerate(article.sentences):
        tokens = sentence.tokens
        for i in range(len(tokens) - 1):
            head, adjective = tokens[i], tokens[i + 1]
            if "ال" not in head.prefixes or head.stem not in heads or (index, i) in in_roles:
                continue
            country = kb.demonym(adjective.norm)
            last = i + 1 if country is not None else i  # "الوزير الروسي" or "الوزير" alone
            if _names_follow(mentions, index, last) or (
                last == i and ((index, i) in named or not _bare_reference(tokens, i))
            ):
                continue
            if any(m.sentence == index and m.first == i and m.type == "PER" for m in mentions):
                continue
            wanted = country.country if country is not None else ANY_COUNTRY
            person = _last_person(mentions, index, head.start, head.stem, wanted)
            if person is not None:
                end = tokens[last].end
                start = mention_start(head, article.body)
                found.append(Mention(start, end, article.body[start:end], "PER", index, i, last,
                                     person.actor_id, "reference", person.role, person.country,
                                     person.key))  # fmt: skip
    return found


def _positions(mentions: Iterable[Mention]) -> set[tuple[int, int]]:
    """(sentence, token) positions the mentions cover."""
    return {(m.sentence, i) for m in mentions for i in range(m.first, m.last + 1)}


def _bare_reference(tokens: list[Token], i: int) -> bool:
    """``وقال الوزير``: a reference head standing alone (no mention holds it) refers back
    to the last person with that title; not when an adjective follows (``الرئيس
    السابق``: another title), a definite or possessed noun precedes (``التيار الرئيس``،
    ``ملعبه الرئيس``: "main"), or it means "the one responsible" (``المسؤول عن``)."""
    head = tokens[i]
    after = tokens[i + 1] if i + 1 < len(tokens) else None
    before = tokens[i - 1] if i > 0 else None
    if head.stem in BARE_UNSAFE or (after is not None and "ال" in after.prefixes):
        return False
    if before is None:
        return True
    modified = "ال" in before.prefixes or before.text.endswith(POSSESSIVES)
    return not (modified or before.norm in DEMONSTRATIVES or _head(before))  # "نائب الرئيس"


def _free_definite(article: Article, mentions: list[Mention],
                   words: AbstractSet[str]) -> Iterator[tuple[int, int, Token]]:  # fmt: skip
    """(sentence, token index, token) of each definite word of ``words`` that no mention
    covers and no name follows (``التنظيم``، ``المملكة`` standing alone)."""
    taken = _positions(mentions)
    for index, sentence in enumerate(article.sentences):
        for i, token in enumerate(sentence.tokens):
            if "ال" not in token.prefixes or token.stem not in words or (index, i) in taken:
                continue
            if not _names_follow(mentions, index, i):
                yield index, i, token


def _reference(article: Article, index: int, i: int, token: Token, type_: str,
               actor_id: str | None, country: str | None, key: str) -> Mention:  # fmt: skip
    start = mention_start(token, article.body)
    return Mention(start, token.end, article.body[start : token.end], type_, index, i, i,
                   actor_id, "reference", None, country, key)  # fmt: skip


def _group_references(article: Article, mentions: list[Mention],
                      kb: KnowledgeBase) -> list[Mention]:  # fmt: skip
    """Mentions for ``التنظيم``-style references to an organization named before; with
    none named, a standalone head (``التحالف``) is an unnamed organization."""
    rules, found = entity_rules(), []
    for index, i, token in _free_definite(article, mentions, rules.group_reference_heads):
        group = _last_group(mentions, token.start, token.stem, kb)
        if group is not None:
            found.append(_reference(article, index, i, token, "ORG", group.actor_id,
                                    group.country, group.key))  # fmt: skip
        elif token.stem in rules.standalone_group_heads:
            taken = {j for m in mentions if m.sentence == index for j in range(m.first, m.last + 1)}
            found.append(_unnamed_group(article, index, i, taken))
    return found


def _unnamed_group(article: Article, index: int, i: int, taken: set[int]) -> Mention:
    """``التحالف`` with no coalition named before it, with its relational adjectives
    (``الحزب الكردي``): an actor, but no known one."""
    tokens = article.sentences[index].tokens
    last = agent_adjectives(tokens, i, taken)
    start, end = mention_offsets(article, tokens, i, last)
    mention = Mention(start, end, article.body[start:end], "ORG", index, i, last, None, "agent")
    mention.key = agent_key(mention, article.id)
    return mention


def _home_references(article: Article, mentions: list[Mention],
                     kb: KnowledgeBase) -> list[Mention]:  # fmt: skip
    """Mentions for an outlet's word for its own country (``المملكة`` in a Saudi paper)."""
    outlet = outlet_by_id(article.outlet)
    if outlet is None or outlet.country is None:
        return []
    country = kb.by_id(outlet.country.lower())
    words = {w for w, codes in entity_rules().home_references.items() if outlet.country in codes}
    if country is None or not words:
        return []
    return [_reference(article, index, i, token, "GPE", country.id, country.country,
                       f"actor:{country.id}")
            for index, i, token in _free_definite(article, mentions, words)]  # fmt: skip


def _last_group(mentions: list[Mention], before: int, head: str,
                kb: KnowledgeBase) -> Mention | None:  # fmt: skip
    """The last organization before ``before`` named (or known) with ``head``."""
    for mention in reversed([m for m in mentions if m.type == "ORG" and m.start < before]):
        names = [mention.text]
        actor = kb.by_id(mention.actor_id) if mention.actor_id else None
        if actor is not None:
            names += [actor.name, *actor.names]
        if any(_head_word(name) == head for name in names):
            return mention
    return None


def _names_follow(mentions: list[Mention], sentence: int, last: int) -> bool:
    return any(m.sentence == sentence and m.first == last + 1 for m in mentions)


def _last_person(mentions: list[Mention], sentence: int, before: int, head: str,
                 country: str | None) -> Mention | None:  # fmt: skip
    candidates = [
        m for m in mentions
        if m.type == "PER" and m.start < before and country in (m.country, ANY_COUNTRY)
        and m.role and _head_word(m.role) == head
    ]  # fmt: skip
    return candidates[-1] if candidates else None


def _head_word(phrase: str) -> str:
    """The first word of a role or name, normalized, without its article (``وزير``،
    ``تنظيم``)."""
    words = normalize(phrase).split()
    return strip_article(words[0]) if words else ""


def link_article(article: Article, mentions: list[Mention], kb: KnowledgeBase) -> list[Mention]:
    """Roles, keys and references for one article's mentions; returns all mentions."""
    in_roles = attach_roles(article, mentions, kb)
    # "بوغدانوف، المبعوث الشخصي": the generic noun is the person's title, not an actor
    mentions = [m for m in mentions if not _in_title(m, in_roles, kb)]
    _family_names(mentions)
    _assign_keys(mentions, article.id)
    references = _references(article, mentions, kb, in_roles)
    references += _group_references(article, mentions, kb)
    references += _home_references(article, mentions, kb)
    covered = _positions(references)
    kept = [m for m in mentions if (m.sentence, m.first) not in covered]  # office -> person
    return sorted(kept + references, key=lambda m: m.start)
