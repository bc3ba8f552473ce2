"""The two calls for expressions of interest at the end of seed 002."""

from datetime import datetime
from zoneinfo import ZoneInfo

from accounts.models import OrganisationType as Kind
from ami.models import Call, Criterion, Phase
from ami.reference_passages import load_passages
from core.reference import PLAN_DOCUMENT, flag, quote, reference_loader, upsert

PARIS = ZoneInfo("Europe/Paris")
CONTACT = "AMI-transitions@hautsdefrance.fr"
CONFIDENTIALITY = (
    "Les autorités régionales s’engagent à respecter strictement la confidentialité de l’ensemble des pièces "
    "et des éléments qui seront transmis en réponse à cet AMI."
)
NO_FUNDING = (
    "Le présent AMI n’a pas pour objet d’attribuer des financements. Les financements n’interviendront qu’après "
    "dépôt d’un dossier de demande de subvention dans le cadre des différents dispositifs régionaux en place."
)
REDIRECTION = (
    "Les propositions faisant état d’un besoin de financement seront orientées pour étude vers les dispositifs "
    "régionaux de droit commun (FRATRI, aides à l’innovation, aides aux entreprises, …)"
)
LAUNCH = "Cet AMI sera lancé dès l’entrée en vigueur de la présente délibération."
# (code, label, source wording, phase it applies to or None for all, calls it belongs to)
COMMON = ("pmcb", "ressourceries")
CRITERIA = [
    (
        "enjeux",
        "Réponses apportées aux enjeux identifiés",
        "L’ensemble des propositions seront étudiées au regard des solutions qu’elles apportent aux différents enjeux identifiés",
    ),
    (
        "court-terme",
        "Capacité de mise en œuvre opérationnelle à court terme",
        "ainsi que leur capacité à être mises en œuvre opérationnellement à court terme.",
    ),
    (
        "impact",
        "Impact socio-économique : emplois, service aux entreprises locales, modèle économique soutenable",
        "L’impact socio-économique sera apprécié également, notamment la capacité à créer des emplois, et proposer un "
        "service aux entreprises locales avec un modèle économique soutenable.",
    ),
]
CRITERIA = [(code, label, wording, None, COMMON) for code, label, wording in CRITERIA] + [
    (
        "synergies",
        "Synergies d’acteurs complémentaires (consortiums publics-privés, territoires, éco-organismes)",
        "Seront particulièrement étudiés les projets émanant de synergies d’acteurs complémentaires "
        "(consortiums publics-privés, territoires et éco organismes)",
        None,
        COMMON,
    ),
    (
        "taille-pmcb",
        "Plateforme de taille conséquente, démarrage opérationnel à court terme",
        "permettant de constituer des plateformes de taille conséquente avec un démarrage opérationnel "
        "à court terme.",
        None,
        ("pmcb",),
    ),
    (
        "taille-ressourceries",
        "Plateforme multi-produits de taille conséquente, démarrage opérationnel à court terme",
        "permettant de constituer des plateformes multi-produits de taille conséquente avec un démarrage "
        "opérationnel à court terme.",
        None,
        ("ressourceries",),
    ),
    (
        "portee-geographique",
        "Portée géographique : un large bassin d’emploi utilise la plateforme et participe aux flux",
        "Il sera important de démontrer également la portée géographique des projets en permettant aux "
        "entreprises d’un large bassin d’emploi d’utiliser la plateforme et de participer aux flux de "
        "produits, de matières et matériaux déployant ainsi massivement l’économie circulaire dans la "
        "construction.",
        None,
        ("pmcb",),
    ),
    (
        "capacite-operateur",
        "Capacité de l’opérateur démontrée par des opérations réalisées (accompagner, conseiller, coordonner)",
        "Aux opérateurs ayant démontré (par des opérations réalisées) leurs connaissances et leur capacité "
        "technique d’accompagner, de conseiller et de coordonner aux côtés de la Région les initiatives de "
        "ressourceries-recycleries qui émergeront de la phase 2 de l’AMI.",
        1,
        ("ressourceries",),
    ),
]

CALLS = [
    {
        "code": "pmcb",
        "position": 0,
        "title": "Déploiement d’un réseau régional de plateformes de réemploi des produits et matériaux de "
        "construction, et développement d’un outil numérique de coordination des plateformes",
        "short_title": "Plateformes de réemploi des PMCB et outil numérique",
        "objectives": "D’une part d’imaginer, structurer, accompagner et coordonner un réseau de grandes plateformes de "
        "PMCB afin que chaque entreprise régionale de la construction puisse s’impliquer dans cette dynamique et "
        "trouver des produits, des matières et matériaux à proximité. D’autre part d’identifier le meilleur outil "
        "numérique pour favoriser l’anticipation des chantiers de déconstruction et construction, de mettre ainsi "
        "en lien l’offre et la demande de PMCB, et également de connecter les différentes plateformes régionales",
        "holders_wording": "aux acteurs économiques : entreprises, acteurs de l’économie sociale et solidaire, éco "
        "organismes concernés (Ecomineraux, Valobat, Ecomaison et Valdelia) ; aux collectivités locales (et leurs "
        "groupements) ; aux bailleurs sociaux",
        "duration_wording": "L'AMI est ouvert pour une durée de trois années à compter de la date à laquelle la "
        "délibération l'ayant approuvé a été rendue exécutoire.",
        "duration_years": 3,
        "indicator_code": "3.4-1",
        "support_wording": f"{REDIRECTION} ou des fonds européens de développement économique régional (PO FEDER, "
        "Fonds de Transition Juste, ...), selon le besoin et l’éligibilité aux dispositifs et outils disponibles. "
        f"{NO_FUNDING} Le soutien régional se fera conformément aux régimes cadres exemptés de notification "
        "relatifs aux aides aux entreprises, à la protection de l’environnement, à la recherche, au développement "
        "et à l’innovation en vigueur.",
        "phases": [
            {
                "number": 1,
                "title": "Réponses au fil de l'eau",
                "audience_wording": "aux acteurs économiques : entreprises, acteurs de l’économie sociale et "
                "solidaire, éco organismes concernés (Ecomineraux, Valobat, Ecomaison et Valdelia) ; aux "
                "collectivités locales (et leurs groupements) ; aux bailleurs sociaux",
                "eligible": [
                    Kind.COMPANY,
                    Kind.SOCIAL_ECONOMY,
                    Kind.ECO_ORGANISATION,
                    Kind.LOCAL_AUTHORITY,
                    Kind.SOCIAL_LANDLORD,
                ],
                "deadline_wording": "Les projets et contributions seront étudiés au fil de l’eau.",
                "rolling_review": True,
                "closes_at": None,
            }
        ],
    },
    {
        "code": "ressourceries",
        "position": 1,
        "title": "Déploiement d’un réseau régional de ressourceries – recycleries de nouvelle génération",
        "short_title": "Ressourceries-recycleries de nouvelle génération",
        "objectives": "Structurer un réseau régional de lieux innovants de réemploi et de réparation",
        "holders_wording": "Pour la phase 1 : Aux opérateurs ayant démontré (par des opérations réalisées) leurs "
        "connaissances et leur capacité technique d’accompagner, de conseiller et de coordonner aux côtés de la "
        "Région les initiatives de ressourceries-recycleries qui émergeront de la phase 2 de l’AMI. Pour la phase "
        "2 : aux collectivités locales (et leur groupements), aux syndicats de gestion des déchets ; aux acteurs "
        "économiques : entreprises, acteurs de l’économie sociale et solidaire, éco organismes concernés",
        "duration_wording": "Pour la phase 2 : réponses attendues avant le 5 juin 2026",
        "duration_years": None,
        "indicator_code": "3.6-1",
        "support_wording": f"{REDIRECTION} ou des fonds européens de développement économique régional (FEDER, "
        f"Fonds de Transition Juste, ...), selon le besoin et l’éligibilité aux dispositifs et outils disponibles. "
        f"{NO_FUNDING}",
        "phases": [
            {
                "number": 1,
                "title": "Phase 1 — opérateurs d'animation et de coordination",
                "audience_wording": "Aux opérateurs ayant démontré (par des opérations réalisées) leurs connaissances "
                "et leur capacité technique d’accompagner, de conseiller et de coordonner aux côtés de la Région les "
                "initiatives de ressourceries-recycleries qui émergeront de la phase 2 de l’AMI.",
                "eligible": [Kind.OPERATOR],
                "deadline_wording": "Pour la phase 1 : réponses attendues avant le 31 février 2026.",
                "rolling_review": False,
                "closes_at": None,
            },
            {
                "number": 2,
                "title": "Phase 2 — porteurs de ressourceries-recycleries",
                "audience_wording": "aux collectivités locales (et leur groupements), aux syndicats de gestion des "
                "déchets ; aux acteurs économiques : entreprises, acteurs de l’économie sociale et solidaire, éco "
                "organismes concernés",
                "eligible": [
                    Kind.LOCAL_AUTHORITY,
                    Kind.WASTE_SYNDICATE,
                    Kind.COMPANY,
                    Kind.SOCIAL_ECONOMY,
                    Kind.ECO_ORGANISATION,
                ],
                "deadline_wording": "Pour la phase 2 : réponses attendues avant le 5 juin 2026",
                "rolling_review": False,
                # « avant le 5 juin 2026 »: answers are accepted strictly before 5 June 2026, 00:00 in Paris.
                "closes_at": datetime(2026, 6, 5, 0, 0, tzinfo=PARIS),
                "counts": True,
            },
        ],
    },
]


@reference_loader(order=30)
def load_calls(report):
    for entry in CALLS:
        call = upsert(
            report,
            Call,
            {"code": entry["code"]},
            {
                "title": entry["title"],
                "short_title": entry["short_title"],
                "objectives": entry["objectives"],
                "holders_wording": entry["holders_wording"],
                "confidentiality": CONFIDENTIALITY,
                "support_wording": entry["support_wording"],
                "duration_wording": entry["duration_wording"],
                "contact_email": CONTACT,
                "duration_years": entry["duration_years"],
                "indicator_code": entry["indicator_code"],
                "position": entry["position"],
                "source_document": PLAN_DOCUMENT,
                "source_wording": entry["title"],
            },
        )
        for position, (code, label, wording, phase_number, calls) in enumerate(CRITERIA):
            if call.code not in calls:
                continue
            upsert(
                report,
                Criterion,
                {"call": call, "code": code},
                {
                    "label": label,
                    "position": position,
                    "phase_number": phase_number,
                    "source_document": PLAN_DOCUMENT,
                    "source_wording": wording,
                },
                create_only={"weight": 1},
            )
        for spec in entry["phases"]:
            phase = upsert(
                report,
                Phase,
                {"call": call, "number": spec["number"]},
                {
                    "title": spec["title"],
                    "audience_wording": spec["audience_wording"],
                    "deadline_wording": spec["deadline_wording"],
                    "counts_for_indicator": spec.get("counts", entry["code"] == "pmcb"),
                    "source_document": PLAN_DOCUMENT,
                    "source_wording": spec["deadline_wording"],
                },
                create_only={
                    "eligible_kinds": list(spec["eligible"]),
                    "rolling_review": spec["rolling_review"],
                    "closes_at": spec["closes_at"],
                },
            )
            _flag_phase(report, call, phase, spec)
        load_passages(report, call)
        _flag_call(report, call)


def _flag_call(report, call):
    flag(
        report,
        call,
        code="priority-audience",
        message=(
            "L'AMI s'adresse « en priorité » aux porteurs listés : le portail n'accepte que les types de structure "
            "cochés sur chaque phase. Confirmez cette lecture ou élargissez les types admis."
        ),
        evidence=[quote(PLAN_DOCUMENT, "L’AMI s’adresse en priorité :")],
    )
    flag(
        report,
        call,
        code="weights-missing",
        message="Le texte ne pondère pas ses critères : ils comptent à parts égales tant qu'un agent ne les pondère pas.",
        evidence=[quote(PLAN_DOCUMENT, CRITERIA[0][2])],
    )
    flag(
        report,
        call,
        code="answer-form-address",
        message=(
            "Le texte annonce un « dossier type de réponse » sur le site régional, à l'adresse de sa page "
            "d'accueil (https://www.hautsdefrance.fr) et non d'un document : le formulaire en ligne du portail, "
            "qui reprend les sept rubriques citées, en tient lieu. À confirmer par la Région."
        ),
        evidence=[
            quote(
                PLAN_DOCUMENT,
                "Un dossier type de réponse à l’AMI sera proposé et mis à disposition sur le site internet "
                "régional à l’adresse : https://www.hautsdefrance.fr",
            )
        ],
    )
    if call.code == "pmcb":
        flag(
            report,
            call,
            code="tool-develop-or-identify",
            message=(
                "L'intitulé de l'AMI parle de « développement d'un outil numérique », la proposition 4 de "
                "« développer un outil numérique », mais l'objet de l'AMI est d'« identifier le meilleur outil "
                "numérique » : un dossier peut proposer un outil existant. Un dossier ne dit pas non plus s'il "
                "répond au premier objet (plateformes) ou au second (outil) ; l'indicateur 3.4 les compte tous "
                "comme des plateformes en attendant."
            ),
            evidence=[
                quote(
                    PLAN_DOCUMENT,
                    "et développement d’un outil numérique de coordination des plateformes",
                ),
                quote(
                    PLAN_DOCUMENT,
                    "Il s’agit dans un premier temps de développer un outil numérique",
                ),
                quote(PLAN_DOCUMENT, "D’autre part d’identifier le meilleur outil numérique"),
            ],
        )
        flag(
            report,
            call,
            code="enforceable-date-missing",
            message=(
                "L'AMI est ouvert trois ans à compter du jour où la délibération est devenue exécutoire, date que le "
                "texte ne donne pas. Rien n'ouvre ni ne ferme tant qu'un agent ne l'a pas saisie."
            ),
            evidence=[quote(PLAN_DOCUMENT, call.duration_wording), quote(PLAN_DOCUMENT, LAUNCH)],
        )


def _flag_phase(report, call, phase, spec):
    if call.code == "ressourceries":
        flag(
            report,
            phase,
            code="opening-missing",
            message="Le texte dit que l'AMI est lancé dès l'entrée en vigueur de la délibération, sans date : l'ouverture reste à saisir.",
            evidence=[quote(PLAN_DOCUMENT, LAUNCH)],
        )
    if call.code == "ressourceries" and phase.number == 2:
        flag(
            report,
            phase,
            code="deadline-time-missing",
            message=(
                "« avant le 5 juin 2026 » ne donne pas d'heure : la clôture est fixée au 5 juin 2026 à 00:00 "
                "(heure de Paris), le dernier dépôt accepté étant le 4 juin à 23:59:59. À confirmer, ou à "
                "reporter (par exemple au 5 juin à 12:00) sur la page de la phase."
            ),
            evidence=[quote(PLAN_DOCUMENT, spec["deadline_wording"])],
        )
    if call.code == "ressourceries" and phase.number == 1:
        flag(
            report,
            phase,
            code="impossible-date",
            message=(
                "La date limite de la phase 1, « 31 février 2026 », n'existe pas. Aucune date n'est retenue : la phase "
                "ne s'ouvre ni ne se ferme tant qu'un agent n'a pas confirmé la bonne date."
            ),
            evidence=[quote(PLAN_DOCUMENT, spec["deadline_wording"])],
        )
