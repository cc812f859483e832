"""The HTTP side of `newsgraph serve`: uvicorn (h11) with a deadline for each request's headers,
the Host allowlist, the security headers every answer carries, and the listening socket.

uvicorn closes a keep-alive connection that stays idle, but any byte restarts its clock, so a client
sending one byte a second would hold a connection forever: here the whole request line and headers
must arrive within `header_timeout` seconds of the connection opening (or of the previous answer).
"""
from __future__ import annotations

import errno
import socket

import h11
from uvicorn.protocols.http.h11_impl import H11Protocol

from ..errors import NewsgraphError

SECURITY_HEADERS = (
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
)
STRICT_CSP = b"default-src 'none'; frame-ancestors 'none'"  # for everything but the page


class ServeError(NewsgraphError):
    """A server that cannot start; the message is one line for the user."""


class DeadlineProtocol(H11Protocol):
    """uvicorn's h11 protocol, closing connections whose request headers do not arrive in time.
    The deadline is read from the uvicorn Config's `header_timeout` attribute."""

    _header_timer = None

    def connection_made(self, transport) -> None:
        super().connection_made(transport)
        self._arm()

    def _arm(self) -> None:
        self._disarm()
        timeout = getattr(self.config, "header_timeout", 10.0)
        self._header_timer = self.loop.call_later(timeout, self._expire)

    def _disarm(self) -> None:
        if self._header_timer is not None:
            self._header_timer.cancel()
            self._header_timer = None

    def _expire(self) -> None:
        self._header_timer = None
        if self.conn.their_state is h11.IDLE and not self.transport.is_closing():
            self.transport.close()  # headers still incomplete (or none at all): a slow or idle client

    def data_received(self, data: bytes) -> None:
        super().data_received(data)
        if self.conn.their_state is not h11.IDLE:  # a whole request line and headers arrived
            self._disarm()

    def on_response_complete(self) -> None:
        super().on_response_complete()
        if not self.transport.is_closing() and self.conn.their_state is h11.IDLE:
            self._arm()  # the next request on this connection has the same deadline

    def connection_lost(self, exc) -> None:
        self._disarm()
        super().connection_lost(exc)


def _host_name(header: str) -> str:
    """The host of a Host header, without port or IPv6 brackets, lower case."""
    header = header.strip().lower()
    if header.startswith("["):
        return header[1:header.find("]")] if "]" in header else header
    return header.rsplit(":", 1)[0] if header.count(":") == 1 else header


class GuardMiddleware:
    """Refuses requests whose Host is not allowed (DNS rebinding: a page on another site resolving its
    name to 127.0.0.1), and adds the security headers to every answer."""

    def __init__(self, app, allowed_hosts: set[str]):
        self.app, self.allowed_hosts = app, {_host_name(h) for h in allowed_hosts}

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        host = next((v.decode("latin-1") for k, v in scope["headers"] if k == b"host"), "")

        async def send_guarded(message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                present = {name.lower() for name, _ in headers}
                headers += [(k, v) for k, v in SECURITY_HEADERS if k not in present]
                if b"content-security-policy" not in present:
                    headers.append((b"content-security-policy", STRICT_CSP))
                message = {**message, "headers": headers}
            await send(message)

        if _host_name(host) not in self.allowed_hosts:
            body = b"this server does not answer for that Host (start it with --allow-host NAME)\n"
            await send_guarded({"type": "http.response.start", "status": 421, "headers": [
                (b"content-type", b"text/plain; charset=utf-8"), (b"content-length", str(len(body)).encode()),
                (b"connection", b"close")]})
            await send_guarded({"type": "http.response.body", "body": body})
            return
        await self.app(scope, receive, send_guarded)


def listening_socket(host: str, port: int) -> socket.socket:
    """A socket bound to host:port (port 0: a free one), or a ServeError saying why not."""
    try:
        info = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)[0]
        # proto IPPROTO_TCP: asyncio turns Nagle's algorithm off only on sockets that say they are TCP,
        # and with it on, a keep-alive answer written in two parts waits 40 ms for the client's ACK
        sock = socket.socket(info[0], socket.SOCK_STREAM, socket.IPPROTO_TCP)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        sock.bind(info[4])
        sock.listen(1024)
    except OSError as error:
        if error.errno == errno.EADDRINUSE:
            raise ServeError(f"{host}:{port} is already in use; pick another --port") from None
        raise ServeError(f"cannot listen on {host}:{port} ({error.strerror or error})") from None
    sock.setblocking(False)
    return sock
