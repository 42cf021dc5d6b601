"""The shared data model that flows through the pipeline.

A :class:`Document` is one input (a scraped page, a JSONL record, an HTML file).
Segmentation turns it into :class:`Article` objects; later stages attach
:class:`Sentence`, :class:`Token` and annotation :class:`Span` objects to each
article. Every span carries character offsets into ``Article.body`` (Python
string indices, end exclusive), so ``body[start:end] == text`` always holds.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date
from typing import Any

# Entity keys (``Span.attrs["key"]`` of an entity mention) of an unnamed actor start with
# this, then the article id and the noun: ``agent:<article id>:مدنيين``
AGENT_KEY = "agent:"


def agent_noun(key: str) -> str:
    """The noun of an unnamed actor's entity key (``agent:<article id>:مدنيين`` → ``مدنيين``)."""
    return key.rpartition(":")[2]


def content_hash(text: str) -> str:
    """Stable identity of a text: SHA-256 of its UTF-8 bytes, hex."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(slots=True)
class Span:
    """A labelled stretch of an article body."""

    start: int
    end: int
    text: str
    label: str = ""
    attrs: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class Token:
    """One word of an article body, with its clitics split off.

    ``start``/``end`` cover the whole surface word; ``stem_start`` is where the word
    begins once its proclitics (و ف ب ل ك ال س) are split off. ``norm`` is the
    normalized whole word, ``stem`` the normalized word without proclitics.
    """

    start: int
    end: int
    text: str
    norm: str
    stem: str = ""
    stem_start: int = -1
    prefixes: tuple[str, ...] = ()
    lemma: str = ""
    is_punct: bool = False


@dataclass(slots=True)
class Sentence:
    start: int
    end: int
    text: str
    tokens: list[Token] = field(default_factory=list)


@dataclass(slots=True)
class Document:
    """One input document, as read, with its provenance."""

    doc_id: str
    source: str
    text: str
    fmt: str  # "txt" | "jsonl" | "html"
    outlet: str | None = None
    url: str | None = None
    published: date | None = None
    title: str | None = None  # set when the input is already one clean article
    hash: str = ""
    articles: list[Article] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not self.hash:
            self.hash = content_hash(self.text)

    @property
    def is_clean_article(self) -> bool:
        """A record that carried a ``title`` key is taken as one clean article."""
        return self.title is not None


@dataclass(slots=True)
class Article:
    """One article segmented from a document."""

    doc_id: str
    index: int
    source: str
    body: str
    role: str = "main"  # "main" | "appended"
    title: str | None = None
    subtitle: str | None = None
    dateline: str | None = None
    byline: str | None = None
    outlet: str | None = None
    published: date | None = None
    published_reason: str | None = None
    published_text: str | None = None
    duplicate_of: str | None = None
    story_id: str | None = None
    # A clean article's body is kept as given; a dateline lead opening it (``بدر العتيبي -
    # سبق - القصيم:``) ends here: its words are fields, not the story's actors.
    lead_end: int = 0
    sentences: list[Sentence] = field(default_factory=list)
    spans: dict[str, list[Span]] = field(default_factory=dict)
    # Other stage results that are not spans (events, quotes), by kind.
    records: dict[str, list[Any]] = field(default_factory=dict)

    @property
    def id(self) -> str:
        return f"{self.doc_id}-{self.index}"

    @property
    def tokens(self) -> list[Token]:
        return [tok for sent in self.sentences for tok in sent.tokens]

    def span(self, start: int, end: int, label: str = "", **attrs: Any) -> Span:
        """A span of this article's body, checked against its offsets."""
        if not 0 <= start <= end <= len(self.body):
            raise ValueError(f"span {start}:{end} outside body of {self.id}")
        return Span(start, end, self.body[start:end], label, dict(attrs))
