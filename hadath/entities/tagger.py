"""The CRF entity tagger: words in, BIO tags in hadath's types out.

The shipped model (``hadath/models/ner-crf.crfsuite``, trained by
``scripts/train_ner.py`` on ANERcorp) predicts PER, ORG, LOC and MISC. hadath
keeps ``PER``, ``ORG`` and ``LOC`` (GPE vs LOC is decided later, by the knowledge
base) and drops ``MISC`` to ``O``. pycrfsuite opens the model; the tags come from
hadath's own Viterbi over the model's weights (:mod:`hadath.entities.scorer`, the
same tags, faster), pycrfsuite's own tagging stays as the reference
(:meth:`Tagger.crfsuite_tags`).
"""

from __future__ import annotations

import functools
from itertools import compress
from pathlib import Path

import pycrfsuite

from hadath.entities.consistency import bio_spans, propagate
from hadath.entities.features import (
    DictGazetteer,
    Extractor,
    Gazetteer,
    Gazetteers,
    read_names,
)
from hadath.entities.scorer import Scorer, Weights
from hadath.errors import DataFileError, HadathError

MODEL_PATH = Path(__file__).resolve().parent.parent / "models" / "ner-crf.crfsuite"
LABEL_MAP = {"PER": "PER", "PERS": "PER", "ORG": "ORG", "LOC": "LOC", "GPE": "LOC"}

Span = tuple[int, int, str]


def names_path(model: Path) -> Path:
    """The names file that goes with a model: ``ner-crf.crfsuite`` -> ``ner-crf.names.tsv``."""
    return model.with_suffix(".names.tsv")


def to_hadath(tags: list[str]) -> list[str]:
    """Map model labels to hadath's (MISC and unknown types -> O) and repair BIO.

    An ``I-T`` that does not continue a ``T`` entity becomes ``B-T``.
    """
    if tags.count("O") == len(tags):  # most sentences: nothing to map
        return list(tags)
    out = ["O"] * len(tags)
    previous, kind = -1, ""  # the last tag that is not O: index, hadath type
    # Speed: only the tags that are not O are gone through in Python (compress picks
    # their indices in C); an O leaves "" as the type before the next tag
    for index in compress(range(len(tags)), map("O".__ne__, tags)):
        prefix, _, raw = tags[index].partition("-")
        before = kind if previous == index - 1 else ""
        kind = LABEL_MAP.get(raw, "") if prefix in ("B", "I") else ""
        if kind:
            out[index] = ("I-" if prefix == "I" and before == kind else "B-") + kind
        previous = index
    return out


def model_names(model: Path) -> DictGazetteer | None:
    """The names file of ``model`` as a gazetteer, or None when the model has none."""
    path = names_path(model)
    if not path.is_file():
        return None
    try:
        return DictGazetteer(read_names(path))
    except DataFileError as exc:
        raise HadathError(f"NER names file is broken: {exc}") from None


@functools.cache
def kb_names() -> DictGazetteer:
    """The knowledge base's names (as :mod:`hadath.entities.gazetteer` matches them) as a
    gazetteer: a model trained with them (``kb=`` features) looks them up at run time."""
    from hadath.entities.gazetteer import default_gazetteer

    return DictGazetteer(default_gazetteer().typed_names())


class Tagger:
    """A loaded CRF model; ``tag`` and ``spans`` take one sentence's words."""

    def __init__(self, crf: pycrfsuite.Tagger, path: Path, gazetteer: Gazetteer | None) -> None:
        self._crf = crf
        self.path = path
        self.gazetteer = gazetteer
        self.scorer = Scorer(Weights.read(path, crf.info()))
        keep = self.scorer.weights.attributes
        self.kb = kb_names() if any(attr.startswith("kb=") for attr in keep) else None

    @functools.cached_property
    def extract(self) -> Extractor:
        """pycrfsuite's input: features pruned to the model's attributes, as UTF-8 bytes."""
        return Extractor(keep=self.scorer.weights.attributes, encode=True)

    @classmethod
    def load(cls, path: str | Path | None = None, gazetteer: Gazetteer | None = None) -> Tagger:
        """Open a model (default: the shipped one); a missing or broken file raises HadathError.

        The model's names file (:func:`names_path`, the training names it was
        trained to look up) is loaded with it when present. ``gazetteer``
        (optional) adds names: it maps a normalized token or space-joined n-gram
        to the types it is known as (PER/ORG/GPE/LOC); give it a ``starts`` set
        of the names' first words (as :class:`DictGazetteer` has) and only
        n-grams starting with one are looked up. See :mod:`hadath.entities.features`.
        """
        model = Path(path) if path is not None else MODEL_PATH
        if not model.is_file():
            raise HadathError(f"NER model not found: {model} (run scripts/train_ner.py)")
        crf = pycrfsuite.Tagger()
        try:
            crf.open(str(model))
        except (OSError, ValueError) as exc:
            raise HadathError(f"NER model cannot be read: {model} ({exc})") from None
        names = model_names(model)
        if names is not None and gazetteer is not None:
            return cls(crf, model, Gazetteers(names, gazetteer))
        return cls(crf, model, names if names is not None else gazetteer)

    @property
    def labels(self) -> list[str]:
        """The model's own labels (before mapping to hadath's types)."""
        return list(self._crf.labels())

    def raw_tags(self, words: list[str]) -> list[str]:
        """The model's own BIO labels for ``words``."""
        return self.scorer.tag([words], self.gazetteer, self.kb)[0]

    def crfsuite_tags(self, words: list[str]) -> list[str]:
        """:meth:`raw_tags` as pycrfsuite tags them (the reference; slower)."""
        if not words:
            return []
        return list(self._crf.tag(self.extract(words, self.gazetteer, self.kb)))

    def tag(self, words: list[str]) -> list[str]:
        """BIO tags in hadath's types (PER, ORG, LOC), one per word."""
        return to_hadath(self.raw_tags(words))

    def spans(self, words: list[str]) -> list[Span]:
        """``(start, end, type)`` entity spans over word indices, end exclusive."""
        return bio_spans(self.tag(words))

    def tag_article(self, sentences: list[list[str]]) -> list[list[str]]:
        """:meth:`tag` for each sentence of one article, then a name tagged in one
        sentence is tagged wherever else the article repeats it untagged
        (:func:`hadath.entities.consistency.propagate`)."""
        raw, stems = self.scorer.tag_with_stems(sentences, self.gazetteer, self.kb)
        return propagate(sentences, [to_hadath(tags) for tags in raw], stems)
