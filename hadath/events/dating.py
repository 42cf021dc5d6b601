"""An event's date (guidelines §8): the date expression of the trigger's own clause,
resolved against the publication date, else the publication date; a period that names no
day keeps its words and no date; a date long before publication marks background."""

from __future__ import annotations

from datetime import date

from hadath.dates import DateExpr, resolve
from hadath.events.cues import Cues
from hadath.events.roles import COMPLEMENTIZERS
from hadath.model import Article, Sentence

DATE_REACH = 80  # characters from the trigger to its date: further, it dates another act


def event_date(article: Article, sentence: Sentence, found: list[DateExpr], at: int,
               clause: tuple[int, int],
               cues: Cues) -> tuple[date | None, str | None, bool]:  # fmt: skip
    """The date expression of the trigger's clause nearest to body offset ``at`` (within
    DATE_REACH characters), resolved (a period to its start), else the publication date;
    its words; and whether it names a day, not a period (``الأسبوع الماضي``)."""
    own = [
        e for e in found
        if clause[0] <= sentence.start + e.start < clause[1]
        and abs(sentence.start + e.start - at) <= DATE_REACH
        and not _embedded_after(sentence, at, sentence.start + e.start, cues)
    ]  # fmt: skip
    own = _in_reported_clause(sentence, own, at) or own or _statement_date(sentence, found, clause)
    if not own:
        return article.published, None, True
    nearest = min(own, key=lambda e: abs(sentence.start + e.start - at))
    day = nearest.granularity == "day"
    if article.published is None:  # only a fully written date stands on its own
        return _written(nearest), nearest.text, day
    return resolve(nearest, article.published), nearest.text, day


def _in_reported_clause(sentence: Sentence, own: list[DateExpr], at: int) -> list[DateExpr]:
    """The expressions inside the reported clause the trigger stands in (after the last
    إن/أن before it): ``أعلنت أمس أن طائراتها شنت هجمات … خلال الليل``, the night dates the
    strikes, ``أمس`` only the announcement (guidelines §8: the statement's day dates an
    event whose own clause names none)."""
    opens = [t.start for t in sentence.tokens if t.start < at and t.norm in COMPLEMENTIZERS]
    if not opens:
        return []
    return [e for e in own if sentence.start + e.start > opens[-1]]


def _statement_date(sentence: Sentence, found: list[DateExpr],
                    clause: tuple[int, int]) -> list[DateExpr]:  # fmt: skip
    """The date of the statement a clause after a colon quotes (``وقال السفير … في تصريحات
    للصحفيين، أمس: نحن … نرحب``): guidelines §8, the statement's day dates what it reports."""
    before = sentence.text[: clause[0] - sentence.start].rstrip(" «\"“")
    if not before.endswith(":"):
        return []
    colon = len(before) - 1  # in the sentence's text, as the expressions' offsets are
    return [e for e in found if e.end <= colon and colon - e.end <= DATE_REACH]


def _embedded_after(sentence: Sentence, at: int, where: int, cues: Cues) -> bool:
    """A complementizer or a cause word stands between the trigger (body offset ``at``)
    and a later date expression (``انتقد الدور الروسي لافتاً إلى أن موسكو تقدم منذ قرابة
    سنة``، ``لن تدعم تفعيل البند الخامس بسبب مقتل عسكريين أتراك مطلع فبراير``): the date
    belongs to the reported clause or the cause, not to the trigger."""
    between = [i for i, t in enumerate(sentence.tokens) if at < t.start < where]
    tokens = sentence.tokens
    return any(tokens[i].norm in COMPLEMENTIZERS or cues.match("causes", tokens, i) > i
               for i in between)  # fmt: skip


def _written(expr: DateExpr) -> date | None:
    if expr.kind != "absolute" or expr.calendar != "gregorian":
        return None
    try:
        return date(expr.year, expr.month, expr.day)
    except (TypeError, ValueError):
        return None


BACKGROUND_DAYS = 40  # guidelines §3: "more than about a month before publication"


def background(when: date | None, date_text: str | None, published: date | None) -> bool:
    """An event its own clause dates well before publication (``عزل مرسي في 2013``،
    ``سيطرة التنظيم على الموصل في حزيران 2014``): background history, not news."""
    if date_text is None or when is None or published is None:
        return False
    return (published - when).days > BACKGROUND_DAYS
