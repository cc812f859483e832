"""Which remote hosts a query (SERVICE) or an update (LOAD, SERVICE) would make the server contact.

Oxigraph fetches every SERVICE and LOAD IRI itself, so an open endpoint would forward requests into
the network of the machine it runs on. `newsgraph serve` refuses them unless the host is allowed.
pyoxigraph does not expose its parser, so the text is tokenized here following the SPARQL 1.1
lexical grammar (comments, strings, IRIs, prefixed names): a keyword inside a string, an IRI or a
comment is not a keyword. When in doubt the check refuses; it never lets an unlisted host through.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import urljoin, urlsplit

from .query import QueryError

_TOKEN = re.compile(r"""
    (?P<comment>\#[^\n\r]*)
  | (?P<string>'''(?:[^'\\]|\\.|'(?!''))*'''|\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"
              |'(?:[^'\\\n\r]|\\.)*'|"(?:[^"\\\n\r]|\\.)*")
  | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
  | (?P<var>[?$][\w]+)
  | (?P<name>[^\W\d][\w.-]*:[\w.%:-]*|:[\w.%:-]*|[^\W\d][\w-]*)
  | (?P<space>\s+)
  | (?P<other>.)
""", re.VERBOSE | re.DOTALL)
_FETCHING = {"SERVICE", "LOAD"}


class FederationRefused(QueryError):
    """A SERVICE or LOAD this server will not run; the message names no address or port."""


def _tokens(sparql: str) -> list[tuple[str, str]]:
    return [(kind, text) for match in _TOKEN.finditer(sparql)
            for kind, text in [(match.lastgroup, match.group())] if kind not in ("comment", "space")]


def remote_targets(sparql: str) -> list[str | None]:
    """The IRIs each SERVICE or LOAD of a query or update would fetch, resolved against BASE and
    PREFIX declarations; None for one whose target cannot be known before running (a variable)."""
    tokens = _tokens(sparql)
    prefixes: dict[str, str] = {}
    base = ""
    targets: list[str | None] = []
    for index, (kind, text) in enumerate(tokens):
        following = tokens[index + 1:index + 3]
        if kind == "name" and text.upper() == "BASE" and following and following[0][0] == "iri":
            base = urljoin(base, following[0][1][1:-1])
        elif kind == "name" and text.upper() == "PREFIX" and len(following) == 2 and following[1][0] == "iri":
            prefixes[following[0][1].rstrip(":")] = urljoin(base, following[1][1][1:-1])
        elif kind == "name" and text.upper() in _FETCHING:
            rest = [t for t in tokens[index + 1:index + 3] if t[1].upper() != "SILENT"][:1]
            targets.append(_resolve(rest[0] if rest else ("other", ""), prefixes, base))
    return targets


def _resolve(token: tuple[str, str], prefixes: dict[str, str], base: str) -> str | None:
    kind, text = token
    if kind == "iri":
        return urljoin(base, text[1:-1])
    if kind == "name" and ":" in text:
        prefix, _, local = text.partition(":")
        return prefixes[prefix] + local if prefix in prefixes else None
    return None


def _host_port(entry: str) -> tuple[str, int | None]:
    """"example.org", "example.org:8080" or "[::1]:7878" as (host, port or None)."""
    try:
        parts = urlsplit("//" + entry.strip())
        if parts.hostname:
            return parts.hostname.lower(), parts.port
    except ValueError:
        pass
    raise FederationRefused(f"--allow-federation {entry!r}: give a host name or host:port")


def _allowed(iri: str, hosts: Iterable[str]) -> bool:
    parts = urlsplit(iri)
    try:
        if parts.scheme not in ("http", "https") or not parts.hostname:
            return False
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError:  # a port that is not a number
        return False
    return any(host == parts.hostname.lower() and wanted in (None, port)
               for host, wanted in map(_host_port, hosts))


def check_federation(sparql: str, allowed_hosts: Iterable[str]) -> bool:
    """Raise FederationRefused unless every SERVICE/LOAD of `sparql` goes to an allowed host;
    returns whether it has any (their errors are then reported without detail)."""
    allowed_hosts = list(allowed_hosts)
    targets = remote_targets(sparql)
    if targets and not allowed_hosts:
        raise FederationRefused("SERVICE and LOAD are disabled on this endpoint "
                                "(its operator can allow hosts with `newsgraph serve --allow-federation HOST`)")
    for target in targets:
        if target is None or not _allowed(target, allowed_hosts):
            raise FederationRefused("SERVICE and LOAD may only reach the hosts this endpoint allows "
                                    "(a literal http(s) IRI, no variable)")
    return bool(targets)
