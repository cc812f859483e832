"""The persistent store: one named graph per document, replace semantics, queries over the merge."""
from __future__ import annotations

import datetime as dt
import json

import networkx as nx
import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from rdflib import RDF, Graph, URIRef
from rdflib.extras.external_graph_libs import rdflib_to_networkx_graph

from graph.cli import main
from graph.output.export import write_documents
from graph.pipeline import document_graphs
from graph.rdf.mapping import IriMinter, to_rdf
from graph.rdf.ontology import bundled_queries, ontology_text
from graph.records import Document, DocumentGraph, Entity, Event, Mention, Role
from graph.store import Store, StoreError
from graph.store.opening import StoreOpening
from graph.store.query import QueryTimeout, select

BASE = "https://w3id.org/newsgraph/id/"
BIDEN = f"{BASE}person/joe-biden"
PREFIXES = "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\nPREFIX ng: <https://w3id.org/newsgraph/ontology#>\n"


def _mention(text: str, words: str) -> Mention:
    begin = text.index(words)
    return Mention(begin, begin + len(words), words, 0, len(text))


def call_document(event_kind: str = "PhoneCall") -> DocumentGraph:
    """Biden calls (or meets) Trump; Biden is also in `meeting_document`."""
    text = "Joe Biden called Donald Trump on Thursday. Biden congratulated him on his victory."
    entities = (
        Entity("person/joe-biden", "Person", "Joe Biden", ("Joe Biden", "Biden"),
               (_mention(text, "Joe Biden"), _mention(text, "Biden congratulated")), (Role("President"),)),
        Entity("person/donald-trump", "Person", "Donald Trump", ("Donald Trump",), (_mention(text, "Donald Trump"),)),
    )
    events = (
        Event("e1", event_kind, agent="person/joe-biden", recipient="person/donald-trump",
              date=dt.date(2024, 11, 7), trigger="called", mentions=(_mention(text, "called"),)),
        Event("e2", "Congratulation", agent="person/joe-biden", recipient="person/donald-trump",
              topic="his victory", trigger="congratulated"),
    )
    return DocumentGraph(Document("biden-calls-trump", text, dt.date(2024, 11, 8), title="Biden calls Trump"),
                         entities, events)


def meeting_document() -> DocumentGraph:
    text = "Biden met Emmanuel Macron in Paris. \"We agree,\" Macron said."
    entities = (
        Entity("person/joe-biden", "Person", "Joe Biden", ("Biden",), (_mention(text, "Biden"),)),
        Entity("person/emmanuel-macron", "Person", "Emmanuel Macron", ("Emmanuel Macron", "Macron"),
               (_mention(text, "Emmanuel Macron"),)),
        Entity("place/paris", "Place", "Paris", ("Paris",), (_mention(text, "Paris"),)),
    )
    events = (
        Event("e1", "Meeting", participants=("person/joe-biden", "person/emmanuel-macron"), location="place/paris",
              trigger="met", mentions=(_mention(text, "met"),)),
        Event("e2", "Statement", agent="person/emmanuel-macron", quote="We agree", trigger="said",
              mentions=(_mention(text, "said"),)),
    )
    return DocumentGraph(Document("macron-meets-biden", text, dt.date(2024, 11, 9)), entities, events)


def documents() -> list[DocumentGraph]:
    return [call_document(), meeting_document()]


def document_iri(result: DocumentGraph) -> str:
    return str(IriMinter(BASE).document(result.document))


def sorted_rows(table) -> list[tuple]:
    return sorted(table.rows, key=lambda row: tuple("" if v is None else v for v in row))


def canonical_rows(table) -> list[tuple]:
    """Rows in a fixed order, with GROUP_CONCAT lists sorted: SPARQL fixes neither order."""
    def cell(value):
        if value is None:
            return ""
        for separator in (", ", " | "):
            value = separator.join(sorted(value.split(separator)))
        return value
    return sorted(tuple(cell(v) for v in row) for row in table.rows)


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "store") as opened:
        opened.add(document_graphs(documents()))
        yield opened


def test_shared_entity_triples_count_once_across_documents(store):
    # Biden's label sits in both documents' graphs; the store's graph is their merge, a set.
    rows = store.query(PREFIXES + f"SELECT (COUNT(*) AS ?n) WHERE {{ <{BIDEN}> rdfs:label ?label }}").rows
    assert rows == (("1",),)
    in_graphs = store.query(PREFIXES + f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ <{BIDEN}> rdfs:label ?l }} }}")
    assert in_graphs.rows == (("2",),)


def test_bundled_queries_answer_as_over_the_merged_graph_file(store):
    merged = ox.Store()
    merged.load(to_rdf(documents()).serialize(format="nt", encoding="utf-8"), format=ox.RdfFormat.N_TRIPLES)
    merged.load(ontology_text(), format=ox.RdfFormat.TURTLE)
    for name, sparql in bundled_queries().items():
        expected = select(merged, sparql)
        answered = store.query(sparql)
        assert answered.variables == expected.variables, name
        assert canonical_rows(answered) == canonical_rows(expected), name
    assert store.query(bundled_queries()["who-called-whom"]).rows == (
        ("Donald Trump", "Joe Biden", "Joe Biden", "2024-11-07", "false"),)


def test_stats_count_documents_entities_events_and_triples(store):
    figures = store.stats()
    assert figures.documents == 2
    assert dict(figures.entities_by_kind) == {"Person": 3, "Place": 1}
    assert figures.entities == 4
    assert dict(figures.events_by_type) == {"Congratulation": 1, "Meeting": 1, "PhoneCall": 1, "Statement": 1}
    assert figures.triples == len(to_rdf(documents()))
    assert json.loads(json.dumps(figures.as_dict()))["events_by_type"]["Meeting"] == 1


def test_adding_the_same_documents_again_changes_neither_stats_nor_exports(store, tmp_path):
    def exports(tag: str) -> list[bytes]:
        paths = [tmp_path / f"{tag}.trig", tmp_path / f"{tag}.ttl", tmp_path / f"{tag}.nt"]
        for path in paths:
            write_documents(store.named_graphs(), path)
        return [path.read_bytes() for path in paths]

    before_stats, before_exports = store.stats(), exports("first")
    store.add(document_graphs(documents()))
    store.add(document_graphs(reversed(documents())))
    assert store.stats() == before_stats
    assert exports("second") == before_exports


def test_building_a_changed_document_replaces_its_graph(store):
    store.add(document_graphs([call_document(event_kind="Meeting")]))
    types = dict(store.stats().events_by_type)
    assert "PhoneCall" not in types
    assert types["Meeting"] == 2
    assert store.query(bundled_queries()["who-called-whom"]).rows == ()


def test_remove_by_id_or_iri_keeps_what_other_documents_say(store):
    removed = store.remove(["biden-calls-trump"])
    assert removed == [document_iri(call_document())]
    labels = store.query(PREFIXES + "SELECT ?name WHERE { ?person a <https://schema.org/Person> ; rdfs:label ?name }")
    assert sorted_rows(labels) == [("Emmanuel Macron",), ("Joe Biden",)]
    # Biden's role came from the removed document only: it is gone with it.
    assert store.query(PREFIXES + f"SELECT ?role WHERE {{ <{BIDEN}> ng:holdsRole ?role }}").rows == ()
    store.remove([document_iri(meeting_document())])
    assert store.stats().triples == 0
    assert store.document_iris() == []


def test_removing_an_unknown_document_removes_nothing(store):
    with pytest.raises(StoreError, match="no document 'no-such-story'"):
        store.remove(["macron-meets-biden", "no-such-story"])
    assert store.stats().documents == 2


def test_graph_pattern_reaches_one_document(store):
    sparql = (PREFIXES + "SELECT ?type WHERE { GRAPH <%s> { ?event a ?class } "
              "?class rdfs:subClassOf+ ng:Event BIND(STRAFTER(STR(?class), '#') AS ?type) } ORDER BY ?type")
    assert store.query(sparql % document_iri(meeting_document())).rows == (("Meeting",), ("Statement",))


def test_union_graph_is_one_connected_graph(store):
    union = store.union_graph()
    assert len(union) == len(to_rdf(documents()))
    # Links between resources only, leaving out rdf:type (schema:Person would join everything):
    # the two documents meet at Biden's IRI.
    links = Graph()
    for s, p, o in union:
        if isinstance(o, URIRef) and p != RDF.type:
            links.add((s, p, o))
    assert nx.is_connected(rdflib_to_networkx_graph(links, edge_attrs=lambda s, p, o: {}))


def test_named_graphs_hold_each_document_sorted_by_iri(store):
    names = [name for name, _ in store.named_graphs()]
    assert names == sorted(document_iri(r) for r in documents())
    graphs = dict(store.named_graphs())
    assert len(graphs[document_iri(meeting_document())]) == len(to_rdf([meeting_document()]))


def test_store_keeps_its_documents_when_reopened(tmp_path):
    with Store(tmp_path / "store") as first:
        first.add(document_graphs(documents()))
        figures = first.stats()
    with Store(tmp_path / "store", create=False) as again:
        assert again.stats() == figures


def test_update_keeps_the_merged_graph_in_step(store):
    store.update(PREFIXES + f"INSERT DATA {{ GRAPH <urn:edits> {{ <{BIDEN}> rdfs:label \"President Biden\" }} }}")
    names = store.query(PREFIXES + f"SELECT ?name WHERE {{ <{BIDEN}> rdfs:label ?name }} ORDER BY ?name")
    assert names.rows == (("Joe Biden",), ("President Biden",))
    store.update("DROP GRAPH <urn:edits>")
    assert store.query(PREFIXES + f"SELECT ?name WHERE {{ <{BIDEN}> rdfs:label ?name }}").rows == (("Joe Biden",),)


def test_a_query_over_its_time_limit_raises(store):
    cross_join = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f }"
    with pytest.raises(QueryTimeout, match="limit"):
        store.query(cross_join, timeout=0.001)


def test_folders_that_are_not_stores_are_refused(tmp_path):
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "article.txt").write_text("Hello.")
    with pytest.raises(StoreError, match="not a newsgraph store"):
        Store(tmp_path / "texts")
    with pytest.raises(StoreError, match="no store here"):
        Store(tmp_path / "missing", create=False)
    assert not (tmp_path / "missing").exists()
    with pytest.raises(StoreError, match="is a file"):
        Store(tmp_path / "texts" / "article.txt")


def test_a_store_open_elsewhere_gives_a_clear_error(store):
    with pytest.raises(StoreError, match="open in another process"):
        Store(store.path)


def test_a_build_s_opening_gives_the_store_and_keeps_what_it_holds(tmp_path):
    with StoreOpening(tmp_path / "store") as opening:
        with opening.store() as store:
            store.add(document_graphs(documents()))
    with StoreOpening(tmp_path / "store") as opening:
        pass  # a second build that stops before it writes: the store keeps its documents
    with Store(tmp_path / "store", read_only=True) as store:
        assert store.stats().documents == 2


def test_a_build_s_opening_left_untaken_removes_the_store_it_made(tmp_path):
    with pytest.raises(KeyboardInterrupt):
        with StoreOpening(tmp_path / "out" / "store"):
            raise KeyboardInterrupt  # Ctrl-C while the model loads
    assert not (tmp_path / "out" / "store").exists()
    (tmp_path / "empty").mkdir()
    with StoreOpening(tmp_path / "empty"):
        pass
    assert list((tmp_path / "empty").iterdir()) == []


def test_a_build_s_opening_refuses_a_store_this_process_holds_open(store):
    with pytest.raises(StoreError, match="open in another process"):
        with StoreOpening(store.path) as opening:
            opening.store()
    assert store.stats().documents == 2  # and the holder's store is untouched


# ---------------------------------------------------------------------- command line
@pytest.fixture
def store_dir(tmp_path):
    with Store(tmp_path / "store") as opened:
        opened.add(document_graphs(documents()))
    return tmp_path / "store"


def test_cli_stats_query_and_remove(store_dir):
    runner = CliRunner()
    stats = runner.invoke(main, ["stats", "--store", str(store_dir)])
    assert stats.exit_code == 0, stats.output
    assert "documents  2" in stats.output and "PhoneCall" in stats.output

    called = runner.invoke(main, ["query", "--store", str(store_dir), "--name", "who-called-whom", "--format", "jsonl"])
    assert [json.loads(line) for line in called.output.splitlines()] == [
        {"party": "Donald Trump", "other_party": "Joe Biden", "caller": "Joe Biden", "date": "2024-11-07",
         "planned": False}]
    typed = runner.invoke(main, ["query", "--store", str(store_dir), "--format", "csv",
                                 PREFIXES + "SELECT ?name WHERE { ?p a <https://schema.org/Place> ; rdfs:label ?name }"])
    assert typed.output == "name\nParis\n"

    removed = runner.invoke(main, ["remove", "--store", str(store_dir), "biden-calls-trump"])
    assert removed.exit_code == 0
    as_json = json.loads(runner.invoke(main, ["stats", "--store", str(store_dir), "--json"]).output)
    assert as_json["documents"] == 1 and "PhoneCall" not in as_json["events_by_type"]


def test_cli_errors_are_one_line(store_dir, tmp_path):
    runner = CliRunner()
    cases = {
        ("build", "x.txt"): "give exactly one of -o FILE",
        ("build", "x.txt", "-o", "a.ttl", "--store", str(store_dir)): "give exactly one of -o FILE",
        ("query", "--store", str(store_dir), "a.ttl", "SELECT * {}"): "not both",
        ("query", "--store", str(tmp_path / "none"), "--name", "events"): "no store here",
        ("remove", "--store", str(store_dir), "no-such-story"): "no document 'no-such-story'",
        ("query", "--store", str(store_dir), "--timeout", "0.001",
         "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f }"): "ran longer",
    }
    for args, message in cases.items():
        result = runner.invoke(main, list(args))
        assert result.exit_code == 1, (args, result.output)
        assert result.output.startswith("newsgraph: error: ") and message in result.output, (args, result.output)
        assert "Traceback" not in result.output
