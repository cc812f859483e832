"""Scores the pipeline against gold `*.gold.jsonl` files, as /work/shared/eval/README.md specifies.

Scoring reads the RDF graph, not the records, so it checks what users get:
- events: a node whose rdf:type local name is an event type; its roles by schema:agent,
  schema:recipient and schema:participant; nodes with `ng:negated true` are not asserted, so skipped;
- entities: schema:Person / schema:Organization / schema:Place nodes, named by rdfs:label and
  skos:altLabel; names compare with case, punctuation and a leading "the" ignored;
- dates: any xsd:date or xsd:dateTime literal on the event or one node away, except on the
  document node (its dcterms:issued is the publication day, not the event's) and on other events
  (a Statement that ng:reports a call does not carry the call's date).

Counts are set-based per document and micro-averaged: true and false positives and misses are
summed over documents before dividing.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from rdflib import RDF, RDFS, XSD, Graph, Literal, URIRef
from rdflib.namespace import SKOS

from .ingest import InputError, document_from_text, json_lines, parse_date
from .records import ENTITY_KINDS, Document
from .vocab import NG

SYMMETRIC_EVENTS = ("PhoneCall", "Meeting", "Agreement")
DIRECTED_EVENTS = ("Congratulation", "Invitation", "Praise", "Criticism", "Concession", "Visit")
UNARY_EVENTS = ("Statement", "Victory")
EVENT_TYPES = SYMMETRIC_EVENTS + DIRECTED_EVENTS + UNARY_EVENTS

# Both schema.org namespaces occur in the wild; the graph is read by local name under either.
SCHEMA_NAMESPACES = ("https://schema.org/", "http://schema.org/")


# ---------------------------------------------------------------- names

def normalise_name(name: str) -> str:
    """The form names are compared in: case, punctuation, a final possessive and a leading "the" ignored.

    Dots and apostrophes vanish ("U.S." = "US"), other punctuation separates words
    ("Irving , Texas" = "Irving, Texas", "Al - Maeena" = "Al-Maeena").
    """
    text = unicodedata.normalize("NFKC", name).casefold().strip()
    text = re.sub(r"\s*['’]s?$", "", text)
    text = re.sub(r"[.'’]", "", text)
    text = " ".join(re.sub(r"[\W_]+", " ", text).split())
    return text[4:] if text.startswith("the ") else text


# ---------------------------------------------------------------- scores

@dataclass(frozen=True)
class Score:
    """True positives, false positives and misses; precision, recall and F1 derive from them."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __add__(self, other: Score) -> Score:
        return Score(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        if p is None or r is None:
            return None
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn,
                "precision": _round(self.precision), "recall": _round(self.recall), "f1": _round(self.f1)}

    def summary(self) -> str:
        return f"P={fmt(self.precision)} R={fmt(self.recall)} F1={fmt(self.f1)}"


@dataclass(frozen=True)
class Ratio:
    """`hits` out of `total` (an accuracy, or nodes per entity)."""

    hits: int = 0
    total: int = 0

    def __add__(self, other: Ratio) -> Ratio:
        return Ratio(self.hits + other.hits, self.total + other.total)

    @property
    def value(self) -> float | None:
        return self.hits / self.total if self.total else None

    def as_dict(self) -> dict:
        return {"hits": self.hits, "total": self.total, "value": _round(self.value)}

    def summary(self) -> str:
        return f"{fmt(self.value)} ({self.hits}/{self.total})"


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def fmt(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.2f}"


def sum_scores(scores: Iterable, start):
    total = start
    for score in scores:
        total = total + score
    return total


# ---------------------------------------------------------------- gold

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
    if event_type in SYMMETRIC_EVENTS:
        return ((frozenset([*agents, *recipients, *participants]),),)
    if event_type in DIRECTED_EVENTS:
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
    if not isinstance(raw, dict) or raw.get("type") not in EVENT_TYPES:
        kind = raw.get("type") if isinstance(raw, dict) else raw
        raise InputError(f"{place}: unknown event type {kind!r} (use one of {', '.join(EVENT_TYPES)})")
    roles = {field: _ids(raw.get(field), field, place) for field in ("agent", "recipient", "participants")}
    missing = [i for ids in roles.values() for i in ids if i not in known]
    if missing:
        raise InputError(f"{place}: event {raw['type']} names unknown entity '{missing[0]}'")
    keys = event_key(raw["type"], roles["agent"], roles["recipient"], roles["participants"])
    if len(keys) != 1:
        raise InputError(f"{place}: event {raw['type']} needs exactly one agent (and one recipient if directed)")
    date = parse_date(str(raw["date"]), place) if raw.get("date") else None
    return GoldEvent(raw["type"], keys[0], date, bool(raw.get("planned", False)))


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


# ---------------------------------------------------------------- reading the graph

def local_name(iri) -> str:
    return re.split(r"[#/]", str(iri))[-1]


def _schema_objects(graph: Graph, subject, name: str) -> list:
    return [o for ns in SCHEMA_NAMESPACES for o in graph.objects(subject, URIRef(ns + name))]


@dataclass(frozen=True)
class EntityNode:
    """A Person / Organization / Place node of the graph."""

    iri: str
    label: str
    kinds: frozenset[str]
    names: frozenset[str]  # normalised rdfs:label and skos:altLabel


def entity_nodes(graph: Graph) -> tuple[EntityNode, ...]:
    kinds_of: dict = {}
    for kind in ENTITY_KINDS:
        for ns in SCHEMA_NAMESPACES:
            for node in graph.subjects(RDF.type, URIRef(ns + kind)):
                kinds_of.setdefault(node, set()).add(kind)
    nodes = []
    for node, kinds in sorted(kinds_of.items()):
        labels = [str(o) for o in graph.objects(node, RDFS.label)]
        names = labels + [str(o) for o in graph.objects(node, SKOS.altLabel)]
        label = min(labels) if labels else local_name(node)
        nodes.append(EntityNode(str(node), label, frozenset(kinds),
                                frozenset(normalise_name(n) for n in names) - {""}))
    return tuple(nodes)


@dataclass(frozen=True)
class EventNode:
    iri: str
    type: str
    agents: tuple[str, ...]
    recipients: tuple[str, ...]
    participants: tuple[str, ...]
    dates: frozenset[dt.date]
    planned: bool


def _as_date(literal: Literal) -> dt.date | None:
    if literal.datatype not in (XSD.date, XSD.dateTime):
        return None
    try:
        return dt.date.fromisoformat(str(literal)[:10])
    except ValueError:
        return None


def event_dates(graph: Graph, event) -> frozenset[dt.date]:
    """xsd:date / xsd:dateTime literals on the event or on a node one step away (see module doc)."""
    excluded = {"Document", *EVENT_TYPES}
    near = [event]
    for neighbour in itertools.chain(graph.objects(event), graph.subjects(None, event)):
        if isinstance(neighbour, Literal) or neighbour == event:
            continue
        if not excluded & {local_name(t) for t in graph.objects(neighbour, RDF.type)}:
            near.append(neighbour)
    dates = {_as_date(o) for node in near for o in graph.objects(node) if isinstance(o, Literal)}
    return frozenset(d for d in dates if d)


def event_nodes(graph: Graph) -> tuple[EventNode, ...]:
    """Asserted events: typed with an event class, not `ng:negated true`."""
    events = []
    for node, cls in graph.subject_objects(RDF.type):
        kind = local_name(cls)
        if kind not in EVENT_TYPES or any(o.toPython() is True for o in graph.objects(node, NG.negated)):
            continue
        ids = lambda name: tuple(sorted(str(o) for o in _schema_objects(graph, node, name)))  # noqa: E731
        planned = any(o.toPython() is True for o in graph.objects(node, NG.planned))
        events.append(EventNode(str(node), kind, ids("agent"), ids("recipient"), ids("participant"),
                                event_dates(graph, node), planned))
    return tuple(sorted(events, key=lambda e: e.iri))


def literals_near(graph: Graph, node: URIRef) -> set[str]:
    """Normalised literals within two hops out of `node`, or on a node that points at it."""
    found, frontier = set(), [node]
    for _ in range(2):
        following = []
        for current in frontier:
            for value in graph.objects(current):
                (found.add(normalise_name(str(value))) if isinstance(value, Literal) else following.append(value))
        frontier = following
    for pointer in graph.subjects(None, node):
        found.update(normalise_name(str(v)) for v in graph.objects(pointer) if isinstance(v, Literal))
    return found


# ---------------------------------------------------------------- scoring one document

@dataclass(frozen=True)
class DocumentScore:
    """The scores of one document and, for --verbose, what was missed or wrongly found."""

    id: str
    events: Score
    events_by_type: tuple[tuple[str, Score], ...]
    entities: Score
    nodes_per_entity: Ratio  # matched nodes / distinct gold entities they match
    roles: Ratio
    dates: Ratio
    planned: Ratio
    aliases: Ratio = Ratio()  # gold names and aliases of found entities present on their node
    missed_events: tuple[str, ...] = ()
    false_positive_events: tuple[str, ...] = ()
    missed_entities: tuple[str, ...] = ()
    false_positive_entities: tuple[str, ...] = ()
    split_entities: tuple[str, ...] = ()
    missed_roles: tuple[str, ...] = ()
    wrong_dates: tuple[str, ...] = ()
    missed_aliases: tuple[str, ...] = ()

    def details(self) -> dict[str, tuple[str, ...]]:
        return {name: getattr(self, name) for name in DETAIL_LABELS}


# The per-document lists, and how the text report labels one item of each.
DETAIL_LABELS = {"missed_events": "missed event", "false_positive_events": "false positive event",
                 "missed_entities": "missed entity", "false_positive_entities": "false positive entity",
                 "split_entities": "split entity", "missed_roles": "missed role", "wrong_dates": "wrong date",
                 "missed_aliases": "missed alias"}


class _Resolver:
    """Maps graph nodes to gold entity ids.

    For events a node stands for one gold entity: the one its rdfs:label names, else the first
    (required before optional) that one of its alt labels names. Nodes naming none keep their label
    in angle brackets, so they never match a gold key yet read well in a report.
    """

    def __init__(self, record: GoldRecord, nodes: tuple[EntityNode, ...]):
        gold = record.entities + record.optional_entities
        self.names = {e.id: e.name for e in gold}
        self.by_iri = {}
        for node in nodes:
            label = normalise_name(node.label)
            chosen = next((e.id for e in gold if label in e.names), None) or \
                next((e.id for e in gold if e.names & node.names), None)
            self.by_iri[node.iri] = chosen or f"<{node.label}>"

    def __call__(self, iri: str) -> str:
        return self.by_iri.get(iri, f"<{local_name(iri)}>")

    def describe(self, event_type: str, key: tuple) -> str:
        name = lambda i: self.names.get(i, i)  # noqa: E731
        if event_type in SYMMETRIC_EVENTS:
            return f"{event_type}({', '.join(sorted(name(i) for i in key[0]))})"
        if event_type in DIRECTED_EVENTS:
            return f"{event_type}({name(key[0])} -> {name(key[1])})"
        return f"{event_type}({name(key[0])})"


def _matches(node: EntityNode, entity: GoldEntity) -> bool:
    return bool(node.names & entity.names) and bool(node.kinds & entity.kinds)


def _score_entities(record: GoldRecord, nodes: tuple[EntityNode, ...]):
    required = {e.id for e in record.entities}
    matched: dict[str, set[str]] = {}  # gold id -> node iris
    false_positives = []
    for node in nodes:
        hits = [e.id for e in record.entities + record.optional_entities if _matches(node, e)]
        for entity_id in hits:
            matched.setdefault(entity_id, set()).add(node.iri)
        if not hits:
            false_positives.append(f"{node.label} ({'/'.join(sorted(node.kinds))})")
    found = required & matched.keys()
    missed = [e.name for e in record.entities if e.id not in found]
    score = Score(len(found), len(false_positives), len(missed))
    required_nodes = set().union(*(matched[i] for i in found)) if found else set()
    split = [f"{record.entity(i).name}: {len(matched[i])} nodes" for i in sorted(found) if len(matched[i]) > 1]
    return score, Ratio(len(required_nodes), len(found)), matched, missed, false_positives, split


def score_document(graph: Graph, record: GoldRecord) -> DocumentScore:
    """Score one document's RDF graph against its gold record (no model needed)."""
    nodes = entity_nodes(graph)
    resolve = _Resolver(record, nodes)
    extracted: dict[tuple[str, tuple], list[EventNode]] = {}
    for event in event_nodes(graph):
        agents, recipients, participants = (tuple(map(resolve, ids)) for ids in
                                            (event.agents, event.recipients, event.participants))
        for key in event_key(event.type, agents, recipients, participants):
            extracted.setdefault((event.type, key), []).append(event)
    gold = {(e.type, e.key): e for e in record.events}
    optional = {(e.type, e.key) for e in record.optional_events}

    by_type = []
    for event_type in EVENT_TYPES:
        found = {k for k in extracted if k[0] == event_type}
        wanted = {k for k in gold if k[0] == event_type}
        extra = found - wanted - optional
        if found or wanted:
            by_type.append((event_type, Score(len(found & wanted), len(extra), len(wanted - found))))

    dates, planned, wrong_dates = Ratio(), Ratio(), []
    for key, event in gold.items():
        matches = extracted.get(key, [])
        if matches:
            planned += Ratio(int(any(m.planned == event.planned for m in matches)), 1)
        if event.date:
            hit = any(event.date in m.dates for m in matches)
            dates += Ratio(int(hit), 1)
            if matches and not hit:
                carried = sorted({d.isoformat() for m in matches for d in m.dates}) or ["no date"]
                wrong_dates.append(f"{resolve.describe(*key)}: {', '.join(carried)}, gold {event.date}")

    roles, missed_roles = Ratio(), []
    entity_score, per_entity, matched, missed_entities, fp_entities, split = _score_entities(record, nodes)
    for role in record.roles:
        near = set().union(*(literals_near(graph, URIRef(i)) for i in matched.get(role.entity, ())))
        hit = normalise_name(role.title) in near
        roles += Ratio(int(hit), 1)
        if not hit:
            missed_roles.append(f"{record.entity(role.entity).name}: {role.title}")

    aliases, missed_aliases = Ratio(), []
    names_of = {node.iri: node.names for node in nodes}
    for entity in record.entities:
        on_nodes = set().union(*(names_of[i] for i in matched.get(entity.id, ())))
        if on_nodes:  # only entities that were found: a missed entity is counted once, above
            missing = sorted(entity.names - on_nodes)
            aliases += Ratio(len(entity.names) - len(missing), len(entity.names))
            missed_aliases += [f"{entity.name}: {name}" for name in missing]

    return DocumentScore(
        id=record.id, events=sum_scores((s for _, s in by_type), Score()), events_by_type=tuple(by_type),
        entities=entity_score, nodes_per_entity=per_entity, roles=roles, dates=dates, planned=planned,
        aliases=aliases, missed_aliases=tuple(missed_aliases),
        missed_events=tuple(resolve.describe(*k) for k in gold if k not in extracted),
        false_positive_events=tuple(resolve.describe(*k) for k in extracted if k not in gold and k not in optional),
        missed_entities=tuple(missed_entities), false_positive_entities=tuple(fp_entities),
        split_entities=tuple(split), missed_roles=tuple(missed_roles), wrong_dates=tuple(wrong_dates))


# ---------------------------------------------------------------- the report

@dataclass(frozen=True)
class Report:
    """Scores of every document of a gold file, micro-averaged."""

    documents: tuple[DocumentScore, ...]

    def _total(self, field: str, start):
        return sum_scores((getattr(d, field) for d in self.documents), start)

    @property
    def events(self) -> Score:
        return self._total("events", Score())

    @property
    def entities(self) -> Score:
        return self._total("entities", Score())

    @property
    def nodes_per_entity(self) -> Ratio:
        return self._total("nodes_per_entity", Ratio())

    @property
    def roles(self) -> Ratio:
        return self._total("roles", Ratio())

    @property
    def dates(self) -> Ratio:
        return self._total("dates", Ratio())

    @property
    def planned(self) -> Ratio:
        return self._total("planned", Ratio())

    @property
    def aliases(self) -> Ratio:
        return self._total("aliases", Ratio())

    @property
    def events_by_type(self) -> dict[str, Score]:
        totals: dict[str, Score] = {}
        for document in self.documents:
            for event_type, score in document.events_by_type:
                totals[event_type] = totals.get(event_type, Score()) + score
        return {t: totals[t] for t in EVENT_TYPES if t in totals}

    def as_dict(self, verbose: bool = False) -> dict:
        result = {
            "documents": len(self.documents),
            "events": self.events.as_dict(),
            "events_by_type": {t: s.as_dict() for t, s in self.events_by_type.items()},
            "entities": self.entities.as_dict(),
            "nodes_per_entity": _round(self.nodes_per_entity.value),
            "roles": self.roles.as_dict(), "dates": self.dates.as_dict(), "planned": self.planned.as_dict(),
            "aliases": self.aliases.as_dict(),
        }
        if verbose:
            result["per_document"] = [
                {"id": d.id, "events": d.events.as_dict(), "entities": d.entities.as_dict(),
                 **{name: list(items) for name, items in d.details().items()}} for d in self.documents]
        return result


def score_table(heading: str, scores: dict[str, Score]) -> list[str]:
    """One aligned line per name: counts, then P, R and F1."""
    lines = [f"{heading:16} {'tp':>3} {'fp':>3} {'fn':>3}  P     R     F1"]
    for name, score in scores.items():
        lines.append(f"{name:16} {score.tp:3} {score.fp:3} {score.fn:3}  "
                     f"{fmt(score.precision):5} {fmt(score.recall):5} {fmt(score.f1)}")
    return lines


def format_report(report: Report, verbose: bool = False) -> str:
    """A compact text report; its last three lines are the headline figures."""
    lines = []
    for document in report.documents:
        lines.append(f"{document.id}: events {document.events.summary()}  entities {document.entities.summary()}")
        if verbose:
            for name, items in document.details().items():
                for item in items:
                    lines.append(f"  {DETAIL_LABELS[name]}: {item}")
    lines += score_table("event type", report.events_by_type)
    lines.append(f"events {report.events.summary()}")
    lines.append(f"entities {report.entities.summary()} nodes/entity={fmt(report.nodes_per_entity.value)} "
                 f"aliases {report.aliases.summary()}")
    lines.append(f"dates {report.dates.summary()}  roles {report.roles.summary()}  planned {report.planned.summary()}")
    return "\n".join(lines)


def score_records(records: list[GoldRecord], model: str | None = None) -> Iterator[DocumentScore]:
    """Extract each gold article (one model load) and score its graph."""
    documents = [gold_document(record) for record in records]  # a missing text fails before the model loads
    from .pipeline import extract
    from .rdfmap import to_rdf

    for record, result in zip(records, extract(documents, model=model)):
        yield score_document(to_rdf([result]), record)


def evaluate_gold(gold: str | Path, model: str | None = None) -> Report:
    """Run the pipeline on every article of a gold file and score it."""
    return Report(tuple(score_records(read_gold(gold), model=model)))
