"""`Store.add` writes each full batch on a second thread while the next documents are read: a stop or
a failure on either side still leaves every document whole, and a failed write is not lost."""
from __future__ import annotations

import threading

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDFS

from graph.store import Store

BASE = "https://example.org/doc/"


def document(number: int) -> tuple[str, Graph]:
    iri = URIRef(f"{BASE}{number}")
    graph = Graph()
    graph.add((iri, DCTERMS.identifier, Literal(f"doc-{number}")))
    for k in range(9):
        graph.add((iri, RDFS.comment, Literal(f"line {k} of document {number}")))
    return str(iri), graph  # ten triples


def stored(path) -> dict[str, int]:
    """Each stored document's number of triples."""
    with Store(path, create=False, read_only=True) as store:
        rows = store.oxigraph.query(f"SELECT ?g (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} "
                                    f"FILTER STRSTARTS(STR(?g), '{BASE}') }} GROUP BY ?g")
        return {row["g"].value: int(row["n"].value) for row in rows}


@pytest.fixture
def slow_writes(monkeypatch):
    """Each batch's write waits until the test lets it go; `started` is set once a write is under way."""
    started, release = threading.Event(), threading.Event()
    write = Store._write_batch

    def held(self, graphs):
        started.set()
        assert release.wait(30)
        write(self, graphs)

    monkeypatch.setattr(Store, "_write_batch", held)
    return started, release


def test_the_next_documents_are_read_while_a_batch_is_written(tmp_path, slow_writes):
    started, release = slow_writes
    read_during_the_write = []

    def documents():
        for number in range(12):
            if started.is_set() and not release.is_set():
                read_during_the_write.append(number)
                if len(read_during_the_write) == 3:
                    release.set()
            yield document(number)

    with Store(tmp_path / "store") as store:
        assert store.add(documents(), batch_triples=40) == 12
    assert read_during_the_write == [4, 5, 6]  # the first batch (0-3) was still being written
    assert stored(tmp_path / "store") == {f"{BASE}{n}": 10 for n in range(12)}


def test_a_stop_during_a_write_still_stores_every_document_read_whole(tmp_path, slow_writes):
    started, release = slow_writes

    def documents():
        for number in range(100):
            if number == 6:
                assert started.wait(30)
                threading.Timer(0.2, release.set).start()  # the write ends after the stop
                raise KeyboardInterrupt  # as Ctrl-C (or SIGTERM, through the CLI's handler) arrives
            yield document(number)

    with Store(tmp_path / "store") as store:
        with pytest.raises(KeyboardInterrupt):
            store.add(documents(), batch_triples=40)
    assert stored(tmp_path / "store") == {f"{BASE}{n}": 10 for n in range(6)}


def test_a_failed_write_is_raised_by_add_and_nothing_after_it_is_written(tmp_path, monkeypatch):
    writes = []
    replace = Store._replace

    def failing_second(self, graphs):
        if graphs:
            writes.append(sorted(graphs))
            if len(writes) == 2:
                raise OSError("No space left on device")
        replace(self, graphs)

    read = []

    def documents():
        for number in range(40):
            read.append(number)
            yield document(number)

    with Store(tmp_path / "store") as store:
        monkeypatch.setattr(Store, "_replace", failing_second)  # (after the open, which writes the ontology)
        with pytest.raises(OSError, match="No space left"):
            store.add(documents(), batch_triples=40)
    assert len(writes) == 2 and len(read) < 40  # the adding stopped at the failure
    assert stored(tmp_path / "store") == {f"{BASE}{n}": 10 for n in range(4)}
