"""The registers of the direction: the people the code covers (article 2), and more."""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from balise.accounts.models import OrgOwned


class Category(models.TextChoices):
    FULL_TIME = "temps-plein", _("Employé·e à temps plein")
    PART_TIME = "temps-partiel", _("Employé·e à temps partiel")
    OCCASIONAL = "occasionnel", _("Employé·e occasionnel·le")
    TEMPORARY = "temporaire", _("Employé·e temporaire")
    CONSULTANT = "consultant", _("Consultant·e")
    FREELANCER = "travailleur-autonome", _("Travailleur·euse autonome")
    SUBCONTRACTOR = "sous-traitant", _("Sous-traitant")


SERVICE_BOUND = {Category.CONSULTANT, Category.FREELANCER, Category.SUBCONTRACTOR, Category.TEMPORARY}


class Person(OrgOwned):
    """A person the code covers (article 2), with or without a Balise account."""

    full_name = models.CharField(_("nom complet"), max_length=200)
    email = models.EmailField(_("courriel"))
    category = models.CharField(_("catégorie"), max_length=30, choices=Category.choices)
    job_title = models.CharField(_("fonction"), max_length=120, blank=True)
    service_start = models.DateField(_("début du service"))
    service_end = models.DateField(_("fin du service"), null=True, blank=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="covered_as")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["full_name"]
        constraints = [
            models.UniqueConstraint(fields=["organization", "email"], name="one_person_per_email"),
            models.CheckConstraint(
                condition=models.Q(service_end__isnull=True) | models.Q(service_end__gte=models.F("service_start")),
                name="service_end_after_start",
            ),
        ]

    def __str__(self) -> str:
        return self.full_name

    def is_covered_on(self, day: date) -> bool:
        """True when the code applies to the person on that day (article 2: during the service)."""
        return self.service_start <= day and (self.service_end is None or day <= self.service_end)
