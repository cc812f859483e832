"""networkx projections of the graph, for GraphML, GEXF and Cytoscape.js exports and for drawing.

- actor graph: entities are nodes; each event is one edge from its agent to every other entity
  taking part (between every pair when it has no agent), labelled with its type and date.
- full graph: entities and events are nodes; an edge leads from each event to each entity it
  involves, labelled with the role (agent, recipient, participant, location, opponent).
Attributes are plain strings, numbers and booleans (GraphML and GEXF have no null), and a missing
value is left out rather than written as "None".
"""
from __future__ import annotations

import difflib
import itertools
import json
from dataclasses import replace

import networkx as nx

from .files import ExportError
from .safe_text import xml_safe
from .tables import EntityRow, EventRow, Tables

ACTOR, FULL = "actor", "full"
PROJECTIONS = (ACTOR, FULL)


class FocusError(ExportError):
    """No entity matches the name given to --focus; the message is one line for the user."""


def event_label(event: EventRow) -> str:
    planned = " (planned)" if event.planned else ""
    negated = "not " if event.negated else ""
    return f"{negated}{event.type}{planned}" + (f" {event.date}" if event.date else "")


def _attributes(**values) -> dict:
    return {key: value for key, value in values.items() if value is not None and value != ""}


def entity_attributes(row: EntityRow) -> dict:
    return _attributes(label=row.name, kind="entity", type=row.type, aliases="; ".join(row.aliases),
                       roles="; ".join(row.roles), mentions=row.mentions)


def event_attributes(row: EventRow) -> dict:
    return _attributes(label=event_label(row), kind="event", type=row.type, date=row.date, planned=row.planned,
                       negated=row.negated, sentence=row.sentence, document=row.document, event=row.id)


def actor_pairs(event: EventRow) -> list[tuple[str, str]]:
    """The (source, target) entity pairs an event joins in the actor graph."""
    ids = event.entity_ids()
    if event.agent:
        return [(event.agent, other) for other in ids[1:]]
    return list(itertools.combinations(ids, 2))


def actor_graph(tables: Tables) -> nx.MultiDiGraph:
    graph = nx.MultiDiGraph(projection=ACTOR)
    for row in tables.entities.values():
        graph.add_node(row.id, **entity_attributes(row))
    for event in tables.events:
        for index, (source, target) in enumerate(actor_pairs(event)):
            for node in (source, target):  # an entity the graph names but never types
                if node not in graph:
                    graph.add_node(node, label=tables.name(node), kind="entity", type="Thing")
            key = event.id if index == 0 else f"{event.id}/{index}"
            graph.add_edge(source, target, key=key, **event_attributes(event))
    return graph


def event_roles(event: EventRow) -> list[tuple[str, str]]:
    """(role, entity id) for each entity an event involves, in a fixed order."""
    roles = [("agent", event.agent), ("recipient", event.recipient)]
    roles += [("participant", p) for p in event.participants]
    roles += [("location", event.location), ("opponent", event.opponent)]
    return [(role, entity) for role, entity in roles if entity]


def full_graph(tables: Tables) -> nx.MultiDiGraph:
    graph = nx.MultiDiGraph(projection=FULL)
    for row in tables.entities.values():
        graph.add_node(row.id, **entity_attributes(row))
    for event in tables.events:
        graph.add_node(event.id, **event_attributes(event))
        for role, entity in event_roles(event):
            if entity not in graph:
                graph.add_node(entity, label=tables.name(entity), kind="entity", type="Thing")
            graph.add_edge(event.id, entity, key=role, label=role, role=role)
    return graph


def project(tables: Tables, projection: str) -> nx.MultiDiGraph:
    if projection not in PROJECTIONS:
        raise ValueError(f"unknown projection {projection!r} (known: {', '.join(PROJECTIONS)})")
    return actor_graph(tables) if projection == ACTOR else full_graph(tables)


def xml_safe_graph(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy whose strings (ids, keys, attributes) hold no character XML 1.0 forbids (U+FFFD instead):
    networkx would write them as they are, and no XML parser reads the file back."""
    def clean(value):
        return xml_safe(value) if isinstance(value, str) else value

    def attributes(data: dict) -> dict:
        return {clean(key): clean(value) for key, value in data.items()}
    copy = nx.MultiDiGraph(**attributes(graph.graph))
    copy.add_nodes_from((clean(node), attributes(data)) for node, data in graph.nodes(data=True))
    copy.add_edges_from((clean(source), clean(target), clean(key), attributes(data))
                        for source, target, key, data in graph.edges(keys=True, data=True))
    return copy


def write_network(graph: nx.MultiDiGraph, stream, network_format: str) -> None:
    """GraphML, GEXF or Cytoscape.js JSON of a projection to a binary stream."""
    if network_format == "graphml":
        nx.write_graphml(xml_safe_graph(graph), stream, encoding="utf-8")
    elif network_format == "gexf":
        nx.write_gexf(xml_safe_graph(graph), stream, encoding="utf-8")
    elif network_format == "cytoscape":
        data = nx.cytoscape_data(graph, name="label")
        stream.write(json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8"))
    else:
        raise ValueError(f"unknown network format {network_format!r}")


def matching_entities(tables: Tables, name: str) -> list[str]:
    """Ids of the entities whose name or an alias is `name`, ignoring case."""
    wanted = name.casefold().strip()
    return [row.id for row in tables.entities.values()
            if wanted in {n.casefold() for n in (row.name, *row.aliases)}]


def neighbourhood(tables: Tables, name: str, radius: int = 1) -> Tables:
    """The entities matching `name`, the events they take part in (or happen at), and those events'
    other entities; `radius` repeats the step from the entities reached."""
    reached = set(matching_entities(tables, name))
    if not reached:
        names = [n for row in tables.entities.values() for n in (row.name, *row.aliases)]
        close = difflib.get_close_matches(name, names, n=3, cutoff=0.6)
        hint = f"; did you mean {', '.join(repr(c) for c in close)}?" if close else ""
        raise FocusError(f"no entity is named {name!r}{hint}")
    events: dict[str, EventRow] = {}
    for _ in range(max(radius, 1)):
        step = [e for e in tables.events if reached & {*e.entity_ids(), e.location}]
        events.update((e.id, e) for e in step)
        reached |= {entity for e in step for _, entity in event_roles(e)}
    entities = {key: row for key, row in tables.entities.items() if key in reached}
    return replace(tables, entities=entities, events=tuple(e for e in tables.events if e.id in events))
