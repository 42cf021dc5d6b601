"""The event trigger lexicon: PLOVER triggers as data, validated and indexed.

``hadath/data/events/triggers.yaml`` and ``petrarch.yaml`` (plus any user files)
list triggers: words that, with their ``requires`` satisfied, mark an event of one
PLOVER type. :meth:`Lexicon.match` tells whether token ``i`` of a sentence starts a
trigger: dictionary lookups by lemma and by stem per token, and the look-ahead
only for the few tokens that hit.

User files have the same ``triggers:`` list. An entry whose ``id`` is shipped
replaces the shipped entry; ``{id: ..., disabled: true}`` removes it.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from hadath.events import patterns as pt
from hadath.events.trigger_file import (
    EVENTS_DIR,
    TRIGGERS_FILE,
    Settings,
    Trigger,
    expand,
    ontology,
    read_file,
)
from hadath.model import Token

PETRARCH_FILE = EVENTS_DIR / "petrarch.yaml"
SHIPPED = (TRIGGERS_FILE, PETRARCH_FILE)
# A token with one of these proclitics is a noun: a verb trigger on it is its
# verbal noun (القصف، بقصف، لبحث); a verb never carries ال/بـ/كـ.
NOMINAL_PREFIXES = frozenset({"ال", "ب", "ل", "ك"})
NO_VERB_PREFIXES = frozenset({"ال", "ب", "ك"})

__all__ = ["Lexicon", "Trigger", "TriggerMatch", "ontology"]


@dataclass(frozen=True, slots=True)
class TriggerMatch:
    """A trigger found in a sentence: tokens ``start`` to ``end`` (exclusive).

    ``pos`` is the trigger's, except that a verb trigger on a token carrying ال or
    a preposition is its verbal noun and reports ``"noun"``.
    """

    trigger: Trigger
    start: int
    end: int
    pos: str

    @property
    def type(self) -> str:
        return self.trigger.type

    @property
    def mode(self) -> str | None:
        return self.trigger.mode

    @property
    def cameo(self) -> str:
        return self.trigger.cameo

    @property
    def target_preps(self) -> tuple[str, ...]:
        return self.trigger.target_preps

    @property
    def confidence(self) -> float:
        return self.trigger.confidence

    @property
    def genitive(self) -> str:
        return self.trigger.genitive

    @property
    def subject_role(self) -> str:
        return self.trigger.subject

    @property
    def voice(self) -> str:
        return self.trigger.voice

    @property
    def object_kind(self) -> str:
        return self.trigger.object

    @property
    def span(self) -> tuple[int, int]:
        return self.start, self.end


def _index(pairs: Iterable[tuple[str, Trigger]]) -> dict[str, tuple[Trigger, ...]]:
    out: dict[str, list[Trigger]] = {}
    for key, trigger in pairs:
        if trigger not in out.setdefault(key, []):
            out[key].append(trigger)
    return {k: tuple(v) for k, v in out.items()}


class Lexicon:
    """Triggers indexed by lemma and by stem, for :meth:`match` on every token.

    Two pairs of indexes: words that match any token (noun entries, verbal nouns)
    and words that match only a token that can be a verb (no ال/بـ/كـ).
    """

    def __init__(self, triggers: Iterable[Trigger], settings: Settings) -> None:
        self.triggers: tuple[Trigger, ...] = tuple(triggers)
        self.settings = settings
        nouns = [t for t in self.triggers if t.pos == "noun"]
        verbs = [t for t in self.triggers if t.pos == "verb"]
        self._lemma_any = _index(
            [*((k, t) for t in nouns for k in t.lemmas), *((k, t) for t in verbs for k in t.nouns)]
        )
        self._form_any = _index(
            [*((k, t) for t in nouns for k in t.forms), *((k, t) for t in verbs for k in t.nouns)]
        )
        self._lemma_verb = _index((k, t) for t in verbs for k in t.lemmas)
        self._form_verb = _index((k, t) for t in verbs for k in (*t.forms, *t.verb_forms))
        self._lemma_keys = frozenset(self._lemma_any) | frozenset(self._lemma_verb)
        self._form_keys = frozenset(self._form_any) | frozenset(self._form_verb)

    @classmethod
    def load(cls, extra_paths: Sequence[str | Path] | None = None) -> Lexicon:
        """The shipped lexicon, extended or overridden by ``extra_paths`` (files or dirs).

        The shipped lexicon alone is parsed once per process and shared.
        """
        if not extra_paths:
            return _shipped()
        settings, merged = _read_shipped()
        for path in expand(list(extra_paths)):
            for trigger in read_file(path, settings)[1]:
                merged.pop(trigger.id, None)
                if trigger.source != "disabled":
                    merged[trigger.id] = trigger
        return cls(merged.values(), settings)

    def by_type(self, kind: str) -> list[Trigger]:
        return [t for t in self.triggers if t.type == kind]

    def by_id(self, trigger_id: str) -> Trigger | None:
        return next((t for t in self.triggers if t.id == trigger_id), None)

    def hits(self, token: Token) -> bool:
        """Whether any trigger may start at this token (the fast pre-check)."""
        if token.lemma in self._lemma_keys or token.stem in self._form_keys:
            return True
        return self._stem(token) != token.stem

    def _stem(self, token: Token) -> str:
        """The token's stem, or without a و the clitic splitter left on it.

        The splitter leaves و on words starting with ا that simplemma does not know
        (واتهامات، واعتقالات) and on imperfect verbs it does not know (ويعارض،
        ويلتقي: a ي-initial rest could be a name); only there is the و taken off, and
        only when that gives a lexicon form (a verb form after وي/وت/ون).
        """
        stem = token.stem
        if stem[:1] != "و" or token.prefixes or stem in self._form_keys:
            return stem
        rest = stem[1:]
        if rest[:1] == "ا" and (rest in self._form_keys or rest in self._lemma_keys):
            return rest
        if rest[:1] in ("ي", "ت", "ن") and rest in self._form_verb:
            return rest
        return stem

    def candidates(self, token: Token) -> dict[Trigger, bool]:
        """Triggers whose lemma or form the token carries, before context checks,
        each with whether it matched as a verb (through a verb entry's verb words)."""
        stem = self._stem(token)
        lemma = token.lemma if stem == token.stem else stem
        found = dict.fromkeys(self._lemma_any.get(lemma, ()), False)
        found.update(dict.fromkeys(self._form_any.get(stem, ()), False))
        if not NO_VERB_PREFIXES.intersection(token.prefixes):
            found.update(dict.fromkeys(self._lemma_verb.get(lemma, ()), True))
            found.update(dict.fromkeys(self._form_verb.get(stem, ()), True))
        return found

    def match(self, tokens: Sequence[Token], i: int) -> list[TriggerMatch]:
        """Triggers starting at token ``i`` whose context holds, longest span first."""
        token = tokens[i]
        if not self.hits(token):
            return []
        nominal = bool(NOMINAL_PREFIXES.intersection(token.prefixes))
        stem = self._stem(token)
        out = []
        for trigger, verbal in self.candidates(token).items():
            if stem in trigger.exclude or (
                trigger.prefix and trigger.prefix.isdisjoint(token.prefixes)
            ):
                continue
            end = self._context(trigger, tokens, i)
            if end > i:
                verbal = verbal and not nominal and stem not in trigger.nouns
                out.append(TriggerMatch(trigger, i, end, "verb" if verbal else "noun"))
        out.sort(key=lambda m: m.start - m.end)
        return out

    def match_all(self, tokens: Sequence[Token]) -> Iterator[TriggerMatch]:
        """Every trigger match of a sentence, left to right."""
        lemma_keys, form_keys = self._lemma_keys, self._form_keys
        for i, token in enumerate(tokens):
            stem = token.stem
            if (
                token.lemma in lemma_keys
                or stem in form_keys
                or (stem[:1] == "و" and self._stem(token) != stem)
            ):
                yield from self.match(tokens, i)

    def _context(self, trigger: Trigger, tokens: Sequence[Token], i: int) -> int:
        """End of the match (past the required words), or -1 when the context fails."""
        stops = self.settings.stops
        if trigger.not_after:
            before = pt.previous_word(tokens, i)
            if before is not None and any(pt.word_matches(w, before) for w in trigger.not_after):
                return -1
        if trigger.unless and pt.find_after(tokens, i, trigger.unless, trigger.window, stops) > 0:
            return -1
        if not trigger.requires:
            return i + 1
        return pt.find_after(tokens, i, trigger.requires, trigger.window, stops)


def _read_shipped() -> tuple[Settings, dict[str, Trigger]]:
    settings, triggers = read_file(TRIGGERS_FILE)
    merged = {t.id: t for t in triggers}
    for path in SHIPPED[1:]:
        if path.exists():
            for trigger in read_file(path, settings)[1]:
                merged.setdefault(trigger.id, trigger)
    return settings, merged


@functools.cache
def _shipped() -> Lexicon:
    settings, merged = _read_shipped()
    return Lexicon(merged.values(), settings)
