"""Quotations and their speakers.

A quotation is text between «…», “…” or "…" (nested marks allowed; a quote may run
over several sentences of one paragraph) that is either at least ``MIN_WORDS``
words long or introduced by a speech verb or a colon — short marked phrases
(«الجيش الحر»، «داعش») are names and scare quotes, not quotations, and so is any
quotation a single name covers («تجمع الرقة تذبح بصمت»).

Its speaker is the speaker of the clause that introduces it
(:mod:`hadath.events.speakers`).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from hadath.events.cues import Cues
from hadath.events.speakers import Speakers
from hadath.model import Article, Sentence, Span, Token

OPENERS = {"«": "»", "“": "”", '"': '"'}
MIN_WORDS = 4
TITLE_MAX_WORDS = 6  # a quotation no cue introduces and no one says, this short, is a title


@dataclass(slots=True)
class Quote:
    article_id: str
    start: int  # offsets of the quoted words (inside the marks) in the body
    end: int
    text: str
    speaker: Span | None
    verb: str | None


def quote_spans(body: str) -> list[tuple[int, int]]:
    """Outermost quotation spans ``(start, end)`` inside their marks, within paragraphs."""
    spans = []
    stack: list[tuple[str, int]] = []
    for i, char in enumerate(body):
        if char == "\n":
            stack = []
        elif stack and char == OPENERS[stack[-1][0]]:
            _, start = stack.pop()
            if not stack:
                spans.append((start, i))
        elif char in OPENERS and (char != '"' or not stack):
            stack.append((char, i + 1))
    return spans


def _sentence_at(sentences: list[Sentence], starts: list[int], offset: int) -> Sentence | None:
    i = bisect.bisect_right(starts, offset) - 1
    return sentences[i] if i >= 0 and offset < sentences[i].end else None


class QuoteFinder:
    def __init__(self, cues: Cues) -> None:
        self.cues = cues

    def article_quotes(self, article: Article) -> list[Quote]:
        mentions = sorted(
            (m for m in article.spans.get("entities", []) if m.label in ("PER", "ORG", "GPE")),
            key=lambda m: m.start,
        )
        speakers = Speakers(article, mentions, self.cues)
        starts = [s.start for s in article.sentences]
        quotes: list[Quote] = []
        previous: tuple[Sentence, int, Span | None] | None = None
        for start, end in quote_spans(article.body):
            sentence = _sentence_at(article.sentences, starts, start)
            if sentence is None or _is_name(mentions, start, end):
                continue  # «تجمع الرقة تذبح بصمت»: a name in quotation marks
            before = [t for t in sentence.tokens if t.end <= start]
            verb = next((t for t in reversed(before) if self.cues.is_speech_verb(t)), None)
            short = len(article.body[start:end].split()) < MIN_WORDS
            if short and (not _introduced(before, verb) or _names_inside(mentions, start, end)):
                continue  # «سبوتنيك»، «الجيش الحر»: a name or a scare quote
            same = previous[1:] if previous is not None and previous[0] is sentence else None
            speaker, cue = speakers.of_quote(sentence, start, end, same)
            if speaker is None and cue is None and not _long(article.body[start:end]):
                continue  # «مهرجان أملج التراثي البحري الثاني»: a title nobody says
            quotes.append(Quote(article.id, start, end, article.body[start:end], speaker,
                                cue.text if cue else None))  # fmt: skip
            previous = (sentence, end, speaker)
        return quotes


def _long(text: str) -> bool:
    return len(text.split()) > TITLE_MAX_WORDS


def _names_inside(mentions: list[Span], start: int, end: int) -> bool:
    return any(start <= m.start and m.end <= end for m in mentions)


def _is_name(mentions: list[Span], start: int, end: int) -> bool:
    """One mention covers the whole quotation."""
    return any(m.start <= start and end <= m.end for m in mentions)


def _introduced(before: list[Token], verb: Token | None) -> bool:
    """A short quotation counts when a colon or the speech verb stands right before it."""
    words = [t for t in before if t.text not in OPENERS]
    if words and words[-1].text in (":", "："):
        return True
    return verb is not None and any(t is verb for t in words[-2:])
