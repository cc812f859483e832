"""The pictures at corpus scale, in a real headless Chromium (tests/chromium.py): a generated graph of
1,000 entities in 20 communities, the four example articles and their report page. Each view's
screenshot is saved in the test's tmp dir."""
from __future__ import annotations

import random
import re
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest
from seedlike import seed_like

from graph.output.draw import draw, html_page
from graph.output.export import write_documents
from graph.output.report import report_page
from graph.output.sources import open_source
from graph.output.tables import DocumentRow, EntityRow, EventRow, Tables, read_tables
from graph.pipeline import document_graphs
from graph.rdf.palette import default_palette

pytestmark = pytest.mark.browser
ROOT = Path(__file__).resolve().parent.parent
COMMUNITIES, MEMBERS = 20, 50
COUNT_LABEL = re.compile(r"^[\d,]+ (planned )?[a-z ]+( \(did not happen\))?$")


def corpus(seed: int = 7) -> Tables:
    """1,000 entities in 20 communities of 50: each member acts with others of its community, a few
    events cross over, one member in each is a hub, and 300 statements, 40 planned and 10 negated
    events are spread over 90 days of 2024 (one in ten undated), 50 events to a document."""
    rng = random.Random(seed)
    kinds = ["Person"] * 8 + ["Organization"] + ["Place"]
    entities = {f"urn:x{i}": EntityRow(f"urn:x{i}", kinds[i % 10], f"Actor {i:04d}", (f"A{i}",), (), 1)
                for i in range(COMMUNITIES * MEMBERS)}
    members = [[f"urn:x{c * MEMBERS + k}" for k in range(MEMBERS)] for c in range(COMMUNITIES)]
    pairs = []
    for group in members:
        hub = group[0]
        pairs += [(a, rng.choice([b for b in group if b != a])) for a in group]  # everyone takes part
        pairs += [(hub, rng.choice(group[1:])) for _ in range(25)]
    pairs += [(rng.choice(rng.choice(members)), rng.choice(rng.choice(members))) for _ in range(40)]
    events = []
    for n, (a, b) in enumerate(p for p in pairs if p[0] != p[1]):
        kind = ["PhoneCall", "Congratulation", "Meeting", "Praise", "Visit", "Criticism"][n % 6]
        roles = dict(agent=None, recipient=None, participants=(a, b)) if kind == "PhoneCall" and n % 2 \
            else dict(agent=a, recipient=b, participants=())
        events.append(_event(rng, n, kind, planned=n % 31 == 0, negated=n % 97 == 1, **roles))
    speakers = [group[k] for group in members for k in (0, 1, 2)]
    events += [_event(rng, 10_000 + n, "Statement", agent=rng.choice(speakers), quote=f"Words number {n}.")
               for n in range(300)]
    events.sort(key=lambda e: (e.date or "9999", e.id))
    documents = {f"doc{k}": DocumentRow(f"doc{k}", f"Story {k}", "2024-03-31", f"https://example.org/news/{k}", None)
                 for k in range(len(events) // 50 + 1)}
    return Tables(entities, tuple(events), documents)


def _event(rng, n, kind, agent=None, recipient=None, participants=(), planned=False, negated=False, quote=None):
    date = None if n % 10 == 3 else f"2024-{1 + n % 3:02d}-{1 + rng.randrange(28):02d}"
    return EventRow(f"urn:e{n}", kind, date, planned, negated, agent, recipient, tuple(participants), None, None,
                    f"Sentence of event {n}.", f"doc{n % 31}", quote)


@pytest.fixture(scope="module")
def corpus_page(tmp_path_factory):
    html = tmp_path_factory.mktemp("corpus") / "corpus.html"
    html.write_text(html_page(corpus(), title="corpus"), encoding="utf-8")
    return html


def visible_edges(page) -> int:
    return int(page.evaluate("document.body.dataset.visibleEdges"))


def node_point(page, selector: str) -> tuple[float, float]:
    return tuple(page.evaluate(f"""(() => {{ const n = cy.$('{selector}')[0], r = cy.container().getBoundingClientRect(),
                                           p = n.renderedPosition(); return [r.left + p.x, r.top + p.y]; }})()"""))


def test_actor_view_has_fewer_nodes_than_the_full_view_and_counted_edge_labels(tab, corpus_page, tmp_path):
    page = tab(corpus_page)
    assert page.evaluate("document.body.dataset.view") == "actor"
    actor_nodes = page.evaluate("cy.nodes().length")
    assert actor_nodes == 1000 and page.evaluate("cy.nodes('[kind = \"event\"]').length") == 0
    labels = page.evaluate("cy.edges().filter(e => e.style('display') !== 'none').map(e => e.data('label'))")
    assert labels and all(COUNT_LABEL.match(label) for label in labels)
    assert any(label.startswith(("2 ", "3 ", "4 ", "5 ")) for label in labels)  # hubs repeat themselves
    count = page.evaluate("document.getElementById('count').innerText")
    tables = corpus()
    shown = len({x for e in tables.events if not e.negated for x in e.entity_ids()})
    assert f"{shown} of 1,000 entities shown" in count and f"{1000 - shown} hidden" in count  # only in negated events
    assert int(page.evaluate("document.body.dataset.visibleNodes")) == shown
    speakers = {e.agent for e in tables.events if e.type == "Statement"}
    assert f"300 statements folded into {len(speakers)} speakers" in count
    page.screenshot(tmp_path / "corpus-actor.png")

    page.evaluate("document.getElementById('view-full').click()")
    page.wait("document.body.dataset.view === 'full' && document.body.dataset.state === 'ready'", "the full view")
    full_nodes = page.evaluate("cy.nodes().length")
    assert full_nodes > actor_nodes + 1000
    page.screenshot(tmp_path / "corpus-full.png")
    page.evaluate("document.getElementById('view-actor').click()")
    page.wait("document.body.dataset.view === 'actor' && document.body.dataset.state === 'ready'", "the actor view")
    assert page.evaluate("cy.nodes().length") == actor_nodes


def test_layout_keeps_each_community_together_and_apart_from_the_others(tab, corpus_page):
    page = tab(corpus_page)
    intra, inter = page.evaluate("""(() => {
        const nodes = cy.nodes(), sums = [0, 0], counts = [0, 0];
        for (let i = 0; i < nodes.length; i += 3) for (let j = i + 1; j < nodes.length; j += 7) {
          const a = nodes[i], b = nodes[j], same = a.data('community') === b.data('community') ? 0 : 1;
          const dx = a.position('x') - b.position('x'), dy = a.position('y') - b.position('y');
          sums[same] += Math.hypot(dx, dy); counts[same]++;
        }
        return [sums[0] / counts[0], sums[1] / counts[1]]; })()""")
    assert intra < 0.5 * inter, f"members of a community lie {intra:.0f} apart, of different ones {inter:.0f}"
    assert page.evaluate("new Set(cy.nodes().map(n => n.data('community'))).size") >= COMMUNITIES


def test_the_most_connected_are_labelled_at_any_zoom_the_rest_on_zoom(tab, corpus_page):
    page = tab(corpus_page)
    rendered = "(n => parseFloat(n.style('font-size')) * cy.zoom())"
    hidden = "(n => parseFloat(n.style('font-size')) * cy.zoom() < parseFloat(n.style('min-zoomed-font-size')))"
    assert page.evaluate("cy.nodes('.hub').length") == 40  # one in 25 of 1,000
    assert page.evaluate("cy.zoom()") < 0.6
    assert page.evaluate(f"cy.nodes('.hub').every(n => {rendered}(n) >= 12)")
    assert page.evaluate(f"cy.nodes().not('.hub').every({hidden})")
    hubs = set(page.evaluate("cy.nodes('.hub').map(n => n.id())"))
    assert {f"n{c * MEMBERS}" for c in range(COMMUNITIES)} <= hubs
    page.evaluate("cy.zoom({ level: 1.5, renderedPosition: { x: 500, y: 400 } }) && null")
    assert page.evaluate(f"cy.nodes().not('.hub').every(n => !{hidden}(n))")


def test_brushing_the_timeline_filters_the_network(tab, corpus_page, tmp_path):
    page = tab(corpus_page)
    before = visible_edges(page)
    box = page.evaluate("(() => { const r = document.getElementById('timeline-svg').getBoundingClientRect(); "
                        "return [r.left, r.top, r.width, r.height]; })()")
    left, top, width, height = box
    page.drag((left + 0.05 * width, top + height / 2), (left + 0.35 * width, top + height / 2))
    after = visible_edges(page)
    assert 0 < after < before
    start, end = page.evaluate("[document.getElementById('from').value, document.getElementById('to').value]")
    assert "2024-01-01" <= start < end <= "2024-03-31"
    shown = page.evaluate("""cy.edges().filter(e => e.style('display') !== 'none')
        .flatMap(e => CONFIG.views.actor.edges[e.data('edge')].events).map(i => EV[i])
        .filter(ev => ev.date && passes(CONFIG.events.indexOf(ev), false)).map(ev => ev.date)""")
    assert shown and all(start <= d <= end for d in shown)
    assert f"{start} – {end}" in page.evaluate("document.getElementById('timeline-info').textContent")
    page.screenshot(tmp_path / "corpus-brushed.png")
    page.click(left + 0.8 * width, top + height / 2)  # a click clears the range
    assert visible_edges(page) == before and page.evaluate("document.getElementById('from').value") == ""


def test_clicking_a_node_lists_its_events_and_search_goes_to_a_node(tab, corpus_page):
    page = tab(corpus_page)
    page.click(*node_point(page, "#n0"))
    page.wait("document.body.dataset.details", "the details of the clicked node")
    listed = page.evaluate("document.querySelectorAll('#details-body li').length")
    assert listed == int(page.evaluate("document.body.dataset.details")) > 25  # the hub of community 0
    first = page.evaluate("document.querySelector('#details-body li').innerText")
    assert re.search(r"\d{4}-\d{2}-\d{2}|undated", first) and "Sentence of event" in first and "Actor" in first
    assert page.evaluate("document.querySelector('#details-body li a[href^=\"https://example.org/news/\"]') !== null")
    page.evaluate("""(() => { const s = document.getElementById('search'); s.value = 'Actor 0777';
                             s.dispatchEvent(new Event('input')); })()""")
    page.wait("document.body.dataset.searched === 'Actor 0777'", "the search to reach Actor 0777")
    x, y = page.evaluate("(() => { const p = cy.$('#n777').renderedPosition(); return [p.x - cy.width() / 2, p.y - cy.height() / 2]; })()")
    assert abs(x) < 30 and abs(y) < 30 and page.evaluate("cy.zoom()") >= 1.6  # centred, its label below it
    assert "Actor 0777" in page.evaluate("document.getElementById('details-body').textContent")


def test_counts_tell_what_the_node_limit_left_out(tab, tmp_path):
    html = tmp_path / "limited.html"
    drawing = draw(corpus(), html, max_nodes=600)
    html.write_bytes(drawing.content)
    page = tab(html)
    count = page.evaluate("document.getElementById('count').innerText")
    hidden = int(re.search(r"(\d+) hidden: none of their events", count).group(1))
    assert f"{drawing.entities} of 1,000 entities shown" in count
    assert f"{drawing.left_out} less active ones left out" in count
    assert drawing.entities + hidden + drawing.left_out == 1000 and drawing.left_out > 300
    assert int(page.evaluate("document.body.dataset.visibleNodes")) == drawing.entities <= 600


@pytest.fixture(scope="module")
def examples_graph(tmp_path_factory):
    from graph.pipeline import extract_inputs

    path = tmp_path_factory.mktemp("examples") / "examples.ttl"
    write_documents(document_graphs(extract_inputs([str(ROOT / "examples")])), path)
    return path


def event_colours(page) -> dict[str, str]:
    return dict(page.evaluate("cy.nodes('[kind = \"event\"]').map(n => [n.data('type'), n.style('background-color')])"))


@pytest.mark.model
def test_examples_speak_the_same_visual_language_as_another_drawing(tab, examples_graph, tmp_path):
    seed = tmp_path / "seed.ttl"
    write_documents(document_graphs(seed_like()), seed)
    colours = []
    for name, graph in (("examples", examples_graph), ("seed", seed)):
        html = tmp_path / f"{name}.html"
        html.write_text(html_page(read_tables(open_source(graph).store), projection="full"), encoding="utf-8")
        page = tab(html)
        colours.append(event_colours(page))
        page.screenshot(tmp_path / f"{name}-full.png")
    shared = colours[0].keys() & colours[1].keys()
    assert {"Statement", "PhoneCall", "Congratulation"} <= shared
    assert all(colours[0][t] == colours[1][t] for t in shared)
    palette = default_palette()
    assert colours[0]["Statement"] == "rgb({},{},{})".format(*(int(palette.event("Statement").colour[i:i + 2], 16) for i in (1, 3, 5)))


@pytest.mark.model
def test_examples_actor_view_lists_a_nodes_events_with_a_link_to_the_article(tab, examples_graph, tmp_path):
    html = tmp_path / "pages" / "examples.html"
    html.parent.mkdir()
    html.write_bytes(draw(read_tables(open_source(examples_graph).store), html, title="examples").content)
    page = tab(html)
    assert page.evaluate("cy.nodes().length") < page.evaluate("CONFIG.views.full.entities.length + CONFIG.views.full.events.length")
    page.screenshot(tmp_path / "examples-actor.png")
    biden = page.evaluate("cy.nodes().filter(n => n.data('label') === 'Joe Biden')[0].id()")
    page.click(*node_point(page, f"#{biden}"))
    page.wait("document.body.dataset.details", "the details of Joe Biden")
    items = page.evaluate("[...document.querySelectorAll('#details-body li')].map(li => li.innerText)")
    congratulation = next(text for text in items if text.startswith("Congratulation") and "Keir Starmer" in text)
    assert "2024-07-06" in congratulation and "Joe Biden → Keir Starmer" in congratulation
    href = page.evaluate("[...document.querySelectorAll('#details-body li a[target]')].map(a => a.href)")[0]
    assert Path(unquote(urlparse(href).path)).is_file()  # the article itself, beside the page
    page.screenshot(tmp_path / "examples-details.png")


@pytest.mark.model
def test_the_report_page_of_the_examples_renders(tab, examples_graph, tmp_path):
    html = tmp_path / "report.html"
    html.write_text(report_page(open_source(examples_graph), title="examples", base=tmp_path), encoding="utf-8")
    page = tab(html)
    assert page.evaluate("document.querySelectorAll('.report table').length") == 4
    assert page.evaluate("cy.nodes().length") > 10
    page.screenshot(tmp_path / "report.png")
