"""REGENERATIS (seed 000), as the presentation states it. The seed names no site, location or
result: none is invented. The process routes are named; their costs and recovery rates are
not, and stay at zero (nothing is counted as recovered) until an officer enters them."""

from decimal import Decimal

from core.reference import REGENERATIS_DOCUMENT, flag, quote, reference_loader, state, upsert
from sites.models import ProcessRoute, Programme, RouteCode

M = Decimal(1_000_000)
ROUTES_WORDING = (
    "Activités d’extraction: hydrométallurgie, pyrométallurgie, hydroxyapatite, éco-catalyse"
)


# The presentation's slides, word for word (its layout flattened: one passage per box).
PASSAGES = {
    "figures": [
        (
            "Intitulé",
            "“REGENERATIon et Réhabilitation de sites post-métallurgiques par la récupération de ressources”",
        ),
        ("Programme", "Programme: Interreg Europe du Nord-Ouest"),
        (
            "Priorité",
            "Priorité: Utilisation plus efficace des ressources et des matières premières dans la perspective "
            "d’économie circulaire",
        ),
        ("Durée", "Durée du projet: 2020 – 2023"),
        ("Budget total", "Budget total: € 7.10 millions"),
        ("Budget FEDER", "Budget FEDER: € 4.26 millions"),
        ("Sites d'essai", "testés sur 3 sites pilotes + données de 6 autres sites"),
        ("Sites de validation", "6 sites de validation"),
    ],
    "context": [
        ("Contexte actuel et défis", "+/- 100.000 sites avec du potentiel de récupération"),
        ("Contexte actuel et défis", "Besoin de matières premières"),
        ("Contexte actuel et défis", "Politiques européennes et régionales"),
    ],
    "objectives": [
        "Caractériser et sélectionner des sites post-métallurgiques et post-sidérurgiques",
        "Démontrer le potentiel de récuperation de matières premières",
        "Créer de nouveaux business models – outil basé sur l’intelligence artificielle – SMARTIX",
        (
            "Bénéficiaires",
            "Bénéficiaires: propriétaires, organismes en charge de la gestion de sites post-métallurgiques et "
            "post-sidérurgiques",
        ),
    ],
    "method": [
        ("Analyse", "Analyse historique des sites"),
        (
            "Caractérisation",
            "Caractérisation non destructive des sites grâce à la prospection géophysique",
        ),
        ("Échantillonnage", "Plan d’échantillonnage optimisé"),
        ("Excavation", "Procédés modernes d’excavation"),
        (
            "Extraction",
            "Activités d’extraction: hydrométallurgie, pyrométallurgie, hydroxyapatite, éco-catalyse",
        ),
        ("Base de données", "Création de base de données"),
        (
            "Modèle",
            "Démontrer et tester un nouveau modèle technico-économique de réhabilitation de friches "
            "industrielles",
        ),
        ("Outil", "SMARTIX - outil d’aide à la décision à base d’Intelligence Artificielle"),
        ("Par site", "Modèle technico-économique spécifique pour chaque site"),
    ],
    "results": [
        "Estimation de la qualité des dépôts industriels (concentration de métaux, etc.)",
        "Estimation des quantités et de la localisation des gisements sur sites",
        "Obtention de volumes de métaux et autres matières prêts à être valorisés",
        "Estimation du potentiel de production de sol et d’éco-catalyseurs à partir des friches",
        "Analyse de la valeur des métaux, analyse des coûts des opérations d’urban mining,",
        "Evaluer le potentiel de récupération de matières premières à partir des friches industrielles",
    ],
    "participation": [
        ("Stakeholder", "actualités du projet: résultats et délivrables"),
        ("Stakeholder", "participer à des évènements et des workshops"),
        ("Stakeholder", "groupe de partage de connaissances"),
        ("Stakeholder", "recevoir des guides et feuilles de route"),
        ("Site du projet", "https://www.nweurope.eu/REGENERATIS/"),
    ],
}


def _flag_readings(report, programme):
    flag(
        report,
        programme,
        code="site-count-differs",
        message=(
            "La présentation parle de « 3 sites pilotes + données de 6 autres sites » et de « 6 sites de "
            "validation », mais son schéma aligne « Site 1 » à « Site 7 » puis « Site … ». Le portail retient "
            "3 sites pilotes et 6 de validation."
        ),
        evidence=[
            quote(REGENERATIS_DOCUMENT, "testés sur 3 sites pilotes + données de 6 autres sites"),
            quote(REGENERATIS_DOCUMENT, "Site 1 Site 2 Site 3 Site 4 Site 5 Site 6 Site 7 Site …"),
        ],
    )
    flag(
        report,
        programme,
        code="erdf-trailing-figure",
        message=(
            "« Budget FEDER: € 4.26 millions 3 » : le « 3 » qui suit est sans doute un numéro de page ou un "
            "appel de note de la diapositive. Le budget FEDER retenu est de 4,26 M€."
        ),
        evidence=[quote(REGENERATIS_DOCUMENT, "Budget FEDER: € 4.26 millions 3")],
    )
    flag(
        report,
        programme,
        code="english-number-format",
        message=(
            "Les montants et le nombre de sites sont écrits à l'anglaise (« 7.10 millions », « +/- 100.000 "
            "sites ») : lus comme 7,10 M€ et environ 100 000 sites, un ordre de grandeur que la présentation "
            "ne source pas."
        ),
        evidence=[
            quote(REGENERATIS_DOCUMENT, "Budget total: € 7.10 millions"),
            quote(REGENERATIS_DOCUMENT, "+/- 100.000 sites avec du potentiel de récupération"),
        ],
    )
    flag(
        report,
        programme,
        code="project-ended",
        message=(
            "Le projet couvre 2020 – 2023 : il est achevé, et la présentation n'en donne aucun résultat chiffré "
            "(ni sites, ni tonnages, ni coûts). Ses « résultats et délivrables » sont à demander au projet."
        ),
        evidence=[
            quote(REGENERATIS_DOCUMENT, "Durée du projet: 2020 – 2023"),
            quote(REGENERATIS_DOCUMENT, "actualités du projet: résultats et délivrables"),
        ],
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
    state(report, programme, REGENERATIS_DOCUMENT, PASSAGES)
    _flag_readings(report, programme)
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
