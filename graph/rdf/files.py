"""RDF files by extension (reading into rdflib or Oxigraph), and rdflib graphs as Oxigraph terms.

Writing lives in graph/output/export.py."""
from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

import pyoxigraph as ox

from ..errors import NewsgraphError

if TYPE_CHECKING:  # rdflib is imported where a graph is read or converted: the store's
    from rdflib import Graph  # commands read files through Oxigraph and need none

# extension → rdflib parser/serializer name
RDF_FORMATS = {
    ".ttl": "turtle",
    ".turtle": "turtle",
    ".nt": "nt",
    ".nq": "nquads",
    ".trig": "trig",
    ".jsonld": "json-ld",
    ".json-ld": "json-ld",
    ".rdf": "xml",
    ".owl": "xml",
    ".xml": "xml",
}
QUAD_FORMATS = {"nquads", "trig"}
T = TypeVar("T")
# extension → Oxigraph parser, for everything read at speed (queries, exports, drawings)
OXIGRAPH_PARSERS = {
    ".ttl": ox.RdfFormat.TURTLE, ".turtle": ox.RdfFormat.TURTLE, ".nt": ox.RdfFormat.N_TRIPLES,
    ".nq": ox.RdfFormat.N_QUADS, ".trig": ox.RdfFormat.TRIG, ".jsonld": ox.RdfFormat.JSON_LD,
    ".json-ld": ox.RdfFormat.JSON_LD, ".rdf": ox.RdfFormat.RDF_XML, ".owl": ox.RdfFormat.RDF_XML,
    ".xml": ox.RdfFormat.RDF_XML,
}


class GraphFileError(NewsgraphError):
    """A graph file that cannot be read; the message is one line for the user."""


def stdin_quads() -> list[ox.Quad]:
    """The quads of the graph on stdin. Its format is told from its first characters: JSON-LD ({ or [),
    RDF/XML (<?xml, <rdf:RDF), else TriG, which reads Turtle and N-Triples too, or failing that N-Quads."""
    import sys

    data = sys.stdin.buffer.read()
    start = data.lstrip(b"\xef\xbb\xbf \t\r\n")[:200]
    if start[:1] in (b"{", b"["):
        formats = [ox.RdfFormat.JSON_LD]
    elif start.startswith((b"<?xml", b"<rdf:RDF")):
        formats = [ox.RdfFormat.RDF_XML]
    else:
        formats = [ox.RdfFormat.TRIG, ox.RdfFormat.N_QUADS]
    first_error = None
    for rdf_format in formats:
        try:
            return list(ox.parse(data, format=rdf_format))
        except (SyntaxError, ValueError) as error:
            first_error = first_error or error
    raise GraphFileError(f"<stdin>: cannot read a graph ({str(first_error).splitlines()[0][:200]})")


def format_of(path: Path, formats: dict[str, T]) -> T:
    """The parser for an existing RDF file, chosen by its extension from `formats`."""
    if not path.is_file():
        raise GraphFileError(f"{path}: no such graph file")
    found = formats.get(path.suffix.lower())
    if found is None:
        raise GraphFileError(f"{path}: unknown RDF extension '{path.suffix}' (use {', '.join(sorted(formats))})")
    return found


def read_graph(path: str | Path) -> Graph:
    """The triples of an RDF file (named graphs of quad formats merged into one graph)."""
    from rdflib import Dataset, Graph

    path = Path(path)
    rdf_format = format_of(path, RDF_FORMATS)
    try:
        if rdf_format in QUAD_FORMATS:
            dataset = Dataset()
            dataset.parse(str(path), format=rdf_format)
            merged = Graph()
            for s, p, o, _ in dataset.quads((None, None, None, None)):
                merged.add((s, p, o))
            return merged
        return Graph().parse(str(path), format=rdf_format)
    except Exception as error:  # rdflib raises many parser-specific types
        raise GraphFileError(f"{path}: cannot parse as {rdf_format} ({str(error).splitlines()[0][:200]})") from None


def oxigraph_triples(graph: Graph | Iterable[ox.Triple]) -> list[ox.Triple]:
    """A document's triples as pyoxigraph terms: an rdflib graph's through N-Triples (both sides parse it
    fast); pyoxigraph triples (what the build makes) as they are."""
    from rdflib import Graph  # loaded already wherever an rdflib graph was made

    if not isinstance(graph, Graph):
        return list(graph)
    return [quad.triple for quad in ox.parse(graph.serialize(format="nt", encoding="utf-8"),
                                             format=ox.RdfFormat.N_TRIPLES)]
