"""Pushing to external triple stores: a real Oxigraph server started here, and `newsgraph serve`."""
from __future__ import annotations

import base64
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from serving import served
from test_serve import rows_of
from test_store import call_document, canonical_rows, document_iri, documents, meeting_document

from graph.cli import main
from graph.output.export import write_documents
from graph.pipeline import document_graphs
from graph.rdf.ontology import bundled_queries
from graph.store import Store
from graph.store.push import Endpoint, PushError, file_payloads, push, store_payloads
from graph.store.query import Table

pytestmark = pytest.mark.server


def oxigraph_binary() -> str | None:
    beside_python = Path(sys.executable).with_name("oxigraph")
    return str(beside_python) if beside_python.exists() else shutil.which("oxigraph")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def oxigraph_server(tmp_path):
    """A fresh Oxigraph server on 127.0.0.1 (its own data folder per test); yields its base URL."""
    binary = oxigraph_binary()
    if binary is None:
        pytest.skip("no oxigraph server binary (pip install oxigraph: it is in the dev extra)")
    port = free_port()
    process = subprocess.Popen([binary, "serve", "--location", str(tmp_path / "oxigraph"),
                                "--bind", f"127.0.0.1:{port}"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):  # up to ~10 s to start
            try:
                if httpx.get(f"{url}/query", params={"query": "ASK {}"}).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.1)
        else:
            pytest.fail(f"oxigraph did not start: {process.stderr.read1().decode() if process.poll() is not None else ''}")
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "store") as opened:
        opened.add(document_graphs(documents()))
        yield opened


def remote_table(query_url: str, sparql: str) -> Table:
    response = httpx.post(query_url, data={"query": sparql}, headers={"Accept": "application/sparql-results+json"})
    assert response.status_code == 200, response.text
    solutions = ox.parse_query_results(response.content, format=ox.QueryResultsFormat.JSON)
    variables = tuple(v.value for v in solutions.variables)
    return Table(variables, tuple(tuple(s[v].value if s[v] is not None else None for v in variables)
                                  for s in solutions))


def assert_same_answers(query_url: str, store: Store) -> None:
    for name, sparql in bundled_queries().items():
        remote, local = remote_table(query_url, sparql), store.query(sparql)
        assert remote.variables == local.variables, name
        assert canonical_rows(remote) == canonical_rows(local), name


def graph_size(query_url: str, graph_iri: str) -> int:
    table = remote_table(query_url, f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph_iri}> {{ ?s ?p ?o }} }}")
    return int(table.rows[0][0])


def test_graph_store_protocol_push_answers_like_the_embedded_store(oxigraph_server, store):
    target = Endpoint(f"{oxigraph_server}/store", update_url=f"{oxigraph_server}/update")
    report = push(store_payloads(store), target, merge_default=True)
    assert (report.graphs, report.method) == (3, "gsp")  # the ontology and two documents
    assert_same_answers(f"{oxigraph_server}/query", store)
    assert remote_table(f"{oxigraph_server}/query", bundled_queries()["who-called-whom"]).rows == (
        ("Donald Trump", "Joe Biden", "Joe Biden", "2024-11-07", "false"),)


def test_sparql_update_push_answers_like_the_embedded_store(oxigraph_server, store):
    report = push(store_payloads(store), Endpoint(f"{oxigraph_server}/update", method="update"), merge_default=True)
    assert report.method == "update"
    assert_same_answers(f"{oxigraph_server}/query", store)


@pytest.mark.parametrize("method", ["gsp", "update"])
def test_pushing_again_replaces_each_document_graph(oxigraph_server, store, method):
    url = f"{oxigraph_server}/store" if method == "gsp" else f"{oxigraph_server}/update"
    target = Endpoint(url, update_url=f"{oxigraph_server}/update", method=method)
    push(store_payloads(store), target)
    store.add(document_graphs([call_document(event_kind="Meeting")]))  # rebuilt: its phone call became a meeting
    push(store_payloads(store), target, merge_default=True)
    for iri in store.document_iris():
        assert graph_size(f"{oxigraph_server}/query", iri) == len(store.ntriples(iri).splitlines())
    assert remote_table(f"{oxigraph_server}/query", bundled_queries()["who-called-whom"]).rows == ()
    assert_same_answers(f"{oxigraph_server}/query", store)


def test_a_quads_file_pushes_one_graph_per_document(oxigraph_server, store, tmp_path):
    trig = tmp_path / "graph.trig"
    write_documents(store.named_graphs(), trig)
    result = CliRunner().invoke(main, ["push", str(trig), "--endpoint", f"{oxigraph_server}/store",
                                       "--update-endpoint", f"{oxigraph_server}/update", "--merge-default"])
    assert result.exit_code == 0, result.output
    assert "pushed 3 graphs" in result.output and "Graph Store Protocol" in result.output
    for result_records in documents():
        iri = document_iri(result_records)
        assert graph_size(f"{oxigraph_server}/query", iri) == len(store.ntriples(iri).splitlines())
    assert_same_answers(f"{oxigraph_server}/query", store)


def test_a_triples_file_goes_to_the_graph_asked_for(tmp_path, store):
    ttl = tmp_path / "graph.ttl"
    write_documents(store.named_graphs(), ttl)
    payloads = dict(file_payloads(ttl, graph="urn:news", ontology=False))
    assert list(payloads) == ["urn:news"]
    assert len(payloads["urn:news"].splitlines()) == store.stats().triples
    assert list(dict(file_payloads(ttl, ontology=False))) == [None]  # the default graph


def test_cli_pushes_a_store(oxigraph_server, store):
    store.close()  # the command opens the folder itself
    result = CliRunner().invoke(main, ["push", "--store", str(store.path), "--endpoint", f"{oxigraph_server}/store"])
    assert result.exit_code == 0, result.output
    assert graph_size(f"{oxigraph_server}/query", document_iri(meeting_document())) > 0


# ---------------------------------------------------------------------- newsgraph serve as the target
@pytest.fixture
def newsgraph_endpoint(tmp_path):
    """An empty store served with an update token: it speaks SPARQL Update but not the Graph Store Protocol."""
    Store(tmp_path / "target").close()
    with served(tmp_path / "target", "--update-token", "t0ken", "--max-queries", "2") as (url, _):
        yield url + "sparql", tmp_path / "target"


def test_auto_falls_back_to_sparql_update_with_a_bearer_token(newsgraph_endpoint, store):
    url, _ = newsgraph_endpoint
    report = push(store_payloads(store), Endpoint(url, token="t0ken"))
    assert report.method == "update"
    graphs = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } FILTER(?g != <https://w3id.org/newsgraph/ontology>) }"
    served_graphs = sorted(g for (g,) in rows_of(httpx.post(url, data={"query": graphs})))
    assert served_graphs == store.document_iris()
    for name, sparql in bundled_queries().items():
        answered = Table((), tuple(rows_of(httpx.post(url, data={"query": sparql}))))
        assert canonical_rows(answered) == canonical_rows(store.query(sparql)), name


def test_refused_and_unreachable_endpoints_give_clear_errors(newsgraph_endpoint, store):
    url, _ = newsgraph_endpoint
    with pytest.raises(PushError, match=r"refused \(401 Unauthorized\): check --user/--password or --token"):
        push(store_payloads(store), Endpoint(url, token="wrong"))
    with pytest.raises(PushError, match="cannot reach .* is the triple store running"):
        push(store_payloads(store), Endpoint(f"http://127.0.0.1:{free_port()}/store"))
    with pytest.raises(PushError, match="not an http"):
        push(store_payloads(store), Endpoint("localhost:7878/store"))
    result = CliRunner().invoke(main, ["push", "--store", "x", "--endpoint", url, "--user", "a", "--token", "b"])
    assert result.exit_code == 1 and "not both" in result.output


# ---------------------------------------------------------------------- credentials on the wire
def recording_client(endpoint: Endpoint, seen: list[httpx.Request], challenge: bool = False) -> httpx.Client:
    from graph.store.push import _client

    def answer(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        if challenge and "Authorization" not in request.headers:
            return httpx.Response(401, headers={"WWW-Authenticate": 'Digest realm="virtuoso", nonce="abc", qop="auth"'})
        return httpx.Response(201)

    client = _client(endpoint)
    client._transport = httpx.MockTransport(answer)  # same auth and headers, no network
    return client


@pytest.mark.parametrize("endpoint, expected_prefix", [
    (Endpoint("http://example.org/gsp", user="ann", password="pw"), "Basic " + base64.b64encode(b"ann:pw").decode()),
    (Endpoint("http://example.org/gsp", token="tok"), "Bearer tok"),
    (Endpoint("http://example.org/gsp", user="ann", password="pw", digest=True), 'Digest username="ann"'),
])
def test_credentials_are_sent_as_asked(endpoint, expected_prefix):
    seen: list[httpx.Request] = []
    client = recording_client(endpoint, seen, challenge=endpoint.digest)
    push([("urn:g", b"<urn:a> <urn:b> <urn:c> .\n")], endpoint, client=client)
    sent = seen[-1]
    assert sent.method == "PUT" and sent.url.params["graph"] == "urn:g"
    assert sent.headers["Authorization"].startswith(expected_prefix)
