"""What each role sees in the menu and on its home page; apps register in AppConfig.ready()."""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import reverse


@dataclass(frozen=True)
class NavItem:
    label: str  # French, already translated lazily by the app
    url_name: str
    roles: frozenset[str]
    order: int = 50


NAV: list[NavItem] = []
TILES: list[tuple[frozenset[str], str, int]] = []  # (roles, template, order)


def add_nav(label, url_name: str, roles, order: int = 50) -> None:
    NAV.append(NavItem(label, url_name, frozenset(roles), order))


def add_tile(template: str, roles, order: int = 50) -> None:
    TILES.append((frozenset(roles), template, order))


def nav_for(role: str | None) -> list[dict]:
    items = sorted((i for i in NAV if role in i.roles), key=lambda i: i.order)
    return [{"label": i.label, "url": reverse(i.url_name)} for i in items]


def tiles_for(role: str | None) -> list[str]:
    return [tpl for roles, tpl, _ in sorted(TILES, key=lambda t: t[2]) if role in roles]
