"""The CoNLL scorer: exact spans, per type and micro, figures worked out by hand."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hadath.entities.evaluate import (
    entities,
    evaluate_file,
    read_conll,
    score,
)
from hadath.errors import InputError

GOLD = """\
محمد B-PERS
علي I-PERS
زار O
باريس B-LOC
و O
وزارة B-ORG
الخارجية I-ORG

بوش B-PERS
في O
لندن B-LOC
مع O
الأمم B-ORG
المتحدة I-ORG
كأس B-MISC
"""

# Sentence 1: the person is exact (hit); باريس has the wrong type (a LOC miss and
# an ORG false alarm); only half of وزارة الخارجية is found (an ORG miss and an
# ORG false alarm). Sentence 2: three hits, a spurious LOC on في, MISC ignored.
PRED = """\
محمد B-PER
علي I-PER
زار O
باريس B-ORG
و O
وزارة B-ORG
الخارجية O

بوش B-PER
في B-LOC
لندن B-LOC
مع O
الأمم B-ORG
المتحدة I-ORG
كأس O
"""


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def report(tmp_path: Path):
    gold = read_conll(write(tmp_path, "gold.txt", GOLD))
    pred = read_conll(write(tmp_path, "pred.txt", PRED))
    return score(gold, pred)


def test_read_conll_sentences(tmp_path: Path) -> None:
    sentences = read_conll(write(tmp_path, "gold.txt", GOLD))
    assert [len(s) for s in sentences] == [7, 7]
    assert sentences[0][0] == ("محمد", "B-PERS")
    assert sentences[1][-1] == ("كأس", "B-MISC")


def test_read_conll_extra_columns_docstart_and_blank_runs(tmp_path: Path) -> None:
    text = "-DOCSTART- O\n\n\nعمان NNP B-LOC\n\n\nقال VBD O\n"
    assert read_conll(write(tmp_path, "x.conll", text)) == [[("عمان", "B-LOC")], [("قال", "O")]]


def test_per_type_figures(report) -> None:
    per = report.per_type
    assert (per["PER"].tp, per["PER"].fp, per["PER"].fn) == (2, 0, 0)
    assert (per["LOC"].tp, per["LOC"].fp, per["LOC"].fn) == (1, 1, 1)
    assert (per["ORG"].tp, per["ORG"].fp, per["ORG"].fn) == (1, 2, 1)
    assert per["PER"].f1 == 1.0
    assert per["LOC"].precision == per["LOC"].recall == per["LOC"].f1 == 0.5
    assert per["ORG"].precision == pytest.approx(1 / 3)
    assert per["ORG"].recall == pytest.approx(1 / 2)
    assert per["ORG"].f1 == pytest.approx(0.4)


def test_micro_figures(report) -> None:
    micro = report.micro
    assert (micro.tp, micro.fp, micro.fn) == (4, 3, 2)
    assert micro.precision == pytest.approx(4 / 7)
    assert micro.recall == pytest.approx(4 / 6)
    assert micro.f1 == pytest.approx(8 / 13)
    assert (report.sentences, report.tokens) == (2, 14)


def test_exact_match_is_perfect(tmp_path: Path) -> None:
    gold = read_conll(write(tmp_path, "gold.txt", GOLD))
    result = score(gold, gold)
    assert result.micro.f1 == 1.0
    assert result.micro.tp == 6  # MISC is not counted


def test_partial_span_and_wrong_type_are_misses() -> None:
    gold = [[("بان", "B-PER"), ("كي", "I-PER"), ("مون", "I-PER")]]
    partial = [[("بان", "B-PER"), ("كي", "I-PER"), ("مون", "O")]]
    wrong_type = [[("بان", "B-ORG"), ("كي", "I-ORG"), ("مون", "I-ORG")]]
    assert score(gold, partial).micro.tp == 0
    assert (score(gold, partial).micro.fp, score(gold, partial).micro.fn) == (1, 1)
    result = score(gold, wrong_type)
    assert (result.per_type["PER"].fn, result.per_type["ORG"].fp) == (1, 1)


def test_entities_chunking_rules() -> None:
    # I- without B- opens an entity; I- of another type starts a new one; MISC ignored.
    tags = ["I-PERS", "I-PERS", "I-LOC", "O", "B-GPE", "B-GPE", "B-MISC", "I-MISC"]
    assert entities(tags) == {(0, 2, "PER"), (2, 3, "LOC"), (4, 5, "LOC"), (5, 6, "LOC")}


def test_as_dict_and_table(report) -> None:
    data = json.loads(json.dumps(report.as_dict()))
    assert data["micro"]["f1"] == round(8 / 13, 4)
    assert data["types"]["ORG"] == {
        "precision": 0.3333,
        "recall": 0.5,
        "f1": 0.4,
        "gold": 2,
        "predicted": 3,
        "correct": 1,
        "tp": 1,
        "fp": 2,
        "fn": 1,
    }
    table = report.as_table()
    assert table.splitlines()[0].split() == ["type", "prec", "rec", "F1", "gold", "pred", "ok"]
    assert any(line.startswith("micro") and "0.615" in line for line in table.splitlines())


def test_evaluate_file_with_a_stub_tagger(tmp_path: Path) -> None:
    class Everything:
        def tag(self, words: list[str]) -> list[str]:
            return ["B-LOC" if w in {"باريس", "لندن"} else "O" for w in words]

    result = evaluate_file(write(tmp_path, "gold.txt", GOLD), Everything())
    assert result.per_type["LOC"].f1 == 1.0
    assert result.micro.recall == pytest.approx(2 / 6)


def test_malformed_line_names_file_and_line(tmp_path: Path) -> None:
    path = write(tmp_path, "bad.txt", "محمد B-PERS\nعلي\n")
    with pytest.raises(InputError, match=r"bad\.txt:2: expected 'token TAG'"):
        read_conll(path)


def test_invalid_tag_names_file_and_line(tmp_path: Path) -> None:
    path = write(tmp_path, "bad.txt", "محمد B-PERS\n\nعلي X-PER\n")
    with pytest.raises(InputError, match=r"bad\.txt:3: invalid tag 'X-PER'"):
        read_conll(path)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="cannot read CoNLL file"):
        read_conll(tmp_path / "absent.txt")


def test_misaligned_predictions_are_refused() -> None:
    gold = [[("a", "O"), ("b", "O")]]
    with pytest.raises(ValueError, match="sentence 1: 2 gold tokens but 1 predicted"):
        score(gold, [[("a", "O")]])
    with pytest.raises(ValueError, match="1 gold sentences but 0 predicted"):
        score(gold, [])
