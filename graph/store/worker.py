"""A query worker of `newsgraph serve`: one process that answers SPARQL queries over a store opened
read-only, one at a time, and that the server kills when a query runs too long or grows too big.

Why a process: pyoxigraph cannot interrupt a query (0.5 has no cancellation), and a thread that
is no longer waited for keeps computing and holding memory. Killing the process ends the query
and gives its memory back at once.

Run as a script (`python worker.py STORE`) it imports only the standard library and pyoxigraph,
so a fresh worker starts in a fraction of a second. It reads jobs from stdin and writes answers
to stdout, each a 4-byte big-endian length and a pickle:

    job    {"query", "default_graph", "named_graphs", "accept", "max_bytes"}
    answer ("ok", content_type, body) | ("error", status, message, kind)

kind is "syntax", "request" or "evaluation": the server decides what an evaluation error may say.
"""
from __future__ import annotations

import os
import pickle
import struct
import sys
import time

import pyoxigraph as ox

SELECT_FORMATS = (  # preferred first
    ("application/sparql-results+json", ox.QueryResultsFormat.JSON),
    ("application/sparql-results+xml", ox.QueryResultsFormat.XML),
    ("text/csv", ox.QueryResultsFormat.CSV),
    ("text/tab-separated-values", ox.QueryResultsFormat.TSV),
    ("application/json", ox.QueryResultsFormat.JSON),
    ("application/xml", ox.QueryResultsFormat.XML),
)
GRAPH_FORMATS = (
    ("text/turtle", ox.RdfFormat.TURTLE),
    ("application/ld+json", ox.RdfFormat.JSON_LD),
    ("application/n-triples", ox.RdfFormat.N_TRIPLES),
    ("application/rdf+xml", ox.RdfFormat.RDF_XML),
)
_LENGTH = struct.Struct(">I")


def negotiate(accept: str | None, offers: tuple[tuple[str, object], ...]) -> tuple[str, object] | None:
    """The offer the Accept header likes best (ties go to the earlier offer); None if it accepts none."""
    if not accept or not accept.strip():
        return offers[0]
    ranges = []
    for part in accept.split(","):
        media, *params = [p.strip() for p in part.split(";")]
        quality = 1.0
        for param in params:
            key, _, value = param.partition("=")
            if key.strip() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        ranges.append((media.lower(), quality))

    def quality_of(media_type: str) -> float:
        kind = media_type.split("/")[0]
        for pattern in (media_type, f"{kind}/*", "*/*"):  # the most specific range decides
            matches = [q for m, q in ranges if m == pattern]
            if matches:
                return max(matches)
        return 0.0

    best = max(offers, key=lambda offer: quality_of(offer[0]))  # max keeps the first of equals
    return best if quality_of(best[0]) > 0 else None


class Refused(Exception):
    """An answer other than 200: (status, message, kind)."""

    def __init__(self, status: int, message: str, kind: str = "request"):
        super().__init__(message)
        self.status, self.message, self.kind = status, message, kind


class BoundedBuffer:
    """Where pyoxigraph writes a result: refuses to grow past `limit` bytes."""

    def __init__(self, limit: int):
        self.limit, self.size, self.chunks = limit, 0, []

    def write(self, data) -> int:
        self.size += len(data)
        if self.size > self.limit:
            raise Refused(400, f"the result is larger than this server's limit of {self.limit:,} bytes; add a LIMIT")
        self.chunks.append(bytes(data))
        return len(data)

    def flush(self) -> None:
        pass


def _first_line(error: BaseException) -> str:
    return (str(error).splitlines() or [type(error).__name__])[0]


def answer(store: ox.Store, job: dict) -> tuple:
    """Run one job: ("ok", content type, body) or ("error", status, message, kind)."""
    try:
        dataset = {}
        try:
            if job.get("default_graph"):
                dataset["default_graph"] = [ox.NamedNode(iri) for iri in job["default_graph"]]
            if job.get("named_graphs"):
                dataset["named_graphs"] = [ox.NamedNode(iri) for iri in job["named_graphs"]]
        except ValueError as error:
            raise Refused(400, f"bad graph IRI: {_first_line(error)}") from None
        try:
            results = store.query(job["query"], **dataset)
        except SyntaxError as error:
            raise Refused(400, f"SPARQL syntax error: {_first_line(error)}", "syntax") from None
        offers = GRAPH_FORMATS if isinstance(results, ox.QueryTriples) else SELECT_FORMATS
        chosen = negotiate(job.get("accept"), offers)
        if chosen is None:
            raise Refused(406, f"cannot answer in {job.get('accept')}; this result comes as "
                               f"{', '.join(m for m, _ in offers)}")
        media_type, output_format = chosen
        buffer = BoundedBuffer(job["max_bytes"])
        results.serialize(buffer, output_format)  # evaluation happens here, as the results stream
        charset = "; charset=utf-8" if media_type.startswith("text/") else ""
        return "ok", media_type + charset, b"".join(buffer.chunks)
    except Refused as refusal:
        return "error", refusal.status, refusal.message, refusal.kind
    except (OSError, ValueError, RuntimeError) as error:  # pyoxigraph's evaluation errors
        return "error", 400, f"the query failed: {_first_line(error)}", "evaluation"


def _read_frame(stream) -> object | None:
    header = stream.read(_LENGTH.size)
    if len(header) < _LENGTH.size:
        return None
    return pickle.loads(stream.read(_LENGTH.unpack(header)[0]))


def _write_frame(stream, value: object) -> None:
    data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    stream.write(_LENGTH.pack(len(data)) + data)
    stream.flush()


def open_read_only(path: str, attempts: int = 20) -> ox.Store:
    """The store opened read-only. RocksDB may still be deleting the files a compaction replaced while the
    server's own handle settles: the open then reports a missing file ("Corruption"), and a moment later,
    with the new manifest, succeeds."""
    for attempt in range(attempts):
        try:
            return ox.Store.read_only(path)
        except RuntimeError as error:
            if "No such file" not in str(error) or attempt == attempts - 1:
                raise
            time.sleep(0.1)
    raise AssertionError("unreachable")


def main(path: str) -> None:
    jobs, answers = sys.stdin.buffer, os.fdopen(os.dup(sys.stdout.fileno()), "wb")
    sys.stdout = sys.stderr  # nothing but frames goes to the server's pipe
    try:
        store = open_read_only(path)
    except (OSError, RuntimeError) as error:
        _write_frame(answers, ("failed", _first_line(error)))
        return
    _write_frame(answers, ("ready", os.getpid()))
    while (job := _read_frame(jobs)) is not None:
        _write_frame(answers, answer(store, job))


if __name__ == "__main__":
    main(sys.argv[1])
