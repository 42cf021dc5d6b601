"""Word shingles and MinHash signatures of Arabic article bodies.

Shingles are k-grams of normalized words (so orthographic variants, diacritics and
punctuation do not make two reprints differ). They are hashed with CRC-32, stable
across runs and machines, and a signature is computed for all permutations at
once with NumPy: the cost is linear in the text and independent of the corpus.
"""

from __future__ import annotations

import zlib

import numpy as np

from hadath.text.normalize import normalize

SHINGLE_WORDS = 3
NUM_PERM = 128
_MAX32 = np.uint64(0xFFFFFFFF)
_SHIFT = np.uint64(32)
_BASE = np.uint64(1_000_003)
_EDGE_PUNCT = "\"'«»“”‘’()[]{}<>.,،؛;:!?؟-–—…*/\\|#@%&+=_~^`"


def words(text: str) -> list[str]:
    """Normalized word forms of ``text``, punctuation stripped from their edges."""
    stripped = (w.strip(_EDGE_PUNCT) for w in normalize(text).split())
    return [w for w in stripped if w]


# Raw whitespace token -> CRC-32 of the token without edge punctuation (None: no word).
# News vocabulary repeats, so most tokens are hashed once per process.
_TOKEN_HASH: dict[str, int | None] = {}
_TOKEN_CACHE_MAX = 2_000_000


def _learn(token: str) -> int | None:
    word = token.strip(_EDGE_PUNCT)
    value = zlib.crc32(word.encode()) if word else None
    _TOKEN_HASH[token] = value
    return value


def shingle_array(text: str, k: int = SHINGLE_WORDS) -> np.ndarray:
    """32-bit hashes of the word k-grams of ``text`` (one for the whole text when shorter).

    Each word is hashed once (CRC-32); a k-gram's hash is a polynomial of its words'
    hashes, computed for all k-grams at once.
    """
    cache = _TOKEN_HASH
    if len(cache) > _TOKEN_CACHE_MAX:
        cache.clear()
    found = [cache[t] if t in cache else _learn(t) for t in normalize(text).split()]
    hashes = np.array([h for h in found if h is not None], dtype=np.uint64)
    if len(hashes) == 0:
        return hashes.astype(np.uint32)
    k = min(k, len(hashes))
    count = len(hashes) - k + 1
    combined = np.zeros(count, dtype=np.uint64)
    for i in range(k):
        combined = (combined * _BASE + hashes[i : i + count]) & _MAX32
    return np.unique(combined.astype(np.uint32))


def shingles(text: str, k: int = SHINGLE_WORDS) -> np.ndarray:
    """Alias of :func:`shingle_array`: the sorted, unique shingle hashes of ``text``."""
    return shingle_array(text, k)


def _permutations(num_perm: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """Multiply-shift hash functions: odd 64-bit multipliers and 64-bit offsets."""
    rng = np.random.RandomState(seed)
    a = rng.randint(0, 1 << 63, size=num_perm, dtype=np.uint64) * np.uint64(2) + np.uint64(1)
    b = rng.randint(0, 1 << 63, size=num_perm, dtype=np.uint64)
    return a, b


_A, _B = _permutations(NUM_PERM, seed=1)


def signature(hashes: np.ndarray) -> np.ndarray:
    """MinHash signature (``NUM_PERM`` uint32 values) of 32-bit shingle hashes.

    Each permutation is a multiply-shift hash ``(a·x + b mod 2^64) >> 32``: no
    modulo, so all permutations of all shingles are one vectorized expression.
    """
    if len(hashes) == 0:
        return np.full(NUM_PERM, 0xFFFFFFFF, dtype=np.uint32)
    values = np.asarray(hashes, dtype=np.uint64)
    with np.errstate(over="ignore"):
        permuted = (_A[:, None] * values[None, :] + _B[:, None]) >> _SHIFT
    return permuted.min(axis=1).astype(np.uint32)


def overlap(a: np.ndarray, b: np.ndarray) -> int:
    """Number of shingles two sorted, unique shingle arrays share."""
    return len(np.intersect1d(a, b, assume_unique=True))


def jaccard(a: np.ndarray, b: np.ndarray) -> float:
    if len(a) == 0 and len(b) == 0:
        return 1.0
    shared = overlap(a, b)
    return shared / (len(a) + len(b) - shared)


def containment(a: np.ndarray, b: np.ndarray) -> float:
    """Share of the smaller shingle array found in the larger one."""
    if len(a) == 0 or len(b) == 0:
        return 0.0
    return overlap(a, b) / min(len(a), len(b))
