"""A build killed at any moment (kill -9) leaves every document in the store whole: a re-built one old or
new, never gone; a new one written or absent, never part-written."""
from __future__ import annotations

import random
import signal
import subprocess
import sys
import time

import pyoxigraph as ox
import pytest

from graph.store import Store
from graph.store.folder import PENDING_GRAPH, STAGING_PREFIX

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


def check_every_document_whole(path, allowed: set[str], documents: int = DOCUMENTS) -> set[str]:
    with Store(path, create=False) as store:
        assert len(store.document_iris()) == documents
        by_document = versions(store)
        assert len(by_document) == documents
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


def stored_documents(path) -> int:
    with Store(path, create=False, read_only=True) as store:
        return len(store.document_iris())


@pytest.mark.skipif(sys.platform == "win32", reason="kill -9 is POSIX")
def test_a_first_build_killed_at_random_moments_leaves_each_document_whole_or_absent(tmp_path):
    started = time.monotonic()
    assert rebuild(tmp_path / "timed", "v0").wait(timeout=120) == 0
    duration = time.monotonic() - started
    chance = random.Random(7)
    partial = 0
    for trial in range(TRIALS):
        path = tmp_path / f"store-{trial}"
        process = rebuild(path, "v0")
        time.sleep(chance.uniform(0, duration))
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
        present = stored_documents(path)  # a read-only open repairs a cut-off write first
        check_every_document_whole(path, {"v0"}, documents=present)
        partial += 0 < present < DOCUMENTS
    assert partial >= 1  # some kill did land in the middle of the build


def test_an_open_removes_what_a_cut_off_bulk_load_wrote_of_its_new_documents(tmp_path):
    path = tmp_path / "store"
    kept, cut = ox.NamedNode(BASE + "kept"), ox.NamedNode(BASE + "cut")
    label = ox.NamedNode("https://example.org/name")
    with Store(path) as store:
        store.oxigraph.extend([ox.Quad(kept, label, ox.Literal("kept"), graph) for graph in (kept, ox.DefaultGraph())])
        # what a write killed during its bulk load leaves: the batch listed as pending, one document part-written
        pending = ox.NamedNode(PENDING_GRAPH)
        store.oxigraph.extend([ox.Quad(cut, pending, pending, pending), ox.Quad(kept, pending, pending, pending)])
        store.oxigraph.extend([ox.Quad(cut, label, ox.Literal("cut"), graph) for graph in (cut, ox.DefaultGraph())])
    with Store(path, create=False, read_only=True) as reader:
        assert reader.document_iris() == []  # the whole batch goes: "kept" was listed in it too
        assert not reader.oxigraph.query(f"ASK {{ ?s <{label.value}> ?o }}")
    with Store(path, create=False) as store:
        store.oxigraph.extend([ox.Quad(kept, label, ox.Literal("kept"), graph) for graph in (kept, ox.DefaultGraph())])
    with Store(path, create=False) as again:  # nothing pending: an open removes nothing
        assert again.document_iris() == [kept.value]


class _DiskFullHalfway:
    """A pyoxigraph store whose bulk load writes the first half of its input, then fails."""

    def __init__(self, store: ox.Store):
        self._real = store

    def __getattr__(self, name):
        return getattr(self._real, name)

    def bulk_load(self, data: bytes, **options) -> None:
        lines = data.splitlines(keepends=True)
        self._real.bulk_load(b"".join(lines[:len(lines) // 2]), **options)
        raise OSError("No space left on device")


def test_a_failed_bulk_load_leaves_no_part_of_its_documents_for_later_writes(tmp_path):
    name = ox.NamedNode("https://example.org/name")
    first, second = ox.NamedNode(BASE + "first"), ox.NamedNode(BASE + "second")
    with Store(tmp_path / "store") as store:
        store._store = _DiskFullHalfway(store.oxigraph)
        facts = [ox.Triple(first, name, ox.Literal(f"fact {n}")) for n in range(10)]
        with pytest.raises(OSError, match="No space"):
            store.add([(first.value, facts)])
        store._store = store._store._real
        store.add([(second.value, [ox.Triple(second, name, ox.Literal("whole"))])])  # this process writes on
        assert store.document_iris() == [second.value]
        assert not store.oxigraph.query(f"ASK {{ <{first.value}> ?p ?o }}")
