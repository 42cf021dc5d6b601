"""How each outlet frames each actor: labels mined around the actor's mentions.

Three places hold a label (``data/framing.yaml``, extendable): words right before a
mention (``ما يسمى «الجيش الحر»``), words right after it (``داعش الإرهابي``), and the
words the mention itself is made of (``النظام السوري`` vs ``الحكومة السورية``). Each
(outlet, actor, label) is counted over the corpus, with examples carrying offsets
into the article body (the label and the mention together).
"""

from __future__ import annotations

import functools
import json
import re
from collections import defaultdict
from dataclasses import dataclass

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


@corpus_stage("framing")
def mine_framing(store: Store, new_ids: list[str]) -> int:
    """Recount every (outlet, actor, label) over the stored mentions."""
    sql = (
        'SELECT m.entity_id, m.article_id, m.start, m."end", a.body, '
        "coalesce(a.outlet, '(unknown)') AS outlet FROM mentions m "
        "JOIN articles a ON a.id = m.article_id WHERE a.duplicate_of IS NULL "
        'ORDER BY m.article_id, m.start, m."end"'
    )
    counts: dict[tuple[str, str, str], list[dict]] = defaultdict(list)
    for row in store.rows(sql):
        for label, start, end in find_labels(row["body"], row["start"], row["end"]):
            start, end = max(0, start), max(end, row["end"])
            example = {"article_id": row["article_id"], "start": start, "end": end,
                       "text": row["body"][start:end]}  # fmt: skip
            counts[row["outlet"], row["entity_id"], label].append(example)
    rows = [(outlet, actor, label, len(found), json.dumps(found[:MAX_EXAMPLES], ensure_ascii=False))
            for (outlet, actor, label), found in counts.items()]  # fmt: skip
    with store.transaction():
        store.con.execute("DELETE FROM framing")
        store.insert_rows("framing", ("outlet", "actor", "label", "count", "examples"), rows)
    return len(rows)
