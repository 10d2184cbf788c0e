"""Runs the web server and the background worker together; Ctrl-C stops both."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Démarre le serveur Web (gunicorn) et le travailleur de tâches; Ctrl-C arrête les deux."

    def add_arguments(self, parser):
        parser.add_argument("--bind", default=os.environ.get("BALISE_BIND", "127.0.0.1:8000"))
        parser.add_argument(
            "--workers", type=int, default=int(os.environ.get("BALISE_WEB_WORKERS", "2"))
        )
        parser.add_argument(
            "--no-worker", action="store_true", help="sans le travailleur de tâches"
        )

    def handle(self, *args, bind, workers, no_worker, **options):
        python = sys.executable
        commands = [
            [
                python,
                "-m",
                "gunicorn",
                "balise.wsgi:application",
                "--bind",
                bind,
                "--workers",
                str(workers),
                "--threads",
                "4",
                "--timeout",
                "120",
                "--access-logfile",
                "-",
            ],
        ]
        if not no_worker:
            commands.append([python, "manage.py", "db_worker", "--interval", "1"])
        procs = [subprocess.Popen(cmd) for cmd in commands]
        self.stdout.write(f"Balise répond sur http://{bind}/ (Ctrl-C pour arrêter).")
        stop = {"now": False}

        def request_stop(signum, frame):
            stop["now"] = True

        signal.signal(signal.SIGINT, request_stop)
        signal.signal(signal.SIGTERM, request_stop)
        while not stop["now"] and all(p.poll() is None for p in procs):
            time.sleep(0.3)
        for p in procs:
            if p.poll() is None:
                p.send_signal(signal.SIGTERM)
        for p in procs:
            try:
                p.wait(timeout=10)
            except subprocess.TimeoutExpired:
                p.kill()
        self.stdout.write("Balise est arrêtée.")
        codes = [p.returncode for p in procs]
        if not stop["now"] and any(codes):
            raise SystemExit(1)
