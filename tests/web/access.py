"""The access table: every page of Balise is one row, checked for every role.

A later app adds a module `tests/access_rows/<app>.py` with a `ROWS` list, and optionally a
`prepare(world)` function that creates the objects its rows point at (stored in world.extra).
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass, field

ROLES = ("direction", "employe", "informatique")


@dataclass(frozen=True)
class Row:
    name: str  # namespaced URL name
    allowed: set[str] = field(default_factory=set)  # roles that may use the page
    args: Callable | None = None  # world -> list of URL args (objects of the first CPE)
    method: str = "get"
    data: dict | None = None
    dg_only: bool = False  # director general only, not deputies

    @property
    def is_object(self) -> bool:
        return self.args is not None

    def __str__(self) -> str:
        return f"{self.method.upper()} {self.name}"


def load_rows() -> tuple[list[Row], list[Callable]]:
    """Returns every row and every prepare() function of tests/access_rows/."""
    import tests.access_rows as pkg

    rows, prepares = [], []
    for info in sorted(pkgutil.iter_modules(pkg.__path__), key=lambda i: i.name):
        module = importlib.import_module(f"tests.access_rows.{info.name}")
        rows.extend(getattr(module, "ROWS", []))
        if hasattr(module, "prepare"):
            prepares.append(module.prepare)
    return rows, prepares
