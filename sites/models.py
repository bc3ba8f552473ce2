"""Post-metallurgical and post-steel brownfields, REGENERATIS style: identity, history,
characterisation campaigns, samples and laboratory results, deposit zones, and the
techno-economic evaluation of recovering their metals."""

from decimal import Decimal

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.audit import AuditedManager, audited
from core.models import ImportState, SourcedModel
from core.territories import Departement
from sites.geometry import CRS, DEFAULT_CRS, area_m2


@audited()
class Programme(SourcedModel):
    """A programme of brownfield recovery (REGENERATIS), with its figures as stated."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    title = models.CharField(_("intitulé"), max_length=300)
    funding_programme = models.CharField(_("programme de financement"), max_length=200)
    priority = models.TextField(_("priorité"), blank=True)
    start_year = models.PositiveSmallIntegerField(_("début"))
    end_year = models.PositiveSmallIntegerField(_("fin"))
    budget_total = models.DecimalField(_("budget total (€)"), max_digits=14, decimal_places=2)
    budget_erdf = models.DecimalField(_("budget FEDER (€)"), max_digits=14, decimal_places=2)
    pilot_sites = models.PositiveSmallIntegerField(_("sites pilotes"))
    validation_sites = models.PositiveSmallIntegerField(_("sites de validation"))
    potential_sites_wording = models.CharField(
        _("sites à potentiel, selon le texte"), max_length=200
    )
    objectives = models.TextField(_("objectifs"))
    beneficiaries = models.TextField(_("bénéficiaires"), blank=True)
    decision_tool = models.CharField(_("outil d'aide à la décision"), max_length=200, blank=True)

    statements = GenericRelation("core.SourceStatement")
    objects = AuditedManager()

    class Meta:
        verbose_name = _("programme")
        verbose_name_plural = _("programmes")

    def __str__(self):
        return self.title


class ProgrammeStatus(models.TextChoices):
    PILOT = "pilot", _("Site pilote")
    VALIDATION = "validation", _("Site de validation")
    CANDIDATE = "candidate", _("Site candidat")
    EXCLUDED = "excluded", _("Site écarté")


class SiteType(models.TextChoices):
    """CNIG « friches » standard: the kind of former site (the ones that apply here)."""

    INDUSTRIAL = "industrielle", _("Friche industrielle")
    MINING = "miniere", _("Friche minière")
    PORT = "portuaire", _("Friche portuaire")
    LOGISTICS = "logistique", _("Friche logistique")


class FricheStatus(models.TextChoices):
    """CNIG « friches »: where the site stands."""

    WITHOUT_PROJECT = "friche sans projet", _("Friche sans projet")
    WITH_PROJECT = "friche avec projet", _("Friche avec projet")
    POTENTIAL = "friche potentielle", _("Friche potentielle")
    RECONVERTED = "friche reconvertie", _("Friche reconvertie")


class PollutionStatus(models.TextChoices):
    """CNIG « friches »: what is known of the soil's pollution."""

    UNKNOWN = "inconnu", _("Inconnu")
    SUSPECTED = "pollution suspectée", _("Pollution suspectée")
    PROVEN = "pollution avérée", _("Pollution avérée")
    TREATED = "pollution traitée", _("Pollution traitée")
    NONE = "pollution inexistante", _("Pollution inexistante")


insee_code = RegexValidator(
    r"^(2A|2B|\d{2})\d{3}$", _("Un code INSEE compte 5 caractères (ex. 62119).")
)


@audited()
class Site(SourcedModel):
    name = models.CharField(_("nom du site"), max_length=200)
    programme = models.ForeignKey(
        Programme, null=True, blank=True, on_delete=models.SET_NULL, related_name="sites"
    )
    programme_status = models.CharField(
        _("statut dans le programme"),
        max_length=12,
        choices=ProgrammeStatus,
        default=ProgrammeStatus.CANDIDATE,
    )
    commune = models.CharField(_("commune"), max_length=120)
    insee_code = models.CharField(_("code INSEE"), max_length=5, validators=[insee_code])
    departement = models.CharField(_("département"), max_length=2, choices=Departement)
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=8,
        decimal_places=5,
        validators=[MinValueValidator(Decimal("49.0")), MaxValueValidator(Decimal("51.2"))],
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=8,
        decimal_places=5,
        validators=[MinValueValidator(Decimal("1.3")), MaxValueValidator(Decimal("4.3"))],
    )
    outline = models.JSONField(
        _("contour (GeoJSON)"),
        null=True,
        blank=True,
        help_text=_("Un polygone GeoJSON, facultatif."),
    )
    crs_epsg = models.PositiveIntegerField(
        _("système de coordonnées des relevés"),
        choices=sorted(CRS.items()),
        default=DEFAULT_CRS,
        help_text=_(
            "Celui des X et Y des échantillons et des contours de zones, en mètres "
            "(Lambert-93 par défaut)."
        ),
    )
    area_ha = models.DecimalField(
        _("surface (ha)"), max_digits=9, decimal_places=2, validators=[MinValueValidator(0)]
    )
    owner = models.CharField(_("propriétaire"), max_length=200, blank=True)
    manager = models.CharField(_("gestionnaire"), max_length=200, blank=True)
    site_type = models.CharField(
        _("type de friche (CNIG)"), max_length=20, choices=SiteType, default=SiteType.INDUSTRIAL
    )
    friche_status = models.CharField(
        _("statut de la friche (CNIG)"),
        max_length=20,
        choices=FricheStatus,
        default=FricheStatus.WITHOUT_PROJECT,
    )
    pollution_status = models.CharField(
        _("statut de pollution (CNIG)"),
        max_length=25,
        choices=PollutionStatus,
        default=PollutionStatus.UNKNOWN,
    )
    pollution_origin = models.TextField(_("origine de la pollution (CNIG)"), blank=True)
    buildings = models.TextField(_("bâti (CNIG)"), blank=True)
    casias_reference = models.CharField(
        _("référence CASIAS (ex-BASIAS)"), max_length=40, blank=True
    )
    infosols_reference = models.CharField(
        _("référence InfoSols (ex-BASOL)"), max_length=40, blank=True
    )
    # The decision criteria other than value, scored by an officer from 1 (worst) to 5 (best).
    pollution_risk_score = models.PositiveSmallIntegerField(
        _("risque de pollution (1 : élevé, 5 : faible)"),
        default=3,
        validators=[MinValueValidator(1), MaxValueValidator(5)],
    )
    access_score = models.PositiveSmallIntegerField(
        _("accès (1 : difficile, 5 : aisé)"),
        default=3,
        validators=[MinValueValidator(1), MaxValueValidator(5)],
    )
    ownership_score = models.PositiveSmallIntegerField(
        _("maîtrise foncière (1 : complexe, 5 : acquise)"),
        default=3,
        validators=[MinValueValidator(1), MaxValueValidator(5)],
    )
    planning_score = models.PositiveSmallIntegerField(
        _("urbanisme (1 : contraint, 5 : favorable)"),
        default=3,
        validators=[MinValueValidator(1), MaxValueValidator(5)],
    )
    remediation_cost_avoided = models.DecimalField(
        _("coût de dépollution évité (€)"),
        max_digits=14,
        decimal_places=2,
        default=0,
        validators=[MinValueValidator(0)],
    )
    excavation_cost_per_t = models.DecimalField(
        _("coût d'excavation (€/t)"),
        max_digits=9,
        decimal_places=2,
        default=0,
        validators=[MinValueValidator(0)],
    )
    transport_cost_per_t = models.DecimalField(
        _("coût de transport (€/t)"),
        max_digits=9,
        decimal_places=2,
        default=0,
        validators=[MinValueValidator(0)],
    )
    soil_potential_t = models.DecimalField(
        _("potentiel de production de sol (t)"),
        max_digits=14,
        decimal_places=2,
        default=0,
        validators=[MinValueValidator(0)],
    )
    eco_catalyst_potential_t = models.DecimalField(
        _("potentiel de production d'éco-catalyseurs (t)"),
        max_digits=14,
        decimal_places=2,
        default=0,
        validators=[MinValueValidator(0)],
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = AuditedManager()

    class Meta:
        verbose_name = _("site")
        verbose_name_plural = _("sites")
        ordering = ["name"]
        indexes = [models.Index(fields=["programme_status", "departement"])]

    def __str__(self):
        return self.name


class ActivityKind(models.TextChoices):
    STEELWORKS = "steelworks", _("Aciérie / sidérurgie")
    BLAST_FURNACE = "blast_furnace", _("Haut fourneau")
    FOUNDRY = "foundry", _("Fonderie")
    SMELTER = "smelter", _("Métallurgie des non-ferreux")
    COKING = "coking", _("Cokerie")
    ROLLING_MILL = "rolling_mill", _("Laminoir")
    SLAG_HEAP = "slag_heap", _("Crassier / terril de laitier")
    OTHER = "other", _("Autre")


@audited()
class PastActivity(models.Model):
    site = models.ForeignKey(Site, on_delete=models.CASCADE, related_name="activities")
    kind = models.CharField(_("activité"), max_length=20, choices=ActivityKind)
    start_year = models.PositiveSmallIntegerField(_("de"), null=True, blank=True)
    end_year = models.PositiveSmallIntegerField(_("à"), null=True, blank=True)
    description = models.CharField(_("précision"), max_length=255, blank=True)

    objects = AuditedManager()

    class Meta:
        verbose_name = _("activité passée")
        verbose_name_plural = _("activités passées")
        ordering = ["site", "start_year"]

    def __str__(self):
        return self.get_kind_display()


@audited()
class SiteEvent(models.Model):
    """A dated event in the site's history, with its document."""

    site = models.ForeignKey(Site, on_delete=models.CASCADE, related_name="history")
    date = models.DateField(_("date"))
    title = models.CharField(_("événement"), max_length=255)
    description = models.TextField(_("description"), blank=True)
    document = models.FileField(_("document"), upload_to="sites/history/%Y/", blank=True)

    objects = AuditedManager()

    class Meta:
        verbose_name = _("événement de l'histoire du site")
        verbose_name_plural = _("histoire du site")
        ordering = ["site", "date"]

    def __str__(self):
        return f"{self.date} {self.title}"


class CampaignKind(models.TextChoices):
    GEOPHYSICS = "geophysics", _("Prospection géophysique non destructive")
    SAMPLING = "sampling", _("Plan d'échantillonnage et prélèvements")


@audited()
class Campaign(models.Model):
    site = models.ForeignKey(Site, on_delete=models.CASCADE, related_name="campaigns")
    kind = models.CharField(_("type de campagne"), max_length=12, choices=CampaignKind)
    started_on = models.DateField(_("date"))
    method = models.CharField(
        _("méthode"),
        max_length=200,
        help_text=_("Tomographie électrique, magnétométrie, carottage…"),
    )
    area_covered_m2 = models.DecimalField(
        _("surface couverte (m²)"),
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    findings = models.TextField(_("constats"), blank=True)
    report_file = models.FileField(_("rapport"), upload_to="sites/campaigns/%Y/", blank=True)

    objects = AuditedManager()

    class Meta:
        verbose_name = _("campagne de caractérisation")
        verbose_name_plural = _("campagnes de caractérisation")
        ordering = ["site", "started_on"]
        indexes = [models.Index(fields=["started_on"])]

    def __str__(self):
        return f"{self.get_kind_display()} {self.started_on:%d/%m/%Y}"


@audited()
class PlannedPoint(models.Model):
    """A point of the optimised sampling plan (planned before anything is taken)."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="planned_points")
    code = models.CharField(_("point"), max_length=30)
    x = models.DecimalField(_("X (m)"), max_digits=10, decimal_places=2)
    y = models.DecimalField(_("Y (m)"), max_digits=10, decimal_places=2)
    depth_from_m = models.DecimalField(_("profondeur de (m)"), max_digits=6, decimal_places=2)
    depth_to_m = models.DecimalField(_("profondeur à (m)"), max_digits=6, decimal_places=2)

    objects = AuditedManager()

    class Meta:
        verbose_name = _("point prévu")
        verbose_name_plural = _("points prévus")
        constraints = [
            models.UniqueConstraint(fields=["campaign", "code"], name="planned_point_once")
        ]

    def __str__(self):
        return self.code


@audited()
class DepositZone(models.Model):
    """A zone of the site whose material would be excavated together."""

    site = models.ForeignKey(Site, on_delete=models.CASCADE, related_name="zones")
    name = models.CharField(_("zone"), max_length=120)
    volume_m3 = models.DecimalField(
        _("volume (m³)"), max_digits=14, decimal_places=2, validators=[MinValueValidator(0)]
    )
    density_t_m3 = models.DecimalField(
        _("densité (t/m³)"),
        max_digits=6,
        decimal_places=3,
        validators=[MinValueValidator(Decimal("0.1")), MaxValueValidator(Decimal("8"))],
        help_text=_("La plus probable."),
    )
    density_min_t_m3 = models.DecimalField(
        _("densité minimale (t/m³)"),
        max_digits=6,
        decimal_places=3,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0.1")), MaxValueValidator(Decimal("8"))],
    )
    density_max_t_m3 = models.DecimalField(
        _("densité maximale (t/m³)"),
        max_digits=6,
        decimal_places=3,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0.1")), MaxValueValidator(Decimal("8"))],
    )
    # Vertices [[x, y], …] in metres, in the site's ``crs_epsg`` (sites.geometry).
    outline = models.JSONField(_("contour"), null=True, blank=True)
    thickness_m = models.DecimalField(
        _("épaisseur (m)"),
        max_digits=7,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0.01"))],
    )

    objects = AuditedManager()

    class Meta:
        verbose_name = _("zone de gisement")
        verbose_name_plural = _("zones de gisement")
        ordering = ["site", "name"]
        constraints = [models.UniqueConstraint(fields=["site", "name"], name="zone_once")]

    def __str__(self):
        return self.name

    @property
    def tonnage_t(self):
        return self.volume_m3 * self.density_t_m3

    @property
    def outline_points(self):
        """The outline as ``sites.geometry`` reads it, ``[(x, y), …]``; None without one."""
        return [tuple(point) for point in self.outline] if self.outline else None

    @property
    def outline_area_m2(self):
        return area_m2(self.outline_points) if self.outline else None


@audited()
class Sample(models.Model):
    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="samples")
    zone = models.ForeignKey(
        DepositZone, null=True, blank=True, on_delete=models.SET_NULL, related_name="samples"
    )
    code = models.CharField(_("échantillon"), max_length=40)
    point = models.CharField(_("point"), max_length=30)
    depth_from_m = models.DecimalField(_("profondeur de (m)"), max_digits=6, decimal_places=2)
    depth_to_m = models.DecimalField(_("profondeur à (m)"), max_digits=6, decimal_places=2)
    # In metres, in the site's ``crs_epsg``: where the sample was taken.
    x_m = models.DecimalField(_("X (m)"), max_digits=12, decimal_places=2, null=True, blank=True)
    y_m = models.DecimalField(_("Y (m)"), max_digits=12, decimal_places=2, null=True, blank=True)
    sampled_on = models.DateField(_("prélevé le"))
    laboratory = models.CharField(_("laboratoire"), max_length=120)
    batch = models.CharField(_("lot"), max_length=60, blank=True)

    objects = AuditedManager()

    class Meta:
        verbose_name = _("échantillon")
        verbose_name_plural = _("échantillons")
        ordering = ["campaign", "code"]
        constraints = [models.UniqueConstraint(fields=["campaign", "code"], name="sample_once")]

    def __str__(self):
        return self.code


class Element(models.TextChoices):
    FE = "Fe", _("Fer (Fe)")
    ZN = "Zn", _("Zinc (Zn)")
    PB = "Pb", _("Plomb (Pb)")
    CU = "Cu", _("Cuivre (Cu)")
    NI = "Ni", _("Nickel (Ni)")
    CR = "Cr", _("Chrome (Cr)")
    MN = "Mn", _("Manganèse (Mn)")
    CO = "Co", _("Cobalt (Co)")
    V = "V", _("Vanadium (V)")
    MO = "Mo", _("Molybdène (Mo)")
    LA = "La", _("Lanthane (La)")
    CE = "Ce", _("Cérium (Ce)")
    ND = "Nd", _("Néodyme (Nd)")
    PR = "Pr", _("Praséodyme (Pr)")
    DY = "Dy", _("Dysprosium (Dy)")


class LabResult(models.Model):
    """One element in one sample. Values are stored in mg/kg whatever unit the lab used
    (the original value and unit are kept beside)."""

    sample = models.ForeignKey(Sample, on_delete=models.CASCADE, related_name="results")
    element = models.CharField(_("élément"), max_length=3, choices=Element)
    # At most the whole sample: 100 % is 1 000 000 mg/kg.
    value_mg_kg = models.DecimalField(
        _("teneur (mg/kg)"),
        max_digits=14,
        decimal_places=4,
        validators=[MinValueValidator(0), MaxValueValidator(1_000_000)],
    )
    reported_value = models.DecimalField(_("valeur rendue"), max_digits=14, decimal_places=4)
    reported_unit = models.CharField(_("unité rendue"), max_length=10)
    detection_limit_mg_kg = models.DecimalField(
        _("limite de détection (mg/kg)"),
        max_digits=14,
        decimal_places=4,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0.0001")), MaxValueValidator(1_000_000)],
    )
    below_detection = models.BooleanField(_("sous la limite de détection"), default=False)
    method = models.CharField(_("méthode d'analyse"), max_length=120, blank=True)
    imported_from = models.ForeignKey(
        "LabImport", null=True, blank=True, on_delete=models.SET_NULL, related_name="results"
    )

    class Meta:
        verbose_name = _("résultat d'analyse")
        verbose_name_plural = _("résultats d'analyse")
        constraints = [
            models.UniqueConstraint(fields=["sample", "element"], name="result_once_per_element")
        ]
        indexes = [models.Index(fields=["element", "sample"])]

    def __str__(self):
        return f"{self.sample} {self.element}"


class LabImport(models.Model):
    """A laboratory file, kept as uploaded; nothing is saved before an officer confirms a
    file that is valid as a whole."""

    State = ImportState  # the states every import goes through (core/imports.py)

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="imports")
    # Kept while the file waits for its parse or its confirmation; never for a rejected file.
    file = models.FileField(upload_to="sites/lab/%Y/", blank=True)
    original_name = models.CharField(max_length=255)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)
    state = models.CharField(max_length=10, choices=ImportState)
    rows = models.JSONField(default=list)
    errors = models.JSONField(default=list)
    imported_count = models.PositiveIntegerField(default=0)

    def __str__(self):
        return self.original_name


class RouteCode(models.TextChoices):
    HYDRO = "hydrometallurgy", _("Hydrométallurgie")
    PYRO = "pyrometallurgy", _("Pyrométallurgie")
    HYDROXYAPATITE = "hydroxyapatite", _("Traitement à l'hydroxyapatite")
    ECO_CATALYSIS = "eco_catalysis", _("Éco-catalyse")


@audited()
class ProcessRoute(SourcedModel):
    """An extraction route: its processing cost and recovery rate per element."""

    code = models.CharField(_("filière"), max_length=20, choices=RouteCode, unique=True)
    processing_cost_per_t = models.DecimalField(
        _("coût de traitement (€/t)"),
        max_digits=9,
        decimal_places=2,
        default=0,
        validators=[MinValueValidator(0)],
    )
    recovery_rates = models.JSONField(
        _("taux de récupération par élément"),
        default=dict,
        blank=True,
        help_text=_('Par élément, entre 0 et 1 : {"Zn": 0.8}.'),
    )

    objects = AuditedManager()

    class Meta:
        verbose_name = _("filière de traitement")
        verbose_name_plural = _("filières de traitement")
        ordering = ["code"]

    def __str__(self):
        return self.get_code_display()


@audited()
class MetalPrice(SourcedModel):
    element = models.CharField(_("élément"), max_length=3, choices=Element)
    price_per_t = models.DecimalField(
        _("prix (€/t de métal)"), max_digits=12, decimal_places=2, validators=[MinValueValidator(0)]
    )
    dated = models.DateField(_("date du prix"))

    objects = AuditedManager()

    class Meta:
        verbose_name = _("cours d'un métal")
        verbose_name_plural = _("cours des métaux")
        ordering = ["element", "-dated"]
        constraints = [
            models.UniqueConstraint(fields=["element", "dated"], name="price_once_per_day")
        ]

    def __str__(self):
        return f"{self.element} {self.price_per_t} €/t ({self.dated})"


class ZoneGrade(models.Model):
    """A zone's grade for one element, computed from its samples (derived data, rebuilt when
    results, samples or zones change; see sites.services.site_estimate_refresh)."""

    zone = models.ForeignKey(DepositZone, on_delete=models.CASCADE, related_name="grades")
    element = models.CharField(max_length=3, choices=Element)
    mean_mg_kg = models.FloatField()
    p10_mg_kg = models.FloatField()
    p50_mg_kg = models.FloatField()
    p90_mg_kg = models.FloatField()
    samples = models.PositiveIntegerField()
    below_detection = models.PositiveIntegerField()
    contained_t = models.FloatField()

    class Meta:
        ordering = ["zone", "element"]
        constraints = [models.UniqueConstraint(fields=["zone", "element"], name="zone_grade_once")]

    def __str__(self):
        return f"{self.zone} {self.element}"

    @property
    def all_below_detection(self):
        return self.samples > 0 and self.below_detection == self.samples


class SiteEstimate(models.Model):
    """What a site contains, summed over its zones, and what it is worth by its best route at
    the latest prices and under each sensitivity scenario (derived data, kept up to date by
    sites.services; see site_valuations_refresh). The ranking orders the sites on these
    columns in the database, whatever their number."""

    site = models.OneToOneField(Site, on_delete=models.CASCADE, related_name="estimate")
    tonnage_t = models.FloatField(default=0)
    contained_t = models.JSONField(default=dict)  # element -> tonnes of metal contained
    results_count = models.PositiveIntegerField(default=0)
    computed_at = models.DateTimeField()
    best_route = models.CharField(max_length=20, choices=RouteCode, blank=True)
    best_value = models.FloatField(default=0)  # € of metal the best route recovers
    net = models.FloatField(default=0)  # € net of the best route
    break_even_factor = models.FloatField(null=True)
    net_prices_low = models.FloatField(default=0)
    net_prices_high = models.FloatField(default=0)
    net_recovery_low = models.FloatField(default=0)
    net_recovery_high = models.FloatField(default=0)
    valued_at = models.DateTimeField(null=True)

    def __str__(self):
        return f"{self.site}"


@audited()
class SiteOutcome(models.Model):
    """What the work on a site achieved, dated: tonnes of metal recovered, hectares returned
    to use. These feed the action plan's indicators an officer links them to."""

    site = models.ForeignKey(Site, on_delete=models.CASCADE, related_name="outcomes")
    date = models.DateField(_("date"))
    tonnes_recovered = models.DecimalField(
        _("métaux récupérés (t)"),
        max_digits=12,
        decimal_places=2,
        default=0,
        validators=[MinValueValidator(0)],
    )
    hectares_returned = models.DecimalField(
        _("surface rendue à un usage (ha)"),
        max_digits=9,
        decimal_places=2,
        default=0,
        validators=[MinValueValidator(0)],
    )
    note = models.CharField(_("précision"), max_length=255, blank=True)

    objects = AuditedManager()

    class Meta:
        verbose_name = _("résultat obtenu sur un site")
        verbose_name_plural = _("résultats obtenus sur les sites")
        ordering = ["date"]

    def __str__(self):
        return f"{self.site} {self.date}"
