"""Exports and drawings stay well-formed whatever the text: XML-forbidden characters, markup that
would end a <script>, and cells a spreadsheet would run as formulas."""
from __future__ import annotations

import csv
import datetime as dt
import io
import re
import xml.dom.minidom

import networkx as nx
import pytest
from click.testing import CliRunner
from rdflib import Graph

from graph.cli import main
from graph.output.draw import has_graphviz, html_page
from graph.output.export import write_documents
from graph.output.safe_text import script_json, spreadsheet_safe, xml_safe
from graph.output.sources import open_source
from graph.output.tables import read_tables
from graph.pipeline import document_graphs
from graph.records import Document, DocumentGraph, Entity, Event, Mention

HOSTILE_ID = "=cmd|' /C calc'!A0"
NUL_NAME = "Keir\x00Starmer\ufffe"
SENTENCE = "+Starmer said <!--<script> and </script> to Biden."


def _mention(text: str, words: str) -> Mention:
    begin = text.index(words)
    return Mention(begin, begin + len(words), words, 0, len(text))


def hostile_document() -> DocumentGraph:
    text = SENTENCE
    entities = (
        Entity("person/keir-starmer", "Person", NUL_NAME, (NUL_NAME, "+Starmer"), (_mention(text, "+Starmer"),)),
        Entity("person/joe-biden", "Person", "@Biden", ("@Biden",), (_mention(text, "Biden"),)),
    )
    events = (Event("e1", "Statement", agent="person/keir-starmer", recipient="person/joe-biden", quote="<!--<script>",
                    trigger="said", mentions=(_mention(text, "said"),)),)
    return DocumentGraph(Document(HOSTILE_ID, text, dt.date(2024, 7, 5)), entities, events)


@pytest.fixture(scope="module")
def hostile_graph(tmp_path_factory):
    path = tmp_path_factory.mktemp("hostile") / "hostile.ttl"
    write_documents(document_graphs([hostile_document()]), path)
    return path


def run(*args: str):
    result = CliRunner().invoke(main, list(args))
    assert "Traceback" not in result.output
    return result


@pytest.mark.parametrize("extension", ["rdf", "graphml", "gexf"])
def test_xml_exports_are_well_formed_whatever_the_names(hostile_graph, tmp_path, extension):
    output = tmp_path / f"out.{extension}"
    result = run("export", str(hostile_graph), "-o", str(output), "--projection", "full")
    assert result.exit_code == 0, result.output
    xml.dom.minidom.parse(str(output))  # raises on ill-formed XML
    text = output.read_text(encoding="utf-8")
    assert "Keir\ufffdStarmer\ufffd" in text and "\x00" not in text
    if extension == "rdf":
        assert "U+FFFD" in result.output  # the warning says what happened
        assert len(Graph().parse(str(output), format="xml")) > 0
    else:
        read = nx.read_graphml if extension == "graphml" else nx.read_gexf
        assert any(d.get("label") == "Keir\ufffdStarmer\ufffd" for _, d in read(str(output)).nodes(data=True))


def test_turtle_keeps_the_characters_xml_cannot(hostile_graph):
    names = {str(o) for o in Graph().parse(str(hostile_graph), format="turtle").objects()}
    assert NUL_NAME in names


@pytest.mark.skipif(not has_graphviz(), reason="needs Graphviz: apt-get install graphviz")
@pytest.mark.parametrize("extension", ["png", "svg"])
def test_static_drawings_of_such_names_work(hostile_graph, tmp_path, extension):
    output = tmp_path / f"drawing.{extension}"
    result = run("draw", str(hostile_graph), "-o", str(output))
    assert result.exit_code == 0, result.output
    assert output.stat().st_size > 1000


def test_the_page_json_holds_no_markup(hostile_graph):
    page = html_page(read_tables(open_source(hostile_graph).store))
    config = page[page.index("const CONFIG = "):]
    config = config[:config.index("\n")]
    assert "<" not in config and ">" not in config and "\\u003c!--\\u003cscript\\u003e" in config
    assert page.count("</script>") == page.count("<script")  # no script element ended early


def test_script_json_reads_back_the_same():
    value = {"a": "</script><!--<script>&\u2028", "b": [1, None]}
    text = script_json(value)
    assert re.search("[<>&\u2028]", text) is None
    import json
    assert json.loads(text) == value


def test_csv_cells_that_spreadsheets_would_run_are_neutralised(hostile_graph, tmp_path):
    events, entities = tmp_path / "events.csv", tmp_path / "entities.csv"
    assert run("export", str(hostile_graph), "-o", str(events)).exit_code == 0
    assert run("export", str(hostile_graph), "-o", str(entities), "--table", "entities").exit_code == 0
    rows = list(csv.DictReader(io.StringIO(events.read_text(encoding="utf-8"))))
    assert rows[0]["document"] == "'" + HOSTILE_ID and rows[0]["recipient"] == "'@Biden"
    assert rows[0]["sentence"] == "'" + SENTENCE
    names = {row["name"] for row in csv.DictReader(io.StringIO(entities.read_text(encoding="utf-8")))}
    assert "'@Biden" in names
    for cell in (c for row in csv.reader(io.StringIO(events.read_text(encoding="utf-8"))) for c in row):
        assert not cell.startswith(("=", "+", "-", "@", "\t", "\r"))
    raw = tmp_path / "raw.csv"
    assert run("export", str(hostile_graph), "-o", str(raw), "--raw-csv").exit_code == 0
    assert list(csv.DictReader(io.StringIO(raw.read_text(encoding="utf-8"))))[0]["document"] == HOSTILE_ID


def test_helpers():
    assert xml_safe("a\x00b\x0bc\ufffe\td\n") == "a\ufffdb\ufffdc\ufffd\td\n"
    assert [spreadsheet_safe(c) for c in ("=1+1", "-2", "\tx", "\rx", "Biden", "")] == \
        ["'=1+1", "'-2", "'\tx", "'\rx", "Biden", ""]
