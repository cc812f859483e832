"""Scores one document's RDF graph against its gold record (no model needed).

Counts are set-based per document: an extracted event counts when its type and key match a gold
event, each entity matched by its canonical name or any alias; optional gold items are neutral.
"""
from __future__ import annotations

from dataclasses import dataclass

from rdflib import Graph, URIRef

from ..lexicon import DIRECTED, SYMMETRIC
from .gold import GoldEntity, GoldRecord, event_key, event_types, role_pattern
from .graph_nodes import EntityNode, EventNode, entity_nodes, event_nodes, literals_near, local_name
from .links import score_links
from .scores import Ratio, Score, normalise_name, sum_scores


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
    places: Ratio = Ratio()  # located gold events that were found: those found at their place
    aliases: Ratio = Ratio()  # gold names and aliases of found entities present on their node
    typed: Ratio = Ratio()  # gold entities named by a node: those whose node has their kind
    links: Ratio = Ratio()  # place links to the listed GeoNames feature, over the links made
    link_coverage: Ratio = Ratio()  # listed GeoNames features linked right, over those listed
    missed_events: tuple[str, ...] = ()
    false_positive_events: tuple[str, ...] = ()
    missed_entities: tuple[str, ...] = ()
    false_positive_entities: tuple[str, ...] = ()
    split_entities: tuple[str, ...] = ()
    missed_roles: tuple[str, ...] = ()
    wrong_dates: tuple[str, ...] = ()
    wrong_places: tuple[str, ...] = ()
    missed_aliases: tuple[str, ...] = ()
    wrong_kinds: tuple[str, ...] = ()
    wrong_links: tuple[str, ...] = ()

    def details(self) -> dict[str, tuple[str, ...]]:
        return {name: getattr(self, name) for name in DETAIL_LABELS}


# The per-document lists, and how the text report labels one item of each.
DETAIL_LABELS = {"missed_events": "missed event", "false_positive_events": "false positive event",
                 "missed_entities": "missed entity", "false_positive_entities": "false positive entity",
                 "split_entities": "split entity", "missed_roles": "missed role", "wrong_dates": "wrong date",
                 "wrong_places": "wrong place",
                 "missed_aliases": "missed alias", "wrong_kinds": "wrong kind", "wrong_links": "wrong place link"}


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
        pattern = role_pattern(event_type)
        if pattern == SYMMETRIC:
            return f"{event_type}({', '.join(sorted(name(i) for i in key[0]))})"
        if pattern == DIRECTED:
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


def _typed(record: GoldRecord, nodes: tuple[EntityNode, ...]) -> tuple[Ratio, list[str]]:
    """Of the gold entities some node names, those whose node has their kind."""
    typed, wrong = Ratio(), []
    for entity in record.entities:
        named = [n for n in nodes if n.names & entity.names]
        if named:
            right = any(n.kinds & entity.kinds for n in named)
            typed += Ratio(int(right), 1)
            if not right:
                wrong.append(f"{entity.name}: {'/'.join(sorted(entity.kinds))}, found as "
                             f"{'/'.join(sorted({k for n in named for k in n.kinds}))}")
    return typed, wrong


def score_document(graph: Graph, record: GoldRecord, links: dict[str, int | None] | None = None) -> DocumentScore:
    """Score one document's RDF graph against its gold record (no model needed); `links`, the listed
    GeoNames id of each place name (see links.py), scores place links too."""
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
    for event_type in event_types():
        found = {k for k in extracted if k[0] == event_type}
        wanted = {k for k in gold if k[0] == event_type}
        extra = found - wanted - optional
        if found or wanted:
            by_type.append((event_type, Score(len(found & wanted), len(extra), len(wanted - found))))

    dates, planned, wrong_dates, places, wrong_places = Ratio(), Ratio(), [], Ratio(), []
    for key, event in gold.items():
        matches = extracted.get(key, [])
        if matches:
            planned += Ratio(int(any(m.planned == event.planned for m in matches)), 1)
        if event.date and matches:  # over dated gold events that were found, as ../shared/eval/README.md says
            hit = any(event.date in m.dates for m in matches)
            dates += Ratio(int(hit), 1)
            if not hit:
                carried = sorted({d.isoformat() for m in matches for d in m.dates}) or ["no date"]
                wrong_dates.append(f"{resolve.describe(*key)}: {', '.join(carried)}, gold {event.date}")
        if event.location and matches:  # as dates: over located gold events that were found
            found_at = {resolve(iri) for m in matches for iri in m.locations}
            places += Ratio(int(event.location in found_at), 1)
            if event.location not in found_at:
                carried = sorted(resolve.names.get(i, i) for i in found_at) or ["no place"]
                gold_place = resolve.names.get(event.location, event.location)
                wrong_places.append(f"{resolve.describe(*key)}: {', '.join(carried)}, gold {gold_place}")

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

    typed, wrong_kinds = _typed(record, nodes)
    link_precision, link_coverage, wrong_links = score_links(graph, nodes, links) if links else (Ratio(), Ratio(), [])
    return DocumentScore(
        typed=typed, wrong_kinds=tuple(wrong_kinds), links=link_precision, link_coverage=link_coverage,
        wrong_links=tuple(wrong_links),
        id=record.id, events=sum_scores((s for _, s in by_type), Score()), events_by_type=tuple(by_type),
        entities=entity_score, nodes_per_entity=per_entity, roles=roles, dates=dates, planned=planned, places=places,
        wrong_places=tuple(wrong_places),
        aliases=aliases, missed_aliases=tuple(missed_aliases),
        missed_events=tuple(resolve.describe(*k) for k in gold if k not in extracted),
        false_positive_events=tuple(resolve.describe(*k) for k in extracted if k not in gold and k not in optional),
        missed_entities=tuple(missed_entities), false_positive_entities=tuple(fp_entities),
        split_entities=tuple(split), missed_roles=tuple(missed_roles), wrong_dates=tuple(wrong_dates))
