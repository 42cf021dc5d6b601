"""hadath's Viterbi over cached per-word weights (:mod:`hadath.entities.scorer`) tags as
pycrfsuite does with the same model."""

from __future__ import annotations

from pathlib import Path

import pytest

from hadath.entities.features import DictGazetteer, word_key
from hadath.entities.scorer import Scorer, Weights, _pack
from hadath.entities.tagger import MODEL_PATH, Tagger
from hadath.text.sentences import split_sentences
from hadath.text.tokenize import tokenize

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "examples" / "seeds"
ANERCORP = ROOT.parent / "shared" / "data" / "ner" / "anercorp" / "train.txt"

needs_model = pytest.mark.skipif(not MODEL_PATH.is_file(), reason="shipped NER model missing")


@pytest.fixture(scope="module")
def tagger() -> Tagger:
    return Tagger.load()


def seed_sentences() -> list[list[str]]:
    """The words of every sentence of the bundled seed pages."""
    out = []
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        for start, end in split_sentences(text):
            if words := [token.text for token in tokenize(text[start:end])]:
                out.append(words)
    return out


def anercorp_sentences(limit: int) -> list[list[str]]:
    """The words of the first ``limit`` sentences of ANERcorp's train file (if present)."""
    if not ANERCORP.is_file():
        return []
    out: list[list[str]] = [[]]
    for line in ANERCORP.read_text(encoding="utf-8").splitlines():
        if fields := line.split():
            out[-1].append(fields[0])
        elif out[-1]:
            if len(out) == limit:
                break
            out.append([])
    return [words for words in out if words]


def agree(tagger: Tagger, scorer: Scorer, sentences: list[list[str]]) -> None:
    """Decoded together and one at a time, the scorer's labels are pycrfsuite's."""
    expected = [tagger.crfsuite_tags(words) for words in sentences]
    assert scorer.tag(sentences, tagger.gazetteer, tagger.kb) == expected
    assert [scorer.tag([words], tagger.gazetteer, tagger.kb)[0] for words in sentences] == expected


def test_pack_places_every_sentence_in_a_lane_without_overlap() -> None:
    lengths = [5, 3, 9, 1, 4, 4, 2]
    lanes, places = _pack(lengths)
    used: dict[int, set[int]] = {}
    for (lane, start), length in zip(places, lengths, strict=True):
        cells = set(range(start, start + length))
        assert not cells & used.get(lane, set()) and max(cells) < max(lengths)
        used.setdefault(lane, set()).update(cells)
    assert lanes == len(used) < len(lengths)


@needs_model
def test_weights_are_the_dumped_weights_unrounded(tagger: Tagger) -> None:
    info = tagger._crf.info()
    weights = Weights.read(MODEL_PATH, info)
    assert weights.labels == list(tagger._crf.labels())
    index = {label: i for i, label in enumerate(weights.labels)}
    for (attribute, label), weight in info.state_features.items():
        row = weights.attributes[attribute]
        assert weights.state[row, index[label]] == pytest.approx(weight, abs=5e-7)
    assert (weights.state != 0).sum() == len(info.state_features)
    for (first, second), weight in info.transitions.items():
        assert weights.transitions[index[first], index[second]] == pytest.approx(weight, abs=5e-7)
    assert not weights.state[0].any()  # the padding row


@needs_model
def test_scorer_tags_seed_sentences_as_pycrfsuite(tagger: Tagger) -> None:
    sentences = seed_sentences()
    assert len(sentences) > 20
    agree(tagger, tagger.scorer, sentences)


@needs_model
def test_scorer_tags_anercorp_sentences_as_pycrfsuite(tagger: Tagger) -> None:
    sentences = anercorp_sentences(300)
    if not sentences:
        pytest.skip(f"ANERcorp not found at {ANERCORP} (needs ../shared beside the repo)")
    agree(tagger, tagger.scorer, sentences)


@needs_model
def test_scorer_uses_a_caller_gazetteer_and_odd_words(tagger: Tagger) -> None:
    extra = DictGazetteer([("زيلمار كوتوفسكي", "PER"), ("المدينة", "LOC")])
    with_names = Tagger.load(gazetteer=extra)
    odd = ["", " ", "\u200f", "ـ", "ً", "١٢٣", "ABC", "«", "وـ"]
    sentences = [
        [token.text for token in tokenize("وصل زيلمار كوتوفسكي إلى المدينة")],
        ["قال", *odd, "بوتين"],
        ["بوتين"],
    ]
    agree(with_names, with_names.scorer, sentences)
    plain = tagger.scorer.scores(sentences[:1], tagger.gazetteer, tagger.kb)
    named = with_names.scorer.scores(sentences[:1], with_names.gazetteer, with_names.kb)
    assert (plain[1:3] != named[1:3]).any() and (plain[0] == named[0]).all()  # gz=B-PER, I-PER


@needs_model
def test_a_full_cache_starts_afresh_and_tags_the_same(tagger: Tagger) -> None:
    small = Scorer(tagger.scorer.weights, cache_size=40)
    sentences = seed_sentences()[:12]
    agree(tagger, small, sentences)  # a batch over 40 words keeps them all, for itself
    assert len(small.rows) == len({word for words in sentences for word in words}) > 40
    agree(tagger, small, [["قال", "زيلمار"]])  # a new word: the cache starts afresh
    assert set(small.rows) == {"قال", "زيلمار"}
    small.clear()
    assert small.rows == {}
    assert small.tag([], None, None) == []
    assert small.tag([[], ["قال"]], None, None)[0] == []


@needs_model
def test_tag_with_stems_gives_each_words_consistency_key(tagger: Tagger) -> None:
    sentences = [*seed_sentences()[:20], []]
    tags, stems = tagger.scorer.tag_with_stems(sentences, tagger.gazetteer, tagger.kb)
    assert tags == tagger.scorer.tag(sentences, tagger.gazetteer, tagger.kb)
    assert stems == [[word_key(word)[1] for word in words] for words in sentences]
