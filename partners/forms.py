from django import forms
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from accounts.models import Organisation
from core.choices import SearchableForm, SearchSelectMultiple
from partners.models import DeliverableStatus, MeetingKind, Person, ProjectStatus
from partners.selectors import organisations_choosable_by, people_choosable_by

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class NotificationDateForm(forms.Form):
    notification_date = forms.DateField(
        label=_("Date de notification de la convention"), widget=DATE
    )


class MeetingForm(SearchableForm):
    kind = forms.ChoiceField(label=_("Type de réunion"), choices=MeetingKind.choices)
    date = forms.DateField(label=_("Date"), widget=DATE)
    place = forms.CharField(label=_("Lieu"), max_length=255)
    # Thousands of people and organisations: chosen by searching, never listed whole.
    attendees = forms.ModelMultipleChoiceField(
        label=_("Participants"),
        queryset=Person.objects.none(),
        required=False,
        widget=SearchSelectMultiple(
            search_fields=("full_name", "email", "organisation__name"),
            search_label=_("Ajouter un participant"),
        ),
    )
    organisations = forms.ModelMultipleChoiceField(
        label=_("Autres organisations présentes"),
        queryset=Organisation.objects.none(),
        required=False,
        widget=SearchSelectMultiple(
            search_fields=("name", "identifier"),
            search_label=_("Ajouter une organisation"),
        ),
    )
    minutes = forms.FileField(label=_("Compte rendu (PDF ou document bureautique)"), required=False)
    minutes_date = forms.DateField(label=_("Date du compte rendu"), required=False, widget=DATE)
    decisions = forms.CharField(
        label=_("Décisions"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    follow_up_actions = forms.CharField(
        label=_("Actions à mener"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, user, convention, **kwargs):
        super().__init__(*args, **kwargs)
        # Only whom this user may name for this convention (partners.selectors).
        self.fields["attendees"].queryset = (
            people_choosable_by(user, convention)
            .select_related("organisation")
            .order_by("organisation__name", "full_name")
        )
        self.fields["organisations"].queryset = organisations_choosable_by(
            user, convention
        ).order_by("name")
        for name in ("attendees", "organisations"):
            self.fields[name].widget.source = reverse(
                "partners:meeting_choices", args=[convention.pk, name]
            )


class ProjectUpdateForm(forms.Form):
    date = forms.DateField(label=_("Date"), widget=DATE)
    status = forms.ChoiceField(label=_("Statut du projet"), choices=ProjectStatus.choices)
    note = forms.CharField(label=_("Ce qui s'est passé"), widget=forms.Textarea(attrs={"rows": 3}))
    next_step = forms.CharField(
        label=_("Prochaine étape"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class DeliverableForm(forms.Form):
    status = forms.ChoiceField(label=_("Statut"), choices=DeliverableStatus.choices)
    delivered_on = forms.DateField(label=_("Livré le"), required=False, widget=DATE)
    evidence = forms.FileField(label=_("Preuve (document)"), required=False)
    evidence_note = forms.CharField(
        label=_("Preuve (description)"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class PersonForm(forms.Form):
    full_name = forms.CharField(label=_("Nom et prénom"), max_length=150)
    organisation = forms.ModelChoiceField(
        label=_("Organisation"), queryset=Organisation.objects.none()
    )
    position = forms.CharField(label=_("Fonction"), max_length=200, required=False)

    def __init__(self, *args, user, convention, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations_choosable_by(
            user, convention
        ).order_by("name")
