"""Breach files (article 6), their evidence, the person's versions, the measures decided, and the
register of confidentiality incidents (Loi 25).

Every state change is a named method that also appends a record to the audit chain.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from balise.accounts.models import OrgOwned
from balise.audit.services import record_change, snapshot

#: Rules whose finding means personal information was involved (opens a Loi 25 register entry).
PERSONAL_RULES = frozenset({"5.ii.renseignements", "5.ii.image"})
#: Measures that withdraw something until a date.
WITHDRAWALS = frozenset({"retrait-privileges-equipement-personnel", "retrait-acces-reseau"})
NETWORK_WITHDRAWAL = "retrait-acces-reseau"
CONTENT_REMOVAL = "retrait-contenu"
RETRACTION = "retractation"
#: Measures that come with a disciplinary letter generated from a template and signed.
LETTERS = frozenset({"avertissement-ecrit", "suspension", "congediement", "mesure-administrative"})
RETENTION_YEARS = 5


def audit(obj: models.Model, actor, action: str, before: dict | None) -> None:
    """Appends the change of `obj` to the audit chain."""
    record_change(
        organization=obj.organization,
        actor=actor,
        action=action,
        obj=obj,
        before=before,
        after=snapshot(obj),
    )


class State(models.TextChoices):
    OPENED = "ouvert", _("Ouvert")
    HEARD = "entendu", _("Personne entendue")
    DECIDED = "decide", _("Décidé")
    CONTENT_REMOVED = "contenu-retire", _("Contenu retiré")
    CLOSED = "ferme", _("Fermé")


class Origin(models.TextChoices):
    MENTION = "mention", _("Mention sur le Web")
    REPORT = "signalement", _("Signalement")
    HAND = "main", _("Ouvert à la main")


class Severity(models.TextChoices):
    BLOQUANT = "bloquant", _("Bloquant")
    ATTENTION = "attention", _("Attention")


class BreachFile(OrgOwned):
    """The file of one alleged breach of the code, from its opening to its closure."""

    title = models.CharField(_("titre"), max_length=200)
    person = models.ForeignKey(
        "registers.Person",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="breach_files",
        verbose_name=_("personne concernée"),
    )
    origin = models.CharField(
        _("origine"), max_length=20, choices=Origin.choices, default=Origin.HAND
    )
    reporter = models.CharField(_("signalé par"), max_length=200, blank=True)
    source_url = models.URLField(_("adresse de la publication"), max_length=1000, blank=True)
    captured_text = models.TextField(_("texte tel que capté"), blank=True)
    mention_id = models.PositiveBigIntegerField(null=True, blank=True)
    incident_on = models.DateField(
        _("date de la publication ou de l'incident"), null=True, blank=True
    )
    learned_on = models.DateField(_("date où le CPE l'a appris"))
    suggested_findings = models.JSONField(
        default=list, blank=True
    )  # the engine's findings, as dicts
    rules = models.JSONField(_("règles en cause"), default=list, blank=True)
    rules_confirmed_at = models.DateTimeField(null=True, blank=True)
    severity = models.CharField(_("gravité"), max_length=20, choices=Severity.choices, blank=True)
    state = models.CharField(_("état"), max_length=20, choices=State.choices, default=State.OPENED)
    decision_note = models.TextField(_("motifs de la décision"), blank=True)
    decision_warning = models.CharField(max_length=300, blank=True)
    opened_at = models.DateTimeField(default=timezone.now)
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    heard_at = models.DateTimeField(null=True, blank=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-opened_at"]

    def __str__(self) -> str:
        return gettext("Dossier n° %(n)s — %(title)s") % {"n": self.pk, "title": self.title}

    @property
    def is_decided(self) -> bool:
        return self.decided_at is not None

    @property
    def is_closed(self) -> bool:
        return self.state == State.CLOSED

    @property
    def involves_personal_info(self) -> bool:
        return bool(PERSONAL_RULES & set(self.rules))

    def suggested_rules(self) -> list[str]:
        return sorted({f["rule"] for f in self.suggested_findings if f.get("rule")})

    def clean(self) -> None:
        check_dates_in_order(
            self.incident_on,
            self.learned_on,
            "incident_on",
            _("La date de l'incident ne peut pas suivre la date où le CPE l'a appris."),
        )
        if self.learned_on and self.learned_on > timezone.localdate():
            raise ValidationError(
                {"learned_on": _("La date où le CPE l'a appris ne peut pas être dans le futur.")}
            )

    @transaction.atomic
    def confirm_rules(self, rules: list[str], severity: str, *, by) -> IncidentEntry | None:
        """Confirms the rules breached; opens a register entry when personal info is involved."""
        self._refuse_if_closed()
        before = snapshot(self)
        self.rules, self.severity, self.rules_confirmed_at = (
            sorted(set(rules)),
            severity,
            timezone.now(),
        )
        self.save()
        audit(self, by, "dossier-regles-confirmees", before)
        if self.involves_personal_info:
            return IncidentEntry.open_for(self, by=by)
        return None

    @transaction.atomic
    def record_version(self, text: str, *, by) -> Statement:
        """Keeps the person's version of the facts; the file moves to « personne entendue »."""
        self._refuse_if_closed()
        statement = Statement.objects.create(file=self, author=by, text=text)
        before = snapshot(self)
        if self.state == State.OPENED:
            self.state, self.heard_at = State.HEARD, timezone.now()
            self.save()
        record_change(
            organization=self.organization,
            actor=by,
            action="dossier-version-de-la-personne",
            obj=self,
            before=before,
            after={**snapshot(self), "version": text},
        )
        return statement

    @transaction.atomic
    def decide(self, measures: list[dict], *, by, note: str = "") -> list[Measure]:
        """Records the direction's decision: the measures it chose, never one chosen by Balise.

        `measures` is a list of {"kind", "label", "until"}. Deciding before the person was heard is
        allowed; the warning is kept in the file and in the audit chain.
        """
        self._refuse_if_closed()
        if self.is_decided:
            raise ValidationError(_("Ce dossier a déjà une décision."))
        before = snapshot(self)
        if self.heard_at is None:
            self.decision_warning = gettext(
                "Décision prise sans que la personne concernée ait été entendue."
            )
        self.state, self.decided_at, self.decided_by, self.decision_note = (
            State.DECIDED,
            timezone.now(),
            by,
            note,
        )
        self.save()
        created = [
            Measure.objects.create(
                organization=self.organization,
                file=self,
                kind=m["kind"],
                label=m["label"],
                until=m.get("until"),
            )
            for m in measures
        ]
        audit(self, by, "dossier-decision", before)
        for measure in created:
            audit(measure, by, "mesure-decidee", None)
        if self.decision_warning:
            record_change(
                organization=self.organization,
                actor=by,
                action="avertissement-decision-sans-version",
                obj=self,
                after={"avertissement": self.decision_warning},
            )
        return created

    def content_removed(self, *, by) -> None:
        """Moves a decided file to « contenu retiré » once the content is gone."""
        if self.state == State.DECIDED:
            before = snapshot(self)
            self.state = State.CONTENT_REMOVED
            self.save()
            audit(self, by, "dossier-contenu-retire", before)

    @transaction.atomic
    def close(self, *, by) -> None:
        """Closes the file; refused while a decided measure is still to be carried out."""
        self._refuse_if_closed()
        if self.measures.filter(done_at__isnull=True).exists():
            raise ValidationError(
                _("Des mesures restent à effectuer : suivez-les avant de fermer le dossier.")
            )
        before = snapshot(self)
        self.state, self.closed_at = State.CLOSED, timezone.now()
        self.save()
        audit(self, by, "dossier-ferme", before)

    def _refuse_if_closed(self) -> None:
        if self.is_closed:
            raise ValidationError(_("Ce dossier est fermé : il ne peut plus être modifié."))


def check_dates_in_order(first: date | None, second: date | None, field: str, message) -> None:
    """Raises a ValidationError on `field` when `first` comes after `second`."""
    if first and second and first > second:
        raise ValidationError({field: message})


def evidence_path(instance: Evidence, filename: str) -> str:
    return f"evidence/{instance.organization.slug}/{instance.file_id}/{uuid.uuid4().hex}-{filename}"


class EvidenceKind(models.TextChoices):
    TEXT = "texte", _("Texte capté")
    SCREENSHOT = "capture", _("Capture d'écran")
    DOCUMENT = "document", _("Fichier")


class Evidence(OrgOwned):
    """One piece of evidence, kept with its SHA-256 and the time it was captured."""

    file = models.ForeignKey(BreachFile, on_delete=models.PROTECT, related_name="evidence")
    name = models.CharField(_("nom"), max_length=200)
    kind = models.CharField(_("type de preuve"), max_length=20, choices=EvidenceKind.choices)
    content = models.FileField(upload_to=evidence_path, max_length=500)
    content_type = models.CharField(max_length=100)
    size = models.PositiveBigIntegerField()
    sha256 = models.CharField(max_length=64)
    source_url = models.URLField(max_length=1000, blank=True)
    captured_at = models.DateTimeField(default=timezone.now)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        ordering = ["captured_at", "id"]

    def __str__(self) -> str:
        return self.name


class Statement(models.Model):
    """A version of the facts written by the person concerned; every version is kept."""

    file = models.ForeignKey(BreachFile, on_delete=models.PROTECT, related_name="statements")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    text = models.TextField(_("votre version des faits"))
    written_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["written_at", "id"]

    def __str__(self) -> str:
        return gettext("Version du %(d)s") % {"d": self.written_at.date().isoformat()}


class Measure(OrgOwned):
    """One measure of article 6 decided in a file, and its follow-up."""

    file = models.ForeignKey(BreachFile, on_delete=models.PROTECT, related_name="measures")
    kind = models.CharField(max_length=60)  # a measure id of the policy pack
    label = models.CharField(_("mesure"), max_length=300)
    until = models.DateField(_("jusqu'au"), null=True, blank=True)
    done_at = models.DateTimeField(null=True, blank=True)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    note = models.TextField(_("suivi"), blank=True)
    last_check_at = models.DateTimeField(null=True, blank=True)
    last_check_result = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return self.label

    @property
    def is_done(self) -> bool:
        return self.done_at is not None

    @property
    def is_withdrawal(self) -> bool:
        return self.kind in WITHDRAWALS

    @property
    def has_letter(self) -> bool:
        return self.kind in LETTERS

    @property
    def can_be_checked(self) -> bool:
        return self.kind == CONTENT_REMOVAL and bool(self.file.source_url)

    def in_force(self, at: datetime) -> bool:
        """True when a withdrawal applies at `at`: from the decision to its end date, inclusive."""
        if not self.is_withdrawal or self.until is None or self.file.decided_at is None:
            return False
        day = timezone.localtime(at).date() if timezone.is_aware(at) else at.date()
        return self.file.decided_at <= at and day <= self.until

    @transaction.atomic
    def mark_done(self, *, by, note: str = "") -> None:
        """Records that the measure was carried out (content removed, letter signed, …)."""
        if self.is_done:
            raise ValidationError(_("Cette mesure est déjà marquée comme faite."))
        before = snapshot(self)
        self.done_at, self.done_by = timezone.now(), by
        self.note = "\n".join(n for n in (self.note, note) if n)
        self.save()
        audit(self, by, "mesure-faite", before)
        if self.kind == CONTENT_REMOVAL:
            self.file.content_removed(by=by)

    @transaction.atomic
    def record_check(self, removed: bool, result: str, *, by) -> None:
        """Keeps the result of re-fetching the URL; a removed content marks the measure done."""
        before = snapshot(self)
        self.last_check_at, self.last_check_result = timezone.now(), result[:300]
        self.save()
        audit(self, by, "mesure-verification", before)
        if removed and not self.is_done:
            self.mark_done(by=by, note=result)


class HarmRisk(models.TextChoices):
    TO_ASSESS = "a-evaluer", _("À évaluer")
    SERIOUS = "serieux", _("Risque de préjudice sérieux")
    NOT_SERIOUS = "non-serieux", _("Pas de risque de préjudice sérieux")


class RetentionError(Exception):
    """An entry of the register cannot be deleted before the end of its retention period."""


class IncidentQuerySet(models.QuerySet):
    def delete(self):
        for entry in self:
            entry.check_deletable()
        return super().delete()


class IncidentEntry(OrgOwned):
    """An entry of the register of confidentiality incidents (Loi 25, art. 3.8)."""

    file = models.OneToOneField(
        BreachFile, on_delete=models.PROTECT, null=True, blank=True, related_name="incident"
    )
    opened_automatically = models.BooleanField(default=False)
    info_description = models.TextField(_("renseignements personnels visés"), blank=True)
    circumstances = models.TextField(_("circonstances de l'incident"), blank=True)
    incident_start = models.DateField(
        _("date de l'incident (ou début de la période)"), null=True, blank=True
    )
    incident_end = models.DateField(_("fin de la période de l'incident"), null=True, blank=True)
    learned_on = models.DateField(_("date où le CPE en a pris connaissance"))
    persons_count = models.PositiveIntegerField(
        _("nombre de personnes concernées"), null=True, blank=True
    )
    count_is_estimate = models.BooleanField(_("ce nombre est une estimation"), default=False)
    risk_sensitivity = models.TextField(_("sensibilité des renseignements"), blank=True)
    risk_consequences = models.TextField(_("conséquences appréhendées"), blank=True)
    risk_likelihood = models.TextField(
        _("probabilité d'utilisation à des fins préjudiciables"), blank=True
    )
    risk = models.CharField(
        _("évaluation du risque de préjudice sérieux"),
        max_length=20,
        choices=HarmRisk.choices,
        default=HarmRisk.TO_ASSESS,
    )
    commission_notified_on = models.DateField(
        _("avis à la Commission d'accès à l'information le"), null=True, blank=True
    )
    persons_notified_on = models.DateField(
        _("avis aux personnes concernées le"), null=True, blank=True
    )
    mitigation = models.TextField(_("mesures prises pour diminuer le risque"), blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    objects = IncidentQuerySet.as_manager()

    class Meta:
        ordering = ["-learned_on", "-id"]
        verbose_name = _("incident de confidentialité")

    def __str__(self) -> str:
        return gettext("Incident n° %(n)s") % {"n": self.pk}

    @property
    def retention_until(self) -> date:
        """The first day the entry may be deleted: five years after the CPE learned of it."""
        learned = self.learned_on
        try:
            return learned.replace(year=learned.year + RETENTION_YEARS)
        except ValueError:  # 29 February
            return learned.replace(year=learned.year + RETENTION_YEARS, day=28) + timedelta(days=1)

    @property
    def period_label(self) -> str:
        if self.incident_start and self.incident_end and self.incident_end != self.incident_start:
            return gettext("du %(a)s au %(b)s") % {"a": self.incident_start, "b": self.incident_end}
        return str(self.incident_start or "")

    def clean(self) -> None:
        check_dates_in_order(
            self.incident_start,
            self.incident_end,
            "incident_end",
            _("La fin de la période ne peut pas précéder le début de l'incident."),
        )
        check_dates_in_order(
            self.incident_start,
            self.learned_on,
            "learned_on",
            _("Le CPE ne peut pas avoir appris l'incident avant qu'il ait eu lieu."),
        )
        for field in ("commission_notified_on", "persons_notified_on"):
            check_dates_in_order(
                self.learned_on,
                getattr(self, field),
                field,
                _("Un avis ne peut pas précéder la date où le CPE a appris l'incident."),
            )

    @classmethod
    def open_for(cls, file: BreachFile, *, by, automatically: bool = True) -> IncidentEntry:
        """Returns the file's register entry, opening it pre-filled from the file if needed."""
        existing = cls.objects.filter(file=file).first()
        if existing:
            return existing
        entry = cls.objects.create(
            organization=file.organization,
            file=file,
            opened_automatically=automatically,
            info_description=describe_findings(file),
            circumstances=describe_circumstances(file),
            incident_start=file.incident_on,
            learned_on=file.learned_on,
        )
        record_change(
            organization=entry.organization,
            actor=by,
            action="registre-entree-ouverte",
            obj=entry,
            after=snapshot(entry),
        )
        return entry

    def update(self, *, by, **fields) -> None:
        """Changes the entry's fields and records the change."""
        before = snapshot(self)
        for name, value in fields.items():
            setattr(self, name, value)
        self.full_clean(exclude=["organization", "file"])
        self.save()
        audit(self, by, "registre-entree-modifiee", before)

    def check_deletable(self, today: date | None = None) -> None:
        today = today or timezone.localdate()
        if today < self.retention_until:
            raise RetentionError(
                gettext(
                    "Cette entrée doit être conservée jusqu'au %(d)s (cinq ans après la prise de connaissance)."
                )
                % {"d": self.retention_until.isoformat()}
            )

    @transaction.atomic
    def delete(self, *args, by=None, **kwargs):
        self.check_deletable()
        record_change(
            organization=self.organization,
            actor=by,
            action="registre-entree-supprimee",
            obj=self,
            before=snapshot(self),
        )
        return super().delete(*args, **kwargs)


def describe_findings(file: BreachFile) -> str:
    """A first description of the personal information involved, from the engine's evidence."""
    spans = sorted(
        {
            e["text"]
            for f in file.suggested_findings
            if f.get("rule") in PERSONAL_RULES
            for e in f.get("evidence", [])
            if e.get("text")
        }
    )
    base = gettext("Renseignements personnels publiés (règle 5.ii du code de conduite)")
    return f"{base} : {', '.join(spans)}" if spans else base


def describe_circumstances(file: BreachFile) -> str:
    where = file.source_url or gettext("lieu non précisé")
    return gettext(
        "Publication sur les médias sociaux (%(where)s), portée à la connaissance du CPE par : "
        "%(origin)s."
    ) % {"where": where, "origin": file.reporter or file.get_origin_display()}
