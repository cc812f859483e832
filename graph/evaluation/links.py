"""Scoring place links: a hand-checked list of the GeoNames feature each gold place denotes.

The list (tests/data/place_links.tsv for ../shared/eval/realnews) has a line per gold place: document
id, gold name, GeoNames id or "-" where no link is right. A place node of the graph whose label or
alias is that name and that carries `owl:sameAs <https://sws.geonames.org/ID/>` is a link:
- precision: links to the listed id, over all links made to listed places;
- coverage: listed ids linked right, over the listed ids.
"""
from __future__ import annotations

import csv
from pathlib import Path

from rdflib import OWL, Graph, URIRef

from ..ingest import InputError
from .graph_nodes import EntityNode
from .scores import Ratio, normalise_name

GEONAMES = "https://sws.geonames.org/"


def read_links(path: str | Path) -> dict[str, dict[str, int | None]]:
    """Document id → normalised place name → GeoNames id (None: no link is right)."""
    path = Path(path)
    if not path.is_file():
        raise InputError(f"{path}: no such place-link list")
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    links: dict[str, dict[str, int | None]] = {}
    for number, row in enumerate(csv.DictReader(lines, delimiter="\t"), 2):
        try:
            expected = None if row["geonames_id"] == "-" else int(row["geonames_id"])
            links.setdefault(row["document"], {})[normalise_name(row["name"])] = expected
        except (KeyError, TypeError, ValueError):
            raise InputError(f"{path}:{number}: need document, name and geonames_id (a number or -)") from None
    return links


def _linked_id(graph: Graph, iri: str) -> int | None:
    for target in graph.objects(URIRef(iri), OWL.sameAs):
        if str(target).startswith(GEONAMES):
            return int(str(target)[len(GEONAMES):].strip("/"))
    return None


def score_links(graph: Graph, nodes: tuple[EntityNode, ...], expected: dict[str, int | None]
                ) -> tuple[Ratio, Ratio, list[str]]:
    """(precision, coverage, what went wrong) of one document's place links."""
    made, right, wrong = 0, 0, []
    for name, wanted in expected.items():
        node = next((n for n in nodes if "Place" in n.kinds and name in n.names), None)
        linked = _linked_id(graph, node.iri) if node else None
        if linked is None:
            continue
        made += 1
        if linked == wanted:
            right += 1
        else:
            wrong.append(f"{node.label}: {GEONAMES}{linked}/, listed {wanted or 'no link'}")
    listed = sum(1 for wanted in expected.values() if wanted is not None)
    return Ratio(right, made), Ratio(right, listed), wrong
