"""Alerts through Apprise (Microsoft Teams, SMS, Slack, ntfy, …), in addition to the e-mail.

Two sets of channels receive a CPE's alerts:
- the installation's, `BALISE_WATCH_APPRISE_URLS`, set by whoever runs Balise: they receive the
  alerts of every CPE of the installation;
- the CPE's own, set by its direction on « Alertes » and stored encrypted (`AlertChannels`).

A CPE's channels are URLs people typed in, so they get the watch's guard: only services that
talk HTTP(S) are accepted, and each connection Apprise opens for them resolves the host once,
refuses any address that is not public unicast (`net.is_blocked_ip`) and connects to the address
it checked. The installation's channels are the operator's and may point at the local network.

A channel that fails is logged with its scheme only (its URL holds the token) and never stops
the e-mail or the cycle. Apprise is imported only when a channel is used; importing it makes no
network call, and it keeps nothing on disk (`storage_mode="memory"`).
"""

from __future__ import annotations

import ipaddress
import logging
import socket
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _

from balise.watch.conf import conf
from balise.watch.net import is_blocked_ip

log = logging.getLogger("balise.watch")

#: Apprise services that do not go through urllib3 (SMTP, IRC, XMPP, MQTT, AMQP, syslog,
#: websockets, the desktop): the connection guard cannot see them, so a CPE cannot use them.
#: Checked against apprise 2.3.0's plugins (any module that opens its own sockets).
NOT_HTTP = {
    "amqp",
    "aprs",
    "blink1",
    "dbus",
    "deltachat",
    "email",
    "glib",
    "gnome",
    "growl",
    "irc",
    "macosx",
    "mqtt",
    "nostr",
    "rsyslog",
    "smpp",
    "syslog",
    "windows",
    "xmpp",
}
#: How long one channel may take, retries included (Apprise's own limit per service).
SERVICE_TIMEOUT = 30


@dataclass
class _Guard:
    allow_loopback: bool  # the test-only setting
    refused: bool = False  # set when a connection was refused (the log says why it failed)


# None outside a CPE's channel: the connection is not checked.
_guard: ContextVar[_Guard | None] = ContextVar("balise_apprise_guard", default=None)
_installed = False


class ChannelRefused(OSError):
    """A CPE's channel led to an address the watch never contacts."""


def scheme_of(url: str) -> str:
    """Returns what may be logged or shown of a channel: its scheme, never the rest."""
    scheme = url.split("://", 1)[0].lower() if "://" in url else ""
    return scheme if scheme.isascii() and scheme.replace("+", "").isalnum() else "?"


def _asset():
    from apprise import AppriseAsset

    return AppriseAsset(
        async_mode=False,  # one after another, in this thread (the guard is per context)
        storage_mode="memory",
        pgp_autogen=False,
        pem_autogen=False,
        service_timeout=SERVICE_TIMEOUT,
    )


def _service(url: str) -> Any | None:
    """Returns Apprise's service object for a URL, or None when Apprise does not know it."""
    from apprise import Apprise

    return Apprise.instantiate(url, asset=_asset(), suppress_exceptions=True)


def _is_http(service: Any) -> bool:
    parts = type(service).__module__.split(".")
    return len(parts) > 2 and parts[:2] == ["apprise", "plugins"] and parts[2] not in NOT_HTTP


def check_cpe_url(url: str) -> str:
    """Returns why a CPE may not use this channel (in French), or "" when it may."""
    service = _service(url)
    if service is None:
        return _("« %(scheme)s:// » : adresse Apprise non reconnue (vérifiez-la).") % {
            "scheme": scheme_of(url)
        }
    if not _is_http(service):
        return _("« %(scheme)s:// » : ce type de canal n'est pas accepté ici.") % {
            "scheme": scheme_of(url)
        }
    host = str(getattr(service, "host", "") or "").strip("[]").lower()
    if _plainly_internal(host, conf().allow_loopback):
        return _("« %(scheme)s:// » : cette adresse mène à une machine interne.") % {
            "scheme": scheme_of(url)
        }
    return ""


def _plainly_internal(host: str, allow_loopback: bool) -> bool:
    if host in ("localhost", "localhost.localdomain") or host.endswith((".localhost", ".internal")):
        return not allow_loopback
    try:
        return is_blocked_ip(ipaddress.ip_address(host), allow_loopback)
    except ValueError:
        return False


def _checked_create_connection(original):
    """Wraps urllib3's create_connection: inside a guarded context, only checked addresses."""

    def create_connection(address, *args, **kwargs):
        guard = _guard.get()
        if guard is None:
            return original(address, *args, **kwargs)
        host, port = address
        try:
            ips = [ipaddress.ip_address(host.strip("[]"))]
        except ValueError:
            infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
            ips = [ipaddress.ip_address(info[4][0].split("%")[0]) for info in infos]
        if not ips or any(is_blocked_ip(ip, guard.allow_loopback) for ip in ips):
            guard.refused = True
            raise ChannelRefused("address refused")
        return original((str(ips[0]), port), *args, **kwargs)

    return create_connection


def _install_guard() -> None:
    """Routes urllib3's connections through the check (a no-op outside a guarded context)."""
    global _installed
    if _installed:
        return
    from urllib3.util import connection

    connection.create_connection = _checked_create_connection(connection.create_connection)
    _installed = True


@contextmanager
def _guarded(on: bool):
    guard = _Guard(conf().allow_loopback) if on else None
    token = _guard.set(guard)
    try:
        yield guard
    finally:
        _guard.reset(token)


def channels_for(org) -> list[tuple[str, bool]]:
    """Returns (url, is_the_cpe's) for every channel that receives this CPE's alerts."""
    from balise.watch.models import AlertChannels

    urls = [(url, False) for url in conf().apprise_urls]
    own = AlertChannels.objects.filter(organization=org).first()
    return urls + [(url, True) for url in (own.urls() if own else [])]


def notify(org, title: str, body: str, *, urgent: bool = False, own_only: bool = False) -> int:
    """Sends a short text to each channel of the CPE (`own_only`: not the installation's);
    returns how many accepted it."""
    channels = [(url, cpe) for url, cpe in channels_for(org) if cpe or not own_only]
    return sum(_send_one(org, url, cpe, title, body, urgent) for url, cpe in channels)


def _send_one(org, url: str, cpe: bool, title: str, body: str, urgent: bool) -> bool:
    extra = {
        "organization_id": getattr(org, "pk", None),
        "channel": scheme_of(url),
        "channel_owner": "cpe" if cpe else "installation",
    }
    try:
        from apprise import Apprise, NotifyFormat, NotifyType

        service = _service(url)
        if service is None:
            log.warning("watch alert channel not understood by Apprise", extra=extra)
            return False
        if cpe and not _is_http(service):
            log.warning("watch alert channel refused (not HTTP)", extra=extra)
            return False
        _install_guard()
        sender = Apprise(asset=_asset())
        sender.add(service)
        with _guarded(cpe) as guard:
            ok = sender.notify(
                body=body,
                title=title,
                body_format=NotifyFormat.TEXT,
                notify_type=NotifyType.FAILURE if urgent else NotifyType.INFO,
            )
    except Exception as exc:  # a channel must never stop the e-mail or the cycle
        log.warning(
            "watch alert channel crashed: %s", type(exc).__name__, extra=extra, exc_info=False
        )
        return False
    if not ok:
        if guard is not None and guard.refused:
            log.warning("watch alert channel refused (internal address)", extra=extra)
        else:
            log.warning("watch alert channel failed", extra=extra)
        return False
    log.info("watch alert channel sent", extra=extra)
    return True
