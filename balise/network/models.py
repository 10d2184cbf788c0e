"""The CPE's work schedule, its devices, the social-media services to block, the AdGuard Home
server, and the DNS logs imported (article 5 v) and 5 vii) of the code)."""

from __future__ import annotations

import ipaddress
import re
from datetime import time

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from balise.accounts.models import OrgOwned

MAC_RE = re.compile(r"^[0-9a-f]{2}(:[0-9a-f]{2}){5}$")


def hm(t: time) -> str:
    """Returns a time as Quebec French writes it: 7 h 30."""
    return f"{t.hour} h {t.minute:02d}"


class Weekday(models.IntegerChoices):
    MONDAY = 0, _("lundi")
    TUESDAY = 1, _("mardi")
    WEDNESDAY = 2, _("mercredi")
    THURSDAY = 3, _("jeudi")
    FRIDAY = 4, _("vendredi")
    SATURDAY = 5, _("samedi")
    SUNDAY = 6, _("dimanche")


class EasterHoliday(models.TextChoices):
    GOOD_FRIDAY = "vendredi", _("Vendredi saint")
    EASTER_MONDAY = "lundi", _("Lundi de Pâques")
    BOTH = "les-deux", _("Les deux")


class WorkSchedule(OrgOwned):
    """The CPE's choices that apply to the whole schedule."""

    easter_holiday = models.CharField(
        _("congé de Pâques"),
        max_length=10,
        choices=EasterHoliday.choices,
        default=EasterHoliday.BOTH,
        help_text=_(
            "La Loi sur les normes du travail laisse le choix du Vendredi saint ou du lundi de Pâques."
        ),
    )
    pause_during_breaks = models.BooleanField(
        _("débloquer pendant les pauses"),
        default=False,
        help_text=_(
            "L'article 5 vii) permet l'usage personnel pendant les pauses avec votre propre équipement : "
            "par défaut, le blocage reste actif pendant les pauses sur l'équipement du CPE."
        ),
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["organization"], name="one_schedule_per_org")
        ]

    @classmethod
    def for_org(cls, org) -> WorkSchedule:
        return cls.objects.get_or_create(organization=org)[0]


class OpeningHours(OrgOwned):
    """The hours the CPE is open on one weekday (work hours for its staff)."""

    weekday = models.IntegerField(_("jour"), choices=Weekday.choices)
    opens = models.TimeField(_("ouverture"))
    closes = models.TimeField(_("fermeture"))

    class Meta:
        ordering = ["weekday"]
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "weekday"], name="one_opening_per_weekday"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_weekday_display()} {hm(self.opens)} – {hm(self.closes)}"

    def clean(self) -> None:
        if self.opens and self.closes and self.closes <= self.opens:
            raise ValidationError(
                _(
                    "Le %(day)s, la fermeture (%(closes)s) doit suivre l'ouverture (%(opens)s) : "
                    "un horaire ne peut pas passer minuit."
                )
                % {
                    "day": self.get_weekday_display(),
                    "closes": hm(self.closes),
                    "opens": hm(self.opens),
                }
            )


class Closure(OrgOwned):
    """Days the CPE is closed beyond statutory holidays (holidays season, training day…)."""

    starts_on = models.DateField(_("du"))
    ends_on = models.DateField(_("au"))
    label = models.CharField(_("motif"), max_length=120)

    class Meta:
        ordering = ["starts_on"]

    def __str__(self) -> str:
        return self.label

    def clean(self) -> None:
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError(_("La fermeture se termine avant de commencer."))


class WorkGroup(OrgOwned):
    """A group of staff who share their breaks (a room, the kitchen…)."""

    name = models.CharField(_("nom"), max_length=80)
    members = models.ManyToManyField(
        "registers.Person", blank=True, related_name="work_groups", verbose_name=_("membres")
    )

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["organization", "name"], name="one_group_name_per_org")
        ]

    def __str__(self) -> str:
        return self.name


class Break(OrgOwned):
    """A break: for everyone, for a group or for one person; on one weekday or every day."""

    weekday = models.IntegerField(
        _("jour"),
        choices=Weekday.choices,
        null=True,
        blank=True,
        help_text=_("Vide : tous les jours d'ouverture."),
    )
    starts = models.TimeField(_("début"))
    ends = models.TimeField(_("fin"))
    group = models.ForeignKey(
        WorkGroup, on_delete=models.CASCADE, null=True, blank=True, verbose_name=_("groupe")
    )
    person = models.ForeignKey(
        "registers.Person",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        verbose_name=_("personne"),
    )

    class Meta:
        ordering = ["weekday", "starts"]

    def __str__(self) -> str:
        day = self.get_weekday_display() if self.weekday is not None else _("tous les jours")
        return f"{self.target_label} · {day} · {hm(self.starts)} – {hm(self.ends)}"

    @property
    def target_label(self) -> str:
        if self.person_id:
            return str(self.person)
        if self.group_id:
            return str(self.group)
        return str(_("tout le personnel"))

    def applies_on(self, weekday: int) -> bool:
        return self.weekday is None or self.weekday == weekday

    def clean(self) -> None:
        if self.person_id and self.group_id:
            raise ValidationError(_("Une pause vise une personne ou un groupe, pas les deux."))
        if self.starts and self.ends and self.ends <= self.starts:
            raise ValidationError(
                _("La pause se termine (%(ends)s) avant de commencer (%(starts)s).")
                % {"ends": hm(self.ends), "starts": hm(self.starts)}
            )
        self._refuse_overlap()
        self._refuse_outside_hours()

    def _refuse_overlap(self) -> None:
        same_target = Break.objects.filter(
            organization_id=self.organization_id, person_id=self.person_id, group_id=self.group_id
        ).exclude(pk=self.pk)
        for other in same_target:
            shares_day = (
                self.weekday is None or other.weekday is None or self.weekday == other.weekday
            )
            if shares_day and self.starts < other.ends and other.starts < self.ends:
                raise ValidationError(
                    _("Cette pause chevauche une autre pause de %(target)s (%(other)s).")
                    % {
                        "target": self.target_label,
                        "other": f"{hm(other.starts)} – {hm(other.ends)}",
                    }
                )

    def _refuse_outside_hours(self) -> None:
        if self.weekday is None:
            return
        hours = OpeningHours.objects.filter(
            organization_id=self.organization_id, weekday=self.weekday
        ).first()
        if hours and not (hours.opens <= self.starts and self.ends <= hours.closes):
            raise ValidationError(
                _("La pause tombe en dehors des heures d'ouverture du %(day)s (%(hours)s).")
                % {
                    "day": hours.get_weekday_display(),
                    "hours": f"{hm(hours.opens)} – {hm(hours.closes)}",
                }
            )


class DeviceKind(models.TextChoices):
    COMPUTER = "ordinateur", _("Ordinateur")
    LAPTOP = "portable", _("Ordinateur portable")
    TABLET = "tablette", _("Tablette")
    PHONE = "telephone", _("Téléphone")
    OTHER = "autre", _("Autre")


def normalize_mac(value: str) -> str:
    """Returns a MAC address as aa:bb:cc:dd:ee:ff, or raises ValidationError."""
    raw = re.sub(r"[^0-9a-fA-F]", "", value or "")
    mac = ":".join(raw[i : i + 2] for i in range(0, len(raw), 2)).lower()
    if len(raw) != 12 or not MAC_RE.match(mac):
        raise ValidationError(
            _("« %(v)s » n'est pas une adresse MAC (ex. : a4:5e:60:12:34:56).") % {"v": value}
        )
    return mac


def normalize_ip(value: str) -> str:
    """Returns a normalized IP address, or raises ValidationError."""
    try:
        return str(ipaddress.ip_address((value or "").strip()))
    except ValueError:
        raise ValidationError(
            _("« %(v)s » n'est pas une adresse IP (ex. : 192.168.1.20).") % {"v": value}
        ) from None


class Device(OrgOwned):
    """A device that belongs to the CPE. An employee's own phone is never listed here."""

    name = models.CharField(_("nom"), max_length=80)
    kind = models.CharField(
        _("type"), max_length=20, choices=DeviceKind.choices, default=DeviceKind.COMPUTER
    )
    mac = models.CharField(_("adresse MAC"), max_length=17, blank=True)
    ip = models.GenericIPAddressField(_("adresse IP"), null=True, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("compte Balise"),
    )
    person = models.ForeignKey(
        "registers.Person",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="devices",
        verbose_name=_("utilisée par"),
    )
    exempt = models.BooleanField(
        _("exempté"),
        default=False,
        help_text=_(
            "Pour l'appareil qui gère la page officielle du CPE, avec l'autorisation de la directrice générale."
        ),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "name"], name="device_name_once_per_org"
            ),
            models.UniqueConstraint(
                fields=["organization", "mac"],
                condition=~models.Q(mac=""),
                name="device_mac_once_per_org",
            ),
            models.UniqueConstraint(fields=["organization", "ip"], name="device_ip_once_per_org"),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def client_ids(self) -> list[str]:
        """Returns how the router recognizes the device: its MAC and IP addresses."""
        return [i for i in (self.mac, self.ip) if i]

    def clean(self) -> None:
        if self.mac:
            self.mac = normalize_mac(self.mac)
        if self.ip:
            self.ip = normalize_ip(str(self.ip))
        if not self.mac and not self.ip:
            raise ValidationError(_("Indiquez l'adresse MAC ou l'adresse IP de l'appareil."))
        self._refuse_duplicates()

    def _refuse_duplicates(self) -> None:
        others = Device.objects.filter(organization_id=self.organization_id).exclude(pk=self.pk)
        for field, value, label in (
            ("mac", self.mac, _("adresse MAC")),
            ("ip", self.ip, _("adresse IP")),
            ("name", self.name, _("nom")),
        ):
            twin = others.filter(**{field: value}).first() if value else None
            if twin:
                raise ValidationError(
                    {
                        field: _(
                            "Cet appareil est déjà inscrit : « %(twin)s » a la même %(label)s (%(value)s)."
                        )
                        % {"twin": twin.name, "label": label, "value": value}
                    }
                )


class SocialService(OrgOwned):
    """A social-media service, its domains and its id in AdGuard Home's catalogue."""

    key = models.SlugField(_("identifiant"), max_length=40)
    name = models.CharField(_("nom"), max_length=80)
    adguard_id = models.CharField(_("identifiant AdGuard Home"), max_length=40, blank=True)
    domains = models.JSONField(_("domaines"), default=list)
    is_blocked = models.BooleanField(_("bloqué pendant les heures de travail"), default=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["organization", "key"], name="one_service_key_per_org")
        ]

    def __str__(self) -> str:
        return self.name


class AdGuardServer(OrgOwned):
    """The CPE's AdGuard Home, reached through its REST API."""

    url = models.URLField(_("adresse"), help_text=_("Ex. : http://192.168.1.2:3000"))
    username = models.CharField(_("utilisateur"), max_length=80)
    password_encrypted = models.TextField(blank=True)
    timeout = models.FloatField(_("délai d'attente (secondes)"), default=10)
    last_push_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["organization"], name="one_adguard_per_org")]

    def __str__(self) -> str:
        return self.url

    def set_password(self, password: str) -> None:
        from balise.network.secrets import encrypt

        self.password_encrypted = encrypt(password)

    @property
    def password(self) -> str:
        from balise.network.secrets import decrypt

        return decrypt(self.password_encrypted) if self.password_encrypted else ""


class PushStatus(models.TextChoices):
    DONE = "fait", _("Poussée et relue")
    MISMATCH = "ecart", _("Poussée, écart à la relecture")
    REFUSED = "refuse", _("Refusée, rien n'a été poussé")


class Push(OrgOwned):
    """One push of the rule to AdGuard Home, as it went."""

    at = models.DateTimeField(auto_now_add=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    status = models.CharField(max_length=10, choices=PushStatus.choices)
    changes = models.JSONField(default=list)
    message = models.TextField(blank=True)

    class Meta:
        ordering = ["-at"]


class LogFormat(models.TextChoices):
    ADGUARD = "adguard", _("AdGuard Home (querylog.json)")
    PIHOLE = "pihole", _("Pi-hole (base FTL pihole-FTL.db)")
    DNSMASQ = "dnsmasq", _("dnsmasq (log-queries)")
    SQUID = "squid", _("Mandataire Squid (access.log)")


class LogImport(OrgOwned):
    """One DNS log imported: the counts, the lines refused, and the findings kept."""

    at = models.DateTimeField(auto_now_add=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    filename = models.CharField(max_length=200)
    format = models.CharField(max_length=10, choices=LogFormat.choices)
    lines = models.PositiveIntegerField(default=0)
    queries = models.PositiveIntegerField(default=0)
    cpe_queries = models.PositiveIntegerField(default=0)
    dropped_queries = models.PositiveIntegerField(default=0)
    dropped_clients = models.PositiveIntegerField(default=0)
    ignored_lines = models.PositiveIntegerField(default=0)
    error_count = models.PositiveIntegerField(default=0)
    errors = models.JSONField(default=list)  # [[line, message], …] — the first ones only
    first_at = models.DateTimeField(null=True)
    last_at = models.DateTimeField(null=True)

    class Meta:
        ordering = ["-at"]

    def __str__(self) -> str:
        return self.filename

    @property
    def is_partial(self) -> bool:
        return self.error_count > 0


class FindingKind(models.TextChoices):
    SOCIAL = "social", _("Médias sociaux pendant le travail (5 vii)")
    DOWNLOAD = "telechargement", _("Téléchargement d'application, de jeu ou d'exécutable (5 v)")


class LogFinding(models.Model):
    """Lookups of one kind, by one device, for one service or domain, on one day (aggregated)."""

    log_import = models.ForeignKey(LogImport, on_delete=models.CASCADE, related_name="findings")
    device = models.ForeignKey(Device, on_delete=models.SET_NULL, null=True, related_name="+")
    device_name = models.CharField(max_length=80)
    kind = models.CharField(max_length=20, choices=FindingKind.choices)
    label = models.CharField(max_length=200)
    day = models.DateField()
    count = models.PositiveIntegerField()
    first_at = models.DateTimeField()
    last_at = models.DateTimeField()

    class Meta:
        ordering = ["day", "device_name", "kind", "label"]

    def __str__(self) -> str:
        return f"{self.day} · {self.device_name} · {self.label} · {self.count}"
