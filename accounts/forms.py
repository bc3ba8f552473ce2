from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.contrib.auth.password_validation import validate_password
from django.utils.translation import gettext_lazy as _

from accounts.identifiers import normalise_identifier
from accounts.models import Organisation, OrganisationType, User


class SignInForm(AuthenticationForm):
    saves_nothing = True  # the error summary does not say « nothing was saved »

    username = forms.EmailField(
        label=_("Adresse e-mail"),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    password = forms.CharField(
        label=_("Mot de passe"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    error_messages = {
        "invalid_login": _(
            "Adresse e-mail ou mot de passe incorrect. Vérifiez votre saisie et réessayez."
        ),
        "inactive": _("Ce compte est désactivé."),
    }

    def clean_username(self):
        return self.cleaned_data["username"].lower()


class TokenForm(forms.Form):
    saves_nothing = True  # the error summary does not say « nothing was saved »

    token = forms.CharField(
        label=_("Code à 6 chiffres de votre application d'authentification"),
        min_length=6,
        max_length=6,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "pattern": "[0-9]{6}"}
        ),
    )

    def clean_token(self):
        token = self.cleaned_data["token"].strip()
        if not token.isdigit():
            raise forms.ValidationError(_("Le code ne contient que des chiffres."))
        return token


class RecoveryCodeForm(forms.Form):
    saves_nothing = True  # the error summary does not say « nothing was saved »

    recovery_code = forms.CharField(
        label=_("Code de secours"),
        help_text=_("Un des dix codes notés lors de l'activation ; chacun ne sert qu'une fois."),
        max_length=20,
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "none"}),
    )

    def clean_recovery_code(self):
        return self.cleaned_data["recovery_code"].strip().lower().replace(" ", "").replace("-", "")


class CloseAccountForm(forms.Form):
    password = forms.CharField(
        label=_("Votre mot de passe, pour confirmer"),
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )


class IdentifierField(forms.CharField):
    """SIRET, SIREN or RNA as people type them (« 528 827 264 000 29 », dots, dashes):
    room for the spaces in the box, normalised before the model checks the key."""

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 24)
        kwargs.setdefault(
            "help_text",
            _("SIREN : 9 chiffres ; SIRET : 14 chiffres ; RNA : W suivi de 9 chiffres."),
        )
        super().__init__(**kwargs)

    def to_python(self, value):
        return normalise_identifier(super().to_python(value))


class SignUpForm(forms.Form):
    full_name = forms.CharField(label=_("Vos nom et prénom"), max_length=150)
    email = forms.EmailField(label=_("Adresse e-mail professionnelle"))
    password = forms.CharField(
        label=_("Mot de passe"),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("Au moins 12 caractères, pas uniquement des chiffres."),
    )
    organisation_name = forms.CharField(
        label=_("Raison sociale de votre organisation"), max_length=255
    )
    organisation_kind = forms.ChoiceField(
        label=_("Type de structure"), choices=OrganisationType.choices
    )
    identifier = IdentifierField(label=_("SIRET, SIREN ou numéro RNA"))
    legal_form = forms.CharField(label=_("Forme juridique"), max_length=120, required=False)

    def clean_email(self):
        email = self.cleaned_data["email"].lower()
        if User.objects.filter(email=email).exists():
            raise forms.ValidationError(
                _(
                    "Un compte existe déjà avec cette adresse : connectez-vous ou réinitialisez le mot de passe."
                )
            )
        return email

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("password"):
            try:
                validate_password(
                    cleaned["password"],
                    User(email=cleaned.get("email", ""), full_name=cleaned.get("full_name", "")),
                )
            except forms.ValidationError as error:
                self.add_error("password", error)
        return cleaned


class InviteForm(forms.Form):
    full_name = forms.CharField(label=_("Nom et prénom de votre collègue"), max_length=150)
    email = forms.EmailField(label=_("Son adresse e-mail"))


class OrganisationEditForm(forms.ModelForm):
    """What an organisation's managers keep current; the type and identifier are the officers'."""

    website = forms.URLField(label=_("Site internet"), required=False, assume_scheme="https")

    class Meta:
        model = Organisation
        fields = ["name", "short_name", "legal_form", "city", "website"]
