"""Within-article references: a definite group noun refers back to the organization
named with that head, and to nothing when none was named."""

from __future__ import annotations

from datetime import date

import pytest

from hadath.model import Document
from hadath.pipeline import Pipeline


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline(["segment", "tokenize", "published", "entities"], [])


def keys(pipeline: Pipeline, text: str) -> dict[str, set[str]]:
    doc = Document("t", "test", text, "jsonl", published=date(2015, 8, 2), title="")
    pipeline(doc)
    out: dict[str, set[str]] = {}
    for span in doc.articles[0].spans["entities"]:
        out.setdefault(span.text, set()).add(span.attrs.get("key"))
    return out


def test_a_group_noun_refers_to_the_organization_named_with_its_head(pipeline) -> None:
    text = ("وتبنى حزب العمال الكردستاني الهجوم. وقال مسؤول تركي إن الحزب سيدفع الثمن، "
            "فيما أكد تنظيم داعش أن التنظيم سيواصل القتال.")
    found = keys(pipeline, text)
    assert found["الحزب"] == found["حزب العمال الكردستاني"], found
    assert found["التنظيم"] == found["تنظيم داعش"], found


def test_a_group_noun_with_no_antecedent_is_no_mention(pipeline) -> None:
    found = keys(pipeline, "وقالت الحركة في بيان إن التنظيم لن يشارك في الحوار.")
    assert "الحركة" not in found and "التنظيم" not in found, found
