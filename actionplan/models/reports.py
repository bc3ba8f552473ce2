from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.audit import AuditContextMixin, AuditedManager, audited


class ReportStatus(models.TextChoices):
    QUEUED = "queued", _("En file d'attente")
    RENDERING = "rendering", _("En cours de production")
    READY = "ready", _("Prêt")
    FAILED = "failed", _("Échec")


class ReportKind(models.TextChoices):
    QUARTERLY = "quarterly", _("Trimestriel (automatique)")
    ON_DEMAND = "on_demand", _("À la demande")


@audited(exclude=["progress", "progress_step", "snapshot", "lease_until"])
class Report(AuditContextMixin, models.Model):
    """A steering report: the frozen snapshot of a period and the files rendered from it."""

    kind = models.CharField(
        _("type"), max_length=12, choices=ReportKind, default=ReportKind.QUARTERLY
    )
    period_start = models.DateField(_("début de la période"))
    period_end = models.DateField(_("fin de la période"))
    version = models.PositiveSmallIntegerField(_("version"), default=1)
    status = models.CharField(
        _("statut"), max_length=10, choices=ReportStatus, default=ReportStatus.QUEUED
    )
    snapshot = models.JSONField(_("instantané figé"), null=True, blank=True)
    snapshot_taken_at = models.DateTimeField(_("instantané pris le"), null=True, blank=True)
    pdf = models.FileField(_("PDF"), upload_to="reports/%Y/", blank=True)
    pdf_size = models.PositiveIntegerField(_("taille du PDF (octets)"), null=True, blank=True)
    pdf_sha256 = models.CharField(_("empreinte SHA-256 du PDF"), max_length=64, blank=True)
    page_count = models.PositiveSmallIntegerField(_("nombre de pages"), null=True, blank=True)
    xlsx = models.FileField(_("classeur XLSX"), upload_to="reports/%Y/", blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("demandé par"),
    )
    requested_at = models.DateTimeField(_("demandé le"), auto_now_add=True)
    started_at = models.DateTimeField(_("commencé le"), null=True, blank=True)
    finished_at = models.DateTimeField(_("terminé le"), null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(_("essais"), default=0)
    failure_reason = models.TextField(_("motif de l'échec"), blank=True)
    progress = models.PositiveSmallIntegerField(_("avancement (%)"), default=0)
    progress_step = models.CharField(_("étape"), max_length=120, blank=True)
    notified_at = models.DateTimeField(_("comité prévenu le"), null=True, blank=True)
    # The open data of the snapshot, written with the PDF: the files a publication serves at
    # its stable address, never rewritten once published.
    dataset_csv = models.FileField(
        _("données ouvertes (CSV)"), upload_to="opendata/%Y/", blank=True
    )
    dataset_json = models.FileField(
        _("données ouvertes (JSON)"), upload_to="opendata/%Y/", blank=True
    )
    dataset_rows = models.PositiveIntegerField(
        _("lignes des données ouvertes"), null=True, blank=True
    )
    # Publication (``actionplan.services.report_publish``): public pages read published
    # snapshots only. A correction is a later version of the same quarter that says what it
    # corrects; the corrected version stays published at its own address.
    committee_seen_on = models.DateField(
        _("vu par le comité de pilotage le"), null=True, blank=True
    )
    published_at = models.DateTimeField(_("publié le"), null=True, blank=True, db_index=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("publié par"),
    )
    corrects = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="corrections",
        verbose_name=_("corrige la version"),
    )
    correction_note = models.TextField(_("ce que corrige cette version"), blank=True)
    # Until when the current render (or the task on its way) holds the report; see
    # actionplan.services.reports.RENDER_LEASE.
    lease_until = models.DateTimeField(null=True, blank=True, db_index=True)

    objects = AuditedManager()

    class Meta:
        verbose_name = _("rapport de pilotage")
        verbose_name_plural = _("rapports de pilotage")
        ordering = ["-period_end", "-version"]
        constraints = [
            models.UniqueConstraint(
                fields=["period_start", "period_end", "version"], name="report_once_per_version"
            ),
            models.CheckConstraint(
                condition=models.Q(period_end__gte=models.F("period_start")),
                name="report_period_order",
            ),
            models.CheckConstraint(
                condition=models.Q(published_at__isnull=True)
                | models.Q(committee_seen_on__isnull=False, published_by__isnull=False),
                name="report_published_with_who_and_committee",
            ),
        ]

    def __str__(self):
        return f"{self.period_start} – {self.period_end} v{self.version}"

    @property
    def is_published(self):
        return self.published_at is not None
