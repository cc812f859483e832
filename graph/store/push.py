"""`newsgraph push`: copy a store or a graph file to an external triple store.

Each graph is sent whole and replaces the graph of the same name there, with the SPARQL 1.1 Graph
Store Protocol (HTTP PUT ?graph=IRI) or, for endpoints without it, SPARQL 1.1 Update
(DROP SILENT GRAPH + INSERT DATA, one request per graph so each is all-or-nothing).
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pyoxigraph as ox

from ..errors import NewsgraphError
from ..rdf.files import OXIGRAPH_PARSERS
from ..rdf.iris import ONTOLOGY_GRAPH
from ..rdf.ontology import ontology_text
from .folder import MERGE_DEFAULT, Store

if TYPE_CHECKING:
    import httpx

METHODS = ("auto", "gsp", "update")
# Answers meaning "this URL does not do the Graph Store Protocol": auto mode then tries SPARQL Update.
_NO_GSP = {400, 404, 405, 406, 415, 501}


class PushError(NewsgraphError):
    """An endpoint that refused or could not be reached; the message is one line for the user."""


@dataclass(frozen=True)
class Endpoint:
    """Where and how to push. `url` takes the Graph Store Protocol; `update_url` SPARQL Update
    (defaults to `url`). Credentials: user+password (Basic, or Digest with digest=True) or a bearer token."""

    url: str
    update_url: str | None = None
    method: str = "auto"
    user: str | None = None
    password: str | None = None
    token: str | None = None
    digest: bool = False
    timeout: float = 60.0


@dataclass(frozen=True)
class PushReport:
    graphs: int
    triples: int
    method: str  # the protocol the graphs went by: "gsp" or "update"


# One graph to send: its IRI (None for the default graph) and its triples as N-Triples.
GraphPayload = tuple[str | None, bytes]


def _ontology_payload() -> GraphPayload:
    triples = ox.parse(ontology_text(), format=ox.RdfFormat.TURTLE)
    return ONTOLOGY_GRAPH, ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)


def store_payloads(store: Store, *, ontology: bool = True) -> Iterator[GraphPayload]:
    """Every document graph of a store (and the ontology's graph)."""
    if ontology:
        yield ONTOLOGY_GRAPH, store.ntriples(ONTOLOGY_GRAPH)
    for iri in store.document_iris():
        yield iri, store.ntriples(iri)


def file_payloads(path: str | Path, *, graph: str | None = None, ontology: bool = True) -> list[GraphPayload]:
    """The graphs of a file: a .nq/.trig file's named graphs as they are; a triples file (.ttl, .nt,
    .jsonld, .rdf) as one graph, `graph` or else the default graph."""
    path = Path(path)
    if not path.is_file():
        raise PushError(f"{path}: no such graph file")
    suffix = path.suffix.lower()
    rdf_format = OXIGRAPH_PARSERS.get(suffix)
    if rdf_format is None:
        raise PushError(f"{path}: unknown graph extension '{suffix}'")
    # dicts as ordered sets: a graph holds a triple once, though a file may repeat it
    # (`build -o x.ttl` writes each document's triples in turn, shared entities included).
    grouped: dict[str | None, dict[ox.Triple, None]] = {}
    try:
        for item in ox.parse(path=str(path), format=rdf_format):
            if isinstance(item, ox.Quad):
                name = item.graph_name.value if isinstance(item.graph_name, ox.NamedNode) else graph
                grouped.setdefault(name, {})[item.triple] = None
            else:
                grouped.setdefault(graph, {})[item] = None
    except (SyntaxError, ValueError, OSError) as error:
        raise PushError(f"{path}: cannot read the graph ({str(error).splitlines()[0]})") from None
    payloads = [(name, ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES))
                for name, triples in sorted(grouped.items(), key=lambda item: item[0] or "")]
    return ([_ontology_payload()] if ontology else []) + payloads


def _client(endpoint: Endpoint) -> httpx.Client:
    import httpx  # only `push` needs an HTTP client: keep it out of every other command's start-up

    auth = None
    headers = {"User-Agent": "newsgraph-push"}
    if endpoint.token:
        headers["Authorization"] = f"Bearer {endpoint.token}"
    elif endpoint.user is not None:
        credentials = (endpoint.user, endpoint.password or "")
        auth = httpx.DigestAuth(*credentials) if endpoint.digest else httpx.BasicAuth(*credentials)
    return httpx.Client(auth=auth, headers=headers, timeout=endpoint.timeout)


def _check_url(url: str) -> None:
    if not url.startswith(("http://", "https://")):
        raise PushError(f"'{url}' is not an http(s) URL")


def _send(client: httpx.Client, method: str, url: str, **kwargs) -> httpx.Response:
    import httpx

    try:
        return client.request(method, url, **kwargs)
    except httpx.ConnectError as error:
        raise PushError(f"cannot reach {url} ({error}); is the triple store running?") from None
    except httpx.TimeoutException:
        raise PushError(f"{url} did not answer in time (raise --timeout)") from None
    except httpx.HTTPError as error:
        raise PushError(f"{url}: {error}") from None


def _refused(response: httpx.Response) -> PushError:
    where = f"{response.request.method} {response.request.url}"
    if response.status_code in (401, 403):
        return PushError(f"{where} was refused ({response.status_code} {response.reason_phrase}): "
                         "check --user/--password or --token")
    detail = (response.text.strip().splitlines() or [""])[0][:200]
    failure = f"{where} failed ({response.status_code} {response.reason_phrase})"
    return PushError(failure + (f": {detail}" if detail else ""))


def _gsp_put(client: httpx.Client, url: str, name: str | None, data: bytes) -> httpx.Response:
    # N-Triples is a subset of Turtle, and every Graph Store implementation reads Turtle.
    params = {"graph": name} if name else {"default": ""}
    return _send(client, "PUT", url, params=params, content=data,
                 headers={"Content-Type": "text/turtle; charset=utf-8"})


def _update_text(name: str | None, data: bytes) -> str:
    target = f"GRAPH <{name}>" if name else "DEFAULT"
    triples = data.decode("utf-8")
    inner = f"GRAPH <{name}> {{\n{triples}}}" if name else triples
    return f"DROP SILENT {target} ;\nINSERT DATA {{\n{inner}\n}}"


def _post_update(client: httpx.Client, url: str, sparql: str) -> httpx.Response:
    # The form encoding is the one every SPARQL 1.1 server (Virtuoso included) takes.
    return _send(client, "POST", url, data={"update": sparql})


def push(payloads: Iterable[GraphPayload], endpoint: Endpoint, *, merge_default: bool = False,
         client: httpx.Client | None = None) -> PushReport:
    """Send each graph, replacing it at the endpoint. With `merge_default`, finally make the endpoint's
    default graph the merge of its named graphs (for stores whose union graph counts a triple once per
    graph holding it, like Oxigraph 0.5 and Virtuoso): its queries then answer like `newsgraph query`."""
    if endpoint.method not in METHODS:
        raise PushError(f"unknown method '{endpoint.method}' (use {', '.join(METHODS)})")
    update_url = endpoint.update_url or endpoint.url
    _check_url(endpoint.url)
    _check_url(update_url)
    method = "update" if endpoint.method == "update" else "gsp"
    graphs = triples = 0
    own_client = client is None
    client = client or _client(endpoint)
    try:
        for name, data in payloads:
            if merge_default and name is None:
                raise PushError("--merge-default rebuilds the default graph: push into named graphs (--graph IRI)")
            if method == "gsp":
                response = _gsp_put(client, endpoint.url, name, data)
                if response.status_code in _NO_GSP and endpoint.method == "auto" and graphs == 0:
                    method = "update"  # this endpoint lacks the Graph Store Protocol
                elif response.is_error:
                    raise _refused(response)
            if method == "update":
                response = _post_update(client, update_url, _update_text(name, data))
                if response.is_error:
                    raise _refused(response)
            graphs += 1
            triples += data.count(b"\n")  # N-Triples: one triple a line
        if merge_default:
            response = _post_update(client, update_url, MERGE_DEFAULT)
            if response.is_error:
                raise _refused(response)
    finally:
        if own_client:
            client.close()
    return PushReport(graphs=graphs, triples=triples, method=method)
