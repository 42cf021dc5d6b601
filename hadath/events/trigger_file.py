"""Reading and validating trigger files (``hadath/data/events/triggers.yaml`` and
user files) against the PLOVER ontology in ``plover.yaml``.

Every problem raises :class:`~hadath.errors.DataFileError` naming the file and the
entry (``trigger 12 (consult.meet): unknown type 'CONSLT'``).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from hadath.errors import DataFileError
from hadath.events import patterns as pt
from hadath.resources import DATA_DIR, expand_paths, read_yaml
from hadath.text.normalize import normalize

EVENTS_DIR = DATA_DIR / "events"
TRIGGERS_FILE = EVENTS_DIR / "triggers.yaml"
PLOVER_FILE = EVENTS_DIR / "plover.yaml"
POS = frozenset({"verb", "noun"})
KEYS = frozenset(
    {"id", "type", "mode", "cameo", "pos", "lemmas", "forms", "nouns", "conjugate", "exclude"}
    | {"requires", "window", "unless", "not_after", "prefix", "target_preps", "confidence"}
    | {"genitive", "subject", "voice", "object"}
    | {"note"}
    | {"source", "disabled"}
)
SETTINGS = frozenset({"window", "inflection", "stops"})
GENITIVE_ROLES = frozenset({"source", "target"})
VOICES = frozenset({"active", "passive"})
OBJECTS = frozenset({"actor", "thing"})  # what a verb's direct object names
INFLECTION = frozenset(
    {"perfect_suffixes", "imperfect_prefixes", "imperfect_suffixes", "object_suffixes"}
    | {"weak_endings", "dual_suffixes", "possessive_suffixes", "plural_endings"}
)


@dataclass(frozen=True, slots=True)
class Trigger:
    """One lexicon entry. Words are normalized; a one-letter word is a proclitic.

    ``lemmas`` match a token's lemma, ``forms`` its stem. In a verb entry they, and
    the ``verb_forms`` generated from the lemmas and ``conjugate``, match only a
    token without ال/بـ/كـ (a verb never carries them), while ``nouns`` (its verbal
    nouns: القصف، الإفراج) match any token's stem or lemma and report a noun.
    """

    id: str
    type: str
    cameo: str
    pos: str
    lemmas: tuple[str, ...] = ()
    forms: tuple[str, ...] = ()
    nouns: tuple[str, ...] = ()
    verb_forms: tuple[str, ...] = ()
    exclude: frozenset[str] = frozenset()
    mode: str | None = None
    requires: tuple[pt.Phrase, ...] = ()
    window: int = 3
    unless: tuple[pt.Phrase, ...] = ()
    not_after: tuple[str, ...] = ()
    prefix: frozenset[str] = frozenset()
    target_preps: tuple[str, ...] = ()
    confidence: float = 1.0
    genitive: str = "source"  # the role of the actor right after a verbal noun
    subject: str = "source"  # the role of a verb's grammatical subject (ارتكب: the blamed)
    voice: str = "active"  # passive: the actor before it suffers, the one after بـ/من acts
    object: str = "actor"  # place: the verb's object is where (اقتحم المسجد), so who follows acts
    note: str = ""
    source: str = ""


@dataclass(frozen=True, slots=True)
class Ontology:
    """PLOVER types with their modes, and CAMEO roots with the types they allow."""

    modes: dict[str, frozenset[str]]
    cameo_types: dict[str, frozenset[str]]
    cameo_primary: dict[str, str | None]

    @property
    def types(self) -> tuple[str, ...]:
        return tuple(self.modes)


@functools.cache
def ontology() -> Ontology:
    """``plover.yaml``, parsed once."""
    data = read_yaml(PLOVER_FILE)
    try:
        modes = {t: frozenset(v["modes"]) for t, v in data["types"].items()}
        cameo = data["cameo"]
        cameo_types = {str(c): frozenset(v["types"]) for c, v in cameo.items()}
        primary = {str(c): v["primary"] for c, v in cameo.items()}
    except (KeyError, TypeError, AttributeError) as exc:
        raise DataFileError(str(PLOVER_FILE), f"malformed ontology: {exc}") from None
    return Ontology(modes, cameo_types, primary)


@dataclass(frozen=True, slots=True)
class Inflection:
    """How a verb lemma (3rd person masculine past) expands to the forms it takes.

    The lemmatizer leaves many verb forms unlemmatized (اجتمعت، تجتمع، يرسلون), so
    every verb lemma also matches these generated surface forms. The imperfect stem
    drops a leading alef of four letters or more (أرسل → يرسل، اجتمع → يجتمع,
    استهدف → يستهدف) and keeps a three-letter lemma whole (قصف → يقصف). Weak-final
    lemmas (دعا، التقى) get no perfect suffixes: list their forms by hand.
    """

    perfect_suffixes: tuple[str, ...] = ()
    imperfect_prefixes: tuple[str, ...] = ()
    imperfect_suffixes: tuple[str, ...] = ()
    object_suffixes: tuple[str, ...] = ()
    weak_endings: frozenset[str] = frozenset()
    dual_suffixes: tuple[str, ...] = ()
    possessive_suffixes: tuple[str, ...] = ()
    plural_endings: tuple[str, ...] = ()

    def noun_forms(self, noun: str) -> list[str]:
        """The dual and the possessed forms of one noun (normalized): اجتماع → اجتماعين،
        اجتماعه، اجتماعهما; زياره → زيارتين، زيارتهما (ة becomes ت before a suffix); a
        plural (محادثات، مساعدات) takes the possessive suffixes only."""
        base = noun[:-1] + "ت" if noun.endswith("ه") else noun
        plural = noun.endswith(self.plural_endings)
        duals = [] if plural else [base + s for s in self.dual_suffixes]
        return duals + [base + s for s in self.possessive_suffixes]

    def forms(self, lemma: str, bare: bool = True) -> list[str]:
        """Surface forms of one verb lemma (the lemma itself not included).

        Never lemma + ه (normalized, that is the feminine noun: رحبة، طالبة). With
        ``bare=False`` (a ``conjugate`` entry, whose bare form is also a noun) nothing
        that extends the bare form as a noun would: no lemma + ا/نا or lemma + pronoun.
        Hollow verbs (زار، أشاد → يزور، يشيد) get no generated imperfect.
        """
        weak = lemma[-1] in self.weak_endings
        suffixes = [s for s in self.perfect_suffixes if bare or s not in ("ا", "نا")]
        perfect = [] if weak else [lemma + s for s in suffixes]
        stem = lemma[1:] if lemma[0] == "ا" and len(lemma) >= 4 else lemma
        hollow = len(stem) == 3 and stem[1] == "ا"
        bases = [] if hollow else [p + stem for p in self.imperfect_prefixes]
        imperfect = [b + s for b in bases for s in self.imperfect_suffixes]
        carriers = [*perfect[:1], *bases] + ([lemma] if bare else [])
        objects = [
            b + o for b in carriers for o in self.object_suffixes if not (b == lemma and o == "ه")
        ]
        return [*perfect, *imperfect, *objects]


@dataclass(frozen=True, slots=True)
class Settings:
    """File-wide matching settings of ``triggers.yaml``."""

    window: int = 3
    inflection: Inflection = Inflection()
    stops: frozenset[str] = frozenset()


def _settings(path: str, raw: Any) -> Settings:
    if raw is None:
        return Settings()
    if not isinstance(raw, dict):
        raise DataFileError(path, "settings: expected a mapping")
    pt.check_keys(path, raw, SETTINGS, "settings")
    infl = raw.get("inflection") or {}
    if not isinstance(infl, dict):
        raise DataFileError(path, "settings: 'inflection' must be a mapping")
    pt.check_keys(path, infl, INFLECTION, "settings.inflection")

    def affixes(key: str) -> tuple[str, ...]:
        values = infl.get(key, [])
        if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
            raise DataFileError(path, f"settings.inflection: {key!r} must be a list of strings")
        return tuple(normalize(v) for v in values)

    inflection = Inflection(
        affixes("perfect_suffixes"),
        affixes("imperfect_prefixes"),
        affixes("imperfect_suffixes"),
        affixes("object_suffixes"),
        frozenset(affixes("weak_endings")),
        affixes("dual_suffixes"),
        affixes("possessive_suffixes"),
        affixes("plural_endings"),
    )
    stops = frozenset(pt.word_list(path, raw.get("stops", []), "settings", "stops"))
    return Settings(pt.window_value(path, raw.get("window"), "settings", 3), inflection, stops)


def _where(number: int, entry: Any) -> str:
    name = entry.get("id") if isinstance(entry, dict) else None
    return f"trigger {number} ({name})" if name else f"trigger {number}"


def _cameo(path: str, value: Any, where: str) -> str:
    """A CAMEO root code as two digits ("04"); YAML may have read it as an integer."""
    code = f"{value:02d}" if isinstance(value, int) and not isinstance(value, bool) else value
    if not isinstance(code, str) or code not in ontology().cameo_types:
        raise DataFileError(path, f"{where}: unknown cameo root code {value!r}")
    return code


def _check_type(path: str, entry: dict, where: str) -> tuple[str, str | None, str]:
    """(type, mode, cameo) of an entry, checked against the ontology."""
    onto = ontology()
    kind, mode = entry.get("type"), entry.get("mode")
    if kind not in onto.modes:
        raise DataFileError(path, f"{where}: unknown type {kind!r}")
    if mode is not None and mode not in onto.modes[kind]:
        raise DataFileError(path, f"{where}: unknown mode {mode!r} for type {kind}")
    if "cameo" not in entry:
        raise DataFileError(path, f"{where}: missing key 'cameo'")
    cameo = _cameo(path, entry["cameo"], where)
    if kind not in onto.cameo_types[cameo]:
        raise DataFileError(path, f"{where}: cameo {cameo} does not fit type {kind}")
    return kind, mode, cameo


def _role(path: str, value: Any, where: str, key: str) -> str:
    """The value of a role key (``genitive``, ``subject``): source or target."""
    if value not in GENITIVE_ROLES:
        raise DataFileError(path, f"{where}: '{key}' must be one of {sorted(GENITIVE_ROLES)}")
    return value


def _object(path: str, value: Any, where: str) -> str:
    if value not in OBJECTS:
        raise DataFileError(path, f"{where}: 'object' must be one of {sorted(OBJECTS)}")
    return value


def _voice(path: str, value: Any, where: str) -> str:
    if value not in VOICES:
        raise DataFileError(path, f"{where}: 'voice' must be one of {sorted(VOICES)}")
    return value


def _confidence(path: str, value: Any, where: str) -> float:
    if value is None:
        return 1.0
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 < value <= 1:
        raise DataFileError(path, f"{where}: 'confidence' must be a number in (0, 1]")
    return float(value)


def parse_trigger(path: str, entry: Any, number: int, settings: Settings) -> Trigger:
    """Validate one raw entry; every problem names the file and the entry."""
    where = _where(number, entry)
    if not isinstance(entry, dict):
        raise DataFileError(path, f"{where}: expected a mapping")
    pt.check_keys(path, entry, KEYS, where)
    if not isinstance(entry.get("id"), str) or not entry["id"].strip():
        raise DataFileError(path, f"{where}: missing key 'id'")
    kind, mode, cameo = _check_type(path, entry, where)
    pos = entry.get("pos")
    if pos not in POS:
        raise DataFileError(path, f"{where}: 'pos' must be 'verb' or 'noun'")
    lemmas = pt.words(path, entry.get("lemmas", []), where, "lemmas")
    forms = pt.words(path, entry.get("forms", []), where, "forms")
    nouns = pt.words(path, entry.get("nouns", []), where, "nouns")
    conjugate = pt.words(path, entry.get("conjugate", []), where, "conjugate")
    exclude = set(pt.words(path, entry.get("exclude", []), where, "exclude"))
    if not (lemmas or forms or nouns or conjugate):
        raise DataFileError(path, f"{where}: needs 'lemmas', 'forms', 'nouns' or 'conjugate'")
    if (conjugate or nouns) and pos != "verb":
        raise DataFileError(path, f"{where}: 'conjugate' and 'nouns' need pos 'verb'")
    infl = settings.inflection
    generated = [f for b in lemmas if pos == "verb" for f in infl.forms(b)]
    generated += [f for b in conjugate for f in infl.forms(b, bare=False)]
    listed = {*forms, *nouns}
    if pos == "noun":  # a noun lemma's inflected forms are stems simplemma leaves whole
        forms = _with_noun_forms(forms, infl, exclude, lemmas)
    else:
        nouns = _with_noun_forms(nouns, infl, exclude)
    return Trigger(
        id=entry["id"],
        type=kind,
        cameo=cameo,
        pos=pos,
        lemmas=tuple(x for x in lemmas if x not in exclude),
        forms=tuple(x for x in forms if x not in exclude),
        nouns=tuple(x for x in nouns if x not in exclude),
        verb_forms=tuple(
            f for f in dict.fromkeys(generated) if f not in listed and f not in exclude
        ),
        exclude=frozenset(exclude),
        mode=mode,
        requires=pt.phrases(path, entry.get("requires", []), where, "requires"),
        window=pt.window_value(path, entry.get("window"), where, settings.window),
        unless=pt.phrases(path, entry.get("unless", []), where, "unless"),
        not_after=pt.words(path, entry.get("not_after", []), where, "not_after"),
        prefix=frozenset(pt.proclitics(path, entry.get("prefix", []), where, "prefix")),
        target_preps=pt.words(path, entry.get("target_preps", []), where, "target_preps"),
        confidence=_confidence(path, entry.get("confidence"), where),
        genitive=_role(path, entry.get("genitive", "source"), where, "genitive"),
        subject=_role(path, entry.get("subject", "source"), where, "subject"),
        voice=_voice(path, entry.get("voice", "active"), where),
        object=_object(path, entry.get("object", "actor"), where),
        note=str(entry.get("note") or ""),
        source=path,
    )


def _with_noun_forms(words: tuple[str, ...], infl: Inflection, exclude: set[str],
                     lemmas: tuple[str, ...] = ()) -> tuple[str, ...]:  # fmt: skip
    """``words`` and the dual and possessed forms of each of ``words`` and ``lemmas``
    (an accusative اتصالا or a word ending in ي takes none)."""
    nouns = [w for w in (*words, *lemmas) if not w.endswith(("ا", "ي"))]
    extra = [f for w in nouns for f in infl.noun_forms(w)]
    return tuple(dict.fromkeys([*words, *(f for f in extra if f not in exclude)]))


def read_file(path: Path, settings: Settings | None = None) -> tuple[Settings, list[Trigger]]:
    """Settings (shipped file only) and triggers of one file; duplicate ids are refused.

    A ``{id: ..., disabled: true}`` entry comes back as a placeholder whose
    ``source`` is ``"disabled"``: it removes the trigger with that id.
    """
    data = read_yaml(path)
    name = str(path)
    if not isinstance(data, dict) or not isinstance(data.get("triggers"), list):
        raise DataFileError(name, "expected a mapping with a 'triggers' list")
    extra = sorted(set(data) - {"triggers", "settings"})
    if extra or (settings is not None and "settings" in data):
        key = extra[0] if extra else "settings"
        raise DataFileError(name, f"unexpected top-level key {key!r}")
    settings = settings or _settings(name, data.get("settings"))
    triggers, seen = [], set()
    for number, entry in enumerate(data["triggers"], start=1):
        if isinstance(entry, dict) and entry.get("disabled") is True:
            trigger = _disabled(name, entry, number)
        else:
            trigger = parse_trigger(name, entry, number, settings)
        if trigger.id in seen:
            raise DataFileError(name, f"{_where(number, entry)}: duplicate id")
        seen.add(trigger.id)
        triggers.append(trigger)
    return settings, triggers


def _disabled(path: str, entry: dict, number: int) -> Trigger:
    if not isinstance(entry.get("id"), str):
        raise DataFileError(path, f"trigger {number}: 'disabled' needs an 'id'")
    return Trigger(entry["id"], "", "", "", source="disabled")


def expand(paths: list[str | Path]) -> list[Path]:
    """User paths as files: a directory stands for its ``*.yaml``/``*.yml`` files, sorted."""
    return expand_paths(paths, (".yaml", ".yml"), "trigger")
