"""`newsgraph serve`: a SPARQL 1.1 Protocol endpoint over a store, and a small page to query it.

    GET  /sparql?query=…                      a query
    POST /sparql  query=… (form) or an application/sparql-query body
    POST /sparql  update=… (form) or an application/sparql-update body, with `Authorization: Bearer TOKEN`
    GET  /                                    the query page;  GET /queries: the bundled queries as JSON

Results are negotiated from the Accept header: SELECT/ASK as SPARQL JSON, XML, CSV or TSV;
CONSTRUCT/DESCRIBE as Turtle, JSON-LD, N-Triples or RDF/XML. pyoxigraph serializes them, streaming
into a buffer that stops at the size limit or when the query's time is up.

Standard library http.server: one thread per connection, which is plenty for a newsroom's graph.
"""
from __future__ import annotations

import errno
import hmac
import json
import threading
from dataclasses import dataclass
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from urllib.parse import parse_qs, urlsplit

import pyoxigraph as ox

from ..errors import NewsgraphError
from ..rdf.ontology import bundled_queries
from .folder import Store
from .query import QueryError, QueryTimeout, call_with_timeout

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
MAX_REQUEST_BYTES = 10_000_000


class ServeError(NewsgraphError):
    """A server that cannot start; the message is one line for the user."""


@dataclass(frozen=True)
class ServerConfig:
    """Limits of a server. Without an update token the endpoint is read-only."""

    timeout: float = 30.0
    max_result_bytes: int = 16_000_000
    update_token: str | None = None
    max_running_queries: int = 4


class _Refusal(Exception):
    """An answer other than 200, raised from deep inside a request."""

    def __init__(self, status: HTTPStatus, message: str, headers: dict[str, str] | None = None):
        super().__init__(message)
        self.status, self.message, self.headers = status, message, headers or {}


class _BoundedBuffer:
    """Where pyoxigraph writes a result: refuses to grow past `limit` bytes or past the time limit."""

    def __init__(self, limit: int, cancel: threading.Event):
        self.limit, self.cancel, self.size, self.chunks = limit, cancel, 0, []

    def write(self, data) -> int:
        if self.cancel.is_set():
            raise QueryTimeout("cancelled")  # the waiting thread has already answered 503
        self.size += len(data)
        if self.size > self.limit:
            raise _Refusal(HTTPStatus.BAD_REQUEST,
                           f"the result is larger than this server's limit of {self.limit:,} bytes; add a LIMIT")
        self.chunks.append(bytes(data))
        return len(data)

    def flush(self) -> None:
        pass


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


def _serialize(results, accept: str | None, limit: int, cancel: threading.Event) -> tuple[str, bytes]:
    offers = GRAPH_FORMATS if isinstance(results, ox.QueryTriples) else SELECT_FORMATS
    chosen = negotiate(accept, offers)
    if chosen is None:
        raise _Refusal(HTTPStatus.NOT_ACCEPTABLE,
                       f"cannot answer in {accept}; this result comes as {', '.join(m for m, _ in offers)}")
    media_type, output_format = chosen
    buffer = _BoundedBuffer(limit, cancel)
    results.serialize(buffer, output_format)
    charset = "; charset=utf-8" if media_type.startswith("text/") else ""
    return media_type + charset, b"".join(buffer.chunks)


def page_html() -> bytes:
    return resources.files("graph.store").joinpath("serve_page.html").read_bytes()


class SparqlServer(ThreadingHTTPServer):
    """The HTTP server; holds the store, its limits and the bookkeeping shared by request threads."""

    daemon_threads = True

    def __init__(self, address: tuple[str, int], store: Store, config: ServerConfig = ServerConfig()):
        super().__init__(address, SparqlHandler)
        self.store, self.config = store, config
        # A slot is held until a query's thread really ends, even after its client got a 503:
        # runaway queries cannot pile up without bound.
        self.query_slots = threading.BoundedSemaphore(config.max_running_queries)
        self.update_lock = threading.Lock()

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host}:{port}/"


class SparqlHandler(BaseHTTPRequestHandler):
    server: SparqlServer
    server_version = "newsgraph"
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args) -> None:  # noqa: A002 (the base class's name)
        pass  # quiet: the command prints its own one-line banner

    # ------------------------------------------------------------------ routing
    def do_GET(self) -> None:
        url = urlsplit(self.path)
        if url.path in ("/", "/index.html"):
            self._send(HTTPStatus.OK, "text/html; charset=utf-8", page_html())
        elif url.path == "/queries":
            self._send(HTTPStatus.OK, "application/json", json.dumps(bundled_queries()).encode("utf-8"))
        elif url.path == "/sparql":
            self._handle(lambda: self._sparql(parse_qs(url.query), from_get=True))
        else:
            self._send_text(HTTPStatus.NOT_FOUND, "not found: try / or /sparql")

    def do_POST(self) -> None:
        if urlsplit(self.path).path != "/sparql":
            self._send_text(HTTPStatus.NOT_FOUND, "not found: POST to /sparql")
            return
        self._handle(self._post)

    def do_PUT(self) -> None:
        self.close_connection = True  # the request body stays unread: this connection cannot carry another
        self._send_text(HTTPStatus.METHOD_NOT_ALLOWED,
                        "this server speaks the SPARQL Protocol, not the Graph Store Protocol",
                        {"Allow": "GET, POST", "Connection": "close"})

    do_DELETE = do_PUT

    # ------------------------------------------------------------------ requests
    def _post(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        if length > MAX_REQUEST_BYTES:
            self.close_connection = True  # its body stays unread
            raise _Refusal(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, f"requests are limited to {MAX_REQUEST_BYTES:,} bytes")
        body = self.rfile.read(length).decode("utf-8", errors="replace")
        content_type = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        url_params = parse_qs(urlsplit(self.path).query)
        if content_type == "application/x-www-form-urlencoded":
            self._sparql(url_params | parse_qs(body), from_get=False)
        elif content_type == "application/sparql-query":
            self._sparql(url_params | {"query": [body]}, from_get=False)
        elif content_type == "application/sparql-update":
            self._sparql(url_params | {"update": [body]}, from_get=False)
        else:
            raise _Refusal(HTTPStatus.UNSUPPORTED_MEDIA_TYPE, "POST a form (query= or update=), "
                           "application/sparql-query or application/sparql-update")

    def _sparql(self, params: dict[str, list[str]], from_get: bool) -> None:
        if "update" in params:
            if from_get:
                raise _Refusal(HTTPStatus.METHOD_NOT_ALLOWED, "updates must be POSTed", {"Allow": "POST"})
            self._update(params["update"][0])
        elif "query" in params:
            self._query(params["query"][0], params)
        else:
            raise _Refusal(HTTPStatus.BAD_REQUEST, "give a query= (or, with the update token, an update=) parameter")

    def _query(self, sparql: str, params: dict[str, list[str]]) -> None:
        config = self.server.config
        dataset = {}
        try:  # the protocol's dataset parameters, as pyoxigraph takes them
            if params.get("default-graph-uri"):
                dataset["default_graph"] = [ox.NamedNode(iri) for iri in params["default-graph-uri"]]
            if params.get("named-graph-uri"):
                dataset["named_graphs"] = [ox.NamedNode(iri) for iri in params["named-graph-uri"]]
        except ValueError as error:
            raise _Refusal(HTTPStatus.BAD_REQUEST, f"bad graph IRI: {error}") from None
        if not self.server.query_slots.acquire(blocking=False):
            raise _Refusal(HTTPStatus.SERVICE_UNAVAILABLE, "too many queries are running; try again shortly",
                           {"Retry-After": "5"})
        store, accept, cancel = self.server.store.oxigraph, self.headers.get("Accept"), threading.Event()

        def run() -> tuple[str, bytes]:
            try:
                return _serialize(store.query(sparql, **dataset), accept, config.max_result_bytes, cancel)
            finally:
                self.server.query_slots.release()

        try:
            content_type, body = call_with_timeout(run, config.timeout, cancel)
        except QueryTimeout:
            raise _Refusal(HTTPStatus.SERVICE_UNAVAILABLE,
                           f"the query ran longer than this server's {config.timeout:g} s limit") from None
        self._send(HTTPStatus.OK, content_type, body)

    def _update(self, sparql: str) -> None:
        token = self.server.config.update_token
        if token is None:
            raise _Refusal(HTTPStatus.FORBIDDEN,
                           "this endpoint is read-only (start `newsgraph serve` with --update-token)")
        given = self.headers.get("Authorization") or ""
        if not hmac.compare_digest(given.encode("utf-8"), f"Bearer {token}".encode()):
            raise _Refusal(HTTPStatus.UNAUTHORIZED, "updates need the header 'Authorization: Bearer <update token>'",
                           {"WWW-Authenticate": 'Bearer realm="newsgraph"'})
        with self.server.update_lock:
            self.server.store.update(sparql)
        self._send(HTTPStatus.NO_CONTENT, None, b"")

    # ------------------------------------------------------------------ answers
    def _handle(self, action) -> None:
        try:
            action()
        except _Refusal as refusal:
            self._send_text(refusal.status, refusal.message, refusal.headers)
        except SyntaxError as error:
            self._send_text(HTTPStatus.BAD_REQUEST, f"SPARQL syntax error: {str(error).splitlines()[0]}")
        except (QueryError, ValueError, OSError) as error:
            self._send_text(HTTPStatus.BAD_REQUEST, str(error).splitlines()[0] if str(error) else type(error).__name__)

    def _send_text(self, status: HTTPStatus, message: str, headers: dict[str, str] | None = None) -> None:
        self._send(status, "text/plain; charset=utf-8", (message + "\n").encode("utf-8"), headers)

    def _send(self, status: HTTPStatus, content_type: str | None, body: bytes,
              headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        if content_type:
            self.send_header("Content-Type", content_type)
        if status != HTTPStatus.NO_CONTENT:
            self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept")
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD" and status != HTTPStatus.NO_CONTENT:
            self.wfile.write(body)


def make_server(store: Store, host: str = "127.0.0.1", port: int = 7878,
                config: ServerConfig = ServerConfig()) -> SparqlServer:
    """A server bound to host:port (port 0 picks a free one), not yet serving: call serve_forever()."""
    try:
        return SparqlServer((host, port), store, config)
    except OSError as error:
        if error.errno == errno.EADDRINUSE:
            raise ServeError(f"{host}:{port} is already in use; pick another --port") from None
        raise ServeError(f"cannot listen on {host}:{port} ({error.strerror or error})") from None
