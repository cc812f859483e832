"""`newsgraph report`: one offline page with the corpus at a glance. In a browser: tests/test_browser.py."""
from __future__ import annotations

import datetime as dt
import html
import json
import re

import pytest
from click.testing import CliRunner

from graph.cli import main
from graph.output.export import write_documents
from graph.output.report import report_page
from graph.output.sources import open_source
from graph.pipeline import document_graphs
from graph.rdf.ontology import bundled_queries
from graph.rdf.palette import default_palette
from graph.records import Document, DocumentGraph, Entity, Event, Mention
from graph.store.query import select


@pytest.fixture(scope="module")
def report(seed_graph, tmp_path_factory):
    output = tmp_path_factory.mktemp("report-out") / "report.html"
    result = CliRunner().invoke(main, ["report", str(seed_graph), "-o", str(output)])
    assert result.exit_code == 0, result.output
    assert result.output.strip() == f"wrote {output}"
    return output.read_text(encoding="utf-8")


def section(page: str, heading: str) -> str:
    return page.split(f"<h2>{heading}</h2>", 1)[1].split('<div class="card', 1)[0]


def rows(table_html: str) -> list[list[str]]:
    return [[html.unescape(re.sub("<[^>]+>", "", cell)) for cell in re.findall(r"<td[^>]*>(.*?)</td>", row)]
            for row in re.findall(r"<tr>(.*?)</tr>", table_html.split("<tbody>", 1)[1])]


def test_report_file_is_readable_as_any_new_file(seed_graph, tmp_path):
    import os

    output, mask = tmp_path / "report.html", os.umask(0o022)
    try:
        assert CliRunner().invoke(main, ["report", str(seed_graph), "-o", str(output)]).exit_code == 0
    finally:
        os.umask(mask)
    assert output.stat().st_mode & 0o777 == 0o644  # not mkstemp's 0600: a report is for others to read


def test_report_is_one_offline_page(report):
    assert "<script src" not in report and "<link" not in report and "http://" not in report.split("<script>")[0]
    assert "cytoscapeFcose" in report and "const CONFIG = " in report  # the network, inlined


def test_report_overview_counts_documents_dates_events_and_entities(report):
    lead = re.sub("<[^>]+>", "", report.split("<p class=lead>", 1)[1].split("</p>", 1)[0])
    assert lead.startswith("2 documents, published 2024-11-07 to 2024-11-13. 17 events (dated 2024-11-07 to 2024-12-13)")
    assert lead.endswith("involving 12 of the 14 entities named (5 people, 4 organizations, 5 places).")


def test_report_charts_events_by_type_in_the_palettes_colours(report):
    chart = section(report, "Events by type over time")
    palette = default_palette()
    fills = set(re.findall(r'<rect [^>]*fill="(#[0-9A-F]{6})"', chart))
    assert fills == {palette.event(t).colour for t in ("PhoneCall", "Congratulation", "Invitation", "Concession",
                                                        "Statement", "Meeting", "Praise", "Criticism", "Visit",
                                                        "Agreement")}
    titles = re.findall(r"<title>(.*?)</title>", chart)
    assert titles[0] == ("2024-11-07: 1 concession, 1 congratulation, 1 criticism, 1 invitation, 2 phone calls, "
                         "1 praise, 2 statements")
    assert len(titles) == 37 and "17 dated events by day" in chart  # 2024-11-07 to 2024-12-13, a bar a day


def test_report_lists_the_most_active_actors_and_pairs(report):
    actors = rows(section(report, "Most active actors"))
    assert actors[:3] == [["Donald Trump", "Person", "11", "2", "0"], ["Joe Biden", "Person", "11", "2", "0"],
                          ["Kamala Harris", "Person", "4", "2", "1"]]
    pairs = rows(section(report, "Most active pairs"))
    assert pairs[0] == ["Donald Trump", "Joe Biden", "2 praises, 1 agreement, 1 congratulation, 1 invitation, 1 meeting, "
                        "1 planned meeting, 1 phone call, 1 visit", "9"]


def test_report_holds_the_bundled_query_tables(report, seed_graph):
    store = open_source(seed_graph).store
    for name, heading in (("who-called-whom", "Who called whom"), ("who-congratulated-whom", "Who congratulated whom")):
        expected = select(store, bundled_queries()[name])
        shown = report.split(f"<h2>{heading}</h2>", 1)[1].split("</section>", 1)[0]
        assert [tuple(r) for r in rows(shown)] == [tuple(c or "" for c in row) for row in expected.rows] != []


def test_report_escapes_every_name(tmp_path):
    text = "<b>Ann</b> congratulated Bo </script> today."
    ann, bo = "<b>Ann</b>", "Bo </script>"
    doc = DocumentGraph(Document("d1", text, dt.date(2024, 5, 1)),
                        (Entity("person/ann", "Person", ann, (ann,), (Mention(0, 10, ann, 0, len(text)),)),
                         Entity("person/bo", "Person", bo, (bo,), (Mention(25, 37, bo, 0, len(text)),))),
                        (Event("e1", "Congratulation", agent="person/ann", recipient="person/bo", trigger="congratulated",
                               mentions=(Mention(11, 24, "congratulated", 0, len(text)),)),))
    graph = tmp_path / "hostile.ttl"
    write_documents(document_graphs([doc]), graph)
    page = report_page(open_source(graph))
    assert "<b>Ann</b>" not in page and "Bo </script>" not in page
    assert "&lt;b&gt;Ann&lt;/b&gt;" in page
    config = json.loads(re.search(r"const CONFIG = (\{.*?\});\n", page, re.S).group(1))
    assert {e["label"] for e in config["entities"]} == {ann, bo}


def test_report_refuses_what_it_cannot_write(seed_graph, tmp_path):
    result = CliRunner().invoke(main, ["report", str(seed_graph), "-o", str(tmp_path / "report.pdf")])
    assert result.exit_code == 1 and "a report is an HTML page" in result.output
    empty = tmp_path / "empty.ttl"
    empty.write_text("")
    result = CliRunner().invoke(main, ["report", str(empty), "-o", str(tmp_path / "r.html")])
    assert result.exit_code == 1 and result.output.strip() == "newsgraph: error: the graph holds no documents and no events to report on"
    assert not (tmp_path / "r.html").exists() and not (tmp_path / "report.pdf").exists()
