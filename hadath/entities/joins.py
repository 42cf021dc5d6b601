"""Names the mention sources split in two, joined again: a place's name that is also a
first name before a tagged person (``صلاح الدين دمرداش``), and a known name with a
father's name that a tagged family name continues (``عبد الله بن عبد العزيز الربيعة``).
Each join is one unknown person (source ``crf``): the knowledge base's actor is someone
else."""

from __future__ import annotations

from hadath.entities.mention import PATRONYMS, PLACE_TYPES, Mention
from hadath.entities.rules import entity_rules
from hadath.model import Article, Token

PLACE_PREPOSITIONS = frozenset({"في", "من", "الي", "علي", "عن", "نحو", "حول", "داخل", "قرب"})


def joined_names(article: Article, tokens: list[Token], found: list[Mention]) -> list[Mention]:
    """``found`` (one sentence's mentions) with split names joined."""
    return _family_named(article, tokens, _first_name_places(article, tokens, found))


def _first_name_places(article: Article, tokens: list[Token],
                       found: list[Mention]) -> list[Mention]:  # fmt: skip
    """A place's name that is also a first name (``first_name_places`` in entity_rules.yaml)
    right before a tagged person's is the person's (``دعا صلاح الدين دمرداش``): one person,
    no place. Not where a preposition or a place noun makes it a place (``في صلاح الدين``،
    ``بصلاح الدين``، ``محافظة صلاح الدين``). Other places before a name end a title
    (``أمير منطقة عسير فيصل بن خالد``)."""
    first_names = entity_rules().first_name_places
    people = {m.first: m for m in found if m.type == "PER" and m.source == "crf"}
    replaced: dict[int, Mention] = {}  # id of a place or person mention -> the joined name
    for place in found:
        person = people.get(place.last + 1)
        if person is None or place.type not in PLACE_TYPES or place.source != "kb":
            continue
        rest = tokens[place.first + 1 : place.last + 1]
        if " ".join([tokens[place.first].stem, *(t.norm for t in rest)]) not in first_names:
            continue
        if set(tokens[place.first].prefixes) & {"ب", "ل", "ك"} or _placed(tokens, place.first):
            continue
        replaced[id(place)] = replaced[id(person)] = _person(article, place, person)
    return _replace(found, replaced)


def _family_named(article: Article, tokens: list[Token],
                  found: list[Mention]) -> list[Mention]:  # fmt: skip
    """A known name ending in بن and a father's name, then a tagged family name (``عبد
    الله بن عبد العزيز الربيعة``: Dr. Al-Rabeeah, not King Abdullah and a person
    "الربيعة"): one unknown person."""
    people = {m.first: m for m in found if m.type == "PER" and m.source == "crf"}
    replaced: dict[int, Mention] = {}
    for known in found:
        family = people.get(known.last + 1)
        if family is None or known.type != "PER" or known.source != "kb" or known.last < 2:
            continue
        within = tokens[known.first : known.last]
        if not any(t.norm in PATRONYMS for t in within) or family.first != family.last:
            continue
        if "ال" not in tokens[family.first].prefixes:
            continue
        replaced[id(known)] = replaced[id(family)] = _person(article, known, family)
    return _replace(found, replaced)


def _person(article: Article, first: Mention, last: Mention) -> Mention:
    """One unknown person from the start of ``first`` to the end of ``last``."""
    start, end = first.start, last.end
    return Mention(start, end, article.body[start:end], "PER", first.sentence, first.first,
                   last.last, None, "crf")  # fmt: skip


def _replace(found: list[Mention], replaced: dict[int, Mention]) -> list[Mention]:
    """``found`` with the mentions whose ids ``replaced`` maps swapped for their joins."""
    if not replaced:
        return found
    kept = [m for m in found if id(m) not in replaced]
    names = {id(name): name for name in replaced.values()}
    return sorted([*kept, *names.values()], key=lambda m: m.first)


def _placed(tokens: list[Token], first: int) -> bool:
    """The word before makes what follows a place: a preposition or a place noun."""
    if first == 0:
        return False
    before = tokens[first - 1]
    return before.norm in PLACE_PREPOSITIONS or before.stem in entity_rules().place_nouns
