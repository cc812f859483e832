"""`newsgraph draw`: what the page and the pictures show, the focus on one entity, the node limit."""
from __future__ import annotations

import itertools
import json
import re
import xml.etree.ElementTree as ET

import pytest
from click.testing import CliRunner
from seedlike import BIDEN, HARRIS, TRUMP, seed_like

from graph.cli import main
from graph.output.draw import draw, has_graphviz, html_page, involved, limit
from graph.output.export import write_documents
from graph.output.networks import FocusError, neighbourhood
from graph.output.sources import open_source
from graph.output.tables import read_tables
from graph.pipeline import document_graphs
from graph.rdf.mapping import IriMinter

needs_graphviz = pytest.mark.skipif(not has_graphviz(), reason="Graphviz (neato, sfdp) is not installed: apt-get install graphviz")


@pytest.fixture(scope="module")
def graph_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("draw") / "seed.ttl"
    write_documents(document_graphs(seed_like()), path)
    return path


@pytest.fixture(scope="module")
def tables(graph_file):
    return read_tables(open_source(graph_file).store)


def page_config(page: str) -> dict:
    return json.loads(re.search(r"const CONFIG = (\{.*?\});\n", page, re.S).group(1))


def test_page_is_self_contained_and_holds_every_event_and_involved_entity(tables):
    page = html_page(tables)
    assert "<script src" not in page and "cdn" not in page.lower()
    assert "cytoscape" in page and len(page) > 400_000  # the library itself is inlined
    nodes = [e["data"] for e in page_config(page)["elements"] if e["group"] == "nodes"]
    assert sum(n["kind"] == "event" for n in nodes) == 17
    names = {n["label"] for n in nodes if n["kind"] == "entity"}
    assert {"Joe Biden", "Donald Trump", "Kamala Harris", "Karine Jean-Pierre", "Florida"} <= names
    assert "Karoline Leavitt" not in names  # mentioned, but in no event
    call = next(n for n in nodes if n["id"].endswith("article-1/e1"))
    assert call["sentence"].startswith("President Joe Biden called") and call["date"] == "2024-11-07"


def test_actor_page_draws_events_as_edges(tables):
    elements = page_config(html_page(tables, projection="actor"))["elements"]
    assert all(e["data"]["kind"] == "entity" for e in elements if e["group"] == "nodes")
    edges = [e["data"] for e in elements if e["group"] == "edges"]
    assert {"PhoneCall", "Congratulation", "Agreement"} <= {e["type"] for e in edges}


def test_page_escapes_text_that_would_close_its_script(tables):
    from dataclasses import replace

    event = replace(tables.events[0], sentence="He wrote </script><script>alert(1)</script>.")
    page = html_page(replace(tables, events=(event, *tables.events[1:])))
    assert "</script><script>alert(1)" not in page


def test_limit_keeps_the_most_active_entities_and_says_so(tables):
    small = limit(tables, 12, "full")
    assert len(small.entities) + len(small.events) <= 12
    assert {str(IriMinter().entity(BIDEN)), str(IriMinter().entity(TRUMP))} <= set(small.entities)
    assert "most active" in page_config(html_page(tables, max_nodes=12))["note"]
    assert page_config(html_page(tables))["note"] == ""


def test_focus_matches_an_alias_in_any_case_and_keeps_the_neighbourhood(tables):
    harris = neighbourhood(tables, "HARRIS")
    assert str(IriMinter().entity(HARRIS)) in harris.entities
    assert {e.type for e in harris.events} == {"PhoneCall", "Concession", "Statement"}
    assert "Florida" not in {row.name for row in harris.entities.values()}
    wider = neighbourhood(tables, "harris", radius=2)
    assert len(wider.events) > len(harris.events)


def test_focus_on_an_unknown_name_suggests_close_ones(tables):
    with pytest.raises(FocusError, match="Kamala Harris"):
        neighbourhood(tables, "Kamla Haris")


def _node_boxes(svg: bytes) -> list[tuple[str, float, float, float, float]]:
    """(title, x0, y0, x1, y1) of each node's shape in a Graphviz SVG."""
    ns = {"s": "http://www.w3.org/2000/svg"}
    boxes = []
    for group in ET.fromstring(svg).iter("{http://www.w3.org/2000/svg}g"):
        if group.get("class") != "node":
            continue
        xs, ys = [], []
        for ellipse in group.findall("s:ellipse", ns):
            cx, cy, rx, ry = (float(ellipse.get(k)) for k in ("cx", "cy", "rx", "ry"))
            xs += [cx - rx, cx + rx]
            ys += [cy - ry, cy + ry]
        for shape in group.findall("s:path", ns) + group.findall("s:polygon", ns):
            numbers = [float(v) for v in re.findall(r"-?\d+(?:\.\d+)?", shape.get("d") or shape.get("points"))]
            xs += numbers[0::2]
            ys += numbers[1::2]
        boxes.append((group.findtext("s:title", namespaces=ns), min(xs), min(ys), max(xs), max(ys)))
    return boxes


@needs_graphviz
@pytest.mark.parametrize("projection", ["full", "actor"])
def test_static_svg_draws_every_node_without_overlaps(tables, tmp_path, projection):
    svg = draw(tables, tmp_path / "graph.svg", projection=projection)
    boxes = _node_boxes(svg)
    expected = len(involved(tables).entities) + len(tables.events) if projection == "full" else 5
    assert len(boxes) == expected
    for a, b in itertools.combinations(boxes, 2):
        overlap = a[1] < b[3] and b[1] < a[3] and a[2] < b[4] and b[2] < a[4]
        assert not overlap, f"nodes {a[0]} and {b[0]} overlap"
    assert b"Joe Biden" in svg and b"PhoneCall" in svg


@needs_graphviz
def test_cli_draws_a_png_of_a_focus(graph_file, tmp_path):
    output = tmp_path / "biden.png"
    result = CliRunner().invoke(main, ["draw", str(graph_file), "-o", str(output), "--focus", "joe biden"])
    assert result.exit_code == 0, result.output
    assert output.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_cli_focus_without_a_match_fails_clearly_and_writes_nothing(graph_file, tmp_path):
    output = tmp_path / "nobody.html"
    result = CliRunner().invoke(main, ["draw", str(graph_file), "-o", str(output), "--focus", "Nobody Atall"])
    assert result.exit_code == 1
    assert result.output.strip() == "newsgraph: error: no entity is named 'Nobody Atall'"
    assert not output.exists()
