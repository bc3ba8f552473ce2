"""Reads of the register of partnerships."""

from collections import defaultdict

from django.db.models import Exists, OuterRef, Prefetch, Q, prefetch_related_objects
from django.utils import timezone

from accounts.models import Organisation, Role
from accounts.permissions import has_role
from core.security import refuse_as_not_found
from core.selectors import attach_statements
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


def convention_detail_for_user(user, pk):
    """The convention with everything its page shows, in a fixed number of queries; 404 for
    whoever may not see it."""
    convention = (
        Convention.objects.filter(pk=pk)
        .prefetch_related(
            Prefetch(
                "parties",
                queryset=ConventionParty.objects.select_related(
                    "organisation", "representative", "signatory"
                ),
            ),
            Prefetch(
                "actions",
                queryset=ConventionAction.objects.prefetch_related(
                    "themes",
                    "deliverables",
                    Prefetch(
                        "projects",
                        queryset=FollowedProject.objects.select_related("holder"),
                    ),
                ),
            ),
        )
        .first()
    )
    if convention is None or not can_view_convention(user, convention):
        refuse_as_not_found(user, "convention", pk)
    attach_statements([convention, *convention.actions.all()])
    return convention


def convention_meetings(convention):
    """Every meeting of a convention from ``convention_detail_for_user``, newest first, in one
    query: what its calendar counts and its page lists. Each carries ``present_parties``, the
    parties named as present (a follow-up committee counts when all were)."""
    parties = [party.organisation_id for party in convention.parties.all()]
    through = Meeting.organisations.through.objects
    presence = {
        f"present_{pk}": Exists(through.filter(meeting=OuterRef("pk"), organisation_id=pk))
        for pk in parties
    }
    meetings = list(
        Meeting.objects.filter(convention=convention).annotate(**presence).order_by("-date", "-pk")
    )
    for meeting in meetings:
        meeting.present_parties = {pk for pk in parties if getattr(meeting, f"present_{pk}")}
    return meetings


def meetings_with_attendees(meetings):
    """The attendees of a page of meetings, in one query."""
    prefetch_related_objects(list(meetings), "attendees")
    return meetings


def meetings_of(convention, *, limit=None):
    meetings = (
        Meeting.objects.filter(convention=convention)
        .prefetch_related(
            Prefetch("attendees", queryset=Person.objects.select_related("organisation")),
            "organisations",
        )
        .order_by("-date", "-pk")
    )
    return meetings[:limit] if limit else meetings


def _hub_done(deliverables):
    deliverables = list(deliverables)
    if not deliverables or any(
        status != DeliverableStatus.DELIVERED or on is None for status, on in deliverables
    ):
        return None
    return max(on for _status, on in deliverables)


def _detailed_inputs(convention, meetings):
    """The inputs of ``_calendar`` from a convention of ``convention_detail_for_user`` and its
    ``convention_meetings``: no query."""
    return (
        {convention.pk: [(m.pk, m.kind, m.date) for m in meetings]},
        {convention.pk: {p.organisation_id: p.organisation.name for p in convention.parties.all()}},
        defaultdict(set, {m.pk: m.present_parties for m in meetings}),
        {
            convention.pk: [
                (deliverable.status, deliverable.delivered_on)
                for action in convention.actions.all()
                for deliverable in action.deliverables.all()
            ]
        },
    )


def _calendar_inputs(pks):
    """What the obligations of these conventions are computed from, in four queries whatever
    their number: their meetings, parties, who was present at each follow-up committee, and the
    innovation hub's deliverables."""
    meetings, parties = defaultdict(list), defaultdict(dict)
    present, deliverables = defaultdict(set), defaultdict(list)
    for pk, convention_pk, kind, day in Meeting.objects.filter(convention__in=pks).values_list(
        "pk", "convention_id", "kind", "date"
    ):
        meetings[convention_pk].append((pk, kind, day))
    for meeting_pk, organisation_pk in Meeting.organisations.through.objects.filter(
        meeting__convention__in=pks, meeting__kind=MeetingKind.FOLLOW_UP_COMMITTEE
    ).values_list("meeting_id", "organisation_id"):
        present[meeting_pk].add(organisation_pk)
    for convention_pk, organisation_pk, name in ConventionParty.objects.filter(
        convention__in=pks
    ).values_list("convention_id", "organisation_id", "organisation__name"):
        parties[convention_pk][organisation_pk] = name
    for convention_pk, status, on in Deliverable.objects.filter(
        action__convention__in=pks
    ).values_list("action__convention_id", "status", "delivered_on"):
        deliverables[convention_pk].append((status, on))
    return meetings, parties, present, deliverables


def _calendar(convention, inputs, today):
    """(obligations, {committee meeting pk: the parties missing}) of one convention.

    The convention makes the follow-up committee « composé des représentants légaux de chaque
    partie »: a committee meeting counts when every party was named as present."""
    meetings, parties, present, deliverables = inputs
    held = meetings[convention.pk]
    its_parties = parties[convention.pk]
    missing = {
        pk: sorted(name for party, name in its_parties.items() if party not in present[pk])
        for pk, kind, _day in held
        if kind == MeetingKind.FOLLOW_UP_COMMITTEE
    }
    calendar = obligations(
        notification_date=convention.notification_date,
        duration_months=convention.duration_months,
        committees=[
            day
            for pk, kind, day in held
            if kind == MeetingKind.FOLLOW_UP_COMMITTEE and not missing[pk]
        ],
        clubs=[day for _pk, kind, day in held if kind == MeetingKind.CLUB],
        hub_done_on=_hub_done(deliverables[convention.pk]),
        today=today,
    )
    return calendar, missing


def convention_calendar(convention, *, today=None, meetings=None):
    """(its obligations, {committee meeting pk: the parties missing, empty when it counts}),
    in four queries however many meetings it has; none when given the convention of
    ``convention_detail_for_user`` and its ``convention_meetings``."""
    if meetings is None:
        inputs = _calendar_inputs([convention.pk])
    else:
        inputs = _detailed_inputs(convention, meetings)
    return _calendar(convention, inputs, today or timezone.localdate())


def convention_obligations(convention, *, today=None):
    return convention_calendar(convention, today=today)[0]


def conventions_obligations(conventions, *, today):
    """{convention pk: its obligations} for many conventions in four queries whatever their
    number (the quarterly report's partners section)."""
    inputs = _calendar_inputs([convention.pk for convention in conventions])
    return {convention.pk: _calendar(convention, inputs, today)[0] for convention in conventions}


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
