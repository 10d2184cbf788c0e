"""Judging mentions with the engine: one Checker per CPE profile, reused by the process."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from functools import lru_cache

from django.apps import apps

from balise.accounts.models import Organization

log = logging.getLogger("balise.watch")


def org_profile(org: Organization):
    """Returns the CPE's engine profile: from the registers when installed, else from the CPE."""
    if apps.is_installed("balise.registers"):
        try:
            from balise.registers.engine import org_profile as registers_profile
        except ImportError:
            pass
        else:
            return registers_profile(org)
    from balise.engine import OrgProfile

    return OrgProfile(
        name=org.name,
        aliases=tuple(org.aliases or ()),
        city=org.city,
        website=org.website,
        trademarks=tuple(org.trademarks or ()),
    )


def staff_names(profile) -> list[str]:
    """Returns the names of the staff roster (and the director general) to look for."""
    names = [name for name, _role in profile.staff]
    if profile.director_general:
        names.append(profile.director_general)
    return list(dict.fromkeys(n for n in names if n))


@lru_cache(maxsize=16)
def checker_for(profile):
    """Returns the Checker of a profile (profiles are frozen, so equal rosters share one)."""
    from balise.engine import Checker

    return Checker(profile)


def judge(profile, texts: Sequence[tuple]) -> list[tuple[str, list[dict]]]:
    """Returns (verdict, findings) for each (id, text, posted_at, media), in order."""
    from balise.engine import MAX_TEXT_CHARS, Context, Post

    posts = [
        Post(pid, text[:MAX_TEXT_CHARS], Context(posted_at=when, media=media))
        for pid, text, when, media in texts
    ]
    results = checker_for(profile).check_many(posts)
    return [(r.verdict, r.to_dict()["findings"]) for r in results]
