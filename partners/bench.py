"""The partners' benchmark suite (see core/bench.py): at 1×, 400 meetings of 8 attendees among
300 people, 50 events and 4 more conventions (copies of the reference convention's text and
parties, so that the report reads several); ten times that at 10×. As in the other suites, the
pages of one record measure the same record at both volumes: the reference convention holds
200 meetings at both, the rest go to the copies.

Rows are written in bulk through the base managers: benchmark fixtures, not user data, so they
deliberately skip the services and the audit trail."""

import random
from datetime import date, timedelta

from django.forms.models import model_to_dict
from django.urls import reverse

from accounts.bench import bench_user
from accounts.models import Organisation, OrganisationType, Role
from core.bench import Page, Suite, suites
from partners.models import (
    Convention,
    ConventionParty,
    Event,
    EventOrganisation,
    EventRole,
    Meeting,
    MeetingKind,
    Person,
)

MEETINGS, ATTENDEES, PEOPLE, EVENTS, CONVENTIONS = 400, 8, 300, 50, 4
MEASURED = 200  # meetings of the convention whose pages are timed, at both volumes
PREFIX = "Banc partenaires"


def _officer():
    return bench_user(
        "bench-partners-officer@example.invalid", "Agent banc partenaires", Role.OFFICER
    )


def _convention():
    return Convention.objects.get(code="team2-cabbalr")


def _organisations(count):
    have = Organisation._base_manager.filter(name__startswith=PREFIX).count()
    Organisation._base_manager.bulk_create(
        Organisation(name=f"{PREFIX} {n:05d}", kind=OrganisationType.COMPANY)
        for n in range(have, count)
    )
    return list(Organisation.objects.filter(name__startswith=PREFIX).order_by("pk"))


def _people(organisations, count):
    have = Person._base_manager.filter(full_name__startswith=PREFIX).count()
    Person._base_manager.bulk_create(
        (
            Person(
                full_name=f"{PREFIX} {n:05d}",
                organisation=organisations[n % len(organisations)],
                email=f"personne{n}@example.invalid",
            )
            for n in range(have, count)
        ),
        batch_size=5000,
    )
    return list(Person.objects.filter(full_name__startswith=PREFIX).order_by("pk"))


def _meetings(rng, conventions, people, organisations, count):
    """``count`` meetings in all: ``MEASURED`` for the first convention, the rest spread."""
    have = Meeting._base_manager.filter(place__startswith=PREFIX).count()
    kinds = [kind for kind, _label in MeetingKind.choices]
    officer = _officer()
    measured, others = conventions[0], conventions[1:]
    new = [
        Meeting(
            convention=measured if n < MEASURED else others[n % len(others)],
            kind=kinds[n % len(kinds)],
            date=date(2024, 7, 12) + timedelta(days=n % 900),
            place=f"{PREFIX} {n}",
            recorded_by=officer,
        )
        for n in range(have, count)
    ]
    Meeting._base_manager.bulk_create(new, batch_size=5000)
    Meeting.attendees.through.objects.bulk_create(
        (
            Meeting.attendees.through(meeting=meeting, person=person)
            for meeting in new
            for person in rng.sample(people, ATTENDEES)
        ),
        batch_size=10_000,
    )
    Meeting.organisations.through.objects.bulk_create(
        (
            Meeting.organisations.through(meeting=meeting, organisation=rng.choice(organisations))
            for meeting in new
        ),
        batch_size=10_000,
    )


def _events(organisations, count):
    have = Event._base_manager.filter(title__startswith=PREFIX).count()
    new = [
        Event(
            title=f"{PREFIX} atelier {n}",
            starts_on=date(2025, 1, 1) + timedelta(days=n % 700),
            ends_on=date(2025, 1, 1) + timedelta(days=n % 700),
            place="Béthune",
        )
        for n in range(have, count)
    ]
    Event._base_manager.bulk_create(new)
    # Each names its organiser, as the reference data's events do.
    EventOrganisation._base_manager.bulk_create(
        EventOrganisation(
            event=event,
            organisation=organisations[n % len(organisations)],
            role=EventRole.ORGANISER,
        )
        for n, event in enumerate(new)
    )


def _conventions(model, count):
    """Copies of the convention's text and parties: what the report reads of each."""
    have = Convention._base_manager.filter(code__startswith="banc-").count()
    fields = model_to_dict(model, exclude=["id", "code", "title"])
    parties = list(ConventionParty.objects.filter(convention=model))
    for n in range(have, count):
        copy = Convention(code=f"banc-{n:04d}", title=f"{PREFIX} convention {n}", **fields)
        Convention._base_manager.bulk_create([copy])
        ConventionParty._base_manager.bulk_create(
            ConventionParty(
                convention=copy,
                organisation_id=party.organisation_id,
                role=party.role,
                address=party.address,
            )
            for party in parties
        )


def fill(scale):
    # Reviewed for bandit: synthetic data.
    rng = random.Random(scale)  # nosec B311
    convention = _convention()
    organisations = _organisations(PEOPLE * scale // 3)
    people = _people(organisations, PEOPLE * scale)
    _conventions(convention, CONVENTIONS * scale)
    conventions = [convention, *Convention.objects.filter(code__startswith="banc-").order_by("pk")]
    _meetings(rng, conventions, people, organisations, MEETINGS * scale)
    _events(organisations, EVENTS * scale)
    return (
        f"{Meeting.objects.count():,} meetings, {Person.objects.count():,} people, "
        f"{Event.objects.count():,} events, {Convention.objects.count():,} conventions"
    ).replace(",", " ")


def pages():
    officer = _officer()
    convention = _convention()
    project = convention.actions.get(number=1).projects.first()
    choices = reverse("partners:meeting_choices", args=[convention.pk, "attendees"])
    return [
        Page("Partners: conventions list", reverse("partners:convention_list"), officer),
        Page(
            "Partners: convention page",
            reverse("partners:convention_detail", args=[convention.pk]),
            officer,
        ),
        Page(
            "Partners: new meeting form",
            reverse("partners:meeting_create", args=[convention.pk]),
            officer,
        ),
        # What an officer types: a name's first letters (at 10×, ten times as many look alike).
        Page("Partners: attendee search « banc 0012 »", f"{choices}?q=banc+0012", officer),
        Page(
            "Partners: followed project",
            reverse("partners:project_detail", args=[project.pk]),
            officer,
        ),
        Page("Partners: events list", reverse("partners:event_list"), officer),
        Page("Partners: /api/conventions/", "/api/conventions/", officer),
        Page(
            "Partners: /api/conventions/<id>/meetings/",
            f"/api/conventions/{convention.pk}/meetings/",
            officer,
        ),
        Page(
            "Partners: /api/conventions/<id>/obligations/",
            f"/api/conventions/{convention.pk}/obligations/",
            officer,
        ),
        Page("Partners: /api/events/", "/api/events/", officer),
        Page("Partners: /api/followed-projects/", "/api/followed-projects/", officer),
        Page("Partners: /api/convention-actions/", "/api/convention-actions/", officer),
    ]


suites.add("partners", Suite(fill=fill, pages=pages, order=60))
