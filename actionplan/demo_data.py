"""Demo measurements for the embedded default, so that every status shows on the dashboard."""

from datetime import date
from decimal import Decimal

from accounts.models import User
from actionplan.models import Action, FundingSource, Indicator, Measurement, Status
from actionplan.services import (
    funding_commitment_create,
    indicator_set_manual_status,
    indicators_refresh_all,
    measurement_approve,
    measurement_create,
    report_schedule_last_quarter,
)
from core.reference import reference_loader

M = Decimal(1_000_000)
SOURCE = "Données de démonstration"

# indicator code -> [(date, value, count)]
APPROVED = {
    "1.1-1": [
        (date(2023, 12, 31), 25000, None),
        (date(2024, 12, 31), 25900, None),
        (date(2025, 12, 31), 26400, None),
    ],
    "1.2-1": [
        (date(2025, 6, 30), 4, None),
        (date(2025, 12, 31), 9, None),
        (date(2026, 6, 30), 14, None),
        (date(2026, 9, 30), 16, None),
    ],
    "1.2-2": [(date(2026, 9, 30), 3, None)],
    "1.2-3": [(date(2026, 9, 30), 8, None)],
    "1.3-1": [(date(2026, 6, 30), 10, None)],
    "1.3-3": [(date(2025, 12, 31), 221, None), (date(2026, 9, 30), 240, None)],
    "1.4-1": [(date(2026, 10, 31), 32, None)],
    "1.5-1": [(date(2025, 12, 31), 6, None)],
    "2.1-1": [(date(2025, 12, 31), 210, None), (date(2026, 3, 31), 300, None)],
    "3.1-1": [(date(2026, 3, 31), 10 * M, 2), (date(2026, 9, 30), 25 * M, 5)],
}
PENDING = {"2.2-1": (date(2026, 9, 30), 12), "1.2-4": (date(2026, 9, 30), 35)}
COMMITMENTS = [
    ("ftj", "3.1", 12 * M, "Démonstrateur de recyclage hydrométallurgique (démo)"),
    ("feder", "3.2", 4 * M, "Unité de régénération des plastiques (démo)"),
    ("fratri", "2.1", Decimal("1500000"), "Accompagnements FRATRI économie circulaire (démo)"),
]
OWNERS = {
    "1": "agent@demo.hautsdefrance.fr",
    "2": "agent2@demo.hautsdefrance.fr",
    "3": "agent@demo.hautsdefrance.fr",
}


@reference_loader(order=20, demo=True)
def load_demo_measurements(report):
    if Measurement.objects.filter(is_demo=True).exists():
        report.count(Measurement, "unchanged")
        return
    entering = User.objects.get(email="agent2@demo.hautsdefrance.fr")
    approving = User.objects.get(email="agent@demo.hautsdefrance.fr")
    indicators = {indicator.code: indicator for indicator in Indicator.objects.all()}
    for code, indicator in indicators.items():
        indicator.owner = User.objects.get(email=OWNERS[code[0]])
        indicator.save(update_fields=["owner"])
    indicators["2.2-1"].owner = User.objects.get(email="partenaire@demo.team2.fr")
    indicators["2.2-1"].save(update_fields=["owner"])
    for code, points in APPROVED.items():
        for day, value, count in points:
            measurement = measurement_create(
                actor=entering,
                indicator=indicators[code],
                date=day,
                value=Decimal(value),
                count=count,
                source=SOURCE,
                is_demo=True,
            )
            measurement_approve(actor=approving, measurement=measurement, comment="")
            report.count(Measurement, "created")
    for code, (day, value) in PENDING.items():
        measurement_create(
            actor=entering,
            indicator=indicators[code],
            date=day,
            value=Decimal(value),
            source=SOURCE,
            is_demo=True,
        )
        report.count(Measurement, "created")
    indicator_set_manual_status(
        actor=approving,
        indicator=indicators["1.3-2"],
        status=Status.ON_TRACK,
        reason="Cartographie des acteurs de la réparation engagée (démo).",
    )
    for source, action, amount, label in COMMITMENTS:
        funding_commitment_create(
            actor=approving,
            source=FundingSource.objects.get(code=source),
            action=Action.objects.get(code=action),
            amount=amount,
            date=date(2026, 6, 30),
            label=label,
            is_demo=True,
        )
    indicators_refresh_all()
    report.notes.insert(0, "Demo measurements loaded for the action plan.")


@reference_loader(order=90, demo=True)
def load_demo_report(report):
    """The last quarter's steering report, through the real path (the schedule, then the
    outbox and a render), so that a committee member finds one at first sign-in."""
    steering_report, created = report_schedule_last_quarter()
    report.count(type(steering_report), "created" if created else "unchanged")
