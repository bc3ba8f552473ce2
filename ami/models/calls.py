from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.audit import AuditedManager, audited
from core.models import SourcedModel


@audited()
class Call(SourcedModel):
    """A call for expressions of interest (AMI) as the Region's deliberation words it."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    title = models.TextField(_("intitulé"))
    short_title = models.CharField(_("intitulé court"), max_length=120)
    objectives = models.TextField(_("objectifs"))
    holders_wording = models.TextField(_("typologies de porteurs (texte source)"))
    confidentiality = models.TextField(_("engagement de confidentialité"))
    support_wording = models.TextField(_("forme de soutien (texte source)"))
    duration_wording = models.TextField(_("durée (texte source)"))
    contact_email = models.EmailField(_("contact"))
    enforceable_on = models.DateField(
        _("délibération exécutoire le"),
        null=True,
        blank=True,
        help_text=_("Date saisie par un agent : le texte ne la donne pas."),
    )
    duration_years = models.PositiveSmallIntegerField(_("durée (années)"), null=True, blank=True)
    indicator_code = models.CharField(_("indicateur alimenté"), max_length=12, blank=True)
    signatory_name = models.CharField(
        _("signataire des lettres de décision"),
        max_length=150,
        blank=True,
        help_text=_("Vide : l'agent qui a pris la décision signe, avec sa fonction."),
    )
    signatory_title = models.CharField(_("qualité du signataire"), max_length=200, blank=True)
    position = models.PositiveSmallIntegerField(default=0)

    statements = GenericRelation("core.SourceStatement")
    objects = AuditedManager()

    class Meta:
        verbose_name = _("appel à manifestation d'intérêt")
        verbose_name_plural = _("appels à manifestation d'intérêt")
        ordering = ["position"]

    def __str__(self):
        return self.short_title


@audited()
class Criterion(SourcedModel):
    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="criteria")
    code = models.SlugField(max_length=40)
    label = models.CharField(_("critère"), max_length=255)
    weight = models.PositiveSmallIntegerField(_("pondération"), default=1)
    phase_number = models.PositiveSmallIntegerField(
        _("phase concernée"),
        null=True,
        blank=True,
        help_text=_("Vide : toutes les phases de l'appel."),
    )
    position = models.PositiveSmallIntegerField(default=0)

    objects = AuditedManager()

    class Meta:
        verbose_name = _("critère")
        verbose_name_plural = _("critères")
        ordering = ["call", "position"]
        constraints = [
            models.UniqueConstraint(fields=["call", "code"], name="criterion_once_per_call")
        ]

    def __str__(self):
        return self.label


@audited()
class Phase(SourcedModel):
    """A window for answers. Without a confirmed opening and closing it accepts nothing."""

    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="phases")
    number = models.PositiveSmallIntegerField(_("numéro"), default=1)
    title = models.CharField(_("intitulé"), max_length=255)
    audience_wording = models.TextField(_("porteurs visés (texte source)"))
    eligible_kinds = models.JSONField(_("types de porteurs éligibles"), default=list)
    opens_at = models.DateTimeField(_("ouverture"), null=True, blank=True)
    closes_at = models.DateTimeField(
        _("clôture"),
        null=True,
        blank=True,
        help_text=_("Les réponses sont acceptées strictement avant cet instant."),
    )
    deadline_wording = models.CharField(_("échéance (texte source)"), max_length=255, blank=True)
    rolling_review = models.BooleanField(_("étude au fil de l'eau"), default=False)
    counts_for_indicator = models.BooleanField(
        _("les dossiers retenus comptent pour l'indicateur"), default=False
    )

    statements = GenericRelation("core.SourceStatement")
    objects = AuditedManager()

    class Meta:
        verbose_name = _("phase")
        verbose_name_plural = _("phases")
        ordering = ["call", "number"]
        constraints = [
            models.UniqueConstraint(fields=["call", "number"], name="phase_once_per_call")
        ]

    def __str__(self):
        return f"{self.call.short_title} — {self.title}"

    @property
    def has_confirmed_dates(self):
        return self.opens_at is not None and self.closes_at is not None

    def is_open(self, at=None):
        at = at or timezone.now()
        return self.has_confirmed_dates and self.opens_at <= at < self.closes_at


@audited()
class Question(models.Model):
    """A published question and answer, so that every applicant gets the same answers."""

    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="questions")
    question = models.TextField(_("question"))
    answer = models.TextField(_("réponse"))
    published_at = models.DateTimeField(_("publiée le"), default=timezone.now)

    objects = AuditedManager()

    class Meta:
        verbose_name = _("question-réponse")
        verbose_name_plural = _("questions-réponses")
        ordering = ["call", "published_at"]

    def __str__(self):
        return self.question[:80]
