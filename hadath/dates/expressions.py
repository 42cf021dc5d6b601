"""Arabic date expressions: find them in text, resolve them against a reference date.

:func:`find_dates` returns :class:`DateExpr` records whose offsets index the ORIGINAL
text (matching runs on a normalized copy and is mapped back). Kinds:

- ``absolute``: ``8 أكتوبر``, ``الخميس 8 أكتوبر/تشرين الأول 2015``, ``يونيو (حزيران) الماضي``,
  ``مطلع فبراير``, ``العام 2013``, ``8/10/2015``, ``28 شوال 1436هـ`` (``calendar="hijri"``);
- ``weekday``: ``الخميس``, ``يوم الخميس الماضي``, ``مساء الخميس``;
- ``relative_day``: ``أمس``, ``أول من أمس الخميس``, ``اليوم (الاثنين)``, ``غداً``;
- ``relative_period``: ``الأسبوع الماضي``, ``هذا الشهر``, ``منذ ثلاثة أيام``, ``قبل يومين``.

An ``absolute`` expression may also carry ``offset`` and ``weekday`` when a relative
day leads it (``أمس الأحد 9 أغسطس``). :func:`resolve` turns an expression into a
calendar date given the article's publication date.
"""

from __future__ import annotations

import calendar as _stdcal
from dataclasses import dataclass
from datetime import date, timedelta

from hadath.dates.calendar import Calendar, load_calendar
from hadath.dates.parser import RawDate, parse
from hadath.text.normalize import DIACRITICS, TATWEEL, back_to_original, normalize_with_offsets

WEEKDAY_NAMES = ("الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد")
_PART_DAY = {"early": 1, "mid": 15}
_HIJRI_EPOCH = 1948440  # Julian day number of 1 Muharram 1 AH, arithmetical calendar
_JDN_ORDINAL = 1721425  # Julian day number minus date.toordinal()


@dataclass(frozen=True, slots=True)
class DateExpr:
    """A date expression found in a text, with its structured value.

    ``weekday`` uses Python numbering (Monday = 0); ``offset`` is the relative day
    (-1 = أمس); ``unit``/``amount`` describe a period (week, -1 = الأسبوع الماضي);
    ``direction`` is past/future/current from a modifier (الماضي، المقبل، الحالي);
    ``part`` a part of the day (evening) or month (early/mid/late).
    """

    start: int
    end: int
    text: str
    kind: str
    day: int | None = None
    month: int | None = None
    year: int | None = None
    weekday: int | None = None
    offset: int | None = None
    unit: str | None = None
    amount: int | None = None
    direction: str | None = None
    part: str | None = None
    calendar: str = "gregorian"
    hijri: tuple[int | None, int, int | None] | None = None

    @property
    def granularity(self) -> str:
        """How precise the expression is: day, week, month, year or vague (مؤخرا)."""
        if self.kind == "relative_period":
            return self.unit or "day"
        if self.kind == "absolute" and self.day is None:
            return "month" if self.month else "year"
        return "day"

    @property
    def weekday_name(self) -> str | None:
        return None if self.weekday is None else WEEKDAY_NAMES[self.weekday]


def find_dates(text: str, cal: Calendar | None = None) -> list[DateExpr]:
    """Every date expression in ``text``, in order, with offsets into ``text``."""
    cal = cal or load_calendar()
    normalized, offsets = normalize_with_offsets(text)
    return [_to_expr(raw, text, offsets) for raw in parse(cal, normalized)]


def _to_expr(raw: RawDate, text: str, offsets: list[int]) -> DateExpr:
    start, end = back_to_original(offsets, raw.start, raw.end)
    while end < len(text) and (text[end] == TATWEEL or DIACRITICS.match(text[end])):
        end += 1  # keep the tanwin of غداً and the tatweel of 1436هـ
    f = raw.fields
    keys = ("day", "month", "year", "weekday", "offset", "unit", "amount", "direction", "part")
    values = {k: f.get(k) for k in keys}
    return DateExpr(start, end, text[start:end], raw.kind, **values,
                    calendar=f.get("calendar", "gregorian"), hijri=f.get("hijri"))  # fmt: skip


# -- resolution ---------------------------------------------------------------------
def resolve(expr: DateExpr, reference: date, prefer: str = "past") -> date | None:
    """The calendar date ``expr`` names, read in an article published on ``reference``.

    ``prefer`` ("past" or "future") decides bare weekdays: ``الخميس`` is the latest
    Thursday on or before ``reference`` for past-tense news, the next one otherwise.
    Periods resolve to the reference shifted by the period; month- or year-only
    expressions to the first day (``منتصف`` the 15th, ``أواخر`` the last day).
    Returns None when the expression names no valid date.
    """
    if expr.kind == "relative_day":
        return reference + timedelta(days=expr.offset or 0)
    if expr.kind == "weekday":
        bare = "current" if prefer == "future" else "bare"
        return _weekday(reference, expr.weekday or 0, expr.direction or bare)
    if expr.kind == "relative_period":
        return shift(reference, expr.unit or "day", expr.amount or 0)
    if expr.calendar == "hijri":
        return _resolve_hijri(expr, reference)
    return _resolve_gregorian(expr, reference)


def _weekday(reference: date, weekday: int, direction: str) -> date:
    back = (reference.weekday() - weekday) % 7
    if direction == "past":
        return reference - timedelta(days=back or 7)
    if direction == "future":
        return reference + timedelta(days=(weekday - reference.weekday()) % 7 or 7)
    if direction == "current":
        return reference + timedelta(days=(weekday - reference.weekday()) % 7)
    return reference - timedelta(days=back)  # bare, past-tense: on or before


def shift(reference: date, unit: str, amount: int) -> date:
    """``reference`` moved by ``amount`` days/weeks/months/years (day clamped)."""
    if unit in ("day", "week"):
        return reference + timedelta(days=amount * (7 if unit == "week" else 1))
    months = amount * (12 if unit == "year" else 1)
    year, month = divmod(reference.month - 1 + months, 12)
    year += reference.year
    last = _stdcal.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(reference.day, last))


def _day_of(expr: DateExpr, year: int, month: int) -> int:
    if expr.day is not None:
        return expr.day
    if expr.part == "late":
        return _stdcal.monthrange(year, month)[1]
    return _PART_DAY.get(expr.part or "", 1)


def _make(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _resolve_gregorian(expr: DateExpr, reference: date) -> date | None:
    if expr.month is None:
        return _make(expr.year, 1, 1) if expr.year else None
    if expr.year is not None:
        return _make(expr.year, expr.month, _day_of(expr, expr.year, expr.month))
    month = expr.month
    dates = [
        _make(y, month, _day_of(expr, y, month))
        for y in range(reference.year - 2, reference.year + 3)
    ]
    return pick_nearest([d for d in dates if d], reference, expr.weekday, expr.direction)


def pick_nearest(
    dates: list[date], reference: date, weekday: int | None = None, direction: str | None = None
) -> date | None:
    """The date of ``dates`` an article of ``reference`` most likely means.

    Dates on the given weekday win when there are any; ``past``/``future``
    directions keep the latest before / earliest after; otherwise the nearest,
    the past winning ties.
    """
    if weekday is not None and any(d.weekday() == weekday for d in dates):
        dates = [d for d in dates if d.weekday() == weekday]
    if direction == "past" and (past := [d for d in dates if d <= reference]):
        return max(past)
    if direction == "future" and (future := [d for d in dates if d >= reference]):
        return min(future)
    if not dates:
        return None
    return min(dates, key=lambda d: (abs((d - reference).days), d > reference))


# -- Hijri (arithmetical calendar; Umm al-Qura may differ by a day or two) ---------
def hijri_to_gregorian(year: int, month: int, day: int) -> date:
    """Gregorian date of a Hijri date by the arithmetical (tabular) calendar."""
    jdn = day + -(-59 * (month - 1) // 2) + (year - 1) * 354 + (3 + 11 * year) // 30
    return date.fromordinal(jdn + _HIJRI_EPOCH - 1 - _JDN_ORDINAL)


def hijri_year_of(day: date) -> int:
    """The (arithmetical) Hijri year ``day`` falls in."""
    year = int((day.toordinal() + _JDN_ORDINAL - _HIJRI_EPOCH) / 354.367) + 1
    while hijri_to_gregorian(year, 1, 1) > day:
        year -= 1
    while hijri_to_gregorian(year + 1, 1, 1) <= day:
        year += 1
    return year


def snap_weekday(day: date, weekday: int | None) -> date:
    """Move ``day`` by up to three days onto ``weekday`` (absorbs calendar drift)."""
    if weekday is None:
        return day
    delta = (weekday - day.weekday()) % 7
    return day + timedelta(days=delta - 7 if delta > 3 else delta)


def hijri_on_weekday(year: int, month: int, day: int, weekday: int, drift: int = 1) -> date | None:
    """The Gregorian date of a Hijri date said to fall on ``weekday``, or None when the
    arithmetical date is more than ``drift`` days off that weekday (a misread date)."""
    try:
        base = hijri_to_gregorian(year, month, day)
    except ValueError:
        return None
    snapped = snap_weekday(base, weekday)
    return snapped if abs((snapped - base).days) <= drift else None


def _resolve_hijri(expr: DateExpr, reference: date) -> date | None:
    if expr.month is None:
        return None
    day = expr.day or 1
    if expr.year is not None:
        return snap_weekday(hijri_to_gregorian(expr.year, expr.month, day), expr.weekday)
    base = hijri_year_of(reference)
    dates = [hijri_to_gregorian(y, expr.month, day) for y in (base - 1, base, base + 1)]
    picked = pick_nearest(dates, reference, None, expr.direction)
    return snap_weekday(picked, expr.weekday) if picked else None
