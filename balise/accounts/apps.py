from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "balise.accounts"
    label = "accounts"
    verbose_name = "Comptes et organisations"

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save

        from balise.accounts.models import Membership, User

        # Roles, the director general and people's names are part of the CPE's engine profile.
        post_save.connect(_membership_changed, sender=Membership, dispatch_uid="profile-membership")
        post_delete.connect(
            _membership_changed, sender=Membership, dispatch_uid="profile-membership-del"
        )
        post_save.connect(_user_changed, sender=User, dispatch_uid="profile-user")


def _membership_changed(sender, instance, **kwargs) -> None:
    from balise.accounts.models import Organization

    Organization.profile_changed(instance.organization_id)


def _user_changed(sender, instance, created=False, **kwargs) -> None:
    from balise.accounts.models import Organization

    if created:
        return  # no membership yet
    for org_id in instance.memberships.values_list("organization_id", flat=True):
        Organization.profile_changed(org_id)
