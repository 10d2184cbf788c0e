"""The registers of the direction: the people the code covers (article 2), and more."""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from balise.accounts.models import OrgOwned
from balise.registers.crypto import EncryptedTextField, decrypt_bytes, encrypt_bytes, name_hash


class Category(models.TextChoices):
    FULL_TIME = "temps-plein", _("Employé·e à temps plein")
    PART_TIME = "temps-partiel", _("Employé·e à temps partiel")
    OCCASIONAL = "occasionnel", _("Employé·e occasionnel·le")
    TEMPORARY = "temporaire", _("Employé·e temporaire")
    CONSULTANT = "consultant", _("Consultant·e")
    FREELANCER = "travailleur-autonome", _("Travailleur·euse autonome")
    SUBCONTRACTOR = "sous-traitant", _("Sous-traitant")


SERVICE_BOUND = {
    Category.CONSULTANT,
    Category.FREELANCER,
    Category.SUBCONTRACTOR,
    Category.TEMPORARY,
}


class Person(OrgOwned):
    """A person the code covers (article 2), with or without a Balise account."""

    full_name = models.CharField(_("nom complet"), max_length=200)
    email = models.EmailField(_("courriel"))
    category = models.CharField(_("catégorie"), max_length=30, choices=Category.choices)
    job_title = models.CharField(_("fonction"), max_length=120, blank=True)
    service_start = models.DateField(_("début du service"))
    service_end = models.DateField(_("fin du service"), null=True, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="covered_as",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["full_name"]
        constraints = [
            models.UniqueConstraint(fields=["organization", "email"], name="one_person_per_email"),
            models.CheckConstraint(
                condition=models.Q(service_end__isnull=True)
                | models.Q(service_end__gte=models.F("service_start")),
                name="service_end_after_start",
            ),
        ]

    def __str__(self) -> str:
        return self.full_name

    def is_covered_on(self, day: date) -> bool:
        """True when the code applies to the person on that day (article 2: during the service)."""
        return self.service_start <= day and (self.service_end is None or day <= self.service_end)

    @classmethod
    def for_user(cls, organization, user) -> Person | None:
        """Returns the person record of a signed-in user, linking it by e-mail the first time."""
        if user is None or not getattr(user, "pk", None):
            return None
        person = cls.objects.filter(organization=organization, user=user).first()
        if person is None:
            person = cls.objects.filter(
                organization=organization, email__iexact=user.email, user__isnull=True
            ).first()
            if person is not None:
                cls.objects.filter(pk=person.pk).update(user=user)
                person.user = user
        return person

    @property
    def is_service_bound(self) -> bool:
        """Consultants, freelancers, sub-contractors and temporary staff: covered during service only."""
        return self.category in SERVICE_BOUND


# --- The code's versions: acknowledgements -------------------------------------------------


class Acknowledgement(OrgOwned):
    """A person read and acknowledged one version of the code, from somewhere, at some time."""

    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="acknowledgements")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    version = models.ForeignKey(
        "policy.CodeVersion", on_delete=models.PROTECT, related_name="acknowledgements"
    )
    text_hash = models.CharField(_("empreinte du texte"), max_length=64)
    acknowledged_at = models.DateTimeField(_("date"))
    ip_address = models.GenericIPAddressField(_("adresse IP"), null=True, blank=True)
    user_agent = models.CharField(_("navigateur"), max_length=300, blank=True)

    class Meta:
        ordering = ["-acknowledged_at"]
        constraints = [
            models.UniqueConstraint(fields=["person", "version"], name="one_ack_per_version")
        ]

    def __str__(self) -> str:
        return f"{self.person} · version {self.version.number}"

    def signature(self) -> str:
        """Returns the attestation's verification code: an HMAC of what the person signed."""
        import hashlib
        import hmac

        message = f"{self.pk}|{self.person.email}|{self.version_id}|{self.text_hash}|{self.acknowledged_at.isoformat()}"
        return hmac.new(settings.SECRET_KEY.encode(), message.encode(), hashlib.sha256).hexdigest()[
            :32
        ]


class ReminderLog(OrgOwned):
    """A reminder to acknowledge the code, sent by the direction or by the weekly task."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="reminders")
    version = models.ForeignKey("policy.CodeVersion", on_delete=models.CASCADE, related_name="+")
    sent_at = models.DateTimeField(auto_now_add=True)
    automatic = models.BooleanField(default=False)

    class Meta:
        ordering = ["-sent_at"]


# --- Authorizations (articles 5 iv and 5 v) -------------------------------------------------


class AuthorizationKind(models.TextChoices):
    SPOKESPERSON = "porte-parole", _("Parler au nom du CPE")
    LOGO = "logo", _("Utiliser le logo ou la marque")
    PAGE = "page", _("Créer une page, un groupe ou un compte au nom du CPE")


class AuthorizationStatus(models.TextChoices):
    REQUESTED = "demandee", _("Demandée")
    GRANTED = "accordee", _("Accordée")
    REFUSED = "refusee", _("Refusée")
    REVOKED = "retiree", _("Retirée")


class Authorization(OrgOwned):
    """A request to act for the CPE, and the direction's decision on it."""

    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="authorizations")
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    kind = models.CharField(_("type"), max_length=20, choices=AuthorizationKind.choices)
    subject = models.CharField(_("sujet, usage ou nom de la page"), max_length=200)
    channel = models.CharField(_("réseau ou canal"), max_length=120, blank=True)
    reason = models.TextField(_("pourquoi"), blank=True)
    status = models.CharField(
        max_length=20, choices=AuthorizationStatus.choices, default=AuthorizationStatus.REQUESTED
    )
    conditions = models.TextField(_("conditions"), blank=True)
    ends_on = models.DateField(_("fin de l'autorisation"), null=True, blank=True)
    decision_note = models.TextField(_("motif"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    requested_at = models.DateTimeField(auto_now_add=True)
    seen_by_person_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-requested_at"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} — {self.subject}"

    @property
    def needs_director_general(self) -> bool:
        """Article 5 v): a page in the CPE's name is the director general's decision."""
        return self.kind == AuthorizationKind.PAGE

    def is_current_on(self, day: date) -> bool:
        return self.status == AuthorizationStatus.GRANTED and (
            self.ends_on is None or day <= self.ends_on
        )

    @property
    def purpose(self) -> str:
        """The purpose the engine reads: "porte-parole", "logo" or "page:<name>"."""
        return f"page:{self.subject}" if self.kind == AuthorizationKind.PAGE else self.kind

    def grant(self, *, by, conditions: str = "", ends_on: date | None = None) -> None:
        self._decide(AuthorizationStatus.GRANTED, by=by, conditions=conditions, ends_on=ends_on)

    def refuse(self, *, by, note: str = "") -> None:
        self._decide(AuthorizationStatus.REFUSED, by=by, note=note)

    def _decide(
        self, status: str, *, by, conditions: str = "", ends_on=None, note: str = ""
    ) -> None:
        from django.utils import timezone

        self.status, self.conditions, self.ends_on, self.decision_note = (
            status,
            conditions,
            ends_on,
            note,
        )
        self.decided_by, self.decided_at, self.seen_by_person_at = by, timezone.now(), None
        self.save()


# --- The roster and photo consents (article 5 ii) -------------------------------------------


class RosterKind(models.TextChoices):
    CHILD = "enfant", _("Enfant")
    PARENT = "parent", _("Parent ou tuteur")
    STAFF = "personnel", _("Membre du personnel")
    ADULT = "adulte", _("Autre adulte")


class RosterEntry(OrgOwned):
    """A child, parent or adult whose personal information the CPE protects. Names are encrypted."""

    kind = models.CharField(_("type"), max_length=20, choices=RosterKind.choices)
    name = EncryptedTextField(_("nom complet"))
    name_hash = models.CharField(max_length=64, db_index=True, editable=False)
    email = EncryptedTextField(_("courriel"), blank=True)
    group = models.CharField(_("groupe"), max_length=80, blank=True)
    role = models.CharField(_("fonction"), max_length=120, blank=True)
    child = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="guardians",
        verbose_name=_("enfant"),
    )
    person = models.ForeignKey(
        Person, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    is_active = models.BooleanField(_("actif"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["kind", "id"]

    SENSITIVE = ("name", "email")

    def __str__(self) -> str:
        # Never the name: this string goes to the audit trail and to logs.
        return f"{self.get_kind_display()} n° {self.pk}"

    @property
    def is_adult(self) -> bool:
        return self.kind != RosterKind.CHILD

    def save(self, *args, **kwargs):
        self.name_hash = name_hash(self.name)
        super().save(*args, **kwargs)

    def consents_in_force(self, day: date):
        return [c for c in self.consents.all() if c.is_in_force_on(day)]


class ConsentScope(models.TextChoices):
    OFFICIAL_PAGE = "page-officielle", _("La page officielle du CPE seulement")
    INTERNAL = "interne", _("Usage interne seulement")
    ANY = "toute-utilisation", _("Toute utilisation")


class ConsentMethod(models.TextChoices):
    PAPER = "papier", _("Formulaire signé sur papier")
    LINK = "lien", _("Par lien envoyé par courriel")


class Consent(OrgOwned):
    """Consent to publish the image of a roster person, within a scope, for a time."""

    subject = models.ForeignKey(RosterEntry, on_delete=models.PROTECT, related_name="consents")
    scope = models.CharField(_("portée"), max_length=30, choices=ConsentScope.choices)
    given_by = EncryptedTextField(_("donné par"))
    method = models.CharField(
        _("forme"), max_length=20, choices=ConsentMethod.choices, default=ConsentMethod.PAPER
    )
    given_on = models.DateField(_("donné le"))
    valid_from = models.DateField(_("à partir du"))
    valid_until = models.DateField(_("jusqu'au"), null=True, blank=True)
    signed_copy = models.BinaryField(null=True, blank=True, editable=False)  # encrypted bytes
    signed_copy_name = models.CharField(max_length=200, blank=True)
    signed_copy_type = models.CharField(max_length=100, blank=True)
    withdrawn_at = models.DateTimeField(_("retiré le"), null=True, blank=True)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(valid_until__isnull=True)
                | models.Q(valid_until__gte=models.F("valid_from")),
                name="consent_until_after_from",
            ),
        ]

    SENSITIVE = ("given_by", "signed_copy")

    def __str__(self) -> str:
        return f"Consentement n° {self.pk} ({self.get_scope_display()})"

    def is_in_force_on(self, day: date) -> bool:
        return (
            self.withdrawn_at is None
            and self.valid_from <= day
            and (self.valid_until is None or day <= self.valid_until)
        )

    def withdraw(self, *, by) -> None:
        from django.utils import timezone

        self.withdrawn_at, self.withdrawn_by = timezone.now(), by
        self.save(update_fields=["withdrawn_at", "withdrawn_by"])

    def attach_signed_copy(self, *, name: str, content_type: str, data: bytes) -> None:
        self.signed_copy = encrypt_bytes(data)
        self.signed_copy_name, self.signed_copy_type = name[:200], content_type[:100]
        self.save(update_fields=["signed_copy", "signed_copy_name", "signed_copy_type"])

    def signed_copy_bytes(self) -> bytes | None:
        return decrypt_bytes(self.signed_copy) if self.signed_copy else None


class ConsentRequest(OrgOwned):
    """A link e-mailed to a parent so they give consent themselves; only its hash is stored."""

    subject = models.ForeignKey(
        RosterEntry, on_delete=models.CASCADE, related_name="consent_requests"
    )
    guardian = models.ForeignKey(RosterEntry, on_delete=models.CASCADE, related_name="+")
    token_hash = models.CharField(max_length=64, unique=True)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)
    consent = models.ForeignKey(
        Consent, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    def __str__(self) -> str:
        return f"Demande de consentement n° {self.pk}"

    @classmethod
    def issue(
        cls, *, subject: RosterEntry, guardian: RosterEntry, by, days: int = 30
    ) -> tuple[ConsentRequest, str]:
        import secrets
        from datetime import timedelta

        from django.utils import timezone

        from balise.accounts.models import hash_token

        token = secrets.token_urlsafe(32)
        request = cls.objects.create(
            organization=subject.organization,
            subject=subject,
            guardian=guardian,
            token_hash=hash_token(token),
            sent_by=by,
            expires_at=timezone.now() + timedelta(days=days),
        )
        return request, token

    @classmethod
    def find(cls, token: str) -> ConsentRequest | None:
        from balise.accounts.models import hash_token

        return (
            cls.objects.filter(token_hash=hash_token(token))
            .select_related("subject", "guardian", "organization")
            .first()
        )

    @property
    def is_usable(self) -> bool:
        from django.utils import timezone

        return self.used_at is None and timezone.now() < self.expires_at


# --- Questions to the direction (articles 4 and 6) ------------------------------------------


class QuestionStatus(models.TextChoices):
    OPEN = "ouverte", _("En attente de réponse")
    ANSWERED = "repondue", _("Répondue")


class Question(OrgOwned):
    """A private thread between one person and the direction."""

    asked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    subject = models.CharField(_("sujet"), max_length=200)
    draft = models.TextField(_("brouillon joint"), blank=True)
    status = models.CharField(
        max_length=20, choices=QuestionStatus.choices, default=QuestionStatus.OPEN
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    seen_by_asker_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-updated_at"]

    def __str__(self) -> str:
        return self.subject

    def visible_to(self, user, membership) -> bool:
        return self.asked_by_id == user.pk or (
            membership is not None and membership.role == "direction"
        )

    def add_message(self, *, author, body: str, from_direction: bool) -> QuestionMessage:
        message = self.messages.create(author=author, body=body, from_direction=from_direction)
        self.status = QuestionStatus.ANSWERED if from_direction else QuestionStatus.OPEN
        self.seen_by_asker_at = None if from_direction else self.seen_by_asker_at
        self.save(update_fields=["status", "seen_by_asker_at", "updated_at"])
        return message


class QuestionMessage(models.Model):
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="messages")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    body = models.TextField(_("message"))
    from_direction = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at"]

    def __str__(self) -> str:
        return f"Message n° {self.pk}"


class FaqEntry(OrgOwned):
    """An anonymous question and answer that every covered person can read."""

    question = models.TextField(_("question"))
    answer = models.TextField(_("réponse"))
    source = models.ForeignKey(
        Question, on_delete=models.SET_NULL, null=True, blank=True, related_name="faq_entries"
    )
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    published_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-published_at"]

    def __str__(self) -> str:
        return self.question[:80]
