from datetime import timedelta
from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.identifiers import clean_identifier_field
from accounts.models import Organisation
from ami.models.calls import Criterion, Phase
from core.audit import AuditContextMixin, AuditedManager, audited
from core.territories import Departement


class DossierStatus(models.TextChoices):
    DRAFT = "draft", _("Brouillon (non déposé)")
    SUBMITTED = "submitted", _("Déposé")
    UNDER_REVIEW = "under_review", _("En instruction")
    RETURNED = "returned", _("Renvoyé pour complément")
    RETAINED = "retained", _("Retenu")
    NOT_RETAINED = "not_retained", _("Non retenu")
    REDIRECTED = "redirected", _("Orienté vers un dispositif de financement")
    WITHDRAWN = "withdrawn", _("Retiré par le porteur")


class FundingScheme(models.TextChoices):
    FRATRI = "fratri", _("FRATRI")
    INNOVATION = "innovation", _("Aides à l'innovation")
    BUSINESS = "business", _("Aides aux entreprises")
    FEDER = "feder", _("FEDER")
    FTJ = "ftj", _("Fonds de Transition Juste")


SECTIONS = [
    ("synthetic_presentation", _("Présentation synthétique")),
    ("partnerships", _("Partenariats")),
    ("issues_addressed", _("Problématiques traitées")),
    ("steps", _("Description des étapes")),
    ("expected_follow_up", _("Suites attendues")),
    ("impacts", _("Impacts")),
    ("financial_elements", _("Premiers éléments financiers")),
]


@audited(exclude=["last_saved_at"])
class Dossier(AuditContextMixin, models.Model):
    reference = models.CharField(_("référence"), max_length=40, unique=True)
    phase = models.ForeignKey(
        Phase, on_delete=models.PROTECT, related_name="dossiers", verbose_name=_("phase")
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="dossiers",
        verbose_name=_("organisation porteuse"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    title = models.CharField(_("titre du projet"), max_length=255)
    territory = models.CharField(
        _("département principal"), max_length=2, choices=Departement, blank=True
    )
    synthetic_presentation = models.TextField(_("Présentation synthétique"), blank=True)
    partnerships = models.TextField(_("Partenariats"), blank=True)
    issues_addressed = models.TextField(_("Problématiques traitées"), blank=True)
    steps = models.TextField(_("Description des étapes"), blank=True)
    expected_follow_up = models.TextField(_("Suites attendues"), blank=True)
    impacts = models.TextField(_("Impacts"), blank=True)
    financial_elements = models.TextField(_("Premiers éléments financiers"), blank=True)
    status = models.CharField(
        _("statut"), max_length=20, choices=DossierStatus, default=DossierStatus.DRAFT
    )
    redirected_to = models.CharField(
        _("orienté vers"), max_length=20, choices=FundingScheme, blank=True
    )
    instructor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="instructed_dossiers",
        verbose_name=_("agent instructeur"),
    )
    extended_until = models.DateTimeField(_("délai individuel jusqu'au"), null=True, blank=True)
    decided_at = models.DateTimeField(_("décision le"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="decided_dossiers",
        verbose_name=_("décision prise par"),
    )
    decision_reason = models.TextField(_("motif de la décision"), blank=True)
    # What the officer asked when returning the dossier for complement, shown to the holder on
    # every page of the dossier while it is with them.
    complement_request = models.TextField(_("complément demandé"), blank=True)
    complement_requested_at = models.DateTimeField(
        _("complément demandé le"), null=True, blank=True
    )
    decision_letter = models.FileField(_("lettre de décision"), upload_to="letters/%Y/", blank=True)
    submitted_at = models.DateTimeField(_("déposé le"), null=True, blank=True)
    # The instruction clock (``ami.clock``): it starts at the first submission, pauses while
    # the dossier is with its holder for a complement and stops at the decision.
    clock_started_at = models.DateTimeField(_("instruction commencée le"), null=True, blank=True)
    clock_paused_since = models.DateTimeField(_("chez le porteur depuis"), null=True, blank=True)
    clock_paused_total = models.DurationField(
        _("temps passé chez le porteur"), default=timedelta(0)
    )
    clock_stopped_at = models.DateTimeField(_("instruction close le"), null=True, blank=True)
    # The last thing the holder did that an officer should see (a message, a submission): the
    # officers' « nouveautés » compare it with when each of them last opened the dossier.
    holder_activity_at = models.DateTimeField(
        _("dernière action du porteur"), null=True, blank=True, editable=False
    )
    # The mean of the completed, conflict-free evaluations' weighted scores, out of 5; kept
    # by ``evaluation_save`` so that the ranking is an indexed read, not an aggregate.
    consolidated_score = models.DecimalField(
        _("note consolidée"), max_digits=5, decimal_places=3, null=True, blank=True, editable=False
    )
    created_at = models.DateTimeField(auto_now_add=True)
    last_saved_at = models.DateTimeField(_("dernier enregistrement"), auto_now=True)
    is_demo = models.BooleanField(_("donnée de démonstration"), default=False)

    objects = AuditedManager()

    class Meta:
        verbose_name = _("dossier")
        verbose_name_plural = _("dossiers")
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["phase", "status"]),
            models.Index(fields=["organisation", "status"]),
            # The officers' list: newest submissions first, often filtered by status.
            models.Index(fields=["-submitted_at", "-id"], name="dossier_submitted_recent"),
            models.Index(fields=["status", "-submitted_at"], name="dossier_status_recent"),
            # /api/dossiers/ pages through the newest first.
            models.Index(fields=["-created_at", "-id"], name="dossier_created_recent"),
            models.Index(
                fields=["phase", "-consolidated_score", "reference"], name="dossier_phase_ranking"
            ),
        ]

    def __str__(self):
        return f"{self.reference} {self.title}"

    @property
    def is_draft(self):
        return self.status == DossierStatus.DRAFT

    def deadline(self):
        """The instant before which this dossier may be submitted: the phase's closing, or the
        dossier's own extension when it is later (a phase extended since can only help)."""
        moments = [m for m in (self.extended_until, self.phase.closes_at) if m is not None]
        return max(moments) if moments else None

    def instruction_days(self, now=None):
        from ami.clock import instruction_days

        return instruction_days(
            started_at=self.clock_started_at or self.submitted_at,
            stopped_at=self.clock_stopped_at,
            paused_since=self.clock_paused_since,
            paused_total=self.clock_paused_total,
            now=now or timezone.now(),
        )

    def totals(self):
        lines = list(self.financing_lines.all())
        expenses = sum(
            (line.amount for line in lines if line.kind == FinancingLine.Kind.EXPENSE), Decimal(0)
        )
        resources = sum(
            (line.amount for line in lines if line.kind == FinancingLine.Kind.RESOURCE), Decimal(0)
        )
        return {"expenses": expenses, "resources": resources, "balance": resources - expenses}


@audited()
class ConsortiumPartner(models.Model):
    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="partners")
    name = models.CharField(_("organisation partenaire"), max_length=255)
    identifier = models.CharField(_("SIRET, SIREN ou RNA"), max_length=14, blank=True)
    role = models.CharField(_("rôle dans le projet"), max_length=255)
    share = models.DecimalField(
        _("part (%)"),
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal(0)), MaxValueValidator(Decimal(100))],
    )

    objects = AuditedManager()

    class Meta:
        verbose_name = _("partenaire du consortium")
        verbose_name_plural = _("partenaires du consortium")
        ordering = ["pk"]

    def __str__(self):
        return self.name

    def clean(self):
        clean_identifier_field(self)


@audited()
class FinancingLine(models.Model):
    class Kind(models.TextChoices):
        EXPENSE = "expense", _("Dépense")
        RESOURCE = "resource", _("Ressource")

    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="financing_lines")
    kind = models.CharField(_("nature"), max_length=10, choices=Kind)
    label = models.CharField(_("poste"), max_length=255)
    amount = models.DecimalField(
        _("montant (€)"),
        max_digits=14,
        decimal_places=2,
        validators=[MinValueValidator(Decimal(0))],
    )

    objects = AuditedManager()

    class Meta:
        verbose_name = _("ligne du plan de financement")
        verbose_name_plural = _("lignes du plan de financement")
        ordering = ["kind", "pk"]

    def __str__(self):
        return f"{self.label}: {self.amount}"


class DossierVersion(models.Model):
    """A frozen copy of what was submitted, with its hash: the receipt's proof. Never changed."""

    dossier = models.ForeignKey(Dossier, on_delete=models.PROTECT, related_name="versions")
    number = models.PositiveSmallIntegerField()
    content = models.JSONField()
    content_sha256 = models.CharField(max_length=64)
    submitted_at = models.DateTimeField()
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    receipt_pdf = models.FileField(upload_to="receipts/%Y/", blank=True)

    class Meta:
        ordering = ["dossier", "number"]
        constraints = [models.UniqueConstraint(fields=["dossier", "number"], name="version_once")]

    def __str__(self):
        return f"{self.dossier.reference} v{self.number}"


class ScanStatus(models.TextChoices):
    NOT_SCANNED = "not_scanned", _("Non analysé (antivirus non configuré)")
    PENDING = "pending", _("Analyse antivirus en cours")
    CLEAN = "clean", _("Sain")
    INFECTED = "infected", _("Infecté : bloqué")


@audited()
class ExpertRequest(models.Model):
    """An officer asks a named outside reviewer for an opinion on a dossier, by a date."""

    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="expert_requests")
    expert = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="expert_requests",
        verbose_name=_("expert"),
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    question = models.TextField(_("question posée"))
    due_on = models.DateField(_("avis attendu pour le"))
    requested_at = models.DateTimeField(auto_now_add=True)
    answer = models.TextField(_("avis"), blank=True)
    answered_at = models.DateTimeField(_("avis rendu le"), null=True, blank=True)

    objects = AuditedManager()

    class Meta:
        verbose_name = _("demande d'avis")
        verbose_name_plural = _("demandes d'avis")
        ordering = ["requested_at", "pk"]
        indexes = [models.Index(fields=["expert", "answered_at"])]

    def __str__(self):
        return f"{self.dossier_id} → {self.expert_id}"


class DossierSeen(models.Model):
    """When an officer last opened a dossier: what the holder did since is « nouveau » to them."""

    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="seen_by")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    seen_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["dossier", "user"], name="dossier_seen_once_per_user")
        ]

    def __str__(self):
        return f"{self.dossier_id} {self.user_id} {self.seen_at:%Y-%m-%d}"


@audited()
class DossierNote(models.Model):
    """An officer's private note on a dossier: never shown to its holder, kept in the trail."""

    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    body = models.TextField(_("note"))
    created_at = models.DateTimeField(auto_now_add=True)

    objects = AuditedManager()

    class Meta:
        verbose_name = _("note interne")
        verbose_name_plural = _("notes internes")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.dossier_id} {self.created_at:%Y-%m-%d}"


class DossierMessage(models.Model):
    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="messages")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    body = models.TextField(_("message"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at"]

    def __str__(self):
        return f"{self.dossier.reference} {self.created_at:%Y-%m-%d}"


class AttachmentQuerySet(models.QuerySet):
    def current(self):
        """The dossier's own pieces as they stand (not message attachments, not removed ones)."""
        return self.filter(message__isnull=True, removed_at__isnull=True)


class Attachment(models.Model):
    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="attachments")
    message = models.ForeignKey(
        DossierMessage, null=True, blank=True, on_delete=models.CASCADE, related_name="attachments"
    )
    file = models.FileField(upload_to="attachments/%Y/%m/")
    original_name = models.CharField(_("nom du fichier"), max_length=255)
    size = models.PositiveIntegerField(_("taille (octets)"))
    kind = models.CharField(_("type"), max_length=20)
    description = models.CharField(_("description"), max_length=255, blank=True)
    scan_status = models.CharField(
        max_length=12, choices=ScanStatus, default=ScanStatus.NOT_SCANNED
    )
    scan_attempts = models.PositiveSmallIntegerField(default=0)
    scanned_at = models.DateTimeField(null=True, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)
    # Removed from the draft by its holder; the file is kept while a submitted version lists it.
    removed_at = models.DateTimeField(null=True, blank=True)

    objects = AttachmentQuerySet.as_manager()

    class Meta:
        ordering = ["uploaded_at"]

    def __str__(self):
        return self.original_name

    @property
    def downloadable(self):
        """Scanned clean; or, where unscanned files are allowed (the embedded default, or an
        operator's explicit waiver that ``check --deploy`` reports), not scanned at all."""
        if self.scan_status == ScanStatus.CLEAN:
            return True
        return self.scan_status == ScanStatus.NOT_SCANNED and settings.SERVE_UNSCANNED_FILES


@audited()
class Evaluation(models.Model):
    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="evaluations")
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="evaluations"
    )
    conflict_of_interest = models.BooleanField(_("conflit d'intérêts déclaré"), default=False)
    conflict_details = models.TextField(_("nature du conflit"), blank=True)
    comment = models.TextField(_("avis général"), blank=True)
    completed = models.BooleanField(_("évaluation terminée"), default=False)
    # The weighted mean of this reviewer's scores (out of 5), kept with the grid when it is
    # completed, so that rankings are computed by the database.
    weighted_score = models.DecimalField(max_digits=5, decimal_places=3, null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = AuditedManager()

    class Meta:
        verbose_name = _("évaluation")
        verbose_name_plural = _("évaluations")
        constraints = [
            models.UniqueConstraint(
                fields=["dossier", "reviewer"], name="one_evaluation_per_reviewer"
            )
        ]

    def __str__(self):
        return f"{self.dossier.reference} / {self.reviewer}"


@audited()
class Score(models.Model):
    evaluation = models.ForeignKey(Evaluation, on_delete=models.CASCADE, related_name="scores")
    criterion = models.ForeignKey(Criterion, on_delete=models.PROTECT, related_name="+")
    score = models.PositiveSmallIntegerField(_("note (0 à 5)"), validators=[MaxValueValidator(5)])
    comment = models.TextField(_("commentaire"), blank=True)

    objects = AuditedManager()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["evaluation", "criterion"], name="one_score_per_criterion"
            )
        ]

    def __str__(self):
        return f"{self.criterion}: {self.score}"


class DraftReminder(models.Model):
    """A reminder sent to the holders of an unsubmitted draft; unique so it goes once."""

    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="draft_reminders")
    days_before = models.PositiveSmallIntegerField()
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["dossier", "days_before"], name="draft_reminder_once")
        ]

    def __str__(self):
        return f"{self.dossier_id} J-{self.days_before}"
