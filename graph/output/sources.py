"""Opening what `export` and `draw` read: a graph file or a store folder, as Oxigraph quads.

Oxigraph rather than rdflib because parsing, SPARQL and serialization are tens of times faster on
large graphs. The quads are kept as parsed: an Oxigraph *store* rewrites derived datatypes
(xsd:nonNegativeInteger becomes xsd:integer; newsgraph itself writes only xsd:integer offsets), so it
only answers the SPARQL of the tables, while RDF exports are written from the quads themselves and stay
isomorphic to the input. A store folder is opened read-only, and exported by Oxigraph from the store.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

import pyoxigraph as ox

from ..rdf.files import OXIGRAPH_PARSERS, GraphFileError, format_of, stdin_quads
from ..rdf.iris import NG_IRI, NIF_IRI, PROV_IRI, RDF_IRI

if TYPE_CHECKING:  # rdflib loads only for what only rdflib does (JSON-LD): `export STORE -o x.ttl` needs none
    from rdflib import Graph

_DOCUMENT = ox.NamedNode(NG_IRI + "Document")
_MENTION = ox.NamedNode(NG_IRI + "mention")
_HOLDS_ROLE = ox.NamedNode(NG_IRI + "holdsRole")
_TYPE = ox.NamedNode(RDF_IRI + "type")
_DERIVED_FROM = ox.NamedNode(PROV_IRI + "wasDerivedFrom")
_REFERENCE_CONTEXT = ox.NamedNode(NIF_IRI + "referenceContext")


class Source:
    """The quads of a graph file or store: named graphs as read (the default graph for triple files)."""

    def __init__(self, quads: list[ox.Quad] | None = None):
        self.quads = quads if quads is not None else []

    @cached_property
    def store(self) -> ox.Store:
        """An in-memory store of every quad, for SPARQL (ask with use_default_graph_as_union=True)."""
        store = ox.Store()
        store.extend(self.quads)
        return store

    def triples(self) -> Iterator[ox.Triple]:
        """Each distinct triple of every graph once (a triple may sit in several document graphs)."""
        return iter(dict.fromkeys(quad.triple for quad in self.quads))

    def document_quads(self) -> Iterator[ox.Quad]:
        """The quads with one named graph per document.

        Quads read from TriG, N-Quads or a store folder have them already. A merged graph (Turtle …)
        is split: a triple goes to the document its subject comes from (the document itself, an
        event's prov:wasDerivedFrom, a mention's or sentence's nif:referenceContext); an entity's
        description goes to every document that mentions it, so each named graph reads on its own.
        Triples tied to no document stay in the default graph. The union is always the source graph.
        """
        if any(not isinstance(quad.graph_name, ox.DefaultGraph) for quad in self.quads):
            return iter(self.quads)
        return _split_by_document(list(self.triples()))


def _split_by_document(triples: list[ox.Triple]) -> Iterator[ox.Quad]:
    home: dict[ox.NamedNode | ox.BlankNode, set] = defaultdict(set)
    for t in triples:
        if t.predicate == _TYPE and t.object == _DOCUMENT:
            home[t.subject].add(t.subject)
        elif t.predicate in (_DERIVED_FROM, _REFERENCE_CONTEXT) and isinstance(t.object, ox.NamedNode):
            home[t.subject].add(t.object)
    for t in triples:  # entities take the documents of their mentions, roles those of their holder
        if t.predicate == _MENTION:
            home[t.subject] |= home.get(t.object, set())
    for t in triples:
        if t.predicate == _HOLDS_ROLE:
            home[t.object] |= home.get(t.subject, set())
    for t in triples:
        documents = home.get(t.object, set()) if t.predicate == _MENTION else home.get(t.subject, set())
        if not documents:
            yield ox.Quad(t.subject, t.predicate, t.object, ox.DefaultGraph())
        for document in sorted(documents, key=str):
            yield ox.Quad(t.subject, t.predicate, t.object, document)


class StoreSource(Source):
    """A store folder, opened read-only whenever it is read (so a query or an export never writes to it).
    Its RDF is written by Oxigraph straight from the store (`write_rdf`), never through Python lists."""

    def __init__(self, path: Path):
        from ..store import Store  # only a folder needs the store module

        self.path, self._open = path, lambda: Store(path, create=False, read_only=True)
        self._open().close()  # a stray folder or a locked store fails now, before any output is opened

    @cached_property
    def quads(self) -> list[ox.Quad]:
        with self._open() as store:
            return list(store.document_quads())

    def write_rdf(self, stream, rdf_format: ox.RdfFormat, prefixes: dict[str, str]) -> None:
        """The documents' graphs (quad formats) or their merge (triple formats), in the store's order."""
        with self._open() as store:
            named = rdf_format in (ox.RdfFormat.N_QUADS, ox.RdfFormat.TRIG)
            ox.serialize(store.document_quads() if named else store.merged_triples(), stream, rdf_format,
                         prefixes=prefixes)


def open_source(path: str | Path) -> Source:
    """Every quad of a graph file (any RDF extension), of a store folder (one named graph per document),
    or of the graph on stdin (`-`)."""
    if str(path) == "-":
        return Source(stdin_quads())
    path = Path(path)
    if path.is_dir():
        return StoreSource(path)
    if not path.exists():
        raise GraphFileError(f"{path}: no such graph file or store folder")
    parser = format_of(path, OXIGRAPH_PARSERS)
    try:
        return Source(list(ox.parse(path=str(path), format=parser)))
    except (SyntaxError, ValueError, OSError) as error:
        raise GraphFileError(f"{path}: cannot parse as {parser.name} ({str(error).splitlines()[0][:200]})") from None


def to_rdflib(source: Source) -> Graph:
    """The union of the source's graphs as an rdflib graph (for the few things only rdflib does)."""
    from rdflib import Graph

    data = ox.serialize(source.triples(), format=ox.RdfFormat.N_TRIPLES)
    return Graph().parse(data=data, format="nt")
