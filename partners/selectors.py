"""Reads of the register of partnerships."""

from collections import defaultdict

from django.db.models import Prefetch, Q
from django.utils import timezone

from accounts.models import Organisation, Role
from accounts.permissions import has_role
from core.security import refuse_as_not_found
from partners.models import (
    Convention,
    ConventionAction,
    ConventionParty,
    Deliverable,
    DeliverableStatus,
    Event,
    FollowedProject,
    Meeting,
    MeetingKind,
    Person,
    ProjectUpdate,
)
from partners.obligations import obligations
from partners.permissions import (
    can_manage_convention,
    can_view_convention,
    can_view_partnerships,
)


def convention_list_for_user(user):
    conventions = Convention.objects.all()
    if has_role(user, Role.OFFICER, Role.ADMINISTRATOR, Role.COMMITTEE):
        return conventions
    if not can_view_partnerships(user):
        return conventions.none()
    return conventions.filter(parties__organisation__memberships__user=user).distinct()


def convention_get_for_user(user, pk):
    convention = Convention.objects.filter(pk=pk).first()
    if convention is None or not can_view_convention(user, convention):
        refuse_as_not_found(user, "convention", pk)
    return convention


def convention_detail(convention):
    """The convention with everything its page shows, in a fixed number of queries."""
    return (
        Convention.objects.filter(pk=convention.pk)
        .prefetch_related(
            "parties__organisation",
            "parties__representative",
            "parties__signatory",
            "statements",
            Prefetch(
                "actions",
                queryset=ConventionAction.objects.prefetch_related(
                    "themes",
                    "deliverables",
                    "statements",
                    Prefetch(
                        "projects",
                        queryset=FollowedProject.objects.select_related("holder"),
                    ),
                ),
            ),
        )
        .get()
    )


def meetings_of(convention, *, limit=None):
    meetings = (
        Meeting.objects.filter(convention=convention)
        .prefetch_related("attendees__organisation", "organisations")
        .order_by("-date", "-pk")
    )
    return meetings[:limit] if limit else meetings


def hub_done_on(convention):
    """The day the innovation hub's last deliverable was delivered, if all are."""
    return _hub_done(
        Deliverable.objects.filter(action__convention=convention).values_list(
            "status", "delivered_on"
        )
    )


def _hub_done(deliverables):
    deliverables = list(deliverables)
    if not deliverables or any(
        status != DeliverableStatus.DELIVERED or on is None for status, on in deliverables
    ):
        return None
    return max(on for _status, on in deliverables)


def committee_meetings_counted(convention):
    """The follow-up committees that count for the obligations: the convention makes the
    committee « composé des représentants légaux de chaque partie », so a meeting counts when
    every party was present (through a person who attended, or named as present). Returns
    {meeting pk: the parties missing} for every committee meeting (empty when it counts)."""
    parties = dict(
        ConventionParty.objects.filter(convention=convention).values_list(
            "organisation_id", "organisation__name"
        )
    )
    present = {}
    for meeting_pk, organisation_pk in Meeting.organisations.through.objects.filter(
        meeting__convention=convention, meeting__kind=MeetingKind.FOLLOW_UP_COMMITTEE
    ).values_list("meeting_id", "organisation_id"):
        present.setdefault(meeting_pk, set()).add(organisation_pk)
    return {
        meeting_pk: sorted(
            name for pk, name in parties.items() if pk not in present.get(meeting_pk, set())
        )
        for meeting_pk in Meeting.objects.filter(
            convention=convention, kind=MeetingKind.FOLLOW_UP_COMMITTEE
        ).values_list("pk", flat=True)
    }


def convention_obligations(convention, *, today=None, committee_missing=None):
    """``committee_missing``: what ``committee_meetings_counted`` gave, when the caller has it."""
    meetings = Meeting.objects.filter(convention=convention).values_list("pk", "kind", "date")
    missing = (
        committee_meetings_counted(convention) if committee_missing is None else committee_missing
    )
    committees = [
        day
        for pk, kind, day in meetings
        if kind == MeetingKind.FOLLOW_UP_COMMITTEE and not missing.get(pk)
    ]
    clubs = [day for _pk, kind, day in meetings if kind == MeetingKind.CLUB]
    return obligations(
        notification_date=convention.notification_date,
        duration_months=convention.duration_months,
        committees=committees,
        clubs=clubs,
        hub_done_on=hub_done_on(convention),
        today=today or timezone.localdate(),
    )


def conventions_obligations(conventions, *, today):
    """{convention pk: its obligations} for many conventions in four queries whatever their
    number (the quarterly report's partners section), by the rules of ``convention_obligations``.
    """
    pks = [convention.pk for convention in conventions]
    meetings, parties = defaultdict(list), defaultdict(set)
    present, deliverables = defaultdict(set), defaultdict(list)
    for pk, convention_pk, kind, day in Meeting.objects.filter(convention__in=pks).values_list(
        "pk", "convention_id", "kind", "date"
    ):
        meetings[convention_pk].append((pk, kind, day))
    for convention_pk, organisation_pk in ConventionParty.objects.filter(
        convention__in=pks
    ).values_list("convention_id", "organisation_id"):
        parties[convention_pk].add(organisation_pk)
    for meeting_pk, organisation_pk in Meeting.organisations.through.objects.filter(
        meeting__convention__in=pks, meeting__kind=MeetingKind.FOLLOW_UP_COMMITTEE
    ).values_list("meeting_id", "organisation_id"):
        present[meeting_pk].add(organisation_pk)
    for convention_pk, status, on in Deliverable.objects.filter(
        action__convention__in=pks
    ).values_list("action__convention_id", "status", "delivered_on"):
        deliverables[convention_pk].append((status, on))
    found = {}
    for convention in conventions:
        held = meetings[convention.pk]
        found[convention.pk] = obligations(
            notification_date=convention.notification_date,
            duration_months=convention.duration_months,
            # A committee counts when every party was present (``committee_meetings_counted``).
            committees=[
                day
                for pk, kind, day in held
                if kind == MeetingKind.FOLLOW_UP_COMMITTEE and parties[convention.pk] <= present[pk]
            ],
            clubs=[day for _pk, kind, day in held if kind == MeetingKind.CLUB],
            hub_done_on=_hub_done(deliverables[convention.pk]),
            today=today,
        )
    return found


def project_history(project):
    return ProjectUpdate.objects.filter(project=project).select_related("author")


def project_get_for_user(user, pk):
    project = (
        FollowedProject.objects.select_related("action__convention", "holder").filter(pk=pk).first()
    )
    if project is None or not can_view_convention(user, project.action.convention):
        refuse_as_not_found(user, "project", pk)
    return project


def meeting_get_for_user(user, pk):
    meeting = Meeting.objects.select_related("convention").filter(pk=pk).first()
    if meeting is None or not can_view_convention(user, meeting.convention):
        refuse_as_not_found(user, "meeting", pk)
    return meeting


def event_list():
    return Event.objects.prefetch_related("involved__organisation", "statements").order_by(
        "-starts_on"
    )


def partnerships_home_panel(user):
    if not can_view_partnerships(user):
        return None
    return {"conventions": list(convention_list_for_user(user)[:5])}


def convention_organisations(convention):
    """The organisations tied to a convention: its parties, the holders of its followed
    projects, and whoever was present at its meetings (as an organisation or through a
    person). A contributor chooses among these only: the rest of the register (AMI
    applicants among them) is none of their business."""
    return Organisation.objects.filter(
        Q(pk__in=ConventionParty.objects.filter(convention=convention).values("organisation"))
        | Q(pk__in=FollowedProject.objects.filter(action__convention=convention).values("holder"))
        | Q(
            pk__in=Meeting.organisations.through.objects.filter(
                meeting__convention=convention
            ).values("organisation")
        )
        | Q(
            pk__in=Meeting.attendees.through.objects.filter(meeting__convention=convention).values(
                "person__organisation"
            )
        )
    )


def organisations_choosable_by(user, convention):
    """Organisations a user may name on the convention's forms: an officer, the whole
    register; a contributor, those tied to the convention."""
    if can_manage_convention(user, convention):
        return Organisation.objects.all()
    return convention_organisations(convention)


def people_choosable_by(user, convention):
    """People a user may name as attending the convention's meetings."""
    if can_manage_convention(user, convention):
        return Person.objects.all()
    return Person.objects.filter(organisation__in=convention_organisations(convention).values("pk"))
