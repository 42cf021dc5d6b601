"""Lemmatization (hadath.text.lemma) and the ``tokenize`` pipeline stage."""

from __future__ import annotations

import pytest

from hadath.model import Article, Document
from hadath.pipeline import Pipeline, get_stage
from hadath.text.lemma import CACHE_SIZE, lemmatize
from hadath.text.normalize import normalize
from hadath.text.stage import tokenize_stage
from tests.conftest import seed_text


@pytest.mark.parametrize(
    ("word", "lemma"),
    [
        ("وشدد", "شدد"),
        ("والأتراك", "تركي"),
        ("للشركاء", "شريك"),
        ("الأتراك", "تركي"),  # same lemma with or without the conjunction
        ("وسيكون", "كان"),
        ("وقال", "قال"),
        ("المسؤولين", "مسوول"),
        ("والتنظيمات", "تنظيم"),
        ("مُفصّلاً", "مفصل"),  # diacritics do not block the lookup
        ("وأكد", "اكد"),  # normalized: no hamza on the alef
        ("بـ", "ب"),  # a clitic token is its own lemma
        ("١٤", "14"),
        ("Moscow", "moscow"),
    ],
)
def test_lemmatize(word: str, lemma: str) -> None:
    assert lemmatize(word) == lemma


def test_unknown_names_keep_their_letters() -> None:
    assert lemmatize("بوغدانوف") == "بوغدانوف"
    assert lemmatize("وبوغدانوف") == "بوغدانوف"
    assert lemmatize("ويتكوف") == "ويتكوف"


def test_lemma_is_a_normalized_key() -> None:
    for word in ["الأتراك", "إسرائيل", "مستشفى", "القاهرة", "المؤتمر"]:
        assert lemmatize(word) == normalize(lemmatize(word))


def test_cache_is_bounded() -> None:
    lemmatize("وشدد")
    info = lemmatize.cache_info()
    assert info.maxsize == CACHE_SIZE
    assert info.currsize <= CACHE_SIZE


def article_from_seed(prefix: str) -> Article:
    return Article(doc_id="d", index=0, source="seed", body=seed_text(prefix))


def test_stage_is_registered() -> None:
    assert get_stage("tokenize") is tokenize_stage


def test_stage_fills_sentences_tokens_and_lemmas_of_every_article() -> None:
    doc = Document(doc_id="d", source="seed", text="", fmt="txt")
    doc.articles = [article_from_seed("001"), article_from_seed("003")]
    Pipeline(["tokenize"])(doc)
    for article in doc.articles:
        body = article.body
        assert len(article.sentences) > 15
        for sentence in article.sentences:
            assert body[sentence.start : sentence.end] == sentence.text
            assert sentence.tokens
            for tok in sentence.tokens:
                assert body[tok.start : tok.end] == tok.text
                assert sentence.start <= tok.start < tok.end <= sentence.end
                assert tok.lemma
        words = {tok.text: tok for tok in article.tokens}
        assert all(tok.lemma == lemmatize(tok.text) for tok in words.values() if not tok.is_punct)
    tokens = {tok.text: tok for tok in doc.articles[0].tokens}
    assert tokens["والأتراك"].prefixes == ("و", "ال")
    assert tokens["والأتراك"].lemma == "تركي"
    assert tokens["وشدد"].lemma == "شدد"


def test_stage_replaces_earlier_sentences() -> None:
    article = Article(doc_id="d", index=0, source="s", body="قال الوزير. ثم غادر.")
    doc = Document(doc_id="d", source="s", text=article.body, fmt="txt", articles=[article])
    tokenize_stage(doc)
    tokenize_stage(doc)
    assert [s.text for s in article.sentences] == ["قال الوزير.", "ثم غادر."]
    assert [t.text for t in article.tokens] == ["قال", "الوزير", ".", "ثم", "غادر", "."]


def test_package_reexports_the_public_functions() -> None:
    import hadath.text as text

    assert text.lemmatize is lemmatize
    assert text.split_sentences("أ. ب") == [(0, 4)]
    assert text.normalize_with_offsets("أكّد") == ("اكد", [0, 1, 3, 4])
    with pytest.raises(AttributeError):
        _ = text.no_such_function
