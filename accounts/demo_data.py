"""Demo accounts, one per role, for the embedded default only."""

from accounts.models import Membership, Organisation, OrganisationType, Role, User
from accounts.services import user_create
from core.reference import reference_loader, upsert

# Reviewed for bandit: demo accounts, embedded default only.
DEMO_PASSWORD = "demo-industrie-circulaire"  # nosec B105

DEMO_ORGANISATIONS = {
    "A": {
        "name": "Recyclerie de l'Artois (démo)",
        "kind": OrganisationType.SOCIAL_ECONOMY,
        "identifier": "W623000017",
    },
    "B": {
        "name": "Matériaux du Hainaut (démo)",
        "kind": OrganisationType.COMPANY,
        "identifier": "732829320",
    },
}

DEMO_ACCOUNTS = [
    ("admin@demo.hautsdefrance.fr", "Alice Administratrice", Role.ADMINISTRATOR, None),
    ("agent@demo.hautsdefrance.fr", "Olivier Chargé de mission", Role.OFFICER, None),
    ("agent2@demo.hautsdefrance.fr", "Odile Chargée de mission", Role.OFFICER, None),
    ("copil@demo.hautsdefrance.fr", "Camille Comité de pilotage", Role.COMMITTEE, None),
    ("partenaire@demo.team2.fr", "Paul Partenaire TEAM2", Role.PARTNER, "TEAM2"),
    ("porteur.a@demo.example.fr", "Hélène Porteuse A", Role.HOLDER, "A"),
    ("porteur.b@demo.example.fr", "Hugo Porteur B", Role.HOLDER, "B"),
]


@reference_loader(order=10, demo=True)
def load_demo_accounts(report):
    organisations = {
        key: upsert(report, Organisation, {"name": values["name"]}, {**values, "is_demo": True})
        for key, values in DEMO_ORGANISATIONS.items()
    }
    organisations["TEAM2"] = Organisation.objects.get(name="TEAM2")
    report.notes.append(f"Demo accounts (password for all: {DEMO_PASSWORD}):")
    for email, full_name, role, organisation_key in DEMO_ACCOUNTS:
        user = User.objects.filter(email=email).first()
        if user is None:
            user = user_create(
                actor=None,
                email=email,
                full_name=full_name,
                role=role,
                password=DEMO_PASSWORD,
                is_demo=True,
                email_verified=True,
            )
            report.count(User, "created")
        else:
            report.count(User, "unchanged")
        if organisation_key:
            upsert(
                report,
                Membership,
                {"user": user, "organisation": organisations[organisation_key]},
                {"is_manager": True},
            )
        report.notes.append(f"  {user.get_role_display():<40} {email}")
