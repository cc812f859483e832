"""SPARQL over a graph file, answered by an embedded Oxigraph store."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from .ontology import bundled_queries, ontology_text
from .rdfio import OXIGRAPH_PARSERS, format_of

class QueryError(ValueError):
    """A query or graph that cannot be answered; the message is one line for the user."""


@dataclass(frozen=True)
class Table:
    """SELECT results: variable names and rows of plain values (None where unbound)."""

    variables: tuple[str, ...]
    rows: tuple[tuple[str | None, ...], ...]


def _term_value(term) -> str | None:
    if term is None:
        return None
    return term.value


ONTOLOGY_GRAPH = ox.NamedNode("https://w3id.org/newsgraph/ontology")


def load_graph_file(path: str | Path, store: ox.Store | None = None) -> ox.Store:
    """An in-memory Oxigraph store holding the file's triples (named graphs kept for quad formats),
    with the ontology in its own named graph so queries can follow rdfs:subClassOf (as in a store)."""
    path = Path(path)
    parser = format_of(path, OXIGRAPH_PARSERS)
    store = store if store is not None else ox.Store()
    try:
        store.bulk_load(path=str(path), format=parser)
    except (SyntaxError, ValueError, OSError) as error:
        raise QueryError(f"{path}: cannot read the graph ({str(error).splitlines()[0]})") from None
    store.load(ontology_text().encode("utf-8"), format=ox.RdfFormat.TURTLE, to_graph=ONTOLOGY_GRAPH)
    return store


def resolve_query(text: str | None = None, *, file: str | Path | None = None, name: str | None = None) -> str:
    """The SPARQL text from exactly one of: the text itself, a .rq file, a bundled query's name."""
    given = [x is not None for x in (text, file, name)]
    if sum(given) != 1:
        raise QueryError("give one query: the SPARQL text, -f FILE.rq or --name NAME")
    if file is not None:
        try:
            return Path(file).read_text(encoding="utf-8")
        except OSError:
            raise QueryError(f"{file}: cannot read the query file") from None
    if name is not None:
        queries = bundled_queries()
        if name not in queries:
            raise QueryError(f"no bundled query '{name}' (known: {', '.join(queries)})")
        return queries[name]
    return text


def select(store: ox.Store, sparql: str, *, union_default_graph: bool = True) -> Table:
    """Run a SELECT (or ASK) query and return its table."""
    try:
        result = store.query(sparql, use_default_graph_as_union=union_default_graph)
    except SyntaxError as error:
        raise QueryError(f"SPARQL syntax error: {str(error).splitlines()[0]}") from None
    except OSError as error:
        raise QueryError(f"query failed: {str(error).splitlines()[0]}") from None
    if isinstance(result, (bool, ox.QueryBoolean)):
        return Table(("ask",), ((str(bool(result)).lower(),),))
    if isinstance(result, ox.QuerySolutions):
        variables = tuple(v.value for v in result.variables)
        rows = tuple(tuple(_term_value(solution[v]) for v in variables) for solution in result)
        return Table(variables, rows)
    # CONSTRUCT / DESCRIBE: one row per triple
    rows = tuple((t.subject.value, t.predicate.value, _term_value(t.object)) for t in result)
    return Table(("subject", "predicate", "object"), rows)
