"""The entity mention: one name (or unnamed actor) in an article body, with its
sentence and token range, as the entity stage finds, links and stores it."""

from __future__ import annotations

from dataclasses import dataclass

from hadath.entities.gazetteer import mention_start
from hadath.model import Article, Token


@dataclass(slots=True)
class Mention:
    """One mention of an entity in an article body."""

    start: int
    end: int
    text: str
    type: str  # PER | ORG | GPE | LOC
    sentence: int
    first: int  # first token index in the sentence
    last: int  # last token index (inclusive)
    actor_id: str | None = None
    source: str = "kb"  # kb | crf | reference
    role: str | None = None
    country: str | None = None
    key: str = ""  # within-article entity key (set by linking)
    title_start: int | None = None  # where a title written before the name starts (linking)
    role_end: int | None = None  # where a title written after the name ends (linking)


def mention_offsets(article: Article, tokens: list[Token], first: int,
                    last: int) -> tuple[int, int]:  # fmt: skip
    """Body offsets of the tokens ``first..last``, the first word's article included."""
    return mention_start(tokens[first], article.body), tokens[last].end


PLACE_TYPES = frozenset({"GPE", "LOC"})
PATRONYMS = frozenset({"بن", "بنت"})  # normalized: "son/daughter of" in a name
OPEN_QUOTES = frozenset({"«", "“", '"'})
CLOSE_QUOTES = frozenset({"»", "”", '"'})
CURLY_CLOSES = frozenset({"»", "”"})  # closing for sure; a straight quote may open


def word_before(tokens: list[Token], i: int) -> int:
    """Index of the word before token ``i``, past a closing curly quotation mark
    (``«داعش» الإرهابي``: the adjective follows the quoted name); -1 at the start."""
    return i - 2 if i > 1 and tokens[i - 1].text in CURLY_CLOSES else i - 1
