"""The ``entities`` corpus stage: the merge of :mod:`hadath.entities.merge`, incrementally.

Every mention key is stored with the group it was folded into and the entity that
holds it (``entity_keys``), and every person name it is written as under its surname
blocking forms (``name_blocks``). A run redoes the merge only for the keys its new
mentions carry plus every stored key whose names could be variants of theirs,
transitively (a group's name can change as variants join it, so the whole connected
set is redone, in the order a merge over the whole store would take them). Then the
entities those keys left or joined are rebuilt from all their mentions, in the order
a whole-store merge would list them. The result is that of one merge over the whole
store (blocking assumes surnames of at most 14 letters, as the merge's own index does).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from hadath.actors.kb import KnowledgeBase
from hadath.entities.merge import (
    ENTITY_COLUMNS,
    Group,
    _join_variants,
    _surname_keys,
    _SurnameIndex,
    _variant,
    build_groups,
    entity_id,
    entity_row,
)
from hadath.pipeline import corpus_stage
from hadath.store.db import Store
from hadath.text.normalize import normalize

ROWS_SQL = (
    "SELECT m.*, a.published FROM article_mentions m JOIN articles a ON a.id = m.article_id "
    "WHERE {where} ORDER BY m.article_id, m.start"
)
IN_LIST = " IN (SELECT unnest(?::VARCHAR[]))"
MENTION_COLUMNS = ("entity_id", "article_id", "start", "end", "text")


def _rows(store: Store, column: str, values: Iterable[str]) -> list[dict]:
    return list(store.rows(ROWS_SQL.format(where=f"m.{column}{IN_LIST}"), [sorted(values)]))


def _person_names(rows: list[dict]) -> dict[str, set[str]]:
    """Names (and the key itself) of every key that has a person mention."""
    persons = {r["key"] for r in rows if r["type"] == "PER"}
    names: dict[str, set[str]] = defaultdict(set)
    for row in rows:
        if row["key"] in persons:
            names[row["key"]].update((normalize(row["text"]), row["key"]))
    return names


def _block(name: str) -> list[str]:
    return [f"{count}|{form}" for count, form in _surname_keys(name)]


def _store_names(store: Store, names: dict[str, set[str]]) -> None:
    known = {(r["key"], r["name"]) for r in store.rows(
        "SELECT DISTINCT key, name FROM name_blocks WHERE key" + IN_LIST, [sorted(names)]
    )}  # fmt: skip
    rows = [(block, key, name) for key, found in names.items() for name in found
            if (key, name) not in known for block in _block(name)]  # fmt: skip
    store.insert_rows("name_blocks", ("block", "key", "name"), rows)


def _stored_names(store: Store, column: str, values: Iterable[str]) -> dict[str, set[str]]:
    names: dict[str, set[str]] = defaultdict(set)
    sql = f"SELECT DISTINCT key, name FROM name_blocks WHERE {column}{IN_LIST}"
    for row in store.rows(sql, [sorted(values)]):
        names[row["key"]].add(row["name"])
    return names


def _component(store: Store, seeds: dict[str, set[str]]) -> set[str]:
    """``seeds`` and every stored key linked to them by a possible name variant, transitively."""
    done, frontier = set(seeds), seeds
    while frontier:
        index = _SurnameIndex()
        for names in frontier.values():
            for name in names:
                index.add(name, None)
        blocks = {b for names in frontier.values() for n in names for b in _block(n)}
        found = _stored_names(store, "block", blocks)
        linked = {key for key, names in found.items() if key not in done and any(
            _variant(name, other) for name in names for other, _ in index.candidates(name)
        )}  # fmt: skip
        done |= linked
        frontier = _stored_names(store, "key", linked) if linked else {}
    return done


def _rank(rows: list[dict]) -> tuple[int, str, int]:
    """Where a key's group comes in the merge's order: most mentions first, then first seen."""
    return (-len(rows), rows[0]["article_id"], rows[0]["start"]) if rows else (0, "", 0)


def _rebuild(home: str, parents: dict[str, str | None], rows: dict[str, list[dict]]) -> Group:
    """The entity whose group is ``home``, its rows in whole-store merge order."""
    children: dict[str, list[str]] = defaultdict(list)
    for key, parent in parents.items():
        if parent is not None:
            children[parent].append(key)

    def block(key: str) -> list[dict]:
        ordered = sorted(children[key], key=lambda k: _rank(rows.get(k, [])))
        return rows.get(key, []) + [r for child in ordered for r in block(child)]

    own = rows.get(home)
    if own:
        group = Group(home, own[0]["type"], own[0]["actor_id"])
    else:  # only variants were folded into this known person
        group = Group(home, "PER", home.removeprefix("actor:"))
    group.rows = block(home)
    return group


def _folded(groups: dict[str, Group], kb: KnowledgeBase) -> dict[str, tuple[str, str | None]]:
    """``key -> (home, parent)`` after the merge of ``groups`` (which it changes)."""
    originals = dict(groups)
    _join_variants(groups, kb)

    def home(key: str) -> str:
        while (moved := originals[key].moved_to if key in originals else None) is not None:
            key = moved
        return key

    return {key: (home(key), group.moved_to) for key, group in originals.items()}


@corpus_stage("entities")
def merge_entities(store: Store, new_ids: list[str]) -> int:
    """Fold the new mentions into entities; rebuild the entities they change."""
    kb = KnowledgeBase.load()
    full = store.count("entity_keys") == 0  # first run, or a store from before entity_keys
    with store.transaction():
        if full:
            for table in ("mentions", "entities", "name_blocks"):
                store.con.execute(f"DELETE FROM {table}")
            new_rows = list(store.rows(ROWS_SQL.format(where="TRUE")))
        else:
            new_rows = _rows(store, "article_id", new_ids)
        names = _person_names(new_rows)
        _store_names(store, names)
        keys = {r["key"] for r in new_rows} | (set() if full else _component(store, names))
        folded = _folded(build_groups(_rows(store, "key", keys)), kb)
        old = _stored_keys(store, "key", keys)
        homes = {h for h, _, _ in old.values()} | {h for h, _ in folded.values()}
        store.con.execute("DELETE FROM entity_keys WHERE key" + IN_LIST, [sorted(keys)])
        store.insert_rows("entity_keys", ("key", "home", "parent", "entity_id"), [
            (k, h, p, old[k][2] if k in old else None) for k, (h, p) in folded.items()
        ])  # fmt: skip
        return _write_entities(store, kb, homes, new_rows)


def _stored_keys(store: Store, column: str, values: Iterable[str]) -> dict[str, tuple]:
    sql = f"SELECT key, home, parent, entity_id FROM entity_keys WHERE {column}{IN_LIST}"
    return {r["key"]: (r["home"], r["parent"], r["entity_id"])
            for r in store.rows(sql, [sorted(values)])}  # fmt: skip


def _write_entities(store: Store, kb: KnowledgeBase, homes: set[str], new_rows: list[dict]) -> int:
    """Rebuild the entities of ``homes``; move the mentions whose entity changed."""
    stored = _stored_keys(store, "home", homes)
    rows: dict[str, list[dict]] = defaultdict(list)
    for row in _rows(store, "key", stored):
        rows[row["key"]].append(row)
    by_home: dict[str, dict[str, str | None]] = defaultdict(dict)
    for key, (home, parent, _) in stored.items():
        by_home[home][key] = parent
    groups = {home: _rebuild(home, parents, rows) for home, parents in by_home.items()}
    ids = {home: entity_id(group) for home, group in groups.items()}
    gone = {eid for _, _, eid in stored.values() if eid} | set(ids.values())
    fresh = {r["article_id"] for r in new_rows}
    moved = [r for key, (home, _, eid) in stored.items() if eid != ids[home] for r in rows[key]]
    moved += [r for r in new_rows if stored[r["key"]][2] == ids[stored[r["key"]][0]]]
    store.con.execute("DELETE FROM entities WHERE id" + IN_LIST, [sorted(gone)])
    store.insert_rows("entities", ENTITY_COLUMNS, [entity_row(g, kb) for g in groups.values()])
    store.update_rows("entity_keys", "key", ("entity_id",),
                      [(key, ids[home]) for key, (home, _, _) in stored.items()])  # fmt: skip
    _move_mentions(store, [(ids[stored[r["key"]][0]], r) for r in moved], fresh)
    store.touched["entities"] = gone
    store.touched["entity_articles"] = fresh | {r["article_id"] for r in moved}
    return len(groups)


def _move_mentions(store: Store, rows: list[tuple[str, dict]], fresh: set[str]) -> None:
    """Point ``rows`` (mentions, with their entity id) at their entity in ``mentions``."""
    spans = [(r["article_id"], r["start"], r["end"])
             for _, r in rows if r["article_id"] not in fresh]  # fmt: skip
    if spans:
        article_ids, starts, ends = (list(c) for c in zip(*spans, strict=True))
        store.con.execute(
            'DELETE FROM mentions USING (SELECT unnest(?::VARCHAR[]) AS a, unnest(?::INTEGER[]) '
            'AS s, unnest(?::INTEGER[]) AS e) u WHERE mentions.article_id = u.a '
            'AND mentions.start = u.s AND mentions."end" = u.e',
            [article_ids, starts, ends],
        )
    store.insert_rows("mentions", MENTION_COLUMNS, [
        (eid, r["article_id"], r["start"], r["end"], r["text"]) for eid, r in rows
    ])  # fmt: skip
