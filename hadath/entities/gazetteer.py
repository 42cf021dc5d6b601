"""Knowledge-base names found in text: a multi-pattern matcher over clitic-split tokens.

Every actor name of the knowledge base (normalized, with and without its article)
goes into one Aho-Corasick automaton. A sentence is matched as the sequence of its
tokens' *matching forms* — the word without its proclitics (و ف ب ل ك س) but with
its article (``وللرئيس`` → ``الرييس``) — joined by spaces, so names match at word
boundaries only and whatever clitics the words carry.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import ahocorasick

from hadath.actors.kb import KnowledgeBase, joined_forms, key
from hadath.entities.rules import entity_rules
from hadath.model import Token
from hadath.text.clitics import dictionary_lemma
from hadath.text.tokenize import tokenize

ARTICLE = "ال"
BREAK = "|"  # stands for punctuation: no name matches across it


def matching_form(token: Token) -> str:
    """The token as names are written: proclitics split off, the article kept."""
    if token.is_punct or not token.stem:
        return BREAK
    return ARTICLE + token.stem if ARTICLE in token.prefixes else token.stem


def name_form(name: str) -> str:
    """A knowledge-base name as the matcher sees text: each word's matching form, so a
    clitic inside a name (``المرصد السوري لحقوق الإنسان``، ``مركز الملك سلمان للإغاثة``)
    is split off as the tokenizer splits it in running text."""
    return " ".join(matching_form(t) for t in tokenize(name))


def mention_start(token: Token, body: str) -> int:
    """Where a name starting at ``token`` begins in the body (its article included)."""
    if ARTICLE in token.prefixes:
        article_at = token.stem_start - 2
        if article_at >= token.start and body[article_at : token.stem_start] in ("ال", "آل"):
            return article_at
    return token.stem_start if token.stem_start >= 0 else token.start


@dataclass(frozen=True, slots=True)
class Match:
    first: int  # index of the first token
    last: int  # index of the last token (inclusive)
    actor_ids: tuple[str, ...]  # curated actors first


class Gazetteer:
    """All knowledge-base names in one automaton."""

    def __init__(self, kb: KnowledgeBase, include_petrarch: bool = True) -> None:
        self.kb = kb
        ids: dict[str, list[str]] = {}
        written = _written_forms(kb)
        for name, actor_id in kb.names(include_petrarch=include_petrarch):
            # Forms without their article are not needed: tokens keep "ال" in their
            # matching form; bare forms would match common words (بحد أقصى ≠ الأقصى).
            if (name, actor_id) not in written or not self._usable(actor_id, name):
                continue
            bucket = ids.setdefault(name_form(name), [])
            if actor_id not in bucket:
                bucket.append(actor_id)
        self.automaton = ahocorasick.Automaton()
        for name, actor_ids in ids.items():
            self.automaton.add_word(f" {name} ", (name.count(" ") + 1, tuple(actor_ids)))
        self.automaton.make_automaton()
        self._marbuta = _ta_marbuta_names(kb, set(ids))
        self._ambiguous = _ambiguous_names(kb)

    def _usable(self, actor_id: str, name: str) -> bool:
        """Curated actors always; converted ones need a country or body in their code, and
        a one-word name of theirs must not be an ordinary Arabic word (أفضل، صحافي)."""
        actor = self.kb.by_id(actor_id)
        if actor is None or actor.origin != "petrarch":
            return actor is not None
        if " " not in name and dictionary_lemma(name) is not None:
            return False
        return bool(actor.code) and len(actor.code) >= 6

    def typed_names(self) -> list[tuple[str, str]]:
        """``(name, type)`` of every name in the automaton (type of its first actor), sorted."""
        out = []
        for text, (_, actor_ids) in self.automaton.items():
            out.append((text.strip(), self.kb.by_id(actor_ids[0]).type))
        return sorted(out)

    def find(self, tokens: list[Token]) -> list[Match]:
        """Longest, leftmost, non-overlapping name matches in a token sequence."""
        # matching_form, inlined: it runs on every token of every sentence
        forms = [
            BREAK if t.is_punct or not t.stem
            else ARTICLE + t.stem if ARTICLE in t.prefixes else t.stem
            for t in tokens
        ]  # fmt: skip
        text = " " + " ".join(forms) + " "
        hits = list(self.automaton.iter(text))
        if not hits:
            return []
        token_at, position = {}, 1
        for i, form in enumerate(forms):
            token_at[position] = i
            position += len(form) + 1
        found = []
        for end, (length, actor_ids) in hits:
            last_char = end - 1  # the closing space
            first = _first_token(token_at, text, last_char, length)
            if first is None:
                continue
            if length == 1 and forms[first] in self._marbuta and _ends_in_ha(tokens[first]):
                continue  # "حديثه" (his talk) is not the town حديثة
            found.append(Match(first, first + length - 1, actor_ids))
        found = _longest_first(found)
        if any(m.first == m.last and forms[m.first] in self._ambiguous for m in found):
            found = _named_in_context(found, tokens, forms, self._ambiguous)
        return found


OPEN_QUOTES = frozenset({"«", "“", '"'})
CUE_REACH = 2  # a name cue and one adjective: "العاصمة الأوكرانية كيف"


def _named_in_context(found: list[Match], tokens: list[Token], forms: list[str],
                      ambiguous: dict[str, frozenset[str]]) -> list[Match]:  # fmt: skip
    """One-word matches of names that are also common words (``كيف`` "how" and Kyiv,
    ``فتح`` "opened" and Fatah, ``صور`` "pictures" and Tyre) stand for the actors whose
    ambiguous name it is only when the context says so: a name cue before it (``مدينة
    صور``، ``حركة فتح``، ``العاصمة الأوكرانية كيف``), quotation marks, or a و joining it
    to another name (``حماس وفتح``). Without it those actors are dropped (and the match,
    when no other actor bears the name)."""
    doubtful = [m.first == m.last and forms[m.first] in ambiguous for m in found]
    sure = {m.first for m, doubt in zip(found, doubtful, strict=True) if not doubt}
    ends = {m.last for m in found if m.first in sure}
    kept = []
    for match, doubt in zip(found, doubtful, strict=True):
        if doubt and not _named_here(tokens, match.first, sure, ends):
            left = tuple(a for a in match.actor_ids if a not in ambiguous[forms[match.first]])
            match = Match(match.first, match.last, left) if left else None
        if match is not None:
            kept.append(match)
    return kept


def _named_here(tokens: list[Token], i: int, sure: set[int], ends: set[int]) -> bool:
    cues = entity_rules().name_cues
    cued = any(tokens[j].stem in cues for j in range(max(0, i - CUE_REACH), i))
    quoted = i > 0 and tokens[i - 1].text in OPEN_QUOTES
    joined = ("و" in tokens[i].prefixes and i - 1 in ends) or (
        i + 1 in sure and "و" in tokens[i + 1].prefixes
    )
    return cued or quoted or joined


def _ambiguous_names(kb: KnowledgeBase) -> dict[str, frozenset[str]]:
    """Normalized name -> the actors for whom it is an ambiguous name."""
    out: dict[str, set[str]] = {}
    for actor in kb:
        for name in actor.ambiguous:
            out.setdefault(name_form(name), set()).add(actor.id)
    return {name: frozenset(ids) for name, ids in out.items()}


def _ta_marbuta_names(kb: KnowledgeBase, names: set[str]) -> frozenset[str]:
    """One-word names (normalized) that are always written with a final ة: the
    normalization that makes ة and ه one letter must not make a pronoun suffix a name."""
    endings: dict[str, set[bool]] = {}
    for actor in kb:
        for written in (actor.name, *actor.names):
            normalized = name_form(written)
            if normalized in names and " " not in normalized:
                endings.setdefault(normalized, set()).add(written.rstrip().endswith("ة"))
    return frozenset(name for name, ends in endings.items() if ends == {True})


def _ends_in_ha(token: Token) -> bool:
    letters = [c for c in token.text if "\u0621" <= c <= "\u064a"]
    return bool(letters) and letters[-1] == "ه"


def _written_forms(kb: KnowledgeBase) -> set[tuple[str, str]]:
    """Names as the actor files write them, also with أبو joined or apart (``أبوبكر``)."""
    return {(form, actor.id) for actor in kb for name in (actor.name, *actor.names)
            for form in joined_forms(key(name))}  # fmt: skip


def _first_token(token_at: dict[int, int], text: str, last_char: int, words: int) -> int | None:
    """Index of the first token of a match whose closing space is at ``last_char``."""
    position = last_char
    for _ in range(words):
        position = text.rfind(" ", 0, position)
    return token_at.get(position + 1)


def _longest_first(matches: list[Match]) -> list[Match]:
    taken: set[int] = set()
    kept = []
    for match in sorted(matches, key=lambda m: (m.first - m.last, m.first)):
        span = set(range(match.first, match.last + 1))
        if not span & taken:
            taken |= span
            kept.append(match)
    return sorted(kept, key=lambda m: m.first)


@functools.cache
def default_gazetteer() -> Gazetteer:
    return Gazetteer(KnowledgeBase.load())
