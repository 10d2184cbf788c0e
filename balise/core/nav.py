"""What each role sees in the menu and on its home page; apps register in AppConfig.ready()."""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext_lazy


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


# Menu groups, by the order apps register their items with (see CONTRACTS.md): a director's menu
# has some fifteen entries, too many for a phone without headings. Other roles get one group.
DIRECTION_GROUPS = (
    (0, 19, gettext_lazy("Au quotidien")),
    (20, 39, gettext_lazy("Registres")),
    (40, 59, gettext_lazy("Manquements et veille")),
    (60, 1000, gettext_lazy("Réseau et journal")),
)


def menu_for(role: str | None) -> list[dict]:
    """The menu of a role: [{"title": str | None, "items": [{"label", "url"}]}]."""
    from django.utils.translation import gettext as _

    items = sorted((i for i in NAV if role in i.roles), key=lambda i: i.order)
    home = {"label": _("Accueil"), "url": reverse("core:home")}
    code = {"label": _("Le code"), "url": reverse("policy:code")}
    if role != "direction":
        return [{"title": None, "items": [home, code, *_entries(items)]}]
    groups = []
    for low, high, title in DIRECTION_GROUPS:
        entries = _entries(i for i in items if low <= i.order <= high)
        if low == 0:
            entries = [home, code, *entries]
        if low == 20:
            entries.append({"label": _("Inviter"), "url": reverse("accounts:invitations")})
        if entries:
            groups.append({"title": title, "items": entries})
    return groups


def _entries(items) -> list[dict]:
    return [{"label": i.label, "url": reverse(i.url_name)} for i in items]
