"""A small client for AdGuard Home's REST API (openapi/openapi.yaml of AdGuardHome).

Endpoints used: GET /control/status, GET /control/blocked_services/all,
GET /control/blocked_services/get (absent before v0.107.37), GET /control/clients,
POST /control/clients/add, /update and /delete, GET /control/access/list, POST /control/access/set.
Every failure becomes an `AdGuardError` with a message in French for the IT person.
"""

from __future__ import annotations

import re

import httpx
from django.utils.translation import gettext as _

# Scheduled blocked services (per client and global) arrived in AdGuard Home v0.107.37.
MIN_SCHEDULE_VERSION = (0, 107, 37)


class AdGuardError(Exception):
    """A failure talking to AdGuard Home; str() is the French message shown."""


def parse_version(text: str) -> tuple[int, ...] | None:
    match = re.search(r"(\d+)\.(\d+)\.(\d+)", text or "")
    return tuple(int(x) for x in match.groups()) if match else None


class AdGuardClient:
    def __init__(self, url: str, username: str, password: str, timeout: float = 10.0):
        self.url = url.rstrip("/")
        self.timeout = timeout
        self.http = httpx.Client(base_url=self.url, auth=(username, password), timeout=timeout)

    def close(self) -> None:
        self.http.close()

    def __enter__(self) -> AdGuardClient:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _call(self, method: str, path: str, json=None):
        try:
            response = self.http.request(method, path, json=json)
        except httpx.TimeoutException:
            raise AdGuardError(
                _(
                    "AdGuard Home (%(url)s) n'a pas répondu dans les %(s)s secondes. Rien n'a été poussé."
                )
                % {"url": self.url, "s": f"{self.timeout:g}"}
            ) from None
        except httpx.HTTPError:
            raise AdGuardError(
                _(
                    "Impossible de joindre AdGuard Home à %(url)s : vérifiez l'adresse et que le serveur est en marche. "
                    "Rien n'a été poussé."
                )
                % {"url": self.url}
            ) from None
        if response.status_code in (401, 403):
            raise AdGuardError(
                _(
                    "AdGuard Home refuse l'utilisateur ou le mot de passe : corrigez-les dans les réglages. "
                    "Rien n'a été poussé."
                )
            )
        if response.status_code >= 400:
            raise AdGuardError(
                _("AdGuard Home a refusé « %(path)s » (code %(code)s) : %(body)s")
                % {"path": path, "code": response.status_code, "body": response.text.strip()[:200]}
            )
        if "json" not in response.headers.get("content-type", ""):
            return None
        return response.json()

    def status(self) -> dict:
        return self._call("GET", "/control/status")

    def check_version(self) -> str:
        """Returns the server's version, or raises when it cannot schedule blocked services."""
        version = self.status().get("version", "")
        parsed = parse_version(version)
        if parsed is not None and parsed < MIN_SCHEDULE_VERSION:
            raise self._old_version(version)
        try:
            self._call("GET", "/control/blocked_services/get")
        except AdGuardError as exc:
            if "(code 404)" in str(exc) or "(code 405)" in str(exc):
                raise self._old_version(version) from None
            raise
        return version

    @staticmethod
    def _old_version(version: str) -> AdGuardError:
        return AdGuardError(
            _(
                "Cette version d'AdGuard Home (%(v)s) ne sait pas bloquer des services selon un horaire : "
                "mettez-la à jour (v0.107.37 ou plus récente). Rien n'a été poussé."
            )
            % {"v": version or "?"}
        )

    def catalogue(self) -> dict[str, str]:
        """Returns {service id: name} of the server's blocked-services catalogue."""
        data = self._call("GET", "/control/blocked_services/all")
        return {s["id"]: s.get("name", s["id"]) for s in data.get("blocked_services", [])}

    def clients(self) -> list[dict]:
        return self._call("GET", "/control/clients").get("clients") or []

    def add_client(self, client: dict) -> None:
        self._call("POST", "/control/clients/add", client)

    def update_client(self, name: str, client: dict) -> None:
        self._call("POST", "/control/clients/update", {"name": name, "data": client})

    def delete_client(self, name: str) -> None:
        self._call("POST", "/control/clients/delete", {"name": name})

    def access_list(self) -> dict:
        return self._call("GET", "/control/access/list")

    def set_access_list(self, access: dict) -> None:
        self._call("POST", "/control/access/set", access)
