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


def add_service_errors(form, error):
    """Show a service's ValidationError on the form: each message next to its field,
    the rest at the top of the form."""
    if hasattr(error, "error_dict"):
        for field, messages in error.message_dict.items():
            form.add_error(field if field in form.fields else None, messages)
    else:
        form.add_error(None, error)
