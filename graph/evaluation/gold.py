"""Gold files (`*.gold.jsonl`, as ../shared/eval/README.md defines them): read, checked, and keyed.

An event is keyed by its class's role pattern, read from the ontology like the extractor's: a set of
participants (symmetric), (agent, recipient) (directed), or (agent,) (unary).
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import itertools
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ..ingest import InputError, document_from_text, json_lines, parse_date
from ..lexicon import DIRECTED, ROLE_PATTERNS, SYMMETRIC
from ..rdf.lexicon import default_lexicon
from ..records import ENTITY_KINDS, Document
from .scores import normalise_name


@functools.cache
def event_types() -> tuple[str, ...]:
    """The ontology's event classes: symmetric, then directed, then unary, each alphabetical."""
    classes = default_lexicon().classes
    return tuple(c.name for c in sorted(classes, key=lambda c: (ROLE_PATTERNS.index(c.role_pattern), c.name)))


def role_pattern(event_type: str) -> str:
    return default_lexicon().role_pattern(event_type)


@dataclass(frozen=True)
class GoldEntity:
    id: str
    name: str
    kinds: frozenset[str]
    names: frozenset[str]  # normalised name and aliases


@dataclass(frozen=True)
class GoldRole:
    entity: str
    title: str
    organization: str | None = None


@dataclass(frozen=True)
class GoldEvent:
    type: str
    key: tuple  # see `event_key`
    date: dt.date | None = None
    planned: bool = False
    location: str | None = None  # the gold entity id of where it happened


@dataclass(frozen=True)
class GoldRecord:
    """One line of a gold file; `text` is the article's resolved path."""

    id: str
    text: Path
    date: dt.date | None
    entities: tuple[GoldEntity, ...]
    optional_entities: tuple[GoldEntity, ...]
    roles: tuple[GoldRole, ...]
    events: tuple[GoldEvent, ...]
    optional_events: tuple[GoldEvent, ...]

    def entity(self, entity_id: str) -> GoldEntity:
        return next(e for e in self.entities + self.optional_entities if e.id == entity_id)


def event_key(event_type: str, agents: Iterable[str], recipients: Iterable[str],
              participants: Iterable[str]) -> tuple[tuple, ...]:
    """The keys an event is matched by: a set of participants, (agent, recipient), or (agent,).

    A symmetric event's agent and recipient are participants too; an event with two agents
    yields one key per agent, so each counts on its own.
    """
    agents, recipients = list(agents), list(recipients)
    pattern = role_pattern(event_type)
    if pattern == SYMMETRIC:
        return ((frozenset([*agents, *recipients, *participants]),),)
    if pattern == DIRECTED:
        return tuple((a, r) for a, r in itertools.product(agents, recipients))
    return tuple((a,) for a in agents)


def _ids(value, field: str, place: str) -> list[str]:
    if value is None:
        return []
    values = [value] if isinstance(value, str) else value
    if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
        raise InputError(f"{place}: \"{field}\" must be an entity id or a list of ids")
    return values


def _gold_entity(raw, place: str) -> GoldEntity:
    if not isinstance(raw, dict) or not isinstance(raw.get("id"), str) or not isinstance(raw.get("name"), str):
        raise InputError(f"{place}: each entity needs an \"id\" and a \"name\"")
    kinds = _ids(raw.get("type"), "type", place)
    unknown = [k for k in kinds if k not in ENTITY_KINDS]
    if not kinds or unknown:
        raise InputError(f"{place}: entity '{raw['id']}' has type {raw.get('type')!r}; "
                         "use Person, Organization or Place")
    names = [raw["name"], *_ids(raw.get("aliases"), "aliases", place)]
    return GoldEntity(raw["id"], raw["name"], frozenset(kinds), frozenset(normalise_name(n) for n in names))


def _gold_event(raw, known: set[str], place: str) -> GoldEvent:
    if not isinstance(raw, dict) or raw.get("type") not in event_types():
        kind = raw.get("type") if isinstance(raw, dict) else raw
        raise InputError(f"{place}: unknown event type {kind!r} (use one of {', '.join(event_types())})")
    roles = {field: _ids(raw.get(field), field, place) for field in ("agent", "recipient", "participants")}
    missing = [i for ids in roles.values() for i in ids if i not in known]
    if missing:
        raise InputError(f"{place}: event {raw['type']} names unknown entity '{missing[0]}'")
    keys = event_key(raw["type"], roles["agent"], roles["recipient"], roles["participants"])
    if len(keys) != 1:
        raise InputError(f"{place}: event {raw['type']} needs exactly one agent (and one recipient if directed)")
    date = parse_date(str(raw["date"]), place) if raw.get("date") else None
    location = raw.get("location")
    if location is not None and location not in known:
        raise InputError(f"{place}: event {raw['type']} names unknown location '{location}'")
    return GoldEvent(raw["type"], keys[0], date, bool(raw.get("planned", False)), location)


def _gold_record(raw, folder: Path, place: str) -> GoldRecord:
    if not isinstance(raw, dict) or not isinstance(raw.get("id"), str) or not isinstance(raw.get("text"), str):
        raise InputError(f"{place}: each line must be an object with \"id\" and \"text\" strings")
    lists = {}
    for field in ("entities", "optional_entities", "roles", "events", "optional_events"):
        lists[field] = raw.get(field) or []
        if not isinstance(lists[field], list):
            raise InputError(f"{place}: \"{field}\" must be a list")
    entities = tuple(_gold_entity(e, place) for e in lists["entities"])
    optional = tuple(_gold_entity(e, place) for e in lists["optional_entities"])
    known = {e.id for e in entities + optional}
    roles = []
    for role in lists["roles"]:
        if not isinstance(role, dict) or role.get("entity") not in known or not isinstance(role.get("title"), str):
            raise InputError(f"{place}: each role needs a known \"entity\" and a \"title\"")
        roles.append(GoldRole(role["entity"], role["title"], role.get("org")))
    return GoldRecord(
        id=raw["id"], text=folder / raw["text"],
        date=parse_date(str(raw["date"]), place) if raw.get("date") else None,
        entities=entities, optional_entities=optional, roles=tuple(roles),
        events=tuple(_gold_event(e, known, place) for e in lists["events"]),
        optional_events=tuple(_gold_event(e, known, place) for e in lists["optional_events"]))


def read_gold(path: str | Path) -> list[GoldRecord]:
    """Every record of a gold .jsonl file; text paths are relative to the file's folder."""
    path = Path(path)
    if not path.is_file():
        raise InputError(f"{path}: no such gold file")
    records = []
    for place, raw in json_lines(path.read_text(encoding="utf-8").splitlines(), str(path)):
        records.append(_gold_record(raw, path.parent, place))
    if not records:
        raise InputError(f"{path}: the gold file holds no records")
    return records


def gold_document(record: GoldRecord) -> Document:
    """The article of a gold record, with the gold id; the gold date wins over a date header."""
    if not record.text.is_file():
        raise InputError(f"{record.text}: no such text file (gold record '{record.id}')")
    document = document_from_text(record.text.read_text(encoding="utf-8"), doc_id=record.id,
                                  source=str(record.text), default_date=record.date, where=str(record.text))
    return dataclasses.replace(document, date=record.date or document.date)
