"""The action plan as seed 002 states it: axes, actions, the objectives table,
the funding plan and the governance, each with its source wording."""

from datetime import date
from decimal import Decimal

from actionplan.models import (
    Action,
    Axis,
    Frequency,
    FundingSource,
    GovernanceBody,
    Indicator,
    PlanSetting,
    TargetKind,
)
from actionplan.reference_passages import load_passages
from core.reference import PLAN_DOCUMENT, flag, quote, reference_loader, upsert

D = Decimal
M = D(1_000_000)
TBD_FOOTNOTE = "* objectif à préciser après une  étude diagnostic"

AXES = [
    ("I", "Créer les conditions nécessaires au changement de modèle et d’échelle"),
    ("II", "Accélérer la transformation de l’industrie régionale"),
    (
        "III",
        "Second volet du plan d’action : projets d’industrialisation de l’économie circulaire s’appuyant sur "
        "les recommandations de la mission bénévole d’André DUPON.",
    ),
]

# code, axis, wording of the action in the text, theme (objectives table), proposition, lifecycle, example
ACTIONS = [
    (
        "1.1",
        "I",
        "Emplois et compétences, accompagner les entreprises et former aux nouveaux métiers",
        "Emploi formation",
        None,
        [],
        "",
    ),
    (
        "1.2",
        "I",
        "Soutenir l’innovation, la recherche, et les formations supérieures",
        "Innovation et recherche",
        None,
        [],
        "",
    ),
    (
        "1.3",
        "I",
        "Mobiliser les citoyens vers de nouveaux usages et modes de consommation",
        "Accompagner les citoyens",
        None,
        [],
        "campagne régionale sur la consigne prévue fin 2025",
    ),
    (
        "1.4",
        "I",
        "Mobiliser les collectivités pour diffuser les principes de l’économie circulaire",
        "Accompagner les collectivités",
        None,
        [],
        "",
    ),
    (
        "1.5",
        "I",
        "Accélérer les achats publics circulaires",
        "Achat public responsable",
        None,
        [],
        "partenariat Emmaüs Connect pour le réemploi du matériel informatique",
    ),
    (
        "2.1",
        "II",
        "Accompagner individuellement les entreprises",
        "Accompagner les entreprises",
        None,
        [],
        "",
    ),
    (
        "2.2",
        "II",
        "Déployer les partenariats inter filières pour accélérer l’innovation et conquérir de nouveaux marchés",
        "Innovation et filières",
        None,
        [],
        "analyse des débouchés de coproduits du chanvre pour des produits du bâtiment",
    ),
    (
        "2.3",
        "II",
        "Identifier les opportunités et diffuser les nouveaux modèles économiques",
        "Nouvelles opportunités",
        None,
        [],
        "accompagnement collectif des acteurs de la consigne (Hauts-la-consigne, le Fourgon…)",
    ),
    (
        "2.4",
        "II",
        "Réaliser un travail d’analyse sur les filières émergentes",
        "Nouvelles filières",
        None,
        [],
        "structuration et développement de la filière lin régionale",
    ),
    (
        "3.1",
        "III",
        "renforcer la filière batteries en développant notamment le sourcing en amont (mines urbaines) et le réemploi puis le recyclage",
        "Batteries",
        1,
        ["AVAL"],
        "",
    ),
    (
        "3.2",
        "III",
        "recycler les plastiques, l’enjeu majeur de la séparation en amont, du recyclage et de la réincorporation en aval.",
        "Plastiques",
        2,
        ["AVAL"],
        "",
    ),
    (
        "3.3",
        "III",
        "structurer le recyclage textile à l’échelle régionale",
        "Textiles",
        3,
        ["AMONT", "USAGE", "AVAL"],
        "",
    ),
    (
        "3.4",
        "III",
        "créer 10 grandes plateformes de collecte, tri, traitement et valorisation des Produits et Matériaux de la Construction et du Bâtiment (PMCB)",
        "Réemploi pour le bâtiment",
        4,
        ["AVAL"],
        "",
    ),
    (
        "3.5",
        "III",
        "structurer une filière régionale de réemploi des briques.",
        "Réemploi des briques",
        5,
        ["AVAL"],
        "",
    ),
    (
        "3.6",
        "III",
        "accompagner le développement de 10 giga ressourceries-recycleries",
        "Ressourceries recycleries",
        6,
        ["AVAL"],
        "",
    ),
    (
        "3.7",
        "III",
        "créer le premier centre commercial de France sur les produits du réemploi",
        "Centre commercial du réemploi",
        7,
        ["USAGE", "AVAL"],
        "",
    ),
]

# The lifecycle markers of axes I and II stand in the margin; flattened, they no
# longer say which action they belong to (8 runs of markers for 9 actions).
LIFECYCLE_PAGES = {
    # Propositions 1 to 7 (actions 3.1–3.7): the same margin markers, read the same way.
    ("3.1", "3.2", "3.3", "3.4"): "AVAL AVAL AMONT USAGE AVAL AVAL",
    ("3.5", "3.6", "3.7"): "AVAL AVAL USAGE AVAL",
    ("1.1", "1.2", "1.3", "1.4"): "AMONT USAGE AVAL AMONT USAGE AMONT USAGE AVAL",
    (
        "1.4",
        "1.5",
        "2.1",
        "2.2",
        "2.3",
        "2.4",
    ): "USAGE AMONT AMONT USAGE AVAL AMONT USAGE AVAL AMONT",
}


def _row(indicator, objective):
    return f"{indicator} {objective}"


# code, action, indicator wording, objective wording, kind, unit, target fields
INDICATORS = [
    (
        "1.1-1",
        "1.1",
        "Augmentation du nombre d’emplois dédiés à l'économie circulaire",
        "De 25 000 emplois en 2023 à 30 000 emplois en 2030",
        TargetKind.INCREASE,
        "emplois",
        {
            "baseline_value": D(25000),
            "baseline_year": 2023,
            "target_value": D(30000),
            "target_year": 2030,
            "frequency": Frequency.YEARLY,
        },
    ),
    (
        "1.1-2",
        "1.1",
        "Nombre d’entreprises accompagnées*",
        "Actions RH, GPEC, recrutement",
        TargetKind.TO_BE_DEFINED,
        "entreprises",
        {},
    ),
    (
        "1.1-3",
        "1.1",
        "Opérations emploi-formation financées et taux de retour à l’emploi*",
        "Dispositifs financés et du taux d’insertion professionnelle",
        TargetKind.TO_BE_DEFINED,
        "opérations",
        {},
    ),
    (
        "1.1-4",
        "1.1",
        "Montant d’investissement dans l’offre pédagogique*",
        "Budget mobilisé pour les plateaux techniques",
        TargetKind.TO_BE_DEFINED,
        "€",
        {},
    ),
    (
        "1.1-5",
        "1.1",
        "Nombre d’entrées en formation*",
        "Toutes voies confondues",
        TargetKind.TO_BE_DEFINED,
        "entrées",
        {},
    ),
    (
        "1.1-6",
        "1.1",
        "Nombre de métiers émergents ou en mutation identifiés",
        "Cartographier 15 à 20 métiers porteurs",
        TargetKind.RANGE,
        "métiers",
        {"target_value": D(15), "target_max": D(20)},
    ),
    (
        "1.2-1",
        "1.2",
        "Nombre de partenariats recherche/entreprises",
        "30",
        TargetKind.COUNT,
        "partenariats",
        {"target_value": D(30)},
    ),
    (
        "1.2-2",
        "1.2",
        "Nombre de projets de recherche en économie circulaire",
        "12",
        TargetKind.COUNT,
        "projets",
        {"target_value": D(12)},
    ),
    (
        "1.2-3",
        "1.2",
        "Nombre de thèses en économie circulaire",
        "18",
        TargetKind.COUNT,
        "thèses",
        {"target_value": D(18)},
    ),
    (
        "1.2-4",
        "1.2",
        "Nombre de chercheurs impliqués dans le réseau régional",
        "80",
        TargetKind.COUNT,
        "chercheurs",
        {"target_value": D(80)},
    ),
    (
        "1.3-1",
        "1.3",
        "Actions régionales de sensibilisation auprès des citoyens",
        "10",
        TargetKind.COUNT,
        "actions",
        {"target_value": D(10)},
    ),
    (
        "1.3-2",
        "1.3",
        "Structuration et animation d'un réseau régional de la réparation",
        "Cartographie et coordination des acteurs",
        TargetKind.QUALITATIVE,
        "",
        {},
    ),
    (
        "1.3-3",
        "1.3",
        "Augmenter le nombre de Repair cafés en région",
        "Passer de 200 à 275",
        TargetKind.INCREASE,
        "Repair cafés",
        {"baseline_value": D(200), "target_value": D(275)},
    ),
    (
        "1.3-4",
        "1.3",
        "Augmenter le nombre de salons de la réparation sur les Hauts-de-France",
        "Passer de 2 à 10",
        TargetKind.INCREASE,
        "salons",
        {"baseline_value": D(2), "target_value": D(10)},
    ),
    (
        "1.4-1",
        "1.4",
        "Accompagner les collectivités sur le volet prévention des déchets",
        "25 à 30 projets",
        TargetKind.RANGE,
        "projets",
        {"target_value": D(25), "target_max": D(30)},
    ),
    (
        "1.4-2",
        "1.4",
        "Développer de nouvelles ressources issues des déchets ménagers",
        "30 à 35 projets",
        TargetKind.RANGE,
        "projets",
        {"target_value": D(30), "target_max": D(35)},
    ),
    (
        "1.4-3",
        "1.4",
        "Accueillir les rencontres nationales de l'EIT en région",
        "En 2025",
        TargetKind.MILESTONE,
        "",
        {"target_date": date(2025, 12, 31), "target_year": 2025},
    ),
    (
        "1.4-4",
        "1.4",
        "Augmenter le nombre de territoires déployant une démarche d’EIT",
        "Passer de 12 à 20",
        TargetKind.INCREASE,
        "territoires",
        {"baseline_value": D(12), "target_value": D(20)},
    ),
    (
        "1.4-5",
        "1.4",
        "Constituer et animer un réseau européen des territoires EIT",
        "d'ici 2027",
        TargetKind.MILESTONE,
        "",
        {"target_date": date(2027, 12, 31), "target_year": 2027},
    ),
    (
        "1.5-1",
        "1.5",
        "Parvenir à 30% d’achats circulaires en 2030 pour la Région",
        "30%",
        TargetKind.PERCENTAGE,
        "%",
        {"target_value": D(30), "target_year": 2030, "frequency": Frequency.YEARLY},
    ),
    (
        "2.1-1",
        "2.1",
        "Diffusion de l’économie circulaire dans le tissu économique régional",
        "1 000 entreprises accompagnées",
        TargetKind.COUNT,
        "entreprises",
        {"target_value": D(1000)},
    ),
    (
        "2.2-1",
        "2.2",
        "Accompagner des projets d’innovation pour l’économie circulaire",
        "40 projets accompagnés",
        TargetKind.COUNT,
        "projets",
        {"target_value": D(40)},
    ),
    (
        "2.3-1",
        "2.3",
        "Identifier et diffuser des opportunités de développement de nouvelles activités",
        "20 opportunités",
        TargetKind.COUNT,
        "opportunités",
        {"target_value": D(20)},
    ),
    (
        "2.3-2",
        "2.3",
        "Accompagner des entreprises au développement de nouvelles activités",
        "30 entreprises accompagnées",
        TargetKind.COUNT,
        "entreprises",
        {"target_value": D(30)},
    ),
    (
        "2.3-3",
        "2.3",
        "Accompagner des entreprises vers l’économie de la fonctionnalité",
        "30 entreprises accompagnées",
        TargetKind.COUNT,
        "entreprises",
        {"target_value": D(30)},
    ),
    (
        "2.4-1",
        "2.4",
        "Analyse et cartographie des acteurs et des flux, identification des opportunités",
        "3 analyses",
        TargetKind.COUNT,
        "analyses",
        {"target_value": D(3)},
    ),
    (
        "2.4-2",
        "2.4",
        "Structurer, animer et coordonner les filières ainsi identifiées",
        "3 structurations de filières",
        TargetKind.COUNT,
        "structurations",
        {"target_value": D(3)},
    ),
    (
        "3.1-1",
        "3.1",
        "Emergence et accompagnement de projets structurants",
        "Mobiliser 60 M € pour accompagner 20 projets structurants",
        TargetKind.MONEY_AND_COUNT,
        "€",
        {"target_value": 60 * M, "target_count": 20},
    ),
    (
        "3.2-1",
        "3.2",
        "Emergence et accompagnement de projets structurants",
        "Mobiliser 30 M € pour accompagner 10 projets structurants",
        TargetKind.MONEY_AND_COUNT,
        "€",
        {"target_value": 30 * M, "target_count": 10},
    ),
    (
        "3.3-1",
        "3.3",
        "Emergence et accompagnement de projets structurants",
        "Mobiliser 20 M € pour accompagner 10 projets structurants",
        TargetKind.MONEY_AND_COUNT,
        "€",
        {"target_value": 20 * M, "target_count": 10},
    ),
    (
        "3.4-1",
        "3.4",
        "Accompagnement à l'émergence d'un réseau régional",
        "10 Plateformes de réemploi",
        TargetKind.COUNT,
        "plateformes",
        {"target_value": D(10), "computed_by": "ami.retained_reuse_platforms"},
    ),
    (
        "3.5-1",
        "3.5",
        "Structurer et développer la filière régionale",
        "Mobiliser 5 M€ pour passer à l'échelle industrielle",
        TargetKind.MONEY,
        "€",
        {"target_value": 5 * M},
    ),
    (
        "3.6-1",
        "3.6",
        "Accompagnement à l'émergence d'un réseau régional",
        "10 Plateformes de nouvelle génération",
        TargetKind.COUNT,
        "plateformes",
        {"target_value": D(10), "computed_by": "ami.retained_ressourceries"},
    ),
    (
        "3.7-1",
        "3.7",
        "Déployer une offre commerciale innovante dédiée au réemploi",
        "Centre commercial régional du réemploi, 5 000 m²",
        TargetKind.AREA,
        "m²",
        {"target_value": D(5000)},
    ),
]

# code, name, group, envelope, leverage, wording
FUNDING = [
    (
        "fratri",
        "FRATRI économie circulaire et les dispositifs de droit commun",
        "Région",
        10 * M,
        False,
        "FRATRI économie circulaire et les dispositifs de droit commun (10 M€)",
    ),
    (
        "booster-rev3",
        "Booster Transformation Rev3, dispositifs ESS, entrepreneuriat, digitalisation des entreprises",
        "Région",
        5 * M,
        False,
        "Booster Transformation Rev3, dispositifs ESS, entrepreneuriat, digitalisation des entreprises… (5 M€)",
    ),
    (
        "feder",
        "FEDER",
        "Fonds européens",
        50 * M,
        False,
        "FEDER (50 M€ sur les lignes économie circulaire et recherche)",
    ),
    ("feampa", "FEAMPA", "Fonds européens", None, False, "FEAMPA"),
    ("ftj", "FTJ", "Fonds européens", 180 * M, False, "FTJ (180 M€ disponibles)"),
    (
        "interreg-cross",
        "Interreg Cross Roads et Cross S3",
        "Projets européens",
        3 * M,
        False,
        "Interreg Cross Roads et Cross S3 (3 M€ mobilisables)",
    ),
    (
        "riv-circular",
        "RIV Circular",
        "Projets européens",
        2 * M,
        False,
        "RIV Circular (près de 2 M€ mobilisables)",
    ),
    (
        "private-eco",
        "Financements privés et éco-organismes",
        "Effet levier",
        None,
        True,
        "Lever autant que possible les financements privés et notamment ceux des éco organismes",
    ),
]

GOVERNANCE = [
    (
        "copil",
        "Comité de pilotage",
        "Non précisé par le plan",
        "Région et ADEME, au niveau du « Comité d’articulation des fonds Rev3 »",
        "Le Comité de pilotage sera coordonné au niveau du « Comité d’articulation des fonds Rev3 » qui "
        "rassemble la Région et l’ADEME.",
    ),
    (
        "cotech",
        "Comité technique",
        "Tous les trimestres",
        "L'ensemble des équipes projets, animé par la Direction Hauts-de-France Entreprises",
        "un Comité technique rassemblant l’ensemble des équipes projets se réunira tous les trimestres, "
        "notamment en amont des Comités de Pilotage.",
    ),
    (
        "annual-event",
        "Temps fort annuel",
        "Une fois par an",
        "L'ensemble des acteurs intervenant sur le champ de l'économie circulaire",
        "Un temps fort annuel rassemblant l’ensemble des acteurs intervenant sur le champ de l’économie "
        "circulaire sera organisé.",
    ),
]

PROVISIONAL_START = date(2025, 1, 1)


@reference_loader(order=20)
def load_action_plan(report):
    plan = upsert(
        report,
        PlanSetting,
        {"pk": 1},
        {
            "envelope": 250 * M,
            "duration_years": 3,
            "source_document": PLAN_DOCUMENT,
            "source_wording": "Mobilisation de 250 M€ sur 3 ans pour industrialiser l’économie circulaire",
        },
    )
    flag(
        report,
        plan,
        code="plan-start-missing",
        message=(
            "Le plan mobilise 250 M€ « sur 3 ans » sans dire quand ces trois années commencent. En attendant "
            "une date confirmée, les indicateurs sans année prennent pour horizon provisoire 2025–2027."
        ),
        evidence=[
            quote(
                PLAN_DOCUMENT,
                "Mobilisation de 250 M€ sur 3 ans pour industrialiser l’économie circulaire",
            ),
            quote(PLAN_DOCUMENT, "présentées en séance plénière du 30 janvier 2025"),
        ],
    )
    axes = {}
    for position, (code, title) in enumerate(AXES):
        axes[code] = upsert(
            report,
            Axis,
            {"code": code},
            {
                "title": title,
                "position": position,
                "source_document": PLAN_DOCUMENT,
                "source_wording": title,
            },
        )
    actions = {}
    for position, (code, axis, wording, theme, proposition, lifecycle, example) in enumerate(
        ACTIONS
    ):
        actions[code] = upsert(
            report,
            Action,
            {"code": code},
            {
                "axis": axes[axis],
                "title": wording,
                "theme": theme,
                "proposition": proposition,
                "examples": example,
                "position": position,
                "source_document": PLAN_DOCUMENT,
                "source_wording": wording,
            },
            # A reading of the margin, kept until an officer sets the tags (then theirs stays).
            create_only={"lifecycle": lifecycle},
        )
    markers_by_action = {}
    for codes, markers in LIFECYCLE_PAGES.items():
        for code in codes:
            markers_by_action.setdefault(code, []).append(quote(PLAN_DOCUMENT, markers))
    for code, evidence in markers_by_action.items():
        flag(
            report,
            actions[code],
            code="lifecycle-unattributed",
            message=(
                "Les étiquettes AMONT / USAGE / AVAL de cette page sont en marge et, une fois le texte "
                "aplati, ne se rattachent plus avec certitude à chaque action : à renseigner par un agent."
                + (
                    " Lecture provisoire : " + ", ".join(actions[code].lifecycle) + "."
                    if actions[code].lifecycle
                    else ""
                )
            ),
            evidence=evidence,
        )
    _load_indicators(report, actions)
    _compute_new_statuses()
    _load_funding(report)
    for code, name, cadence, composition, wording in GOVERNANCE:
        body = upsert(
            report,
            GovernanceBody,
            {"code": code},
            {
                "name": name,
                "cadence": cadence,
                "composition": composition,
                "source_document": PLAN_DOCUMENT,
                "source_wording": wording,
            },
        )
        if code == "copil":
            flag(
                report,
                body,
                code="cadence-missing",
                message=(
                    "Le plan ne dit pas à quel rythme se réunit le comité de pilotage (le comité technique se "
                    "réunit « tous les trimestres », « notamment en amont des Comités de Pilotage ») : le "
                    "rapport est trimestriel en attendant que la Région fixe la cadence."
                ),
                evidence=[quote(PLAN_DOCUMENT, wording), quote(PLAN_DOCUMENT, GOVERNANCE[1][4])],
            )
    _flag_targets_in_text_only(report, actions)
    load_passages(report, plan, actions)
    _flag_readings(report, plan, actions)


# Targets the text states that the objectives table does not turn into an indicator.
TEXT_ONLY_TARGETS = {
    "1.3": (
        "text-only-target",
        "Exemple d’action : campagne régionale sur la consigne prévue fin 2025",
        "Le texte annonce une campagne régionale sur la consigne « prévue fin 2025 » ; aucun "
        "indicateur ne la suit. À confirmer : faut-il un jalon (fin 2025) ?",
    ),
    "1.4": (
        "text-only-target",
        "Encourager et accompagner les PLPDMA (programmes locaux de prévention des déchets ménagers) "
        "afin de couvrir 100% du territoire régional,",
        "Le texte vise une couverture de « 100% du territoire régional » par les PLPDMA ; aucun "
        "indicateur ne la suit. À confirmer : faut-il un indicateur de couverture ?",
    ),
    "3.7": (
        "text-only-target",
        "Nécessitant une surface de 6 000 m2, pour 25 cellules commerciales, une zone de restauration "
        "de 200 m2, un centre de formation, un Fablab de type Repair Café, un espace de conférence",
        "La proposition 7 précise 25 cellules commerciales et une zone de restauration de 200 m² ; "
        "seule la surface est suivie. À confirmer : faut-il suivre ces éléments ?",
    ),
}


def _flag_targets_in_text_only(report, actions):
    for action_code, (code, wording, message) in TEXT_ONLY_TARGETS.items():
        flag(
            report,
            actions[action_code],
            code=code,
            message=message,
            evidence=[quote(PLAN_DOCUMENT, wording)],
        )


def _compute_new_statuses():
    from actionplan.services import indicator_refresh_status

    for indicator in Indicator.objects.filter(status_computed_at__isnull=True):
        indicator_refresh_status(indicator=indicator)


def _load_indicators(report, actions):
    for position, (code, action, name, objective, kind, unit, target) in enumerate(INDICATORS):
        values = {
            "action": actions[action],
            "name": name.rstrip("*"),
            "monitoring_wording": objective,
            "target_kind": kind,
            "unit": unit,
            "position": position,
            "source_document": PLAN_DOCUMENT,
            "source_wording": _row(name, objective),
            "frequency": Frequency.QUARTERLY,
            "computed_by": "",
            **dict.fromkeys(("baseline_value", "baseline_year", "target_value", "target_max")),
            **dict.fromkeys(("target_count", "target_year", "target_date")),
            **target,
        }
        indicator = upsert(report, Indicator, {"code": code}, values)
        _flag_indicator(report, indicator, name, objective)


def _flag_indicator(report, indicator, name, objective):
    row = quote(PLAN_DOCUMENT, _row(name, objective))
    if indicator.target_kind == TargetKind.TO_BE_DEFINED:
        flag(
            report,
            indicator,
            code="tbd-owner-missing",
            message=(
                "Objectif à préciser après une étude diagnostic : le plan ne dit ni qui le définit ni pour "
                "quand. Renseignez le responsable et l'échéance."
            ),
            evidence=[row, quote(PLAN_DOCUMENT, TBD_FOOTNOTE)],
        )
    if indicator.target_kind == TargetKind.INCREASE and indicator.baseline_year is None:
        flag(
            report,
            indicator,
            code="years-missing",
            message=(
                "« Passer de … à … » sans année de départ ni d'arrivée : la trajectoire suit l'horizon du plan, "
                "lui-même à confirmer."
            ),
            evidence=[row],
        )
    if indicator.code == "1.4-3":
        flag(
            report,
            indicator,
            code="milestone-year-only",
            message="Le jalon ne donne que l'année : il est compté comme tenu s'il est atteint au 31/12/2025.",
            evidence=[row],
        )
    if indicator.code == "1.4-5":
        flag(
            report,
            indicator,
            code="milestone-year-only",
            message=(
                "« d'ici 2027 » ne donne pas de date : l'échéance est fixée au 31/12/2027 (le réseau doit "
                "exister au plus tard fin 2027). À confirmer, ou à avancer si « d'ici » veut dire avant 2027."
            ),
            evidence=[row],
        )
    if indicator.code == "3.7-1":
        flag(
            report,
            indicator,
            code="area-differs",
            message=(
                "La surface du centre commercial diffère entre le tableau des objectifs (5 000 m²) et la "
                "proposition 7 (6 000 m²). Le tableau est retenu comme cible en attendant confirmation."
            ),
            evidence=[
                row,
                quote(
                    PLAN_DOCUMENT,
                    "Nécessitant une surface de 6 000 m2, pour 25 cellules commerciales",
                ),
            ],
        )


def _load_funding(report):
    for position, (code, name, group, envelope, leverage, wording) in enumerate(FUNDING):
        source = upsert(
            report,
            FundingSource,
            {"code": code},
            {
                "name": name,
                "group": group,
                "envelope": envelope,
                "is_leverage": leverage,
                "position": position,
                "source_document": PLAN_DOCUMENT,
                "source_wording": wording,
            },
        )
        if code == "feampa":
            flag(
                report,
                source,
                code="amount-missing",
                message=(
                    "Le FEAMPA est cité parmi les sources sans montant : il ne compte pas dans les "
                    "enveloppes tant qu'un agent n'a pas saisi sa part pour le plan."
                ),
                evidence=[quote(PLAN_DOCUMENT, wording)],
            )
        if code == "ftj":
            flag(
                report,
                source,
                code="available-not-envelope",
                message=(
                    "« 180 M€ disponibles » décrit ce que le FTJ a de disponible, pas forcément la part "
                    "réservée au plan : ce montant est pris comme enveloppe en attendant confirmation."
                ),
                evidence=[quote(PLAN_DOCUMENT, wording)],
            )
        if code == "riv-circular":
            flag(
                report,
                source,
                code="approximate-amount",
                message="Montant approximatif (« près de 2 M€ ») : 2 M€ est retenu en attendant le montant exact.",
                evidence=[quote(PLAN_DOCUMENT, wording)],
            )


FICHE_WORDING = (
    "Chaque action sera mise en œuvre par un groupe projet et synthétisée dans une fiche action présentant "
    "les enjeux, les partenaires mobilisés (internes et externes), les objectifs et les moyens."
)


def _flag_readings(report, plan, actions):
    """What the plan contradicts or leaves open beyond single figures, and the reading used."""
    flag(
        report,
        plan,
        code="bilan-annex-missing",
        message=(
            "Le préambule renvoie au bilan des actions menées depuis 2020 « présenté en annexe », mais la seule "
            "annexe du plan (Annexe 1) porte sur sa mise en œuvre et son pilotage : le bilan n'est pas dans le "
            "document. Rien n'en est repris."
        ),
        evidence=[
            quote(PLAN_DOCUMENT, "(bilan présenté en annexe)"),
            quote(
                PLAN_DOCUMENT,
                "ANNEXE 1 : mise en œuvre, pilotage et animation du plan d’action",
            ),
        ],
    )
    flag(
        report,
        plan,
        code="two-parts-three-axes",
        message=(
            "Le plan « comporte 2 volets » ; le premier est découpé en I) et II), le second n'a pas de numéro. "
            "Le portail range le second volet sous un axe « III » et ses propositions 1 à 7 sous les actions "
            "3.1 à 3.7, numéros que seul le tableau des objectifs leur donne (dans le même ordre)."
        ),
        evidence=[
            quote(PLAN_DOCUMENT, "Le plan d’action comporte 2 volets :"),
            quote(PLAN_DOCUMENT, "Proposition 1 : renforcer la filière batteries"),
            quote(
                PLAN_DOCUMENT, "3.1 Batteries Emergence et accompagnement de projets structurants"
            ),
        ],
    )
    flag(
        report,
        plan,
        code="envelope-sum-reading",
        message=(
            "Les montants cités font exactement 250 M€ (10 + 5 + 50 + 180 + 3 + 2) à condition de compter en "
            "entier les 50 M€ du FEDER, partagés avec la recherche, et les 180 M€ « disponibles » du FTJ, et "
            "de ne rien compter pour le FEAMPA ni pour les « autres opportunités à saisir ». Le portail suit "
            "cette lecture : à confirmer."
        ),
        evidence=[
            quote(PLAN_DOCUMENT, "Mobilisation de 250 M€ sur 3 ans"),
            quote(PLAN_DOCUMENT, "FEDER (50 M€ sur les lignes économie circulaire et recherche)"),
            quote(PLAN_DOCUMENT, "FTJ (180 M€ disponibles)"),
            quote(
                PLAN_DOCUMENT,
                "Autres opportunités à saisir (plan d’action Européen en cours de finalisation)",
            ),
        ],
    )
    undated = [
        indicator.code
        for indicator in Indicator.objects.filter(
            target_year__isnull=True,
            target_date__isnull=True,
            target_kind__in=[
                TargetKind.COUNT,
                TargetKind.RANGE,
                TargetKind.INCREASE,
                TargetKind.MONEY,
                TargetKind.MONEY_AND_COUNT,
                TargetKind.AREA,
            ],
        ).order_by("position")
    ]
    flag(
        report,
        plan,
        code="targets-without-date",
        message=(
            f"Le tableau des objectifs ne donne pas d'échéance à {len(undated)} cibles "
            f"({', '.join(undated)}) : le portail les juge à la fin de l'horizon du plan (« sur 3 "
            "ans »), lui-même à confirmer."
        ),
        evidence=[
            quote(PLAN_DOCUMENT, "Action Thématique Indicateur Objectif ou modalité de suivi")
        ],
    )
    flag(
        report,
        plan,
        code="targets-beyond-plan",
        message=(
            "Le plan mobilise ses moyens « sur 3 ans », mais deux cibles sont fixées à 2030 (1.1 : 30 000 "
            "emplois ; 1.5 : 30 % d'achats circulaires) : leur trajectoire court jusqu'en 2030, au-delà de "
            "l'horizon du plan."
        ),
        evidence=[
            quote(PLAN_DOCUMENT, "De 25 000 emplois en 2023 à 30 000 emplois en 2030"),
            quote(PLAN_DOCUMENT, "Parvenir à 30% d’achats circulaires en 2030 pour la Région"),
        ],
    )
    for action in actions.values():
        flag(
            report,
            action,
            code="fiche-action-missing",
            message=(
                "Le plan annonce une fiche action par action (enjeux, partenaires mobilisés, objectifs, moyens) "
                "et un groupe projet pour la mettre en œuvre, sans les donner : la fiche est à rédiger sur la "
                "page de l'action."
            ),
            evidence=[quote(PLAN_DOCUMENT, FICHE_WORDING)],
        )
    flag(
        report,
        actions["3.7"],
        code="list-item-twice",
        message=(
            "La liste de l'offre du centre commercial cite « alimentaire » deux fois : probable doublon, "
            "sans effet sur les indicateurs."
        ),
        evidence=[
            quote(
                PLAN_DOCUMENT,
                "cuisine, sport, ressourcerie, alimentaire, jouet … décoration, alimentaire…",
            )
        ],
    )
    indicators = {
        i.code: i for i in Indicator.objects.filter(code__in=["1.1-3", "1.5-1", "3.4-1", "3.6-1"])
    }
    flag(
        report,
        indicators["3.4-1"],
        code="platforms-counted-per-dossier",
        message=(
            "Lecture provisoire : chaque dossier retenu de l'AMI « plateformes de réemploi des PMCB » compte "
            "pour une plateforme. Or cet AMI retient aussi le meilleur outil numérique (qui n'est pas une "
            "plateforme) et un consortium peut porter plusieurs plateformes : à confirmer, ou à corriger par "
            "une mesure saisie."
        ),
        evidence=[
            quote(PLAN_DOCUMENT, "10 Plateformes de réemploi"),
            quote(PLAN_DOCUMENT, "D’autre part d’identifier le meilleur outil numérique"),
            quote(PLAN_DOCUMENT, "(consortiums publics-privés, territoires et éco organismes)"),
        ],
    )
    flag(
        report,
        indicators["3.6-1"],
        code="platforms-counted-phase-2",
        message=(
            "Lecture provisoire : seuls les dossiers retenus en phase 2 de l'AMI « ressourceries-recycleries » "
            "comptent, un par plateforme ; la phase 1 retient les opérateurs qui accompagneront les projets, "
            "pas des ressourceries. La proposition 6 parle de « 10 giga ressourceries-recycleries », le tableau "
            "de « 10 Plateformes de nouvelle génération » : même cible, lue ainsi."
        ),
        evidence=[
            quote(PLAN_DOCUMENT, "10 Plateformes de nouvelle génération"),
            quote(
                PLAN_DOCUMENT, "accompagner le développement de 10 giga ressourceries-recycleries"
            ),
            quote(
                PLAN_DOCUMENT,
                "dans un premier temps court, d’identifier les compétences permettant d’animer",
            ),
        ],
    )
    flag(
        report,
        indicators["1.5-1"],
        code="baseline-denominator-missing",
        message=(
            "« 30 % d'achats circulaires » ne dit ni la part de départ ni ce qui est rapporté à quoi (montant "
            "des achats ? nombre de marchés ?). Lecture provisoire : la part en montant des achats de la "
            "Région, partant de 0 %, bornée entre 0 et 100 %."
        ),
        evidence=[
            quote(PLAN_DOCUMENT, "Parvenir à 30% d’achats circulaires en 2030 pour la Région 30%")
        ],
    )
    flag(
        report,
        indicators["1.1-3"],
        code="two-quantities",
        message=(
            "L'indicateur réunit deux grandeurs, un nombre d'opérations financées et un taux de retour à "
            "l'emploi : le portail le suit comme un nombre d'opérations ; le taux est à suivre à part une fois "
            "l'objectif défini."
        ),
        evidence=[
            quote(
                PLAN_DOCUMENT,
                "Opérations emploi-formation financées et taux de retour à l’emploi* Dispositifs financés et du "
                "taux d’insertion professionnelle",
            )
        ],
    )
    feder = FundingSource.objects.get(code="feder")
    flag(
        report,
        feder,
        code="shared-envelope",
        message=(
            "Les 50 M€ du FEDER sont ceux des « lignes économie circulaire et recherche » : une enveloppe "
            "partagée avec la recherche, dont la part du plan n'est pas dite. Elle compte en entier dans les "
            "250 M€ en attendant qu'un agent saisisse la part réservée."
        ),
        evidence=[
            quote(PLAN_DOCUMENT, "FEDER (50 M€ sur les lignes économie circulaire et recherche)")
        ],
    )
