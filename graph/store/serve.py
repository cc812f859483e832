"""`newsgraph serve`: a SPARQL 1.1 Protocol endpoint over a store, and a small page to query it.

    GET  /sparql?query=…                      a query (HEAD too)
    POST /sparql  query=… (form) or an application/sparql-query body
    POST /sparql  update=… (form) or an application/sparql-update body, with `Authorization: Bearer TOKEN`
    GET  /                                    the query page;  GET /queries: the bundled queries as JSON
    OPTIONS *                                 the methods allowed (and CORS preflight with --cors)

Results are negotiated from the Accept header: SELECT/ASK as SPARQL JSON, XML, CSV or TSV;
CONSTRUCT/DESCRIBE as Turtle, JSON-LD, N-Triples or RDF/XML.

Starlette on uvicorn (http.py) receives the requests; queries run in worker processes (pool.py,
worker.py) that are killed at their time or memory limit; SERVICE and LOAD are refused unless
their host is allowed (federation.py). The server's own process holds the store read-write: it
keeps other processes from writing, and applies the updates.
"""
from __future__ import annotations

import asyncio
import base64
import hashlib
import hmac
import json
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from urllib.parse import parse_qs

import anyio
from starlette.applications import Starlette
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import ClientDisconnect, Request
from starlette.responses import Response
from starlette.routing import Route

from ..rdf.ontology import bundled_queries
from .federation import FederationRefused, check_federation
from .folder import Store
from .http import GuardMiddleware, ServeError, listening_socket
from .pool import Overloaded, PoolLimits, QueryPool
from .query import QueryError
from .worker import negotiate  # noqa: F401 (the negotiation rules' home is the worker; re-exported)

__all__ = ["ServeError", "ServerConfig", "SparqlServer", "make_server", "negotiate"]
LOCAL_HOSTS = ("localhost", "127.0.0.1", "::1")


@dataclass(frozen=True)
class ServerConfig:
    """Limits of a server. Without an update token the endpoint is read-only."""

    timeout: float = 30.0
    max_result_bytes: int = 16_000_000
    update_token: str | None = None
    workers: int = 8
    max_long_queries: int = 4
    max_query_bytes: int = 500_000_000  # a query's memory ceiling (its worker's resident memory)
    max_waiting: int = 256
    request_timeout: float = 10.0  # for a request's headers, and again for its body
    idle_timeout: float = 5.0  # a keep-alive connection with no request is closed after this
    max_request_bytes: int = 10_000_000
    max_connections: int = 512
    cors_origins: tuple[str, ...] = ()
    allowed_hosts: tuple[str, ...] = ()  # besides the bind address and localhost
    federation_hosts: tuple[str, ...] = ()


class _Refusal(Exception):
    def __init__(self, status: int, message: str, headers: dict[str, str] | None = None):
        super().__init__(message)
        self.status, self.message, self.headers = status, message, headers or {}


def _text(status: int, message: str, headers: dict[str, str] | None = None) -> Response:
    return Response((message + "\n").encode("utf-8"), status,
                    {"Content-Type": "text/plain; charset=utf-8", **(headers or {})})


@cache
def page_html() -> bytes:
    return resources.files("graph.store").joinpath("serve_page.html").read_bytes()


@cache
def page_policy() -> str:
    """The page's Content-Security-Policy: its own inline script and style (by hash) and fetches to
    this server, nothing else."""
    def hashes(tag: str) -> str:
        bodies = re.findall(rf"<{tag}>(.*?)</{tag}>".encode(), page_html(), re.DOTALL)
        return " ".join(f"'sha256-{base64.b64encode(hashlib.sha256(b).digest()).decode()}'" for b in bodies)
    return (f"default-src 'none'; script-src {hashes('script')}; style-src {hashes('style')}; "
            "connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")


class SparqlApp:
    """The endpoint's request handlers, over a store (for updates) and a pool (for queries)."""

    def __init__(self, store: Store, pool: QueryPool, config: ServerConfig):
        self.store, self.pool, self.config = store, pool, config
        self.update_lock = asyncio.Lock()

    def asgi(self, allowed_hosts: set[str]):
        routes = [Route("/", self.page, methods=["GET", "HEAD", "OPTIONS"]),
                  Route("/index.html", self.page, methods=["GET", "HEAD", "OPTIONS"]),
                  Route("/queries", self.queries, methods=["GET", "HEAD", "OPTIONS"]),
                  Route("/sparql", self.sparql, methods=["GET", "HEAD", "POST", "OPTIONS", "PUT", "DELETE", "PATCH"])]
        app = Starlette(routes=routes, exception_handlers={404: self.not_found, 405: self.not_allowed})
        asgi = app
        if self.config.cors_origins:
            asgi = CORSMiddleware(asgi, allow_origins=list(self.config.cors_origins), allow_methods=["GET", "POST"],
                                  allow_headers=["Accept", "Content-Type", "Authorization"], max_age=600)
        return GuardMiddleware(asgi, allowed_hosts)

    # ------------------------------------------------------------------ routes
    @staticmethod
    def _options(allow: str) -> Response:
        return Response(status_code=204, headers={"Allow": allow})

    async def page(self, request: Request) -> Response:
        if request.method == "OPTIONS":
            return self._options("GET, HEAD, OPTIONS")
        return Response(page_html(), headers={"Content-Type": "text/html; charset=utf-8",
                                              "Content-Security-Policy": page_policy()})

    async def queries(self, request: Request) -> Response:
        if request.method == "OPTIONS":
            return self._options("GET, HEAD, OPTIONS")
        return Response(json.dumps(bundled_queries()).encode("utf-8"), headers={"Content-Type": "application/json"})

    async def not_found(self, request: Request, exc) -> Response:
        return _text(404, "not found: try / or /sparql")

    async def not_allowed(self, request: Request, exc) -> Response:
        return _text(405, "this path answers GET, HEAD and OPTIONS", {"Allow": "GET, HEAD, OPTIONS"})

    async def sparql(self, request: Request) -> Response:
        try:
            if request.method == "OPTIONS":
                return self._options("GET, HEAD, POST, OPTIONS")
            if request.method in ("PUT", "DELETE", "PATCH"):
                return _text(405, "this server speaks the SPARQL Protocol, not the Graph Store Protocol",
                             {"Allow": "GET, HEAD, POST, OPTIONS", "Connection": "close"})
            params = parse_qs(request.url.query)
            if request.method == "POST":
                params = params | await self._posted(request)
            return await self._dispatch(request, params, from_get=request.method != "POST")
        except _Refusal as refusal:
            return _text(refusal.status, refusal.message, refusal.headers)
        except FederationRefused as refused:
            return _text(403, str(refused))
        except QueryError as error:
            return _text(400, str(error).splitlines()[0])

    async def _posted(self, request: Request) -> dict[str, list[str]]:
        body = (await self._body(request)).decode("utf-8", errors="replace")
        content_type = (request.headers.get("content-type") or "").split(";")[0].strip().lower()
        if content_type == "application/x-www-form-urlencoded":
            return parse_qs(body)
        if content_type == "application/sparql-query":
            return {"query": [body]}
        if content_type == "application/sparql-update":
            return {"update": [body]}
        raise _Refusal(415, "POST a form (query= or update=), application/sparql-query or application/sparql-update")

    async def _body(self, request: Request) -> bytes:
        """The body, within the size limit and the request timeout (a client trickling it is dropped)."""
        limit, closing = self.config.max_request_bytes, {"Connection": "close"}
        too_large = _Refusal(413, f"requests are limited to {limit:,} bytes", closing)
        declared = request.headers.get("content-length")
        if declared is not None and declared.isdigit() and int(declared) > limit:
            raise too_large
        chunks, size = [], 0

        async def read() -> None:
            nonlocal size
            async for chunk in request.stream():
                size += len(chunk)
                if size > limit:
                    raise too_large
                chunks.append(chunk)
        try:
            await asyncio.wait_for(read(), self.config.request_timeout)
        except asyncio.TimeoutError:
            raise _Refusal(408, f"the request body did not arrive within {self.config.request_timeout:g} s",
                           closing) from None
        except ClientDisconnect:
            raise _Refusal(400, "the client went away", closing) from None
        return b"".join(chunks)

    async def _dispatch(self, request: Request, params: dict[str, list[str]], from_get: bool) -> Response:
        if "update" in params:
            if from_get:
                raise _Refusal(405, "updates must be POSTed", {"Allow": "POST"})
            return await self._update(request, params["update"][0])
        if "query" not in params:
            raise _Refusal(400, "give a query= (or, with the update token, an update=) parameter")
        sparql = params["query"][0]
        federated = check_federation(sparql, self.config.federation_hosts)
        job = {"query": sparql, "default_graph": params.get("default-graph-uri"),
               "named_graphs": params.get("named-graph-uri"), "accept": request.headers.get("accept"),
               "max_bytes": self.config.max_result_bytes}
        try:
            answer = await self.pool.run(job)
        except Overloaded as limit:
            return _text(limit.status, limit.message, limit.headers)
        if answer[0] == "ok":
            return Response(answer[2], headers={"Content-Type": answer[1], "Vary": "Accept"})
        _, status, message, kind = answer
        if federated and kind == "evaluation":  # its text may tell open ports from closed ones
            message = "the query failed: a SERVICE call got no usable answer"
        return _text(status, message)

    async def _update(self, request: Request, sparql: str) -> Response:
        token = self.config.update_token
        if token is None:
            raise _Refusal(403, "this endpoint is read-only (start `newsgraph serve` with --update-token)")
        given = request.headers.get("authorization") or ""
        if not hmac.compare_digest(given.encode("utf-8"), f"Bearer {token}".encode()):
            raise _Refusal(401, "updates need the header 'Authorization: Bearer <update token>'",
                           {"WWW-Authenticate": 'Bearer realm="newsgraph"'})
        federated = check_federation(sparql, self.config.federation_hosts)
        async with self.update_lock, self.pool.exclusive():
            try:
                await anyio.to_thread.run_sync(self._apply, sparql)
            except QueryError:
                if federated:
                    raise _Refusal(400, "the update failed: a LOAD or SERVICE call got no usable answer") from None
                raise
        return Response(status_code=204)

    def _apply(self, sparql: str) -> None:
        self.store.update(sparql)
        settle(self.store)


def settle(store: Store) -> None:
    """Write everything out and compact, so that workers opening the store read-only afterwards see a
    folder no background job is changing."""
    store.oxigraph.flush()
    store.oxigraph.optimize()


class SparqlServer:
    """A bound socket, the store and the limits; run() serves until interrupted."""

    def __init__(self, store: Store, host: str, port: int, config: ServerConfig):
        self.store, self.config, self.host = store, config, host
        self.socket = listening_socket(host, port)

    @property
    def url(self) -> str:
        host, port = self.socket.getsockname()[:2]
        return f"http://{f'[{host}]' if ':' in host else host}:{port}/"

    def run(self) -> None:
        asyncio.run(self.serve())

    async def serve(self) -> None:
        import uvicorn

        from .http import DeadlineProtocol

        config = self.config
        settle(self.store)
        pool = QueryPool(self.store.path, PoolLimits(
            workers=config.workers, max_long=config.max_long_queries, timeout=config.timeout,
            max_memory_bytes=config.max_query_bytes, max_waiting=config.max_waiting))
        await pool.start()
        allowed = {self.host, *LOCAL_HOSTS, *config.allowed_hosts}
        app = SparqlApp(self.store, pool, config).asgi(allowed)
        server_config = uvicorn.Config(
            app, http=DeadlineProtocol, ws="none", lifespan="off", log_config=None, access_log=False,
            server_header=False, proxy_headers=False, timeout_keep_alive=config.idle_timeout,
            limit_concurrency=config.max_connections, h11_max_incomplete_event_size=64 * 1024,
            timeout_graceful_shutdown=5)
        server_config.header_timeout = config.request_timeout
        try:
            await uvicorn.Server(server_config).serve(sockets=[self.socket])
        finally:
            await pool.close()


def make_server(store: Store, host: str = "127.0.0.1", port: int = 7878,
                config: ServerConfig = ServerConfig()) -> SparqlServer:
    """A server bound to host:port (port 0 picks a free one), not yet serving: call run()."""
    return SparqlServer(store, host, port, config)
