"""Quotations and their speakers.

A quotation is text between «…», “…” or "…" (nested marks allowed; a quote may run
over several sentences of one paragraph) that is either at least ``MIN_WORDS``
words long or introduced by a speech verb or a colon — short marked phrases
(«الجيش الحر»، «داعش») are names and scare quotes, not quotations.

Its speaker is found by looking back from the opening mark within the paragraph:
``نقل ... عن X`` → X; a speech verb (قال، أكد، أضاف ...) followed by a name → that
name (the subject usually follows the verb); a name just before the verb; a speech
verb with no subject of its own (``وأضاف:``) continues the previous quotation's
speaker; ``حسب/وفق X`` or ``بيان X`` name the source when no verb does.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from hadath.events.cues import Cues
from hadath.model import Article, Span, Token

OPENERS = {"«": "»", "“": "”", '"': '"'}
MIN_WORDS = 4
LOOK_BACK = 14  # tokens before a quotation searched for its verb and speaker
SOURCE_WORDS = frozenset({"حسب", "بحسب", "وحسب", "وفق", "ووفق", "وفقا", "ووفقا"})
STATEMENT_NOUNS = frozenset({"بيان", "تصريح", "تصريحات", "رساله", "كلمه", "خطاب"})


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


def _tokens_before(body: str, tokens: list[Token], ends: list[int], start: int) -> list[Token]:
    """Tokens of the paragraph before offset ``start`` (the last ``LOOK_BACK`` of them).

    ``ends`` are the tokens' end offsets (sorted), so the search is a bisection.
    """
    paragraph_start = body.rfind("\n", 0, start) + 1
    stop = bisect.bisect_right(ends, start)
    window = tokens[max(0, stop - LOOK_BACK) : stop]
    return [t for t in window if t.start >= paragraph_start]


def _mention_at(mentions: list[Span], starts: list[int], lo: int, hi: int) -> Span | None:
    i = bisect.bisect_left(starts, lo)
    return mentions[i] if i < len(mentions) and mentions[i].start < hi else None


class QuoteFinder:
    def __init__(self, cues: Cues) -> None:
        self.cues = cues

    def article_quotes(self, article: Article) -> list[Quote]:
        mentions = sorted(
            (m for m in article.spans.get("entities", []) if m.label in ("PER", "ORG", "GPE")),
            key=lambda m: m.start,
        )
        starts = [m.start for m in mentions]
        tokens = article.tokens  # flattened once, not per quotation
        ends = [t.end for t in tokens]
        quotes: list[Quote] = []
        for start, end in quote_spans(article.body):
            before = _tokens_before(article.body, tokens, ends, start)
            verb = next((t for t in reversed(before) if self.cues.is_speech_verb(t)), None)
            short = len(article.body[start:end].split()) < MIN_WORDS
            if short and (not _introduced(before, verb) or _is_name(mentions, start, end)):
                continue  # «سبوتنيك»، «الجيش الحر»: a name or a scare quote
            if (
                verb is not None
                and quotes
                and (_continues(verb, before, mentions, starts, start) or _participle(verb))
            ):
                speaker = quotes[-1].speaker  # "وأضاف: «...»" goes on with the last speaker
            else:
                speaker = self._speaker(before, verb, mentions, starts, start)
            quotes.append(Quote(article.id, start, end, article.body[start:end], speaker,
                                verb.text if verb else None))  # fmt: skip
        return quotes

    def _speaker(self, before: list[Token], verb: Token | None, mentions: list[Span],
                 starts: list[int], quote_start: int) -> Span | None:  # fmt: skip
        about = next((t for t in reversed(before) if t.norm == "عن"), None)
        if about is not None and (verb is None or about.start > verb.start):
            return _mention_at(mentions, starts, about.end, quote_start)
        if verb is not None:
            after = _mention_at(mentions, starts, verb.end, quote_start)
            if after is not None:
                return after
            lo = before[0].start if before else verb.start
            earlier = [m for m in mentions if lo <= m.start and m.end <= verb.start]
            for kind in ("PER", "ORG", "GPE"):  # a person speaks before a state does
                of_kind = [m for m in earlier if m.label == kind]
                if of_kind:
                    return of_kind[-1]
        source = next(
            (t for t in reversed(before) if t.norm in SOURCE_WORDS or t.stem in STATEMENT_NOUNS),
            None,
        )
        if source is not None:
            return _mention_at(mentions, starts, source.end, quote_start)
        return None


def _is_name(mentions: list[Span], start: int, end: int) -> bool:
    return any(start <= m.start and m.end <= end for m in mentions)


def _introduced(before: list[Token], verb: Token | None) -> bool:
    """A short quotation counts when a colon or the speech verb stands right before it."""
    words = [t for t in before if t.text not in OPENERS]
    if words and words[-1].text in (":", "："):
        return True
    return verb is not None and any(t is verb for t in words[-2:])


def _participle(verb: Token) -> bool:
    """``مشدداً``، ``معرباً``، ``مضيفاً``: an adverbial speech participle goes on with the
    sentence's speaker."""
    return verb.stem.startswith("م") and verb.text.rstrip("\u064b").endswith("ا")


def _continues(verb: Token, before: list[Token], mentions: list[Span], starts: list[int],
               quote_start: int) -> bool:  # fmt: skip
    """A speech verb that names no speaker of its own: ``وأضاف:``، ``وأضاف إن``، ``وتابع``."""
    if _mention_at(mentions, starts, verb.end, quote_start) is not None:
        return False
    rest = [t for t in before if t.start >= verb.end]
    return "و" in verb.prefixes and all(t.is_punct or t.norm in ("ان", "انه") for t in rest)
