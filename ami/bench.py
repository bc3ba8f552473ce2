"""The AMI's benchmark suite (see core/bench.py): 3 000 dossiers from 500 organisations at 1×,
each with partners, financing lines, messages, once submitted its first version, once
instructed two evaluations and once decided its decision date (spread over the past 16 months,
so that each quarter's report has its share of them).

Rows are written in bulk through the base managers: they are benchmark fixtures, not user
data, so they deliberately skip the services and the audit trail."""

import random
import tempfile
import time
from datetime import timedelta
from decimal import Decimal

from django.contrib.auth.hashers import UNUSABLE_PASSWORD_PREFIX
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from accounts.bench import bench_user
from accounts.models import Membership, Organisation, OrganisationType, Role, User
from ami import exports, selectors
from ami.models import (
    ConsortiumPartner,
    Dossier,
    DossierMessage,
    DossierStatus,
    DossierVersion,
    Evaluation,
    FinancingLine,
    Phase,
)
from core.bench import Page, Suite, peak_memory_mb, suites
from core.exports import write_csv, write_xlsx
from core.territories import Departement

DOSSIERS, ORGANISATIONS = 3000, 500
STATUSES = [
    (DossierStatus.SUBMITTED, 40),
    (DossierStatus.UNDER_REVIEW, 30),
    (DossierStatus.RETAINED, 12),
    (DossierStatus.NOT_RETAINED, 8),
    (DossierStatus.DRAFT, 10),
]
INSTRUCTED = {DossierStatus.UNDER_REVIEW, DossierStatus.RETAINED, DossierStatus.NOT_RETAINED}
DECIDED = {DossierStatus.RETAINED, DossierStatus.NOT_RETAINED}


def _officers():
    return [
        bench_user(f"bench-officer-{n}@example.invalid", f"Agent banc {n}", Role.OFFICER)
        for n in range(3)
    ]


def fill(scale):
    # Reviewed for bandit: synthetic data.
    rng = random.Random(scale)  # nosec B311
    officers = _officers()
    phases = list(Phase.objects.order_by("pk"))
    have = Organisation._base_manager.filter(name__startswith="Banc ").count()
    organisations = [
        Organisation(name=f"Banc {n}", kind=OrganisationType.COMPANY, identifier="")
        for n in range(have, ORGANISATIONS * scale)
    ]
    Organisation._base_manager.bulk_create(organisations, batch_size=2000)
    users = [
        User(
            email=f"bench-holder-{o.name[5:]}@example.invalid",
            full_name=o.name,
            password=UNUSABLE_PASSWORD_PREFIX,
        )
        for o in organisations
    ]
    User._base_manager.bulk_create(users, batch_size=2000)
    Membership._base_manager.bulk_create(
        [Membership(user=u, organisation=o) for u, o in zip(users, organisations, strict=True)],
        batch_size=2000,
    )
    holders = list(
        Membership.objects.filter(organisation__name__startswith="Banc ")
        .order_by("organisation_id")
        .values_list("organisation_id", "user_id")
    )
    start = Dossier._base_manager.filter(reference__startswith="BANC-").count()
    now = timezone.now()
    statuses, weights = zip(*STATUSES, strict=True)
    dossiers = []
    for n in range(start, DOSSIERS * scale):
        organisation_id, user_id = holders[n % len(holders)]
        status = rng.choices(statuses, weights)[0]
        submitted_at = (
            None
            if status == DossierStatus.DRAFT
            else now - timedelta(minutes=rng.randint(1, 700_000))
        )
        scores = (
            [Decimal(rng.randint(100, 500)) / 100 for _reviewer in range(2)]
            if status in INSTRUCTED
            else []
        )
        dossiers.append(
            Dossier(
                reference=f"BANC-{n:06d}",
                phase=phases[n % len(phases)],
                organisation_id=organisation_id,
                created_by_id=user_id,
                title=f"Projet de réemploi {n}",
                territory=rng.choice(Departement.values),
                synthetic_presentation="Plateforme de réemploi. " * 20,
                status=status,
                instructor=officers[n % 3] if status in INSTRUCTED else None,
                submitted_at=submitted_at,
                holder_activity_at=submitted_at,
                decided_at=min(now, submitted_at + timedelta(days=rng.randint(20, 90)))
                if status in DECIDED
                else None,
                consolidated_score=sum(scores) / 2 if scores else None,
                is_demo=True,
            )
        )
        dossiers[-1].bench_scores = scores
    Dossier._base_manager.bulk_create(dossiers, batch_size=2000)
    related = {
        ConsortiumPartner: [],
        FinancingLine: [],
        DossierMessage: [],
        Evaluation: [],
        DossierVersion: [],
    }
    for dossier in dossiers:
        if dossier.submitted_at is not None:  # its first submission, for the quarterly report
            related[DossierVersion].append(
                DossierVersion(
                    dossier=dossier,
                    number=1,
                    content={"title": dossier.title},
                    content_sha256="0" * 64,
                    submitted_at=dossier.submitted_at,
                    submitted_by_id=dossier.created_by_id,
                )
            )
        for k in range(2):
            related[ConsortiumPartner].append(
                ConsortiumPartner(dossier=dossier, name=f"Partenaire {k}", role="Gisement")
            )
            related[DossierMessage].append(
                DossierMessage(dossier=dossier, author_id=dossier.created_by_id, body="Question.")
            )
        for kind, label in [("expense", "Travaux"), ("expense", "Études")] + [
            ("resource", "Région"),
            ("resource", "Fonds propres"),
        ]:
            related[FinancingLine].append(
                FinancingLine(
                    dossier=dossier,
                    kind=kind,
                    label=label,
                    amount=Decimal(rng.randint(1, 9) * 1000),
                )
            )
        for reviewer, score in zip(officers[:2], dossier.bench_scores, strict=False):
            related[Evaluation].append(
                Evaluation(dossier=dossier, reviewer=reviewer, completed=True, weighted_score=score)
            )
    for model, rows in related.items():
        model._base_manager.bulk_create(rows, batch_size=5000)
    total = Dossier.objects.filter(reference__startswith="BANC-").count()
    return f"{total:,} dossiers from {ORGANISATIONS * scale:,} organisations".replace(",", " ")


def pages():
    officer = _officers()[0]
    phase = Phase.objects.filter(dossiers__reference__startswith="BANC-").order_by("pk").first()
    # The same dossier at both volumes: the first one, instructed and evaluated.
    dossier = (
        Dossier.objects.filter(reference__startswith="BANC-", status__in=INSTRUCTED)
        .order_by("reference")
        .first()
    )
    holder = User.objects.get(email="bench-holder-0@example.invalid")
    listing = reverse("ami:dossier_list")
    return [
        Page("AMI: officers' dossier list", listing, officer),
        Page(
            "AMI: list filtered (status, département)",
            f"{listing}?status=under_review&territory=59",
            officer,
        ),
        Page("AMI: list, page 20", f"{listing}?page=20", officer),
        Page("AMI: work queue « nouveautés »", f"{listing}?queue=unread", officer),
        Page("AMI: work queue « en retard »", f"{listing}?queue=overdue", officer),
        Page("AMI: search by holder name", f"{listing}?search=Banc%2012", officer),
        Page(
            "AMI: dossier detail (2 evaluations)",
            reverse("ami:dossier_detail", args=[dossier.pk]),
            officer,
        ),
        Page("AMI: ranking of a phase", reverse("ami:phase_ranking", args=[phase.pk]), officer),
        Page("AMI: /api/dossiers/", "/api/dossiers/", officer),
        Page("AMI: calls", reverse("ami:call_list"), officer),
        Page("AMI: call page", reverse("ami:call_detail", args=[phase.call.code]), officer),
        Page("AMI: /api/calls/", "/api/calls/", officer),
        Page("AMI: /api/questions/", "/api/questions/", officer),
        Page("Accounts: organisation register", reverse("accounts:organisation_list"), officer),
        Page(
            "Accounts: organisation page",
            reverse("accounts:organisation_detail", args=[dossier.organisation_id]),
            officer,
        ),
        Page("Accounts: /api/organisations/", "/api/organisations/", officer),
        Page("Accounts: /api/memberships/", "/api/memberships/", officer),
        Page("Accounts: /api/invitations/", "/api/invitations/", officer),
        Page("AMI: holder's own dossiers", reverse("ami:my_dossiers"), holder),
        Page(
            "AMI: dossier export CSV",
            f"{listing}?export=csv",
            officer,
            note="streamed at 1×; handed to a worker at 10×",
        ),
        Page(
            "AMI: dossier export XLSX",
            f"{listing}?export=xlsx",
            officer,
            note="written at 1×; handed to a worker at 10×",
        ),
        Page("Points à confirmer", reverse("data_flags"), officer),
    ]


def other_figures(scale):
    """What the worker spends writing the full export, in time and memory; what the work
    queue's counts cost (one query for all six, whatever the number of dossiers)."""
    officer = _officers()[0]
    lines = []
    with CaptureQueriesContext(connection) as queries:
        began = time.perf_counter()
        counts = selectors.work_queue(officer, fresh=True)
        seconds = time.perf_counter() - began
    lines.append(
        f"AMI work-queue counts: {len(queries)} query, {seconds * 1000:.0f} ms ("
        + ", ".join(f"{queue.code} {count}" for queue, count in counts)
        + ")"
    )
    for file_format, write in (("CSV", write_csv), ("XLSX", write_xlsx)):
        began = time.perf_counter()
        with tempfile.TemporaryFile() as target:
            options = {"sheet_title": "Dossiers"} if file_format == "XLSX" else {}
            count = write(exports.header(), exports.rows(officer, {}), target, **options)
        seconds = time.perf_counter() - began
        peak = peak_memory_mb()
        lines.append(
            f"AMI export {file_format} written by the worker: {count:,} rows in {seconds:.1f} s "
            f"(process peak so far {peak:.0f} MB)".replace(",", " ")
        )
    return lines


suites.add("ami", Suite(fill=fill, pages=pages, other_figures=other_figures, order=20))
