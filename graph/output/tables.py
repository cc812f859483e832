"""The graph read back as two tables, one row per entity and one per event.

CSV exports, the networkx projections and the drawings all start from these rows, so each reads
the RDF once, through SPARQL on Oxigraph, and never walks triples by hand.
"""
from __future__ import annotations

import csv
import io
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache

import pyoxigraph as ox
from rdflib import RDFS

from ..rdf.ontology import ontology_graph
from ..rdf.vocab import NG, sparql_prefixes
from .safe_text import spreadsheet_safe

PREFIXES = sparql_prefixes()
ENTITY_CLASSES = "schema:Person schema:Organization schema:Place ng:Group"
# event role property → field of EventRow (location is a role too, but not a participant)
ROLE_PROPERTIES = {
    "https://schema.org/agent": "agent",
    "https://schema.org/recipient": "recipient",
    "https://schema.org/participant": "participants",
    "https://schema.org/location": "location",
    str(NG.opponent): "opponent",
}


@dataclass(frozen=True)
class EntityRow:
    id: str
    type: str  # Person, Organization, Place or Group
    name: str
    aliases: tuple[str, ...]
    roles: tuple[str, ...]  # "President (United States)"
    mentions: int


@dataclass(frozen=True)
class EventRow:
    id: str
    type: str  # the ng: class, e.g. PhoneCall
    date: str | None  # ISO date
    planned: bool
    negated: bool
    agent: str | None  # entity ids
    recipient: str | None
    participants: tuple[str, ...]
    location: str | None
    opponent: str | None
    sentence: str | None  # the sentence of the event's first mention
    document: str | None  # the document's identifier (its IRI when it has none)
    quote: str | None = None  # a Statement's words
    topic: str | None = None  # what it is about ("his victory")

    def entity_ids(self) -> tuple[str, ...]:
        """The entities taking part, agent first, without repeats (the location is where, not who)."""
        ids = [self.agent, self.recipient, *self.participants, self.opponent]
        return tuple(dict.fromkeys(i for i in ids if i))


@dataclass(frozen=True)
class DocumentRow:
    id: str  # as EventRow.document names it
    title: str | None
    date: str | None  # ISO date of issue
    url: str | None  # where it was published
    source: str | None  # the file it was read from


@dataclass(frozen=True)
class Tables:
    entities: dict[str, EntityRow]  # by id, in name order
    events: tuple[EventRow, ...]  # by date, then id
    documents: dict[str, DocumentRow] = field(default_factory=dict)  # by id, in id order

    def name(self, entity_id: str | None) -> str:
        if entity_id is None:
            return ""
        row = self.entities.get(entity_id)
        return row.name if row else entity_id


@cache
def event_classes() -> tuple[str, ...]:
    """IRIs of ng:Event and its subclasses, read from the bundled ontology."""
    classes = set(ontology_graph().transitive_subjects(RDFS.subClassOf, NG.Event))
    return tuple(sorted(str(c) for c in classes | {NG.Event}))


def _rows(store: ox.Store, body: str):
    return store.query(PREFIXES + body, use_default_graph_as_union=True)


def _value(solution, name: str) -> str | None:
    term = solution[name]
    return None if term is None else term.value


def _local(iri: str) -> str:
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def read_entities(store: ox.Store) -> dict[str, EntityRow]:
    labels: dict[str, set[str]] = defaultdict(set)
    kinds: dict[str, str] = {}
    for s in _rows(store, f"SELECT ?e ?class ?label WHERE {{ VALUES ?class {{ {ENTITY_CLASSES} }} "
                          "?e a ?class . OPTIONAL { ?e rdfs:label ?label } }"):
        entity = _value(s, "e")
        kinds[entity] = _local(_value(s, "class"))
        if s["label"] is not None:
            labels[entity].add(s["label"].value)
    aliases: dict[str, set[str]] = defaultdict(set)
    for s in _rows(store, "SELECT ?e ?alias WHERE { ?e skos:altLabel ?alias }"):
        aliases[_value(s, "e")].add(_value(s, "alias"))
    roles: dict[str, list[tuple[str, str | None]]] = defaultdict(list)
    for s in _rows(store, "SELECT DISTINCT ?e ?title ?org WHERE { ?e ng:holdsRole ?r . ?r schema:roleName ?title . "
                          "OPTIONAL { ?r schema:memberOf ?org } }"):
        roles[_value(s, "e")].append((_value(s, "title"), _value(s, "org")))
    mentions = {_value(s, "e"): int(_value(s, "n")) for s in _rows(
        store, "SELECT ?e (COUNT(DISTINCT ?m) AS ?n) WHERE { ?e ng:mention ?m } GROUP BY ?e")}

    def name_of(entity: str) -> str:
        # one name even when documents disagree: the longest, then alphabetical, is the most specific
        return min(labels[entity], key=lambda label: (-len(label), label)) if labels[entity] else _local(entity)

    def role_text(title: str, organization: str | None) -> str:
        return f"{title} ({name_of(organization)})" if organization in kinds else title

    rows = [EntityRow(id=entity, type=kind, name=name_of(entity),
                      aliases=tuple(sorted((aliases[entity] | labels[entity]) - {name_of(entity)})),
                      roles=tuple(sorted({role_text(t, o) for t, o in roles[entity]})),
                      mentions=mentions.get(entity, 0))
            for entity, kind in kinds.items()]
    rows.sort(key=lambda row: (row.name.casefold(), row.id))
    return {row.id: row for row in rows}


def read_events(store: ox.Store) -> tuple[EventRow, ...]:
    classes = " ".join(f"<{c}>" for c in event_classes())
    fields: dict[str, dict] = {}
    for s in _rows(store, "SELECT ?ev ?class ?date ?planned ?negated ?doc ?docId WHERE { "
                          f"VALUES ?class {{ {classes} }} "
                          "?ev a ?class . OPTIONAL { ?ev ng:date ?date } OPTIONAL { ?ev ng:planned ?planned } "
                          "OPTIONAL { ?ev ng:negated ?negated } "
                          "OPTIONAL { ?ev prov:wasDerivedFrom ?doc OPTIONAL { ?doc dcterms:identifier ?docId } } }"):
        event = _value(s, "ev")
        kind = _local(_value(s, "class"))
        known = fields.get(event)
        if known and kind == "Event":  # typed with a subclass as well: keep the specific one
            continue
        fields[event] = dict(type=kind, date=_value(s, "date"), planned=_value(s, "planned") == "true",
                             negated=_value(s, "negated") == "true",
                             document=_value(s, "docId") or _value(s, "doc"),
                             agent=None, recipient=None, participants=[], location=None, opponent=None, sentence=None)
    values = " ".join(f"<{p}>" for p in ROLE_PROPERTIES)
    for s in _rows(store, f"SELECT ?ev ?role ?e WHERE {{ VALUES ?role {{ {values} }} ?ev ?role ?e }} ORDER BY ?ev ?e"):
        event = fields.get(_value(s, "ev"))
        if event is None:
            continue
        field = ROLE_PROPERTIES[_value(s, "role")]
        if field == "participants":
            event[field].append(_value(s, "e"))
        else:
            event[field] = event[field] or _value(s, "e")
    for s in _rows(store, "SELECT ?ev ?sentence WHERE { ?ev ng:mention ?m . "
                          "?m nif:sentence ?s ; nif:beginIndex ?begin . "
                          "?s nif:anchorOf ?sentence } ORDER BY ?ev DESC(?begin)"):
        event = fields.get(_value(s, "ev"))
        if event is not None:
            event["sentence"] = _value(s, "sentence")  # descending order: the first mention wins
    for s in _rows(store, "SELECT ?ev (MIN(?q) AS ?quote) (MIN(?t) AS ?topic) WHERE { ?ev ng:quote|ng:topic ?any "
                          "OPTIONAL { ?ev ng:quote ?q } OPTIONAL { ?ev ng:topic ?t } } GROUP BY ?ev"):
        event = fields.get(_value(s, "ev"))
        if event is not None:
            event.update(quote=_value(s, "quote"), topic=_value(s, "topic"))
    rows = [EventRow(id=event, **{**f, "participants": tuple(dict.fromkeys(f["participants"]))})
            for event, f in fields.items()]
    rows.sort(key=lambda row: (row.date or "9999", row.id))
    return tuple(rows)


def read_documents(store: ox.Store) -> dict[str, DocumentRow]:
    rows = {}
    for s in _rows(store, "SELECT ?doc (MIN(?i) AS ?id) (MIN(?t) AS ?title) (MIN(?d) AS ?date) (MIN(?u) AS ?url) "
                          "(MIN(?p) AS ?path) WHERE { ?doc a ng:Document OPTIONAL { ?doc dcterms:identifier ?i } "
                          "OPTIONAL { ?doc dcterms:title ?t } OPTIONAL { ?doc dcterms:issued ?d } "
                          "OPTIONAL { ?doc schema:url ?u } OPTIONAL { ?doc ng:sourcePath ?p } } GROUP BY ?doc"):
        key = _value(s, "id") or _value(s, "doc")
        rows[key] = DocumentRow(key, _value(s, "title"), _value(s, "date"), _value(s, "url"), _value(s, "path"))
    return dict(sorted(rows.items()))


def read_tables(store: ox.Store) -> Tables:
    return Tables(read_entities(store), read_events(store), read_documents(store))


EVENT_COLUMNS = ("id", "type", "date", "planned", "negated", "agent", "recipient", "participants",
                 "location", "sentence", "document")
ENTITY_COLUMNS = ("id", "type", "name", "aliases", "roles", "mentions")
LIST_SEPARATOR = "; "


class _CsvRows:
    """csv.writer that, when `guard` is on, neutralises cells a spreadsheet would run as formulas."""

    def __init__(self, guard: bool):
        self.buffer = io.StringIO()
        self.writer, self.guard = csv.writer(self.buffer, lineterminator="\n"), guard

    def writerow(self, cells) -> None:
        cells = [str(cell) for cell in cells]
        self.writer.writerow([spreadsheet_safe(cell) for cell in cells] if self.guard else cells)

    def text(self) -> str:
        return self.buffer.getvalue()


def events_csv(tables: Tables, *, guard: bool = True) -> str:
    """One row per event; entities by name, lists joined with '; '. `guard`: a cell starting with
    = + - @, tab or CR gets a leading ' (OWASP's advice against CSV injection)."""
    writer = _CsvRows(guard)
    writer.writerow(EVENT_COLUMNS)
    for e in tables.events:
        writer.writerow([e.id, e.type, e.date or "", str(e.planned).lower(), str(e.negated).lower(),
                         tables.name(e.agent), tables.name(e.recipient),
                         LIST_SEPARATOR.join(tables.name(p) for p in e.participants), tables.name(e.location),
                         e.sentence or "", e.document or ""])
    return writer.text()


def entities_csv(tables: Tables, *, guard: bool = True) -> str:
    writer = _CsvRows(guard)
    writer.writerow(ENTITY_COLUMNS)
    for e in tables.entities.values():
        writer.writerow([e.id, e.type, e.name, LIST_SEPARATOR.join(e.aliases), LIST_SEPARATOR.join(e.roles),
                         e.mentions])
    return writer.text()
