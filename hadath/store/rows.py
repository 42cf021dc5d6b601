"""Rows for the event and quotation tables, built from the extractors' records.

Nested parts (actors, evidence, reports) are stored as JSON text; an actor's
``entity_id`` is filled in after entities are merged across the corpus.
"""

from __future__ import annotations

import json
from typing import Any

from hadath.actors.schema import unknown_actor_code
from hadath.model import Span


def actor_json(span: Span | None, text: str | None = None) -> str | None:
    """``{entity_id, actor_code, text, start, end}`` of an actor span (entity id filled
    later; the code of an actor that is no entity, such as ``الغارات الروسية`` or
    ``مدنيون``, from what the span tells: its country and sector)."""
    if span is None:
        if not text:
            return None
        return json.dumps({"entity_id": None, "actor_code": None, "text": text}, ensure_ascii=False)
    code = None if span.attrs.get("actor_id") else unknown_actor_code(
        span.attrs.get("country"), span.attrs.get("agent")
    )  # fmt: skip
    record = {"entity_id": None, "actor_code": code, "text": span.text, "start": span.start,
              "end": span.end}  # fmt: skip
    return json.dumps(record, ensure_ascii=False)


def event_row(event: Any, number: int, body: str) -> tuple[Any, ...]:
    start, end = event.evidence
    evidence = {"start": start, "end": end, "text": body[start:end]}
    return (
        f"{event.article_id}-e{number}", event.article_id, event.type, event.mode, event.cameo,
        actor_json(event.source), actor_json(event.target), event.date, event.date_text,
        actor_json(event.location, event.location_text), event.negated, event.hypothetical,
        json.dumps(evidence, ensure_ascii=False), event.confidence,
        json.dumps([event.article_id]),
    )  # fmt: skip


def quote_row(quote: Any, number: int) -> tuple[Any, ...]:
    return (f"{quote.article_id}-q{number}", quote.article_id, actor_json(quote.speaker),
            quote.verb, quote.text, quote.start, quote.end)  # fmt: skip
