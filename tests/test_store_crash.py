"""A re-build killed at any moment (kill -9) leaves every document in the store, old or new, never gone."""
from __future__ import annotations

import random
import signal
import subprocess
import sys
import time

import pyoxigraph as ox
import pytest

from graph.store import Store
from graph.store.folder import STAGING_PREFIX

DOCUMENTS = 150
TRIALS = 10
BASE = "https://example.org/doc/"
VERSION = "https://example.org/version"

# Builds the documents in version argv[2] into the store argv[1], a few per transaction, and says
# "writing" on stdout just before the first write: the test kills it somewhere after that.
REBUILD = f"""
import sys
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS
from graph.store import Store

path, version = sys.argv[1], sys.argv[2]
EX = Namespace("https://example.org/")

def graphs():
    for n in range({DOCUMENTS}):
        iri = URIRef("{BASE}" + str(n))
        graph = Graph()
        graph.add((iri, DCTERMS.identifier, Literal(f"doc-{{n}}")))
        graph.add((iri, URIRef("{VERSION}"), Literal(version)))
        for k in range(40):
            graph.add((iri, EX[f"p{{k}}"], Literal(f"{{version}} {{n}} {{k}}")))
            graph.add((EX.shared, EX[f"seen{{k}}"], Literal(version)))  # in every document's graph
        yield str(iri), graph

store = Store(path)
print("writing", flush=True)
store.add(graphs(), batch_triples=400)
store.close()
print("done", flush=True)
"""


def rebuild(path, version: str) -> subprocess.Popen:
    process = subprocess.Popen([sys.executable, "-c", REBUILD, str(path), version], stdout=subprocess.PIPE, text=True)
    assert process.stdout.readline().strip() == "writing"
    return process


def versions(store: Store) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for solution in store.oxigraph.query(f"SELECT ?g ?v WHERE {{ GRAPH ?g {{ ?g <{VERSION}> ?v }} }}"):
        found.setdefault(solution["g"].value, set()).add(solution["v"].value)
    return found


def check_every_document_whole(path, allowed: set[str]) -> set[str]:
    with Store(path, create=False) as store:
        assert len(store.document_iris()) == DOCUMENTS
        by_document = versions(store)
        assert len(by_document) == DOCUMENTS
        for iri, seen in by_document.items():
            assert len(seen) == 1 and seen <= allowed, (iri, seen)
            count = store.oxigraph.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{iri}> {{ ?s ?p ?o }} }}")
            assert int(next(iter(count))["n"].value) == 82, iri  # whole: 2 + 40 + 40 triples
        # the default graph is still exactly the merge of the named graphs
        stray = "ASK { ?s ?p ?o FILTER NOT EXISTS { GRAPH ?g { ?s ?p ?o } } }"
        missing = "ASK { GRAPH ?g { ?s ?p ?o } FILTER NOT EXISTS { ?s ?p ?o } }"
        assert not store.oxigraph.query(stray) and not store.oxigraph.query(missing)
        assert not any(isinstance(g, ox.NamedNode) and g.value.startswith(STAGING_PREFIX)
                       for g in store.oxigraph.named_graphs())
        return {version for seen in by_document.values() for version in seen}


@pytest.mark.skipif(sys.platform == "win32", reason="kill -9 is POSIX")
def test_a_rebuild_killed_at_random_moments_loses_no_document(tmp_path):
    path = tmp_path / "store"
    first = rebuild(path, "v0")
    assert first.wait(timeout=120) == 0
    started = time.monotonic()
    timed = rebuild(path, "v1")  # how long a whole re-build writes, to spread the kills over it
    assert timed.wait(timeout=120) == 0
    duration = time.monotonic() - started
    assert check_every_document_whole(path, {"v1"}) == {"v1"}

    chance = random.Random(16)
    mixed = 0
    for trial in range(TRIALS):
        version = f"v{trial + 2}"
        process = rebuild(path, version)
        time.sleep(chance.uniform(0, duration))
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
        seen = check_every_document_whole(path, {f"v{n}" for n in range(1, trial + 3)})
        mixed += version in seen and len(seen) > 1
    assert mixed >= 1  # some kill did land in the middle of a re-build
