"""A real headless Chromium for the browser tests, driven over the DevTools protocol from file:// pages.

Chromium speaks the protocol on file descriptors 3 and 4 (--remote-debugging-pipe): no port is
opened and nothing but the standard library is needed. `make test` installs Debian's chromium when
it runs as root; elsewhere the browser tests skip, saying why.
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
from pathlib import Path

import pytest

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
def page(tmp_path):  # imported by the browser test modules
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


class Tab:
    """One open page: evaluate JavaScript, wait for it, click, drag, screenshot."""

    def __init__(self, devtools: DevTools, session: str, evaluate):
        self.devtools, self.session, self.evaluate = devtools, session, evaluate

    def wait(self, expression: str, what: str):
        deadline = time.monotonic() + TIMEOUT
        while not (value := self.evaluate(expression)):
            assert time.monotonic() < deadline, f"waited in vain for {what}"
            time.sleep(0.1)
        return value

    def mouse(self, kind: str, x: float, y: float, pressed: bool = False):
        self.devtools.send("Input.dispatchMouseEvent", self.session, type=kind, x=x, y=y, button="left",
                           buttons=1 if pressed or kind == "mousePressed" else 0, clickCount=1)

    def click(self, x: float, y: float):
        self.mouse("mouseMoved", x, y)
        self.mouse("mousePressed", x, y)
        self.mouse("mouseReleased", x, y)

    def drag(self, start: tuple[float, float], end: tuple[float, float], steps: int = 8):
        self.mouse("mouseMoved", *start)
        self.mouse("mousePressed", *start)
        for k in range(1, steps + 1):
            self.mouse("mouseMoved", start[0] + (end[0] - start[0]) * k / steps,
                       start[1] + (end[1] - start[1]) * k / steps, pressed=True)
        self.mouse("mouseReleased", *end)

    def screenshot(self, path: Path) -> Path:
        shot = self.devtools.send("Page.captureScreenshot", self.session, format="png")
        path.write_bytes(base64.b64decode(shot["data"]))
        assert path.stat().st_size > 10_000, f"{path.name} looks blank"
        return path

    def ready(self):
        self.wait("document.body && document.body.dataset.state === 'ready'", "the page to be ready")


@pytest.fixture
def tab(page):
    """Open an HTML file; yields a function: path → Tab (ready), and checks no console error was seen."""
    open_page, devtools = page

    def open_tab(path) -> Tab:
        evaluate, session = open_page(path)
        return Tab(devtools, session, evaluate)

    yield open_tab
    assert console_errors(devtools) == []
