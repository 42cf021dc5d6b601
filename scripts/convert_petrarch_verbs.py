"""Convert UniversalPetrarch's Arabic CAMEO verb dictionary into reviewed triggers.

Usage: .venv/bin/python scripts/convert_petrarch_verbs.py [N_ZIPS] [--write]

UniversalPetrarch's ``CAMEO.ar.0.5.txt`` (MIT, Open Event Data Alliance) holds 213
verb blocks machine-translated from the English CAMEO dictionary: verbs with an
optional code and patterns ``- * OBJECT [code] # verbs``. Many are mistranslations
(بنى "build" coded 161, وضع "put" coded 139), so nothing goes in unreviewed:

1. every verb + simple object pattern (one word, a ``{phrase}``, ``(prep word)`` or
   a synset) and every verb with a code of its own is a candidate; CAMEO roots map
   to PLOVER types through ``hadath/data/events/plover.yaml`` (01 and 03 give none)
   and sub-codes to modes through :data:`MODES`;
2. candidates whose verb is a speech verb (``cues.yaml``) are dropped;
3. each candidate runs over N_ZIPS days of SaudiNewsNet (default 3): its matches,
   and its *new* matches (sentences where the hand-written lexicon finds no event
   of that type), with examples, go to ``build/petrarch_verbs_review.tsv``;
4. only candidates listed in :data:`ACCEPT` (reviewed on that report, with type,
   mode or code corrected where needed) are written, with ``--write``, to
   ``hadath/data/events/petrarch.yaml``, which the lexicon loads after
   ``triggers.yaml``.
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
import zipfile
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

from hadath.events.cues import Cues
from hadath.events.lexicon import Lexicon
from hadath.events.trigger_file import TRIGGERS_FILE, ontology, parse_trigger, read_file
from hadath.model import Article, Token
from hadath.text.normalize import normalize
from hadath.text.stage import analyze_article

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT.parent / "shared" / "data" / "dictionaries" / "universalpetrarch-ar"
NEWS = ROOT.parent / "shared" / "data" / "news" / "saudinewsnet"
REPORT = ROOT / "build" / "petrarch_verbs_review.tsv"
OUTPUT = ROOT / "hadath" / "data" / "events" / "petrarch.yaml"
PREPOSITIONS = frozenset({"ل", "في", "من", "الي", "عن", "علي", "مع", "ب", "ضد", "حول", "نحو"})
ARABIC = re.compile("^[\u0621-\u064a]+$")
CODE = re.compile(r"\[(\d{3,4})\]")

# CAMEO sub-codes whose PLOVER mode is clear.
MODES = {
    "0233": "assist", "0234": "assist", "0871": "ceasefire", "0873": "disarm",
    "0874": "withdraw", "0841": "release", "0831": "resign", "141": "demo", "142": "hunger",
    "143": "strike", "1431": "strike", "144": "obstruct", "145": "riot", "154": "troops",
    "1721": "censor", "1723": "curfew", "1724": "martial-law", "173": "arrest",
    "174": "deport", "1711": "seize", "166": "expel", "161": "discontinue",
    "164": "discontinue", "181": "abduct", "185": "targeted", "186": "targeted",
    "183": "explosives", "1831": "suicide-attack", "193": "firearms",
    "194": "heavy-weapons", "195": "aerial", "111": "disapprove", "112": "allege",
    "1121": "allege", "090": "investigate", "091": "investigate",
}  # fmt: skip

# Reviewed on build/petrarch_verbs_review.tsv (3 days of SaudiNewsNet, 1,066
# candidates that fire): the few that are right and find events the hand-written
# lexicon misses, keyed by verb + first object, with corrections where
# UniversalPetrarch's code does not fit PLOVER. Rejected: every verb-only code (the
# verbs are WordNet translations: قبل "before" as "accept", لم "did not" as
# "collect"), objects that do not carry the code's meaning (قدم+برنامج "presented a
# programme" as COOPERATE), and pairs the hand lexicon already covers (توصل+اتفاق).
ACCEPT: dict[str, dict[str, str | None]] = {
    "قدم+شكوي": {"note": "lodged a complaint (CAMEO 114)", "mode": "allege"},
    "رشق+حجاره": {"note": "stone-throwing", "mode": "primitive", "cameo": "18"},
    "رشق+حجر": {"note": "stone-throwing", "type": "ASSAULT", "mode": "primitive", "cameo": "18"},
    "اضرم+نار": {"note": "set fire to (arson)", "mode": "destroy"},
    "وجه+ضربه": {"note": "dealt a strike/blow", "cameo": "19"},
    "وجه+تهمه": {"note": "charged with a crime (CAMEO 173)", "mode": None},
    "ادان+تهمه": {"note": "convicted of a charge", "type": "SANCTION", "mode": "convict"},
    "طرد+عسكري": {"note": "drove forces out", "type": "ASSAULT", "cameo": "19", "mode": None},
    "استخدم+سلاح": {
        "note": "used weapons; also weapons merely discussed",
        "type": "ASSAULT",
        "cameo": "19",
        "mode": None,
    },
}


@dataclass(frozen=True)
class Candidate:
    verb: str
    objects: tuple[str, ...]
    code: str

    @property
    def key(self) -> str:
        return self.verb + ("+" + "|".join(self.objects) if self.objects else "")

    @property
    def short(self) -> str:
        """Verb + first object: the key of :data:`ACCEPT`."""
        return self.verb + ("+" + self.objects[0] if self.objects else "")

    @property
    def kind(self) -> str | None:
        return ontology().cameo_primary.get(self.code[:2])

    @property
    def mode(self) -> str | None:
        mode = MODES.get(self.code) or MODES.get(self.code[:3])
        return mode if mode in ontology().modes.get(self.kind or "", ()) else None


def read_synsets(path: Path) -> dict[str, list[str]]:
    """``&NAME`` → its member phrases, normalized, words joined by spaces."""
    sets: dict[str, list[str]] = defaultdict(list)
    name = ""
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("&"):
            name = line.strip()
        elif line.startswith("+") and name:
            words = [normalize(w) for w in line[1:].split("_") if w.strip()]
            if words and len(words) <= 4 and all(ARABIC.match(w) and len(w) > 1 for w in words):
                sets[name].append(" ".join(words))
    return sets


def _verb(text: str) -> str | None:
    """The verb of a Petrarch verb entry (``سيطر+على`` → سيطر), or None for glosses."""
    if "_" in text:
        return None
    word = normalize(text.replace("+", " ").split()[0]) if text.strip() else ""
    return word if len(word) >= 2 and ARABIC.match(word) else None


def _objects(text: str, synsets: dict[str, list[str]]) -> tuple[str, ...] | None:
    """Object phrases of a simple pattern right-hand side, or None when not simple."""
    groups = re.findall(r"\([^()]*\)|\{[^{}]*\}|&\w+|[^\s(){}&]+", text)
    if len(groups) != 1:
        return None
    group = groups[0]
    if group.startswith("&"):
        return tuple(synsets.get(group, ())) or None
    words = [normalize(w) for w in group.strip("(){}").split()]
    words = [w for w in words if w not in PREPOSITIONS]
    if not 1 <= len(words) <= 3 or not all(ARABIC.match(w) and len(w) > 1 for w in words):
        return None
    return (" ".join(words),)


def read_candidates(path: Path, synsets: dict[str, list[str]]) -> list[Candidate]:
    """Verb + object patterns and verbs with a code of their own."""
    found: dict[str, Candidate] = {}
    body = path.read_text(encoding="utf-8").split("####### VERB PATTERNS #######", 1)[1]
    for line in body.splitlines():
        code = CODE.search(line)
        if not code or line.startswith("---"):
            continue
        text, _, comment = line.partition("#")
        if line.startswith("- *"):
            objects = _objects(CODE.sub("", text[3:]), synsets)
            verbs = [_verb(v) for v in comment.split(",")]
            for verb in filter(None, verbs if objects else []):
                cand = Candidate(verb, objects, code.group(1))
                found.setdefault(cand.key, cand)
        elif not line.startswith("-") and (verb := _verb(CODE.sub("", text).strip())):
            found.setdefault(verb, Candidate(verb, (), code.group(1)))
    return [c for c in found.values() if c.kind]


def as_entry(cand: Candidate, review: dict[str, str | None] | None = None) -> dict:
    """A trigger entry (the triggers.yaml schema) for one candidate, with corrections."""
    fixes = review or {}
    entry: dict = {
        "id": f"up.{_ascii(cand.verb)}.{hashlib.sha1(cand.key.encode()).hexdigest()[:6]}",
        "type": fixes.get("type", cand.kind),
        "cameo": fixes.get("cameo", cand.code[:2]),
        "pos": "verb",
        "lemmas": [cand.verb],
    }
    mode = fixes.get("mode", cand.mode)
    if mode:
        entry["mode"] = mode
    if cand.objects:
        entry["requires"] = list(cand.objects)
        entry["window"] = 4
    entry["confidence"] = 0.6
    note = f"UniversalPetrarch CAMEO.ar {cand.code}: {cand.short.replace('+', ' + ')}"
    entry["note"] = f"{note}; {fixes['note']}" if fixes.get("note") else note
    return entry


def _ascii(word: str) -> str:
    """A readable ASCII spelling of an Arabic word for ids (lowercase letters only)."""
    table = str.maketrans("ابتثجحخدذرزسشصضطظعغفقكلمنهويءةى", "abtvjhxdvrzsssdtzegfqklmnhwyaty")
    return re.sub("[^a-z]", "", word.translate(table))


def sentences(limit: int) -> list[list[Token]]:
    """Tokenized sentences of ``limit`` days of SaudiNewsNet."""
    out = []
    for path in sorted(NEWS.glob("*.zip"))[:limit]:
        with zipfile.ZipFile(path) as archive:
            for name in archive.namelist():
                for index, rec in enumerate(json.loads(archive.read(name))):
                    article = Article("up", index, "saudinewsnet", rec["content"])
                    analyze_article(article)
                    out += [s.tokens for s in article.sentences]
    return out


def review(
    cands: list[Candidate], sents: list[list[Token]]
) -> list[tuple[Candidate, int, int, str]]:
    """(candidate, matches, new matches, examples) over the sample."""
    settings, hand_triggers = read_file(TRIGGERS_FILE)  # the hand lexicon alone
    triggers = [parse_trigger("petrarch", as_entry(c), n, settings) for n, c in enumerate(cands)]
    by_id = {t.id: c for t, c in zip(triggers, cands, strict=True)}
    trial, hand = Lexicon(triggers, settings), Lexicon(hand_triggers, settings)
    hits: Counter[str] = Counter()
    new: Counter[str] = Counter()
    examples: dict[str, list[str]] = defaultdict(list)
    for tokens in sents:
        found = list(trial.match_all(tokens))
        if not found:
            continue
        known = {m.type for m in hand.match_all(tokens)}
        for m in found:
            hits[m.trigger.id] += 1
            if m.type not in known:
                new[m.trigger.id] += 1
                if len(examples[m.trigger.id]) < 2:
                    examples[m.trigger.id].append(
                        " ".join(t.text for t in tokens[m.start : m.end + 4])
                    )
    return [(by_id[t], hits[t], new[t], " || ".join(examples[t])) for t in by_id if hits[t]]


def main() -> None:
    limit = int(next((a for a in sys.argv[1:] if a.isdigit()), "3"))
    synsets = read_synsets(SOURCE / "synsets.ar.txt")
    speech = Cues.load().lists["speech_verbs"]
    cands = read_candidates(SOURCE / "CAMEO.ar.0.5.txt", synsets)
    kept = [c for c in cands if c.verb not in speech.lemmas and c.verb not in speech.forms]
    print(
        f"{len(cands)} candidates with a PLOVER type; {len(cands) - len(kept)} speech verbs dropped"
    )
    rows = review(kept, sentences(limit))
    REPORT.parent.mkdir(exist_ok=True)
    with REPORT.open("w", encoding="utf-8") as out:
        out.write("key\tcode\ttype\tmode\tmatches\tnew\tdecision\texamples\n")
        for c, n, new, ex in sorted(rows, key=lambda r: -r[2]):
            decision = "accept" if c.short in ACCEPT else ""
            out.write(f"{c.key}\t{c.code}\t{c.kind}\t{c.mode}\t{n}\t{new}\t{decision}\t{ex}\n")
    print(f"{len(rows)} fire on {limit} days of SaudiNewsNet; report: {REPORT}")
    if "--write" in sys.argv:
        write([c for c, _, _, _ in rows if c.short in ACCEPT])


def write(accepted: list[Candidate]) -> None:
    import yaml

    header = (
        "# Triggers converted from UniversalPetrarch's Arabic CAMEO verb dictionary\n"
        "# (CAMEO.ar.0.5.txt, MIT licence, see LICENSE.universalpetrarch) by\n"
        "# scripts/convert_petrarch_verbs.py: only the reviewed candidates (ACCEPT).\n"
        "# Generated; do not edit by hand. Loaded after triggers.yaml.\n"
    )
    entries = [as_entry(c, ACCEPT[c.short]) for c in accepted]
    settings = read_file(TRIGGERS_FILE)[0]
    for number, entry in enumerate(entries, start=1):
        parse_trigger(str(OUTPUT), entry, number, settings)  # refuse to write a bad file
    body = yaml.safe_dump({"triggers": entries}, allow_unicode=True, sort_keys=False, width=100)
    OUTPUT.write_text(header + body, encoding="utf-8")
    print(f"wrote {len(entries)} triggers to {OUTPUT}")


if __name__ == "__main__":
    main()
