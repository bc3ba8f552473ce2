"""REGENERATIS (seed 000), as the presentation states it. The seed names no site, location or
result: none is invented. The process routes are named; their costs and recovery rates are
not, and stay at zero (nothing is counted as recovered) until an officer enters them."""

from decimal import Decimal

from core.reference import REGENERATIS_DOCUMENT, flag, quote, reference_loader, upsert
from sites.models import ProcessRoute, Programme, RouteCode

M = Decimal(1_000_000)
ROUTES_WORDING = (
    "Activités d’extraction: hydrométallurgie, pyrométallurgie, hydroxyapatite, éco-catalyse"
)


@reference_loader(order=40)
def load_regeneratis(report):
    programme = upsert(
        report,
        Programme,
        {"code": "regeneratis"},
        {
            "title": "REGENERATIon et Réhabilitation de sites post-métallurgiques par la récupération de ressources",
            "funding_programme": "Interreg Europe du Nord-Ouest",
            "priority": "Utilisation plus efficace des ressources et des matières premières dans la perspective "
            "d’économie circulaire",
            "start_year": 2020,
            "end_year": 2023,
            "budget_total": Decimal("7.10") * M,
            "budget_erdf": Decimal("4.26") * M,
            "pilot_sites": 3,
            "validation_sites": 6,
            "potential_sites_wording": "+/- 100.000 sites avec du potentiel de récupération",
            "objectives": "Caractériser et sélectionner des sites post-métallurgiques et post-sidérurgiques ; "
            "Démontrer le potentiel de récupération de matières premières ; Créer de nouveaux business "
            "models – outil basé sur l’intelligence artificielle – SMARTIX",
            "beneficiaries": "propriétaires, organismes en charge de la gestion de sites post-métallurgiques et "
            "post-sidérurgiques",
            "decision_tool": "SMARTIX - outil d’aide à la décision à base d’Intelligence Artificielle",
            "source_document": REGENERATIS_DOCUMENT,
            "source_wording": "Durée du projet: 2020 – 2023 Budget total: € 7.10 millions Budget FEDER: € 4.26 "
            "millions … testés sur 3 sites pilotes + données de 6 autres sites",
        },
    )
    for code, _label in RouteCode.choices:
        upsert(
            report,
            ProcessRoute,
            {"code": code},
            {"source_document": REGENERATIS_DOCUMENT, "source_wording": ROUTES_WORDING},
        )
    flag(
        report,
        programme,
        code="sites-not-named",
        message=(
            "La présentation cite 3 sites pilotes et 6 sites de validation sans les nommer ni les situer, et ses "
            "listes de partenaires et d'observateurs sont vides une fois le texte extrait : rien n'est inventé, "
            "les sites sont à saisir."
        ),
        evidence=[
            quote(REGENERATIS_DOCUMENT, "testés sur 3 sites pilotes + données de 6 autres sites"),
            quote(REGENERATIS_DOCUMENT, "5. Partenaires dans le projet"),
        ],
    )
    flag(
        report,
        programme,
        code="route-parameters-missing",
        message=(
            "Les quatre filières sont nommées, sans coût de traitement ni taux de récupération : ils valent 0 "
            "(rien n'est compté comme récupéré) tant qu'un agent ne les a pas saisis."
        ),
        evidence=[quote(REGENERATIS_DOCUMENT, ROUTES_WORDING)],
    )
