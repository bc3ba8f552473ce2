"""Pages of the register of partnerships: conventions, meetings, projects, events."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from core.audit import audit_event
from core.choices import choices_response
from core.forms import add_service_errors
from core.security import require
from partners import selectors, services
from partners.forms import (
    DeliverableForm,
    MeetingForm,
    NotificationDateForm,
    PersonForm,
    ProjectUpdateForm,
)
from partners.models import Deliverable
from partners.permissions import (
    can_manage_convention,
    can_record_for_convention,
    can_view_events,
    can_view_partnerships,
)

CONVENTIONS_PAGE_SIZE = 25
MEETINGS_PAGE_SIZE = 20
EVENTS_PAGE_SIZE = 25


@login_required
@require_safe
def convention_list(request):
    require(can_view_partnerships(request.user))
    conventions = (
        selectors.convention_list_for_user(request.user)
        .prefetch_related("parties__organisation")
        .order_by("title", "pk")
    )
    page = Paginator(conventions, CONVENTIONS_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "partners/convention_list.html", {"conventions": page, "page": page})


@login_required
def convention_detail(request, pk):
    convention = selectors.convention_detail_for_user(request.user, pk)
    can_manage = can_manage_convention(request.user, convention)
    date_form = NotificationDateForm(
        request.POST or None, initial={"notification_date": convention.notification_date}
    )
    if request.method == "POST":
        require(can_manage)
        if date_form.is_valid():
            try:
                services.convention_set_notification_date(
                    actor=request.user, convention=convention, **date_form.cleaned_data
                )
            except ValidationError as error:
                add_service_errors(date_form, error)
            else:
                messages.success(
                    request, _("Date de notification enregistrée : l'échéancier est calculé.")
                )
                return redirect("partners:convention_detail", pk=convention.pk)
    meetings = selectors.convention_meetings(convention)
    obligations, committee_missing = selectors.convention_calendar(convention, meetings=meetings)
    # A list in memory, already read for the calendar: the pages cost no count.
    meetings_page = Paginator(meetings, MEETINGS_PAGE_SIZE).get_page(request.GET.get("reunions"))
    return render(
        request,
        "partners/convention_detail.html",
        {
            "convention": convention,
            "obligations": obligations,
            "meetings": selectors.meetings_with_attendees(meetings_page),
            "committee_missing": committee_missing,
            "can_manage": can_manage,
            "can_record": can_record_for_convention(request.user, convention),
            "date_form": date_form if can_manage else None,
        },
    )


@login_required
@require_safe
def meeting_choices(request, pk, field):
    """The meeting form's search as you type: whom this user may name, as the form offers."""
    convention = selectors.convention_get_for_user(request.user, pk)
    require(can_record_for_convention(request.user, convention))
    form = MeetingForm(user=request.user, convention=convention)
    return choices_response(request, form, field)


@login_required
def meeting_form(request, pk, meeting_pk=None):
    convention = selectors.convention_get_for_user(request.user, pk)
    require(can_record_for_convention(request.user, convention))
    meeting = None
    initial = {}
    if meeting_pk is not None:
        meeting = selectors.meeting_get_for_user(request.user, meeting_pk)
        if meeting.convention_id != convention.pk:
            raise Http404
        initial = {
            "kind": meeting.kind,
            "date": meeting.date,
            "place": meeting.place,
            "attendees": list(meeting.attendees.all()),
            "organisations": list(meeting.organisations.all()),
            "minutes_date": meeting.minutes_date,
            "decisions": meeting.decisions,
            "follow_up_actions": meeting.follow_up_actions,
        }
    form = MeetingForm(
        request.POST or None,
        request.FILES or None,
        user=request.user,
        convention=convention,
        initial=initial,
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.meeting_record(
                actor=request.user,
                convention=convention,
                meeting=meeting,
                kind=data["kind"],
                date=data["date"],
                place=data["place"],
                attendees=data["attendees"],
                organisations=data["organisations"],
                minutes=data["minutes"],
                minutes_date=data["minutes_date"],
                decisions=data["decisions"],
                follow_up_actions=data["follow_up_actions"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Réunion enregistrée."))
            return redirect("partners:convention_detail", pk=convention.pk)
    return render(
        request,
        "partners/meeting_form.html",
        {"convention": convention, "form": form, "meeting": meeting},
    )


@login_required
@require_safe
def meeting_minutes(request, meeting_pk):
    meeting = selectors.meeting_get_for_user(request.user, meeting_pk)
    if not meeting.minutes:
        raise Http404
    audit_event(actor=request.user, obj=meeting, event="minutes_opened", access=True)
    return FileResponse(meeting.minutes.open("rb"), as_attachment=True)


@login_required
def person_add(request, pk):
    convention = selectors.convention_get_for_user(request.user, pk)
    require(can_record_for_convention(request.user, convention))
    form = PersonForm(request.POST or None, user=request.user, convention=convention)
    if request.method == "POST" and form.is_valid():
        try:
            services.person_create(actor=request.user, convention=convention, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Personne ajoutée au registre."))
            return redirect("partners:meeting_create", pk=convention.pk)
    return render(request, "partners/person_form.html", {"convention": convention, "form": form})


@login_required
def project_detail(request, project_pk):
    project = selectors.project_get_for_user(request.user, project_pk)
    convention = project.action.convention
    can_record = can_record_for_convention(request.user, convention)
    form = ProjectUpdateForm(request.POST or None)
    if request.method == "POST":
        require(can_record)
        if form.is_valid():
            try:
                services.project_update_record(
                    actor=request.user, project=project, **form.cleaned_data
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("Avancement enregistré."))
                return redirect("partners:project_detail", project_pk=project.pk)
    return render(
        request,
        "partners/project_detail.html",
        {
            "project": project,
            "convention": convention,
            "history": selectors.project_history(project),
            "form": form if can_record else None,
        },
    )


@login_required
def deliverable_edit(request, deliverable_pk):
    deliverable = get_object_or_404(
        Deliverable.objects.select_related("action__convention"), pk=deliverable_pk
    )
    convention = selectors.convention_get_for_user(request.user, deliverable.action.convention_id)
    require(can_manage_convention(request.user, convention))
    form = DeliverableForm(
        request.POST or None,
        request.FILES or None,
        initial={
            "status": deliverable.status,
            "delivered_on": deliverable.delivered_on,
            "evidence_note": deliverable.evidence_note,
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.deliverable_update(
                actor=request.user, deliverable=deliverable, **form.cleaned_data
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Livrable mis à jour."))
            return redirect("partners:convention_detail", pk=convention.pk)
    return render(
        request,
        "partners/deliverable_form.html",
        {"deliverable": deliverable, "convention": convention, "form": form},
    )


@login_required
@require_safe
def event_list(request):
    require(can_view_events(request.user))
    page = Paginator(selectors.event_list(), EVENTS_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "partners/event_list.html", {"events": page, "page": page})
