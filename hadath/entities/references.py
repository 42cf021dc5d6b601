"""References within an article: mentions for words that name an actor named before.

* **Role references.** A definite role head with a demonym (``الوزير الروسي``،
  ``السفير الروسي``) that names nobody is the last person before it whose role has
  that head and whose country the demonym names.
* **Group references.** A definite group noun that names nobody (``التنظيم``،
  ``الحركة``) is the last organization before it named with that head (``تنظيم
  داعش``، ``حركة حماس``; a known actor's other names count: ``داعش`` is also
  ``تنظيم الدولة``); with none named, a standalone head (``التحالف``) is an unnamed
  organization.
* **Home references.** An outlet's word for its own country (``المملكة`` in a Saudi
  paper).
* **Surnames.** The last word of a person's name standing alone later in the article
  (``واستقبل هادي`` after ``عبدربه منصور هادي``) is that person.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from collections.abc import Set as AbstractSet

from hadath.actors.kb import KnowledgeBase, strip_article
from hadath.entities.gazetteer import mention_start
from hadath.entities.mention import Mention, mention_offsets
from hadath.entities.mentions import LINEAGE, NAME_PARTICLES, ordinary
from hadath.entities.rules import entity_rules
from hadath.entities.unnamed import agent_adjectives
from hadath.model import AGENT_KEY, Article, Token
from hadath.outlets import outlet_by_id
from hadath.text.normalize import normalize

ANY_COUNTRY = "*"  # a reference without a demonym matches a person of any country
DEMONSTRATIVES = frozenset({"هذا", "هذه", "ذلك", "تلك"})
POSSESSIVES = ("ه", "ها", "هم", "هما")  # "ملعبه الرئيس": a possessed noun and its adjective


def article_references(article: Article, mentions: list[Mention], kb: KnowledgeBase,
                       in_roles: AbstractSet[tuple[int, int]]) -> list[Mention]:  # fmt: skip
    """Every reference mention of an article whose ``mentions`` have their keys."""
    found = _references(article, mentions, kb, in_roles)
    found += _group_references(article, mentions, kb)
    found += _home_references(article, mentions, kb)
    found += _surname_references(article, mentions + found, kb)
    return found


def agent_key(mention: Mention, article_id: str) -> str:
    """An unnamed actor's key (``المدنيين``، ``الرهائن``، ``الشركة``): the people or the
    body one article speaks of, not everyone the noun names across the corpus
    (:data:`hadath.model.AGENT_KEY`, the article id, the noun). Its adjectives are left
    out: ``المقاومة`` is the ``المقاومة الشعبية`` named before it."""
    return f"{AGENT_KEY}{article_id}:{bare_words(mention.text.split()[0])}"


def bare_words(text: str) -> str:
    return " ".join(strip_article(w) for w in normalize(text).split())


def positions(mentions: Iterable[Mention]) -> set[tuple[int, int]]:
    """(sentence, token) positions the mentions cover."""
    return {(m.sentence, i) for m in mentions for i in range(m.first, m.last + 1)}


def _references(article: Article, mentions: list[Mention], kb: KnowledgeBase,
                in_roles: AbstractSet[tuple[int, int]]) -> list[Mention]:  # fmt: skip
    """Mentions for ``الوزير الروسي``-style references to a person named before (not
    the words of a person's title, ``in_roles``)."""
    heads = entity_rules().reference_heads
    named = positions(m for m in mentions if m.source != "agent")
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


def _bare_reference(tokens: list[Token], i: int) -> bool:
    """``وقال الوزير``: a reference head standing alone (no mention holds it) refers back
    to the last person with that title; not when an adjective follows (``الرئيس
    السابق``: another title), a definite or possessed noun precedes (``التيار الرئيس``،
    ``ملعبه الرئيس``: "main"), or it means "the one responsible" (``المسؤول عن``)."""
    head = tokens[i]
    after = tokens[i + 1] if i + 1 < len(tokens) else None
    before = tokens[i - 1] if i > 0 else None
    if head.stem in entity_rules().bare_unsafe or (after is not None and "ال" in after.prefixes):
        return False
    if before is None:
        return True
    modified = "ال" in before.prefixes or before.text.endswith(POSSESSIVES)
    titled = before.stem in entity_rules().role_heads  # "نائب الرئيس"
    return not (modified or before.norm in DEMONSTRATIVES or titled)


def _free_definite(article: Article, mentions: list[Mention],
                   words: AbstractSet[str]) -> Iterator[tuple[int, int, Token]]:  # fmt: skip
    """(sentence, token index, token) of each definite word of ``words`` that no mention
    covers and no name follows (``التنظيم``، ``المملكة`` standing alone)."""
    taken = positions(mentions)
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


def _surname_references(article: Article, mentions: list[Mention],
                        kb: KnowledgeBase) -> list[Mention]:  # fmt: skip
    """The last word of a person's name standing alone later in the article (``واستقبل
    هادي`` after ``عبدربه منصور هادي``، ``صالح`` after ``علي عبدالله صالح``) is that
    person, when no mention holds it, no other person of the article ends with it, it
    continues no other name (``بن نايف``), and, for a word of the lexicon (``هادي``
    "calm"), the person is a known actor (a tagger's span may end in a common word) and
    nothing before the word could take it as its adjective (``بشكل حسن``، ``غير صالح``)."""
    surnames = _surnames(mentions, kb)
    taken = positions(mentions)
    found = []
    for index, sentence in enumerate(article.sentences):
        tokens = sentence.tokens
        for i, token in enumerate(tokens):
            person = surnames.get(token.stem)
            if person is None or (index, i) in taken or person.start >= token.start:
                continue
            if "ال" in token.prefixes or _in_other_name(tokens, i):
                continue
            if ordinary(token) and (person.actor_id is None or not _standalone(tokens, i)):
                continue  # "لصالح القرار": "in favour of", not Saleh
            start = mention_start(token, article.body)
            found.append(Mention(start, token.end, article.body[start : token.end], "PER", index,
                                 i, i, person.actor_id, "reference", person.role,
                                 person.country, person.key))  # fmt: skip
    return found


def _surnames(mentions: list[Mention], kb: KnowledgeBase) -> dict[str, Mention]:
    """Last word (normalized, without an article) -> the one person whose name of two or
    more words ends with it; words shared by two persons, and places (``عبدالله بجازان``,
    a tagger's span over "King Abdullah [airport] in Jazan"), a name after بن/آل (the
    father's or the house's), and ``surname_unsafe`` (name particles, first names that end
    a name as the father's: ``ولد الشيخ أحمد``), are left out."""
    unsafe = entity_rules().surname_unsafe
    out: dict[str, Mention] = {}
    shared: set[str] = set()
    for mention in sorted(mentions, key=lambda m: m.start):
        words = normalize(mention.text).split()
        if mention.type != "PER" or len(words) < 2 or words[-1].startswith("ال"):
            continue
        last = words[-1]
        if words[-2] in LINEAGE:
            continue  # "محمد بن سلمان": the father's name (King Salman), "آل سعود" a house
        if len(last) < SURNAME_MIN or last in unsafe or _place(kb, last):
            continue
        if last in out and out[last].key != mention.key:
            shared.add(last)
        out.setdefault(last, mention)
    return {word: person for word, person in out.items() if word not in shared}


SURNAME_MIN = 3  # letters


def _in_other_name(tokens: list[Token], i: int) -> bool:
    """The word continues another name: after بن/أبو (``محمد بن نايف``) or a royal title
    (``الملك عبدالعزيز``), or names a place or body (``مركز محمد بن نايف``)."""
    if i == 0:
        return False
    before = tokens[i - 1]
    rules = entity_rules()
    return (before.norm in NAME_LINKS or before.stem in rules.royal_titles
            or before.stem in rules.facility_nouns)  # fmt: skip


NAME_LINKS = NAME_PARTICLES | {"ام", "ولد"}  # the word after one is in another name


def _place(kb: KnowledgeBase, word: str) -> bool:
    """A place's name, also with a preposition written on it (``بجازان``)."""
    forms = {word, word[1:]} if word[:1] in "بلكوف" else {word}
    return any(a.type in ("GPE", "LOC") for form in forms for a in kb.lookup(form))


def _standalone(tokens: list[Token], i: int) -> bool:
    """A lexicon word carries no لـ/بـ/كـ (``لصالح`` "in favour of") and nothing before it
    could take it as an adjective or a complement: the word before carries no article, no
    بـ/كـ and no feminine ending (``واستقبل هادي``، ``مع هادي``; not ``بشكل حسن``،
    ``الحزب صالح``)."""
    if set(tokens[i].prefixes) & {"ل", "ب", "ك"}:
        return False
    if i == 0:
        return True
    before = tokens[i - 1]
    if before.is_punct:
        return True
    if "ال" in before.prefixes or set(before.prefixes) & {"ب", "ك"}:
        return False
    complement = before.norm in entity_rules().not_before_names  # "غير صالح"
    return not before.text.endswith(("ة", "ه")) and not complement
