from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.audit import AuditedManager, audited


class SourcedModel(models.Model):
    """Reference data keeps the document it comes from and its exact wording."""

    source_document = models.CharField(_("document source"), max_length=200, blank=True)
    source_wording = models.TextField(_("formulation de la source"), blank=True)
    is_demo = models.BooleanField(
        _("donnée de démonstration"),
        default=False,
        help_text=_("Créée pour la démonstration locale ; jamais en production."),
    )

    class Meta:
        abstract = True


@audited()
class DataFlag(models.Model):
    """An inconsistency or a gap found in a source document, for an officer to confirm."""

    class Status(models.TextChoices):
        OPEN = "open", _("À confirmer")
        CONFIRMED = "confirmed", _("Confirmé")
        DISMISSED = "dismissed", _("Écarté")

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    subject = GenericForeignKey("content_type", "object_id")
    # The subject as it read when flagged: the list shows it without fetching every subject.
    subject_label = models.CharField(_("objet"), max_length=255, blank=True)
    code = models.SlugField(_("code"), max_length=80)
    message = models.TextField(_("constat"))
    evidence = models.JSONField(
        _("valeurs et provenance"),
        default=list,
        blank=True,
        help_text=_("Chaque valeur en présence, avec le document et le passage d'où elle vient."),
    )
    status = models.CharField(_("statut"), max_length=20, choices=Status, default=Status.OPEN)
    resolution = models.TextField(_("décision"), blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    resolved_at = models.DateTimeField(_("décidé le"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = AuditedManager()

    class Meta:
        verbose_name = _("point à confirmer")
        verbose_name_plural = _("points à confirmer")
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "code"], name="flag_once_per_subject"
            )
        ]
        indexes = [models.Index(fields=["content_type", "object_id"])]
        ordering = ["status", "-created_at"]

    def __str__(self):
        return self.message[:80]


def _section_choices():
    from core.statements import section_choices

    return section_choices()


class SourceStatement(SourcedModel):
    """A passage of a source document kept on the record it is about (see ``core.statements``).

    The passage is its ``source_wording``, word for word; ``label`` is the portal's short
    heading for it where the passage needs one (« Engagement 1 », « Pilote du plan »)."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    subject = GenericForeignKey("content_type", "object_id")
    key = models.SlugField(_("clé"), max_length=80)
    section = models.CharField(_("rubrique"), max_length=40, choices=_section_choices)
    label = models.CharField(_("intitulé"), max_length=200, blank=True)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("passage des sources")
        verbose_name_plural = _("passages des sources")
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "key"], name="statement_once_per_subject"
            )
        ]
        indexes = [models.Index(fields=["content_type", "object_id"])]
        ordering = ["section", "position", "key"]

    def __str__(self):
        return self.label or self.source_wording[:80]


class WorkerHeartbeat(models.Model):
    """Last time a Celery worker answered; read by the health endpoint."""

    name = models.CharField(max_length=50, unique=True)
    requested_at = models.DateTimeField(null=True)
    answered_at = models.DateTimeField(null=True)
    answered_by = models.CharField(max_length=200, blank=True)

    def __str__(self):
        return self.name


class OutboxMessage(models.Model):
    """Follow-up work written in the same transaction as the change that needs it (a receipt
    e-mail after a submission...), drained by a periodic job: a broker outage delays it, never loses it."""

    kind = models.CharField(max_length=80)
    payload = models.JSONField(default=dict)
    created_at = models.DateTimeField(auto_now_add=True)
    available_at = models.DateTimeField(db_index=True)
    sent_at = models.DateTimeField(null=True, blank=True, db_index=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.TextField(blank=True)

    class Meta:
        ordering = ["available_at", "pk"]

    def __str__(self):
        return f"{self.kind} #{self.pk}"


class ImportState(models.TextChoices):
    """The states of every tabular import (core/imports.py), whichever app's batch it is."""

    QUEUED = "queued", _("Analyse en attente")
    PARSING = "parsing", _("Analyse en cours")
    PREVIEW = "preview", _("À confirmer")
    REJECTED = "rejected", _("Refusé")
    IMPORTING = "importing", _("Import en cours")
    IMPORTED = "imported", _("Importé")


class ExportStatus(models.TextChoices):
    QUEUED = "queued", _("en attente")
    RUNNING = "running", _("en préparation")
    READY = "ready", _("prêt")
    FAILED = "failed", _("échec")


class ExportFormat(models.TextChoices):
    CSV = "csv", "CSV"
    XLSX = "xlsx", "XLSX"


class ExportFile(models.Model):
    """A large export produced by a worker into a stored file that only its owner may download
    (and only while they still may read what it contains)."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="exports"
    )
    source = models.CharField(_("contenu"), max_length=80)
    params = models.JSONField(default=dict, blank=True)
    file_format = models.CharField(_("format"), max_length=4, choices=ExportFormat)
    status = models.CharField(
        _("état"), max_length=10, choices=ExportStatus, default=ExportStatus.QUEUED
    )
    filename = models.CharField(_("nom du fichier"), max_length=200)
    file = models.FileField(upload_to="exports/%Y/%m/", blank=True)
    row_count = models.PositiveIntegerField(_("lignes"), null=True, blank=True)
    failure_reason = models.TextField(blank=True)
    requested_at = models.DateTimeField(_("demandé le"), auto_now_add=True)
    finished_at = models.DateTimeField(_("terminé le"), null=True, blank=True)
    # A worker's claim; past it, the export is taken up again (worker killed, task lost).
    lease_until = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["-requested_at", "-pk"]
        indexes = [models.Index(fields=["owner", "-requested_at"], name="export_owner_recent")]
        verbose_name = _("export")

    def __str__(self):
        return self.filename


class DatasetVersion(models.Model):
    """The version of a dataset whose counts and rankings the cache keeps (core.versioned_cache).

    Kept in the database, not in the cache, so that it moves in the same transaction as the
    change itself: a write never depends on Redis, and once Redis is back no figure is read
    under a version older than the last committed change."""

    name = models.CharField(max_length=80, primary_key=True)
    version = models.BigIntegerField()

    def __str__(self):
        return f"{self.name}@{self.version}"


class RetentionNotice(models.Model):
    """A holder was told that something of theirs will be deleted at the end of its retention
    period (core/retention.py): once, and the deletion waits for the notice's delay."""

    rule = models.CharField(max_length=80)
    object_id = models.CharField(max_length=64)
    warned_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["rule", "object_id"], name="retention_notice_once")
        ]

    def __str__(self):
        return f"{self.rule} #{self.object_id}"
