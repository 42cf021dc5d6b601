"""The publication date of an article, inferred from its text when metadata gave none.

The rule: the text pins the date when a RELATIVE anchor with a weekday
(``أمس الخميس``, ``أول من أمس الخميس``, ``اليوم الثلاثاء``) meets an ABSOLUTE date
naming the same weekday with day and month (``الخميس 8 أكتوبر``): publication is
that day minus the relative offset. The year must be pinned too: written in the
absolute date, or the only year in 1990..2030 in which that day and month fall on
that weekday AND in which every office-holder named with a title in the text was
in office. Every anchor pairing must agree; otherwise the date stays None and the
reason says why.

The pipeline stage ``published`` applies this to each article without a date.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from hadath.dates.expressions import DateExpr, find_dates, hijri_on_weekday
from hadath.dates.officeholders import Mention, find_officeholders
from hadath.model import Article, Document
from hadath.pipeline import stage

YEARS = range(1990, 2031)
METADATA = "metadata"


@dataclass(slots=True)
class Pairing:
    """One relative anchor matched with one absolute date of the same weekday."""

    relative: DateExpr
    absolute: DateExpr
    written: bool  # the year is written in the absolute date
    fitting: list[int]  # years whose calendar fits the weekday
    dates: set[date]  # publication dates left after the office-holder check

    @property
    def quoted(self) -> str:
        if self.relative is self.absolute:
            return f"'{self.absolute.text}'"
        return f"'{self.relative.text}' + '{self.absolute.text}'"

    @property
    def evidence(self) -> str:
        if self.relative is self.absolute:
            return self.absolute.text
        return f"{self.relative.text} … {self.absolute.text}"


def infer_published(text: str) -> tuple[date | None, str, str | None]:
    """(publication date or None, reason, evidence text) for an article's ``text``."""
    found = find_dates(text)
    if not found:
        return None, "no date in text", None
    relatives = [e for e in found if e.offset is not None and e.weekday is not None]
    absolutes = [e for e in found if _dated_weekday(e)]
    if not relatives:
        if absolutes:
            return None, f"date without a relative anchor: '{absolutes[0].text}'", None
        return None, "no relative day with a weekday (أمس الخميس) in text", None
    pairs = [(r, a) for r in relatives for a in absolutes if a.weekday == r.weekday]
    if not pairs:
        rel = relatives[0]
        return None, f"weekday only: '{rel.text}' has no date naming {rel.weekday_name}", None
    mentions = find_officeholders(text)
    pairings = [_pairing(r, a, mentions) for r, a in pairs]
    return _decide(pairings, mentions)


def _dated_weekday(expr: DateExpr) -> bool:
    """An absolute date with weekday, day and month (a Hijri one needs its year)."""
    if expr.kind != "absolute" or None in (expr.weekday, expr.day, expr.month):
        return False
    return expr.calendar == "gregorian" or expr.year is not None


def _pairing(rel: DateExpr, absolute: DateExpr, mentions: list[Mention]) -> Pairing:
    back = timedelta(days=rel.offset or 0)
    if absolute.year is not None:
        day = _written_date(absolute)
        dates = {day - back} if day else set()
        return Pairing(rel, absolute, True, [absolute.year] if day else [], dates)
    days = ((y, _safe(y, absolute)) for y in YEARS)
    fitting = [y for y, d in days if d is not None and d.weekday() == absolute.weekday]
    kept = [y for y in fitting if all(m.consistent_with(_safe(y, absolute)) for m in mentions)]
    return Pairing(rel, absolute, False, fitting, {_safe(y, absolute) - back for y in kept})


def _safe(year: int, expr: DateExpr) -> date | None:
    try:
        return date(year, expr.month, expr.day)
    except (TypeError, ValueError):
        return None


def _written_date(expr: DateExpr) -> date | None:
    """The date of an absolute expression with its year; None if the weekday disagrees."""
    if expr.calendar == "hijri":  # 10/4/1436 is sometimes month/day: try both readings
        readings = [(expr.month, expr.day), (expr.day, expr.month)]
        for month, day in readings if expr.day <= 12 else readings[:1]:
            if found := hijri_on_weekday(expr.year, month, day, expr.weekday):
                return found
        return None
    day = _safe(expr.year, expr)
    return day if day is not None and day.weekday() == expr.weekday else None


Inferred = tuple[date | None, str, str | None]


def _decide(pairings: list[Pairing], mentions: list[Mention]) -> Inferred:
    """Pinned only when every pairing (those with a written year, if any) gives one date."""
    used = [p for p in pairings if p.written] or pairings
    for p in used:
        if not p.dates:
            return None, _failure(p, mentions), None
    dates = set().union(*(p.dates for p in used))
    if len(dates) == 1:
        first = used[0]
        return dates.pop(), f"text: {first.quoted}{_year_note(first, mentions)}", first.evidence
    if all(len(p.dates) == 1 for p in used):
        return None, "conflicting anchors: " + ", ".join(p.quoted for p in used), None
    vague = next(p for p in used if len(p.dates) > 1)
    years = ", ".join(str(d.year) for d in sorted(vague.dates))
    holders = f" (office-holders: {_names(mentions)})" if mentions else ""
    return None, f"weekday only, year ambiguous: {vague.quoted} fits {years}{holders}", None


def _failure(pairing: Pairing, mentions: list[Mention]) -> str:
    if pairing.written:
        return f"weekday does not match the written date in {pairing.quoted}"
    years = ", ".join(map(str, pairing.fitting))
    return f"office-holder conflict: {pairing.quoted} fits {years} but not {_names(mentions)}"


def _names(mentions: list[Mention]) -> str:
    return ", ".join(dict.fromkeys(m.text for m in mentions))


def _year_note(pairing: Pairing, mentions: list[Mention]) -> str:
    if pairing.written:
        return "; year written"
    return f"; year by office-holders: {_names(mentions)}"


# -- pipeline stage -----------------------------------------------------------------
def article_text(article: Article) -> str:
    """The text of an article that may carry its date: title, subtitle, dateline, body."""
    parts = (article.title, article.subtitle, article.dateline, article.body)
    return "\n".join(p for p in parts if p)


@stage("published")
def published_stage(doc: Document) -> None:
    """Fill ``published``/``published_reason``/``published_text`` of each article."""
    for article in doc.articles:
        if article.published is not None:
            article.published_reason = article.published_reason or METADATA
        elif doc.published is not None:
            article.published, article.published_reason = doc.published, METADATA
            article.published_text = None
        else:
            found = infer_published(article_text(article))
            article.published, article.published_reason, article.published_text = found
