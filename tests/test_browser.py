"""The HTML drawing of small graphs in a real headless Chromium (tests/chromium.py): the seed's full
view with its filters and search, the node limit, a 5,000-node page, hostile text. The corpus-scale
views, the timeline and the report: tests/test_browser_corpus.py."""
from __future__ import annotations

from dataclasses import replace

import pytest
from chromium import console_errors

from graph.output.draw import draw, html_page, involved
from graph.output.export import write_documents
from graph.output.sources import open_source
from graph.output.tables import EntityRow, EventRow, Tables, read_tables
from graph.pipeline import document_graphs
from graph.rdf.palette import default_palette

pytestmark = pytest.mark.browser


def rgb(colour: str) -> str:
    return "rgb({},{},{})".format(*(int(colour[i:i + 2], 16) for i in (1, 3, 5)))


def test_seed_full_view_renders_filters_and_searches_without_errors(tab, seed_tables, tmp_path):
    html = tmp_path / "seed.html"
    html.write_text(html_page(seed_tables, title="seed", projection="full"), encoding="utf-8")
    page = tab(html)
    evaluate = page.evaluate

    expected = len(involved(seed_tables).entities) + len(seed_tables.events)
    assert evaluate("document.body.dataset.view") == "full"
    assert evaluate("cy.nodes().length") == expected
    assert int(evaluate("document.body.dataset.visibleNodes")) == expected
    assert evaluate("cy.nodes().filter(n => n.renderedBoundingBox().w > 0).length") == expected
    # arrows run agent → event → recipient; a planned event is dashed; colours are the palette's
    assert evaluate("cy.edges('[role = \"agent\"]').every(e => e.source().data('kind') === 'entity' && e.target().data('kind') === 'event')")
    assert evaluate("cy.edges('[role = \"recipient\"]').every(e => e.source().data('kind') === 'event')")
    assert evaluate("cy.edges('[role = \"agent\"]')[0].style('target-arrow-shape')") == "triangle"
    assert evaluate("cy.edges('[role = \"participant\"]')[0].style('target-arrow-shape')") == "none"
    assert set(evaluate("cy.nodes('[?planned]').map(n => n.style('border-style'))")) == {"dashed"}
    assert set(evaluate("cy.nodes('[type = \"Statement\"][kind = \"event\"]').map(n => n.style('background-color'))")) == {
        rgb(default_palette().event("Statement").colour)}

    # untick Statement: the 3 statements go, and Karine Jean-Pierre, who only made statements
    evaluate("document.querySelector('#types input[value=Statement]').click()")
    assert int(evaluate("document.body.dataset.visibleNodes")) == expected - 3 - 1
    # a date range of one day keeps that day's events only
    evaluate("""(() => { document.querySelector('#types input[value=Statement]').click();
                         const from = document.getElementById('from'), to = document.getElementById('to');
                         from.value = '2024-11-13'; to.value = '2024-11-13';
                         from.dispatchEvent(new Event('change')); to.dispatchEvent(new Event('change')); })()""")
    shown = evaluate("cy.nodes('[kind = \"event\"]').filter(n => n.style('display') !== 'none').map(n => n.data('date'))")
    assert shown and set(shown) == {"2024-11-13"}
    assert "2024-11-13 – 2024-11-13" in evaluate("document.getElementById('timeline-info').textContent")
    # search marks the entity whose alias matches, goes there and lists its events
    evaluate("""(() => { const s = document.getElementById('search'); s.value = 'jean-pierre';
                         s.dispatchEvent(new Event('input')); })()""")
    assert evaluate("cy.nodes('.match').map(n => n.data('label'))") == ["Karine Jean-Pierre"]
    page.wait("document.body.dataset.searched === 'Karine Jean-Pierre'", "the search to go to the node")
    assert "Karine Jean-Pierre" in evaluate("document.getElementById('details-body').textContent")
    page.screenshot(tmp_path / "seed-full.png")
    assert console_errors(page.devtools) == []


def test_the_count_says_what_the_command_reported(tab, seed_tables, tmp_path):
    html = tmp_path / "seed.html"
    drawing = draw(seed_tables, html)
    html.write_bytes(drawing.content)
    page = tab(html)
    assert int(page.evaluate("document.body.dataset.visibleNodes")) == drawing.entities
    assert int(page.evaluate("document.body.dataset.shownEvents")) == drawing.events


def large_tables(people: int = 2500) -> Tables:
    """A synthetic graph of `people` entities and as many events: 5,000 nodes in the full projection."""
    entities = {f"urn:p{i}": EntityRow(f"urn:p{i}", "Person", f"Person {i}", (), (), 1) for i in range(people)}
    events = tuple(EventRow(f"urn:e{i}", "PhoneCall" if i % 3 else "Meeting", f"2024-0{1 + i % 9}-1{i % 10}",
                            False, False, f"urn:p{i}", f"urn:p{(i * 7 + 1) % people}", (), None, None,
                            f"Person {i} called.", "doc") for i in range(people))
    return Tables(entities, events)


def test_a_5000_node_page_loads_and_renders_every_node(tab, tmp_path):
    html = tmp_path / "large.html"
    html.write_text(html_page(large_tables(), projection="full"), encoding="utf-8")
    page = tab(html)
    assert page.evaluate("cy.nodes().length") == 5000
    assert int(page.evaluate("document.body.dataset.visibleNodes")) == 5000
    page.screenshot(tmp_path / "large.png")


def test_beyond_the_limit_the_page_keeps_the_most_active_entities_and_says_how_many_it_left_out(tab, tmp_path):
    tables = large_tables(300)
    tables = replace(tables, events=tables.events + tuple(replace(e, id=e.id + "b") for e in tables.events[:50]))
    html = tmp_path / "limited.html"
    html.write_text(html_page(tables, max_nodes=200, projection="full"), encoding="utf-8")
    page = tab(html)
    assert 0 < page.evaluate("cy.nodes().length") <= 200
    count = page.evaluate("document.getElementById('count').innerText")
    shown = page.evaluate("cy.nodes('[kind = \"entity\"]').length")
    assert f"{shown} of 300 entities shown" in count and f"{300 - shown} less active ones left out" in count


def test_a_page_of_hostile_text_still_renders(tab, tmp_path):
    from test_hostile_text import NUL_NAME, hostile_document

    graph = tmp_path / "hostile.ttl"
    write_documents(document_graphs([hostile_document()]), graph)
    html = tmp_path / "hostile.html"
    html.write_text(html_page(read_tables(open_source(graph).store), projection="full"), encoding="utf-8")
    page = tab(html)
    assert page.evaluate("typeof cy") == "object" and page.evaluate("cy.nodes().length") == 3
    labels = "".join(page.evaluate("cy.nodes().map(n => n.data('label'))")).replace("\x00", "")
    assert NUL_NAME.replace("\x00", "") in labels
    page.evaluate("cy.nodes('[kind = \"entity\"]')[0].emit('tap') && null")
    assert "<!--<script>" in page.evaluate("document.getElementById('details-body').textContent")
