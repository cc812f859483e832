"""The two views every drawing offers, computed once for the page, the pictures and the report.

- The actor network answers "who did what to whom": entities are nodes; the events between two of
  them become one edge per pair, type and modality, counted ("3 phone calls"), pointing from the
  agent when there is one. Statements, and any event that joins no pair (a victory over nobody
  named, the place where something happened), fold into the node of their entity instead of
  being drawn: the node counts them and lists them on demand.
- The full view draws every event as a node, its roles as edges from the agent into the event and
  from the event out to the others.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, replace

import networkx as nx

from ..rdf.palette import Palette
from .networks import ACTOR, FULL, actor_pairs, event_roles
from .tables import EventRow, Tables

FOLDED_TYPES = frozenset({"Statement"})  # drawn into their speaker, never as an edge


@dataclass(frozen=True)
class ActorEdge:
    source: str  # the agent when `directed`, else the first of the pair in id order
    target: str
    type: str
    directed: bool
    planned: bool
    negated: bool
    events: tuple[str, ...]  # ids, in the tables' order (by date)


def count_label(palette: Palette, event_type: str, count: int, planned: bool = False, negated: bool = False) -> str:
    """'3 phone calls', '1 planned meeting', '2 visits (did not happen)'."""
    style = palette.event(event_type)
    noun = style.label.lower() if count == 1 else style.plural
    return f"{count:,} {'planned ' if planned else ''}{noun}{' (did not happen)' if negated else ''}"


def actor_edges(tables: Tables) -> list[ActorEdge]:
    groups: dict[tuple, list[str]] = defaultdict(list)
    for event in tables.events:
        if event.type in FOLDED_TYPES:
            continue
        for source, target in actor_pairs(event):
            directed = event.agent is not None
            if not directed:
                source, target = sorted((source, target))
            groups[(source, target, event.type, directed, event.planned, event.negated)].append(event.id)
    return [ActorEdge(*key, events=tuple(ids)) for key, ids in groups.items()]


def folded_events(tables: Tables) -> dict[str, list[str]]:
    """Entity id → the events it takes part in that no actor edge of it shows."""
    folded: dict[str, list[str]] = defaultdict(list)
    for event in tables.events:
        paired = set() if event.type in FOLDED_TYPES else {e for pair in actor_pairs(event) for e in pair}
        for entity in dict.fromkeys(entity for _, entity in event_roles(event)):
            if entity not in paired:
                folded[entity].append(event.id)
    return dict(folded)


def pair_summary(palette: Palette, edges: list[ActorEdge]) -> str:
    """'3 phone calls, 2 congratulations': the events between one pair whichever way they went, most
    frequent first."""
    counts = Counter()
    for edge in edges:
        counts[(edge.type, edge.planned, edge.negated)] += len(edge.events)
    ordered = sorted(counts, key=lambda key: (-counts[key], palette.event(key[0]).label, key[1], key[2]))
    return ", ".join(count_label(palette, t, counts[(t, planned, negated)], planned, negated)
                     for t, planned, negated in ordered)


def communities(entities: list[str], edges: list[ActorEdge]) -> dict[str, int]:
    """Entity id → community number (0 the largest), by Louvain modularity on the actor network,
    so that the layout can pull each community together and push communities apart."""
    graph = nx.Graph()
    graph.add_nodes_from(entities)
    for edge in edges:
        if not edge.negated and edge.source != edge.target:
            weight = graph.get_edge_data(edge.source, edge.target, {"weight": 0})["weight"]
            graph.add_edge(edge.source, edge.target, weight=weight + len(edge.events))
    groups = nx.community.louvain_communities(graph, weight="weight", seed=1) if graph.number_of_edges() else []
    found = sorted((sorted(group) for group in groups if len(group) > 1), key=lambda g: (-len(g), g[0]))
    number = {entity: index for index, group in enumerate(found) for entity in group}
    singletons = (entity for entity in entities if entity not in number)
    return {**number, **{entity: len(found) + i for i, entity in enumerate(singletons)}}


def hubs(degree: dict[str, int], names: dict[str, str]) -> list[str]:
    """The most connected entities, whose labels every zoom level shows: 20, or one in 25 of a large
    graph (80 at most), and never one without a partner."""
    count = min(80, max(20, len(degree) // 25))
    ranked = sorted((k for k, d in degree.items() if d > 0), key=lambda k: (-degree[k], names.get(k, k)))
    return ranked[:count]


def involved(tables: Tables) -> Tables:
    """Only the entities some event involves (a picture of every mentioned name is a cloud of dots)."""
    used = {entity for event in tables.events for _, entity in event_roles(event)}
    return replace(tables, entities={k: v for k, v in tables.entities.items() if k in used})


def without_negated(tables: Tables) -> Tables:
    return replace(tables, events=tuple(e for e in tables.events if not e.negated))


def view_size(tables: Tables, projection: str) -> int:
    """Nodes a view of these tables draws: every involved entity, and the events in the full view."""
    entities = {entity for event in tables.events for _, entity in event_roles(event)}
    return len(entities) + (len(tables.events) if projection == FULL else 0)


def limit(tables: Tables, max_nodes: int, projection: str) -> Tables:
    """At most `max_nodes` nodes: the most active entities and the events among them.
    A browser stays responsive at a few thousand nodes; a whole archive would not be."""
    tables = involved(tables)
    if view_size(tables, projection) <= max_nodes:
        return tables
    activity = Counter(entity for event in tables.events for _, entity in event_roles(event))
    ranked = sorted(tables.entities, key=lambda k: (-activity[k], tables.entities[k].name))

    def top(k: int) -> Tables:
        kept = set(ranked[:k])
        events = tuple(e for e in tables.events if {entity for _, entity in event_roles(e)} <= kept)
        return involved(replace(tables, entities={key: tables.entities[key] for key in ranked[:k]}, events=events))

    low, high = 0, len(ranked)  # the largest k whose drawing fits: view_size(top(k)) grows with k
    while low < high:
        middle = (low + high + 1) // 2
        low, high = (middle, high) if view_size(top(middle), projection) <= max_nodes else (low, middle - 1)
    return top(low)


def actor_degree(entities: list[str], edges: list[ActorEdge]) -> dict[str, int]:
    """Distinct partners of each entity in the actor network."""
    partners: dict[str, set[str]] = {entity: set() for entity in entities}
    for edge in edges:
        if edge.source != edge.target:
            partners.setdefault(edge.source, set()).add(edge.target)
            partners.setdefault(edge.target, set()).add(edge.source)
    return {entity: len(others) for entity, others in partners.items()}


def full_degree(events: tuple[EventRow, ...]) -> dict[str, int]:
    """Events each entity takes part in (its role edges in the full view)."""
    return Counter(entity for event in events for entity in dict.fromkeys(e for _, e in event_roles(event)))


PROJECTIONS = (ACTOR, FULL)
