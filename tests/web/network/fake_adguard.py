"""A fake AdGuard Home on 127.0.0.1: the endpoints Balise uses, with the JSON shapes of AdGuard
Home's openapi.yaml (Client, BlockedServicesAll, BlockedServicesSchedule, AccessList), basic
auth, and switches for the failures Balise must explain (bad password, slowness, old version).
"""

from __future__ import annotations

import base64
import copy
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

CATALOGUE = [
    "facebook",
    "instagram",
    "tiktok",
    "snapchat",
    "twitter",
    "reddit",
    "pinterest",
    "linkedin",
    "youtube",
    "discord",
    "whatsapp",
    "telegram",
    "twitch",
    "netflix",
    "steam",
    "epic_games",
    "roblox",
]
DAY_KEYS = ("sun", "mon", "tue", "wed", "thu", "fri", "sat")
DAY_MS = 86_400_000


class Refused(Exception):
    def __init__(self, code: int, text: str):
        self.code, self.text = code, text


class FakeAdGuard:
    def __init__(self, *, username="admin", password="secret-adguard", version="v0.107.52"):
        self.username, self.password, self.version = username, password, version
        self.clients: list[dict] = []
        self.access = {
            "allowed_clients": [],
            "disallowed_clients": [],
            "blocked_hosts": ["version.bind"],
        }
        self.old_version = False
        self.delay = 0.0
        self.fail_path: str | None = None
        self.ignore_schedule = False  # simulates a server that drops the schedule (read-back test)
        self.requests: list[tuple[str, str]] = []
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    @property
    def writes(self) -> list[tuple[str, str]]:
        return [r for r in self.requests if r[0] in ("POST", "PUT")]

    def start(self) -> FakeAdGuard:
        self.thread.start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def client(self, name: str) -> dict | None:
        return next((c for c in self.clients if c["name"] == name), None)

    # --- endpoints --------------------------------------------------------------------------
    def route(self, method: str, path: str, body):
        if self.fail_path and path == self.fail_path:
            raise Refused(500, "internal error")
        routes = {
            ("GET", "/control/status"): self.status,
            ("GET", "/control/blocked_services/all"): self.all_services,
            ("GET", "/control/blocked_services/get"): self.global_blocked,
            ("GET", "/control/clients"): lambda _: {
                "clients": self.clients,
                "auto_clients": [],
                "supported_tags": [],
            },
            ("POST", "/control/clients/add"): self.add,
            ("POST", "/control/clients/update"): self.update,
            ("POST", "/control/clients/delete"): self.delete,
            ("GET", "/control/access/list"): lambda _: self.access,
            ("POST", "/control/access/set"): self.set_access,
        }
        handler = routes.get((method, path))
        if handler is None or (self.old_version and path == "/control/blocked_services/get"):
            raise Refused(404, "404 page not found")
        return handler(body)

    def status(self, _):
        version = "v0.107.30" if self.old_version else self.version
        return {
            "version": version,
            "language": "fr",
            "dns_addresses": ["127.0.0.1"],
            "dns_port": 53,
            "http_port": 3000,
            "protection_enabled": True,
            "dhcp_available": True,
            "running": True,
        }

    def all_services(self, _):
        return {
            "blocked_services": [
                {
                    "id": s,
                    "name": s.title(),
                    "icon_svg": "",
                    "rules": [f"||{s}.com^"],
                    "group_id": "social_network",
                }
                for s in CATALOGUE
            ],
            "groups": [{"id": "social_network"}],
        }

    def global_blocked(self, _):
        return {"ids": [], "schedule": {"time_zone": "Local"}}

    def add(self, body):
        self._validate(body, exclude=None)
        self.clients.append(self._stored(body))

    def update(self, body):
        current = self.client(body.get("name", ""))
        if current is None:
            raise Refused(400, f"client {body.get('name')!r} not found")
        self._validate(body["data"], exclude=current["name"])
        self.clients[self.clients.index(current)] = self._stored(body["data"])

    def delete(self, body):
        current = self.client(body.get("name", ""))
        if current is None:
            raise Refused(400, "client not found")
        self.clients.remove(current)

    def set_access(self, body):
        self.access = {
            k: list(body.get(k) or [])
            for k in ("allowed_clients", "disallowed_clients", "blocked_hosts")
        }

    def _stored(self, client: dict) -> dict:
        client = copy.deepcopy(client)
        if self.old_version or self.ignore_schedule:
            client.pop("blocked_services_schedule", None)
        return client

    def _validate(self, client: dict, exclude: str | None) -> None:
        if not client.get("name"):
            raise Refused(400, "client's name must be non-empty")
        if not client.get("ids"):
            raise Refused(400, "clients ids must not be empty")
        for other in self.clients:
            if other["name"] == exclude:
                continue
            if other["name"] == client["name"]:
                raise Refused(400, f"another client uses the same name {client['name']!r}")
            same = set(other.get("ids") or ()) & set(client["ids"])
            if same:
                raise Refused(
                    400, f"another client {other['name']!r} uses the same ID {sorted(same)[0]!r}"
                )
        unknown = [s for s in client.get("blocked_services") or () if s not in CATALOGUE]
        if unknown:
            raise Refused(400, f"blocked services: unknown blocked-service {unknown[0]!r}")
        self._validate_schedule(client.get("blocked_services_schedule") or {})

    @staticmethod
    def _validate_schedule(schedule: dict) -> None:
        for key in DAY_KEYS:
            r = schedule.get(key)
            if r is None:
                continue
            start, end = r.get("start", 0), r.get("end", 0)
            if not (0 <= start <= end <= DAY_MS) or start % 60000 or end % 60000:
                raise Refused(400, f"weekday {key}: bad day range: start {start}, end {end}")

    # --- HTTP plumbing ----------------------------------------------------------------------
    def _authorized(self, header: str | None) -> bool:
        expected = base64.b64encode(f"{self.username}:{self.password}".encode()).decode()
        return header == f"Basic {expected}"

    def _handler(self):
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def _serve(self, method: str):
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length) if length else b""
                fake.requests.append((method, self.path))
                if fake.delay:
                    time.sleep(fake.delay)
                if not fake._authorized(self.headers.get("Authorization")):
                    return self._send(401, b"Unauthorized", "text/plain")
                try:
                    result = fake.route(method, self.path, json.loads(raw) if raw else None)
                except Refused as exc:
                    return self._send(exc.code, exc.text.encode(), "text/plain")
                if result is None:
                    return self._send(200, b"OK", "text/plain")
                return self._send(200, json.dumps(result).encode(), "application/json")

            def _send(self, code: int, body: bytes, ctype: str):
                self.send_response(code)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                try:
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass

            def do_GET(self):
                self._serve("GET")

            def do_POST(self):
                self._serve("POST")

            def do_PUT(self):
                self._serve("PUT")

        return Handler
