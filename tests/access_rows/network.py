"""Access rows of the network pages (issue 9): IT changes, the direction may look."""

from tests.web.access import Row

SEE = {"informatique", "direction"}
IT = {"informatique"}

ROWS = [
    Row("network:index", allowed=SEE),
    Row("network:schedule", allowed=SEE),
    Row("network:devices", allowed=SEE),
    Row("network:services", allowed=SEE),
    Row("network:imports", allowed=SEE),
    Row("network:adguard", allowed=IT),
    Row("network:preview", allowed=IT),
    Row("network:service_add", allowed=IT),
    Row("network:services_reset", allowed=IT, method="post"),
    Row("network:device_edit", allowed=IT, args=lambda w: [w.extra["device"].pk]),
    Row("network:device_delete", allowed=IT, args=lambda w: [w.extra["device"].pk], method="post"),
    Row("network:service_edit", allowed=IT, args=lambda w: [w.extra["service"].pk]),
    Row("network:import_detail", allowed=SEE, args=lambda w: [w.extra["log"].pk]),
    Row("network:import_download", allowed=SEE, args=lambda w: [w.extra["log"].pk, "csv"]),
    Row(
        "network:schedule_delete",
        allowed=IT,
        args=lambda w: ["fermeture", w.extra["closure"].pk],
        method="post",
    ),
]


def prepare(world):
    from datetime import date

    from balise.network.models import Closure, Device, LogImport, SocialService

    world.extra["device"] = Device.objects.create(
        organization=world.org, name="Poste accueil", ip="192.168.1.10"
    )
    world.extra["service"] = SocialService.objects.create(
        organization=world.org,
        key="tiktok",
        name="TikTok",
        adguard_id="tiktok",
        domains=["tiktok.com"],
    )
    world.extra["log"] = LogImport.objects.create(
        organization=world.org, filename="querylog.json", format="adguard"
    )
    world.extra["closure"] = Closure.objects.create(
        organization=world.org,
        label="Journée pédagogique",
        starts_on=date(2025, 11, 14),
        ends_on=date(2025, 11, 14),
    )
