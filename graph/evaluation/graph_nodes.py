"""Reading entities and events back from the RDF graph, as the scorer sees them.

- events: a node whose rdf:type local name is an event type; its roles by schema:agent,
  schema:recipient and schema:participant; nodes with `ng:negated true` are not asserted, so skipped;
- entities: schema:Person / schema:Organization / schema:Place nodes, named by rdfs:label and
  skos:altLabel (and, with `groups`, ng:Group nodes, of kind "Group");
- dates: any xsd:date or xsd:dateTime literal on the event or one node away, except on the
  document node (its dcterms:issued is the publication day, not the event's) and on other events
  (a Statement that ng:reports a call does not carry the call's date).
"""
from __future__ import annotations

import datetime as dt
import itertools
import re
from dataclasses import dataclass

from rdflib import RDF, RDFS, XSD, Graph, Literal, URIRef
from rdflib.namespace import SKOS

from ..rdf.vocab import NG
from ..records import ENTITY_KINDS, GROUP
from .gold import event_types
from .scores import normalise_name

# Both schema.org namespaces occur in the wild; the graph is read by local name under either.
SCHEMA_NAMESPACES = ("https://schema.org/", "http://schema.org/")


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


def entity_nodes(graph: Graph, *, groups: bool = False) -> tuple[EntityNode, ...]:
    kinds_of: dict = {}
    for kind in ENTITY_KINDS:
        for ns in SCHEMA_NAMESPACES:
            for node in graph.subjects(RDF.type, URIRef(ns + kind)):
                kinds_of.setdefault(node, set()).add(kind)
    for node in graph.subjects(RDF.type, NG.Group) if groups else ():
        kinds_of.setdefault(node, set()).add(GROUP)
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
    locations: tuple[str, ...] = ()


def _as_date(literal: Literal) -> dt.date | None:
    if literal.datatype not in (XSD.date, XSD.dateTime):
        return None
    try:
        return dt.date.fromisoformat(str(literal)[:10])
    except ValueError:
        return None


def event_dates(graph: Graph, event) -> frozenset[dt.date]:
    """xsd:date / xsd:dateTime literals on the event or on a node one step away (see module doc)."""
    excluded = {"Document", *event_types()}
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
        if kind not in event_types() or any(o.toPython() is True for o in graph.objects(node, NG.negated)):
            continue
        ids = {name: tuple(sorted(str(o) for o in _schema_objects(graph, node, name)))
               for name in ("agent", "recipient", "participant", "location")}
        planned = any(o.toPython() is True for o in graph.objects(node, NG.planned))
        events.append(EventNode(str(node), kind, ids["agent"], ids["recipient"], ids["participant"],
                                event_dates(graph, node), planned, ids["location"]))
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
