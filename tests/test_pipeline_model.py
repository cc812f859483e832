"""End to end with the real spaCy pipeline, on short articles written for these tests."""
from __future__ import annotations

import subprocess
import sys

import pytest
from rdflib import Graph

from graph.pipeline import text_to_graph
from graph.rdf.validate import validate
from graph.rdf.vocab import NG

pytestmark = pytest.mark.model

ARTICLE = """date 2025-03-14
Prime Minister Mark Carney spoke by phone with President Emmanuel Macron on Tuesday, his office said.

During the call, Macron congratulated Carney on his election as Liberal leader.

"He also invited Prime Minister Carney to visit Paris. The two leaders will meet next week," the Elysee Palace said.

Carney did not call Chancellor Olaf Scholz."""

EVENTS_QUERY = """
PREFIX ng: <https://w3id.org/newsgraph/ontology#>
PREFIX schema: <https://schema.org/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?type ?who ?date ?planned ?negated WHERE {
  ?e a ?c ; ng:planned ?planned .
  BIND(STRAFTER(STR(?c), "#") AS ?type)
  OPTIONAL { ?e ng:negated ?negated }
  OPTIONAL { ?e ng:date ?date }
  { ?e schema:agent/rdfs:label ?who } UNION { ?e schema:participant/rdfs:label ?who }
}"""


@pytest.fixture(scope="module")
def graph(nlp) -> Graph:
    return text_to_graph(ARTICLE, doc_id="carney-macron")


def rows(graph):
    return {(str(r.type), str(r.who), str(r.date) if r.date else None, bool(r.planned.toPython()),
             bool(r.negated.toPython()) if r.negated else False) for r in graph.query(EVENTS_QUERY)}


def test_call_with_titles_stripped_and_dated_by_weekday(graph):
    found = rows(graph)
    assert ("PhoneCall", "Mark Carney", "2025-03-11", False, False) in found
    assert ("PhoneCall", "Emmanuel Macron", "2025-03-11", False, False) in found


def test_congratulation_during_the_call_takes_its_date(graph):
    assert ("Congratulation", "Emmanuel Macron", "2025-03-11", False, False) in rows(graph)


def test_pronoun_agent_inside_a_quote_and_planned_meeting(graph):
    found = rows(graph)
    # told after the call, with no date of its own: the story is still on Tuesday
    assert ("Invitation", "Emmanuel Macron", "2025-03-11", False, False) in found
    assert any(t == "Meeting" and planned for t, _, _, planned, _ in found)


def test_negated_call_is_flagged(graph):
    assert ("PhoneCall", "Mark Carney", None, False, True) in rows(graph)


def test_one_node_per_person_with_roles(graph):
    names = {str(r.n) for r in graph.query(
        "SELECT ?n WHERE { ?p a <https://schema.org/Person> ; <http://www.w3.org/2000/01/rdf-schema#label> ?n }")}
    assert names == {"Mark Carney", "Emmanuel Macron", "Olaf Scholz"}
    roles = {(str(r.n), str(r.t)) for r in graph.query(
        "SELECT ?n ?t WHERE { ?p <http://www.w3.org/2000/01/rdf-schema#label> ?n ; "
        "<https://w3id.org/newsgraph/ontology#holdsRole>/<https://schema.org/roleName> ?t }")}
    assert {("Mark Carney", "Prime Minister"), ("Emmanuel Macron", "President"), ("Olaf Scholz", "Chancellor")} <= roles


def test_built_graph_conforms_to_the_shapes(graph):
    assert validate(graph) == ()


def run_cli(*args, stdin=None):
    return subprocess.run([sys.executable, "-m", "graph.cli", *args], input=stdin, capture_output=True, text=True)


def test_build_from_stdin_is_byte_identical_twice_and_queryable(tmp_path, nlp):
    outputs = []
    for name in ("one.ttl", "two.ttl"):
        result = run_cli("build", "-", "-o", str(tmp_path / name), stdin=ARTICLE)
        assert result.returncode == 0, result.stderr
        outputs.append((tmp_path / name).read_bytes())
    assert outputs[0] == outputs[1]
    table = run_cli("query", str(tmp_path / "one.ttl"), "--name", "who-called-whom", "--format", "csv")
    assert table.returncode == 0
    assert "Emmanuel Macron,Mark Carney,,2025-03-11" in table.stdout
    assert "Olaf Scholz" not in table.stdout  # "Carney did not call Scholz" is no call


def test_an_undated_article_gets_no_dates_and_one_warning(tmp_path, nlp):
    undated = "\n".join(ARTICLE.splitlines()[1:]) + "\n\nOn March 3, Carney met Scholz."
    for name, more in (("a.txt", ""), ("b.txt", " They spoke again later.")):  # two articles, not one twice
        (tmp_path / name).write_text(undated + more, encoding="utf-8")
    result = run_cli("build", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "-o", str(tmp_path / "out.ttl"))
    assert result.returncode == 0, result.stderr
    warnings = [line for line in result.stderr.splitlines() if "warning" in line]
    assert len(warnings) == 1 and "2 documents have no date" in warnings[0]
    graph = Graph().parse(tmp_path / "out.ttl")
    assert not list(graph.objects(None, NG.date))  # neither "on Tuesday" nor "March 3" became a day
