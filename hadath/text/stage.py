"""The ``tokenize`` pipeline stage: sentences, tokens and lemmas for every article."""

from __future__ import annotations

from hadath.model import Article, Document, Sentence
from hadath.pipeline import stage
from hadath.text.lemma import lemmatize
from hadath.text.sentences import split_sentences
from hadath.text.tokenize import tokenize


def analyze_article(article: Article) -> None:
    """Fill ``article.sentences`` from its body (replacing any earlier result)."""
    body = article.body
    sentences = []
    for start, end in split_sentences(body):
        tokens = tokenize(body[start:end], start)
        for token in tokens:
            token.lemma = token.norm if token.is_punct else lemmatize(token.text)
        sentences.append(Sentence(start, end, body[start:end], tokens))
    article.sentences = sentences


@stage("tokenize")
def tokenize_stage(doc: Document) -> None:
    """Split every article of ``doc`` into sentences of lemmatized tokens."""
    for article in doc.articles:
        analyze_article(article)
