from django import forms
from django.utils.translation import gettext_lazy as _

from core.models import DataFlag


class DataFlagResolutionForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Décision"),
        choices=[
            (DataFlag.Status.CONFIRMED, _("Confirmé")),
            (DataFlag.Status.DISMISSED, _("Écarté")),
        ],
        widget=forms.RadioSelect,
    )
    resolution = forms.CharField(
        label=_("Explication (valeur retenue, source consultée…)"),
        widget=forms.Textarea(attrs={"rows": 3}),
    )
