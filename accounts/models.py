from django.contrib.auth.base_user import AbstractBaseUser, BaseUserManager
from django.contrib.auth.models import PermissionsMixin
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.identifiers import clean_identifier_field
from core.audit import AuditedManager, AuditedQuerySet, audited
from core.models import SourcedModel


class Role(models.TextChoices):
    ADMINISTRATOR = "administrator", _("Administrateur")
    OFFICER = "officer", _("Chargé de mission régional")
    COMMITTEE = "committee", _("Membre du comité de pilotage")
    PARTNER = "partner", _("Contributeur partenaire")
    HOLDER = "holder", _("Porteur de projet")
    # An outside reviewer an officer asks for an opinion: reads only the dossiers it was asked
    # about, until it answers.
    EXPERT = "expert", _("Expert extérieur")


class UserManager(BaseUserManager.from_queryset(AuditedQuerySet)):
    """``createsuperuser`` and the like go through the one user-creation service."""

    use_in_migrations = True

    def create_user(self, email, password=None, **fields):
        from accounts.services import user_create

        return user_create(actor=None, email=email, password=password, **fields)

    def create_superuser(self, email, password=None, **fields):
        fields["role"] = Role.ADMINISTRATOR
        return self.create_user(email, password, **fields)


@audited(exclude=["password", "last_login"])
class User(AbstractBaseUser, PermissionsMixin):
    """A person who signs in with an e-mail address; one role decides what they may use."""

    email = models.EmailField(_("adresse e-mail"), unique=True)
    full_name = models.CharField(_("nom complet"), max_length=150)
    # What an officer's signature says under their name on the letters they sign.
    job_title = models.CharField(_("fonction"), max_length=200, blank=True)
    role = models.CharField(_("rôle"), max_length=20, choices=Role, default=Role.HOLDER)
    is_active = models.BooleanField(_("actif"), default=True)
    is_staff = models.BooleanField(_("accès à l'administration technique"), default=False)
    is_demo = models.BooleanField(_("compte de démonstration"), default=False)
    date_joined = models.DateTimeField(_("inscrit le"), default=timezone.now)
    # Set when the person proved the address: a link opened from it (choosing a password or
    # confirming a sign-up). A holder submits dossiers only from a confirmed address.
    email_verified_at = models.DateTimeField(_("adresse confirmée le"), null=True, blank=True)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["full_name"]

    class Meta:
        verbose_name = _("utilisateur")
        verbose_name_plural = _("utilisateurs")
        ordering = ["full_name", "email"]

    def __str__(self):
        return self.full_name or self.email

    def get_full_name(self):
        return self.full_name

    def get_short_name(self):
        return self.full_name.split(" ")[0] if self.full_name else self.email


class OrganisationType(models.TextChoices):
    """Types of holder as the calls list them, plus the public bodies of the governance."""

    COMPANY = "company", _("Entreprise")
    SOCIAL_ECONOMY = "social_economy", _("Acteur de l'économie sociale et solidaire")
    ECO_ORGANISATION = "eco_organisation", _("Éco-organisme")
    LOCAL_AUTHORITY = "local_authority", _("Collectivité locale ou groupement")
    WASTE_SYNDICATE = "waste_syndicate", _("Syndicat de gestion des déchets")
    SOCIAL_LANDLORD = "social_landlord", _("Bailleur social")
    OPERATOR = "operator", _("Opérateur d'accompagnement")
    ASSOCIATION = "association", _("Association")
    RESEARCH_BODY = "research_body", _("Organisme de recherche")
    STATE_AGENCY = "state_agency", _("Établissement public de l'État")


@audited()
class Organisation(SourcedModel):
    name = models.CharField(_("raison sociale"), max_length=255)
    short_name = models.CharField(_("sigle"), max_length=50, blank=True)
    legal_form = models.CharField(_("forme juridique"), max_length=120, blank=True)
    kind = models.CharField(_("type de structure"), max_length=30, choices=OrganisationType)
    identifier = models.CharField(
        _("SIRET, SIREN ou RNA"),
        max_length=14,
        blank=True,
        help_text=_("SIREN : 9 chiffres ; SIRET : 14 chiffres ; RNA : W suivi de 9 chiffres."),
    )
    city = models.CharField(_("commune"), max_length=120, blank=True)
    website = models.URLField(_("site internet"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = AuditedManager()

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["identifier"],
                condition=~models.Q(identifier=""),
                name="organisation_identifier_unique",
            ),
            models.UniqueConstraint(fields=["name"], name="organisation_name_unique"),
        ]

    def __str__(self):
        return self.short_name or self.name

    def clean(self):
        clean_identifier_field(self)


@audited()
class Membership(models.Model):
    """A user works for an organisation; holders see only their organisations' dossiers."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="memberships")
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="memberships"
    )
    position = models.CharField(_("fonction"), max_length=150, blank=True)
    is_manager = models.BooleanField(
        _("gestionnaire du compte de l'organisation"),
        default=False,
        help_text=_("Peut inviter des collègues de la même organisation."),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = AuditedManager()

    class Meta:
        verbose_name = _("rattachement")
        verbose_name_plural = _("rattachements")
        constraints = [
            models.UniqueConstraint(fields=["user", "organisation"], name="membership_once")
        ]

    def __str__(self):
        return f"{self.user} — {self.organisation}"


@audited()
class Invitation(models.Model):
    """A holder's manager invited a colleague; accepted when the colleague chooses a password."""

    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="invitations",
        verbose_name=_("organisation"),
    )
    email = models.EmailField(_("adresse e-mail invitée"))
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="invitations")
    invited_by = models.ForeignKey(
        User, on_delete=models.PROTECT, related_name="+", verbose_name=_("invité par")
    )
    created_at = models.DateTimeField(_("invité le"), auto_now_add=True)
    accepted_at = models.DateTimeField(_("accepté le"), null=True, blank=True)

    objects = AuditedManager()

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.email} → {self.organisation}"
