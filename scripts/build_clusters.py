"""Build the word clusters of the NER tagger from SaudiNewsNet (unlabelled news).

Usage::

    .venv/bin/python scripts/build_clusters.py             # writes hadath/models/ner-clusters.tsv
    .venv/bin/python scripts/build_clusters.py --out F.tsv --vocab 40000

What it does, deterministically (fixed seed, one BLAS thread, data read in file order):

1. Every article ``content`` of ``../shared/data/news/saudinewsnet/*.zip`` is cut into
   words and punctuation; an Arabic word is keyed by its stem without proclitics
   (:func:`hadath.text.tokenize.word_info`, so ``وللرئيس`` and ``رئيس`` share a key,
   as :func:`hadath.entities.features.word_key` keys them); numbers become ``<D>``,
   punctuation ``<P>``, article boundaries ``<S>``.
2. The ``--vocab`` most frequent keys (seen at least ``--min-count`` times) are the
   words to cluster; the ``--contexts`` most frequent are the contexts. Each word is
   described by its counts of context words at -2, -1, +1 and +2 (directional, so
   four blocks of columns), weighted by positive PMI (context distribution smoothed
   with alpha 0.75).
3. A randomized SVD (seeded) reduces the PPMI rows to ``--dim`` dimensions
   (U * sqrt(S), rows length-normalized).
4. Spherical k-means (k-means++ start, seeded) makes the finest clusters; Ward
   linkage over their centroids cuts them into coarser nested clusters
   (``--levels``, default ``LEVELS``), so a word has one cluster id per granularity.

Output: ``key<TAB>fine<TAB>mid<TAB>coarse`` a line, ``#`` header lines with the
provenance and licence. SaudiNewsNet is CC BY-NC-SA 4.0, and so is this file.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import time
from collections import Counter
from pathlib import Path

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # reproducible sums, one core
os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("MKL_NUM_THREADS", "1")

import numpy as np
from scipy import sparse
from scipy.cluster.hierarchy import fcluster, linkage

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from hadath.entities.clusters import CLUSTERS_PATH, LEVELS  # noqa: E402
from hadath.text.tokenize import word_info  # noqa: E402
from scripts.bench_ner import NEWS, contents  # noqa: E402

SEED = 13
OFFSETS = (-2, -1, 1, 2)
TOKEN = re.compile(r"\w+|[^\w\s]+")
ARABIC = re.compile("[\u0621-\u064a]")
SPECIAL = ("<S>", "<P>", "<D>")

HEADER = """\
NER word clusters: '{key}<TAB>{levels}' a line. key = a word's normalized stem
without proclitics (hadath.entities.features.word_key); each column a cluster id at
one granularity (clusters nest: words sharing a fine cluster share the coarser ones).
Built by scripts/build_clusters.py ({args}) from the article texts
of SaudiNewsNet (Motaz Saad and Mohammed Alhazmi, 2015, 31,030 articles of 14 Saudi
outlets, July-August 2015; https://github.com/parallelfold/SaudiNewsNet):
positive-PMI context vectors, randomized SVD, spherical k-means, Ward linkage.
Derived from SaudiNewsNet: licensed CC BY-NC-SA 4.0
(https://creativecommons.org/licenses/by-nc-sa/4.0/), non-commercial use only.
See hadath/models/README.md."""


def key_of(token: str) -> str:
    """The cluster key of a token: Arabic stem, ``<D>`` digits, ``<P>`` punctuation."""
    if not token[0].isalnum() and token[0] != "_":
        return "<P>"
    if ARABIC.match(token):
        norm, stem = word_info(token)[:2]
        return stem or norm
    if any(ch.isdigit() for ch in token):
        return "<D>"
    return token.lower()


def read_stream(folder: Path, limit: int | None) -> list[str]:
    """All keys of the corpus in order, ``<S>`` between articles."""
    keys: dict[str, str] = {}
    stream: list[str] = ["<S>"]
    for index, text in enumerate(contents(folder)):
        if limit is not None and index >= limit:
            break
        for token in TOKEN.findall(text):
            k = keys.get(token)
            if k is None:
                k = keys[token] = key_of(token)
            stream.append(k)
        stream.append("<S>")
    return stream


def cooccurrence(ids: np.ndarray, ctx: np.ndarray, words: int, contexts: int) -> sparse.csr_matrix:
    """Counts of (word, offset block + context) over the stream, as a sparse matrix."""
    blocks = []
    for block, offset in enumerate(OFFSETS):
        if offset < 0:
            w, c = ids[-offset:], ctx[:offset]
        else:
            w, c = ids[:-offset], ctx[offset:]
        keep = w >= 0
        pairs = w[keep].astype(np.int64) * (len(OFFSETS) * contexts) + block * contexts + c[keep]
        blocks.append(pairs)
    pairs, counts = np.unique(np.concatenate(blocks), return_counts=True)
    width = len(OFFSETS) * contexts
    shape = (words, width)
    rows, cols = pairs // width, pairs % width
    return sparse.csr_matrix((counts.astype(np.float64), (rows, cols)), shape=shape)


def ppmi(counts: sparse.csr_matrix, alpha: float = 0.75) -> sparse.csr_matrix:
    """Positive PMI with context distribution smoothing (Levy et al. 2015)."""
    total = counts.sum()
    row = np.asarray(counts.sum(axis=1)).ravel()
    col = np.asarray(counts.sum(axis=0)).ravel() ** alpha
    col_p = col / col.sum()
    coo = counts.tocoo()
    pmi = np.log(coo.data * 1.0 / total) - np.log(row[coo.row] / total) - np.log(col_p[coo.col])
    keep = pmi > 0
    return sparse.csr_matrix(
        (pmi[keep], (coo.row[keep], coo.col[keep])), shape=counts.shape, dtype=np.float64
    )


def randomized_svd(matrix: sparse.csr_matrix, dim: int, rng: np.random.Generator, power: int = 3):
    """Halko et al.'s randomized SVD: (U, S) of the top ``dim`` singular values."""
    probe = rng.standard_normal((matrix.shape[1], dim + 20))
    basis, _ = np.linalg.qr(matrix @ probe)
    for _ in range(power):
        basis, _ = np.linalg.qr(matrix.T @ basis)
        basis, _ = np.linalg.qr(matrix @ basis)
    small = (matrix.T @ basis).T
    u_small, s, _ = np.linalg.svd(small, full_matrices=False)
    return (basis @ u_small)[:, :dim], s[:dim]


def kmeans(x: np.ndarray, k: int, rng: np.random.Generator, rounds: int = 25) -> np.ndarray:
    """Spherical k-means (rows of ``x`` unit length); k-means++ start. Returns centroids."""
    n = x.shape[0]
    centres = np.empty((k, x.shape[1]))
    centres[0] = x[rng.integers(n)]
    best = 1.0 - x @ centres[0]
    for i in range(1, k):
        weights = np.maximum(best, 0.0) ** 2
        centres[i] = x[rng.choice(n, p=weights / weights.sum())]
        best = np.minimum(best, 1.0 - x @ centres[i])
    for _ in range(rounds):
        labels = assign(x, centres)
        sums = np.zeros_like(centres)
        np.add.at(sums, labels, x)
        norms = np.linalg.norm(sums, axis=1, keepdims=True)
        empty = norms[:, 0] == 0
        centres = np.where(empty[:, None], centres, sums / np.where(norms == 0, 1, norms))
    return centres


def assign(x: np.ndarray, centres: np.ndarray, batch: int = 8192) -> np.ndarray:
    """Nearest centroid (largest cosine) of each row, in batches."""
    out = np.empty(x.shape[0], dtype=np.int64)
    for start in range(0, x.shape[0], batch):
        out[start : start + batch] = np.argmax(x[start : start + batch] @ centres.T, axis=1)
    return out


def build(args: argparse.Namespace) -> tuple[list[str], np.ndarray]:
    """(vocabulary, cluster ids: one column per level) from the corpus."""
    started = time.perf_counter()
    stream = read_stream(args.news, args.limit)
    counts = Counter(stream)
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    vocab = [w for w, n in ranked if w not in SPECIAL and n >= args.min_count and len(w) > 1]
    vocab = vocab[: args.vocab]
    context_words = [w for w, _ in ranked[: args.contexts]]
    word_id = {w: i for i, w in enumerate(vocab)}
    ctx_id = {w: i for i, w in enumerate(context_words)}
    other = len(context_words)  # every rarer word is one context
    ids = np.fromiter((word_id.get(k, -1) for k in stream), dtype=np.int64, count=len(stream))
    ctx = np.fromiter((ctx_id.get(k, other) for k in stream), dtype=np.int64, count=len(stream))
    print(f"{len(stream):,} tokens, {len(counts):,} keys, {len(vocab):,} clustered "
          f"({time.perf_counter() - started:.0f}s)", flush=True)  # fmt: skip
    weights = ppmi(cooccurrence(ids, ctx, len(vocab), other + 1))
    rng = np.random.default_rng(SEED)
    u, s = randomized_svd(weights, args.dim, rng)
    vectors = u * np.sqrt(s)
    vectors /= np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12)
    print(f"SVD {vectors.shape} ({time.perf_counter() - started:.0f}s)", flush=True)
    centres = kmeans(vectors, args.levels[0], rng)
    fine = assign(vectors, centres)
    tree = linkage(centres, method="ward")
    columns = [fine]
    for size in args.levels[1:]:
        coarse = fcluster(tree, t=size, criterion="maxclust") - 1
        columns.append(coarse[fine])
    print(f"clusters ({time.perf_counter() - started:.0f}s)", flush=True)
    return vocab, np.stack(columns, axis=1)


def write(path: Path, vocab: list[str], table: np.ndarray, args: argparse.Namespace) -> None:
    levels = "<TAB>".join(f"c{size}" for size in args.levels)
    settings = f"--vocab {args.vocab} --contexts {args.contexts} --dim {args.dim}"
    header = HEADER.format(key="key", levels=levels, args=settings)
    lines = ["# " + line for line in header.splitlines()]
    order = sorted(range(len(vocab)), key=lambda i: vocab[i])
    lines += [vocab[i] + "\t" + "\t".join(str(v) for v in table[i]) for i in order]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--news", type=Path, default=NEWS)
    parser.add_argument("--out", type=Path, default=CLUSTERS_PATH)
    parser.add_argument("--vocab", type=int, default=50_000)
    parser.add_argument("--min-count", type=int, default=5)
    parser.add_argument("--contexts", type=int, default=10_000)
    parser.add_argument("--dim", type=int, default=200)
    parser.add_argument("--levels", default=",".join(map(str, LEVELS)), help="clusters per column")
    parser.add_argument("--limit", type=int, default=None, help="articles read (tests)")
    args = parser.parse_args(argv)
    args.levels = tuple(int(size) for size in args.levels.split(","))
    if not args.news.is_dir():
        print(f"SaudiNewsNet not found at {args.news}", file=sys.stderr)
        return 2
    vocab, table = build(args)
    write(args.out, vocab, table, args)
    print(f"wrote {args.out} ({len(vocab):,} words, {args.out.stat().st_size / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
