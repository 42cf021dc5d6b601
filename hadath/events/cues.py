"""Cue lists the event extractor consults: speech verbs, negation, hypothetical
markers, "still far from" expressions, default target prepositions and reporting
frames, read from ``hadath/data/events/cues.yaml`` and validated.

Each list has ``lemmas`` (matched against a token's lemma), ``forms`` (normalized
surface words without proclitics, or phrases of consecutive words), ``prefixes``
(a token carrying that proclitic belongs: the future marker ``س``) and ``patterns``
(a head word whose ``requires`` must follow within ``window`` words, or whose
``next`` word must be an imperfect verb: ``قد يـ``). A list marked ``verbal`` (speech
verbs) matches its lemmas and single-word forms only on a token that can be a verb
(no ال، بـ or كـ: the lemma of التصريح is not a speech verb).
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from hadath.errors import DataFileError
from hadath.events import patterns as pt
from hadath.model import Token
from hadath.resources import DATA_DIR, read_yaml
from hadath.text.normalize import normalize

CUES_FILE = DATA_DIR / "events" / "cues.yaml"
LISTS = (
    "speech_verbs",
    "negation",
    "hypothetical",
    "still_far",
    "target_preps",
    "reporting_frames",
    "attributions",
    "light_verbs",
    "agent_markers",
    "habitual",
    "anonymous_counts",
    "group_heads",
    "quantities",
    "possessed_nouns",
    "necessity",
    "continuing",
    "topic_shifts",
    "purpose",
    "purpose_exempt",
    "leader_links",
    "causes",
    "beneficiaries",
    "instruments",
    "media_nouns",
    "negotiated",
    "quote_cues",
    "writing_verbs",
    "speaker_nouns",
    "sports_terms",
    "time_nouns",
    "transmitting",
)
LIST_KEYS = frozenset({"lemmas", "forms", "prefixes", "patterns", "verbal", "note"})
NO_VERB_PREFIXES = frozenset({"ال", "ب", "ك"})
PATTERN_KEYS = frozenset({"lemmas", "forms", "requires", "window", "next", "note"})
NEXT_CHECKS = frozenset({"imperfect"})
DEFAULT_WINDOW = 3


@dataclass(frozen=True, slots=True)
class CuePattern:
    """A head word (lemma or form) with a condition on the words after it."""

    lemmas: frozenset[str]
    forms: frozenset[str]
    requires: tuple[pt.Phrase, ...] = ()
    window: int = DEFAULT_WINDOW
    next: str | None = None

    def head(self, token: Token) -> bool:
        return token.lemma in self.lemmas or token.stem in self.forms or token.norm in self.forms


@dataclass(frozen=True, slots=True)
class CueList:
    """One named cue list; :meth:`contains` for one token, :meth:`match` for phrases."""

    name: str
    lemmas: frozenset[str]
    forms: frozenset[str]
    phrases: dict[str, tuple[pt.Phrase, ...]]  # keyed by the phrase's first word
    prefixes: frozenset[str]
    patterns: tuple[CuePattern, ...]
    verbal: bool = False

    def contains(self, token: Token) -> bool:
        """Whether the token alone is a cue of this list (no phrases, no patterns)."""
        if self.prefixes and not self.prefixes.isdisjoint(token.prefixes):
            return True
        if self.verbal and not NO_VERB_PREFIXES.isdisjoint(token.prefixes):
            return False
        return token.lemma in self.lemmas or token.stem in self.forms or token.norm in self.forms


class Cues:
    """All cue lists, with membership helpers for the extractor."""

    def __init__(
        self, lists: dict[str, CueList], imperfect: tuple[str, ...], stops: frozenset[str]
    ):
        self.lists = lists
        self.imperfect_prefixes = imperfect
        self.stops = stops

    @classmethod
    def load(cls, extra_paths: Sequence[str | Path] | None = None) -> Cues:
        """``cues.yaml``, its lists extended by the same lists in ``extra_paths``."""
        if not extra_paths:
            return _shipped()
        return cls._build([CUES_FILE, *map(Path, extra_paths)])

    @classmethod
    def _build(cls, paths: list[Path]) -> Cues:
        raw: dict[str, list[tuple[str, dict]]] = {name: [] for name in LISTS}
        settings: dict[str, Any] = {}
        for path in paths:
            data = read_yaml(path)
            if not isinstance(data, dict):
                raise DataFileError(str(path), "expected a mapping of cue lists")
            for name, value in data.items():
                if name == "settings" and path == CUES_FILE:
                    settings = value or {}
                elif name not in raw:
                    raise DataFileError(str(path), f"unknown cue list {name!r}")
                else:
                    raw[name].append((str(path), value))
        for name in LISTS:
            if not raw[name]:
                raise DataFileError(str(CUES_FILE), f"missing cue list {name!r}")
        lists = {name: _cue_list(name, parts) for name, parts in raw.items()}
        imperfect = tuple(normalize(p) for p in settings.get("imperfect_prefixes", []))
        return cls(lists, imperfect, frozenset(settings.get("stops", [])))

    def match(self, name: str, tokens: Sequence[Token], i: int) -> int:
        """End index (exclusive) of the longest cue of list ``name`` starting at ``i``, or -1."""
        cues = self.lists[name]
        token = tokens[i]
        best = i + 1 if cues.contains(token) else -1
        for key in {token.stem, token.lemma, token.norm}:
            for phrase in cues.phrases.get(key, ()):
                best = max(best, pt.phrase_at(phrase, tokens, i))
        for pattern in cues.patterns:
            if pattern.head(token):
                best = max(best, self._pattern_end(pattern, tokens, i))
        return best

    def find(
        self, name: str, tokens: Sequence[Token], start: int = 0, end: int | None = None
    ) -> tuple[int, int] | None:
        """The first cue of list ``name`` in ``tokens[start:end]`` as ``(start, end)``, or None."""
        return next(iter(self.find_all(name, tokens, start, end)), None)

    def find_all(
        self, name: str, tokens: Sequence[Token], start: int = 0, end: int | None = None
    ) -> list[tuple[int, int]]:
        """``(start, end)`` token spans of every cue of list ``name`` in ``tokens[start:end]``."""
        stop = len(tokens) if end is None else end
        return [(i, j) for i in range(start, stop) if (j := self.match(name, tokens, i)) > i]

    def _pattern_end(self, pattern: CuePattern, tokens: Sequence[Token], i: int) -> int:
        if pattern.next == "imperfect":
            after = next((t for t in tokens[i + 1 :] if not t.is_punct), None)
            return i + 2 if after is not None and self.is_imperfect(after) else -1
        return pt.find_after(tokens, i, pattern.requires, pattern.window, self.stops)

    def is_imperfect(self, token: Token) -> bool:
        """An imperfect verb, roughly: an imperfect prefix and a lemma that differs (تكون →
        كان), or a word simplemma does not know (تنسحب، يطبق) unless a ت-word ends like a
        perfect (تمكنت، توصلوا: Form V/VI perfects start with ت too)."""
        stem = token.stem
        if len(stem) < 3 or stem[0] not in self.imperfect_prefixes:
            return False
        if token.lemma and token.lemma != stem:
            return True
        return stem[0] != "ت" or not stem.endswith(("ت", "وا"))

    def is_speech_verb(self, token: Token) -> bool:
        return self.lists["speech_verbs"].contains(token)

    def is_negation(self, token: Token) -> bool:
        return self.lists["negation"].contains(token)

    def is_hypothetical(self, token: Token) -> bool:
        return self.lists["hypothetical"].contains(token)

    def is_target_prep(self, token: Token) -> bool:
        return self.lists["target_preps"].contains(token)

    def is_reporting_frame(self, token: Token) -> bool:
        return self.lists["reporting_frames"].contains(token)


@functools.cache
def _shipped() -> Cues:
    return Cues._build([CUES_FILE])


def _cue_list(name: str, parts: list[tuple[str, Any]]) -> CueList:
    """Validate and merge the parts of one list (shipped, then user files)."""
    lemmas: set[str] = set()
    forms: set[str] = set()
    phrases: dict[str, list[pt.Phrase]] = {}
    prefixes: set[str] = set()
    patterns: list[CuePattern] = []
    verbal = False
    for path, value in parts:
        if not isinstance(value, dict):
            raise DataFileError(path, f"{name}: expected a mapping")
        pt.check_keys(path, value, LIST_KEYS, name)
        lemmas.update(pt.words(path, value.get("lemmas", []), name, "lemmas"))
        for form in pt.words(path, value.get("forms", []), name, "forms", phrases=True):
            if " " in form:
                phrases.setdefault(form.split()[0], []).append(tuple(form.split()))
            else:
                forms.add(form)
        prefixes.update(pt.words(path, value.get("prefixes", []), name, "prefixes"))
        if not isinstance(value.get("verbal", False), bool):
            raise DataFileError(path, f"{name}: 'verbal' must be true or false")
        verbal = verbal or value.get("verbal", False)
        patterns += _patterns(path, value.get("patterns", []), name)
    if not (lemmas or forms or phrases or prefixes or patterns):
        raise DataFileError(parts[0][0], f"{name}: the list is empty")
    return CueList(
        name,
        frozenset(lemmas),
        frozenset(forms),
        {k: tuple(v) for k, v in phrases.items()},
        frozenset(prefixes),
        tuple(patterns),
        verbal,
    )


def _patterns(path: str, value: Any, name: str) -> list[CuePattern]:
    if not isinstance(value, list):
        raise DataFileError(path, f"{name}: 'patterns' must be a list")
    out = []
    for number, entry in enumerate(value, start=1):
        where = f"{name} pattern {number}"
        if not isinstance(entry, dict):
            raise DataFileError(path, f"{where}: expected a mapping")
        pt.check_keys(path, entry, PATTERN_KEYS, where)
        lemmas = pt.words(path, entry.get("lemmas", []), where, "lemmas")
        forms = pt.words(path, entry.get("forms", []), where, "forms")
        requires = pt.phrases(path, entry.get("requires", []), where, "requires")
        check = entry.get("next")
        if not lemmas and not forms:
            raise DataFileError(path, f"{where}: needs 'lemmas' or 'forms'")
        if check is not None and check not in NEXT_CHECKS:
            raise DataFileError(path, f"{where}: unknown 'next' check {check!r}")
        if not requires and check is None:
            raise DataFileError(path, f"{where}: needs 'requires' or 'next'")
        window = pt.window_value(path, entry.get("window"), where, DEFAULT_WINDOW)
        out.append(CuePattern(frozenset(lemmas), frozenset(forms), requires, window, check))
    return out
