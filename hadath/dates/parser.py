"""A small token parser for Arabic date expressions, run on normalized text.

:func:`parse` scans the tokens of a normalized string left to right and, at each
token, keeps the longest expression any grammar rule accepts. It returns
:class:`RawDate` records in normalized-text coordinates; the public API in
:mod:`hadath.dates.expressions` maps them back onto the original text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from hadath.dates.calendar import TOKEN, Calendar

CLITICS = "وفب"  # not ل: لامس is a verb, not ل + أمس
YAWM = ("يوم", "ويوم", "فيوم")
QUOTES = '«»"“”'
DATE_SEPARATORS = {"/", "-", "."}


@dataclass(slots=True)
class Tok:
    text: str
    start: int
    end: int


@dataclass(slots=True)
class RawDate:
    """One expression found: token span, normalized char span, kind and fields."""

    first: int
    last: int  # exclusive token index
    start: int
    end: int
    kind: str
    fields: dict[str, Any] = field(default_factory=dict)


class Parser:
    """Parse one normalized text with one :class:`Calendar`."""

    def __init__(self, cal: Calendar, text: str) -> None:
        self.cal = cal
        self.toks = [Tok(m.group(), m.start(), m.end()) for m in TOKEN.finditer(text)]
        self.tables = cal.tables
        self.clitic_at = -1  # token index whose clitic was stripped, and its length
        self.clitic_len = 0

    # -- token helpers ------------------------------------------------------------
    def tok(self, i: int) -> str:
        return self.toks[i].text if 0 <= i < len(self.toks) else ""

    def vocab(self, i: int, table: str, clitic: bool = False) -> tuple[Any, int] | None:
        """Longest entry of ``table`` starting at token ``i`` → (value, next index)."""
        words = [self.tok(i)]
        if clitic and len(words[0]) > 2 and words[0][0] in CLITICS:
            words.append(words[0][1:])
        for n, word in enumerate(words):
            for entry, value in self.tables[table].get(word, ()):
                if all(self.tok(i + k) == w for k, w in enumerate(entry[1:], start=1)):
                    if n:
                        self.clitic_at, self.clitic_len = i, 1
                    return value, i + len(entry)
        return None

    def punct(self, i: int, chars: str) -> int:
        """``i + 1`` when token ``i`` is one of ``chars`` (punctuation), else ``i``."""
        return i + 1 if self.tok(i) and self.tok(i) in chars else i

    # -- grammar ------------------------------------------------------------------
    def dayref(self, i: int) -> tuple[int, dict] | None:
        """[part] [يوم] [relative day] [(] [يوم] [weekday] [)] [modifier]."""
        f: dict[str, Any] = {}
        j = i
        if hit := self.vocab(j, "day_parts", clitic=True):
            f["part"], j = hit
        lead = bool(f)
        if self.tok(j) in YAWM:
            if j == i and self.tok(j) != "يوم":
                self.clitic_at, self.clitic_len = i, 1
            j, lead = j + 1, True
        if (hit := self.vocab(j, "relative", clitic=j == i)) and self._relative_ok(j, hit, lead):
            f["offset"], j = hit
            return self._relative_weekday(j, f), f
        wd = self._weekday(j, after_yawm=j > i and self.tok(j - 1) in YAWM, clitic=j == i)
        if wd is None:
            return None
        f["weekday"], j = wd, j + 1
        if hit := self.vocab(j, "modifiers"):
            f["direction"], j = hit
        return j, f

    def _relative_weekday(self, j: int, f: dict) -> int:
        """After أمس/اليوم: an optional weekday, maybe in brackets: أمس (الخميس)."""
        k = self.punct(j, "(«")
        opened = k > j
        k = k + 1 if self.tok(k) == "يوم" else k
        wd = self._weekday(k, after_yawm=self.tok(k - 1) == "يوم")
        if wd is None:
            return j
        f["weekday"] = wd
        return self.punct(k + 1, ")»") if opened else k + 1

    def _weekday(self, i: int, after_yawm: bool, clitic: bool = False) -> int | None:
        word = self.tok(i)
        if clitic and word[:1] in CLITICS and word[1:] in self.cal.weekday_standalone:
            word = word[1:]
            self.clitic_at, self.clitic_len = i, 1
        if word not in self.cal.weekdays:
            return None
        if not word.startswith("ال") and not after_yawm:
            return None
        if self.tok(i + 1) in self.cal.weekday_not_after:
            return None
        if self.tok(i - 1) in self.cal.weekday_not_before:
            return None
        return self.cal.weekdays[word]

    def _relative_ok(self, j: int, hit: tuple[int, int], lead: bool) -> bool:
        name = " ".join(self.tok(k) for k in range(j, hit[1]))
        name = name[1:] if self.clitic_at == j and self.clitic_len else name
        if name in self.cal.needs_lead and not lead:
            return False
        nxt = self.tok(hit[1])
        if nxt in self.cal.relative_not_before:
            return False
        if name != "اليوم":
            return True
        if self.tok(j - 1) in self.cal.today_not_after or nxt in self.cal.today_not_before:
            return False
        if self.tok(j - 1) and self.tok(j - 1) in QUOTES and nxt and nxt in QUOTES:
            return False  # «اليوم», the newspaper
        return not (nxt.startswith("ال") and nxt not in self.cal.weekday_standalone)

    def day_month(self, i: int) -> tuple[int, dict] | None:
        """<day> [من] [شهر] <month> [alt month] [year] [modifier]; day may be an ordinal."""
        word = self.tok(i)
        if word.isdigit() and len(word) <= 2 and 1 <= int(word) <= 31:
            if self.tok(i - 1) in DATE_SEPARATORS:
                return None
            f: dict[str, Any] = {"day": int(word)}
            j = i + 1
            j = j + 1 if self.tok(j) == "من" else j
        elif (hit := self.vocab(i, "ordinals")) and self.tok(hit[1]) == "من":
            f, j = {"day": hit[0]}, hit[1] + 1
        else:
            return None
        j = j + 1 if self.tok(j) == "شهر" else j
        return self.month_tail(j, f, need_context=False)

    def month_only(self, i: int) -> tuple[int, dict] | None:
        """[month part] [شهر] <month> [alt] [year] [modifier]; ambiguous names need context."""
        f: dict[str, Any] = {}
        j = i
        if hit := self.vocab(j, "month_parts", clitic=True):
            f["part"], j = hit
        context = bool(f)
        if self.tok(j) == "شهر" or (j == i and self.tok(j) in ("وشهر", "فشهر")):
            if j == i and self.tok(j) != "شهر":
                self.clitic_at, self.clitic_len = i, 1
            j, context = j + 1, True
        return self.month_tail(j, f, need_context=not context)

    def month_tail(self, j: int, f: dict, need_context: bool) -> tuple[int, dict] | None:
        hit = self.vocab(j, "months", clitic=need_context and "day" not in f)
        if not hit:
            return None
        (name, month), j = hit
        f.update(month=month.month, calendar=month.calendar)
        j, alt = self._alt_month(j, month.month, month.calendar)
        j = self._year(j, f)
        if mod := self.vocab(j, "modifiers"):
            f["direction"], j = mod
        context = alt or "year" in f or "direction" in f
        if need_context and name in self.cal.ambiguous_months and not context:
            return None
        return j, f

    def _alt_month(self, j: int, month: int, calendar: str) -> tuple[int, bool]:
        """Skip a paired name of the same month: (تشرين الأول), /تشرين الأول, - آب, آب."""
        k = j + 1 if self.tok(j) in ("(", "/", "-") else j
        hit = self.vocab(k, "months")
        if not hit or hit[0][1].month != month or hit[0][1].calendar != calendar:
            return j, False
        k = hit[1]
        if self.tok(j) == "(":
            if self.tok(k) != ")":
                return j, False
            k += 1
        return k, True

    def _year(self, j: int, f: dict) -> int:
        """An optional year after a month: [،] [من] [عام] 2015 [م|هـ]."""
        k = self.punct(j, "،,")
        k = k + 1 if self.tok(k) == "من" else k
        k = k + 1 if self.tok(k) in self.cal.year_words else k
        word = self.tok(k)
        if not (word.isdigit() and len(word) == 4 and 1300 <= int(word) <= 2200):
            return j
        f["year"] = int(word)
        k += 1
        if hit := self.vocab(k, "year_suffixes"):
            f["calendar"], k = hit
        return k

    def numeric(self, i: int) -> tuple[int, dict] | None:
        """8/10/2015, 1 / 11 / 1436هـ, 2015-10-08 (year must be written)."""
        t = [self.tok(i + k) for k in range(5)]
        if self.tok(i - 1) in DATE_SEPARATORS or not all(x.isdigit() for x in t[0:5:2]):
            return None
        if t[1] not in DATE_SEPARATORS or t[3] != t[1] or self.tok(i + 5) in DATE_SEPARATORS:
            return None
        if len(t[0]) == 4:
            y, m, d = int(t[0]), int(t[2]), int(t[4])
        elif len(t[4]) == 4 and len(t[0]) <= 2:
            d, m, y = int(t[0]), int(t[2]), int(t[4])
        else:
            return None
        calendar = "hijri" if 1300 <= y <= 1500 else "gregorian"
        if not (1 <= m <= 12 and 1 <= d <= 31 and (calendar == "hijri" or 1900 <= y <= 2100)):
            return None
        f = {"day": d, "month": m, "year": y, "calendar": calendar}
        j = i + 5
        if hit := self.vocab(j, "year_suffixes"):
            f["calendar"], j = hit
        return j, f

    def absolute(self, i: int) -> tuple[int, dict] | None:
        """[day reference] [،(] <day month or numeric date> [)] [الموافق <date>]."""
        lead = self.dayref(i)
        if lead and "direction" not in lead[1]:
            j, f = lead
            k = self.punct(self.punct(j, "،,-"), "(")
            if equal := self.vocab(k, "equivalence"):  # يوم الجمعة الموافق 18/8/1436
                k = equal[1]
            core = self.day_month(k) or self.numeric(k)
            if core is None:
                return None
        else:
            self.clitic_at, self.clitic_len = -1, 0
            f, k = {}, i
            core = self.day_month(i) or self.numeric(i) or self.month_only(i)
            if core is None:
                return None
        j, fields = core[0], {**f, **core[1]}
        if self.tok(k - 1) == "(" and k > i and self.tok(j) == ")":
            j += 1
        return self._equivalent(j, fields)

    def _equivalent(self, j: int, f: dict) -> tuple[int, dict]:
        """Merge ``<hijri date> الموافق <gregorian date>`` into the Gregorian reading."""
        k = self.punct(j, "،,(")
        hit = self.vocab(k, "equivalence", clitic=True)
        if f.get("calendar") != "hijri" or not hit:
            return j, f
        k = hit[1] + 1 if self.tok(hit[1]) == "ل" else hit[1]
        other = self.day_month(k) or self.numeric(k)
        if not other or other[1].get("calendar") != "gregorian":
            return j, f
        merged = {**f, **other[1], "hijri": (f.get("day"), f["month"], f.get("year"))}
        return self.punct(other[0], ")") if self.tok(k - 1) == "(" else other[0], merged

    def year_only(self, i: int) -> tuple[int, dict] | None:
        """[month part] العام 2013 [م]; or a year that opens a chronology entry (``1953 -
        مجموعة مسلحة يقودها فيدل كاسترو تهاجم``، "on this day" lists)."""
        if i == 0 and self.tok(1) in DASHES and _year(self.tok(0)):
            return 1, {"year": int(self.tok(0)), "calendar": "gregorian"}
        f: dict[str, Any] = {}
        j = i
        if hit := self.vocab(j, "month_parts", clitic=True):
            f["part"], j = hit
        if self.vocab(j, "year_words", clitic=not f) is None:
            return None
        word = self.tok(j + 1)
        if not _year(word):
            return None
        f.update(year=int(word), calendar="gregorian")
        j += 2
        if hit := self.vocab(j, "year_suffixes"):
            f["calendar"], j = hit
        return j, f

    def period(self, i: int) -> tuple[int, dict] | None:
        """الأسبوع الماضي, هذا الشهر, نهاية العام المقبل, منذ ثلاثة أيام, قبل يومين."""
        return self._named_period(i) or self._counted_period(i)

    def vague(self, i: int) -> tuple[int, dict] | None:
        """مؤخرا، الأيام الماضية، خلال الليل: a period with no datable extent."""
        hit = self.vocab(i, "vague_periods", clitic=True)
        return None if hit is None else (hit[1], {"unit": "vague", "amount": 0})

    def _named_period(self, i: int) -> tuple[int, dict] | None:
        f: dict[str, Any] = {}
        j = i
        if hit := self.vocab(j, "month_parts", clitic=True):
            f["part"], j = hit
        this = self.vocab(j, "this_words", clitic=not f)
        j = this[1] if this else j
        unit = self.cal.period_unit(self.tok(j), "definite")
        if unit is None and j == i and self.tok(j)[:1] in "وف":
            unit = self.cal.period_unit(self.tok(j)[1:], "definite")
            self.clitic_at, self.clitic_len = i, 1
        if unit is None or self._adjective(j, this):
            return None
        mod = self.vocab(j + 1, "modifiers")
        if this and not mod:
            direction, j = "current", j + 1
        elif mod and not this:
            direction, j = mod[0], mod[1]
        else:
            return None
        amount = {"past": -1, "future": 1, "current": 0}[direction]
        return j, {**f, "unit": unit, "amount": amount, "direction": direction}

    def _adjective(self, j: int, this: Any) -> bool:
        """العام in الأمين العام السابق is "general", not "year"."""
        word, before = self.tok(j), self.tok(j - 1)
        return not this and word in self.cal.adjective_homographs and before.startswith("ال")

    def _counted_period(self, i: int) -> tuple[int, dict] | None:
        word = self.tok(i)
        word = word[1:] if word[:1] in "وف" and word[1:] in self.cal.period_past else word
        if word in self.cal.period_past:
            sign, direction = -1, "past"
        elif word in self.cal.period_future:
            sign, direction = 1, "future"
        else:
            return None
        j = i + 1
        if hit := self.vocab(j, "approximators"):
            j = hit[1]
        count, unit, j = self._count(j)
        if unit is None or self.tok(j) in self.cal.period_not_before:
            return None
        return j, {"unit": unit, "amount": sign * count, "direction": direction}

    def _count(self, j: int) -> tuple[int, str | None, int]:
        cal = self.cal
        if unit := cal.period_unit(self.tok(j), "dual"):
            return 2, unit, j + 1
        if (unit := cal.period_unit(self.tok(j), "singular")) and self._bare_unit_ok(j + 1):
            return 1, unit, j + 1
        word = self.tok(j)
        if word.isdigit() and 0 < int(word) < 1000:
            count, k = int(word), j + 1
        elif hit := self.vocab(j, "numbers"):
            count, k = hit
        else:
            return 0, None, j
        for form in ("plural", "singular"):
            if unit := cal.period_unit(self.tok(k), form):
                return count, unit, k + 1
        return 0, None, j

    def _bare_unit_ok(self, k: int) -> bool:
        """قبل يوم / منذ عام count as "one day/year" unless a noun completes them:
        قبل يوم الانتخابات, منذ عام 2013, قبل شهر رمضان, منذ يوم الخميس."""
        nxt = self.tok(k)
        return not (
            nxt.startswith("ال")
            or nxt.isdigit()
            or nxt in self.cal.months
            or nxt in self.cal.weekdays
        )

    # -- driver -------------------------------------------------------------------
    def parse(self) -> list[RawDate]:
        out: list[RawDate] = []
        i = 0
        while i < len(self.toks):
            best = self._best_at(i)
            if best is None:
                i += 1
                continue
            out.append(best)
            i = best.last
        return out

    def _may_start(self, i: int) -> bool:
        word, starters = self.tok(i), self.cal.starters
        return word.isdigit() or word in starters or word[1:] in starters

    def _best_at(self, i: int) -> RawDate | None:
        if not self._may_start(i):
            return None
        best: RawDate | None = None
        rules = (("absolute", self.absolute), ("absolute", self.numeric),
                 ("absolute", self.year_only), ("relative_period", self.period),
                 ("relative_period", self.vague),
                 ("day", self.dayref))  # fmt: skip
        for kind, rule in rules:
            self.clitic_at, self.clitic_len = -1, 0
            hit = rule(i)
            if hit is None or (best is not None and hit[0] <= best.last):
                continue
            j, f = hit
            if kind == "day":
                kind = "relative_day" if "offset" in f else "weekday"
            shift = self.clitic_len if self.clitic_at == i else 0
            start, end = self.toks[i].start + shift, self.toks[j - 1].end
            best = RawDate(i, j, start, end, kind, f)
        return best


DASHES = frozenset({"-", "–", "—"})


def _year(word: str) -> bool:
    return word.isdigit() and len(word) == 4 and 1000 <= int(word) <= 2200


def parse(cal: Calendar, normalized: str) -> list[RawDate]:
    """Every date expression in ``normalized`` text, in order, non-overlapping."""
    return Parser(cal, normalized).parse()
