"""Token features for the CRF entity tagger.

Each token gets a list of string features (pycrfsuite reads a string as a binary
feature). What depends on the word alone is computed once per distinct word and
cached, so tagging a sentence costs little more than joining cached tuples:

* the word itself: normalized form, stem without proclitics (the tokenizer's, so
  ``Token.stem``), lemma (:func:`hadath.text.lemma.lemmatize`), prefixes and
  suffixes of 1-4 letters, word shape, stem length, has-article, unknown to
  simplemma's lexicon, whether it is a title/trigger word
  (``hadath/data/ner_titles.txt``), and its word clusters at three granularities
  (:mod:`hadath.entities.clusters`; ``kx`` for an Arabic word they do not know);
* its neighbours: normalized form at -2..+2; stem, shape, 3-letter suffix and the
  two coarser clusters at -1/+1; title flags at -2..+2; bigrams with the left and
  right word;
* optionally, a gazetteer: a callable that says which types (PER, ORG, GPE, LOC)
  a normalized token or space-joined n-gram is known as (``gz=B-T``/``gz=I-T``).
  GPE counts as LOC here (the tagger's label set); GPE vs LOC is decided later,
  by the knowledge base.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from operator import itemgetter
from pathlib import Path
from typing import TypeVar

from hadath.entities.clusters import LEVELS, Clusters, load_clusters
from hadath.errors import DataFileError
from hadath.text.clitics import dictionary_lemma
from hadath.text.lemma import lemmatize
from hadath.text.normalize import DIACRITICS, TATWEEL
from hadath.text.tokenize import word_info

Gazetteer = Callable[[str], Collection[str]]
Feature = str | bytes  # bytes: UTF-8, as the tagger hands features to pycrfsuite
Features = list[list[Feature]]
WordInfo = tuple[tuple[Feature, ...], tuple[tuple[Feature, ...], ...], str, str]
OFFSETS = (-2, -1, 1, 2)
_OFFSET_PREFIX = {offset: f"{offset:+d}:" for offset in OFFSETS}
Kept = TypeVar("Kept")  # what a model's feature maps to: itself, its bytes, its row

TITLES_PATH = Path(__file__).resolve().parent.parent / "data" / "ner_titles.txt"
GAZ_MAX_N = 4
GAZ_TYPES = {"PER": "PER", "PERS": "PER", "ORG": "ORG", "LOC": "LOC", "GPE": "LOC"}
TRIGGER_TYPES = ("PER", "ORG", "LOC")
CLUSTERS: Clusters | None = None  # training experiments: another cluster table
CACHE_SIZE = 1 << 17  # distinct words whose features the tagger keeps (LRU)
_PUNCT = re.compile(r"^[^\w]+$")
_LATIN = re.compile(r"[A-Za-z]")
_DIGIT = re.compile(r"\d")


def _info(word: str) -> tuple[str, str, int, tuple[str, ...], bool]:
    """The tokenizer's (norm, stem, stem offset, prefixes, is_punct); safe on ''."""
    return word_info(word) if word else ("", "", 0, (), True)


def _bare(word: str) -> str:
    return DIACRITICS.sub("", word).replace(TATWEEL, "")


def shape(word: str) -> str:
    """Coarse word shape: P(unct), D(igits), N(umber-ish), L(atin), A(rabic)."""
    if word.isalpha():  # most words: letters only, so no punctuation and no digit
        return "L" if _LATIN.search(word) else "A"
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
    """Normalized lemma of ``word`` (:func:`hadath.text.lemma.lemmatize`, whose cache the
    ``tokenize`` stage has filled for the same words)."""
    return lemmatize(word) if _bare(word) else ""


def is_unknown(word: str, rel: int | None = None) -> bool:
    """Neither the word nor its stem is in simplemma's Arabic lexicon (hamza-insensitive,
    :func:`hadath.text.clitics.dictionary_lemma`, whose cache tokenizing fills);
    ``rel``: where the stem starts in ``word``, when the caller has it."""
    if rel is None:
        rel = _info(word)[2]
    bare = _bare(word)
    if bare and dictionary_lemma(bare) is not None:
        return False
    # Speed: a word without diacritics or tatweel has a stem without them too
    stem = (word[rel:] if bare == word else _bare(word[rel:])) if rel else bare
    return not (stem and dictionary_lemma(stem) is not None)


Parts = tuple[list[str], tuple[str, ...], tuple[str, ...], str, str, str]
_LENGTHS = tuple(f"len={n}" for n in range(9))
_AFFIXES = (0, 0, 1, 2, 3, 4)  # prefixes (suffixes) of 1-4 letters a word of 0..5+ letters has


def word_parts(word: str) -> Parts:
    """(own features, features lent to the tokens at -1/+1 and at -2/+2 before their
    offset prefix, normalized form, gazetteer form: normalized, proclitics off,
    article kept, stem: :func:`word_key`'s). See :func:`word_features`."""
    norm, stem, rel, prefixes, _ = _info(word)
    stem = stem or norm
    title = load_titles().get(stem, "")
    kind = shape(word)
    own_word, own_stem, own_shape = "w=" + norm, "st=" + stem, "sh=" + kind
    suffix3 = "s3=" + stem[-3:]
    own = ["b", own_word, own_stem, own_shape, _LENGTHS[min(len(stem), 8)]]
    if kind == "A":
        # Speed: the 1-4 letter prefixes and suffixes written out, not formatted in a loop
        own.append("lem=" + lemma_key(word))
        own += ("p1=" + norm[:1], "p2=" + norm[:2], "p3=" + norm[:3], "p4=" + norm[:4])[
            : _AFFIXES[min(len(norm), 5)]
        ]
        own += ("s1=" + stem[-1:], "s2=" + stem[-2:], suffix3, "s4=" + stem[-4:])[
            : _AFFIXES[min(len(stem), 5)]
        ]
        own.append("al" if "ال" in prefixes else "noal")
        if is_unknown(word, rel):
            own.append("unk")
    titled = ("title=" + title,) if title else ()
    own += titled
    clusters = cluster_features(stem, kind)
    own += clusters
    coarse = clusters[1:] if len(clusters) > 1 else clusters  # the finest level stays own
    near = (own_word, own_stem, own_shape, suffix3, *coarse, *titled)
    gaz = "ال" + stem if "ال" in prefixes else stem
    return own, near, (own_word, *titled), norm, gaz, stem


def word_features(word: str) -> WordInfo:
    """(own features, features lent to the tokens at -2/-1/+1/+2, normalized form,
    gazetteer form: normalized, proclitics off, article kept).

    Everything here depends on ``word`` alone, so :class:`Extractor` caches it.
    """
    own, near, far, norm, gaz, _ = word_parts(word)
    lent = tuple(
        tuple(_OFFSET_PREFIX[offset] + f for f in (near if offset in (-1, 1) else far))
        for offset in OFFSETS
    )
    return tuple(own), lent, norm, gaz


def cluster_features(stem: str, kind: str) -> list[str]:
    """``k1024=…``, ``k256=…``, ``k64=…`` of a stem in the cluster table; ``kx`` for an
    Arabic word the table does not know (rare in news: often a name)."""
    ids = (CLUSTERS if CLUSTERS is not None else load_clusters()).get(stem)
    if ids is None:
        return ["kx"] if kind == "A" else []
    return list(_cluster_names(ids))


@functools.lru_cache(maxsize=1 << 12)
def _cluster_names(ids: tuple[str, ...]) -> tuple[str, ...]:
    """The features of one set of cluster ids (a few thousand sets: built once each)."""
    return tuple(f"k{size}={value}" for size, value in zip(LEVELS, ids, strict=True))


def own_features(word: str) -> tuple[str, ...]:
    """Features of ``word`` that do not depend on its context."""
    return word_features(word)[0]


def context_features(word: str, offset: int) -> tuple[str, ...]:
    """Features that ``word`` contributes to the token ``offset`` positions away."""
    return word_features(word)[1][OFFSETS.index(offset)]


def gazetteer_features(
    tokens: Sequence[str],
    gazetteer: Gazetteer,
    prefix: str = "gz=",
    keys: Sequence[tuple[str, str]] | None = None,
) -> list[list[str]]:
    """Per token, ``gz=B-T``/``gz=I-T`` for every known n-gram (n <= 4) covering it.

    Keys are normalized and space-joined; the first word of an n-gram is also
    looked up without its conjunction/preposition, so "وروسيا" is found as "روسيا".
    A gazetteer with a ``starts`` set (the first words of its names) is only
    asked about n-grams starting with one of them. ``keys``: each token's (normalized
    form, :func:`bare_key`) when the caller has them.
    """
    if keys is None:
        keys = [(word_key(word)[0], bare_key(word)) for word in tokens]
    out: list[list[str]] = [[] for _ in keys]
    for index, marks in gazetteer_marks(keys, gazetteer, prefix).items():
        out[index] = marks
    return out


def gazetteer_marks(
    keys: Sequence[tuple[str, str]], gazetteer: Gazetteer, prefix: str = "gz="
) -> dict[int, list[str]]:
    """:func:`gazetteer_features` of the tokens with any, by token index (in no order);
    ``keys``: each token's (normalized form, :func:`bare_key`)."""
    norms = [norm for norm, _ in keys]
    starts = getattr(gazetteer, "starts", None)
    prefixes = getattr(gazetteer, "prefixes", None)  # every name's leading words
    out: dict[int, list[str]] = {}
    for start in _starts(keys, norms, starts):
        norm, bare = keys[start]
        if starts is None:
            firsts: Sequence[str] = (norm,) if norm == bare else sorted((norm, bare))
        elif norm in starts:
            firsts = (norm,) if norm == bare or bare not in starts else sorted((norm, bare))
        else:
            firsts = (bare,)
        for first in firsts:
            key = first
            for n in range(1, min(GAZ_MAX_N, len(norms) - start) + 1):
                if n > 1:
                    key += " " + norms[start + n - 1]
                    if prefixes is not None and key not in prefixes:
                        break
                for raw in sorted(gazetteer(key)):
                    _mark(out, start, n, GAZ_TYPES.get(raw), prefix)
    return out


def _starts(keys: Sequence[tuple[str, str]], norms: list[str],
            starts: Collection[str] | None) -> Iterable[int]:  # fmt: skip
    """Indices of the tokens a name may start at (every one without ``starts``), in order."""
    if starts is None:
        return range(len(keys))
    # Speed: the tokens are tested in C (map, compress); most start no name
    found = set(itertools.compress(itertools.count(), map(starts.__contains__, norms)))
    bares = map(itemgetter(1), keys)
    found.update(itertools.compress(itertools.count(), map(starts.__contains__, bares)))
    return sorted(found)


def mark(out: list[list[str]], start: int, length: int, kind: str | None,
         prefix: str = "gz=") -> None:  # fmt: skip
    """Add ``gz=B-kind`` at ``start`` and ``gz=I-kind`` on the next ``length - 1`` tokens."""
    if kind is None:
        return
    first = prefix + "B-" + kind
    if first not in out[start]:
        out[start].append(first)
    inner = prefix + "I-" + kind
    for index in range(start + 1, start + length):
        if inner not in out[index]:
            out[index].append(inner)


def _mark(out: dict[int, list[str]], start: int, length: int, kind: str | None,
          prefix: str) -> None:  # fmt: skip
    """:func:`mark` into a dict of the marked tokens."""
    if kind is None:
        return
    first = prefix + "B-" + kind
    if first not in (marks := out.setdefault(start, [])):
        marks.append(first)
    inner = prefix + "I-" + kind
    for index in range(start + 1, start + length):
        if inner not in (marks := out.setdefault(index, [])):
            marks.append(inner)


class Extractor:
    """:func:`features` with per-word results cached and pruned to a model's attributes.

    ``keep`` is the set of feature strings a model has weights for; features
    outside it cannot change a tagging decision, and dropping them before
    pycrfsuite sees them halves its time. ``keep=None`` keeps everything
    (training). ``encode``: features come out as UTF-8 bytes (with ``keep`` only).
    The ``cache_size`` most recently used words are cached.
    """

    def __init__(self, keep: Collection[str] | None = None, cache_size: int = CACHE_SIZE,
                 encode: bool = False) -> None:  # fmt: skip
        # feature -> itself, or its UTF-8 bytes with ``encode`` (pycrfsuite takes bytes
        # as they are instead of encoding every string of every token again): one
        # look-up prunes, interns and encodes (most features recur across words)
        self.keep: dict[str, Feature] | None = None
        if keep is not None:
            self.keep = {f: f.encode() if encode else f for f in sorted(keep)}
        self.edges: tuple[tuple[Feature], tuple[Feature]] = (
            (b"BOS",), (b"EOS",)) if encode else (("BOS",), ("EOS",))  # fmt: skip
        self.bigrams = bigram_table(self.keep or {})
        self.lend = lend_table(self.keep or {})
        self.word: Callable[[str], WordInfo] = functools.lru_cache(maxsize=cache_size)(self._word)

    def clear(self) -> None:
        self.word.cache_clear()  # type: ignore[attr-defined]

    def _word(self, word: str) -> WordInfo:
        if self.keep is None:
            return word_features(word)
        own, near, far, norm, gaz, _ = word_parts(word)
        return self._pruned(own), self._lent(near, far), norm, gaz

    def _lent(self, near: Iterable[str], far: Iterable[str]) -> tuple[tuple[Feature, ...], ...]:
        """The kept features lent to -2/-1/+1/+2 (``near``: to -1/+1 only, ``far``: to
        -2/+2 too), without building each offset's string: one look-up a feature."""
        near_hits = [hits for f in near if (hits := self.lend.get(f))]
        far_hits = [hits for f in far if (hits := self.lend.get(f))]
        return tuple(
            tuple(h[slot] for h in (near_hits if slot in (1, 2) else far_hits) if h[slot])
            for slot in range(len(OFFSETS))
        )

    def _pruned(self, feats: Iterable[str]) -> tuple[Feature, ...]:
        """Features in ``keep`` (as ``keep``'s own objects)."""
        if self.keep is None:
            return tuple(feats)
        return tuple(filter(None, map(self.keep.get, feats)))

    def __call__(self, tokens: Sequence[str], gazetteer: Gazetteer | None = None,
                 kb: Gazetteer | None = None) -> Features:  # fmt: skip
        """CRF features of each token of one sentence; ``kb``: knowledge-base names
        (``kb=B-T``/``kb=I-T``), told apart from the training names of ``gazetteer``."""
        word = self.word
        infos = [word(w) for w in tokens]
        lent = [info[1] for info in infos]
        norms = [info[2] for info in infos]
        before2 = [(), (), *(x[0] for x in lent[:-2])]
        bos, eos = self.edges
        before1 = [bos, *(x[1] for x in lent[:-1])]
        after1 = [*(x[2] for x in lent[1:]), eos]
        after2 = [*(x[3] for x in lent[2:]), (), ()]
        out: Features = [
            [*info[0], *a, *b, *c, *d]
            for info, a, b, c, d in zip(infos, before2, before1, after1, after2, strict=False)
        ]
        pairs = itertools.pairwise(norms)  # (before2/after2 are 2 long for one word)
        if self.keep is None:
            for i, (left, right) in enumerate(pairs):
                out[i + 1].append("bg-=" + left + "|" + right)
                out[i].append("bg+=" + left + "|" + right)
        else:
            minus, plus = self.bigrams
            for i, (left, right) in enumerate(pairs):
                if (seen := minus.get(left)) and (feature := seen.get(right)):
                    out[i + 1].append(feature)
                if (seen := plus.get(left)) and (feature := seen.get(right)):
                    out[i].append(feature)
        for table, prefix in ((gazetteer, "gz="), (kb, "kb=")):
            if table is None:
                continue
            found = gazetteer_features(tokens, table, prefix, [(i[2], i[3]) for i in infos])
            for feats, extra in zip(out, found, strict=True):
                if extra:
                    feats.extend(self._pruned(extra))
        return out


def bigram_table(
    keep: Mapping[str, Kept],
) -> tuple[dict[str, dict[str, Kept]], dict[str, dict[str, Kept]]]:
    """Left word -> right word -> ``keep``'s value, of the model's ``bg-=`` and of its
    ``bg+=`` features."""
    minus: dict[str, dict[str, Kept]] = {}
    plus: dict[str, dict[str, Kept]] = {}
    for feature, kept in keep.items():
        if feature.startswith(("bg-=", "bg+=")):
            left, _, right = feature[4:].partition("|")
            (minus if feature[2] == "-" else plus).setdefault(left, {})[right] = kept
    return minus, plus


def lend_table(keep: Mapping[str, Kept]) -> dict[str, tuple[Kept | None, ...]]:
    """Feature -> ``keep``'s values for it lent to -2/-1/+1/+2 (None where the model has none)."""
    slots = {_OFFSET_PREFIX[offset]: slot for slot, offset in enumerate(OFFSETS)}
    table: dict[str, list[Kept | None]] = {}
    for feature, kept in keep.items():
        slot = slots.get(feature[:3])
        if slot is not None:
            table.setdefault(feature[3:], [None] * len(OFFSETS))[slot] = kept
    return {feature: tuple(hits) for feature, hits in table.items()}


_PLAIN = Extractor()


def features(tokens: Sequence[str], gazetteer: Gazetteer | None = None,
             kb: Gazetteer | None = None) -> Features:  # fmt: skip
    """CRF features of each token of one sentence (everything; see :class:`Extractor`)."""
    return _PLAIN(tokens, gazetteer, kb)


class DictGazetteer:
    """A gazetteer from (name, type) pairs; call it with a normalized key.

    Names are normalized, and their first word is also stored without its
    proclitics (article kept), so ``gazetteer("روسيا")`` finds "وروسيا".
    """

    def __init__(self, names: Iterable[tuple[str, str]] = ()) -> None:
        self.table: dict[str, set[str]] = {}
        self.starts: set[str] = set()
        self.prefixes: set[str] = set()  # the first 1..n words of every name
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
            for n in range(len(rest) + 1):
                self.prefixes.add(" ".join([first, *rest[:n]]))

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
        prefixes = [getattr(part, "prefixes", None) for part in self.parts]
        self.prefixes = None if None in prefixes else set().union(*prefixes)

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
