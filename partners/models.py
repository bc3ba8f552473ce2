"""The register of partnerships: conventions, their actions and followed projects, meetings
checked against the convention's obligations, and events."""

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.utils.translation import gettext_lazy as _

from accounts.models import Organisation
from core.audit import AuditContextMixin, AuditedManager, audited
from core.models import SourcedModel


@audited()
class Person(SourcedModel):
    """Someone named in a convention or met at a meeting: a representative, a signatory…"""

    full_name = models.CharField(_("nom"), max_length=150)
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="people",
        verbose_name=_("organisation"),
    )
    position = models.CharField(_("fonction"), max_length=200, blank=True)
    email = models.EmailField(_("adresse e-mail"), blank=True)

    objects = AuditedManager()

    class Meta:
        verbose_name = _("personne")
        verbose_name_plural = _("personnes")
        ordering = ["full_name"]
        constraints = [
            models.UniqueConstraint(
                fields=["full_name", "organisation"], name="person_once_per_organisation"
            )
        ]

    def __str__(self):
        return f"{self.full_name} ({self.organisation})"


@audited()
class Convention(AuditContextMixin, SourcedModel):
    """A partnership convention, with the deliberation that authorised it. Its obligations
    (committees, club, hub, end) are computed from the notification date
    (see partners/obligations.py), which the text leaves blank until an officer enters it."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    title = models.CharField(_("intitulé"), max_length=300)
    deliberation_body = models.CharField(_("organe délibérant"), max_length=200)
    deliberation_date = models.DateField(_("date de la délibération"))
    deliberation_number = models.CharField(
        _("numéro de la délibération"), max_length=40, blank=True
    )
    deliberation_subject = models.TextField(_("objet de la délibération"))
    received_at_prefecture = models.DateField(
        _("reçue en sous-préfecture le"), null=True, blank=True
    )
    published_on = models.DateField(_("publiée le"), null=True, blank=True)
    notification_date = models.DateField(
        _("date de notification"),
        null=True,
        blank=True,
        help_text=_("Laissée en blanc par le texte : l'échéancier en dépend."),
    )
    duration_months = models.PositiveSmallIntegerField(_("durée (mois)"))
    duration_wording = models.TextField(_("durée, selon le texte"))
    financial_commitment = models.BooleanField(_("engagement financier"), default=False)
    financial_wording = models.TextField(_("engagement financier, selon le texte"), blank=True)
    amendment_wording = models.TextField(_("modification, selon le texte"), blank=True)
    appeal_wording = models.TextField(_("recours, selon le texte"), blank=True)
    governance_wording = models.TextField(_("gouvernance, selon le texte"), blank=True)

    statements = GenericRelation("core.SourceStatement")
    objects = AuditedManager()

    @property
    def executory_date(self):
        """A local authority's deliberation is executory once both received by the State's
        representative and published (CGCT, art. L. 2131-1): the later of the two dates, or
        the deliberation's own date while they are unknown."""
        known = [d for d in (self.received_at_prefecture, self.published_on) if d is not None]
        return max(known) if known else self.deliberation_date

    class Meta:
        verbose_name = _("convention")
        verbose_name_plural = _("conventions")
        ordering = ["-deliberation_date"]

    def __str__(self):
        return self.title

    @property
    def end_date(self):
        """The day after the last day of the convention, or None while not notified."""
        if self.notification_date is None:
            return None
        return self.notification_date + relativedelta(months=self.duration_months)


class PartyRole(models.TextChoices):
    SIGNATORY = "signatory", _("Partie signataire")
    FINANCER = "financer", _("Financeur")
    OBSERVER = "observer", _("Observateur")


@audited()
class ConventionParty(SourcedModel):
    convention = models.ForeignKey(Convention, on_delete=models.CASCADE, related_name="parties")
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="convention_parties"
    )
    role = models.CharField(
        _("rôle"), max_length=20, choices=PartyRole, default=PartyRole.SIGNATORY
    )
    address = models.CharField(_("adresse"), max_length=300, blank=True)
    representative = models.ForeignKey(
        Person,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("représentée par"),
    )
    signatory = models.ForeignKey(
        Person,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("signataire"),
    )

    objects = AuditedManager()

    class Meta:
        verbose_name = _("partie")
        verbose_name_plural = _("parties")
        constraints = [
            models.UniqueConstraint(
                fields=["convention", "organisation"], name="party_once_per_convention"
            )
        ]

    def __str__(self):
        return f"{self.organisation} — {self.convention}"


@audited()
class ConventionAction(SourcedModel):
    convention = models.ForeignKey(Convention, on_delete=models.CASCADE, related_name="actions")
    number = models.PositiveSmallIntegerField(_("numéro"))
    title = models.TextField(_("intitulé"))
    annex_wording = models.TextField(_("annexe, selon le texte"), blank=True)

    statements = GenericRelation("core.SourceStatement")
    objects = AuditedManager()

    class Meta:
        verbose_name = _("action de la convention")
        verbose_name_plural = _("actions de la convention")
        ordering = ["convention", "number"]
        constraints = [models.UniqueConstraint(fields=["convention", "number"], name="action_once")]

    def __str__(self):
        return _("Action n° %(number)s") % {"number": self.number}


class Domain(models.TextChoices):
    """TEAM2's strategic domains of activity (DAS) as the convention's annex lists them."""

    METALS = "metaux", _("DAS Métaux")
    ORGANICS = "organiques", _("DAS Organiques")
    MINERALS = "mineraux", _("DAS Minéraux")
    EQUIPMENT = "equipementiers", _("DAS Equipementiers")


@audited()
class Theme(SourcedModel):
    action = models.ForeignKey(ConventionAction, on_delete=models.CASCADE, related_name="themes")
    domain = models.CharField(_("domaine"), max_length=20, choices=Domain, blank=True)
    label = models.TextField(_("thème"))
    position = models.PositiveSmallIntegerField(default=0)

    objects = AuditedManager()

    class Meta:
        verbose_name = _("thème")
        verbose_name_plural = _("thèmes")
        ordering = ["action", "domain", "position"]

    def __str__(self):
        return self.label[:80]


class ProjectStatus(models.TextChoices):
    IDENTIFIED = "identified", _("Identifié")
    SUPPORTED = "supported", _("Accompagné")
    FUNDING_SOUGHT = "funding_sought", _("Financement demandé")
    UNDER_WAY = "under_way", _("En cours de réalisation")
    COMPLETED = "completed", _("Abouti")
    STOPPED = "stopped", _("Arrêté")


@audited()
class FollowedProject(AuditContextMixin, SourcedModel):
    action = models.ForeignKey(ConventionAction, on_delete=models.CASCADE, related_name="projects")
    domain = models.CharField(_("domaine"), max_length=20, choices=Domain, blank=True)
    name = models.CharField(_("projet"), max_length=255)
    holder = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="followed_projects",
        verbose_name=_("porteur"),
    )
    status = models.CharField(
        _("statut"), max_length=20, choices=ProjectStatus, default=ProjectStatus.IDENTIFIED
    )
    next_step = models.TextField(_("prochaine étape"), blank=True)
    updated_at = models.DateTimeField(_("mis à jour le"), auto_now=True)

    objects = AuditedManager()

    class Meta:
        verbose_name = _("projet suivi")
        verbose_name_plural = _("projets suivis")
        ordering = ["action", "domain", "name"]
        constraints = [
            models.UniqueConstraint(fields=["action", "name"], name="project_once_per_action")
        ]

    def __str__(self):
        return self.name


class ProjectUpdate(models.Model):
    """One step in a followed project's history: its status then, and what happened."""

    project = models.ForeignKey(FollowedProject, on_delete=models.CASCADE, related_name="updates")
    date = models.DateField(_("date"))
    status = models.CharField(_("statut"), max_length=20, choices=ProjectStatus)
    note = models.TextField(_("ce qui s'est passé"))
    next_step = models.TextField(_("prochaine étape"), blank=True)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("avancement d'un projet")
        verbose_name_plural = _("avancements des projets")
        ordering = ["-date", "-pk"]
        indexes = [models.Index(fields=["date"])]

    def __str__(self):
        return f"{self.project} {self.date}"


class DeliverableStatus(models.TextChoices):
    TO_DO = "to_do", _("À faire")
    IN_PROGRESS = "in_progress", _("En cours")
    DELIVERED = "delivered", _("Livré")


@audited()
class Deliverable(SourcedModel):
    """What the innovation hub's 18 months of incubation must produce."""

    action = models.ForeignKey(
        ConventionAction, on_delete=models.CASCADE, related_name="deliverables"
    )
    title = models.CharField(_("livrable"), max_length=255)
    position = models.PositiveSmallIntegerField(default=0)
    status = models.CharField(
        _("statut"), max_length=20, choices=DeliverableStatus, default=DeliverableStatus.TO_DO
    )
    delivered_on = models.DateField(_("livré le"), null=True, blank=True)
    evidence = models.FileField(_("preuve"), upload_to="partners/deliverables/%Y/", blank=True)
    evidence_note = models.TextField(_("preuve (description)"), blank=True)

    objects = AuditedManager()

    class Meta:
        verbose_name = _("livrable")
        verbose_name_plural = _("livrables")
        ordering = ["action", "position"]

    def __str__(self):
        return self.title


class MeetingKind(models.TextChoices):
    FOLLOW_UP_COMMITTEE = "committee", _("Comité de suivi")
    CLUB = "club", _("Club territorial")
    WORKSHOP = "workshop", _("Atelier")
    VISIT = "visit", _("Visite")
    WEBINAR = "webinar", _("Webinaire")


@audited()
class Meeting(models.Model):
    convention = models.ForeignKey(Convention, on_delete=models.PROTECT, related_name="meetings")
    kind = models.CharField(_("type de réunion"), max_length=20, choices=MeetingKind)
    date = models.DateField(_("date"))
    place = models.CharField(_("lieu"), max_length=255)
    attendees = models.ManyToManyField(
        Person, related_name="meetings", blank=True, verbose_name=_("participants")
    )
    organisations = models.ManyToManyField(
        Organisation, related_name="meetings", blank=True, verbose_name=_("organisations présentes")
    )
    minutes = models.FileField(_("compte rendu"), upload_to="partners/minutes/%Y/", blank=True)
    minutes_date = models.DateField(_("compte rendu daté du"), null=True, blank=True)
    decisions = models.TextField(_("décisions"), blank=True)
    follow_up_actions = models.TextField(_("actions à mener"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = AuditedManager()

    class Meta:
        verbose_name = _("réunion")
        verbose_name_plural = _("réunions")
        ordering = ["-date", "-pk"]
        indexes = [models.Index(fields=["convention", "kind", "date"])]

    def __str__(self):
        return f"{self.get_kind_display()} {self.date:%d/%m/%Y}"


class ObligationNotice(models.Model):
    """An e-mail about an obligation (due soon, missed) went to the officers: unique, so that
    the periodic job never sends the same notice twice."""

    class Event(models.TextChoices):
        DUE_SOON = "due_soon", _("échéance proche")
        MISSED = "missed", _("manquée")

    convention = models.ForeignKey(Convention, on_delete=models.CASCADE, related_name="notices")
    obligation = models.CharField(max_length=80)
    event = models.CharField(max_length=10, choices=Event)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["convention", "obligation", "event"], name="obligation_notice_once"
            )
        ]

    def __str__(self):
        return f"{self.obligation} {self.event}"


@audited()
class Event(SourcedModel):
    """An event of a partner project (RAW4RES…): who organised it, with whom, on what."""

    title = models.CharField(_("événement"), max_length=300)
    project = models.CharField(_("projet"), max_length=120, blank=True)
    starts_on = models.DateField(_("début"))
    ends_on = models.DateField(_("fin"))
    place = models.CharField(_("lieu"), max_length=255)
    themes = models.TextField(_("thèmes"), blank=True)
    participant_count = models.PositiveIntegerField(_("participants"), null=True, blank=True)

    statements = GenericRelation("core.SourceStatement")
    objects = AuditedManager()

    class Meta:
        verbose_name = _("événement")
        verbose_name_plural = _("événements")
        ordering = ["-starts_on"]

    def __str__(self):
        return self.title


class EventRole(models.TextChoices):
    ORGANISER = "organiser", _("Organisateur")
    CO_ORGANISER = "co_organiser", _("Co-organisateur")
    PARTNER = "partner", _("Partenaire")
    PARTICIPANT = "participant", _("Participant")
    VISITED = "visited", _("Entreprise visitée")


@audited()
class EventOrganisation(SourcedModel):
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="involved")
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="event_roles"
    )
    role = models.CharField(_("rôle"), max_length=20, choices=EventRole)

    objects = AuditedManager()

    class Meta:
        verbose_name = _("organisation d'un événement")
        verbose_name_plural = _("organisations des événements")
        constraints = [
            models.UniqueConstraint(
                fields=["event", "organisation", "role"], name="event_role_once"
            )
        ]

    def __str__(self):
        return f"{self.organisation} — {self.get_role_display()}"
