from django import forms
from django.utils.translation import gettext_lazy as _

from core.territories import Departement
from sites.geometry import DEFAULT_CRS, OutlineError, format_outline, parse_outline
from sites.models import (
    Campaign,
    DepositZone,
    Element,
    MetalPrice,
    PastActivity,
    Sample,
    Site,
    SiteEvent,
    SiteOutcome,
)

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class SiteForm(forms.ModelForm):
    class Meta:
        model = Site
        fields = [
            "name",
            "programme_status",
            "commune",
            "insee_code",
            "departement",
            "latitude",
            "longitude",
            "crs_epsg",
            "area_ha",
            "owner",
            "manager",
            "site_type",
            "friche_status",
            "pollution_status",
            "pollution_origin",
            "buildings",
            "casias_reference",
            "infosols_reference",
            "pollution_risk_score",
            "access_score",
            "ownership_score",
            "planning_score",
            "excavation_cost_per_t",
            "transport_cost_per_t",
            "remediation_cost_avoided",
            "soil_potential_t",
            "eco_catalyst_potential_t",
        ]
        widgets = {
            "pollution_origin": forms.Textarea(attrs={"rows": 2}),
            "buildings": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["departement"].choices = [("", _("— choisir —")), *Departement.choices]
        # Lambert-93 unless said otherwise: a form or a script that leaves it out keeps it.
        self.fields["crs_epsg"].required = False

    def clean_crs_epsg(self):
        return self.cleaned_data["crs_epsg"] or DEFAULT_CRS


class ActivityForm(forms.ModelForm):
    class Meta:
        model = PastActivity
        fields = ["kind", "start_year", "end_year", "description"]


class HistoryForm(forms.ModelForm):
    class Meta:
        model = SiteEvent
        fields = ["date", "title", "description", "document"]
        widgets = {"date": DATE, "description": forms.Textarea(attrs={"rows": 2})}


class CampaignForm(forms.ModelForm):
    class Meta:
        model = Campaign
        fields = ["kind", "started_on", "method", "area_covered_m2", "findings", "report_file"]
        widgets = {"started_on": DATE, "findings": forms.Textarea(attrs={"rows": 3})}


class SampleForm(forms.ModelForm):
    class Meta:
        model = Sample
        fields = [
            "code",
            "point",
            "zone",
            "depth_from_m",
            "depth_to_m",
            "x_m",
            "y_m",
            "sampled_on",
            "laboratory",
            "batch",
        ]
        widgets = {"sampled_on": DATE}
        localized_fields = ["depth_from_m", "depth_to_m", "x_m", "y_m"]

    def __init__(self, *args, campaign, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["zone"].queryset = DepositZone.objects.filter(site=campaign.site)


class OutlineField(forms.CharField):
    """A zone's outline as officers type it (``sites.geometry.parse_outline``): a wrong line is
    named by its number."""

    widget = forms.Textarea(attrs={"rows": 6, "spellcheck": "false"})

    def prepare_value(self, value):
        if isinstance(value, list):
            return format_outline([tuple(point) for point in value])
        return value

    def to_python(self, value):
        text = super().to_python(value)
        if not text:
            return None
        try:
            return [list(point) for point in parse_outline(text)]
        except OutlineError as error:
            message = error.message
            if error.line is not None:
                message = _("Ligne %(line)s : %(message)s") % {
                    "line": error.line,
                    "message": message,
                }
            raise forms.ValidationError(message, code="invalid") from None


class ZoneForm(forms.ModelForm):
    outline = OutlineField(
        label=_("Contour de la zone"),
        required=False,
        help_text=_(
            "Un sommet par ligne, X ; Y en mètres dans le système de coordonnées du site "
            "(« 683 100 ; 7 050 200 »), ou un polygone GeoJSON collé tel quel."
        ),
    )

    class Meta:
        model = DepositZone
        fields = [
            "name",
            "outline",
            "thickness_m",
            "volume_m3",
            "density_min_t_m3",
            "density_t_m3",
            "density_max_t_m3",
        ]
        help_texts = {
            "volume_m3": _("Laissé vide, il vaut la surface du contour × l'épaisseur."),
        }
        # « 2,4 » as officers type it.
        localized_fields = [
            "thickness_m",
            "volume_m3",
            "density_min_t_m3",
            "density_t_m3",
            "density_max_t_m3",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["volume_m3"].required = False


class LabUploadForm(forms.Form):
    file = forms.FileField(
        label=_("Fichier du laboratoire (CSV ou XLSX)"),
        help_text=_(
            "Colonnes : echantillon ; element ; valeur ; unite ; et au besoin limite_detection ; "
            "sous_limite ; methode. Une valeur « <10 » est lue sous la limite de détection."
        ),
    )


class PriceForm(forms.ModelForm):
    class Meta:
        model = MetalPrice
        fields = ["element", "price_per_t", "dated", "source_wording"]
        widgets = {"dated": DATE}
        labels = {"source_wording": _("Source du cours")}


class OutcomeForm(forms.ModelForm):
    class Meta:
        model = SiteOutcome
        fields = ["date", "tonnes_recovered", "hectares_returned", "note"]
        widgets = {"date": DATE}


class WeightsForm(forms.Form):
    value = forms.IntegerField(label=_("Valeur nette"), min_value=0, max_value=10, initial=3)
    pollution = forms.IntegerField(
        label=_("Risque de pollution"), min_value=0, max_value=10, initial=1
    )
    access = forms.IntegerField(label=_("Accès"), min_value=0, max_value=10, initial=1)
    ownership = forms.IntegerField(
        label=_("Maîtrise foncière"), min_value=0, max_value=10, initial=1
    )
    planning = forms.IntegerField(label=_("Urbanisme"), min_value=0, max_value=10, initial=1)

    def clean(self):
        cleaned = super().clean()
        if cleaned and all(cleaned.get(name) == 0 for name in self.fields):
            raise forms.ValidationError(
                _(
                    "Donnez un poids à au moins un critère : avec tous les poids à 0, le "
                    "classement ne départagerait rien."
                )
            )
        return cleaned

    def weights(self):
        if self.is_bound and self.is_valid():
            return dict(self.cleaned_data)
        return {name: field.initial for name, field in self.fields.items()}


class RouteForm(forms.Form):
    processing_cost_per_t = forms.DecimalField(
        label=_("Coût de traitement (€/t)"), min_value=0, max_digits=9, decimal_places=2
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for code, label in Element.choices:
            self.fields[f"rate_{code}"] = forms.DecimalField(
                label=_("Taux de récupération — %(element)s (0 à 1)") % {"element": label},
                min_value=0,
                max_value=1,
                decimal_places=3,
                required=False,
            )

    def rates(self):
        return {
            name[5:]: value
            for name, value in self.cleaned_data.items()
            if name.startswith("rate_") and value is not None
        }
