"""`newsgraph draw`: what the page and the pictures show, the actor view's counted edges, the focus on
one entity, the node limit. The page in a real browser: tests/test_browser.py."""
from __future__ import annotations

import itertools
import json
import re
import xml.etree.ElementTree as ET
from dataclasses import replace

import pytest
from click.testing import CliRunner
from seedlike import BIDEN, HARRIS, KJP, TRUMP

from graph.cli import main
from graph.output.draw import draw, has_graphviz, html_page, involved, limit, page_config
from graph.output.networks import FocusError, neighbourhood
from graph.output.page import document_link
from graph.output.sources import open_source
from graph.output.tables import DocumentRow, EntityRow, EventRow, Tables, read_tables
from graph.output.views import actor_edges, count_label, folded_events, pair_summary
from graph.rdf.mapping import IriMinter
from graph.rdf.palette import default_palette

needs_graphviz = pytest.mark.skipif(not has_graphviz(), reason="Graphviz (neato, dot) is not installed: apt-get install graphviz")
IRI = {key: str(IriMinter().entity(key)) for key in (BIDEN, TRUMP, HARRIS, KJP)}


@pytest.fixture
def tables(seed_tables):
    return seed_tables


def embedded_config(page: str) -> dict:
    return json.loads(re.search(r"const CONFIG = (\{.*?\});\n", page, re.S).group(1))


def ev(number: int, kind: str, agent=None, recipient=None, participants=(), planned=False, negated=False,
       date="2024-03-0" + "1", location=None) -> EventRow:
    return EventRow(f"urn:e{number}", kind, date, planned, negated, agent, recipient, tuple(participants), location,
                    None, f"Sentence {number}.", "doc")


def people(*names: str) -> dict[str, EntityRow]:
    return {f"urn:{n}": EntityRow(f"urn:{n}", "Person", n, (), (), 1) for n in names}


def test_page_is_self_contained_and_holds_every_event_and_involved_entity(tables):
    page = html_page(tables)
    assert "<script src" not in page and "<link" not in page and "cdn" not in page.lower()
    for library in ("cytoscape", "cytoscapeFcose", "coseBase", "layoutBase"):
        assert library in page  # inlined, so the page works offline
    assert page.count("Permission is hereby granted") >= 4  # each library keeps its licence
    config = embedded_config(page)
    assert len(config["events"]) == 17
    names = {e["label"] for e in config["entities"]}
    assert {"Joe Biden", "Donald Trump", "Kamala Harris", "Karine Jean-Pierre", "Florida"} <= names
    assert "Karoline Leavitt" not in names  # mentioned, but in no event
    assert config["totals"] == {"entities": len(names), "unused": len(tables.entities) - len(names), "events": 17}
    call = next(e for e in config["events"] if e["id"].endswith("article-1/e1"))
    assert call["sentence"].startswith("President Joe Biden called") and call["date"] == "2024-11-07"
    assert config["documents"][call["document"]]["title"] == "Biden calls Trump"


def test_actor_view_counts_one_edge_per_pair_and_type_and_folds_statements(tables):
    config = page_config(tables)
    assert config["start"] == "actor"
    actor = config["views"]["actor"]
    label = {i: e["label"] for i, e in enumerate(config["entities"])}
    edges = {(label[e["s"]], label[e["t"]], e["type"]): e for e in actor["edges"]}
    # Biden and Trump: a call, a congratulation, an invitation, a meeting and a planned meeting, a praise back
    assert len(edges["Joe Biden", "Donald Trump", "PhoneCall"]["events"]) == 1
    assert edges["Joe Biden", "Donald Trump", "PhoneCall"]["directed"] is True
    assert len(edges["Donald Trump", "Joe Biden", "Praise"]["events"]) == 2  # praised, thanked
    agreement = next(e for key, e in edges.items() if key[2] == "Agreement")
    assert "directed" not in agreement  # participants, no agent: no arrow
    assert not any(key[2] == "Statement" for key in edges)
    kjp = next(i for i, e in enumerate(config["entities"]) if e["label"] == "Karine Jean-Pierre")
    assert [config["events"][i]["type"] for i in actor["folded"][kjp]] == ["Statement", "Statement"]
    assert len(actor["entities"]) < len(config["views"]["full"]["entities"]) + len(config["views"]["full"]["events"])


def test_actor_edges_aggregate_by_pair_type_and_modality_with_counted_labels():
    palette = default_palette()
    tables = Tables(people("A", "B", "C"), (
        ev(1, "PhoneCall", participants=("urn:B", "urn:A")), ev(2, "PhoneCall", participants=("urn:A", "urn:B")),
        ev(3, "PhoneCall", agent="urn:A", recipient="urn:B"),
        ev(4, "Congratulation", agent="urn:A", recipient="urn:B"), ev(5, "Congratulation", agent="urn:A", recipient="urn:B"),
        ev(6, "Meeting", agent="urn:A", recipient="urn:B", planned=True), ev(7, "Visit", agent="urn:B", recipient="urn:C", negated=True),
        ev(8, "Statement", agent="urn:A"), ev(9, "Statement", agent="urn:A", recipient="urn:C"),
        ev(10, "Victory", agent="urn:C")))
    edges = {(e.source, e.target, e.type, e.directed, e.planned, e.negated): e.events for e in actor_edges(tables)}
    assert edges == {
        ("urn:A", "urn:B", "PhoneCall", False, False, False): ("urn:e1", "urn:e2"),
        ("urn:A", "urn:B", "PhoneCall", True, False, False): ("urn:e3",),
        ("urn:A", "urn:B", "Congratulation", True, False, False): ("urn:e4", "urn:e5"),
        ("urn:A", "urn:B", "Meeting", True, True, False): ("urn:e6",),
        ("urn:B", "urn:C", "Visit", True, False, True): ("urn:e7",),
    }
    assert folded_events(tables) == {"urn:A": ["urn:e8", "urn:e9"], "urn:C": ["urn:e9", "urn:e10"]}
    between = [e for e in actor_edges(tables) if {e.source, e.target} == {"urn:A", "urn:B"}]
    assert pair_summary(palette, between) == "3 phone calls, 2 congratulations, 1 planned meeting"
    assert count_label(palette, "Victory", 3) == "3 victories"
    assert count_label(palette, "Visit", 1, negated=True) == "1 visit (did not happen)"
    assert count_label(palette, "PhoneCall", 1_200) == "1,200 phone calls"


def test_page_escapes_text_that_would_close_its_script(tables):
    event = replace(tables.events[0], sentence="He wrote </script><script>alert(1)</script>.")
    page = html_page(replace(tables, events=(event, *tables.events[1:])))
    assert "</script><script>alert(1)" not in page


def test_document_links_are_web_addresses_or_paths_beside_the_page(tmp_path):
    article = tmp_path / "news" / "javascript:alert(1).txt"
    article.parent.mkdir()
    article.write_text("text")
    assert document_link(DocumentRow("d", None, None, "https://example.org/a", None), tmp_path) == "https://example.org/a"
    assert document_link(DocumentRow("d", None, None, "javascript:alert(1)", None), tmp_path) is None
    assert document_link(DocumentRow("d", None, None, None, str(article)), tmp_path / "news") == "./javascript:alert(1).txt"
    assert document_link(DocumentRow("d", None, None, None, str(article)), tmp_path / "out") == "../news/javascript:alert(1).txt"
    assert document_link(DocumentRow("d", None, None, None, str(tmp_path / "gone.txt")), tmp_path) is None


def test_limit_keeps_the_most_active_entities_and_the_page_counts_what_it_left_out(tables):
    small = limit(tables, 12, "full")
    assert len(small.entities) + len(small.events) <= 12
    assert {IRI[BIDEN], IRI[TRUMP]} <= set(small.entities)
    config = page_config(tables, max_nodes=12)
    full = config["views"]["full"]
    assert full["leftOut"] == len(involved(tables).entities) - len(small.entities) > 0
    assert config["totals"]["entities"] == len(involved(tables).entities)  # the whole, not what is drawn
    assert page_config(tables)["views"]["full"]["leftOut"] == 0


def test_focus_matches_an_alias_in_any_case_and_keeps_the_neighbourhood(tables):
    harris = neighbourhood(tables, "HARRIS")
    assert IRI[HARRIS] in harris.entities
    assert {e.type for e in harris.events} == {"PhoneCall", "Concession", "Statement"}
    assert "Florida" not in {row.name for row in harris.entities.values()}
    wider = neighbourhood(tables, "harris", radius=2)
    assert len(wider.events) > len(harris.events)


def test_focus_on_an_unknown_name_suggests_close_ones(tables):
    with pytest.raises(FocusError, match="Kamala Harris"):
        neighbourhood(tables, "Kamla Haris")


def svg_shapes(svg: bytes) -> tuple[dict[str, dict], list[dict]]:
    """Nodes (by Graphviz name: label, shape kind, fill, dashed, box) and edges (tail, head, label, colour,
    dashed, width) of a Graphviz SVG."""
    ns = {"s": "http://www.w3.org/2000/svg"}
    nodes, edges = {}, []
    for group in ET.fromstring(svg).iter("{http://www.w3.org/2000/svg}g"):
        kind, title = group.get("class"), group.findtext("s:title", namespaces=ns)
        shapes = group.findall("s:ellipse", ns) + group.findall("s:path", ns) + group.findall("s:polygon", ns)
        text = " ".join(t.text or "" for t in group.findall("s:text", ns))
        if kind == "node":
            xs, ys = [], []
            for shape in shapes:
                if shape.tag.endswith("ellipse"):
                    cx, cy, rx, ry = (float(shape.get(k)) for k in ("cx", "cy", "rx", "ry"))
                    xs += [cx - rx, cx + rx]
                    ys += [cy - ry, cy + ry]
                else:
                    numbers = [float(v) for v in re.findall(r"-?\d+(?:\.\d+)?", shape.get("d") or shape.get("points"))]
                    xs += numbers[0::2]
                    ys += numbers[1::2]
            nodes[title] = {"label": text, "ellipse": bool(group.findall("s:ellipse", ns)), "fill": shapes[0].get("fill"),
                            "dashed": any(s.get("stroke-dasharray") for s in shapes), "box": (min(xs), min(ys), max(xs), max(ys))}
        elif kind == "edge":
            tail, head = title.split("->")
            path = group.find("s:path", ns)
            edges.append({"tail": tail, "head": head, "label": text, "colour": path.get("stroke"),
                          "dashed": bool(path.get("stroke-dasharray")), "width": float(path.get("stroke-width", 1))})
    return nodes, edges


@needs_graphviz
@pytest.mark.parametrize("projection", ["full", "actor"])
def test_static_svg_draws_every_node_without_overlaps(tables, tmp_path, projection):
    drawing = draw(tables, tmp_path / "graph.svg", projection=projection)
    nodes, _ = svg_shapes(drawing.content)
    expected = len(involved(tables).entities) + (len(tables.events) if projection == "full" else 0)
    assert len(nodes) == expected == drawing.entities + (drawing.events if projection == "full" else 0)
    for a, b in itertools.combinations(nodes.values(), 2):
        (ax0, ay0, ax1, ay1), (bx0, by0, bx1, by1) = a["box"], b["box"]
        assert not (ax0 < bx1 and bx0 < ax1 and ay0 < by1 and by0 < ay1), f"{a['label']} and {b['label']} overlap"


@needs_graphviz
def test_full_picture_points_agent_to_event_to_recipient_and_dashes_planned_events(tables, tmp_path):
    nodes, edges = svg_shapes(draw(tables, tmp_path / "g.svg", projection="full").content)
    name = {n: node["label"] for n, node in nodes.items()}
    congratulation = next(n for n, node in nodes.items() if node["label"].startswith("Congratulation"))
    assert [name[e["tail"]] for e in edges if e["head"] == congratulation] == ["Joe Biden"]
    assert [name[e["head"]] for e in edges if e["tail"] == congratulation] == ["Donald Trump"]
    meeting = next(n for n, node in nodes.items() if "Meeting (planned)" in node["label"])
    assert nodes[meeting]["dashed"] and all(e["dashed"] for e in edges if meeting in (e["tail"], e["head"]))
    met = next(n for n, node in nodes.items() if node["label"].startswith("Meeting 2024-11-13"))
    assert not nodes[met]["dashed"]
    palette = default_palette()
    statement = next(n for n, node in nodes.items() if node["label"].startswith("Statement"))
    assert nodes[statement]["fill"].upper().startswith(palette.event("Statement").colour)


@needs_graphviz
def test_actor_picture_labels_edges_with_counts_and_widens_them(tables, tmp_path):
    nodes, edges = svg_shapes(draw(tables, tmp_path / "g.svg").content)
    name = {n: node["label"] for n, node in nodes.items()}
    praise = next(e for e in edges if e["label"] == "2 praises")
    assert (name[praise["tail"]], name[praise["head"]]) == ("Donald Trump", "Joe Biden 1 planned visit")
    single = next(e for e in edges if e["label"] == "1 congratulation")
    assert praise["width"] > single["width"]
    assert praise["colour"].upper() == default_palette().event("Praise").colour
    assert next(e for e in edges if e["label"] == "1 planned meeting")["dashed"]
    kjp = next(node for node in nodes.values() if node["label"].startswith("Karine Jean-Pierre"))
    assert "2 statements" in kjp["label"]  # folded into the speaker, not drawn as nodes
    assert not any("Statement" in e["label"] for e in edges)


@needs_graphviz
def test_negated_events_are_left_out_of_pictures_unless_asked(tables, tmp_path):
    called = next(i for i, e in enumerate(tables.events) if e.type == "Criticism")
    events = list(tables.events)
    events[called] = replace(events[called], negated=True)
    denied = replace(tables, events=tuple(events))
    _, edges = svg_shapes(draw(denied, tmp_path / "a.svg").content)
    assert not any("criticism" in e["label"] for e in edges)
    _, edges = svg_shapes(draw(denied, tmp_path / "b.svg", negated=True).content)
    assert any(e["label"] == "1 criticism (did not happen)" for e in edges)


@needs_graphviz
@pytest.mark.parametrize("projection", ["full", "actor"])
def test_cli_focus_with_radius_two_reports_what_it_draws(seed_graph, tmp_path, projection):
    output = tmp_path / "harris.svg"
    result = CliRunner().invoke(main, ["draw", str(seed_graph), "-o", str(output), "--focus", "harris",
                                       "--radius", "2", "--projection", projection])
    assert result.exit_code == 0, result.output
    entities, events = (int(n) for n in re.search(r"\((\d+) entities, (\d+) events\)", result.output).groups())
    nodes, edges = svg_shapes(output.read_bytes())
    assert sum(n["ellipse"] for n in nodes.values()) == entities
    tables = read_tables(open_source(seed_graph).store)
    assert events == len(neighbourhood(tables, "harris", 2).events)  # every one: an edge, a box or folded into a node
    if projection == "full":
        assert sum(not n["ellipse"] for n in nodes.values()) == events
    else:  # the counts on the edges and the nodes add up to the events drawn (places count theirs apart)
        counted = sum(int(e["label"].split()[0]) for e in edges)
        folded = sum(int(item.split()[0]) for node in nodes.values() for item in re.split(r", | (?=\d)", node["label"])
                     if item[:1].isdigit() and not item.endswith("(as place)"))
        assert counted + folded == events


@needs_graphviz
def test_cli_draws_a_png_of_a_focus(seed_graph, tmp_path):
    output = tmp_path / "biden.png"
    result = CliRunner().invoke(main, ["draw", str(seed_graph), "-o", str(output), "--focus", "joe biden"])
    assert result.exit_code == 0, result.output
    assert output.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_cli_focus_without_a_match_fails_clearly_and_writes_nothing(seed_graph, tmp_path):
    output = tmp_path / "nobody.html"
    result = CliRunner().invoke(main, ["draw", str(seed_graph), "-o", str(output), "--focus", "Nobody Atall"])
    assert result.exit_code == 1
    assert result.output.strip() == "newsgraph: error: no entity is named 'Nobody Atall'"
    assert not output.exists()
