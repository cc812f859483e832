"""The store's commands start without rdflib: its import was a third of `query --store`'s start-up, and
the commands answer through Oxigraph alone; an RDF export of a store loads neither rdflib nor networkx."""
from __future__ import annotations

import subprocess
import sys

import rdflib.namespace as ns
from test_store import documents

from graph.pipeline import document_graphs
from graph.rdf import iris, vocab
from graph.store import Store

# runs a command in a fresh interpreter, then says which of the libraries it loaded
COMMAND = """import sys
from graph.cli import main
try:
    main(sys.argv[1:])
except SystemExit as exit:
    assert not exit.code, exit.code
print(*sorted({"rdflib", "networkx"} & set(sys.modules)) or ["neither rdflib nor networkx"])
"""


def run(*args: str) -> list[str]:
    result = subprocess.run([sys.executable, "-c", COMMAND, *args], capture_output=True, text=True, check=True)
    return result.stdout.splitlines()


def test_query_store_answers_without_loading_rdflib(tmp_path):
    with Store(tmp_path / "store") as store:
        store.add(document_graphs(documents()))
    lines = run("query", "--store", str(tmp_path / "store"), "--name", "who-called-whom", "--format", "csv")
    assert lines[-1] == "neither rdflib nor networkx"
    assert any("Biden" in line for line in lines[:-1])  # and it answered


def test_a_store_exports_to_turtle_and_nquads_without_rdflib_or_networkx(tmp_path):
    with Store(tmp_path / "store") as store:
        store.add(document_graphs(documents()))
    for name in ("graph.ttl", "graph.nq"):
        lines = run("export", str(tmp_path / "store"), "-o", str(tmp_path / name))
        assert lines[-1] == "neither rdflib nor networkx", name
        assert "Biden" in (tmp_path / name).read_text(encoding="utf-8")  # and it wrote the graph


def test_the_plain_namespaces_are_rdflibs():
    assert (iris.RDF_IRI, iris.RDFS_IRI, iris.XSD_IRI, iris.OWL_IRI) == (str(ns.RDF), str(ns.RDFS), str(ns.XSD), str(ns.OWL))
    assert (iris.SKOS_IRI, iris.PROV_IRI, iris.DCTERMS_IRI) == (str(ns.SKOS), str(ns.PROV), str(ns.DCTERMS))
    assert (iris.NIF_IRI, iris.SEM_IRI, iris.SCHEMA_IRI) == (str(vocab.NIF), str(vocab.SEM), str(vocab.SCHEMA))
    assert vocab.PREFIXES["ng"] == str(vocab.NG)
