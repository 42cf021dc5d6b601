"""Token features for the CRF entity tagger.

Each token gets a list of string features (pycrfsuite reads a string as a binary
feature). What depends on the word alone is computed once per distinct word and
cached, so tagging a sentence costs little more than joining cached tuples:

* the word itself: normalized form, stem without proclitics (the tokenizer's, so
  ``Token.stem``), simplemma lemma, prefixes and suffixes of 1-4 letters, word
  shape, stem length, has-article, unknown to simplemma's lexicon, and whether it
  is a title/trigger word (``hadath/data/ner_titles.txt``);
* its neighbours: normalized form at -2..+2; stem, shape, 3-letter suffix, lemma
  at -1/+1; title flags at -2..+2; bigrams with the left and right word;
* optionally, a gazetteer: a callable that says which types (PER, ORG, GPE, LOC)
  a normalized token or space-joined n-gram is known as (``gz=B-T``/``gz=I-T``).
  GPE counts as LOC here (the tagger's label set); GPE vs LOC is decided later,
  by the knowledge base.
"""

from __future__ import annotations

import functools
import re
import sys
from collections.abc import Callable, Collection, Iterable, Sequence
from pathlib import Path

import simplemma

from hadath.errors import DataFileError
from hadath.text.normalize import DIACRITICS, TATWEEL, normalize
from hadath.text.tokenize import word_info

Gazetteer = Callable[[str], Collection[str]]
Features = list[list[str]]
WordInfo = tuple[tuple[str, ...], tuple[tuple[str, ...], ...], str]
OFFSETS = (-2, -1, 1, 2)

TITLES_PATH = Path(__file__).resolve().parent.parent / "data" / "ner_titles.txt"
GAZ_MAX_N = 4
GAZ_TYPES = {"PER": "PER", "PERS": "PER", "ORG": "ORG", "LOC": "LOC", "GPE": "LOC"}
TRIGGER_TYPES = ("PER", "ORG", "LOC")
CACHE_SIZE = 1 << 17  # distinct words whose features the tagger keeps (LRU)
_PUNCT = re.compile(r"^[^\w]+$")
_LATIN = re.compile(r"[A-Za-z]")
_DIGIT = re.compile(r"\d")


def _known(word: str) -> bool:
    return bool(word) and bool(simplemma.is_known(word, lang="ar"))


def _info(word: str) -> tuple[str, str, int, tuple[str, ...], bool]:
    """The tokenizer's (norm, stem, stem offset, prefixes, is_punct); safe on ''."""
    return word_info(word) if word else ("", "", 0, (), True)


def _bare(word: str) -> str:
    return DIACRITICS.sub("", word).replace(TATWEEL, "")


def shape(word: str) -> str:
    """Coarse word shape: P(unct), D(igits), N(umber-ish), L(atin), A(rabic)."""
    if _PUNCT.match(word):
        return "P"
    if word.isdigit():
        return "D"
    if _DIGIT.search(word):
        return "N"
    if _LATIN.search(word):
        return "L"
    return "A"


@functools.cache
def load_titles(path: Path = TITLES_PATH) -> dict[str, str]:
    """Title/trigger stems from ``ner_titles.txt`` -> the type of name that follows."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise DataFileError(str(path), "data file not found") from None
    titles: dict[str, str] = {}
    for number, line in enumerate(lines, start=1):
        fields = line.split()
        if not fields or fields[0].startswith("#"):
            continue
        kind = fields[1] if len(fields) > 1 else "PER"
        if len(fields) > 2 or kind not in TRIGGER_TYPES:
            raise DataFileError(str(path), f"line {number}: expected 'word [PER|ORG|LOC]'")
        titles.setdefault(word_info(fields[0])[1], kind)
    return titles


@functools.lru_cache(maxsize=CACHE_SIZE)
def word_key(word: str) -> tuple[str, str, str]:
    """(normalized form, stem without proclitics, title type or '') of ``word``.

    The stem is :mod:`hadath.text.tokenize`'s (و ف ب ل ك ال س split off), so it
    equals ``Token.stem`` for the same word.
    """
    norm, stem = _info(word)[:2]
    stem = stem or norm
    return norm, stem, load_titles().get(stem, "")


@functools.lru_cache(maxsize=CACHE_SIZE)
def bare_key(word: str) -> str:
    """Normalized ``word`` without its proclitics but with its article (``وللرئيس`` → ``الرييس``).

    This is how names are written in a gazetteer (as :mod:`hadath.entities.gazetteer`
    matches them).
    """
    norm, stem, _, prefixes, _ = _info(word)
    stem = stem or norm
    return "ال" + stem if "ال" in prefixes else stem


@functools.lru_cache(maxsize=CACHE_SIZE)
def lemma_key(word: str) -> str:
    """Normalized simplemma lemma of ``word`` ('' for diacritics alone)."""
    bare = _bare(word)
    return normalize(simplemma.lemmatize(bare, lang="ar")) if bare else ""


def is_unknown(word: str) -> bool:
    """Neither the word nor its stem is in simplemma's Arabic lexicon."""
    rel = _info(word)[2]
    return not (_known(_bare(word)) or _known(_bare(word[rel:])))


def word_features(word: str) -> WordInfo:
    """(own features, features lent to the tokens at -2/-1/+1/+2, normalized form).

    Everything here depends on ``word`` alone, so :class:`Extractor` caches it.
    """
    norm, stem, title = word_key(word)
    kind = shape(word)
    lemma = lemma_key(word)
    own = ["b", "w=" + norm, "st=" + stem, "sh=" + kind, "len=" + str(min(len(stem), 8))]
    if kind == "A":
        own.append("lem=" + lemma)
        own.extend(f"p{n}={norm[:n]}" for n in (1, 2, 3, 4) if len(norm) > n)
        own.extend(f"s{n}={stem[-n:]}" for n in (1, 2, 3, 4) if len(stem) > n)
        own.append("al" if stem != bare_key(word) else "noal")
        if is_unknown(word):
            own.append("unk")
    if title:
        own.append("title=" + title)
    near = (f"st={stem}", f"sh={kind}", f"s3={stem[-3:]}", f"lem={lemma}")
    lent = []
    for offset in OFFSETS:
        prefix = f"{offset:+d}:"
        feats = [prefix + "w=" + norm]
        if abs(offset) == 1:
            feats.extend(prefix + f for f in near)
        if title:
            feats.append(prefix + "title=" + title)
        lent.append(tuple(feats))
    return tuple(own), tuple(lent), norm


def own_features(word: str) -> tuple[str, ...]:
    """Features of ``word`` that do not depend on its context."""
    return word_features(word)[0]


def context_features(word: str, offset: int) -> tuple[str, ...]:
    """Features that ``word`` contributes to the token ``offset`` positions away."""
    return word_features(word)[1][OFFSETS.index(offset)]


def gazetteer_features(tokens: Sequence[str], gazetteer: Gazetteer) -> list[list[str]]:
    """Per token, ``gz=B-T``/``gz=I-T`` for every known n-gram (n <= 4) covering it.

    Keys are normalized and space-joined; the first word of an n-gram is also
    looked up without its conjunction/preposition, so "وروسيا" is found as "روسيا".
    A gazetteer with a ``starts`` set (the first words of its names) is only
    asked about n-grams starting with one of them.
    """
    norms = [word_key(word)[0] for word in tokens]
    starts = getattr(gazetteer, "starts", None)
    out: list[list[str]] = [[] for _ in norms]
    for start, word in enumerate(tokens):
        norm, bare = norms[start], bare_key(word)
        if starts is not None and norm not in starts and bare not in starts:
            continue
        firsts = sorted({norm, bare})
        if starts is not None:
            firsts = [first for first in firsts if first in starts]
        for first in firsts:
            for n in range(1, min(GAZ_MAX_N, len(norms) - start) + 1):
                key = " ".join([first, *norms[start + 1 : start + n]])
                for raw in sorted(gazetteer(key)):
                    mark(out, start, n, GAZ_TYPES.get(raw))
    return out


def mark(out: list[list[str]], start: int, length: int, kind: str | None) -> None:
    """Add ``gz=B-kind`` at ``start`` and ``gz=I-kind`` on the next ``length - 1`` tokens."""
    if kind is None:
        return
    first = "gz=B-" + kind
    if first not in out[start]:
        out[start].append(first)
    inner = "gz=I-" + kind
    for index in range(start + 1, start + length):
        if inner not in out[index]:
            out[index].append(inner)


class Extractor:
    """:func:`features` with per-word results cached and pruned to a model's attributes.

    ``keep`` is the set of feature strings a model has weights for; features
    outside it cannot change a tagging decision, and dropping them before
    pycrfsuite sees them halves its time. ``keep=None`` keeps everything
    (training). The ``cache_size`` most recently used words are cached.
    """

    def __init__(self, keep: Collection[str] | None = None, cache_size: int = CACHE_SIZE) -> None:
        self.keep = frozenset(keep) if keep is not None else None
        self.word: Callable[[str], WordInfo] = functools.lru_cache(maxsize=cache_size)(self._word)

    def clear(self) -> None:
        self.word.cache_clear()  # type: ignore[attr-defined]

    def _word(self, word: str) -> WordInfo:
        own, lent, norm = word_features(word)
        if self.keep is None:
            return own, lent, norm
        return self._pruned(own), tuple(self._pruned(feats) for feats in lent), norm

    def _pruned(self, feats: Iterable[str]) -> tuple[str, ...]:
        """Features in ``keep``, interned: most ("sh=A", "s1=ه") recur across words."""
        keep = self.keep
        if keep is None:
            return tuple(feats)
        return tuple(sys.intern(f) for f in feats if f in keep)

    def __call__(self, tokens: Sequence[str], gazetteer: Gazetteer | None = None) -> Features:
        """CRF features of each token of one sentence."""
        infos = [self.word(word) for word in tokens]
        keep, last = self.keep, len(tokens) - 1
        out: Features = []
        for i, (own, _, norm) in enumerate(infos):
            feats = list(own)
            if i >= 2:
                feats.extend(infos[i - 2][1][0])
            if i >= 1:
                feats.extend(infos[i - 1][1][1])
                bigram = "bg-=" + infos[i - 1][2] + "|" + norm
                if keep is None or bigram in keep:
                    feats.append(bigram)
            else:
                feats.append("BOS")
            if i < last:
                feats.extend(infos[i + 1][1][2])
                bigram = "bg+=" + norm + "|" + infos[i + 1][2]
                if keep is None or bigram in keep:
                    feats.append(bigram)
            else:
                feats.append("EOS")
            if i < last - 1:
                feats.extend(infos[i + 2][1][3])
            out.append(feats)
        if gazetteer is not None:
            for feats, extra in zip(out, gazetteer_features(tokens, gazetteer), strict=True):
                if extra:
                    feats.extend(self._pruned(extra))
        return out


_PLAIN = Extractor()


def features(tokens: Sequence[str], gazetteer: Gazetteer | None = None) -> Features:
    """CRF features of each token of one sentence (everything; see :class:`Extractor`)."""
    return _PLAIN(tokens, gazetteer)


class DictGazetteer:
    """A gazetteer from (name, type) pairs; call it with a normalized key.

    Names are normalized, and their first word is also stored without its
    proclitics (article kept), so ``gazetteer("روسيا")`` finds "وروسيا".
    """

    def __init__(self, names: Iterable[tuple[str, str]] = ()) -> None:
        self.table: dict[str, set[str]] = {}
        self.starts: set[str] = set()
        for name, kind in names:
            self.add(name, kind)

    def add(self, name: str, kind: str) -> None:
        words = name.split()
        if not words:
            return
        rest = [word_key(w)[0] for w in words[1:]]
        for first in {word_key(words[0])[0], bare_key(words[0])}:
            self.starts.add(first)
            self.table.setdefault(" ".join([first, *rest]), set()).add(kind)

    def __call__(self, key: str) -> Collection[str]:
        return self.table.get(key, _EMPTY)

    def __len__(self) -> int:
        return len(self.table)


class Gazetteers:
    """Several gazetteers answering as one (the union of their types)."""

    def __init__(self, *parts: Gazetteer | None) -> None:
        self.parts = [part for part in parts if part is not None]
        starts = [getattr(part, "starts", None) for part in self.parts]
        self.starts = None if None in starts else set().union(*starts)

    def __call__(self, key: str) -> Collection[str]:
        found: set[str] = set()
        for part in self.parts:
            found.update(part(key))
        return found


_EMPTY: frozenset[str] = frozenset()


def read_names(path: Path) -> list[tuple[str, str]]:
    """(name, type) pairs of a names file: ``name<TAB>TYPE`` a line, ``#`` comments."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise DataFileError(str(path), f"cannot read names file: {exc}") from None
    names = []
    for number, line in enumerate(lines, start=1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) != 2 or not fields[0].strip() or fields[1] not in GAZ_TYPES:
            raise DataFileError(str(path), f"line {number}: expected 'name<TAB>PER|ORG|LOC|GPE'")
        names.append((fields[0], fields[1]))
    return names


def write_names(path: Path, names: Iterable[tuple[str, str]], header: str) -> None:
    """Write unique (name, type) pairs, sorted, under ``#`` header lines."""
    rows = sorted(set(names))
    lines = ["# " + line for line in header.splitlines()]
    lines += [f"{name}\t{kind}" for name, kind in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
