"""SPARQL over a graph file, answered by an embedded Oxigraph store, with a time limit."""
from __future__ import annotations

import threading
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

import pyoxigraph as ox

from ..errors import NewsgraphError
from ..rdf.files import OXIGRAPH_PARSERS, GraphFileError, format_of, stdin_quads
from ..rdf.iris import ONTOLOGY_GRAPH, QUERY_PREFIXES
from ..rdf.ontology import bundled_queries, ontology_text

_BOOLEAN = "http://www.w3.org/2001/XMLSchema#boolean"


class QueryError(NewsgraphError):
    """A query or graph that cannot be answered; the message is one line for the user."""


@dataclass(frozen=True)
class Cell:
    """One value of a result with its RDF type: what SPARQL JSON and typed JSON Lines write."""

    value: str
    kind: str = "literal"  # uri, literal, bnode or triple (as the SPARQL 1.1 JSON results name them)
    datatype: str | None = None  # a literal's datatype IRI (xsd:string for a plain one)
    language: str | None = None


@dataclass(frozen=True)
class Table:
    """SELECT results: variable names and rows of plain values (None where unbound); `cells` holds the
    same values typed, and `boolean` the answer of an ASK query."""

    variables: tuple[str, ...]
    rows: tuple[tuple[str | None, ...], ...]
    cells: tuple[tuple[Cell | None, ...], ...] = ()
    boolean: bool | None = None


def _cell(term) -> Cell | None:
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return Cell(term.value, "uri")
    if isinstance(term, ox.BlankNode):
        return Cell(term.value, "bnode")
    if isinstance(term, ox.Literal):
        return Cell(term.value, "literal", term.datatype.value, term.language)
    return Cell(str(term), "triple")


def _table(variables: tuple[str, ...], terms) -> Table:
    cells = tuple(tuple(_cell(term) for term in row) for row in terms)
    rows = tuple(tuple(None if cell is None else cell.value for cell in row) for row in cells)
    return Table(variables, rows, cells)


def read_stdin_graph(store: ox.Store | None = None) -> ox.Store:
    """An in-memory store of the graph on stdin (Turtle, TriG, N-Triples, N-Quads, JSON-LD or RDF/XML)."""
    store = store if store is not None else ox.Store()
    try:
        store.extend(stdin_quads())
    except GraphFileError as error:
        raise QueryError(str(error)) from None
    store.load(ontology_text().encode("utf-8"), format=ox.RdfFormat.TURTLE, to_graph=ox.NamedNode(ONTOLOGY_GRAPH))
    return store


def load_graph_file(path: str | Path, store: ox.Store | None = None) -> ox.Store:
    """An in-memory Oxigraph store holding the file's triples (named graphs kept for quad formats),
    with the ontology in its own named graph so queries can follow rdfs:subClassOf (as in a store)."""
    if str(path) == "-":
        return read_stdin_graph(store)
    path = Path(path)
    parser = format_of(path, OXIGRAPH_PARSERS)
    store = store if store is not None else ox.Store()
    try:
        store.bulk_load(path=str(path), format=parser)
    except (SyntaxError, ValueError, OSError) as error:
        raise QueryError(f"{path}: cannot read the graph ({str(error).splitlines()[0]})") from None
    store.load(ontology_text().encode("utf-8"), format=ox.RdfFormat.TURTLE, to_graph=ox.NamedNode(ONTOLOGY_GRAPH))
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
        result = store.query(sparql, use_default_graph_as_union=union_default_graph, prefixes=QUERY_PREFIXES)
    except SyntaxError as error:
        raise QueryError(f"SPARQL syntax error: {str(error).splitlines()[0]}") from None
    except OSError as error:
        raise QueryError(f"query failed: {str(error).splitlines()[0]}") from None
    if isinstance(result, (bool, ox.QueryBoolean)):
        answer = bool(result)
        return Table(("ask",), ((str(answer).lower(),),), ((Cell(str(answer).lower(), "literal", _BOOLEAN),),),
                     boolean=answer)
    if isinstance(result, ox.QuerySolutions):
        variables = tuple(v.value for v in result.variables)
        return _table(variables, ([solution[v] for v in variables] for solution in result))
    # CONSTRUCT / DESCRIBE: one row per triple
    return _table(("subject", "predicate", "object"), ((t.subject, t.predicate, t.object) for t in result))


class QueryTimeout(QueryError):
    """A query that ran longer than its time limit."""


T = TypeVar("T")


def call_with_timeout(function: Callable[[], T], timeout: float | None,
                      cancel: threading.Event | None = None) -> T:
    """Run `function` and return its value, or raise QueryTimeout after `timeout` seconds.

    pyoxigraph cannot interrupt a query, but it releases the GIL while it works: the query runs on a
    daemon thread we stop waiting for, and `cancel` is set on timeout for code that can stop at its
    next step. The thread may go on computing until its process exits, which is fine for a command
    that exits at once; `newsgraph serve` runs queries in worker processes it kills instead (pool.py).
    """
    if timeout is None:
        return function()
    outcome: dict[str, object] = {}
    finished = threading.Event()

    def run() -> None:
        try:
            outcome["value"] = function()
        except BaseException as error:  # handed to the waiting thread
            outcome["error"] = _detached(error)
        finally:
            finished.set()

    threading.Thread(target=run, name="newsgraph-query", daemon=True).start()
    if not finished.wait(timeout):
        if cancel is not None:
            cancel.set()
        raise QueryTimeout(f"the query ran longer than the {timeout:g} s limit")
    if "error" in outcome:
        raise outcome["error"]  # type: ignore[misc]
    return outcome["value"]  # type: ignore[return-value]


def _detached(error: BaseException) -> BaseException:
    """The error without its traceback frames, which may hold pyoxigraph results: those must be
    freed on the thread that made them (pyoxigraph objects are "unsendable"). The traceback is kept
    as text in a note."""
    if hasattr(error, "add_note"):  # Python 3.11+
        error.add_note("".join(traceback.format_exception(type(error), error, error.__traceback__)).rstrip())
    chained: BaseException | None = error
    while chained is not None:
        chained.__traceback__ = None
        chained = chained.__cause__ or chained.__context__
    return error
