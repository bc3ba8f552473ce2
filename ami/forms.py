from django import forms
from django.utils.translation import gettext_lazy as _

from accounts.forms import IdentifierField
from accounts.models import Organisation, OrganisationType, Role, User
from ami.models import (
    SECTIONS,
    ConsortiumPartner,
    Departement,
    Dossier,
    DossierStatus,
    FinancingLine,
    FundingScheme,
    Phase,
)
from ami.queues import QUEUES
from ami.workflows import DOSSIER_WORKFLOW
from core.forms import MoneyField


class DossierCreateForm(forms.Form):
    title = forms.CharField(label=_("Titre du projet"), max_length=255)
    organisation = forms.ModelChoiceField(
        label=_("Organisation porteuse"), queryset=None, empty_label=None
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = Organisation.objects.filter(memberships__user=user)


class DossierForm(forms.ModelForm):
    """The dossier's answers; ``only`` keeps the fields of one step, so that saving a step
    (or an autosave from it) never touches the others."""

    class Meta:
        model = Dossier
        fields = ["title", "territory", *[name for name, _label in SECTIONS]]
        widgets = {name: forms.Textarea(attrs={"rows": 8}) for name, _label in SECTIONS}

    def __init__(self, *args, only=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["territory"].choices = [("", _("— choisir —")), *Departement.choices]
        if only is not None:
            for name in list(self.fields):
                if name not in only:
                    del self.fields[name]


class PartnerForm(forms.ModelForm):
    identifier = IdentifierField(label=_("SIRET, SIREN ou RNA"), required=False)

    class Meta:
        model = ConsortiumPartner
        fields = ["name", "identifier", "role", "share"]


class FinancingLineForm(forms.ModelForm):
    amount = MoneyField(label=_("Montant (€)"), help_text=_("Par exemple 50 000,50"))

    class Meta:
        model = FinancingLine
        fields = ["kind", "label", "amount"]


class AttachmentForm(forms.Form):
    file = forms.FileField(
        label=_("Pièce jointe"),
        help_text=_(
            "PDF, document bureautique ou OpenDocument, image PNG ou JPEG ; 10 Mo au plus."
        ),
    )
    description = forms.CharField(label=_("Description"), max_length=255, required=False)


class MessageForm(forms.Form):
    body = forms.CharField(label=_("Message"), widget=forms.Textarea(attrs={"rows": 4}))
    file = forms.FileField(label=_("Pièce jointe"), required=False)


class ExpertRequestForm(forms.Form):
    full_name = forms.CharField(label=_("Nom de l'expert"), max_length=150)
    email = forms.EmailField(label=_("Adresse e-mail de l'expert"))
    question = forms.CharField(
        label=_("Question posée"), widget=forms.Textarea(attrs={"rows": 3}), max_length=5000
    )
    due_on = forms.DateField(
        label=_("Avis attendu pour le"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )


class ExpertOpinionForm(forms.Form):
    answer = forms.CharField(
        label=_("Votre avis"), widget=forms.Textarea(attrs={"rows": 6}), max_length=20000
    )


class NoteForm(forms.Form):
    body = forms.CharField(
        label=_("Note interne"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=5000,
        help_text=_("Visible des seuls agents instructeurs, jamais du porteur."),
    )


class TransitionForm(forms.Form):
    """The officer's next step: only the transitions the workflow table allows from the
    dossier's status for this officer (ami.workflows is the one list of them)."""

    event = forms.ChoiceField(label=_("Décision"), choices=())
    redirected_to = forms.ChoiceField(
        label=_("Dispositif (si orientation)"),
        choices=[("", "—"), *FundingScheme.choices],
        required=False,
    )
    reason = forms.CharField(
        label=_("Motif (communiqué au porteur)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )
    # A decision is applied only once the officer has seen its letter (the confirmation page).
    confirmed = forms.BooleanField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, dossier, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["event"].choices = officer_transition_choices(dossier, user)


def officer_transition_choices(dossier, user):
    return [
        (t.event, t.label)
        for t in DOSSIER_WORKFLOW.available(dossier, user)
        if t.traits.get("actor") == "officer"
    ]


class WithdrawForm(forms.Form):
    reason = forms.CharField(
        label=_("Pourquoi retirez-vous le dossier ? (transmis à la Région)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )


class AssignForm(forms.Form):
    instructor = forms.ModelChoiceField(label=_("Agent instructeur"), queryset=None, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["instructor"].queryset = User.objects.filter(
            role__in=[Role.OFFICER, Role.ADMINISTRATOR], is_active=True
        )


class ExtensionForm(forms.Form):
    reference = forms.CharField(
        label=_("Référence du dossier"),
        max_length=40,
        help_text=_("Communiquée par le porteur ; le brouillon reste invisible pour les agents."),
    )
    until = forms.DateTimeField(
        label=_("Nouveau délai (heure de Paris)"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
    )
    reason = forms.CharField(label=_("Motif"), widget=forms.Textarea(attrs={"rows": 2}))


class EvaluationForm(forms.Form):
    conflict_of_interest = forms.BooleanField(
        label=_("Je déclare un conflit d'intérêts avec ce dossier (il me sera alors masqué)"),
        required=False,
    )
    conflict_details = forms.CharField(
        label=_("Nature du conflit"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    comment = forms.CharField(
        label=_("Avis général"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    completed = forms.BooleanField(label=_("Évaluation terminée"), required=False)

    def __init__(self, *args, criteria, **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = list(criteria)
        for criterion in self.criteria:
            self.fields[f"score_{criterion.pk}"] = forms.IntegerField(
                label=_("%(criterion)s — note de 0 à 5 (poids %(weight)s)")
                % {"criterion": criterion.label, "weight": criterion.weight},
                min_value=0,
                max_value=5,
                required=False,
            )
            self.fields[f"comment_{criterion.pk}"] = forms.CharField(
                label=_("Commentaire sur « %(criterion)s »") % {"criterion": criterion.label},
                required=False,
            )

    def scores(self):
        return {
            criterion.pk: (
                self.cleaned_data[f"score_{criterion.pk}"],
                self.cleaned_data[f"comment_{criterion.pk}"],
            )
            for criterion in self.criteria
            if self.cleaned_data.get(f"score_{criterion.pk}") is not None
        }


class PhaseForm(forms.ModelForm):
    eligible_kinds = forms.MultipleChoiceField(
        label=_("Types de porteurs éligibles"),
        choices=OrganisationType.choices,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Phase
        fields = ["opens_at", "closes_at", "eligible_kinds", "rolling_review"]
        widgets = {
            "opens_at": forms.DateTimeInput(
                attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"
            ),
            "closes_at": forms.DateTimeInput(
                attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"
            ),
        }


class EnforceableDateForm(forms.Form):
    enforceable_on = forms.DateField(
        label=_("Date à laquelle la délibération est devenue exécutoire"),
        widget=forms.DateInput(attrs={"type": "date"}),
    )


class DossierFilterForm(forms.Form):
    search = forms.CharField(
        label=_("Rechercher"),
        required=False,
        max_length=120,
        help_text=_("Référence, titre du projet, nom du porteur ou SIRET."),
    )
    queue = forms.ChoiceField(required=False, widget=forms.HiddenInput)
    call = forms.ChoiceField(label=_("Appel"), required=False)
    phase = forms.ChoiceField(label=_("Phase"), required=False)
    status = forms.ChoiceField(label=_("Statut"), required=False)
    kind = forms.ChoiceField(
        label=_("Type de porteur"),
        required=False,
        choices=[("", _("Tous")), *OrganisationType.choices],
    )
    territory = forms.ChoiceField(
        label=_("Département"), required=False, choices=[("", _("Tous")), *Departement.choices]
    )

    def __init__(self, *args, calls, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["call"].choices = [("", _("Tous")), *[(c.code, c.short_title) for c in calls]]
        self.fields["phase"].choices = [
            ("", _("Toutes")),
            *[
                (str(p.pk), f"{p.call.short_title} — {p.title}")
                for c in calls
                for p in c.phases.all()
            ],
        ]
        self.fields["status"].choices = [("", _("Tous")), *DossierStatus.choices]
        self.fields["queue"].choices = [("", ""), *[(q.code, q.label) for q in QUEUES]]


class QuestionForm(forms.Form):
    question = forms.CharField(label=_("Question posée"), widget=forms.Textarea(attrs={"rows": 2}))
    answer = forms.CharField(label=_("Réponse publiée"), widget=forms.Textarea(attrs={"rows": 3}))
