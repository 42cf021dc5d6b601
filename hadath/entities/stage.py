"""The ``entities`` pipeline stage: mentions found, roles attached, references resolved.

Results go to ``article.spans["entities"]``: one :class:`~hadath.model.Span` per
mention, labelled with its type, whose ``attrs`` hold ``key`` (the within-article
entity), ``actor_id``, ``role``, ``country`` and ``source``. The corpus-wide merge
into entities happens later (:mod:`hadath.entities.merge`).
"""

from __future__ import annotations

import functools

from hadath.entities.clusters import load_clusters
from hadath.entities.gazetteer import Gazetteer, default_gazetteer
from hadath.entities.linking import link_article
from hadath.entities.mention import Mention
from hadath.entities.mentions import find_mentions
from hadath.entities.tagger import Tagger
from hadath.model import Article, Document, Span
from hadath.pipeline import stage


@functools.cache
def default_tagger() -> Tagger:
    load_clusters()  # the model's cluster table is read with it, not at the first new word
    return Tagger.load()


def to_span(article: Article, mention: Mention) -> Span:
    attrs = {
        "key": mention.key,
        "actor_id": mention.actor_id,
        "role": mention.role,
        "country": mention.country,
        "source": mention.source,
        "title_start": mention.title_start,
        "role_end": mention.role_end,
    }
    return article.span(mention.start, mention.end, mention.type, **attrs)


def annotate(article: Article, gazetteer: Gazetteer, tagger: Tagger | None) -> list[Mention]:
    """Find and link the mentions of one tokenized article; store them as spans."""
    found = [m for m in find_mentions(article, gazetteer, tagger) if m.start >= article.lead_end]
    mentions = link_article(article, found, gazetteer.kb)
    article.spans["entities"] = [to_span(article, m) for m in mentions]
    return mentions


@stage("entities")
def entities_stage(doc: Document) -> None:
    """Entity mentions for every article of ``doc`` (after ``tokenize``)."""
    gazetteer, tagger = default_gazetteer(), default_tagger()
    for article in doc.articles:
        annotate(article, gazetteer, tagger)
