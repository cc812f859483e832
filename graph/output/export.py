"""Writes graphs to files: the format follows the file's extension; files are written atomically.

RDF goes through Oxigraph's serializers (rdflib's Turtle writer takes minutes on a graph Oxigraph
writes in a second); JSON-LD through rdflib, the one that compacts against a context.
"""
from __future__ import annotations

import io
import json
import logging
from collections.abc import Iterable
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

import pyoxigraph as ox

from ..rdf.files import QUAD_FORMATS, RDF_FORMATS, oxigraph_triples
from ..rdf.iris import PREFIXES
from ..rdf.statements import Statements
from .files import ExportError, atomic_output
from .safe_text import has_xml_forbidden, xml_safe
from .sources import StoreSource, to_rdflib

if TYPE_CHECKING:  # rdflib loads only for JSON-LD, the one format Oxigraph does not write
    from rdflib import Graph


def rdf_format_for(path: str | Path, explicit: str | None = None) -> str:
    if explicit:
        if explicit in RDF_FORMATS.values():
            return explicit
        if "." + explicit.lstrip(".") in RDF_FORMATS:
            return RDF_FORMATS["." + explicit.lstrip(".")]
        raise ExportError(f"unknown RDF format '{explicit}' (known: {', '.join(sorted(set(RDF_FORMATS.values())))})")
    suffix = Path(path).suffix.lower()
    if suffix not in RDF_FORMATS:
        raise ExportError(f"{path}: unknown RDF extension '{suffix}' (use {', '.join(sorted(RDF_FORMATS))})")
    return RDF_FORMATS[suffix]


# rdflib format name → Oxigraph serializer
OXIGRAPH_SERIALIZERS = {
    "turtle": ox.RdfFormat.TURTLE,
    "nt": ox.RdfFormat.N_TRIPLES,
    "nquads": ox.RdfFormat.N_QUADS,
    "trig": ox.RdfFormat.TRIG,
    "xml": ox.RdfFormat.RDF_XML,
}


@cache
def jsonld_context() -> dict:
    """The `@context` JSON-LD exports are compacted with (graph/output/assets/newsgraph.context.jsonld):
    short terms such as "label", "agent", "date" so the JSON reads like the records it came from."""
    text = files("graph.output").joinpath("assets/newsgraph.context.jsonld").read_text(encoding="utf-8")
    return json.loads(text)["@context"]


def serialize_jsonld(graph: Graph) -> bytes:
    return graph.serialize(format="json-ld", context=jsonld_context(), auto_compact=True, encoding="utf-8")


_RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")


def _reading_order(item: ox.Triple | ox.Quad) -> tuple:
    # Oxigraph groups only consecutive statements of one subject (and graph): sorting makes each
    # subject one Turtle block, with its rdf:type first
    graph = str(item.graph_name) if isinstance(item, ox.Quad) else ""
    return graph, str(item.subject), item.predicate != _RDF_TYPE, str(item.predicate), str(item.object)


def write_rdf(items: Iterable[ox.Triple] | Iterable[ox.Quad], stream: BinaryIO, rdf_format: str) -> None:
    """Oxigraph triples (triple formats) or quads (N-Quads, TriG) to `stream`, with the usual prefixes."""
    items = sorted(items, key=_reading_order)
    if rdf_format == "xml":
        data = ox.serialize(_xml_safe_triples(items), format=ox.RdfFormat.RDF_XML, prefixes=PREFIXES)
        # a carriage return written as it is comes back from any XML parser as a line end (and a text
        # file with Windows line ends keeps its own: the offsets count them); as a character reference it
        # stays. Oxigraph writes none of its own, and no byte of another UTF-8 character is 0x0D.
        stream.write(data.replace(b"\r", b"&#13;"))
        return
    ox.serialize(items, stream, OXIGRAPH_SERIALIZERS[rdf_format], prefixes=PREFIXES)


def _xml_safe_triples(triples: list[ox.Triple]) -> list[ox.Triple]:
    """RDF/XML is XML 1.0, which cannot hold some characters at all (NUL, most C0 controls, U+FFFE):
    Oxigraph would write them raw and no parser could read the file. They become U+FFFD, with a warning."""
    changed = 0

    def literal(term):
        nonlocal changed
        if not isinstance(term, ox.Literal) or not has_xml_forbidden(term.value):
            return term
        changed += 1
        if term.language:
            return ox.Literal(xml_safe(term.value), language=term.language)
        return ox.Literal(xml_safe(term.value), datatype=term.datatype)
    cleaned = [ox.Triple(t.subject, t.predicate, literal(t.object)) for t in triples]
    if changed:
        logging.getLogger("newsgraph").warning(
            "%d literal%s held characters XML 1.0 forbids; RDF/XML has U+FFFD in their place "
            "(.ttl, .nt and .jsonld keep them)", changed, "" if changed == 1 else "s")
    return cleaned


def serialize_documents(named_graphs: Iterable[tuple[str, Graph | Statements]], rdf_format: str) -> bytes:
    """Serialize per-document graphs: quad formats keep each in its named graph, others merge them."""
    if rdf_format == "json-ld":
        from rdflib import Graph

        merged = Graph()
        for _, graph in named_graphs:
            if isinstance(graph, Graph):
                merged += graph
            else:  # the build's statements (or pyoxigraph triples): rdflib reads their N-Triples
                merged.parse(data=_ntriples(graph), format="nt")
        return serialize_jsonld(merged)
    named_graphs = list(named_graphs)
    if rdf_format in LINE_FORMATS and len(named_graphs) == 1 and isinstance(named_graphs[0][1], Statements):
        name, statements = named_graphs[0]  # as the build streams them: the lines, with no term objects
        return statements.ntriples(name if rdf_format == "nquads" else None, ordered=True)
    items: list = []
    for name, graph in named_graphs:
        triples = oxigraph_triples(graph)
        if rdf_format in QUAD_FORMATS:
            items += [ox.Quad(t.subject, t.predicate, t.object, ox.NamedNode(name)) for t in triples]
        else:
            items += triples
    if rdf_format not in QUAD_FORMATS:
        items = list(dict.fromkeys(items))  # an entity described by two documents is written once
    stream = io.BytesIO()
    write_rdf(items, stream, rdf_format)
    return stream.getvalue()


def _ntriples(triples: Statements | Iterable[ox.Triple]) -> bytes:
    if isinstance(triples, Statements):
        return triples.ntriples()
    return ox.serialize(list(triples), format=ox.RdfFormat.N_TRIPLES)


# Formats written line by line: one document's statements are its lines (in the order write_rdf sorts)
LINE_FORMATS = {"nt", "nquads"}
# Formats whose documents can be written one after another: a corpus never has to fit in memory.
STREAMABLE_FORMATS = {"turtle", "nt", "nquads", "trig"}


def write_documents(named_graphs: Iterable[tuple[str, Graph | Statements]], path: str | Path,
                    rdf_format: str | None = None) -> int:
    """Write per-document graphs to `path` atomically; returns how many documents were written."""
    rdf_format = rdf_format_for(path, rdf_format)
    count = 0
    with atomic_output(path) as stream:
        if rdf_format in STREAMABLE_FORMATS:
            for item in named_graphs:
                stream.write(serialize_documents([item], rdf_format))
                count += 1
        else:
            items = list(named_graphs)
            count = len(items)
            stream.write(serialize_documents(items, rdf_format))
    return count


# Everything `newsgraph export` writes: RDF, tables and network files, by extension.
NETWORK_FORMATS = {".graphml": "graphml", ".gexf": "gexf", ".cyjs": "cytoscape"}
EXPORT_FORMATS = {**RDF_FORMATS, ".csv": "csv", **NETWORK_FORMATS}
TABLES = ("events", "entities")


def export_format_for(path: str | Path, explicit: str | None = None) -> str:
    known = sorted(set(EXPORT_FORMATS.values()))
    if explicit:
        name = EXPORT_FORMATS.get("." + explicit.lower().lstrip("."), explicit.lower())
        if name not in known:
            raise ExportError(f"unknown export format '{explicit}' (known: {', '.join(known)})")
        return name
    suffix = Path(path).suffix.lower()
    if suffix not in EXPORT_FORMATS:
        raise ExportError(f"{path}: cannot tell the format from '{suffix or 'no extension'}' "
                          f"(use {', '.join(sorted(EXPORT_FORMATS))} or --format)")
    return EXPORT_FORMATS[suffix]


def export(source, path: str | Path, export_format: str | None = None, *,
           table: str = "events", projection: str = "actor", csv_guard: bool = True) -> str:
    """Write a `sources.Source` to `path` atomically; returns the format written.

    RDF formats keep every triple (N-Quads and TriG one named graph per document); `table` picks
    the CSV (events or entities), `csv_guard` neutralises its formula-like cells; `projection` the
    network (actor or full)."""
    export_format = export_format_for(path, export_format)
    if table not in TABLES:
        raise ExportError(f"unknown table '{table}' (known: {', '.join(TABLES)})")
    # The tables (rdflib's ontology) and networkx load only for the formats made of them: an RDF
    # export of a store is Oxigraph's alone.
    if export_format in NETWORK_FORMATS.values():
        from .networks import PROJECTIONS, project, write_network
        if projection not in PROJECTIONS:
            raise ExportError(f"unknown projection '{projection}' (known: {', '.join(PROJECTIONS)})")
    with atomic_output(path) as stream:
        if export_format == "json-ld":
            stream.write(serialize_jsonld(to_rdflib(source)))
        elif isinstance(source, StoreSource) and export_format in OXIGRAPH_SERIALIZERS and export_format != "xml":
            # written by Oxigraph from the store (RDF/XML takes the general way: its characters are checked)
            source.write_rdf(stream, OXIGRAPH_SERIALIZERS[export_format], PREFIXES)
        elif export_format in QUAD_FORMATS:
            write_rdf(source.document_quads(), stream, export_format)
        elif export_format in OXIGRAPH_SERIALIZERS:
            write_rdf(source.triples(), stream, export_format)
        elif export_format == "csv":
            from .tables import entities_csv, events_csv, read_tables

            tables = read_tables(source.store)
            text = (events_csv if table == "events" else entities_csv)(tables, guard=csv_guard)
            stream.write(text.encode("utf-8"))
        else:
            from .tables import read_tables

            write_network(project(read_tables(source.store), projection), stream, export_format)
    return export_format
