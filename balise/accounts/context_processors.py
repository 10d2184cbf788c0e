from __future__ import annotations


def membership(request) -> dict:
    """Exposes the current membership, organization and role to every template."""
    from balise.core.nav import menu_for, nav_for

    m = getattr(request, "membership", None)
    return {
        "nav_items": nav_for(m.role) if m else [],
        "menu": menu_for(m.role) if m else [],
        "membership": m,
        "organization": getattr(request, "organization", None),
        "role": m.role if m else None,
    }
