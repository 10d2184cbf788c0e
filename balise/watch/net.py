"""Fetching URLs that people typed in, safely.

Every TCP connection resolves its host once, refuses private, loopback, link-local, multicast,
reserved and cloud-metadata addresses, and connects to the very address it checked: a DNS
answer that changes between the check and the connection (rebinding) cannot slip through, and
each redirect hop is a new connection, checked again. Bodies are read as a stream and cut at a
size cap; every request has a time limit.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import httpcore
import httpx
from django.utils.translation import gettext as _

from balise.watch.conf import WatchConf

REDIRECTS = {301, 302, 303, 307, 308}


class FetchError(Exception):
    """A fetch that failed; str() is a French message for the health page."""

    def __init__(
        self, message: str, *, retry_after: float | None = None, status: int | None = None
    ):
        super().__init__(message)
        self.retry_after = retry_after
        self.status = status


class BlockedAddress(FetchError):
    """The host resolves to an address the watch must never contact."""


def is_blocked_ip(ip: ipaddress.IPv4Address | ipaddress.IPv6Address, allow_loopback: bool) -> bool:
    """True for every address that is not a public unicast address."""
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    if allow_loopback and ip.is_loopback:
        return False
    return not ip.is_global or ip.is_multicast or ip.is_reserved or ip.is_unspecified


def resolve(host: str, port: int) -> list[str]:
    """Returns the addresses of a host (a seam for the tests' fake DNS)."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return [info[4][0] for info in infos]


async def checked_address(host: str, port: int, allow_loopback: bool) -> str:
    """Returns one address of `host` to connect to, or raises BlockedAddress."""
    try:
        ips = [ipaddress.ip_address(host.strip("[]"))]
    except ValueError:
        try:
            found = await asyncio.get_running_loop().run_in_executor(None, resolve, host, port)
        except OSError:
            raise FetchError(_("Nom d'hôte introuvable : %(host)s.") % {"host": host}) from None
        ips = [ipaddress.ip_address(a.split("%")[0]) for a in found]
    if not ips or any(is_blocked_ip(ip, allow_loopback) for ip in ips):
        raise BlockedAddress(
            _("Adresse refusée : %(host)s mène à une adresse privée ou interne.") % {"host": host}
        )
    return str(ips[0])


class GuardedBackend(httpcore.AsyncNetworkBackend):
    """httpcore's network backend, connecting only to checked public addresses."""

    def __init__(self, allow_loopback: bool) -> None:
        self.allow_loopback = allow_loopback
        self.inner = httpcore.AnyIOBackend()

    async def connect_tcp(self, host, port, timeout=None, local_address=None, socket_options=None):
        address = await checked_address(host, port, self.allow_loopback)
        # TLS still verifies the certificate against the URL's host name (httpcore passes it).
        return await self.inner.connect_tcp(
            address,
            port,
            timeout=timeout,
            local_address=local_address,
            socket_options=socket_options,
        )

    async def connect_unix_socket(self, path, timeout=None, socket_options=None):
        raise BlockedAddress(_("Les sockets locaux sont refusés."))

    async def sleep(self, seconds: float) -> None:
        await self.inner.sleep(seconds)


def make_client(cfg: WatchConf) -> httpx.AsyncClient:
    """Returns the one client of a polling cycle (no proxies from the environment)."""
    transport = httpx.AsyncHTTPTransport(
        limits=httpx.Limits(
            max_connections=cfg.concurrency, max_keepalive_connections=cfg.concurrency
        ),
        trust_env=False,
    )
    transport._pool._network_backend = GuardedBackend(cfg.allow_loopback)
    return httpx.AsyncClient(
        transport=transport,
        timeout=httpx.Timeout(cfg.timeout, connect=min(cfg.timeout, 10.0)),
        headers={"User-Agent": cfg.user_agent, "Accept-Encoding": "gzip, deflate"},
        follow_redirects=False,
        trust_env=False,
    )


@dataclass
class Response:
    url: str
    status: int
    headers: httpx.Headers
    body: bytes

    def json(self):
        import json

        return json.loads(self.body)


def check_url(url: str) -> None:
    """Refuses anything but http(s) URLs with a host."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise FetchError(_("Adresse invalide : seules les adresses http et https sont acceptées."))


class Fetcher:
    """Bounded, checked HTTP for the adapters of one cycle: caps, redirects, per-host limits."""

    def __init__(self, client: httpx.AsyncClient, cfg: WatchConf) -> None:
        self.client = client
        self.cfg = cfg
        self._hosts: dict[str, asyncio.Semaphore] = {}

    def _host_slot(self, url: str) -> asyncio.Semaphore:
        host = (urlsplit(url).hostname or "").lower()
        if host not in self._hosts:
            self._hosts[host] = asyncio.Semaphore(self.cfg.per_host)
        return self._hosts[host]

    async def request(self, method: str, url: str, *, headers=None, json=None) -> Response:
        """Returns the final response after checked redirects; raises FetchError."""
        for _hop in range(self.cfg.max_redirects + 1):
            check_url(url)
            async with self._host_slot(url):
                response = await self._one(method, url, headers or {}, json)
            if response.status not in REDIRECTS:
                return _checked_status(response)
            location = response.headers.get("location")
            if not location:
                return _checked_status(response)
            url = urljoin(url, location)
            if response.status == 303:
                method, json = "GET", None
        raise FetchError(_("Trop de redirections (boucle de redirection?)."))

    async def get(self, url: str, *, headers=None) -> Response:
        return await self.request("GET", url, headers=headers)

    async def _one(self, method: str, url: str, headers, json) -> Response:
        try:
            async with asyncio.timeout(self.cfg.total_timeout):
                async with self.client.stream(method, url, headers=headers, json=json) as r:
                    body = (
                        b""
                        if r.status_code in REDIRECTS or r.status_code == 304
                        else await self._read(r)
                    )
                    return Response(str(r.url), r.status_code, r.headers, body)
        except FetchError:
            raise
        except (TimeoutError, httpx.TimeoutException):
            raise FetchError(_("Le serveur ne répond pas (délai dépassé).")) from None
        except httpx.HTTPError as exc:
            cause = exc.__cause__ or exc.__context__
            if isinstance(cause, FetchError):
                raise cause from None
            raise FetchError(
                _("Connexion impossible : %(error)s") % {"error": type(exc).__name__}
            ) from None

    async def _read(self, r: httpx.Response) -> bytes:
        cap = self.cfg.max_bytes
        declared = r.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > cap:
            raise FetchError(_too_large(cap))
        chunks, total = [], 0
        async for chunk in r.aiter_raw():
            total += len(chunk)
            if total > cap:
                raise FetchError(_too_large(cap))
            chunks.append(chunk)
        body = b"".join(chunks)
        return _decode(body, r.headers.get("content-encoding", ""), cap)


def _too_large(cap: int) -> str:
    return _("Réponse trop volumineuse : lecture interrompue après %(mb).1f Mo.") % {
        "mb": cap / 1048576
    }


def _decode(body: bytes, encoding: str, cap: int) -> bytes:
    """Decompresses gzip/deflate with the same cap (a small zip bomb stays small)."""
    import zlib

    encoding = encoding.strip().lower()
    if encoding not in ("gzip", "deflate", "x-gzip"):
        return body
    wbits = 16 + zlib.MAX_WBITS if "gzip" in encoding else zlib.MAX_WBITS
    d = zlib.decompressobj(wbits)
    try:
        out = d.decompress(body, cap + 1)
    except zlib.error:
        raise FetchError(_("Réponse compressée illisible.")) from None
    if len(out) > cap or d.unconsumed_tail:
        raise FetchError(_too_large(cap))
    return out


def _checked_status(response: Response) -> Response:
    if response.status == 429:
        raise FetchError(
            _("Trop de requêtes (HTTP 429) : le service demande d'attendre."),
            retry_after=retry_after_seconds(response.headers.get("retry-after")),
            status=429,
        )
    if response.status >= 400:
        raise FetchError(
            _("Le serveur a répondu HTTP %(status)s.") % {"status": response.status},
            retry_after=retry_after_seconds(response.headers.get("retry-after")),
            status=response.status,
        )
    return response


def retry_after_seconds(value: str | None) -> float | None:
    """Reads Retry-After as seconds or as an HTTP date; None when absent or unreadable."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    from email.utils import parsedate_to_datetime

    from django.utils import timezone

    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, (when - timezone.now()).total_seconds())
