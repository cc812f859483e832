"""One document's triples as N-Triples terms: what the build writes, stores and sends to Spark.

The mapping makes each term's N-Triples text once (a vocabulary term, an entity's IRI) and a triple is
three such strings: a `pyoxigraph.Triple` costs about 1.6 µs to build in Python, a tuple of strings
a fifth of that, and N-Triples or N-Quads output is then those strings joined, with no term object on
the way. `triples()` gives pyoxigraph terms for everything else (Turtle, rdflib), parsed by Oxigraph.
Each term's text is exactly what Oxigraph writes for it, so the bytes are the same either way.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import pyoxigraph as ox

RDF_TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"


def reading_order(statement: tuple[str, str, str]) -> tuple:
    """Each subject's statements together, its rdf:type first (Oxigraph's Turtle groups only
    consecutive statements of one subject)."""
    subject, predicate, value = statement
    return subject, predicate != RDF_TYPE, predicate, value


@dataclass(frozen=True)
class Statements:
    """A document's triples, each once, in the order they were made: (subject, predicate, object) as
    N-Triples terms ('<https://…>', '"Ana Lee"', '"12"^^<http://www.w3.org/2001/XMLSchema#integer>')."""

    terms: tuple[tuple[str, str, str], ...]

    def __len__(self) -> int:
        return len(self.terms)

    def __iter__(self) -> Iterator[ox.Triple]:
        return iter(self.triples())

    def ntriples(self, graph: str | None = None, *, ordered: bool = False) -> bytes:
        """N-Triples lines, or N-Quads lines in the named graph `graph` (an IRI); `ordered` in reading order."""
        terms = sorted(self.terms, key=reading_order) if ordered else self.terms
        end = f" <{graph}> .\n" if graph else " .\n"
        return "".join(f"{s} {p} {o}{end}" for s, p, o in terms).encode("utf-8")

    def triples(self) -> list[ox.Triple]:
        """The triples as pyoxigraph terms, in the order they were made."""
        return [quad.triple for quad in ox.parse(self.ntriples(), format=ox.RdfFormat.N_TRIPLES)]
