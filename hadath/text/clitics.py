"""Splitting Arabic proclitics (و ف ب ك ل ال س) off a word, conservatively.

A word may carry, in order: a conjunction (و / ف), then either a preposition
(ب / ك / ل) optionally followed by the article ال (ل + ال is written لل), or the
future marker س before an imperfect verb (سيكون، ستعمل، سأعمل). Candidates are
tried from the most prefixes to the fewest; the first one accepted wins:

* the stem must keep at least :data:`MIN_STEM` letters, and words listed in
  ``hadath/data/clitic_exceptions.txt`` are never split (nor is a prefix split off
  such a word's front: بالمانيا → ب + المانيا);
* a prefix is refused when simplemma's Arabic lexicon knows the word from that
  prefix on as one word: وزير، فرنسا، كبار، وجوده (→ وجود + ه). For the article
  the known word's lemma must also keep ال (المانيا → ألمانيا، الغاء → ألغى،
  الذي), because the lexicon lists article forms (الاتراك → تركي);
* the article ال (plain alef: آلاف، إليه never) is split unless refused;
* ل + لX (للجنة، للقاء، للبنان) keeps the stem لX when its lemma starts with ل;
* any other prefix needs a stem the lexicon knows, possibly with a pronoun
  suffix (وشدد، لإقامة، بسيطرتها)، plus shape checks against foreign names:
  ك never before ا و ي or a stem under 4 letters (كيري، كلوني)، ب/ل before و/ي
  only with 4+ letters (لويس)، ف before و likewise (فواز)، س only before ي ت ن أ
  and a known verb (سيكون، ستواصل; not سنة، سيتي);
* the one guess without lexicon support is و before an unknown word of 3+
  letters that does not start with ا و ي ل ه (وبوغدانوف splits, ويتكوف and
  وليام do not);
* two words are split against the lexicon: the first و of وو before a known word
  (ووصل، ووزير، وولي), and the words of ``hadath/data/clitic_splits.txt``, which
  the lexicon knows whole but news writes as و + word (ودعا "and called", not
  "bade farewell"; وتدين "and condemns").

Typical misses (left whole, never mangled): rare lexicon homographs such as وهي
(listed as a word), stems with a changed hamza seat (بعطائه)، و/ي-initial stems
after ب/ل (بوضع، لوقف)، and foreign names the lexicon happens to contain as a
stem (كالوري).

The lexicon is simplemma's own dictionary (offline, loaded once, ~0.3 s).
"""

from __future__ import annotations

import functools
import re

from simplemma.strategies import DictionaryLookupStrategy

from hadath.text.normalize import normalize
from hadath.text.wordlists import load_word_list

EXCEPTIONS_FILE = "clitic_exceptions.txt"
SPLITS_FILE = "clitic_splits.txt"
MIN_STEM = 2
TATWEEL = "\u0640"
# What a "bare" word drops: diacritics, tatweel, zero-width (non-)joiners.
BARE_DROP = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640\u200c\u200d]")
_HAMZA_ALEF = str.maketrans("أإآٱ", "اااا")
_CLITIC_START = frozenset("وفبكلسا\u0671")
# A token that is nothing but proclitics joined by tatweel: بـ«...» لـ"..." والـ 30
_CLITIC_ONLY = re.compile("([وف]?)(ال|\u0671ل|[بك]ال|[بكل])?")

_PRONOUNS = {"هما": 2, "هم": 2, "هن": 2, "ها": 2, "كم": 2, "نا": 2, "ه": 2}
_ENDINGS = {**_PRONOUNS, "ك": 3, "ة": 3, "ي": 3, "ات": 4, "ين": 4, "ون": 4, "ان": 4}
_ARTICLE, _LAM_WORD, _OTHER = range(3)
_lookup = DictionaryLookupStrategy()


@functools.cache
def clitic_exceptions() -> frozenset[str]:
    """Normalized words of ``hadath/data/clitic_exceptions.txt`` (loaded once)."""
    return frozenset(normalize(word) for word in load_word_list(EXCEPTIONS_FILE))


@functools.cache
def clitic_splits() -> frozenset[str]:
    """Normalized words of ``hadath/data/clitic_splits.txt``: split as و + word."""
    return frozenset(normalize(word) for word in load_word_list(SPLITS_FILE))


@functools.lru_cache(maxsize=1 << 17)
def dictionary_lemma(word: str) -> str | None:
    """Lemma of a bare word in simplemma's Arabic lexicon, or None when unknown."""
    lemma = _lookup.get_lemma(word, "ar")
    if lemma is None:
        unified = word.translate(_HAMZA_ALEF)
        if unified != word:
            lemma = _lookup.get_lemma(unified, "ar")
    return lemma


def bare_with_index(text: str) -> tuple[str, list[int] | None]:
    """``text`` without diacritics/tatweel, and each kept char's index (None: unchanged)."""
    if BARE_DROP.search(text) is None:
        return text, None
    kept = [i for i, char in enumerate(text) if not BARE_DROP.match(char)]
    return "".join(text[i] for i in kept), kept


def clitic_only(bare: str) -> tuple[str, ...]:
    """Prefixes when ``bare`` (a tatweel-joined token like بـ) is only proclitics, else ()."""
    match = _CLITIC_ONLY.fullmatch(bare)
    if not match or not bare:
        return ()
    conj, rest = match.group(1), (match.group(2) or "").replace("\u0671", "ا")
    parts = [conj] if conj else []
    if rest.endswith("ال") and len(rest) == 3:
        parts += [rest[0], "ال"]
    elif rest:
        parts.append(rest)
    return tuple(parts)


def _candidates(bare: str) -> list[tuple[tuple[str, ...], int, int]]:
    """Possible (prefixes, stem index, kind) splits, most prefixes first."""
    out: list[tuple[tuple[str, ...], int, int]] = []
    starts = [((bare[0],), 1)] if bare[0] in "وف" else []
    for conj, pos in [*starts, ((), 0)]:
        rest = bare[pos:]
        if rest.startswith("لل"):
            out.append(((*conj, "ل"), pos + 1, _LAM_WORD))
            out.append(((*conj, "ل", "ال"), pos + 2, _ARTICLE))
        if rest[:1] in ("ب", "ك") and rest[1:3] in ("ال", "\u0671ل"):
            out.append(((*conj, rest[0], "ال"), pos + 3, _ARTICLE))
        if rest[:2] in ("ال", "\u0671ل"):
            out.append(((*conj, "ال"), pos + 2, _ARTICLE))
        if rest[:1] == "س" and rest[1:2] in ("ي", "ت", "ن", "أ"):
            out.append(((*conj, "س"), pos + 1, _OTHER))
        if rest[:1] in ("ب", "ك", "ل"):
            out.append(((*conj, rest[0]), pos + 1, _OTHER))
        if conj:
            out.append((conj, pos, _OTHER))
    return [cand for cand in out if len(bare) - cand[1] >= MIN_STEM]


def _bases(word: str, suffixes: dict[str, int]) -> list[str]:
    """``word`` without one of ``suffixes`` (وجوده → وجود، زوجته → زوجت/زوجة).

    ``suffixes`` maps each ending to the shortest base it may leave.
    """
    out = []
    for suffix, shortest in suffixes.items():
        if word.endswith(suffix) and len(word) - len(suffix) >= shortest:
            base = word[: -len(suffix)]
            out.append(base)
            if base.endswith("ت"):
                out.append(base[:-1] + "ة")
    return out


def stem_lemma(stem: str) -> str | None:
    """Lemma of ``stem``, or of its base without a pronoun suffix; None when unknown."""
    lemma = dictionary_lemma(stem)
    if lemma is None:
        lemma = next(filter(None, map(dictionary_lemma, _bases(stem, _PRONOUNS))), None)
    return lemma


def _whole(word: str, prefix: str) -> bool:
    """``word`` is one lexicon word, so ``prefix`` at its start is not a clitic.

    For the article the lemma must keep ال (الذي، ألمانيا); the lexicon lists
    article forms (الاتراك → تركي) but hardly any with و ف ب ك ل س attached.
    A word with a pronoun or plural/feminine ending counts when its base does and
    the base's lemma keeps the prefix (وجوده → وجود، فاشلة → فاشل).
    """
    lemma = _lookup.get_lemma(word, "ar")
    if lemma is not None and (prefix != "ال" or normalize(lemma).startswith("ال")):
        return True
    for base in _bases(word, _ENDINGS):
        lemma = _lookup.get_lemma(base, "ar")
        if lemma is not None and normalize(lemma).startswith(prefix):
            return True
    return False


def _plausible(prefix: str, stem: str) -> bool:
    """Shape checks against foreign names (كيري، لويس، فواز، كورنيش، سيتي)."""
    if prefix == "ك":  # the rarest preposition, and many K-/C- names
        return len(stem) >= 4 and stem[0] not in "ويا"
    if prefix in "بل" and stem[0] in "وي":
        return len(stem) >= 4
    if prefix == "ف" and stem[0] == "و":
        return len(stem) >= 4
    if prefix == "س":  # a known imperfect verb: يكون → كان، or at least 4 letters long
        lemma = stem_lemma(stem)
        return lemma is not None and (lemma != stem or len(stem) >= 4)
    return True


def _guess_conj(stem: str) -> bool:
    """و before a word the lexicon does not know: split unless it looks like a W- name."""
    return len(stem) >= 3 and stem[0] not in "اويله"


def _accept(bare: str, prefixes: tuple[str, ...], index: int, kind: int) -> bool:
    """Whether the candidate split of ``bare`` passes the rules of the module docstring."""
    stem = bare[index:]
    if _whole(bare, prefixes[0]):
        return False
    if kind == _LAM_WORD:
        lemma = dictionary_lemma(stem)
        return lemma is not None and normalize(lemma).startswith("ل")
    last = prefixes[-1]
    tail = last + stem if kind == _ARTICLE else bare[index - 1 :]
    # after ل the article's alif is dropped (لليونان، للسعودية): that ال is the article,
    # never the first letters of a word such as ألمانيا (which keeps its alif: لألمانيا)
    elided = prefixes[-2:] == ("ل", "ال")
    if tail != bare and not elided and (
        normalize(tail) in clitic_exceptions() or _whole(tail, last)
    ):
        return False
    if kind == _ARTICLE:
        return True
    if not _plausible(last, stem):
        return False
    if stem_lemma(stem) is not None:
        return True
    return prefixes == ("و",) and _guess_conj(stem)


@functools.lru_cache(maxsize=1 << 18)
def split_bare(bare: str) -> tuple[tuple[str, ...], int]:
    """Split proclitics off a bare word: (normalized prefixes, index where the stem starts)."""
    if len(bare) <= MIN_STEM or bare[0] not in _CLITIC_START:
        return (), 0
    norm = normalize(bare)
    if norm in clitic_exceptions():
        return (), 0
    if norm in clitic_splits() or (bare[:2] == "وو" and stem_lemma(bare[1:]) is not None):
        return ("و",), 1
    for prefixes, index, kind in _candidates(bare):
        if _accept(bare, prefixes, index, kind):
            return prefixes, index
    return (), 0


def analyze_word(text: str) -> tuple[str, tuple[str, ...], str, int]:
    """(norm, prefixes, stem, stem offset in ``text``) of one Arabic word token.

    Not cached here: :func:`hadath.text.tokenize.word_info` caches per surface word.
    """
    norm = normalize(text)
    bare, kept = bare_with_index(text)
    if text.endswith(TATWEEL) and (only := clitic_only(bare)):
        return norm, only, "", len(text)
    prefixes, index = split_bare(bare)
    if not prefixes:
        return norm, (), norm, 0
    rel = index if kept is None else kept[index]
    return norm, prefixes, normalize(text[rel:]), rel
