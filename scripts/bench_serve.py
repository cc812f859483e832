"""Load benchmark of `newsgraph serve`: 16 keep-alive clients sending cheap SELECTs, first alone,
then while four runaway queries run (each restarted as soon as the server ends it).

Reports requests per second, p50 and p99 latency and every non-200 answer of each phase. Not a
test: figures depend on the machine (clients and server share it); run both phases in one go.
All traffic goes to 127.0.0.1.

    .venv/bin/python scripts/bench_serve.py                   # 300 generated documents, 20 s a phase
    .venv/bin/python scripts/bench_serve.py --seconds 5 --documents 50
"""
from __future__ import annotations

import argparse
import collections
import http.client
import random
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import quote, urlsplit

sys.path.insert(0, str(Path(__file__).parent))
from bench_store import generated_document  # noqa: E402

from graph.pipeline import document_graphs  # noqa: E402
from graph.store import Store  # noqa: E402

CHEAP = ("PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
         "SELECT ?name WHERE { ?place a <https://schema.org/Place> ; rdfs:label ?name } LIMIT 5")
RUNAWAYS = [
    "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }",
    "SELECT (COUNT(*) AS ?n) WHERE { ?s ((!<urn:x>)|^(!<urn:x>))* ?o }",
    "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f } ORDER BY ?f ?c",
    "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }",
]


def start_server(store: Path) -> tuple[subprocess.Popen, str, int]:
    process = subprocess.Popen([sys.executable, "-m", "graph.cli", "serve", "--store", str(store), "--port", "0"],
                               stderr=subprocess.PIPE, text=True)
    line = process.stderr.readline()
    url = re.search(r"at (http://\S+/) \(", line).group(1)
    threading.Thread(target=lambda: [None for _ in process.stderr], daemon=True).start()
    parts = urlsplit(url)
    return process, parts.hostname, parts.port


def client(host: str, port: int, until: float, latencies: list, statuses: collections.Counter) -> None:
    connection = http.client.HTTPConnection(host, port, timeout=60)  # one connection, kept alive
    path = "/sparql?query=" + quote(CHEAP)
    while time.monotonic() < until:
        started = time.perf_counter()
        connection.request("GET", path, headers={"Accept": "application/sparql-results+json"})
        response = connection.getresponse()
        response.read()
        latencies.append(time.perf_counter() - started)
        statuses[response.status] += 1
    connection.close()


def runaway(host: str, port: int, sparql: str, until: float, statuses: collections.Counter) -> None:
    while time.monotonic() < until:
        connection = http.client.HTTPConnection(host, port, timeout=120)
        connection.request("POST", "/sparql", body="query=" + quote(sparql),
                           headers={"Content-Type": "application/x-www-form-urlencoded"})
        statuses[connection.getresponse().status] += 1
        connection.close()


def phase(host: str, port: int, seconds: float, clients: int, with_runaways: bool) -> dict:
    until = time.monotonic() + seconds
    latencies: list[float] = []
    statuses: collections.Counter = collections.Counter()
    runaway_statuses: collections.Counter = collections.Counter()
    hogs = [threading.Thread(target=runaway, args=(host, port, q, until, runaway_statuses), daemon=True)
            for q in RUNAWAYS] if with_runaways else []
    for hog in hogs:
        hog.start()
    if hogs:
        time.sleep(1.5)  # the four are running and past the one-second mark
        until += 1.5
    threads = [threading.Thread(target=client, args=(host, port, until, latencies, statuses)) for _ in range(clients)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - started
    quantiles = statistics.quantiles(latencies, n=100)
    return {"requests": len(latencies), "per_second": len(latencies) / elapsed, "p50_ms": quantiles[49] * 1000,
            "p99_ms": quantiles[98] * 1000, "statuses": dict(statuses), "runaways": dict(runaway_statuses)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=300)
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--clients", type=int, default=16)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        store_path = Path(folder) / "store"
        rng = random.Random(7)
        with Store(store_path) as store:
            store.add(document_graphs(generated_document(n, rng, 400, 40) for n in range(args.documents)))
            triples = store.stats().triples
        process, host, port = start_server(store_path)
        try:
            print(f"store: {args.documents} documents, {triples:,} triples; {args.clients} keep-alive clients, "
                  f"{args.seconds:g} s a phase")
            for label, hogs in (("cheap SELECTs alone", False), ("with four runaway queries", True)):
                result = phase(host, port, args.seconds, args.clients, hogs)
                print(f"{label:28} {result['per_second']:7.0f} requests/s  p50 {result['p50_ms']:5.1f} ms  "
                      f"p99 {result['p99_ms']:5.1f} ms  answers {result['statuses']}"
                      + (f"  runaways {result['runaways']}" if hogs else ""))
        finally:
            process.send_signal(signal.SIGINT)
            process.wait(timeout=30)


if __name__ == "__main__":
    main()
