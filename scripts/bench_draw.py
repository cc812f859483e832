"""What the page draws of a graph, and how long headless Chromium takes to lay each view out.

    python scripts/bench_draw.py GRAPH [GRAPH ...]      # graph files or store folders
    python scripts/bench_draw.py --generated             # the browser tests' 1,000-entity graph

For each graph: entities, events and statements; the nodes and edges of the actor view (statements
folded into their speakers) and of the full view (every event a node); the page's size; the seconds
from opening the page to the actor view laid out (fcose), and from the click to the full view laid
out. One run; the machine's other load counts too, so compare views of one run, not runs.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))  # the DevTools driver the browser tests use

from chromium import BROWSER, DevTools  # noqa: E402

from graph.output.page import html_page  # noqa: E402
from graph.output.sources import open_source  # noqa: E402
from graph.output.tables import read_tables  # noqa: E402


def wait(evaluate, expression: str, limit: float = 600) -> float:
    start = time.monotonic()
    while not evaluate(expression):
        if time.monotonic() - start > limit:
            raise TimeoutError(expression)
        time.sleep(0.05)
    return time.monotonic() - start


def measure(name: str, tables, devtools: DevTools, folder: Path) -> None:
    page = folder / f"{len(list(folder.iterdir()))}.html"
    page.write_text(html_page(tables, title=name), encoding="utf-8")
    target = devtools.send("Target.createTarget", url="about:blank")["targetId"]
    session = devtools.send("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]
    devtools.send("Runtime.enable", session)

    def evaluate(expression):
        reply = devtools.send("Runtime.evaluate", session, expression=expression, returnByValue=True)
        return reply["result"].get("value")

    opened = time.monotonic()
    devtools.send("Page.navigate", session, url=page.as_uri())
    wait(evaluate, "document.body && document.body.dataset.state === 'ready'")
    actor_seconds = time.monotonic() - opened
    actor = evaluate("[cy.nodes().length, cy.edges().length, +document.body.dataset.visibleNodes]")
    clicked = time.monotonic()
    evaluate("document.getElementById('view-full').click()")  # the layout runs inside the click
    wait(evaluate, "document.body.dataset.view === 'full' && document.body.dataset.state === 'ready'")
    full_seconds = time.monotonic() - clicked
    full = evaluate("[cy.nodes().length, cy.edges().length]")
    statements = sum(e.type == "Statement" for e in tables.events)
    print(f"{name}: {len(tables.entities):,} entities, {len(tables.events):,} events ({statements:,} statements); "
          f"page {page.stat().st_size / 1e6:.1f} MB")
    print(f"  actor view: {actor[0]:,} nodes, {actor[1]:,} edges, laid out in {actor_seconds:.1f} s")
    print(f"  full view:  {full[0]:,} nodes, {full[1]:,} edges, laid out in {full_seconds:.1f} s")
    devtools.send("Target.closeTarget", targetId=target)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("graphs", nargs="*")
    parser.add_argument("--generated", action="store_true", help="also the browser tests' 1,000-entity graph")
    arguments = parser.parse_args()
    if BROWSER is None:
        sys.exit("no Chromium found: install Debian's chromium")
    with tempfile.TemporaryDirectory() as folder:
        devtools = DevTools(Path(folder) / "profile")
        try:
            for graph in arguments.graphs:
                measure(Path(graph).name, read_tables(open_source(graph).store), devtools, Path(folder))
            if arguments.generated:
                from test_browser_corpus import corpus

                measure("generated", corpus(), devtools, Path(folder))
        finally:
            devtools.close()


if __name__ == "__main__":
    main()
