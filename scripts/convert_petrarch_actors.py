"""Convert UniversalPetrarch's Arabic actor dictionary into hadath/data/actors/petrarch.tsv.

Source: actor_dict_ar_v4.txt of the Open Event Data Alliance's UniversalPetrarch (MIT,
notice in hadath/data/actors/LICENSE.universalpetrarch). Each entry is a name with
underscores for spaces, followed by ``[CODE]`` on the same line or by indented
``[CODE DATES]`` lines. The file is noisy; this script

- cleans names (underscores, the dagger alef of اللٰه, stray spaces) and splits off a
  leading standalone clitic (``و_كندا_`` -> كندا);
- drops junk and unusable entries, each for a counted reason (see ``Reason``);
- parses codes (``COP`` becomes hadath's ``POL``, ``KSV`` Kosovo ``XKX``, repeated
  chunks such as ``EDUEDU`` are collapsed, ``?`` is removed) and date ranges
  (``A-B``, ``>A``, ``<B``; 18000101, 22000101 and a 19700101 start are placeholders
  for an open end; a range ending before it starts keeps only its start);
- drops dates on entries coded with a bare country (places, nationalities): there the
  ranges are annotation-tool defaults, not facts;
- merges entries with the same name (article-insensitive) and drops names the
  curated files already cover;
- marks lemmatized names (``وزارة دفاع أميركي``: the dictionary stores lemmas, not the
  surface ``وزارة الدفاع الأميركية``) with form ``lemma``; the knowledge base keeps them
  for lookups but leaves them out of the matcher patterns;
- guesses a type (PER/ORG/GPE) from the first word and the code.

Usage: python scripts/convert_petrarch_actors.py [path/to/actor_dict_ar_v4.txt]
"""

from __future__ import annotations

import csv
import hashlib
import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import simplemma

from hadath.actors import KnowledgeBase, loose_key, strip_article
from hadath.actors.files import ACTORS_DIR, PETRARCH, TSV_COLUMNS
from hadath.actors.schema import QUALIFIERS, SECTORS, STATELESS, check_code
from hadath.text.normalize import normalize

DEFAULT_SOURCE = Path("../shared/data/dictionaries/universalpetrarch-ar/actor_dict_ar_v4.txt")
OUT = ACTORS_DIR / PETRARCH
OPEN_DATES = {"18000101", "22000101"}
CHUNK_MAP = {"COP": "POL", "KSV": "XKX"}
CLITICS = {"و", "ل", "ب", "ك", "ف"}


def _words(text: str) -> set[str]:
    return set(text.split())


STOPWORDS = _words(
    "في من على إلى الى عن مع هو هي هم ان أن إن ما لا لم قد ثم او أو و ل ب ك ف "
    "ذلك هذا هذه تلك التي الذي"
)
# Common nouns that UP coded as actors but that mean something else in running text.
GENERIC = _words(
    "قاعدة جامعة شركة حكومة وزير نائب جيش معارضة صحيفة رئيس قوة مجلس وزارة دولة شعب امير أمير "
    "ملك شيخ سفير مسؤول مدير قائد حزب حركة جماعة منظمة وكالة لجنة محكمة قاضي شرطة أمن بنك "
    "يمن عرب دولي عربي غربي سيادة خارجية داخلية دفاع وزراء جمهورية"
)
GENERIC_KEYS = {loose_key(g) for g in GENERIC}
ORG_HEADS = _words(
    "وزارة حركة جبهة حزب مجلس منظمة جامعة وكالة صحيفة جريدة قناة قوة قوات جيش شركة بنك اتحاد "
    "هيئة لجنة مؤسسة تنظيم كتائب كتيبة فيلق جماعة جمعية تيار ائتلاف تحالف محكمة مكتب "
    "مركز مجموعة إدارة ادارة سلطة جهاز ديوان برلمان صندوق برنامج مفوضية معهد مدرسة مستشفى "
    "اذاعة إذاعة تلفزيون شبكة موقع مجلة نقابة رابطة الديوان"
)
ROLE_HEADS = _words(
    "رئيس وزير أمين امين ملك أمير امير شيخ شيخة سفير مبعوث متحدث ناطق نائب قائد جنرال عاهل "
    "مستشار دكتور مدير زعيم سلطان ولي عقيد لواء عميد مقدم رائد نقيب ملازم مرشد إمام امام "
    "آية اية"
)
ORG_KEYS = {strip_article(normalize(w)) for w in ORG_HEADS}
ROLE_KEYS = {strip_article(normalize(w)) for w in ROLE_HEADS}
CODE_RE = re.compile(r"\[([^\]]*)\]")


@dataclass
class Entry:
    """One dictionary entry (a name and its code lines) before merging."""

    name: str
    line: int
    codes: list[tuple[str, str | None, str | None]] = field(default_factory=list)


def clean_name(raw: str) -> str:
    name = raw.replace("_", " ").replace("\u0670", "").replace("\u0640", "")
    words = name.strip(" ،؛.").split()
    while len(words) > 1 and words[0] in CLITICS:
        words = words[1:]
    return " ".join(words)


def parse_date(text: str) -> str | None:
    if not re.fullmatch(r"\d{8}", text) or text in OPEN_DATES or text > "20261231":
        return None
    return f"{text[:4]}-{text[4:6]}-{text[6:]}"


def parse_span(spec: str) -> tuple[str | None, str | None, bool]:
    """``(start, end, fixed)`` from ``A-B``, ``>A`` or ``<B``; ``fixed`` when repaired."""
    spec = spec.replace(" ", "")
    if spec.startswith(">"):
        return parse_date(spec[1:]), None, False
    if spec.startswith("<"):
        return None, parse_date(spec[1:]), False
    start_s, _, end_s = spec.partition("-")
    start = None if start_s == "19700101" else parse_date(start_s)
    end = parse_date(end_s)
    if end and end_s < start_s:  # compares the raw dates, placeholders included
        return start, None, True
    return start, end, False


def parse_code(raw: str) -> str | None:
    """A cleaned CAMEO code, or None when it is not a run of three-letter chunks."""
    code = raw.strip().rstrip("?").upper()
    if not re.fullmatch(r"(?:[A-Z]{3})+", code):
        return None
    chunks: list[str] = []
    for chunk in (code[i : i + 3] for i in range(0, len(code), 3)):
        chunk = CHUNK_MAP.get(chunk, chunk)
        if not chunks or chunks[-1] != chunk:
            chunks.append(chunk)
    head, rest = chunks[0], [c for c in chunks[1:] if c in SECTORS | QUALIFIERS]
    return "".join([head, *rest])


def read_entries(path: Path, stats: Counter) -> list[Entry]:
    entries: list[Entry] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line[0].isspace() or not line.strip().startswith("["):
            head = line.split("[", 1)[0]
            entries.append(Entry(clean_name(head), number))
        for match in CODE_RE.finditer(line):
            parts = match.group(1).split(None, 1)
            code = parse_code(parts[0]) if parts else None
            if code is None or not entries:
                stats["codes dropped: malformed"] += 1
                continue
            start, end, fixed = parse_span(parts[1]) if len(parts) > 1 else (None, None, False)
            stats["date ranges repaired (end before start)"] += fixed
            entries[-1].codes.append((code, start, end))
    return entries


def drop_reason(entry: Entry, countries: set[str], demonyms: set[str]) -> str | None:
    """Why an entry is unusable (``None`` when it is kept)."""
    name, words = entry.name, entry.name.split()
    letters = re.sub(r"[^\u0621-\u064a]", "", normalize(name))
    if not name or re.search(r"[,()A-Za-z0-9<>]", name) or len(words) > 7:
        return "junk name (punctuation, Latin, digits or a phrase)"
    if len(letters) < 3 or all(len(w) == 1 for w in words):
        return "name shorter than 3 letters"
    if all(w in STOPWORDS for w in words):
        return "stopwords only"
    if len(words) == 1 and loose_key(name) in GENERIC_KEYS:
        return "generic common noun"
    if head_key(words[0]) in ROLE_KEYS and all(loose_key(w) in GENERIC_KEYS for w in words):
        return "a title with no name (وزير خارجية، رئيس حكومة)"
    kind = len(words) == 2 and head_key(words[0]) in ORG_KEYS and not is_lemma(name)
    if kind and loose_key(words[1]) in GENERIC_KEYS | demonyms:
        return "a kind of body with no name (وزارة خارجية، جامعة سعودية، شركة سعودية)"
    if len(words) == 2 and normalize(words[0]) == "عبد" and words[1].startswith("ال"):
        return "a given name alone (عبد العزيز)"
    if len(words) == 1 and _fused_common_word(name):
        return "a common word with لـ fused on (لفني)"
    heads = {c[:3] for c, _, _ in entry.codes}
    if not entry.codes:
        return "no usable code"
    if not heads & (countries | STATELESS):
        return "generic agent code without country (see agents.yaml)"
    if (
        len(words) == 1
        and all(len(c) == 3 for c, _, _ in entry.codes)
        and re.search("(ي|ية|يون|يين)$", name)
    ):
        return "nationality adjective (demonyms live in countries.yaml)"
    return None


def _fused_common_word(name: str) -> bool:
    """``لفني`` ("for technical") is no name: لـ on a word the lexicon knows, while the
    whole is unknown to it."""
    rest = name[1:]
    known = lambda word: simplemma.is_known(word, lang="ar")  # noqa: E731
    return name[0] == "ل" and len(rest) >= 3 and known(rest) and not known(name)


def is_lemma(name: str) -> bool:
    """Whether a name is stored as lemmas rather than as it appears in text."""
    words = name.split()
    if any(w in CLITICS for w in words):
        return True
    nisba = any(len(w) >= 4 and w.endswith("ي") and not w.startswith("ال") for w in words[1:])
    return nisba and head_key(words[0]) in ORG_KEYS | ROLE_KEYS


def head_key(word: str) -> str:
    """A first word as compared with the head lists: normalized, without the article."""
    return strip_article(normalize(word).replace("آل", "ال", 1))


def guess_type(name: str, code: str) -> str:
    first = head_key(name.split()[0])
    if first in ORG_KEYS:
        return "ORG"
    if first in ROLE_KEYS:
        return "PER"
    if len(code) == 3 and code not in STATELESS:
        return "GPE"
    return "PER"


def choose(codes: list[tuple[str, str | None, str | None]]) -> str:
    """The entry's main code: the most frequent, ties broken by open end, then latest."""
    votes = Counter(c for c, _, _ in codes)
    latest = {c: max((e or "9999", s or "") for cc, s, e in codes if cc == c) for c in votes}
    return max(votes, key=lambda c: (votes[c], latest[c], len(c)))


def is_covered(name: str, covered: set[str]) -> bool:
    """Whether a curated name matches, also when a clitic is fused on (لرياض -> الرياض)."""
    forms = [name]
    if " " not in name and name[0] in CLITICS:
        forms += [name[1:], "ال" + name[1:]]
    return any(loose_key(f) in covered for f in forms)


Span = tuple[str, str | None, str | None]


def merge_spans(spans: list[Span]) -> list[Span]:
    """Dated codes with overlapping ranges of the same code joined (open ends kept)."""
    out: list[Span] = []
    for code, start, end in sorted(set(spans), key=lambda t: (t[0], t[1] or "", t[2] or "9")):
        last = out[-1] if out else None
        if last and last[0] == code and (last[2] is None or (start or "") <= last[2]):
            joined_end = None if last[2] is None or end is None else max(last[2], end)
            out[-1] = (code, last[1], joined_end)
        else:
            out.append((code, start, end))
    return sorted(out, key=lambda t: (t[1] or "", t[2] or "9", t[0]))


def merge(entries: list[Entry]) -> dict[str, list[Entry]]:
    groups: dict[str, list[Entry]] = defaultdict(list)
    for entry in entries:
        groups[loose_key(entry.name)].append(entry)
    return groups


def row(group: list[Entry], countries: set[str]) -> dict[str, str]:
    names = Counter(e.name for e in group)
    name = names.most_common(1)[0][0]
    codes = [c for e in group for c in e.codes if c[0][:3] in countries | STATELESS]
    code = choose(codes)
    country = code[:3] if code[:3] not in STATELESS else ""
    rest = [code[i : i + 3] for i in range(3, len(code), 3)]
    sector = (
        "IGO" if code[:3] == "IGO" else "NGO" if code[:3] == "NGO" else (rest[0] if rest else "")
    )
    dated = merge_spans([(c, s, e) for c, s, e in codes if (s or e) and len(c) > 3])
    return {
        "id": "up." + hashlib.sha1(loose_key(name).encode()).hexdigest()[:10],
        "name": name,
        "names": " | ".join(n for n in names if n != name),
        "type": guess_type(name, code),
        "country": country,
        "sector": sector,
        "code": code,
        "codes": "; ".join(f"{c} {s or ''}..{e or ''}" for c, s, e in dated),
        "form": "lemma" if is_lemma(name) else "surface",
        "note": "UP line " + ",".join(str(e.line) for e in group[:5]),
    }


def convert(source: Path) -> Counter:
    stats: Counter = Counter()
    curated = KnowledgeBase.load(petrarch=False)
    countries = {a.country for a in curated.countries()}
    covered = {loose_key(n) for a in curated for n in (*a.names, *a.demonyms)}
    demonyms = {loose_key(d) for a in curated.countries() for d in a.demonyms}
    entries = read_entries(source, stats)
    stats["entries read"] = len(entries)
    kept: list[Entry] = []
    for entry in entries:
        reason = drop_reason(entry, countries, demonyms)
        if reason is None and is_covered(entry.name, covered):
            reason = "already in the curated files"
        if reason:
            stats["dropped: " + reason] += 1
        else:
            kept.append(entry)
    groups = merge(kept)
    stats["merged duplicates"] = len(kept) - len(groups)
    rows = []
    for group in groups.values():
        out = row(group, countries)
        problem = check_code(out["code"], out["country"] or None, out["sector"] or None)
        if problem or (out["sector"] and out["sector"] not in SECTORS):
            stats["dropped: code does not fit hadath's country+sector pattern"] += 1
        else:
            rows.append(out)
    for r in rows:
        if len(r["code"]) == 3 and r["codes"]:
            r["codes"] = ""  # dates on a bare country code are tool defaults
            stats["dates dropped on bare-country entries"] += 1
    rows.sort(key=lambda r: (r["country"], r["code"], r["name"]))
    write(rows)
    stats["rows written"] = len(rows)
    stats["rows in lemma form"] = sum(r["form"] == "lemma" for r in rows)
    return stats


def write(rows: list[dict[str, str]]) -> None:
    with OUT.open("w", encoding="utf-8", newline="") as handle:
        handle.write(
            "# GENERATED by scripts/convert_petrarch_actors.py from UniversalPetrarch's\n"
            "# actor_dict_ar_v4.txt (MIT, see LICENSE.universalpetrarch). Do not edit by hand.\n"
        )
        writer = csv.DictWriter(handle, TSV_COLUMNS, delimiter="\t", lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def main(argv: list[str]) -> int:
    source = Path(argv[0]) if argv else DEFAULT_SOURCE
    if not source.exists():
        print(f"source not found: {source}", file=sys.stderr)
        return 1
    stats = convert(source)
    for key, value in stats.items():
        print(f"{value:6d}  {key}")
    KnowledgeBase.clear_cache()
    print(f"validated: {len(KnowledgeBase.load())} actors load with the converted file")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
