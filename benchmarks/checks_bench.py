"""Benchmark of the check: text checks under 10 concurrent users, and one 12-megapixel photo.

Starts Balise exactly as `make run` does (`manage.py serve`: gunicorn, 2 workers × 4 threads)
on a scratch database, creates one CPE with 10 staff members and their API tokens, then:
  1. 10 users, each checking text posts back to back (closed loop): p50, p95, throughput, errors;
  2. the same 10 users with a human pause (1 s) between checks: p50, p95;
  3. one check of a 12 MP photo with two faces (5 times): median and worst time.

    .venv/bin/python benchmarks/checks_bench.py [--seconds 30] [--port 8765]
"""

from __future__ import annotations

import argparse
import io
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
POSTS = [
    "Belle randonnée en famille ce matin au lac Saint-Louis!",
    "La petite Léa Gagnon de mon groupe a encore mordu un ami aujourd'hui au CPE.",
    "Quelle journée! Les enfants ont adoré la peinture avec les doigts.",
    "Notre CPE a reçu une subvention de 200 000 $ : gardez ça entre nous.",
    "Venez voir mon nouveau jardin, les tomates sont enfin mûres.",
]


def prepare(var_dir: Path, users: int) -> list[str]:
    """Creates the scratch database, one CPE and `users` staff members; returns their tokens."""
    os.environ["BALISE_VAR_DIR"] = str(var_dir)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "balise.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    import logging

    logging.getLogger("httpx").setLevel(
        logging.WARNING
    )  # one line per request would drown the figures
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from balise.accounts.models import Membership, Organization, Role, User
    from balise.checks.models import ApiToken
    from balise.policy.services import install_default_pack

    org = Organization.objects.create(name="CPE Premier Pas", slug="premier-pas", city="La Tuque")
    install_default_pack(org)
    tokens = []
    for i in range(users):
        user = User.objects.create_user(
            f"educatrice{i}@premierpas.example", None, full_name=f"Éducatrice {i}"
        )
        Membership.objects.create(user=user, organization=org, role=Role.EMPLOYE)
        tokens.append(ApiToken.issue(user, "banc d'essai")[1])
    return tokens


def start_server(var_dir: Path, port: int) -> subprocess.Popen:
    env = {
        **os.environ,
        "BALISE_VAR_DIR": str(var_dir),
        "BALISE_CHECKS_PER_MINUTE": "1000000",
        "BALISE_LOG_LEVEL": "WARNING",
    }
    return subprocess.Popen(
        [sys.executable, "manage.py", "serve", "--no-worker", "--bind", f"127.0.0.1:{port}"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )


def check(client: httpx.Client, token: str, text: str, files=None) -> tuple[float, int]:
    started = time.perf_counter()
    response = client.post(
        "/api/v1/check",
        data={"text": text},
        files=files,
        headers={"Authorization": f"Bearer {token}"},
    )
    return time.perf_counter() - started, response.status_code


def wait_warm(base: str, token: str, timeout: float = 300) -> None:
    """Waits until both workers answer a text check quickly (the engine is loaded)."""
    deadline = time.monotonic() + timeout
    with httpx.Client(base_url=base, timeout=120) as client:
        fast = 0
        while time.monotonic() < deadline:
            try:
                seconds, status = check(client, token, POSTS[0])
            except httpx.TransportError:
                time.sleep(1)
                continue
            fast = fast + 1 if status == 200 and seconds < 0.5 else 0
            if fast >= 20:
                return
    raise SystemExit("Le serveur n'a pas répondu à temps.")


def group_cpu_seconds(pgid: int) -> float:
    """CPU time (user + system) used so far by the live processes of a process group."""
    tick = os.sysconf("SC_CLK_TCK")
    total = 0
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[2]) == pgid:  # fields[2] is the 5th field of stat: pgrp
            total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / tick


def load(base: str, tokens: list[str], seconds: float, pause: float, server_pgid: int) -> dict:
    """Runs the users; reports latencies and where the CPU went (server vs this client)."""
    latencies: list[float] = []
    errors = [0]
    lock = threading.Lock()
    stop = time.monotonic() + seconds

    def user(index: int) -> None:
        with httpx.Client(base_url=base, timeout=60) as client:
            n = index
            while time.monotonic() < stop:
                elapsed, status = check(client, tokens[index], POSTS[n % len(POSTS)])
                n += 1
                with lock:
                    latencies.append(elapsed)
                    errors[0] += status != 200
                if pause:
                    time.sleep(pause)

    load_average = os.getloadavg()[0]
    server_cpu, client_cpu = group_cpu_seconds(server_pgid), time.process_time()
    started = time.monotonic()
    threads = [threading.Thread(target=user, args=(i,)) for i in range(len(tokens))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.monotonic() - started
    server_cpu = group_cpu_seconds(server_pgid) - server_cpu
    client_cpu = time.process_time() - client_cpu
    latencies.sort()
    return {
        "users": len(tokens),
        "pause_s": pause,
        "requests": len(latencies),
        "errors": errors[0],
        "throughput_rps": round(len(latencies) / wall, 1),
        "p50_ms": round(1000 * statistics.median(latencies), 1),
        "p95_ms": round(1000 * latencies[int(0.95 * (len(latencies) - 1))], 1),
        "max_ms": round(1000 * latencies[-1], 1),
        "server_cpu_ms_per_check": round(1000 * server_cpu / len(latencies), 1),
        "client_cpu_ms_per_check": round(1000 * client_cpu / len(latencies), 1),
        "load_average_before": round(load_average, 2),
    }


def photo_12mp() -> bytes:
    sys.path.insert(0, str(ROOT))
    from tests.web.checks.photos import jpeg_with_exif, two_faces_rgb

    return jpeg_with_exif(two_faces_rgb(4000, 3000), quality=90)


def photo_checks(base: str, token: str, runs: int = 5) -> dict:
    content = photo_12mp()
    times, faces = [], None
    with httpx.Client(base_url=base, timeout=120) as client:
        for _ in range(runs):
            files = {"media": ("photo-12mp.jpg", io.BytesIO(content), "image/jpeg")}
            started = time.perf_counter()
            response = client.post(
                "/api/v1/check",
                data={"text": ""},
                files=files,
                headers={"Authorization": f"Bearer {token}"},
            )
            times.append(time.perf_counter() - started)
            faces = (
                response.json()["media"][0]["faces"]
                if response.status_code == 200
                else response.status_code
            )
    return {
        "megapixels": 12,
        "bytes": len(content),
        "faces": faces,
        "median_s": round(statistics.median(times), 2),
        "max_s": round(max(times), 2),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--port", type=int, default=8765)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="balise-bench-checks-") as var:
        tokens = prepare(Path(var), users=10)
        server = start_server(Path(var), args.port)
        base = f"http://127.0.0.1:{args.port}"
        try:
            wait_warm(base, tokens[0])
            results = {
                "cpus": os.cpu_count(),
                "closed_loop": load(base, tokens, args.seconds, 0, server.pid),
                "with_pause_1s": load(base, tokens, args.seconds, 1.0, server.pid),
                "photo_12mp": photo_checks(base, tokens[0]),
            }
        finally:
            os.killpg(server.pid, 2)
            server.wait(timeout=30)
            try:  # nothing of the server may outlive the benchmark
                os.killpg(server.pid, 9)
            except ProcessLookupError:
                pass
    print(json.dumps(results, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
