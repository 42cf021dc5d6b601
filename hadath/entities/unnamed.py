"""Unnamed actors among the entity mentions: a group noun with a demonym that names a
country's side (``الجانب الروسي``، ``القوات التركية``), a plural demonym as a noun
(``الروس``، ``العراقيين``) and definite generic actors
(``المسلحين``، ``المتظاهرين``، ``المقاومة الشعبية``), unnamed but the actors of many
events."""

from __future__ import annotations

import functools

from hadath.actors.kb import KnowledgeBase
from hadath.entities.mention import Mention, mention_offsets, word_before
from hadath.entities.rules import entity_rules
from hadath.model import Article, Token
from hadath.text.normalize import DIACRITICS


@functools.cache
def _side_heads(kb: KnowledgeBase) -> frozenset[str]:
    """Normalized nouns that with a demonym name a side: the rules' list and agent nouns."""
    return entity_rules().side_nouns | {word for word, _ in kb.agents.words()}


def side_mentions(article: Article, index: int, tokens: list[Token], kb: KnowledgeBase,
                   taken: set[int]) -> list[Mention]:  # fmt: skip
    """``الجانب الروسي``، ``وفد إسرائيلي``، ``القوات التركية``: a group noun and a demonym
    name the country's side (its government, army, delegation)."""
    heads = _side_heads(kb)
    out = []
    for i in range(len(tokens) - 1):
        head, adjective = tokens[i], tokens[i + 1]
        if head.stem not in heads or i in taken or i + 1 in taken:
            continue
        country = kb.demonym(adjective.norm)
        if country is None or country.kind != "country":
            continue
        start, end = mention_offsets(article, tokens, i, i + 1)
        out.append(Mention(start, end, article.body[start:end], "GPE", index, i, i + 1,
                           country.id, "side", country=country.country))  # fmt: skip
    return out


def people_mentions(article: Article, index: int, tokens: list[Token], kb: KnowledgeBase,
                    taken: set[int]) -> list[Mention]:  # fmt: skip
    """``الروس``، ``الأتراك``، ``آلاف العراقيين``: a definite plural demonym used as a
    noun names the country's side (``المحادثات بين الأميركيين والروس``). After a
    definite word it is that word's adjective (``المسلحين العراقيين``) and no mention."""
    out = []
    for i, token in enumerate(tokens):
        if i in taken or "ال" not in token.prefixes or not _plural_demonym(token):
            continue
        country = kb.demonym(token.norm)
        if country is None or country.kind != "country":
            continue
        before = word_before(tokens, i)
        people = {m.first for m in out}  # "اتهم الروس الأتراك": two peoples, no adjective
        if before >= 0 and before not in people and ("ال" in tokens[before].prefixes
                                                     or before in taken):  # fmt: skip
            continue
        start, end = mention_offsets(article, tokens, i, i)
        out.append(Mention(start, end, article.body[start:end], "GPE", index, i, i,
                           country.id, "side", country=country.country))  # fmt: skip
    return out


def _plural_demonym(token: Token) -> bool:
    """A demonym in a masculine plural: sound (``العراقيين``) or broken (``الروس``); not a
    singular, dual or feminine form (``الروسي``، ``الروسية``، ``الروسيان``، ``الروسيات``)."""
    written = DIACRITICS.sub("", token.text)
    if written.endswith(("يون", "يين")):
        return True
    return not written.endswith(("ي", "ية", "يه", "يان", "يات", "ى"))


def agent_mentions(article: Article, index: int, tokens: list[Token], kb: KnowledgeBase,
                    taken: set[int]) -> list[Mention]:  # fmt: skip
    """Definite generic actors (``المسلحين``، ``الإرهابيين``، ``المتظاهرين``): unnamed, but
    the actors of many events. They are ORG mentions without an actor."""
    agents, heads = _agent_words(kb), entity_rules().role_heads
    out = []
    for i, token in enumerate(tokens):
        if i in taken or "ال" not in token.prefixes or token.stem not in agents:
            continue
        before = word_before(tokens, i)
        if before >= 0 and (tokens[before].stem in heads or before in taken
                            or _nisba_after_definite(tokens[before], token)
                            or _adjective_of(tokens[before], token)):
            continue  # an adjective: "المستشار الدبلوماسي", "الجيش السوري المسلح", «داعش» الإرهابي
        last = i if token.stem in heads else agent_adjectives(tokens, i, taken)
        start, end = mention_offsets(article, tokens, i, last)
        out.append(Mention(start, end, article.body[start:end], "ORG", index, i, last, None,
                           "agent"))  # fmt: skip
    return out


NISBA_ENDINGS = ("ي", "يه", "يين", "يون")
SINGULAR_NISBA = ("ي", "ية")  # as written
SOUND_PLURALS = ("ون", "ين", "ات")  # stem endings of sound plurals


def _nisba_after_definite(before: Token, token: Token) -> bool:
    """A singular nisba after a definite noun is its adjective (``التفجير الانتحاري``،
    ``الهجوم الإرهابي``), not the actor it names alone (``الانتحاري``)."""
    written = DIACRITICS.sub("", token.text)  # المستشفى: ى normalizes to ي, but is none
    return "ال" in before.prefixes and written.endswith(SINGULAR_NISBA)


def _adjective_of(before: Token, token: Token) -> bool:
    """A singular agent word with the bare article right after a definite word is that
    word's adjective (``الجماعات المسلحة``، ``التنظيم المتطرف``). A plural one is the
    verb's object (``اعتقلت الشرطة المتظاهرين``), and with و it starts a phrase of its
    own (``الجيش والمسلحة``)."""
    if token.stem.endswith(SOUND_PLURALS) or token.prefixes != ("ال",):
        return False
    if DIACRITICS.sub("", token.text).endswith("ى"):
        return False  # "هاجم أفراد من الجيش المستشفى": a noun (ى), the object
    return "ال" in before.prefixes and not before.is_punct


AGENT_ADJECTIVES = 2  # relational adjectives an unnamed actor takes ("المقاومة الشعبية")


def agent_adjectives(tokens: list[Token], i: int, taken: set[int]) -> int:
    """Last token of an unnamed actor with the definite relational adjectives after it
    (``المقاومة الشعبية``، ``المسلحين المتطرفين``)."""
    last = i
    for j in range(i + 1, min(len(tokens), i + 1 + AGENT_ADJECTIVES)):
        token = tokens[j]
        if j in taken or token.prefixes != ("ال",) or not token.stem.endswith(NISBA_ENDINGS):
            break
        last = j
    return last


@functools.cache
def _agent_words(kb: KnowledgeBase) -> frozenset[str]:
    return frozenset(word for word, _ in kb.agents.words()) - entity_rules().side_nouns
