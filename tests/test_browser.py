"""The HTML drawing in a real headless Chromium, from file://, driven over the DevTools protocol.

Chromium speaks the protocol on file descriptors 3 and 4 (--remote-debugging-pipe): no port is
opened and nothing but the standard library is needed. `make test` installs Debian's chromium when
it runs as root; elsewhere these tests skip, saying why.
"""
from __future__ import annotations

import base64
import json
import os
import queue
import shutil
import subprocess
import threading
import time
from dataclasses import replace

import pytest
from seedlike import seed_like

from graph.output.draw import has_graphviz, html_page, involved
from graph.output.export import write_documents
from graph.output.sources import open_source
from graph.output.tables import EntityRow, EventRow, Tables, read_tables
from graph.pipeline import document_graphs

pytestmark = pytest.mark.browser

BROWSER = next((shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome") if shutil.which(n)), None)
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
         "--no-first-run", "--disable-sync", "--remote-debugging-pipe", "--window-size=1400,1000"]
TIMEOUT = 60  # seconds for any one wait: every loop below is bounded by it


class DevTools:
    """Just enough of the Chrome DevTools protocol: commands, their replies and the events seen."""

    def __init__(self, profile):
        to_browser_read, self._to_browser = os.pipe()
        self._from_browser, from_browser_write = os.pipe()

        def give_pipes():  # in the child, before exec: the pipes become fds 3 and 4
            import fcntl

            read = fcntl.fcntl(to_browser_read, fcntl.F_DUPFD, 10)
            write = fcntl.fcntl(from_browser_write, fcntl.F_DUPFD, 10)
            os.dup2(read, 3)
            os.dup2(write, 4)

        self.process = subprocess.Popen([BROWSER, *FLAGS, f"--user-data-dir={profile}"], preexec_fn=give_pipes,
                                        close_fds=False, stdin=subprocess.DEVNULL,
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(to_browser_read)
        os.close(from_browser_write)
        self.events: list[dict] = []
        self._replies: queue.Queue = queue.Queue()
        self._next_id = 0
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        buffer = b""
        with os.fdopen(self._from_browser, "rb", buffering=0) as stream:
            while chunk := stream.read(65536):
                buffer += chunk
                *messages, buffer = buffer.split(b"\0")
                for raw in messages:
                    message = json.loads(raw)
                    (self._replies.put(message) if "id" in message else self.events.append(message))

    def send(self, method: str, session: str | None = None, **params) -> dict:
        self._next_id += 1
        message = {"id": self._next_id, "method": method, "params": params}
        if session:
            message["sessionId"] = session
        os.write(self._to_browser, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + TIMEOUT
        while time.monotonic() < deadline:
            reply = self._replies.get(timeout=TIMEOUT)
            if reply["id"] == self._next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply["result"]
        raise TimeoutError(method)

    def close(self):
        try:
            self.send("Browser.close")
        except Exception:  # already gone: nothing to close
            pass
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
        os.close(self._to_browser)


@pytest.fixture
def page(tmp_path):
    """Open an HTML file in a fresh headless Chromium; yields a function: path → (evaluate, devtools)."""
    if BROWSER is None:
        pytest.skip("no Chromium found: install Debian's chromium (make test does, as root)")
    devtools = DevTools(tmp_path / "profile")

    def open_page(path):
        target = devtools.send("Target.createTarget", url="about:blank")["targetId"]
        session = devtools.send("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]
        for domain in ("Runtime", "Log", "Page"):
            devtools.send(f"{domain}.enable", session)
        devtools.send("Page.navigate", session, url=path.resolve().as_uri())

        def evaluate(expression):
            result = devtools.send("Runtime.evaluate", session, expression=expression, returnByValue=True)
            return result["result"].get("value")

        deadline = time.monotonic() + TIMEOUT
        while evaluate("document.body && document.body.dataset.state") != "ready":
            assert time.monotonic() < deadline, "the page never became ready"
            time.sleep(0.1)
        return evaluate, session

    yield open_page, devtools
    devtools.close()


def console_errors(devtools) -> list[str]:
    errors = []
    for event in devtools.events:
        params = event.get("params", {})
        if event.get("method") == "Runtime.exceptionThrown":
            errors.append(json.dumps(params["exceptionDetails"])[:300])
        elif event.get("method") == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
            errors.append(json.dumps(params["args"])[:300])
        elif event.get("method") == "Log.entryAdded" and params["entry"]["level"] == "error":
            errors.append(params["entry"]["text"])
    return errors


@pytest.fixture(scope="module")
def seed_tables(tmp_path_factory):
    path = tmp_path_factory.mktemp("browser") / "seed.ttl"
    write_documents(document_graphs(seed_like()), path)
    return read_tables(open_source(path).store)


def test_seed_page_renders_filters_and_searches_without_errors(page, seed_tables, tmp_path):
    open_page, devtools = page
    html = tmp_path / "seed.html"
    html.write_text(html_page(seed_tables, title="seed"), encoding="utf-8")
    evaluate, session = open_page(html)

    expected = len(involved(seed_tables).entities) + len(seed_tables.events)
    assert evaluate("cy.nodes().length") == expected
    assert int(evaluate("document.body.dataset.visibleNodes")) == expected
    assert evaluate("cy.nodes().filter(n => n.renderedBoundingBox().w > 0).length") == expected

    # untick Statement: the 3 statements go, and Karine Jean-Pierre, who only made statements
    evaluate("""(() => { const box = [...document.querySelectorAll('#types input')].find(b => b.value === 'Statement');
                         box.click(); })()""")
    assert int(evaluate("document.body.dataset.visibleNodes")) == expected - 3 - 1
    # a date range of one day keeps that day's events only
    evaluate("""(() => { document.querySelector('#types input[value=Statement]').click();
                         const from = document.getElementById('from'), to = document.getElementById('to');
                         from.value = '2024-11-13'; to.value = '2024-11-13';
                         from.dispatchEvent(new Event('change')); })()""")
    shown_events = evaluate("cy.nodes('[kind = \"event\"]').filter(n => n.style('display') !== 'none').map(n => n.data('date'))")
    assert shown_events and set(shown_events) == {"2024-11-13"}
    # search marks the entity whose alias matches
    evaluate("""(() => { const s = document.getElementById('search'); s.value = 'jean-pierre';
                         s.dispatchEvent(new Event('input')); })()""")
    assert evaluate("cy.nodes('.match').map(n => n.data('label'))") == ["Karine Jean-Pierre"]

    shot = devtools.send("Page.captureScreenshot", session, format="png")
    (tmp_path / "seed.png").write_bytes(base64.b64decode(shot["data"]))
    assert (tmp_path / "seed.png").stat().st_size > 10_000
    assert console_errors(devtools) == []


def large_tables(people: int = 2500) -> Tables:
    """A synthetic graph of `people` entities and as many events: 5,000 nodes in the full projection."""
    entities = {f"urn:p{i}": EntityRow(f"urn:p{i}", "Person", f"Person {i}", (), (), 1) for i in range(people)}
    events = tuple(EventRow(f"urn:e{i}", "PhoneCall" if i % 3 else "Meeting", f"2024-0{1 + i % 9}-1{i % 10}",
                            False, False, f"urn:p{i}", f"urn:p{(i * 7 + 1) % people}", (), None, None,
                            f"Person {i} called.", "doc") for i in range(people))
    return Tables(entities, events)


@pytest.mark.skipif(not has_graphviz(), reason="laying out 5,000 nodes needs Graphviz's sfdp: apt-get install graphviz")
def test_a_5000_node_page_loads_and_renders_every_node(page, tmp_path):
    open_page, devtools = page
    tables = large_tables()
    html = tmp_path / "large.html"
    html.write_text(html_page(tables), encoding="utf-8")
    evaluate, session = open_page(html)
    assert evaluate("cy.nodes().length") == 5000
    assert int(evaluate("document.body.dataset.visibleNodes")) == 5000
    shot = devtools.send("Page.captureScreenshot", session, format="png")
    (tmp_path / "large.png").write_bytes(base64.b64decode(shot["data"]))
    assert console_errors(devtools) == []


def test_beyond_the_limit_the_page_keeps_the_most_active_entities(page, tmp_path):
    open_page, devtools = page
    tables = large_tables(300)
    tables = replace(tables, events=tables.events + tuple(replace(e, id=e.id + "b") for e in tables.events[:50]))
    html = tmp_path / "limited.html"
    html.write_text(html_page(tables, max_nodes=200), encoding="utf-8")
    evaluate, _ = open_page(html)
    assert 0 < evaluate("cy.nodes().length") <= 200
    assert "most active" in evaluate("document.getElementById('note').textContent")
    assert console_errors(devtools) == []


def test_a_page_of_hostile_text_still_renders(page, tmp_path):
    from test_hostile_text import NUL_NAME, hostile_document

    open_page, devtools = page
    graph = tmp_path / "hostile.ttl"
    write_documents(document_graphs([hostile_document()]), graph)
    html = tmp_path / "hostile.html"
    html.write_text(html_page(read_tables(open_source(graph).store)), encoding="utf-8")
    evaluate, _ = open_page(html)
    assert evaluate("typeof cy") == "object" and evaluate("cy.nodes().length") == 3
    assert NUL_NAME.replace("\x00", "") in "".join(evaluate("cy.nodes().map(n => n.data('label'))")).replace("\x00", "")
    assert console_errors(devtools) == []
