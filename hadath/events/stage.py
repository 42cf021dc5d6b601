"""The ``events`` pipeline stage and the corpus stage that links events to entities.

Per article, events and quotations go to ``article.records["events"]`` and
``["quotes"]``; they are stored with the article. After each batch, once entities are
merged across the corpus, the ``events`` corpus stage writes the entity ids into
every stored event's source, target and location and every quotation's speaker.
"""

from __future__ import annotations

import functools
import json

from hadath.actors.kb import KnowledgeBase
from hadath.events.cues import Cues
from hadath.events.extract import EventExtractor
from hadath.events.lexicon import Lexicon
from hadath.events.quotes import QuoteFinder
from hadath.events.ranker import default_ranker
from hadath.model import Document
from hadath.pipeline import corpus_stage, stage
from hadath.store.db import Store

IN_LIST = " IN (SELECT unnest(?::VARCHAR[]))"


@functools.cache
def default_extractors() -> tuple[EventExtractor, QuoteFinder]:
    cues = Cues.load()
    extractor = EventExtractor(Lexicon.load(), cues, KnowledgeBase.load(), default_ranker())
    return extractor, QuoteFinder(cues)


@stage("events")
def events_stage(doc: Document) -> None:
    """Events and quotations of every article (after ``entities``)."""
    extractor, quotes = default_extractors()
    for article in doc.articles:
        article.records["events"] = extractor.article_events(article)
        article.records["quotes"] = quotes.article_quotes(article)


def _relink(
    value: str | None, article_id: str, entity_at: dict[tuple[str, int], str]
) -> str | None:
    if not value:
        return value
    record = json.loads(value)
    if "start" in record:
        record["entity_id"] = entity_at.get((article_id, record["start"]))
    return json.dumps(record, ensure_ascii=False)


@corpus_stage("events")
def link_events(store: Store, new_ids: list[str]) -> int:
    """Point the actors of events and speakers of quotations at merged entities: those of
    the articles whose mentions the entity merge changed (all articles if it did not say)."""
    articles = store.touched.get("entity_articles")
    where, params = "TRUE", []
    if articles is not None:
        where, params = "article_id" + IN_LIST, [sorted(articles)]
    sql = f"SELECT entity_id, article_id, start FROM mentions WHERE {where}"
    entity_at = {(r["article_id"], r["start"]): r["entity_id"] for r in store.rows(sql, params)}
    parts = ("source", "target", "location")
    events = [
        (r["id"], *(_relink(r[part], r["article_id"], entity_at) for part in parts))
        for r in store.rows(
            f"SELECT id, article_id, source, target, location FROM events WHERE {where}", params
        )
    ]
    quotes = [
        (r["id"], _relink(r["speaker"], r["article_id"], entity_at))
        for r in store.rows(f"SELECT id, article_id, speaker FROM quotes WHERE {where}", params)
    ]
    with store.transaction():
        store.update_rows("events", "id", parts, events)
        store.update_rows("quotes", "id", ("speaker",), quotes)
    return len(events)
