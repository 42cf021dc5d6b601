"""The CRF entity tagger's Viterbi, run by hadath over cached per-word weights.

crfsuite's linear-chain CRF scores label ``y`` of a token as the sum of the weights
``W[a, y]`` of the token's attributes ``a`` (every attribute here has value 1), adds
``T[y', y]`` for each pair of neighbouring labels, and decodes with Viterbi. Nearly
all of a token's attributes come from one word at one offset (the word's own
features, and those its neighbours at -2..+2 lend it; see
:mod:`hadath.entities.features`), so their summed weights are cached per distinct
word: five label vectors, own and lent to the tokens 2 and 1 after and 1 and 2 before
it. A token's scores are the five vectors of its window plus its few pairwise
attributes (bigrams with the left and right word, gazetteer n-grams). The sentences
of one article are decoded together: packed end to end into a few lanes as long as
the longest one, one numpy step per position for every lane at once.

:class:`Weights` reads the model file's exact weights (crfsuite's dump, behind
``pycrfsuite.Tagger.info``, prints them to 6 decimals). Ties go to the first label in
the model's label order, as in crfsuite's Viterbi. The sums are added in another
order than crfsuite's, so a score can differ in its last bits; the tags are the same
unless two label sequences score the same to ~1e-12 (none did on ANERcorp and on
3,000 SaudiNewsNet articles). pycrfsuite still trains the model and is the reference
(:meth:`hadath.entities.tagger.Tagger.crfsuite_tags`).
"""

from __future__ import annotations

import struct
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import compress
from pathlib import Path
from typing import Protocol

import numpy as np

from hadath.entities.features import (
    CACHE_SIZE,
    Gazetteer,
    bigram_table,
    gazetteer_marks,
    lend_table,
    word_parts,
)
from hadath.errors import HadathError

HEADER = struct.Struct("<4sI4sIIIIIIIII")  # crfsuite's crf1d_model.c header_t
CHUNK = struct.Struct("<4sII")  # chunk id, size, number of items
FEATURE = np.dtype([("type", "<u4"), ("src", "<u4"), ("dst", "<u4"), ("weight", "<f8")])
STATE, TRANSITION = 0, 1  # crfsuite's feature types

# the five cached vectors of a word: own, then lent to the token 2 after (its "-2:"
# features), 1 after ("-1:"), 1 before ("+1:") and 2 before ("+2:")
OWN, TO_NEXT2, TO_NEXT1, TO_PREV1, TO_PREV2 = range(5)
SLOTS = 5
PAD, BOS, EOS = 0, 1, 2  # reserved rows: nothing, sentence start, sentence end
FIRST_ROW = 3
INITIAL_ROWS = 1 << 12

Groups = list[list[int]]
Bigrams = tuple[dict[str, int] | None, dict[str, int] | None]


class Dump(Protocol):
    """What :class:`Weights` needs of ``pycrfsuite.Tagger.info()``: names to ids."""

    labels: Mapping[str, str]
    attributes: Mapping[str, str]


@dataclass(frozen=True)
class Weights:
    """A crfsuite model's labels, attributes and exact weights.

    ``attributes`` maps an attribute to its row of ``state`` (crfsuite's id + 1: row
    0 is all zeros, so a row is never falsy); ``state[row, label]`` and
    ``transitions[from, to]`` are indexed by crfsuite's label ids (``labels``).
    """

    labels: list[str]
    attributes: dict[str, int]
    state: np.ndarray
    transitions: np.ndarray

    @classmethod
    def read(cls, path: Path, dump: Dump) -> Weights:
        """The weights of the model file at ``path``; ``dump``: its parsed crfsuite dump."""
        data = path.read_bytes()
        magic, _, kind, _, _, _, num_attrs, off_features, *_ = HEADER.unpack_from(data)
        chunk, _, count = CHUNK.unpack_from(data, off_features)
        if (magic, kind, chunk) != (b"lCRF", b"FOMC", b"FEAT") or num_attrs != len(dump.attributes):
            raise HadathError(f"not a crfsuite CRF1d model this tagger can read: {path}")
        features = np.frombuffer(data, FEATURE, count, off_features + CHUNK.size)
        labels = [name for name, _ in sorted(dump.labels.items(), key=lambda kv: int(kv[1]))]
        state = np.zeros((num_attrs + 1, len(labels)))
        transitions = np.zeros((len(labels), len(labels)))
        kinds = features["type"]
        if not np.isin(kinds, (STATE, TRANSITION)).all():
            raise HadathError(f"unknown crfsuite feature type in {path}")
        found = features[kinds == STATE]
        state[found["src"].astype(np.intp) + 1, found["dst"]] = found["weight"]
        found = features[kinds == TRANSITION]
        transitions[found["src"], found["dst"]] = found["weight"]
        attributes = {name: int(aid) + 1 for name, aid in dump.attributes.items()}
        return cls(labels, attributes, state, transitions)


class Scorer:
    """Tags sentences with a model's :class:`Weights`; caches up to ``cache_size`` words."""

    def __init__(self, weights: Weights, cache_size: int = CACHE_SIZE) -> None:
        self.weights = weights
        self.cache_size = cache_size
        self.bigrams = bigram_table(weights.attributes)
        # feature -> its row lent to -2, to -1, to +1, to +2: one table a slot
        self.lend = tuple(
            {f: rows[slot] for f, rows in lend_table(weights.attributes).items() if rows[slot]}
            for slot in range(4)
        )
        self._back_t = np.ascontiguousarray(weights.transitions.T)  # [to, from]
        self.clear()

    def clear(self) -> None:
        """Forget every cached word."""
        labels = len(self.weights.labels)
        self.rows: dict[str, int] = {}
        self.stems: list[str] = [""] * FIRST_ROW  # stem (features.word_key's) by row
        self.keys: list[tuple[str, str]] = [("", "")] * FIRST_ROW  # (norm, gazetteer form)
        # the model's bigrams with the row's word on the left (bg-=, bg+=), or None
        self.lefts: list[Bigrams | None] = [None] * FIRST_ROW
        self.vectors = np.zeros((INITIAL_ROWS, SLOTS, labels))
        state, ids = self.weights.state, self.weights.attributes
        self.vectors[BOS, TO_NEXT1] = state[ids.get("BOS", PAD)]
        self.vectors[EOS, TO_PREV1] = state[ids.get("EOS", PAD)]

    def tag(self, sentences: Sequence[Sequence[str]], gazetteer: Gazetteer | None = None,
            kb: Gazetteer | None = None) -> list[list[str]]:  # fmt: skip
        """The model's labels for each sentence (``gazetteer``/``kb``: as for
        :class:`hadath.entities.features.Extractor`)."""
        return self.tag_with_stems(sentences, gazetteer, kb)[0]

    def tag_with_stems(
        self, sentences: Sequence[Sequence[str]], gazetteer: Gazetteer | None, kb: Gazetteer | None
    ) -> tuple[list[list[str]], list[list[str]]]:
        """:meth:`tag`, and each word's stem (:func:`~hadath.entities.features.word_key`'s,
        read from the cache by row: cheaper than by word)."""
        kept = [i for i, words in enumerate(sentences) if words]
        out: list[list[str]] = [[] for _ in sentences]
        stems: list[list[str]] = [[] for _ in sentences]
        if not kept:
            return out, stems
        chosen = [sentences[i] for i in kept]
        rows = self._rows(chosen)
        scores = self._scores(chosen, rows, gazetteer, kb)
        labels = self.weights.labels
        stem = self.stems.__getitem__
        paths = self.decode(scores, [len(w) for w in chosen])
        for i, path, sentence in zip(kept, paths, rows, strict=True):
            out[i] = list(map(labels.__getitem__, path))
            stems[i] = list(map(stem, sentence))
        return out, stems

    def scores(self, sentences: Sequence[Sequence[str]], gazetteer: Gazetteer | None,
               kb: Gazetteer | None) -> np.ndarray:  # fmt: skip
        """State scores of every token of ``sentences`` (non-empty), one row a token."""
        return self._scores(sentences, self._rows(sentences), gazetteer, kb)

    def _scores(self, sentences: Sequence[Sequence[str]], rows: Groups,
                gazetteer: Gazetteer | None, kb: Gazetteer | None) -> np.ndarray:  # fmt: skip
        """:meth:`scores`, given each word's row."""
        grid = [PAD]
        for sentence in rows:
            grid += (BOS, *sentence, EOS)
        grid.append(PAD)
        where = np.asarray(grid, dtype=np.intp)
        vectors = self.vectors
        out = vectors[where[2:-2], OWN]  # crfsuite's order: own, -2, -1, +1, +2
        out += vectors[where[:-4], TO_NEXT2]
        out += vectors[where[1:-3], TO_NEXT1]
        out += vectors[where[3:-1], TO_PREV1]
        out += vectors[where[4:], TO_PREV2]
        out = out[where[2:-2] >= FIRST_ROW]  # tokens only
        self._add_pairwise(out, sentences, rows, gazetteer, kb)
        return out

    def _add_pairwise(self, out: np.ndarray, sentences: Sequence[Sequence[str]], rows: Groups,
                      gazetteer: Gazetteer | None, kb: Gazetteer | None) -> None:  # fmt: skip
        """Add the bigram and gazetteer attributes' weights (after the cached ones, as
        crfsuite adds them) to ``out``, the scores of the tokens of ``sentences``."""
        where: list[int] = []
        found: list[int] = []
        start = 0
        for words, sentence in zip(sentences, rows, strict=True):
            for index, attribute in self._pairwise(words, sentence, gazetteer, kb):
                where.append(start + index)
                found.append(attribute)
            start += len(words)
        if found:
            np.add.at(out, where, self.weights.state[found])

    def _pairwise(self, words: Sequence[str], rows: list[int], gazetteer: Gazetteer | None,
                  kb: Gazetteer | None) -> list[tuple[int, int]]:  # fmt: skip
        """(token, attribute row) of one sentence's bigram, ``gz=`` and ``kb=`` attributes,
        each token's in the order :class:`~hadath.entities.features.Extractor` lists them."""
        found: list[tuple[int, int]] = []
        keys = self.keys
        lefts = self.lefts
        # Speed: compress() picks in C the few words that start one of the model's bigrams
        for i in compress(range(len(rows) - 1), map(lefts.__getitem__, rows)):
            minus, plus = lefts[rows[i]]  # type: ignore[misc]
            right = keys[rows[i + 1]][0]
            if minus and (row := minus.get(right)):
                found.append((i + 1, row))
            if plus and (row := plus.get(right)):
                found.append((i, row))
        if gazetteer is None and kb is None:
            return found
        ids = self.weights.attributes
        sentence_keys = list(map(keys.__getitem__, rows))
        for table, prefix in ((gazetteer, "gz="), (kb, "kb=")):
            if table is None:
                continue
            marks = gazetteer_marks(sentence_keys, table, prefix)
            for i in sorted(marks):  # each token's after its bigrams, as crfsuite adds them
                found += [(i, row) for feature in marks[i] if (row := ids.get(feature))]
        return found

    def _rows(self, sentences: Sequence[Sequence[str]]) -> Groups:
        """Each word's row of :attr:`vectors`, new words' vectors computed first."""
        # Speed: all in C: the article's distinct words (a set), those not cached (a
        # set difference against the cache), then one look-up a word with map()
        words = set().union(*sentences)
        new = words.difference(self.rows)
        if new:
            if len(self.rows) + len(new) > self.cache_size:
                self.clear()
                new = words
            self._add_words(sorted(new))
        return [list(map(self.rows.__getitem__, sentence)) for sentence in sentences]

    def _add_words(self, words: list[str]) -> None:
        """Cache the five weight vectors (and the keys) of each of ``words``."""
        first = FIRST_ROW + len(self.rows)
        end = first + len(words)
        if end > len(self.vectors):
            grown = np.zeros((max(end, 2 * len(self.vectors)), *self.vectors.shape[1:]))
            grown[: len(self.vectors)] = self.vectors
            self.vectors = grown
        flat: list[int] = []
        minus, plus = self.bigrams
        rows, stems, keys, lefts = self.rows, self.stems, self.keys, self.lefts
        for row, word in enumerate(words, start=first):
            attributes, norm, gaz, stem = self._attributes(word)
            flat += attributes
            rows[word] = row
            stems.append(stem)
            keys.append((norm, gaz))
            left = (minus.get(norm), plus.get(norm))
            lefts.append(left if left != (None, None) else None)
        self.vectors[first:end] = _sums(self.weights.state, flat).reshape(len(words), SLOTS, -1)

    def _attributes(self, word: str) -> tuple[list[int], str, str, str]:
        """The attribute rows of ``word``: PAD, its own, then PAD and those it lends to
        -2, PAD and to -1, +1, +2 (as :meth:`Extractor._lent
        <hadath.entities.features.Extractor>` lists them); its normalized form, its
        gazetteer form and its stem."""
        own, near, far, norm, gaz, stem = word_parts(word)
        ids, (to_next2, to_next1, to_prev1, to_prev2) = self.weights.attributes, self.lend
        # Speed: all in C; filter drops the features the model has no row for (None)
        # fmt: off
        return [PAD, *filter(None, map(ids.get, own)),
                PAD, *filter(None, map(to_next2.get, far)),
                PAD, *filter(None, map(to_next1.get, near)),
                PAD, *filter(None, map(to_prev1.get, near)),
                PAD, *filter(None, map(to_prev2.get, far))], norm, gaz, stem
        # fmt: on

    def decode(self, scores: np.ndarray, lengths: list[int]) -> list[list[int]]:
        """Viterbi label ids of each sentence (``lengths``, in order) of ``scores``."""
        lanes, places = _pack(lengths)
        firsts = np.cumsum([0, *lengths[:-1]])  # each sentence's first row of ``scores``
        steps = np.arange(len(scores)) + np.repeat([s for _, s in places] - firsts, lengths)
        grid = np.zeros((max(lengths), lanes, scores.shape[1]))
        grid[steps, np.repeat([lane for lane, _ in places], lengths)] = scores
        starts: dict[int, list[int]] = {}
        for lane, start in places:
            if start:
                starts.setdefault(start, []).append(lane)
        alpha, back = self._forward(grid, starts)
        return [_backtrack(alpha, back, lane, start, n)
                for (lane, start), n in zip(places, lengths, strict=True)]  # fmt: skip

    def _forward(
        self, grid: np.ndarray, starts: dict[int, list[int]]
    ) -> tuple[np.ndarray, np.ndarray]:
        """Viterbi scores and back-pointers of every lane of ``grid`` (positions, lanes,
        labels); a lane's sentence that starts at step t (``starts``) starts afresh."""
        steps, lanes, labels = grid.shape
        alpha = np.empty_like(grid)
        back = np.zeros((steps, lanes, labels), dtype=np.intp)
        alpha[0] = grid[0]
        # Speed: a step is ~5 numpy calls on tiny arrays, so their count rules. The best
        # score is read at the argmax (one take) instead of a second reduction (max),
        # and each position's views are made once, in lists, outside the loop.
        step = np.empty((lanes, labels, labels))
        take = step.reshape(-1).take  # step's [lane, to, from] cell at a flat index
        first = (np.arange(lanes * labels) * labels).reshape(lanes, labels)  # [lane, to, 0]
        at = np.empty((lanes, labels), dtype=np.intp)
        before = list(alpha[:, :, None, :])  # alpha[t] as [lane, 1, from]
        alphas, grids, backs = list(alpha), list(grid), list(back)
        for t in range(1, steps):
            np.add(before[t - 1], self._back_t, out=step)  # [lane, to, from]
            step.argmax(2, out=backs[t])  # the first best, as crfsuite takes it
            np.add(backs[t], first, out=at)
            take(at, out=alphas[t])
            alphas[t] += grids[t]
            if (fresh := starts.get(t)) is not None:
                alpha[t, fresh] = grid[t, fresh]
        return alpha, back


def _sums(state: np.ndarray, flat: list[int]) -> np.ndarray:
    """Row sums of ``state`` over each group of rows of ``flat``, added in the group's
    order; every group starts with PAD (the all-zero row), no other row is PAD."""
    where = np.asarray(flat, dtype=np.intp)
    return np.add.reduceat(state[where], np.flatnonzero(where == PAD), axis=0)


def _pack(lengths: list[int]) -> tuple[int, list[tuple[int, int]]]:
    """Sentences packed into lanes as long as the longest one (first fit, longest
    first): the number of lanes and each sentence's (lane, start)."""
    size = max(lengths)
    fill: list[int] = []
    places = [(0, 0)] * len(lengths)
    for i in sorted(range(len(lengths)), key=lambda i: -lengths[i]):
        lane = next((k for k, used in enumerate(fill) if used + lengths[i] <= size), len(fill))
        if lane == len(fill):
            fill.append(0)
        places[i] = (lane, fill[lane])
        fill[lane] += lengths[i]
    return len(fill), places


def _backtrack(
    alpha: np.ndarray, back: np.ndarray, lane: int, start: int, length: int
) -> list[int]:
    """The best label ids of the sentence at ``start`` of ``lane``."""
    end = start + length - 1
    label = int(alpha[end, lane].argmax())
    pointers = back[start + 1 : end + 1, lane].tolist()
    path = [label]
    for row in reversed(pointers):
        label = row[label]
        path.append(label)
    path.reverse()
    return path
