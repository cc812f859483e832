"""SHACL validation of a graph against the bundled shapes (pySHACL)."""
from __future__ import annotations

from dataclasses import dataclass

from rdflib import Graph, Namespace

from .ontology import ontology_graph, shapes_text

SH = Namespace("http://www.w3.org/ns/shacl#")


@dataclass(frozen=True)
class Violation:
    focus: str
    path: str
    message: str


def validate(data: Graph) -> tuple[Violation, ...]:
    """Every SHACL violation of `data` (empty when it conforms). The ontology supplies the class tree."""
    from pyshacl import validate as shacl_validate

    shapes = Graph().parse(data=shapes_text(), format="turtle")
    conforms, report, _ = shacl_validate(
        data, shacl_graph=shapes, ont_graph=ontology_graph(), inference="rdfs", allow_warnings=True)
    if conforms:
        return ()
    found = []
    for result in report.subjects(SH.resultSeverity, SH.Violation):
        found.append(Violation(
            focus=str(report.value(result, SH.focusNode)),
            path=str(report.value(result, SH.resultPath) or ""),
            message=str(report.value(result, SH.resultMessage) or ""),
        ))
    return tuple(sorted(found, key=lambda v: (v.focus, v.path, v.message)))
