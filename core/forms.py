from decimal import Decimal

from django import forms
from django.forms.renderers import DjangoTemplates
from django.utils.translation import gettext_lazy as _

from core.models import DataFlag
from core.registry import flag_settlers


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

    def __init__(self, *args, data_flag=None, **kwargs):
        super().__init__(*args, **kwargs)
        settler = flag_settlers.get(data_flag.code) if data_flag is not None else None
        if settler is not None:
            # Confirming this point sets the value it is about: the form asks for it.
            self.fields["value"] = settler.field()
            self.fields["value"].required = False


class MoneyField(forms.DecimalField):
    """An amount in euros as people type it: « 50 000,50 », « 50000,50 », « 50 000 € »
    (spaces as thousands separators, a decimal comma). A dot is read as a decimal point only
    when there is no comma; « 50.000,50 » is refused rather than guessed."""

    widget = forms.TextInput

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("decimal_places", 2)
        kwargs.setdefault("max_digits", 14)
        kwargs.setdefault("min_value", Decimal(0))
        super().__init__(*args, **kwargs)

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        attrs.pop("step", None)
        attrs.update({"inputmode": "decimal", "autocomplete": "off"})
        return attrs

    def to_python(self, value):
        if isinstance(value, str):
            text = value.replace("€", "").replace("\u202f", "").replace("\xa0", "")
            text = text.replace(" ", "").strip()
            if "," in text and "." in text:
                raise forms.ValidationError(
                    _(
                        "Écrivez le montant avec une virgule pour les centimes, sans point : 50 000,50."
                    ),
                    code="invalid",
                )
            value = text.replace(",", ".")
        return super().to_python(value)


def add_service_errors(form, error):
    """Show a service's ValidationError on the form: each message next to its field,
    the rest at the top of the form."""
    if hasattr(error, "error_dict"):
        for field, messages in error.message_dict.items():
            form.add_error(field if field in form.fields else None, messages)
    else:
        form.add_error(None, error)


class PortalFormRenderer(DjangoTemplates):
    """Django's form rendering, with each optional field's label saying « (facultatif) »: a
    form says what it requires (every other field is required), as RGAA asks."""

    field_template_name = "core/field.html"
