"""The bundled ontology, shapes and queries (ontology/, shipped as the package `graph.ontology_data`)."""
from __future__ import annotations

import functools
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rdflib import Graph


def _data_file(name: str) -> Path:
    # The data are files beside the package's (empty) module, as a wheel or an editable install leaves
    # them. Read by path, not through importlib.resources, which brought zipfile and tempfile into every
    # command's start-up.
    from .. import ontology_data

    return Path(ontology_data.__file__).parent / name


def ontology_text() -> str:
    return _data_file("newsgraph.ttl").read_text(encoding="utf-8")


def shapes_text() -> str:
    return _data_file("shapes.ttl").read_text(encoding="utf-8")


@functools.cache
def ontology_graph() -> Graph:
    # rdflib is imported here, not above: the store's commands read the ontology's text and queries only,
    # and rdflib's import was a third of `query --store`'s start-up (0.06 of 0.16 s)
    from rdflib import Graph

    return Graph().parse(data=ontology_text(), format="turtle")


def bundled_queries() -> dict[str, str]:
    """Name (file stem) → SPARQL text of every query in ontology/queries."""
    folder = _data_file("queries")
    return {
        entry.name.removesuffix(".rq"): entry.read_text(encoding="utf-8")
        for entry in sorted(folder.iterdir(), key=lambda e: e.name)
        if entry.name.endswith(".rq")
    }
