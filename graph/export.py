"""Writes graphs to files: the format follows the file's extension; files are written atomically."""
from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from rdflib import Dataset, Graph, URIRef

from .rdfio import QUAD_FORMATS, RDF_FORMATS
from .rdfmap import bind_prefixes

class ExportError(ValueError):
    """An output that cannot be written; the message is one line for the user."""


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


@contextmanager
def atomic_output(path: str | Path) -> Iterator[BinaryIO]:
    """A binary stream to a temporary file beside `path`, renamed onto it only when the block succeeds:
    a failed run never leaves half a file."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            yield stream
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def write_atomically(path: str | Path, data: bytes) -> None:
    with atomic_output(path) as stream:
        stream.write(data)


def serialize_documents(named_graphs: Iterable[tuple[str, Graph]], rdf_format: str) -> bytes:
    """Serialize per-document graphs: quad formats keep each in its named graph, others merge them."""
    if rdf_format in QUAD_FORMATS:
        dataset = Dataset()
        bind_prefixes(dataset)
        for name, graph in named_graphs:
            named = dataset.graph(URIRef(name))
            for triple in graph:
                named.add(triple)
        return dataset.serialize(format=rdf_format, encoding="utf-8")
    merged = bind_prefixes(Graph())
    for _, graph in named_graphs:
        merged += graph
    return merged.serialize(format=rdf_format, encoding="utf-8")


# Formats whose documents can be written one after another: a corpus never has to fit in memory.
STREAMABLE_FORMATS = {"turtle", "nt", "nquads", "trig"}


def write_documents(named_graphs: Iterable[tuple[str, Graph]], path: str | Path,
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
