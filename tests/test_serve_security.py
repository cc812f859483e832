"""The endpoint probed as an attacker would, against a real `newsgraph serve` on 127.0.0.1.

One test per probe of issue 16. Every loop is bounded in count and time; all traffic stays on
127.0.0.1.
"""
from __future__ import annotations

import socket
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import httpx
import psutil
import pytest
from serving import resident_mb, served, workers_of
from test_serve import PLACES, new_store

pytestmark = pytest.mark.server
TOKEN = "t0ken"
ORIGIN = "https://newsroom.example"
CHEAP = "ASK { ?s ?p ?o }"
RUNAWAYS = [
    "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }",
    "SELECT (COUNT(*) AS ?n) WHERE { ?s ((!<urn:x>)|^(!<urn:x>))* ?o }",
    "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } ORDER BY ?i ?f ?c",
    "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }",
]
QUERY_SECONDS = 3


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    store = new_store(tmp_path_factory.mktemp("probed") / "store")
    options = ["--timeout", str(QUERY_SECONDS), "--max-query-mb", "300", "--request-timeout", "2",
               "--idle-timeout", "2", "--cors", ORIGIN, "--update-token", TOKEN, "--max-result-mb", "1000"]
    with served(store, *options) as (url, process):
        yield url, process


def port_of(url: str) -> int:
    return int(url.rstrip("/").rsplit(":", 1)[1])


def raw_exchange(url: str, data: bytes, *, timeout: float = 10) -> bytes:
    """Send raw bytes on a fresh connection; everything the server answers until it closes or goes quiet."""
    with socket.create_connection(("127.0.0.1", port_of(url)), timeout=timeout) as connection:
        connection.sendall(data)
        received = b""
        try:
            while chunk := connection.recv(65536):
                received += chunk
        except TimeoutError:
            pass
        return received


class Listener:
    """A socket on 127.0.0.1 that counts who connects to it: the target of a request forgery."""

    def __init__(self):
        self.socket = socket.create_server(("127.0.0.1", 0))
        self.socket.settimeout(0.2)
        self.port, self.connections, self.stop = self.socket.getsockname()[1], 0, threading.Event()
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self):
        while not self.stop.is_set():
            try:
                connection, _ = self.socket.accept()
                self.connections += 1
                connection.close()
            except TimeoutError:
                continue
            except OSError:  # closed
                return

    def close(self):
        self.stop.set()
        self.socket.close()


def closed_port() -> int:
    with socket.create_server(("127.0.0.1", 0)) as probe:
        return probe.getsockname()[1]


# ---------------------------------------------------------------------- request forgery
def test_service_and_load_reach_no_host_and_say_nothing_of_ports(server):
    url, _ = server
    listener = Listener()
    try:
        answers = []
        for port in (listener.port, closed_port(), port_of(url)):
            query = f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{port}/sparql> {{ ?s ?p ?o }} }}"
            answers.append(httpx.post(url + "sparql", data={"query": query}))
        load = httpx.post(url + "sparql", data={"update": f"LOAD <http://127.0.0.1:{listener.port}/x.ttl>"},
                          headers={"Authorization": f"Bearer {TOKEN}"})
        time.sleep(0.3)
        assert listener.connections == 0
    finally:
        listener.close()
    assert {a.status_code for a in answers} == {403} and len({a.text for a in answers}) == 1
    assert "allow-federation" in answers[0].text and "127.0.0.1" not in answers[0].text
    assert load.status_code == 403


def test_allowed_federation_reaches_only_its_host_and_hides_errors(tmp_path):
    listener, closed = Listener(), closed_port()
    try:
        store = new_store(tmp_path / "store")
        with served(store, "--max-queries", "2", "--timeout", "5",
                    "--allow-federation", f"127.0.0.1:{closed}") as (url, _):
            failed = httpx.post(url + "sparql", data={"query": f"SELECT * {{ SERVICE <http://127.0.0.1:{closed}/> "
                                                               "{ ?s ?p ?o } }"})
            other = httpx.post(url + "sparql", data={"query": f"SELECT * {{ SERVICE <http://127.0.0.1:{listener.port}/>"
                                                              " { ?s ?p ?o } }"})
        assert listener.connections == 0 and other.status_code == 403
        assert failed.status_code == 400 and "SERVICE call got no usable answer" in failed.text
        assert "refused" not in failed.text.lower() and str(closed) not in failed.text
    finally:
        listener.close()


# ---------------------------------------------------------------------- runaway queries
def test_runaway_queries_are_ended_and_quick_ones_keep_answering(server):
    url, process = server
    deadline = time.monotonic() + 20  # on a busy machine the pool may still be starting its workers
    while len(workers_of(process)) < len(RUNAWAYS) and time.monotonic() < deadline:
        time.sleep(0.2)
    before = {worker.pid for worker in workers_of(process)}
    with ThreadPoolExecutor(len(RUNAWAYS)) as runners:
        runaway = [runners.submit(httpx.post, url + "sparql", data={"query": q}, timeout=QUERY_SECONDS + 30)
                   for q in RUNAWAYS]
        time.sleep(1.5)  # all are long by now (the ORDER BY may have met its memory ceiling already)
        deadline = time.monotonic() + 5
        while sum(w.nice() == 19 for w in workers_of(process)) < len(RUNAWAYS) - 1 and time.monotonic() < deadline:
            time.sleep(0.2)
        running = sum(not future.done() for future in runaway)
        assert sum(worker.nice() == 19 for worker in workers_of(process)) == running >= len(RUNAWAYS) - 1
        quick = [httpx.post(url + "sparql", data={"query": CHEAP}, timeout=10) for _ in range(20)]
        answers = [future.result() for future in runaway]
    assert [q.status_code for q in quick] == [200] * 20
    assert [a.status_code for a in answers] == [503] * len(RUNAWAYS)
    assert all("limit" in a.text for a in answers)
    # the queries really stopped: their workers are gone, replaced by fresh ones doing nothing
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and len(before - {w.pid for w in workers_of(process)}) < len(RUNAWAYS):
        time.sleep(0.2)
    assert len(before - {w.pid for w in workers_of(process)}) == len(RUNAWAYS)
    time.sleep(1)
    assert sum(w.cpu_percent(interval=0.5) for w in workers_of(process)) < 50
    assert resident_mb(process) < 1500
    assert httpx.post(url + "sparql", data={"query": PLACES}).status_code == 200


def test_a_query_past_its_memory_ceiling_is_ended(server):
    url, _ = server
    answer = httpx.post(url + "sparql", data={"query": RUNAWAYS[2]}, timeout=QUERY_SECONDS + 30)
    assert answer.status_code == 503 and ("memory limit" in answer.text or "s limit" in answer.text)


def test_long_queries_beyond_their_share_are_refused_and_quick_ones_still_run(tmp_path):
    with served(new_store(tmp_path / "store"), "--max-queries", "3", "--max-long-queries", "1",
                "--timeout", "4") as (url, _):
        with ThreadPoolExecutor(2) as runners:
            first = runners.submit(httpx.post, url + "sparql", data={"query": RUNAWAYS[0]}, timeout=30)
            time.sleep(1.3)
            second = runners.submit(httpx.post, url + "sparql", data={"query": RUNAWAYS[3]}, timeout=30)
            quick = [httpx.post(url + "sparql", data={"query": CHEAP}, timeout=10).status_code for _ in range(10)]
            assert second.result().status_code == 503 and "long queries" in second.result().text
            assert first.result().status_code == 503
    assert quick == [200] * 10


# ---------------------------------------------------------------------- HTTP handling
def test_sixteen_keep_alive_clients_all_get_answers(server):
    url, _ = server

    def client(_):
        with httpx.Client(base_url=url, timeout=20) as connection:  # one connection, kept alive
            return [connection.post("sparql", data={"query": PLACES}).status_code for _ in range(25)]
    with ThreadPoolExecutor(16) as clients:
        statuses = [status for answers in clients.map(client, range(16)) for status in answers]
    assert statuses == [200] * 16 * 25


def test_a_negative_content_length_gets_400(server):
    url, _ = server
    answer = raw_exchange(url, b"POST /sparql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: -1\r\n"
                               b"Content-Type: application/sparql-query\r\n\r\nASK {}")
    assert answer.startswith(b"HTTP/1.1 400")


def test_chunked_bodies_are_read_as_bodies_and_limited(server):
    url, _ = server
    query = CHEAP.encode()
    chunked = b"%x\r\n%s\r\n0\r\n\r\n" % (len(query), query)
    head = (b"POST /sparql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/sparql-query\r\n"
            b"Transfer-Encoding: chunked\r\n\r\n")
    twice = raw_exchange(url, head + chunked + head + chunked, timeout=3)
    assert twice.count(b"HTTP/1.1 200") == 2 and b'"boolean":true' in twice
    with socket.create_connection(("127.0.0.1", port_of(url)), timeout=10) as connection:
        connection.sendall(head)
        chunk = b"%x\r\n%s\r\n" % (1 << 20, b"#" * (1 << 20))  # 50 chunks of 1 MB: a 50 MB comment
        try:
            for _ in range(50):
                connection.sendall(chunk)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the server stopped reading after its limit, and closed
        answer = b""
        try:
            while part := connection.recv(65536):
                answer += part
        except (TimeoutError, ConnectionResetError):
            pass
    assert answer.startswith(b"HTTP/1.1 413") and answer.count(b"HTTP/1.1") == 1


def test_slow_and_idle_clients_are_dropped(server):
    url, _ = server
    request = b"GET /sparql?query=ASK%7B%7D HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
    slow = [socket.create_connection(("127.0.0.1", port_of(url)), timeout=5) for _ in range(20)]
    idle = socket.create_connection(("127.0.0.1", port_of(url)), timeout=5)
    dropped_at: dict[int, float] = {}
    started = time.monotonic()
    for step in range(len(request)):  # one byte a second would take a minute; 0.25 s apart is as slow
        if len(dropped_at) == len(slow) or time.monotonic() - started > 10:
            break
        for index, connection in enumerate(slow):
            if index not in dropped_at:
                try:
                    connection.sendall(request[step:step + 1])
                except OSError:
                    dropped_at[index] = time.monotonic() - started
        time.sleep(0.25)
    idle.settimeout(5)
    assert idle.recv(10) == b""  # closed by the server, not a timeout of ours
    for connection in [*slow, idle]:
        connection.close()
    assert len(dropped_at) == len(slow)
    assert httpx.get(url + "sparql", params={"query": CHEAP}).status_code == 200


def test_foreign_host_headers_are_refused(server):
    url, _ = server
    assert httpx.get(url, headers={"Host": "attacker.example"}).status_code == 421
    assert httpx.get(url, headers={"Host": f"attacker.example:{port_of(url)}"}).status_code == 421
    assert httpx.get(url, headers={"Host": f"localhost:{port_of(url)}"}).status_code == 200


def test_headers_head_options_and_cors(server):
    url, _ = server
    page = httpx.get(url)
    assert "server" not in page.headers
    assert page.headers["x-content-type-options"] == "nosniff"
    assert "script-src 'sha256-" in page.headers["content-security-policy"]
    assert "default-src 'none'" in page.headers["content-security-policy"]
    answer = httpx.get(url + "sparql", params={"query": CHEAP})
    assert answer.headers["x-content-type-options"] == "nosniff" and "server" not in answer.headers
    head = httpx.head(url + "sparql", params={"query": CHEAP})
    assert head.status_code == 200 and head.content == b"" and int(head.headers["content-length"]) > 0
    options = httpx.options(url + "sparql")
    assert options.status_code == 204 and "POST" in options.headers["allow"]
    assert httpx.options(url).status_code == 204
    allowed = httpx.get(url + "sparql", params={"query": CHEAP}, headers={"Origin": ORIGIN})
    assert allowed.headers["access-control-allow-origin"] == ORIGIN
    other = httpx.get(url + "sparql", params={"query": CHEAP}, headers={"Origin": "https://attacker.example"})
    assert "access-control-allow-origin" not in other.headers
    preflight = httpx.options(url + "sparql", headers={"Origin": ORIGIN, "Access-Control-Request-Method": "POST",
                                                       "Access-Control-Request-Headers": "content-type"})
    assert preflight.status_code == 200 and preflight.headers["access-control-allow-origin"] == ORIGIN


def test_no_cors_without_the_option(tmp_path):
    with served(new_store(tmp_path / "store"), "--max-queries", "2") as (url, process):
        answer = httpx.get(url + "sparql", params={"query": CHEAP}, headers={"Origin": ORIGIN})
        assert answer.status_code == 200 and "access-control-allow-origin" not in answer.headers
        assert all(psutil.Process(w.pid).nice() == 0 for w in workers_of(process))


def test_the_listening_socket_sends_small_writes_at_once():
    # Nagle's algorithm on a keep-alive connection held each answer 40 ms (headers and body are two writes)
    from graph.store.http import listening_socket

    sock = listening_socket("127.0.0.1", 0)
    try:
        assert sock.proto == socket.IPPROTO_TCP and sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY)
    finally:
        sock.close()
