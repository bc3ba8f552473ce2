from decimal import Decimal

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.audit import AuditContextMixin, AuditedManager, AuditedQuerySet, audited
from core.models import ImportState, SourcedModel
from core.territories import Departement


class Lifecycle(models.TextChoices):
    UPSTREAM = "AMONT", _("Amont")
    USE = "USAGE", _("Usage")
    DOWNSTREAM = "AVAL", _("Aval")


@audited()
class Axis(SourcedModel):
    code = models.CharField(_("code"), max_length=10, unique=True)
    title = models.CharField(_("intitulé"), max_length=255)
    position = models.PositiveSmallIntegerField(default=0)

    objects = AuditedManager()

    class Meta:
        verbose_name = _("axe")
        verbose_name_plural = _("axes")
        ordering = ["position"]

    def __str__(self):
        return f"{self.code}. {self.title}"


@audited()
class Action(SourcedModel):
    axis = models.ForeignKey(Axis, on_delete=models.PROTECT, related_name="actions")
    code = models.CharField(_("code"), max_length=10, unique=True)
    title = models.TextField(_("intitulé"))
    theme = models.CharField(_("thématique"), max_length=120)
    proposition = models.PositiveSmallIntegerField(
        _("proposition d'origine"),
        null=True,
        blank=True,
        help_text=_("Propositions 1 à 7 du second volet."),
    )
    lifecycle = models.JSONField(_("cycle de vie"), default=list, blank=True)
    examples = models.TextField(_("exemples d'actions"), blank=True)
    position = models.PositiveSmallIntegerField(default=0)
    # The « fiche action » the plan's annex announces for every action (« présentant les
    # enjeux, les partenaires mobilisés (internes et externes), les objectifs et les moyens »),
    # written by the action's project group: the plan itself gives none, officers enter it.
    project_group = models.TextField(_("groupe projet"), blank=True)
    sheet_stakes = models.TextField(_("enjeux"), blank=True)
    sheet_partners = models.TextField(_("partenaires mobilisés (internes et externes)"), blank=True)
    sheet_objectives = models.TextField(_("objectifs"), blank=True)
    sheet_means = models.TextField(_("moyens"), blank=True)
    sheet_updated_at = models.DateTimeField(_("fiche mise à jour le"), null=True, blank=True)

    statements = GenericRelation("core.SourceStatement")
    objects = AuditedManager()

    class Meta:
        verbose_name = _("action")
        verbose_name_plural = _("actions")
        ordering = ["position"]

    def __str__(self):
        return f"{self.code} {self.theme}"

    def clean(self):
        unknown = set(self.lifecycle) - set(Lifecycle.values)
        if unknown:
            raise ValidationError(
                {"lifecycle": _("Étiquettes inconnues : %(tags)s") % {"tags": ", ".join(unknown)}}
            )


class TargetKind(models.TextChoices):
    INCREASE = "increase", _("Augmentation depuis une valeur de référence")
    COUNT = "count", _("Nombre à atteindre")
    RANGE = "range", _("Fourchette")
    PERCENTAGE = "percentage", _("Pourcentage à une échéance")
    MONEY_AND_COUNT = "money_count", _("Montant et nombre de projets")
    MONEY = "money", _("Montant")
    AREA = "area", _("Surface")
    MILESTONE = "milestone", _("Jalon daté")
    QUALITATIVE = "qualitative", _("Qualitatif")
    TO_BE_DEFINED = "tbd", _("À définir")


class Direction(models.TextChoices):
    UP = "up", _("À la hausse")
    DOWN = "down", _("À la baisse")


class Frequency(models.TextChoices):
    MONTHLY = "monthly", _("Mensuelle")
    QUARTERLY = "quarterly", _("Trimestrielle")
    YEARLY = "yearly", _("Annuelle")


class Status(models.TextChoices):
    ACHIEVED = "achieved", _("Atteint")
    # A dated milestone reached after its date: done, and the committee is told it was late.
    ACHIEVED_LATE = "achieved_late", _("Atteint en retard")
    ON_TRACK = "on_track", _("En bonne voie")
    AT_RISK = "at_risk", _("À surveiller")
    LATE = "late", _("En retard")
    NO_DATA = "no_data", _("Pas encore de donnée")
    TO_BE_DEFINED = "tbd", _("Objectif à définir")


@audited(
    exclude=[
        "trend",
        "status_computed_at",
        "current_progress",
        "current_stale",
        "current_exceeded",
        "forecast",
    ]
)
class Indicator(SourcedModel):
    action = models.ForeignKey(Action, on_delete=models.PROTECT, related_name="indicators")
    code = models.CharField(_("code"), max_length=12, unique=True)
    name = models.TextField(_("indicateur"))
    monitoring_wording = models.TextField(
        _("objectif ou modalité de suivi (texte source)"),
        help_text=_("La colonne « Objectif ou modalité de suivi » du tableau, mot pour mot."),
    )
    unit = models.CharField(_("unité"), max_length=40, blank=True)
    direction = models.CharField(_("sens"), max_length=4, choices=Direction, default=Direction.UP)
    cumulative = models.BooleanField(
        _("valeurs cumulées"),
        default=True,
        help_text=_("Chaque mesure donne le total atteint ; sinon, les mesures s'additionnent."),
    )
    frequency = models.CharField(
        _("fréquence de suivi"), max_length=10, choices=Frequency, default=Frequency.QUARTERLY
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="owned_indicators",
        verbose_name=_("responsable"),
    )
    tolerance = models.DecimalField(
        _("tolérance (%)"),
        max_digits=5,
        decimal_places=2,
        default=Decimal("10"),
        validators=[MinValueValidator(Decimal("0"))],
        help_text=_(
            "Écart admis sous la trajectoire attendue, en % de l'écart entre référence et cible."
        ),
    )
    computed_by = models.CharField(
        _("calculé automatiquement par"),
        max_length=60,
        blank=True,
        help_text=_("Vide : indicateur saisi à la main."),
    )

    target_kind = models.CharField(_("type d'objectif"), max_length=20, choices=TargetKind)
    baseline_value = models.DecimalField(
        _("valeur de référence"), max_digits=16, decimal_places=2, null=True, blank=True
    )
    baseline_year = models.PositiveSmallIntegerField(_("année de référence"), null=True, blank=True)
    target_value = models.DecimalField(
        _("valeur cible"), max_digits=16, decimal_places=2, null=True, blank=True
    )
    target_max = models.DecimalField(
        _("borne haute"), max_digits=16, decimal_places=2, null=True, blank=True
    )
    target_count = models.PositiveIntegerField(_("nombre cible"), null=True, blank=True)
    target_year = models.PositiveSmallIntegerField(_("année cible"), null=True, blank=True)
    target_date = models.DateField(_("échéance du jalon"), null=True, blank=True)
    tbd_owner = models.CharField(_("qui définit l'objectif"), max_length=200, blank=True)
    tbd_due = models.DateField(_("objectif à définir avant le"), null=True, blank=True)

    manual_status = models.CharField(
        _("statut qualitatif"), max_length=20, choices=Status, blank=True
    )
    manual_status_reason = models.TextField(_("motif du statut"), blank=True)
    manual_status_date = models.DateField(_("statut fixé le"), null=True, blank=True)

    current_status = models.CharField(
        _("statut"), max_length=20, choices=Status, default=Status.NO_DATA
    )
    current_progress = models.DecimalField(
        _("avancement"), max_digits=14, decimal_places=4, null=True, blank=True
    )
    current_value = models.DecimalField(
        _("dernière valeur"), max_digits=16, decimal_places=2, null=True, blank=True
    )
    current_value_date = models.DateField(_("date de la dernière valeur"), null=True, blank=True)
    current_stale = models.BooleanField(_("valeur ancienne"), default=False)
    current_is_demo = models.BooleanField(_("dernière valeur de démonstration"), default=False)
    current_exceeded = models.BooleanField(_("cible dépassée"), default=False)
    trend = models.JSONField(
        _("tendance"), default=list, blank=True, help_text=_("Derniers points de la série.")
    )
    forecast = models.JSONField(
        _("projection"),
        default=dict,
        blank=True,
        help_text=_("Projection à l'échéance (actionplan.forecast), recalculée avec le statut."),
    )
    status_computed_at = models.DateTimeField(null=True, blank=True)
    position = models.PositiveSmallIntegerField(default=0)

    objects = AuditedManager()

    class Meta:
        verbose_name = _("indicateur")
        verbose_name_plural = _("indicateurs")
        ordering = ["position"]

    def __str__(self):
        return f"{self.code} {self.name}"

    @property
    def is_manual(self):
        return not self.computed_by

    @property
    def has_trajectory(self):
        return self.target_kind not in {
            TargetKind.MILESTONE,
            TargetKind.QUALITATIVE,
            TargetKind.TO_BE_DEFINED,
        }

    def target_in_words(self):
        from core.templatetags.portal import format_money, format_number, quantity

        kind = self.target_kind
        if kind == TargetKind.INCREASE:
            if self.baseline_year and self.target_year:
                return _("De %(baseline)s en %(baseline_year)s à %(target)s en %(target_year)s") % {
                    "baseline": quantity(self.baseline_value, self.unit),
                    "baseline_year": self.baseline_year,
                    "target": quantity(self.target_value, self.unit),
                    "target_year": self.target_year,
                }
            return _("Passer de %(baseline)s à %(target)s (années non précisées)") % {
                "baseline": format_number(self.baseline_value),
                "target": quantity(self.target_value, self.unit),
            }
        if kind == TargetKind.RANGE:
            return _("Entre %(low)s et %(high)s") % {
                "low": format_number(self.target_value),
                "high": quantity(self.target_max, self.unit),
            }
        if kind == TargetKind.PERCENTAGE:
            return _("%(value)s en %(year)s") % {
                "value": quantity(self.target_value, "%"),
                "year": self.target_year,
            }
        if kind == TargetKind.MONEY_AND_COUNT:
            return _("%(money)s pour %(count)s projets") % {
                "money": format_money(self.target_value),
                "count": format_number(self.target_count),
            }
        if kind == TargetKind.MILESTONE:
            return _("Jalon au plus tard le %(date)s") % {
                "date": self.target_date.strftime("%d/%m/%Y")
            }
        if kind == TargetKind.QUALITATIVE:
            return _("Objectif qualitatif : %(wording)s") % {"wording": self.monitoring_wording}
        if kind == TargetKind.TO_BE_DEFINED:
            return _("Objectif à préciser après une étude diagnostic (%(wording)s)") % {
                "wording": self.monitoring_wording
            }
        return quantity(self.target_value, self.unit)


class MeasurementStatus(models.TextChoices):
    PENDING = "pending", _("À approuver")
    APPROVED = "approved", _("Approuvée")
    RETURNED = "returned", _("Renvoyée")


class Nature(models.TextChoices):
    MEASURED = "measured", _("Mesurée")
    ESTIMATED = "estimated", _("Estimée")


@audited()
class Measurement(AuditContextMixin, models.Model):
    indicator = models.ForeignKey(Indicator, on_delete=models.PROTECT, related_name="measurements")
    date = models.DateField(_("date de la mesure"))
    value = models.DecimalField(_("valeur"), max_digits=16, decimal_places=2)
    count = models.PositiveIntegerField(
        _("nombre"),
        null=True,
        blank=True,
        help_text=_("Pour les objectifs « montant et nombre » : le nombre de projets."),
    )
    territory = models.CharField(
        _("territoire"),
        max_length=2,
        choices=Departement,
        blank=True,
        help_text=_("Vide : la valeur régionale ; sinon le département concerné."),
    )
    source = models.CharField(_("source"), max_length=255)
    nature = models.CharField(_("nature"), max_length=10, choices=Nature, default=Nature.MEASURED)
    comment = models.TextField(_("commentaire"), blank=True)
    evidence = models.FileField(_("justificatif"), upload_to="evidence/%Y/", blank=True)
    status = models.CharField(
        _("statut"), max_length=10, choices=MeasurementStatus, default=MeasurementStatus.PENDING
    )
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("saisie par"),
    )
    entered_at = models.DateTimeField(auto_now_add=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("examinée par"),
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    review_comment = models.TextField(_("commentaire de l'examen"), blank=True)
    is_demo = models.BooleanField(_("donnée de démonstration"), default=False)

    objects = AuditedManager()

    class Meta:
        verbose_name = _("mesure")
        verbose_name_plural = _("mesures")
        ordering = ["indicator", "-date", "-pk"]
        indexes = [
            models.Index(fields=["indicator", "status", "date"]),
            # /api/measurements/ pages through the newest first.
            models.Index(fields=["-date", "-id"], name="measurement_recent"),
            # A département's latest value (the indicator page): without it, for an indicator
            # with no value there, PostgreSQL walks ``measurement_recent`` through every row
            # looking for one (a second at 180 000 measurements).
            models.Index(
                fields=["indicator", "status", "territory", "-date", "-id"],
                name="measurement_latest_territory",
            ),
        ]

    def __str__(self):
        return f"{self.indicator.code} {self.date} {self.value}"


class SeriesPoint(models.Model):
    """The indicator's regional series as last computed (derived data, rebuilt on each refresh),
    so that pages read a few dozen points whatever the number of measurements."""

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="series_points")
    date = models.DateField()
    value = models.DecimalField(max_digits=18, decimal_places=2)
    count = models.PositiveIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["indicator", "date"]
        constraints = [
            models.UniqueConstraint(fields=["indicator", "date"], name="series_point_once")
        ]

    def __str__(self):
        return f"{self.indicator_id} {self.date} {self.value}"


class StatusChange(models.Model):
    """Each change of an indicator's computed status, to say what moved since a date."""

    indicator = models.ForeignKey(
        Indicator, on_delete=models.CASCADE, related_name="status_changes"
    )
    changed_at = models.DateTimeField(db_index=True)
    previous = models.CharField(max_length=20, choices=Status)
    current = models.CharField(max_length=20, choices=Status)

    class Meta:
        ordering = ["-changed_at"]

    def __str__(self):
        return f"{self.indicator_id}: {self.previous} → {self.current}"


@audited()
class FundingSource(SourcedModel):
    code = models.SlugField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("source de financement"), max_length=200)
    group = models.CharField(_("famille"), max_length=80)
    envelope = models.DecimalField(
        _("enveloppe (€)"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    is_leverage = models.BooleanField(_("effet levier (hors enveloppe)"), default=False)
    position = models.PositiveSmallIntegerField(default=0)

    objects = AuditedManager()

    class Meta:
        verbose_name = _("source de financement")
        verbose_name_plural = _("sources de financement")
        ordering = ["position"]

    def __str__(self):
        return self.name


class CommitmentQuerySet(AuditedQuerySet):
    def standing(self):
        """The commitments that count: a withdrawn one stays in the record, not in any total."""
        return self.filter(withdrawn_at__isnull=True)


@audited()
class FundingCommitment(AuditContextMixin, models.Model):
    source = models.ForeignKey(FundingSource, on_delete=models.PROTECT, related_name="commitments")
    action = models.ForeignKey(Action, on_delete=models.PROTECT, related_name="commitments")
    amount = models.DecimalField(_("montant engagé (€)"), max_digits=14, decimal_places=2)
    date = models.DateField(_("date d'engagement"))
    label = models.CharField(_("objet"), max_length=255)
    is_demo = models.BooleanField(_("donnée de démonstration"), default=False)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("saisi par"),
    )
    withdrawn_at = models.DateTimeField(_("retiré le"), null=True, blank=True)
    withdrawal_reason = models.TextField(_("motif du retrait"), blank=True)

    objects = models.Manager.from_queryset(CommitmentQuerySet)()

    class Meta:
        verbose_name = _("engagement")
        verbose_name_plural = _("engagements")
        ordering = ["-date"]

    def __str__(self):
        return f"{self.source} → {self.action.code}: {self.amount}"


@audited()
class PlanSetting(SourcedModel):
    """Plan-wide facts: the envelope, its duration and (once an officer confirms it) its start."""

    envelope = models.DecimalField(_("enveloppe totale (€)"), max_digits=14, decimal_places=2)
    duration_years = models.PositiveSmallIntegerField(_("durée (années)"))
    start_date = models.DateField(_("début du plan"), null=True, blank=True)

    statements = GenericRelation("core.SourceStatement")
    objects = AuditedManager()

    class Meta:
        verbose_name = _("paramètres du plan")
        verbose_name_plural = _("paramètres du plan")

    def __str__(self):
        return str(self._meta.verbose_name)


@audited()
class GovernanceBody(SourcedModel):
    code = models.SlugField(max_length=40, unique=True)
    name = models.CharField(_("instance"), max_length=200)
    cadence = models.CharField(_("rythme"), max_length=120)
    composition = models.TextField(_("composition"), blank=True)

    objects = AuditedManager()

    class Meta:
        verbose_name = _("instance de gouvernance")
        verbose_name_plural = _("instances de gouvernance")
        ordering = ["pk"]

    def __str__(self):
        return self.name


class ImportBatch(models.Model):
    """An uploaded file of measurements, kept from preview to import so nothing is lost."""

    State = ImportState  # the states every import goes through (core/imports.py)

    # Kept while the file waits for its parse or its confirmation; never for a rejected file.
    file = models.FileField(upload_to="imports/%Y/", blank=True)
    original_name = models.CharField(max_length=255)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)
    state = models.CharField(max_length=10, choices=ImportState, default=ImportState.PREVIEW)
    rows = models.JSONField(default=list, blank=True)
    errors = models.JSONField(default=list, blank=True)
    imported_count = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-uploaded_at"]

    def __str__(self):
        return self.original_name


class Reminder(models.Model):
    """A reminder e-mail sent to an indicator's owner; unique so a rerun never sends it twice."""

    class Kind(models.TextChoices):
        DUE = "due", _("Mesure attendue bientôt")
        OVERDUE = "overdue", _("Mesure en retard")

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="reminders")
    due_date = models.DateField()
    kind = models.CharField(max_length=10, choices=Kind)
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["indicator", "due_date", "kind"], name="reminder_once")
        ]

    def __str__(self):
        return f"{self.indicator_id} {self.kind} {self.due_date}"
