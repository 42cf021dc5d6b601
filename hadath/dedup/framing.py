"""How each outlet frames each actor: labels mined around the actor's mentions.

Three places hold a label (``data/framing.yaml``, extendable): words right before a
mention (``ما يسمى «الجيش الحر»``), words right after it (``داعش الإرهابي``), and the
words the mention itself is made of (``النظام السوري`` vs ``الحكومة السورية``). Each
(outlet, actor, label) is counted over the corpus, with examples carrying offsets
into the article body (the label and the mention together).
"""

from __future__ import annotations

import functools
import heapq
import json
import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from operator import itemgetter
from typing import Any

from hadath.errors import DataFileError
from hadath.pipeline import corpus_stage
from hadath.resources import data_path, load_yaml, require_keys
from hadath.store.db import Store
from hadath.text.normalize import normalize

_FILE = "framing.yaml"
WINDOW = 30  # characters looked at on each side of a mention
MAX_EXAMPLES = 5
CLITICS = ("و", "ب", "ل", "ف", "ك")  # "بما يسمى": a clitic on the label's first word
_QUOTES = re.compile(r"[«»“”\"'()]")


@dataclass(frozen=True, slots=True)
class Labels:
    before: tuple[tuple[str, str], ...]
    after: tuple[tuple[str, str], ...]
    head: tuple[tuple[str, str], ...]


@functools.cache
def labels() -> Labels:
    raw = load_yaml(_FILE)
    path = str(data_path(_FILE))
    if not isinstance(raw, dict):
        raise DataFileError(path, "expected a mapping at the top level")
    parts = {}
    for place in ("before", "after", "head"):
        entries = raw.get(place)
        if not isinstance(entries, list):
            raise DataFileError(path, f"{place}: expected a list of {{text, label}}")
        checked = [require_keys(path, e, {"text": str, "label": str}, f"{place} #{i}")
                   for i, e in enumerate(entries, 1)]  # fmt: skip
        longest_first = sorted(checked, key=lambda e: -len(e["text"]))
        parts[place] = tuple((normalize(e["text"]), e["label"]) for e in longest_first)
    return Labels(**parts)


def _clean(text: str) -> str:
    return " ".join(_QUOTES.sub(" ", normalize(text)).split())


def find_labels(body: str, start: int, end: int) -> list[tuple[str, int, int]]:
    """``(label, span start, span end)`` for one mention at ``body[start:end]``."""
    known = labels()
    found = []
    before = _clean(body[max(0, start - WINDOW) : start])
    for text, label in known.before:
        if before.endswith(text) and before[: -len(text)][-1:] in ("", " ", *CLITICS):
            found.append((label, _words_back(body, start, len(text.split())), end))
            break
    after = _clean(body[end : end + WINDOW])
    for text, label in known.after:
        if after == text or after.startswith(text + " "):
            found.append((label, start, end + body[end:].find(text.split()[-1][-2:]) + 2))
            break
    mention = _clean(body[start:end])
    for text, label in known.head:
        if mention == text or mention.startswith(text + " "):
            found.append((label, start, end))
            break
    return found


def _words_back(body: str, start: int, count: int) -> int:
    """Offset where the ``count`` words before ``start`` begin (quote marks are not words)."""
    lo = max(0, start - WINDOW)
    words = [m for m in re.finditer(r"\S+", body[lo:start]) if _clean(m.group())]
    return lo + words[-count].start() if len(words) >= count else start


Key = tuple[str, str, str]  # outlet, actor, label
Order = tuple[str, int, int]  # a mention's article, start and end
Example = dict[str, Any]
Found = list[tuple[Order, Example]]

# One row per article with its mentions as a list, unordered so DuckDB streams it.
# One row per mention (sorted, as before) copied the body onto each: at 1,500
# SaudiNewsNet pages 216 M characters for 4 M stored, and 590 MiB of peak RSS.
ARTICLES_SQL = (
    "SELECT a.id, a.body, coalesce(a.outlet, '(unknown)') AS outlet, m.spans FROM articles a "
    "JOIN (SELECT article_id, list({'entity_id': entity_id, 'start': start, 'end': \"end\"}) "
    "AS spans FROM mentions GROUP BY article_id) m ON m.article_id = a.id "
    "WHERE a.duplicate_of IS NULL"
)


def _labelled(row: dict[str, Any]) -> Iterator[tuple[Key, tuple[Order, Example]]]:
    """Each label found around one article's mentions, with its mention's place in the corpus."""
    body = row["body"]
    for span in row["spans"]:
        for label, start, end in find_labels(body, span["start"], span["end"]):
            start, end = max(0, start), max(end, span["end"])
            example = {"article_id": row["id"], "start": start, "end": end,
                       "text": body[start:end]}  # fmt: skip
            order = (row["id"], span["start"], span["end"])
            yield (row["outlet"], span["entity_id"], label), (order, example)


def _found(store: Store) -> dict[Key, Found]:
    """Examples of every (outlet, actor, label), each with its mention's place in the corpus."""
    found: dict[Key, Found] = defaultdict(list)
    for row in store.rows(ARTICLES_SQL):
        for key, example in _labelled(row):
            found[key].append(example)
    return found


def _examples(found: Found) -> str:
    """The first examples in article order, as JSON (the same whatever the table order)."""
    first = heapq.nsmallest(MAX_EXAMPLES, found, key=itemgetter(0))
    return json.dumps([example for _, example in first], ensure_ascii=False)


@corpus_stage("framing")
def mine_framing(store: Store, new_ids: list[str]) -> int:
    """Recount every (outlet, actor, label) over the stored mentions."""
    rows = [(outlet, actor, label, len(found), _examples(found))
            for (outlet, actor, label), found in _found(store).items()]  # fmt: skip
    with store.transaction():
        store.con.execute("DELETE FROM framing")
        store.insert_rows("framing", ("outlet", "actor", "label", "count", "examples"), rows)
    return len(rows)
