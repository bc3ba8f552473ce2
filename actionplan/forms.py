from django import forms
from django.utils.translation import gettext_lazy as _

from accounts.models import Role, User
from actionplan.models import Action, FundingCommitment, Indicator, Lifecycle, Measurement, Status
from core.forms import MoneyField
from core.registry import computed_sources


class DashboardFilterForm(forms.Form):
    axis = forms.ChoiceField(label=_("Axe"), required=False)
    action = forms.ChoiceField(label=_("Action"), required=False)
    lifecycle = forms.ChoiceField(
        label=_("Cycle de vie"), required=False, choices=[("", _("Tous"))] + list(Lifecycle.choices)
    )
    status = forms.ChoiceField(
        label=_("Statut"), required=False, choices=[("", _("Tous"))] + list(Status.choices)
    )
    owner = forms.ChoiceField(label=_("Responsable"), required=False)

    def __init__(self, *args, axes, actions, owners, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["axis"].choices = [("", _("Tous"))] + [
            (a.code, f"{a.code}. {a.title}"[:80]) for a in axes
        ]
        self.fields["action"].choices = [("", _("Toutes"))] + [
            (a.code, f"{a.code} {a.theme}") for a in actions
        ]
        self.fields["owner"].choices = [("", _("Tous"))] + [(str(pk), name) for pk, name in owners]


class MeasurementForm(forms.ModelForm):
    class Meta:
        model = Measurement
        fields = ["date", "value", "count", "territory", "source", "nature", "comment", "evidence"]
        widgets = {"date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}

    def __init__(self, *args, indicator, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["value"].label = (
            _("Valeur (%(unit)s)") % {"unit": indicator.unit} if indicator.unit else _("Valeur")
        )
        if indicator.target_kind != "money_count":
            del self.fields["count"]
        else:
            self.fields["count"].required = True


class ReviewForm(forms.Form):
    comment = forms.CharField(
        label=_("Commentaire (obligatoire pour renvoyer)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class BulkReviewForm(forms.Form):
    measurements = forms.ModelMultipleChoiceField(
        queryset=Measurement.objects.none(), label=_("Mesures")
    )
    comment = forms.CharField(
        label=_("Commentaire"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, queryset, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["measurements"].queryset = queryset


class ManualStatusForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Statut"),
        choices=[
            (s, Status(s).label)
            for s in (Status.ACHIEVED, Status.ON_TRACK, Status.AT_RISK, Status.LATE)
        ],
    )
    reason = forms.CharField(label=_("Motif"), widget=forms.Textarea(attrs={"rows": 3}))


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("Fichier CSV ou XLSX"),
        help_text=_(
            "Colonnes : indicateur, date (AAAA-MM-JJ ou JJ/MM/AAAA), valeur, nombre, territoire, source, nature, commentaire."
        ),
    )


class IndicatorSettingsForm(forms.ModelForm):
    """What officers tune on an indicator; the target itself comes from the plan's text."""

    class Meta:
        model = Indicator
        fields = ["owner", "frequency", "tolerance", "computed_by", "tbd_owner", "tbd_due"]
        widgets = {"tbd_due": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # An indicator is entered by hand, or computed by a source another app registered.
        self.fields["computed_by"] = forms.ChoiceField(
            label=_("Valeurs"),
            required=False,
            choices=[
                ("", _("Saisies à la main et approuvées par un second agent")),
                *[(key, source.label) for key, source in computed_sources.items()],
            ],
        )
        self.fields["owner"].queryset = User.objects.filter(
            role__in=[Role.OFFICER, Role.ADMINISTRATOR, Role.PARTNER], is_active=True
        ).order_by("full_name")
        if self.instance.target_kind != "tbd":
            del self.fields["tbd_owner"]
            del self.fields["tbd_due"]


class FundingCommitmentForm(forms.ModelForm):
    amount = MoneyField(label=_("Montant (€)"), help_text=_("Par exemple 50 000,50"))
    over_envelope_confirmed = forms.BooleanField(
        label=_("Je confirme cet engagement au-delà de l'enveloppe de la source"),
        required=False,
    )

    class Meta:
        model = FundingCommitment
        fields = ["source", "action", "amount", "date", "label"]
        widgets = {"date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}


class CommitmentCorrectForm(forms.ModelForm):
    amount = MoneyField(label=_("Montant (€)"), help_text=_("Par exemple 50 000,50"))
    reason = forms.CharField(
        label=_("Motif de la correction"),
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Gardé dans l'historique avec les valeurs avant et après."),
    )
    over_envelope_confirmed = forms.BooleanField(
        label=_("Je confirme ce montant au-delà de l'enveloppe de la source"),
        required=False,
    )

    class Meta:
        model = FundingCommitment
        fields = ["amount", "date", "label"]
        widgets = {"date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}


class CommitmentWithdrawForm(forms.Form):
    reason = forms.CharField(
        label=_("Motif du retrait"),
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("L'engagement reste listé, hors de tout total, avec ce motif."),
    )


class ActionSheetForm(forms.ModelForm):
    """The « fiche action »: every part optional, so that a group can write it over time."""

    class Meta:
        model = Action
        fields = [
            "project_group",
            "sheet_stakes",
            "sheet_partners",
            "sheet_objectives",
            "sheet_means",
        ]
        widgets = {name: forms.Textarea(attrs={"rows": 4}) for name in fields}
        help_texts = {
            "project_group": _("Qui compose le groupe projet qui met l'action en œuvre."),
            "sheet_partners": _("Partenaires internes (services de la Région) et externes."),
        }


class LifecycleForm(forms.Form):
    tags = forms.MultipleChoiceField(
        label=_("Étapes du cycle de vie"),
        choices=Lifecycle.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
