"""The SPARQL endpoint: protocol, content negotiation, limits, updates, and its page in a real browser."""
from __future__ import annotations

import json
import shutil
import subprocess

import httpx
import pyoxigraph as ox
import pytest
from serving import served
from test_store import BIDEN, PREFIXES, canonical_rows, documents

from graph.pipeline import document_graphs
from graph.rdf.ontology import bundled_queries
from graph.store import Store
from graph.store.query import Table
from graph.store.serve import negotiate

pytestmark = pytest.mark.server
TOKEN = "s3cret-token"
PLACES = PREFIXES + "SELECT ?name WHERE { ?place a <https://schema.org/Place> ; rdfs:label ?name }"
FEW_WORKERS = ("--max-queries", "3")


def new_store(path):
    """A store of the two test documents (each server needs its own: a store opens in one process)."""
    with Store(path) as opened:
        opened.add(document_graphs(documents()))
    return path


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory):
    return new_store(tmp_path_factory.mktemp("served") / "store")


@pytest.fixture(scope="module")
def expected(store_dir):
    """What the embedded store answers to each bundled query (read before the server locks the folder)."""
    with Store(store_dir, create=False) as store:
        return {name: canonical_rows(store.query(sparql)) for name, sparql in bundled_queries().items()}


@pytest.fixture(scope="module")
def endpoint(store_dir, expected):
    with served(store_dir, "--update-token", TOKEN, *FEW_WORKERS) as (url, _):
        yield url


def rows_of(response: httpx.Response) -> list[tuple]:
    solutions = ox.parse_query_results(response.content, format=ox.QueryResultsFormat.JSON)
    variables = [v.value for v in solutions.variables]
    return [tuple(s[v].value if s[v] is not None else None for v in variables) for s in solutions]


def test_get_and_both_post_forms_answer_the_same(endpoint):
    url = endpoint + "sparql"
    by_get = httpx.get(url, params={"query": PLACES})
    by_form = httpx.post(url, data={"query": PLACES})
    by_body = httpx.post(url, content=PLACES, headers={"Content-Type": "application/sparql-query"})
    for response in (by_get, by_form, by_body):
        assert response.status_code == 200
        assert response.headers["Content-Type"] == "application/sparql-results+json"
        assert rows_of(response) == [("Paris",)]


def test_bundled_queries_answer_as_the_embedded_store(endpoint, expected):
    for name, sparql in bundled_queries().items():
        response = httpx.post(endpoint + "sparql", data={"query": sparql})
        assert response.status_code == 200, (name, response.text)
        assert canonical_rows(Table((), tuple(rows_of(response)))) == expected[name], name


@pytest.mark.parametrize("accept, media_type, first_line", [
    ("application/sparql-results+xml", "application/sparql-results+xml", "<?xml"),
    ("text/csv", "text/csv; charset=utf-8", "name"),
    ("text/tab-separated-values", "text/tab-separated-values; charset=utf-8", "?name"),
    ("text/html;q=0.9, text/csv;q=0.5", "text/csv; charset=utf-8", "name"),
    ("*/*", "application/sparql-results+json", "{"),
])
def test_select_results_follow_the_accept_header(endpoint, accept, media_type, first_line):
    response = httpx.post(endpoint + "sparql", data={"query": PLACES}, headers={"Accept": accept})
    assert response.status_code == 200
    assert response.headers["Content-Type"] == media_type
    assert response.text.startswith(first_line)
    assert "Paris" in response.text


@pytest.mark.parametrize("accept, rdf_format", [
    ("text/turtle", ox.RdfFormat.TURTLE),
    ("application/ld+json", ox.RdfFormat.JSON_LD),
    ("application/n-triples", ox.RdfFormat.N_TRIPLES),
])
def test_construct_results_come_as_rdf(endpoint, accept, rdf_format):
    construct = f"CONSTRUCT {{ <{BIDEN}> ?p ?o }} WHERE {{ <{BIDEN}> ?p ?o }}"
    response = httpx.post(endpoint + "sparql", data={"query": construct}, headers={"Accept": accept})
    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith(accept)
    triples = list(ox.parse(response.content, format=rdf_format))
    assert ox.Literal("Joe Biden") in {t.object for t in triples}


def test_ask_answers_a_boolean(endpoint):
    response = httpx.get(endpoint + "sparql", params={"query": f"ASK {{ <{BIDEN}> ?p ?o }}"})
    assert response.json()["boolean"] is True


def test_unacceptable_accept_and_bad_queries_get_clear_errors(endpoint):
    url = endpoint + "sparql"
    refused = httpx.post(url, data={"query": PLACES}, headers={"Accept": "image/png"})
    assert refused.status_code == 406 and "text/csv" in refused.text
    broken = httpx.post(url, data={"query": "SELEC ?x"})
    assert broken.status_code == 400 and "syntax error" in broken.text
    assert httpx.post(url, data={"nothing": "here"}).status_code == 400
    assert httpx.post(url, content="x", headers={"Content-Type": "text/plain"}).status_code == 415
    assert httpx.get(endpoint + "elsewhere").status_code == 404


def test_updates_need_the_token(endpoint):
    url = endpoint + "sparql"
    insert = f'INSERT DATA {{ GRAPH <urn:edits> {{ <{BIDEN}> <http://www.w3.org/2000/01/rdf-schema#label> "POTUS" }} }}'
    assert httpx.post(url, data={"update": insert}).status_code == 401
    assert httpx.post(url, data={"update": insert}, headers={"Authorization": "Bearer wrong"}).status_code == 401
    assert httpx.get(url, params={"update": insert}).status_code == 405
    labels = PREFIXES + f"SELECT ?l WHERE {{ <{BIDEN}> rdfs:label ?l }} ORDER BY ?l"
    assert rows_of(httpx.post(url, data={"query": labels})) == [("Joe Biden",)]

    accepted = httpx.post(url, content=insert, headers={"Authorization": f"Bearer {TOKEN}",
                                                        "Content-Type": "application/sparql-update"})
    assert accepted.status_code == 204
    assert rows_of(httpx.post(url, data={"query": labels})) == [("Joe Biden",), ("POTUS",)]
    dropped = httpx.post(url, data={"update": "DROP GRAPH <urn:edits>"}, headers={"Authorization": f"Bearer {TOKEN}"})
    assert dropped.status_code == 204
    assert rows_of(httpx.post(url, data={"query": labels})) == [("Joe Biden",)]


def test_without_a_token_the_endpoint_is_read_only(tmp_path):
    with served(new_store(tmp_path / "store"), "--max-queries", "2") as (url, _):
        response = httpx.post(url + "sparql", data={"update": "CLEAR ALL"})
        assert response.status_code == 403 and "read-only" in response.text
        assert rows_of(httpx.post(url + "sparql", data={"query": PLACES})) == [("Paris",)]


def test_results_over_the_size_limit_are_refused(tmp_path):
    with served(new_store(tmp_path / "store"), "--max-result-mb", "0.002", "--max-queries", "2") as (url, _):
        everything = httpx.post(url + "sparql", data={"query": "SELECT * WHERE { ?s ?p ?o }"})
        assert everything.status_code == 400 and "limit of 2,000 bytes" in everything.text
        assert httpx.post(url + "sparql", data={"query": PLACES}).status_code == 200


def test_page_and_bundled_query_list(endpoint):
    page = httpx.get(endpoint)
    assert page.status_code == 200 and page.headers["Content-Type"].startswith("text/html")
    assert "<textarea" in page.text
    assert json.loads(httpx.get(endpoint + "queries").text) == bundled_queries()


def test_negotiation_prefers_quality_then_server_order():
    offers = (("application/sparql-results+json", 1), ("text/csv", 2))
    assert negotiate(None, offers)[0] == "application/sparql-results+json"
    assert negotiate("text/*", offers)[0] == "text/csv"
    assert negotiate("text/csv;q=0.4, application/*;q=0.5", offers)[0] == "application/sparql-results+json"
    assert negotiate("application/sparql-results+json;q=0, */*", offers)[0] == "text/csv"
    assert negotiate("image/png", offers) is None


# ---------------------------------------------------------------------- the page in Chromium
def chromium_binary() -> str | None:
    return next((path for name in ("chromium", "chromium-browser", "google-chrome", "chrome")
                 if (path := shutil.which(name))), None)


def rendered_page(url: str, tmp_path) -> str:
    browser = chromium_binary()
    if browser is None:
        pytest.skip("no chromium binary on PATH (apt-get install chromium)")
    command = [browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--no-first-run", f"--user-data-dir={tmp_path / 'profile'}",
               "--virtual-time-budget=10000", "--dump-dom", url]
    return subprocess.run(command, capture_output=True, text=True, timeout=120, check=True).stdout


@pytest.mark.browser
def test_page_runs_a_bundled_example_and_shows_a_table(endpoint, tmp_path):
    dom = rendered_page(endpoint + "?example=who-called-whom", tmp_path)
    assert '<table id="result-table">' in dom
    assert "<th>caller</th>" in dom and "<td>Donald Trump</td><td>Joe Biden</td><td>Joe Biden</td>" in dom
    assert "1 row in" in dom
    assert '<option value="who-said-what">who-said-what</option>' in dom


@pytest.mark.browser
def test_page_shows_errors_of_a_typed_query(endpoint, tmp_path):
    dom = rendered_page(endpoint + "?query=SELEC", tmp_path)
    assert "error 400" in dom and "syntax error" in dom
