"""`newsgraph export`: RDF formats round-trip, tables and networks say what the graph says."""
from __future__ import annotations

import csv
import io
import json

import networkx as nx
import pytest
from click.testing import CliRunner
from rdflib import Dataset, URIRef
from rdflib.compare import isomorphic
from seedlike import BIDEN, TRUMP, seed_like

from graph.cli import main
from graph.output.export import export, write_documents
from graph.output.networks import actor_pairs
from graph.output.sources import open_source
from graph.pipeline import document_graphs
from graph.rdf.files import read_graph
from graph.rdf.mapping import IriMinter

RDF_EXTENSIONS = ["ttl", "nt", "nq", "trig", "jsonld", "rdf"]
DOCUMENT_IRIS = {str(IriMinter().document(r.document)) for r in seed_like()}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """The seed-shaped corpus written as Turtle (merged) and as TriG (one graph per document)."""
    folder = tmp_path_factory.mktemp("corpus")
    for name in ("seed.ttl", "seed.trig"):
        write_documents(document_graphs(seed_like()), folder / name)
    return folder


@pytest.mark.parametrize("source_name", ["seed.ttl", "seed.trig"])
@pytest.mark.parametrize("extension", RDF_EXTENSIONS)
def test_every_rdf_export_reparses_to_the_same_graph(corpus, tmp_path, source_name, extension):
    output = tmp_path / f"graph.{extension}"
    export(open_source(corpus / source_name), output)
    assert isomorphic(read_graph(output), read_graph(corpus / "seed.ttl"))


@pytest.mark.parametrize("extension", ["nq", "trig"])
def test_quad_exports_of_a_merged_graph_hold_one_named_graph_per_document(corpus, tmp_path, extension):
    output = tmp_path / f"graph.{extension}"
    export(open_source(corpus / "seed.ttl"), output)
    dataset = Dataset().parse(str(output), format="nquads" if extension == "nq" else "trig")
    names = {str(g.identifier) for g in dataset.graphs() if len(g)}
    assert names == DOCUMENT_IRIS
    for name in names:  # each document's graph names the entities it mentions
        graph = dataset.graph(URIRef(name))
        assert (URIRef(IriMinter().entity(BIDEN)), None, None) in graph


def test_jsonld_reads_with_short_terms(corpus, tmp_path):
    output = tmp_path / "graph.jsonld"
    export(open_source(corpus / "seed.ttl"), output)
    data = json.loads(output.read_text())
    call = next(n for n in data["@graph"] if n.get("type") == "PhoneCall" and n["id"].endswith("article-1/e1"))
    assert call["agent"] == str(IriMinter().entity(BIDEN))
    assert call["date"] == "2024-11-07"
    biden = next(n for n in data["@graph"] if n["id"] == str(IriMinter().entity(BIDEN)))
    assert biden["label"] == "Joe Biden" and biden["type"] == "Person"


def _csv_rows(path):
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))


def test_events_csv_has_a_row_per_event_with_names_and_sentence(corpus, tmp_path):
    output = tmp_path / "events.csv"
    export(open_source(corpus / "seed.ttl"), output)
    rows = _csv_rows(output)
    assert len(rows) == sum(len(r.events) for r in seed_like())
    call = next(r for r in rows if r["id"].endswith("article-1/e1"))
    assert (call["type"], call["date"], call["agent"], call["recipient"], call["document"]) == (
        "PhoneCall", "2024-11-07", "Joe Biden", "Donald Trump", "article-1")
    assert call["sentence"].startswith("President Joe Biden called Donald Trump")
    meeting = next(r for r in rows if r["id"].endswith("article-1/e7"))
    assert meeting["planned"] == "true"
    agreement = next(r for r in rows if r["type"] == "Agreement")
    assert agreement["participants"] == "Donald Trump; Joe Biden"


def test_entities_csv_lists_aliases_roles_and_mentions(corpus, tmp_path):
    output = tmp_path / "entities.csv"
    export(open_source(corpus / "seed.ttl"), output, table="entities")
    rows = {r["name"]: r for r in _csv_rows(output)}
    assert len(rows) == len({e.key for r in seed_like() for e in r.entities})
    assert rows["Joe Biden"]["type"] == "Person"
    assert rows["Joe Biden"]["aliases"] == "Biden"
    assert rows["Karine Jean-Pierre"]["roles"] == "press secretary (White House)"
    expected = len({(r.document.id, m.begin, m.end) for r in seed_like() for e in r.entities if e.key == BIDEN
                    for m in e.mentions})
    assert int(rows["Joe Biden"]["mentions"]) == expected


def test_actor_graphml_has_one_edge_per_event_pair(corpus, tmp_path):
    output = tmp_path / "actors.graphml"
    export(open_source(corpus / "seed.ttl"), output)
    graph = nx.read_graphml(output, force_multigraph=True)
    biden, trump = str(IriMinter().entity(BIDEN)), str(IriMinter().entity(TRUMP))
    assert graph.nodes[biden]["label"] == "Joe Biden"
    calls = [data for _, target, data in graph.out_edges(biden, data=True) if target == trump]
    assert {"PhoneCall 2024-11-07", "Congratulation 2024-11-07", "Meeting (planned) 2024-11-13"} <= {d["label"] for d in calls}
    from graph.output.tables import read_tables

    events = read_tables(open_source(corpus / "seed.ttl").store).events
    assert graph.number_of_edges() == sum(len(actor_pairs(e)) for e in events)


def test_full_gexf_has_entities_and_events_as_nodes(corpus, tmp_path):
    output = tmp_path / "full.gexf"
    export(open_source(corpus / "seed.ttl"), output, projection="full")
    graph = nx.read_gexf(output)
    kinds = [data.get("kind") for _, data in graph.nodes(data=True)]
    assert kinds.count("event") == sum(len(r.events) for r in seed_like())
    assert kinds.count("entity") == len({e.key for r in seed_like() for e in r.entities})


def test_cytoscape_json_loads_back_into_networkx(corpus, tmp_path):
    output = tmp_path / "graph.cyjs"
    export(open_source(corpus / "seed.ttl"), output)
    data = json.loads(output.read_text())
    graph = nx.cytoscape_graph(data)
    assert graph.nodes[str(IriMinter().entity(TRUMP))]["label"] == "Donald Trump"
    assert len(data["elements"]["edges"]) == graph.number_of_edges() > 0


def test_a_store_folder_exports_its_documents_as_named_graphs(tmp_path):
    store_module = pytest.importorskip("graph.store")
    with store_module.Store(tmp_path / "store") as store:
        store.add(document_graphs(seed_like()))
        expected = store.union_graph()
    export(open_source(tmp_path / "store"), tmp_path / "graph.trig")
    dataset = Dataset().parse(str(tmp_path / "graph.trig"), format="trig")
    assert {str(g.identifier) for g in dataset.graphs() if len(g)} == DOCUMENT_IRIS
    assert isomorphic(read_graph(tmp_path / "graph.trig"), expected)


def test_cli_export_reports_bad_input_in_one_line_and_writes_nothing(corpus, tmp_path):
    runner = CliRunner()
    result = runner.invoke(main, ["export", str(corpus / "seed.ttl"), "-o", str(tmp_path / "graph.docx")])
    assert result.exit_code == 1
    assert "cannot tell the format" in result.output and "Traceback" not in result.output
    broken = tmp_path / "broken.ttl"
    broken.write_text("<a> <b> ")
    result = runner.invoke(main, ["export", str(broken), "-o", str(tmp_path / "out.nt")])
    assert result.exit_code == 1 and "cannot parse" in result.output
    assert list(tmp_path.glob("out.nt*")) == [] and list(tmp_path.glob(".out.nt*")) == []


def test_cli_export_writes_the_table_asked_for(corpus, tmp_path):
    output = tmp_path / "entities.csv"
    result = CliRunner().invoke(main, ["export", str(corpus / "seed.ttl"), "-o", str(output), "--table", "entities"])
    assert result.exit_code == 0, result.output
    assert output.read_text().splitlines()[0] == "id,type,name,aliases,roles,mentions"
