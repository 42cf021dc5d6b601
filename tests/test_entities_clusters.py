"""Word clusters (SaudiNewsNet), knowledge-base names and article consistency for the NER tagger."""

from __future__ import annotations

from pathlib import Path

import pytest

from hadath.entities.clusters import CLUSTERS_PATH, LEVELS, load_clusters, read_clusters
from hadath.entities.consistency import keys_of, names_of, propagate
from hadath.entities.features import Extractor, features, word_features, word_key
from hadath.entities.gazetteer import default_gazetteer
from hadath.entities.tagger import MODEL_PATH, Tagger
from hadath.errors import DataFileError


def test_shipped_cluster_file_validates_and_carries_its_licence() -> None:
    table = load_clusters()
    assert 20_000 <= len(table) <= 100_000
    assert all(len(ids) == len(LEVELS) for ids in table.values())
    header = [line for line in CLUSTERS_PATH.read_text(encoding="utf-8").splitlines()[:20]
              if line.startswith("#")]  # fmt: skip
    text = " ".join(header)
    assert "SaudiNewsNet" in text and "CC BY-NC-SA 4.0" in text
    assert CLUSTERS_PATH.stat().st_size < 5_000_000


def test_clusters_nest() -> None:
    """Words of one fine cluster share their coarser clusters (Ward cut of the centroids)."""
    parent: dict[str, tuple[str, ...]] = {}
    for ids in load_clusters().values():
        assert parent.setdefault(ids[0], ids[1:]) == ids[1:]


def test_first_names_share_a_cluster() -> None:
    table = load_clusters()
    assert table["محمد"][0] == table["خالد"][0] == table["احمد"][0]
    assert table["لندن"][1] == table["باريس"][1]
    assert table["محمد"][2] != table["لندن"][2]


def test_cluster_features_are_emitted_for_a_known_word_and_its_neighbours() -> None:
    ids = load_clusters()["خالد"]
    own, lent, _, _ = word_features("وخالد")  # the stem without و is the key
    for size, value in zip(LEVELS, ids, strict=True):
        assert f"k{size}={value}" in own
    # neighbours see the coarser levels only
    assert f"-1:k{LEVELS[1]}={ids[1]}" in lent[1] and f"+1:k{LEVELS[2]}={ids[2]}" in lent[2]
    assert not any(f.startswith(f"-1:k{LEVELS[0]}=") for f in lent[1])
    feats = features(["قال", "خالد", "أمس"])
    assert f"-1:k{LEVELS[1]}={ids[1]}" in feats[2] and f"+1:k{LEVELS[1]}={ids[1]}" in feats[0]


def test_an_arabic_word_unknown_to_the_clusters_is_marked() -> None:
    assert word_key("زربخطوني")[1] not in load_clusters()
    assert "kx" in word_features("زربخطوني")[0]
    assert "kx" not in word_features("2015")[0] and "kx" not in word_features(",")[0]


def test_read_clusters_rejects_bad_lines(tmp_path: Path) -> None:
    path = tmp_path / "c.tsv"
    path.write_text("# header\nمحمد\t1\t2\t3\n", encoding="utf-8")
    assert read_clusters(path) == {"محمد": ("1", "2", "3")}
    for bad in ("محمد\t1\t2\n", f"محمد\t{LEVELS[0]}\t2\t3\n", "محمد\t1\t2\t3\nمحمد\t1\t2\t3\n"):
        path.write_text(bad, encoding="utf-8")
        with pytest.raises(DataFileError):
            read_clusters(path)
    with pytest.raises(DataFileError):
        read_clusters(tmp_path / "missing.tsv")


def test_pruned_extractor_keeps_bigrams_and_edges_the_model_has() -> None:
    keep = {"BOS", "EOS", "bg-=قال|خالد", "bg+=قال|خالد", "w=قال"}
    feats = Extractor(keep=keep)(["قال", "خالد"])
    assert [sorted(f) for f in feats] == [
        sorted(["w=قال", "BOS", "bg+=قال|خالد"]),
        sorted(["bg-=قال|خالد", "EOS"]),
    ]


def test_knowledge_base_names_are_typed() -> None:
    names = default_gazetteer().typed_names()
    assert names == sorted(names)
    types = dict(names)
    assert types["روسيا"] == "GPE" and types["الامم المتحده"] == "ORG"


def test_propagate_tags_repeated_names_and_surnames() -> None:
    article = [
        ["أعلن", "نادي", "الهلال", "أن", "محمد", "الشلهوب", "سيغيب"],
        ["وفاز", "الهلال", "بهدف", "سجله", "الشلهوب"],
    ]
    tags = [["O", "O", "B-ORG", "O", "B-PER", "I-PER", "O"], ["O"] * 5]
    out = propagate(article, tags)
    assert out[0] == tags[0]
    assert out[1] == ["O", "B-ORG", "O", "O", "B-PER"]  # وفاز untouched; الهلال found again


def test_propagate_keeps_tagged_words_and_majority_type() -> None:
    article = [["زار", "الاتحاد"], ["فاز", "الاتحاد"], ["قال", "الاتحاد"], ["الاتحاد", "الأوروبي"]]
    tags = [["O", "B-ORG"], ["O", "B-ORG"], ["O", "B-LOC"], ["B-ORG", "I-ORG"]]
    assert names_of(keys_of(article), tags)[("اتحاد",)] == "ORG"
    assert propagate(article, tags) == tags  # nothing untagged to add
    plain = [["قال", "إن"], ["وقال", "إن"]]
    assert propagate(plain, [["O", "O"], ["O", "O"]]) == [["O", "O"], ["O", "O"]]


@pytest.mark.skipif(not MODEL_PATH.is_file(), reason="shipped NER model missing")
def test_tag_article_is_tag_then_propagate() -> None:
    tagger = Tagger.load()
    article = [
        ["وقال", "المتحدث", "باسم", "الخارجية", "ماريا", "زاخاروفا", "إن", "موسكو", "ترحب"],
        ["وأضافت", "زاخاروفا", "أن", "الحوار", "مستمر"],
    ]
    tags = tagger.tag_article(article)
    assert tags == propagate(article, [tagger.tag(words) for words in article])
    assert tags[0][4:6] == ["B-PER", "I-PER"] and tags[1][1] == "B-PER"
