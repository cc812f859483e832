"""A persistent graph store in a folder: Oxigraph on disk (through pyoxigraph), one named graph per document.

Layout of a store:
- each document's triples live in the named graph of the document's IRI, so building a document
  again replaces exactly its triples (and removing it removes exactly them). The replacement is one
  transaction (the new graph is staged first), so a crash leaves each document old or new, never gone;
  a new document is bulk-loaded under a pending list, so a crash leaves it whole or absent;
- the bundled ontology lives in the named graph <https://w3id.org/newsgraph/ontology>, so queries
  can follow rdfs:subClassOf (the `events` query does);
- the default graph holds the RDF merge of all those graphs and is kept in step on every change.
  Queries run on it. Why not Oxigraph's "union default graph" option? In pyoxigraph 0.5 it yields a
  triple once per graph that holds it (oxigraph issue #1919), and an entity's label is in every
  document that mentions the entity: joins and COUNTs would multiply.

Only one process can open a store at a time (Oxigraph locks the folder); `newsgraph serve` shares
one with many clients.
"""
from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pyoxigraph as ox

from ..rdf.files import oxigraph_triples
from ..rdf.iris import ONTOLOGY_GRAPH, sparql_prefixes
from ..rdf.ontology import ontology_text
from ..rdf.statements import Statements
from .checks import StoreError, check_folder, held_elsewhere, one_line
from .lock import locked_by_another_process
from .query import QueryError, Table, call_with_timeout, select

if TYPE_CHECKING:  # rdflib only where a caller asks for an rdflib graph: `query --store` needs none
    from concurrent.futures import Future

    from rdflib import Graph

log = logging.getLogger("newsgraph")
_PREFIXES = sparql_prefixes("ng", "schema", "rdfs", "dcterms")
# The default graph is the merge of the named graphs; `push --merge-default` asks an endpoint for the same.
MERGE_DEFAULT = "DROP SILENT DEFAULT ; INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }"
# Removes a graph and those of its triples no other graph holds from the merged default graph.
_DROP_GRAPH = """DELETE { ?s ?p ?o } WHERE {
  GRAPH <%(graph)s> { ?s ?p ?o }
  FILTER NOT EXISTS { GRAPH ?other { ?s ?p ?o } FILTER(?other != <%(graph)s>) }
} ;
DROP SILENT GRAPH <%(graph)s>"""
# A document's new graph is first loaded into a staging graph, then one update (one transaction)
# swaps it in: a crash at any moment leaves each document either old or new, never gone.
STAGING_PREFIX = "urn:newsgraph:staging:"
_SWAP_IN = _DROP_GRAPH + """ ;
INSERT { GRAPH <%(graph)s> { ?s ?p ?o } ?s ?p ?o } WHERE { GRAPH <%(staging)s> { ?s ?p ?o } } ;
DROP SILENT GRAPH <%(staging)s>"""
# New documents are bulk-loaded: Oxigraph writes their index files directly, about 3x a transactional
# load, but a kill can cut a bulk load off half-way. So a batch's new documents are first listed in
# this graph (a transaction of its own) and the list goes in the transaction that ends the batch; an
# open that finds a list removes those documents and rebuilds the merge: each is whole or absent.
PENDING_GRAPH = f"{STAGING_PREFIX}pending"
_PENDING = ox.NamedNode(PENDING_GRAPH)
_DOCUMENTS_WITH_ID = "SELECT DISTINCT ?g ?id WHERE { GRAPH ?g { ?g dcterms:identifier ?id } }"
_ENTITIES_BY_KIND = _PREFIXES + """SELECT ?kind (COUNT(DISTINCT ?entity) AS ?n) WHERE {
  VALUES ?class { schema:Person schema:Organization schema:Place ng:Group }
  ?entity a ?class .
  BIND(REPLACE(STR(?class), "^.*[/#]", "") AS ?kind)
} GROUP BY ?kind ORDER BY ?kind"""
_EVENTS_BY_TYPE = _PREFIXES + """SELECT ?type (COUNT(DISTINCT ?event) AS ?n) WHERE {
  ?event a ?class . ?class rdfs:subClassOf+ ng:Event .
  BIND(STRAFTER(STR(?class), "#") AS ?type)
} GROUP BY ?type ORDER BY ?type"""
_DOCUMENT_TRIPLES = ("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o "
                     f"FILTER NOT EXISTS {{ GRAPH <{ONTOLOGY_GRAPH}> {{ ?s ?p ?o }} }} }}")
_DOCUMENT_UNION = ("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o "
                   f"FILTER NOT EXISTS {{ GRAPH <{ONTOLOGY_GRAPH}> {{ ?s ?p ?o }} }} }}")


def _rdflib_graph(ntriples: bytes) -> Graph:
    """N-Triples as an rdflib graph with the usual prefixes bound."""
    from rdflib import Graph

    from ..rdf.vocab import bind_prefixes

    return bind_prefixes(Graph()).parse(data=ntriples, format="nt")


def _nquads(triples: list[ox.Triple] | Statements, graph_iri: str, *, with_default: bool = False) -> bytes:
    """N-Quads of triples in the named graph `graph_iri` (and, `with_default`, in the default graph too)."""
    if isinstance(triples, Statements):
        named = triples.ntriples(graph_iri)
        return triples.ntriples() + named if with_default else named
    # N-Triples escape every line break inside a term, so " .\\n" ends a statement and nothing else
    lines = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)
    named = lines.replace(b" .\n", f" <{graph_iri}> .\n".encode())
    return lines + named if with_default else named


# Batches of triples written at once: a bulk load and flush cost 40 ms besides their size (10,000 triples
# about 0.1 s), so one per document would make a large build several times slower. With a core of its own,
# the writer keeps close behind in smaller batches (0.1 s left after 100 articles' last, not 0.3 s).
BATCH_TRIPLES, CLOSE_BEHIND_BATCH_TRIPLES = 50_000, 10_000


@dataclass(frozen=True)
class StoreStats:
    """What a store holds. `triples` counts the merged graph of the documents (what an export holds)."""

    documents: int
    entities: int
    entities_by_kind: tuple[tuple[str, int], ...]
    events: int
    events_by_type: tuple[tuple[str, int], ...]
    triples: int

    def as_dict(self) -> dict:
        data = asdict(self)
        data["entities_by_kind"] = dict(self.entities_by_kind)
        data["events_by_type"] = dict(self.events_by_type)
        return data


def _ontology_triples() -> set[ox.Triple]:
    """The bundled ontology's triples as a store keeps them (a store rewrites some literals, such as
    derived integer types, so the file's own terms would never compare equal to the stored ones)."""
    store = ox.Store()
    store.load(ontology_text().encode("utf-8"), format=ox.RdfFormat.TURTLE)
    return {quad.triple for quad in store}


class Store:
    """A folder holding documents' graphs, queryable with SPARQL. Created on first use.

        with Store("out/store") as store:
            store.add(document_graphs(results))      # (document IRI, rdflib.Graph) pairs (graph.pipeline)
            table = store.query("SELECT ...", timeout=10)
    """

    def __init__(self, path: str | Path, *, create: bool = True, read_only: bool = False):
        """Open (or, with `create` and not `read_only`, create) the store in `path`. A `read_only` store
        never writes: queries, exports and stats open it so, and may do so while a build adds to it."""
        self.path, self.read_only = Path(path), read_only
        check_folder(self.path, create and not read_only)
        try:
            if read_only:
                if locked_by_another_process(self.path):
                    raise OSError("lock held")  # reading under a writer is undefined in Oxigraph: refuse as before
                self._store: ox.Store | None = ox.Store.read_only(str(self.path))
                if self._pending():  # no writer holds it (checked above): repair, then read
                    self._store = None
                    Store(self.path, create=False).close()
                    self._store = ox.Store.read_only(str(self.path))
            else:
                self.path.mkdir(parents=True, exist_ok=True)
                self._store = ox.Store(str(self.path))
        except OSError as error:
            if "lock" in str(error).lower():
                raise held_elsewhere(self.path) from None
            raise StoreError(f"{self.path}: cannot open the store ({one_line(error)})") from None
        if not read_only:
            self._recover()
            self._drop_staging()
            self._install_ontology()

    # ------------------------------------------------------------------ lifetime
    @property
    def oxigraph(self) -> ox.Store:
        """The underlying pyoxigraph store (its default graph is the merge of all graphs)."""
        if self._store is None:
            raise StoreError(f"{self.path}: the store is closed")
        return self._store

    def close(self) -> None:
        """Release the folder (Oxigraph closes it when the last reference goes)."""
        if self._store is not None:
            if not self.read_only:
                self._store.flush()
            self._store = None

    @property
    def writable(self) -> ox.Store:
        """The underlying store, for a change (a StoreError when opened read-only)."""
        if self.read_only:
            raise StoreError(f"{self.path}: the store is open read-only")
        return self.oxigraph

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    # ------------------------------------------------------------------ writing
    def _drop(self, graph_iris: Iterable[str]) -> None:
        """Remove graphs in one transaction (each step of an update sees the steps before it)."""
        steps = [_DROP_GRAPH % {"graph": iri} for iri in graph_iris]
        if steps:
            self.writable.update(" ;\n".join(steps))

    def _replace(self, graphs: dict[str, list[ox.Triple] | Statements]) -> None:
        """Write documents' graphs, each with its triples in the merged default graph; a crash at any
        moment leaves each document old or new (or, if it is new, absent), never part-written.

        A document new to the store is bulk-loaded straight into its graph and the merge, under the
        pending list (see PENDING_GRAPH). A document already stored is replaced through a staging graph
        (a crash there leaves only staging graphs, dropped on the next open), then one transaction swaps
        each into place and drops the pending list."""
        if not graphs:
            return
        store = self.writable
        replaced = [iri for iri in graphs if store.contains_named_graph(ox.NamedNode(iri))]
        staging = {iri: f"{STAGING_PREFIX}{index}" for index, iri in enumerate(replaced)}
        new = [iri for iri in graphs if iri not in staging]
        if new:
            store.extend(ox.Quad(ox.NamedNode(iri), _PENDING, _PENDING, _PENDING) for iri in new)
            try:
                store.bulk_load(b"".join(_nquads(graphs[iri], iri, with_default=True) for iri in new),
                                format=ox.RdfFormat.N_QUADS, lenient=True)  # our own serialization: valid
            except BaseException:
                self._recover()  # now, not on the next open: this process may go on writing
                raise
        if replaced:
            store.load(b"".join(_nquads(graphs[iri], staging[iri]) for iri in replaced), format=ox.RdfFormat.N_QUADS)
        steps = [_SWAP_IN % {"graph": iri, "staging": staging[iri]} for iri in replaced]
        if steps or new:
            store.update(" ;\n".join([*steps, *([f"DROP SILENT GRAPH <{PENDING_GRAPH}>"] if new else [])]))

    def _pending(self) -> list[str]:
        """The documents a write listed as pending and did not finish (see PENDING_GRAPH)."""
        return [q.subject.value for q in self.oxigraph.quads_for_pattern(None, _PENDING, _PENDING, _PENDING)]

    def _recover(self) -> None:
        """Undo a write killed in its bulk load: remove the documents it listed as pending, and the staging
        graphs, and rebuild the merged default graph from what remains, in one transaction."""
        pending = self._pending()
        if not pending:
            return
        staged = [g.value for g in self.oxigraph.named_graphs()
                  if isinstance(g, ox.NamedNode) and g.value.startswith(STAGING_PREFIX)]
        log.warning("%s: the last write to the store was cut off; removing the %d documents it was adding",
                    self.path, len(pending))
        drops = [f"DROP SILENT GRAPH <{iri}>" for iri in [*pending, *staged]]
        self.writable.update(" ;\n".join([*drops, MERGE_DEFAULT]))

    def _drop_staging(self) -> None:
        """Staging graphs left by a write that was killed before its swap: their documents are intact."""
        self._drop(g.value for g in self.oxigraph.named_graphs()
                   if isinstance(g, ox.NamedNode) and g.value.startswith(STAGING_PREFIX))

    def _install_ontology(self) -> None:
        bundled = _ontology_triples()
        stored = {q.triple for q in self.oxigraph.quads_for_pattern(None, None, None, ox.NamedNode(ONTOLOGY_GRAPH))}
        if stored != bundled:  # a new store, or one built with another version of the ontology
            self._replace({ONTOLOGY_GRAPH: list(bundled)})

    def add(self, named_graphs: Iterable[tuple[str, Graph | Statements]], *,
            batch_triples: int = BATCH_TRIPLES) -> int:
        """Store each (document IRI, graph), replacing what that document had; returns how many.

        Documents are written in batches of about `batch_triples` triples (see BATCH_TRIPLES).
        A full batch is written by a second thread while the next one is read from `named_graphs`:
        Oxigraph's bulk load lets go of Python's lock, so a build's extraction goes on during the write
        (one batch in flight at most, so memory stays flat). A failure in the input still writes the
        documents read before it; a failed write stops the adding and raises here."""
        from concurrent.futures import ThreadPoolExecutor  # only a build writes in the background

        count, batch, size = 0, {}, 0
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="newsgraph-store") as writer:
            in_flight: Future | None = None
            try:
                for iri, graph in named_graphs:
                    if str(iri) == ONTOLOGY_GRAPH:
                        raise StoreError(f"<{ONTOLOGY_GRAPH}> is the ontology's graph, not a document's")
                    # a document twice in a batch: the later one wins
                    batch[str(iri)] = graph if isinstance(graph, Statements) else oxigraph_triples(graph)
                    size += len(batch[str(iri)])
                    count += 1
                    if size >= batch_triples:
                        if in_flight is not None:
                            in_flight.result()  # the batch before, written (or its error raised here)
                        in_flight, batch, size = writer.submit(self._write_batch, batch), {}, 0
            finally:
                if in_flight is not None:
                    in_flight.result()  # (a thread's write cannot be stopped: wait for it, even when stopped)
                self._replace(batch)
        return count

    def _write_batch(self, graphs: dict[str, Statements | list[ox.Triple]]) -> None:
        self._replace(graphs)
        self.writable.flush()  # written out after each batch, so a build's memory stays flat

    def remove(self, doc_ids_or_iris: Iterable[str]) -> list[str]:
        """Remove documents given by id or IRI; returns the IRIs removed. Nothing is removed if one is unknown."""
        iris = list(dict.fromkeys(iri for wanted in doc_ids_or_iris for iri in self.resolve(wanted)))
        self._drop(iris)
        return iris

    def update(self, sparql: str) -> None:
        """Apply a SPARQL Update, then rebuild the merged default graph from the named graphs
        (so write inside GRAPH <…> { }; triples written to the default graph do not last)."""
        try:
            try:
                # one transaction when the text allows appending ours
                self.writable.update(f"{sparql.rstrip().rstrip(';')}\n;\n{MERGE_DEFAULT}")
            except SyntaxError:
                self.writable.update(sparql)  # raises the user's own syntax error, if it has one
                self.writable.update(MERGE_DEFAULT)
        except SyntaxError as error:
            raise QueryError(f"SPARQL syntax error: {one_line(error)}") from None
        except OSError as error:
            raise QueryError(f"update failed: {one_line(error)}") from None
        self._install_ontology()  # an update may have touched the ontology's graph

    # ------------------------------------------------------------------ reading
    def document_iris(self) -> list[str]:
        """IRIs of the stored documents, sorted."""
        return sorted(g.value for g in self.oxigraph.named_graphs() if isinstance(g, ox.NamedNode)
                      and g.value != ONTOLOGY_GRAPH and not g.value.startswith(STAGING_PREFIX))

    def resolve(self, doc_id_or_iri: str) -> list[str]:
        """The IRIs of the documents a command-line DOC_ID names: a document IRI, or a dcterms:identifier."""
        if self._is_document_graph(doc_id_or_iri):
            return [doc_id_or_iri]
        iris = self._documents_with_id(doc_id_or_iri)
        if not iris:
            raise StoreError(f"{self.path}: no document '{doc_id_or_iri}' in the store")
        return iris

    def _documents_with_id(self, doc_id: str) -> list[str]:
        # Its own function so that no frame of an error's traceback keeps the query results,
        # which hold the store open.
        found = self.oxigraph.query(_PREFIXES + _DOCUMENTS_WITH_ID,
                                    substitutions={ox.Variable("id"): ox.Literal(doc_id)})
        return sorted(solution["g"].value for solution in found)

    def _is_document_graph(self, text: str) -> bool:
        if text == ONTOLOGY_GRAPH or ":" not in text:
            return False
        try:
            return self.oxigraph.contains_named_graph(ox.NamedNode(text))
        except ValueError:  # not an IRI at all: then it is a document id
            return False

    def ntriples(self, graph_iri: str) -> bytes:
        """One named graph as N-Triples."""
        quads = self.oxigraph.quads_for_pattern(None, None, None, ox.NamedNode(graph_iri))
        return ox.serialize((q.triple for q in quads), format=ox.RdfFormat.N_TRIPLES)

    def document_quads(self) -> Iterator[ox.Quad]:
        """Every quad of the documents' graphs, grouped by graph and subject (the store's own order, so a
        writer gives each subject one block)."""
        ontology = ox.NamedNode(ONTOLOGY_GRAPH)
        for quad in self.oxigraph.quads_for_pattern(None, None, None, None):
            graph = quad.graph_name
            if isinstance(graph, ox.NamedNode) and graph != ontology and not graph.value.startswith(STAGING_PREFIX):
                yield quad

    def merged_triples(self) -> Iterator[ox.Triple]:
        """The merge of the documents' graphs: the default graph without the triples only the ontology's
        graph holds, grouped by subject."""
        store, ontology = self.oxigraph, ox.NamedNode(ONTOLOGY_GRAPH)
        ontology_only = {quad.triple for quad in store.quads_for_pattern(None, None, None, ontology)
                         if not any(isinstance(other.graph_name, ox.NamedNode) and other.graph_name != ontology
                                    for other in store.quads_for_pattern(*quad.triple, None))}
        for quad in store.quads_for_pattern(None, None, None, ox.DefaultGraph()):
            if quad.triple not in ontology_only:
                yield quad.triple

    def named_graphs(self) -> Iterator[tuple[str, Graph]]:
        """(document IRI, its rdflib graph) for every document, sorted by IRI: what an export writes."""
        for iri in self.document_iris():
            yield iri, _rdflib_graph(self.ntriples(iri))

    def union_graph(self) -> Graph:
        """The merge of all documents' graphs as one rdflib graph (entities shared by IRI)."""
        triples = self.oxigraph.query(_DOCUMENT_UNION)
        return _rdflib_graph(triples.serialize(format=ox.RdfFormat.N_TRIPLES))

    def query(self, sparql: str, timeout: float | None = None) -> Table:
        """Answer a SELECT/ASK (or CONSTRUCT, as subject/predicate/object rows) over all documents;
        GRAPH <document IRI> { … } reaches one. Raises QueryTimeout past `timeout` seconds."""
        store = self.oxigraph
        return call_with_timeout(lambda: select(store, sparql, union_default_graph=False), timeout)

    def stats(self) -> StoreStats:
        count = lambda rows: tuple((kind, int(n)) for kind, n in rows)  # noqa: E731
        entities = count(select(self.oxigraph, _ENTITIES_BY_KIND, union_default_graph=False).rows)
        events = count(select(self.oxigraph, _EVENTS_BY_TYPE, union_default_graph=False).rows)
        triples = int(select(self.oxigraph, _DOCUMENT_TRIPLES, union_default_graph=False).rows[0][0])
        return StoreStats(documents=len(self.document_iris()), entities=sum(n for _, n in entities),
                          entities_by_kind=entities, events=sum(n for _, n in events),
                          events_by_type=events, triples=triples)

