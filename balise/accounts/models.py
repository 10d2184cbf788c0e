"""People, organizations (CPE) and the role each person holds in one."""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def hash_token(token: str) -> str:
    """Returns the SHA-256 of a token: only hashes of one-time links are stored."""
    return hashlib.sha256(token.encode()).hexdigest()


class UserManager(BaseUserManager):
    use_in_migrations = True

    def create_user(self, email: str, password: str | None = None, **extra) -> User:
        email = self.normalize_email(email).lower()
        user = self.model(email=email, **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email: str, password: str | None = None, **extra) -> User:
        extra.update(is_staff=True, is_superuser=True)
        return self.create_user(email, password, **extra)


class User(AbstractUser):
    """A person who signs in with an e-mail address."""

    username = None
    email = models.EmailField(_("courriel"), unique=True)
    full_name = models.CharField(_("nom complet"), max_length=200, blank=True)

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []
    objects = UserManager()

    def __str__(self) -> str:
        return self.full_name or self.email


class Organization(models.Model):
    """A CPE. Every record that belongs to a CPE points here."""

    name = models.CharField(_("nom"), max_length=200)
    slug = models.SlugField(unique=True)
    city = models.CharField(_("ville"), max_length=120, blank=True)
    website = models.URLField(_("site Web"), blank=True)
    aliases = models.JSONField(_("autres noms"), default=list, blank=True)
    trademarks = models.JSONField(_("marques de commerce"), default=list, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    #: Set to a new random value whenever what the engine knows of the CPE changes (people,
    #: roster, roles), so that each server process can keep the CPE's profile and rebuild it only
    #: then. Random rather than counted: a database restored from a backup (or a test rolled
    #: back) never brings back a value that a running process has seen with other contents.
    profile_version = models.BigIntegerField(default=0, editable=False)

    class Meta:
        verbose_name = _("organisation")

    def __str__(self) -> str:
        return self.name

    @staticmethod
    def profile_changed(organization_id: int | None) -> None:
        """Marks the CPE's profile (names, roster, staff) as changed, in the database."""
        if organization_id is not None:
            Organization.objects.filter(pk=organization_id).update(
                profile_version=secrets.randbits(62)
            )

    @property
    def director_general(self) -> Membership | None:
        return self.memberships.filter(is_director_general=True, is_active=True).first()


class Role(models.TextChoices):
    DIRECTION = "direction", _("Direction")
    EMPLOYE = "employe", _("Personnel")
    INFORMATIQUE = "informatique", _("Informatique")


class Membership(models.Model):
    """The one role a person holds in one organization."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(_("rôle"), max_length=20, choices=Role.choices)
    is_director_general = models.BooleanField(_("directrice générale"), default=False)
    is_active = models.BooleanField(default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "organization"], name="one_role_per_org")
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.organization} · {self.get_role_display()}"


class OrgOwned(models.Model):
    """Base for every record that belongs to a CPE."""

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="+")

    class Meta:
        abstract = True


class SetupToken(models.Model):
    """The one-time link that lets the first person create the first organization."""

    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    used_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"Lien d'installation du {self.created_at:%Y-%m-%d}"

    @classmethod
    def issue(cls) -> str:
        """Returns a new token; only its hash is stored."""
        token = secrets.token_urlsafe(32)
        cls.objects.create(token_hash=hash_token(token))
        return token

    @classmethod
    def find_usable(cls, token: str) -> SetupToken | None:
        return cls.objects.filter(token_hash=hash_token(token), used_at__isnull=True).first()

    def consume(self) -> bool:
        """Marks the token used; False when another request used it first."""
        return bool(
            SetupToken.objects.filter(pk=self.pk, used_at__isnull=True).update(
                used_at=timezone.now()
            )
        )


class Invitation(OrgOwned):
    """An e-mailed link that lets a person join an organization with a role."""

    email = models.EmailField(_("courriel"))
    full_name = models.CharField(_("nom complet"), max_length=200, blank=True)
    role = models.CharField(_("rôle"), max_length=20, choices=Role.choices)
    token_hash = models.CharField(max_length=64, unique=True)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    accepted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"Invitation de {self.email}"

    @classmethod
    def issue(
        cls, *, organization: Organization, email: str, role: str, invited_by, full_name: str = ""
    ) -> tuple[Invitation, str]:
        """Creates an invitation and returns it with its clear token (sent once, by e-mail)."""
        token = secrets.token_urlsafe(32)
        invitation = cls.objects.create(
            organization=organization,
            email=email.lower(),
            full_name=full_name,
            role=role,
            token_hash=hash_token(token),
            invited_by=invited_by,
            expires_at=timezone.now() + timedelta(days=settings.INVITATION_DAYS),
        )
        return invitation, token

    @classmethod
    def find(cls, token: str) -> Invitation | None:
        return (
            cls.objects.filter(token_hash=hash_token(token)).select_related("organization").first()
        )

    @property
    def is_expired(self) -> bool:
        return timezone.now() >= self.expires_at

    @transaction.atomic
    def accept(self, *, password: str, full_name: str) -> User:
        """Creates (or reuses) the person's account and gives them the invited role."""
        user = User.objects.filter(email__iexact=self.email).first()
        if user is None:
            user = User.objects.create_user(self.email, password, full_name=full_name)
        Membership.objects.update_or_create(
            user=user,
            organization=self.organization,
            defaults={"role": self.role, "is_active": True},
        )
        Invitation.objects.filter(pk=self.pk).update(accepted_at=timezone.now())
        return user
