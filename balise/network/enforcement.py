"""The rule as AdGuard Home clients: desired configuration, diff, push and read-back.

AdGuard Home's `blocked_services_schedule` gives, per weekday, ONE range during which blocking
is PAUSED, within the day (no range across midnight); outside it the services are blocked.
Mapping chosen for each of the seven coming days (see docs/network.md):
- CPE closed (weekend, statutory holiday, closure): paused all day (0 – 24 h).
- CPE open, no break unblocked: paused from closing time to midnight; blocked from midnight to
  closing (the night before opening is blocked too, when nobody works: harmless).
- CPE open, one break unblocked (the CPE chose to unblock breaks): paused during the break;
  blocked the rest of the day, evening included.
- CPE open, two breaks or more unblocked: one range cannot express them; blocking stays on
  during the breaks (the strict reading of 5 vii: own equipment for breaks) and the page says so.
- Network access withdrawn (article 6): the device is refused by AdGuard Home's access list and
  every service is blocked with no pause, until the measure ends.
The schedule is weekly, while holidays are dated: Balise computes the seven days from today, so a
push must be repeated each week (the daily task does it when the server is configured).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import time

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from balise.network.adguard import AdGuardClient, AdGuardError
from balise.network.models import hm
from balise.network.rules import DeviceRule, RulePlan
from balise.network.schedule import WEEKDAY_KEYS

CLIENT_PREFIX = "Balise · "
DAY_MS = 24 * 3600 * 1000
MANAGED = ("ids", "use_global_blocked_services", "blocked_services", "blocked_services_schedule")
# Fields of a new client other than the managed ones: the server's global settings apply.
NEW_CLIENT = {
    "use_global_settings": True,
    "filtering_enabled": False,
    "parental_enabled": False,
    "safebrowsing_enabled": False,
    "safe_search": {"enabled": False},
    "upstreams": [],
    "tags": [],
    "ignore_querylog": False,
    "ignore_statistics": False,
}


def ms(t: time) -> int:
    return (t.hour * 60 + t.minute) * 60 * 1000


@dataclass
class Desired:
    clients: dict[str, dict]  # name -> AdGuard client (managed fields)
    disallowed: list[str]  # client ids refused by the access list
    notes: list[str] = field(default_factory=list)


@dataclass
class Change:
    action: str  # "ajout" | "modification" | "suppression" | "acces"
    name: str
    fields: list[tuple[str, object, object]]  # (field, before, after)
    before: dict | None = None
    after: dict | None = None


class PushRefused(Exception):
    def __init__(self, messages: list[str]):
        super().__init__(" ".join(messages))
        self.messages = messages


def device_schedule(plan: RulePlan, device: DeviceRule, notes: list[str]) -> dict:
    """Returns the device's AdGuard `blocked_services_schedule` for the coming week."""
    result: dict = {"time_zone": settings.TIME_ZONE}
    if device.withdrawn_until:
        return result  # no pause: blocked all the time
    for day in plan.week:
        window = plan.work_window(day)
        key = WEEKDAY_KEYS[day.weekday()]
        breaks = plan.unblocked_breaks(day, device.person_id)
        if window is None:
            result[key] = {"start": 0, "end": DAY_MS}
        elif len(breaks) == 1:
            result[key] = {"start": ms(breaks[0][0]), "end": ms(breaks[0][1])}
        else:
            result[key] = {"start": ms(window[1]), "end": DAY_MS}
            if len(breaks) > 1:
                notes.append(
                    _(
                        "%(device)s, %(day)s : %(n)s pauses, mais AdGuard Home n'accepte qu'une plage de pause par "
                        "jour ; le blocage reste actif pendant ces pauses."
                    )
                    % {"device": device.name, "day": day.isoformat(), "n": len(breaks)}
                )
    return result


def desired_config(plan: RulePlan, catalogue: dict[str, str]) -> Desired:
    """Returns the clients AdGuard Home should have for the CPE's devices."""
    notes: list[str] = []
    social = sorted({s.adguard_id for s in plan.services if s.adguard_id})
    clients, disallowed = {}, []
    for device in plan.devices:
        withdrawn = device.withdrawn_until is not None
        clients[CLIENT_PREFIX + device.name] = {
            "ids": list(device.ids),
            "use_global_blocked_services": False,
            "blocked_services": sorted(catalogue) if withdrawn else social,
            "blocked_services_schedule": device_schedule(plan, device, notes),
        }
        if withdrawn:
            disallowed.extend(device.ids)
            notes.append(
                _("%(device)s : accès au réseau retiré jusqu'au %(until)s (mesure de l'article 6).")
                % {"device": device.name, "until": device.withdrawn_until.isoformat()}
            )
    notes.extend(_unexpressed(plan))
    return Desired(clients, sorted(disallowed), notes)


def _unexpressed(plan: RulePlan) -> list[str]:
    notes = [
        _(
            "%(name)s n'est pas dans le catalogue d'AdGuard Home : ses domaines ne sont bloqués que par les "
            "exportations (dnsmasq, hosts, unbound)."
        )
        % {"name": s.name}
        for s in plan.services
        if not s.adguard_id
    ]
    notes += [
        _("%(name)s est exempté : AdGuard Home ne le gère pas.") % {"name": n} for n in plan.exempt
    ]
    return notes


def _existing_for(name: str, ids: list[str], existing: list[dict]) -> dict | None:
    for client in existing:
        if client.get("name") == name or set(client.get("ids") or ()) & set(ids):
            return client
    return None


def diff(desired: Desired, existing: list[dict], access: dict) -> list[Change]:
    """Returns the changes that bring AdGuard Home to the desired configuration."""
    changes, matched = [], set()
    for name, wanted in desired.clients.items():
        current = _existing_for(name, wanted["ids"], existing)
        if current is None:
            changes.append(
                Change("ajout", name, [(k, None, wanted[k]) for k in MANAGED], None, wanted)
            )
            continue
        matched.add(current["name"])
        fields = [
            (k, current.get(k), wanted[k])
            for k in MANAGED
            if _norm(current.get(k)) != _norm(wanted[k])
        ]
        if fields:
            changes.append(
                Change("modification", current["name"], fields, current, {**current, **wanted})
            )
    for client in existing:
        if client.get("name", "").startswith(CLIENT_PREFIX) and client["name"] not in matched:
            changes.append(Change("suppression", client["name"], [], client, None))
    access_change = _access_change(desired, access)
    return changes + ([access_change] if access_change else [])


def _access_change(desired: Desired, access: dict) -> Change | None:
    managed_ids = {i for c in desired.clients.values() for i in c["ids"]}
    current = list(access.get("disallowed_clients") or [])
    kept = [i for i in current if i not in managed_ids]
    wanted = kept + [i for i in desired.disallowed if i not in kept]
    if sorted(wanted) == sorted(current):
        return None
    after = {**access, "disallowed_clients": wanted}
    return Change(
        "acces", _("Liste d'accès"), [("disallowed_clients", current, wanted)], access, after
    )


def _norm(value):
    if isinstance(value, list):
        return sorted(value)
    if isinstance(value, dict):
        return {k: _norm(v) for k, v in value.items() if v not in ({}, None)}
    return value


def fingerprint(changes: list[Change]) -> str:
    """Returns a short hash of a list of changes: the push must match what was previewed."""
    payload = json.dumps(
        [(c.action, c.name, c.fields) for c in changes], sort_keys=True, default=str
    )
    return hashlib.sha256(payload.encode()).hexdigest()[:16]


def validate(desired: Desired, catalogue: dict[str, str]) -> list[str]:
    """Returns what makes the desired configuration invalid (empty when it may be pushed)."""
    errors, seen = [], {}
    for name, client in desired.clients.items():
        if not client["ids"]:
            errors.append(_("%(name)s n'a ni adresse MAC ni adresse IP.") % {"name": name})
        for cid in client["ids"]:
            if cid in seen:
                errors.append(
                    _("%(a)s et %(b)s ont la même adresse %(id)s.")
                    % {"a": seen[cid], "b": name, "id": cid}
                )
            seen[cid] = name
        unknown = [s for s in client["blocked_services"] if s not in catalogue]
        if unknown:
            errors.append(
                _(
                    "Services inconnus de cet AdGuard Home : %(ids)s. Corrigez leur identifiant AdGuard dans la "
                    "liste des services."
                )
                % {"ids": ", ".join(unknown)}
            )
        errors.extend(_schedule_errors(name, client["blocked_services_schedule"]))
    return sorted(set(errors), key=errors.index)


def _schedule_errors(name: str, schedule: dict) -> list[str]:
    errors = []
    for key in WEEKDAY_KEYS:
        r = schedule.get(key)
        if r and not (
            0 <= r["start"] < r["end"] <= DAY_MS and r["start"] % 60000 == 0 == r["end"] % 60000
        ):
            errors.append(
                _("%(name)s : la plage du %(day)s est invalide.") % {"name": name, "day": key}
            )
    return errors


@dataclass
class Preview:
    version: str
    changes: list[Change]
    notes: list[str]
    errors: list[str]
    fingerprint: str
    desired: Desired


def preview(server, plan: RulePlan) -> Preview:
    """Reads AdGuard Home and returns what a push would change; raises AdGuardError."""
    with AdGuardClient(server.url, server.username, server.password, server.timeout) as api:
        version = api.check_version()
        catalogue = api.catalogue()
        desired = desired_config(plan, catalogue)
        changes = diff(desired, api.clients(), api.access_list())
    errors = validate(desired, catalogue)
    return Preview(version, changes, desired.notes, errors, fingerprint(changes), desired)


def push(server, plan: RulePlan, *, expected: str, by) -> tuple[list[Change], list[str]]:
    """Applies the previewed changes, reads back and returns (changes, mismatches).

    Raises PushRefused (nothing pushed) when the change is invalid, the server changed since the
    preview, or AdGuard Home fails; changes already applied are then undone.
    """
    from balise.network.models import Push, PushStatus

    try:
        with AdGuardClient(server.url, server.username, server.password, server.timeout) as api:
            changes, mismatches = _push_with(api, plan, expected)
    except (AdGuardError, PushRefused) as exc:
        messages = exc.messages if isinstance(exc, PushRefused) else [str(exc)]
        Push.objects.create(
            organization=server.organization,
            by=by,
            status=PushStatus.REFUSED,
            message="\n".join(messages),
        )
        raise PushRefused(messages) from None
    _record(server, by, changes, mismatches)
    return changes, mismatches


def _push_with(api: AdGuardClient, plan: RulePlan, expected: str) -> tuple[list[Change], list[str]]:
    api.check_version()
    catalogue = api.catalogue()
    desired = desired_config(plan, catalogue)
    errors = validate(desired, catalogue)
    if errors:
        raise PushRefused([*errors, _("Rien n'a été poussé.")])
    changes = diff(desired, api.clients(), api.access_list())
    if fingerprint(changes) != expected:
        raise PushRefused(
            [
                _(
                    "La configuration d'AdGuard Home a changé depuis l'aperçu : revoyez les changements "
                    "avant de pousser. Rien n'a été poussé."
                )
            ]
        )
    _apply_all(api, changes)
    return changes, read_back(api, desired)


def _apply_all(api: AdGuardClient, changes: list[Change]) -> None:
    done: list[Change] = []
    try:
        for change in changes:
            _apply(api, change)
            done.append(change)
    except AdGuardError as exc:
        _undo(api, done)
        raise PushRefused([str(exc), _("Les changements déjà faits ont été annulés.")]) from None


def _apply(api: AdGuardClient, change: Change) -> None:
    if change.action == "ajout":
        api.add_client({"name": change.name, **NEW_CLIENT, **change.after})
    elif change.action == "modification":
        api.update_client(change.name, change.after)
    elif change.action == "suppression":
        api.delete_client(change.name)
    else:
        api.set_access_list(change.after)


def _undo(api: AdGuardClient, done: list[Change]) -> None:
    for change in reversed(done):
        try:
            if change.action == "ajout":
                api.delete_client(change.name)
            elif change.action == "modification":
                api.update_client(change.name, change.before)
            elif change.action == "suppression":
                api.add_client(change.before)
            else:
                api.set_access_list(change.before)
        except AdGuardError:
            continue


def read_back(api: AdGuardClient, desired: Desired) -> list[str]:
    """Returns the differences between AdGuard Home's configuration and the desired one."""
    remaining = diff(desired, api.clients(), api.access_list())
    return [
        _("%(name)s : %(fields)s ne correspond pas après l'envoi.")
        % {"name": c.name, "fields": ", ".join(f[0] for f in c.fields) or c.action}
        for c in remaining
    ]


@transaction.atomic
def _record(server, by, changes: list[Change], mismatches: list[str]) -> None:
    from balise.audit.services import record_change
    from balise.network.models import Push, PushStatus

    status = PushStatus.MISMATCH if mismatches else PushStatus.DONE
    summary = [
        {"action": c.action, "name": c.name, "fields": [f[0] for f in c.fields]} for c in changes
    ]
    push = Push.objects.create(
        organization=server.organization,
        by=by,
        status=status,
        changes=summary,
        message="\n".join(mismatches),
    )
    server.last_push_at = timezone.now()
    server.save(update_fields=["last_push_at"])
    record_change(
        organization=server.organization,
        actor=by,
        action="network.push",
        obj=push,
        after={"status": status, "changes": summary},
    )


def describe_value(field_name: str, value) -> str:
    """Returns a field's value as the diff shows it, in French."""
    if value is None:
        return "—"
    if field_name == "blocked_services_schedule":
        return describe_schedule(value)
    if isinstance(value, list):
        return ", ".join(map(str, value)) or _("(aucun)")
    if isinstance(value, bool):
        return _("oui") if value else _("non")
    return str(value)


DAY_LABELS = {
    "mon": "lun.",
    "tue": "mar.",
    "wed": "mer.",
    "thu": "jeu.",
    "fri": "ven.",
    "sat": "sam.",
    "sun": "dim.",
}


def describe_schedule(schedule: dict) -> str:
    parts = []
    for key in WEEKDAY_KEYS:
        r = schedule.get(key)
        if not r:
            parts.append(f"{DAY_LABELS[key]} {_('bloqué tout le jour')}")
        elif r["start"] == 0 and r["end"] == DAY_MS:
            parts.append(f"{DAY_LABELS[key]} {_('pause tout le jour')}")
        else:
            parts.append(
                f"{DAY_LABELS[key]} {_('pause')} {_hm_ms(r['start'])} – {_hm_ms(r['end'])}"
            )
    return " · ".join(parts)


def _hm_ms(value: int) -> str:
    minutes = value // 60000
    return "24 h 00" if minutes == 1440 else hm(time(minutes // 60, minutes % 60))
