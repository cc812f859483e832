"""The drawings' visual language, read from the ontology: each event and entity class's colour, the
plural that counts its events, each role's colour, line style and arrowhead, and the line of a
planned event (ng:colour, ng:pluralLabel, ng:lineStyle, ng:arrowhead).

Declared once in ontology/newsgraph.ttl, so the HTML page, the SVG/PNG pictures, the report and
their legends agree, and a class keeps its colour whatever else a drawing holds.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from rdflib import RDFS, Graph, Literal, URIRef
from rdflib.namespace import SDO

from ..errors import NewsgraphError
from .ontology import ontology_graph
from .vocab import NG

LINE_STYLES = ("solid", "dashed", "dotted")  # what both Cytoscape.js and Graphviz draw
UNKNOWN_COLOUR = "#999999"  # a class the ontology does not know (from someone else's graph)
ROLE_PROPERTIES = {"agent": SDO.agent, "recipient": SDO.recipient, "participant": SDO.participant,
                   "location": SDO.location, "opponent": NG.opponent}
ENTITY_CLASSES = {"Person": SDO.Person, "Organization": SDO.Organization, "Place": SDO.Place, "Group": NG.Group}
_HEX = re.compile(r"#[0-9A-Fa-f]{6}")


class PaletteError(NewsgraphError):
    """An ontology whose drawing annotations are missing or malformed."""


@dataclass(frozen=True)
class EventStyle:
    name: str  # the class's local name, e.g. PhoneCall
    label: str  # "Phone call"
    plural: str  # "phone calls"
    colour: str

    def count(self, n: int) -> str:
        """'1 phone call', '3 phone calls'."""
        return f"{n:,} {self.label.lower() if n == 1 else self.plural}"


@dataclass(frozen=True)
class RoleStyle:
    colour: str
    line: str
    arrowhead: bool


@dataclass(frozen=True)
class Palette:
    events: dict[str, EventStyle]  # by class name, in the ontology's label order
    entities: dict[str, str]  # Person/Organization/Place → colour
    roles: dict[str, RoleStyle]  # agent, recipient, participant, location, opponent
    planned_line: str

    def event(self, name: str) -> EventStyle:
        return self.events.get(name) or EventStyle(name, name, f"{name} events", UNKNOWN_COLOUR)

    def entity(self, kind: str) -> str:
        return self.entities.get(kind, UNKNOWN_COLOUR)

    def as_json(self) -> dict:
        """What a page needs: the same values, as plain JSON."""
        events = {n: {"label": s.label, "plural": s.plural, "colour": s.colour} for n, s in self.events.items()}
        roles = {r: {"colour": s.colour, "line": s.line, "arrowhead": s.arrowhead} for r, s in self.roles.items()}
        return {"events": events, "entities": dict(self.entities), "roles": roles, "unknown": UNKNOWN_COLOUR,
                "plannedLine": self.planned_line}


def _one(graph: Graph, subject: URIRef, prop: URIRef, what: str) -> Literal:
    values = [o for o in graph.objects(subject, prop) if isinstance(o, Literal)]
    if len(values) != 1:
        raise PaletteError(f"{what} needs exactly one ng:{prop.rsplit('#', 1)[-1]} for its drawings")
    return values[0]


def _colour(graph: Graph, subject: URIRef, what: str) -> str:
    colour = str(_one(graph, subject, NG.colour, what))
    if not _HEX.fullmatch(colour):
        raise PaletteError(f"{what}: ng:colour {colour!r} is not an sRGB colour like '#332288'")
    return colour.upper()


def _line(graph: Graph, subject: URIRef, what: str) -> str:
    line = str(_one(graph, subject, NG.lineStyle, what))
    if line not in LINE_STYLES:
        raise PaletteError(f"{what}: ng:lineStyle {line!r} is not one of {', '.join(LINE_STYLES)}")
    return line


def palette_from_graph(graph: Graph) -> Palette:
    """The palette of any graph holding the ontology (tests pass an edited copy)."""
    events = []
    for subject in set(graph.transitive_subjects(RDFS.subClassOf, NG.Event)) - {NG.Event}:
        name = str(subject).rsplit("#", 1)[-1]
        label = str(graph.value(subject, RDFS.label) or name)
        events.append(EventStyle(name, label, str(_one(graph, subject, NG.pluralLabel, name)),
                                 _colour(graph, subject, name)))
    events.sort(key=lambda style: style.label)
    roles = {role: RoleStyle(_colour(graph, prop, f"role {role}"), _line(graph, prop, f"role {role}"),
                             bool(_one(graph, prop, NG.arrowhead, f"role {role}").toPython()))
             for role, prop in ROLE_PROPERTIES.items()}
    return Palette(events={style.name: style for style in events},
                   entities={kind: _colour(graph, cls, kind) for kind, cls in ENTITY_CLASSES.items()},
                   roles=roles, planned_line=_line(graph, NG.planned, "ng:planned"))


@functools.cache
def default_palette() -> Palette:
    return palette_from_graph(ontology_graph())
