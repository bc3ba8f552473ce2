"""The TEAM2–CABBALR convention (seed 003) and the RAW4RES events (seed 001), as the texts
state them. What they leave open is flagged, never guessed."""

from datetime import date

from accounts.models import Organisation, OrganisationType
from core.reference import (
    CONVENTION_DOCUMENT,
    RAW4RES_DOCUMENT,
    flag,
    quote,
    reference_loader,
    unflag,
    upsert,
)
from partners.models import (
    Convention,
    ConventionAction,
    ConventionParty,
    Deliverable,
    Domain,
    Event,
    EventOrganisation,
    EventRole,
    FollowedProject,
    Person,
    Theme,
)
from partners.reference_passages import load_passages

# Organisations the two texts name besides the ones accounts already loads.
ORGANISATIONS = [
    (
        "Alliance des Minerais, Minéraux et Métaux",
        "A3M",
        OrganisationType.ASSOCIATION,
        RAW4RES_DOCUMENT,
        "A3M",
    ),
    (
        "Pôle de compétitivité AVENIA",
        "AVENIA",
        OrganisationType.ASSOCIATION,
        CONVENTION_DOCUMENT,
        "le pôle de compétitivité AVENIA",
    ),
    (
        "Bureau de recherches géologiques et minières",
        "BRGM",
        OrganisationType.STATE_AGENCY,
        CONVENTION_DOCUMENT,
        "le BRGM",
    ),
    ("S3PI d'Artois", "S3PI", OrganisationType.ASSOCIATION, CONVENTION_DOCUMENT, "S3PI d'Artois"),
    (
        "Medef International",
        "",
        OrganisationType.ASSOCIATION,
        RAW4RES_DOCUMENT,
        "Medef International",
    ),
    (
        "Région Grèce-Centrale",
        "",
        OrganisationType.LOCAL_AUTHORITY,
        RAW4RES_DOCUMENT,
        "la Région Grèce-Centrale",
    ),
    (
        "Municipalité de Kozani",
        "",
        OrganisationType.LOCAL_AUTHORITY,
        RAW4RES_DOCUMENT,
        "la municipalité de Kozani",
    ),
    ("Weloop", "", OrganisationType.COMPANY, RAW4RES_DOCUMENT, "Weloop"),
    ("BringBack", "", OrganisationType.COMPANY, RAW4RES_DOCUMENT, "BringBack"),
    ("CREPIM", "", OrganisationType.COMPANY, RAW4RES_DOCUMENT, "Le CREPIM"),
    ("MECAWARE", "", OrganisationType.COMPANY, CONVENTION_DOCUMENT, "MECAWARE"),
    ("JB Développement", "", OrganisationType.COMPANY, CONVENTION_DOCUMENT, "JB Développement"),
    (
        "Université d'Artois",
        "",
        OrganisationType.RESEARCH_BODY,
        CONVENTION_DOCUMENT,
        "l'université d'Artois",
    ),
    ("HUBERPLAST", "", OrganisationType.COMPANY, CONVENTION_DOCUMENT, "HUBERPLAST"),
    (
        "FFB Hauts-de-France",
        "FFB",
        OrganisationType.ASSOCIATION,
        CONVENTION_DOCUMENT,
        "la FFB Hauts de France",
    ),
    ("SEDDRé", "", OrganisationType.ASSOCIATION, CONVENTION_DOCUMENT, "le syndicat SEDDRé"),
]

CABBALR = "Communauté d'Agglomération de Béthune-Bruay, Artois Lys Romane"
PEOPLE = [
    # (name, organisation, position, wording)
    (
        "Olivier Gacquerre",
        CABBALR,
        "Président",
        "représentée par Monsieur Olivier Gacquerre, son Président.",
    ),
    (
        "Steve Bossart",
        CABBALR,
        "Vice-Président délégué",
        "Pour la Communauté d'Agglomération Béthune-Bruay Artois Lys Romane Le Vice-Président délégué Steve BOSSART",
    ),
    (
        "Frédéric Heymans",
        "TEAM2",
        "Président",
        "représentée par Monsieur Frédéric HEYMANS, son Président.",
    ),
    (
        "Shenja Ruthenberg",
        "TEAM2",
        "Responsable des projets et affaires européennes",
        "Shenja Ruthenberg, responsable des projets et affaires européennes chez TEAM2",
    ),
]

CONVENTION = {
    "title": "Convention de partenariat stratégique entre TEAM2 et l'Agglomération Béthune-Bruay",
    "deliberation_body": "Conseil communautaire de la Communauté d'Agglomération de Béthune-Bruay, Artois-Lys Romane",
    "deliberation_date": date(2024, 6, 25),
    "deliberation_number": "",
    "deliberation_subject": "Développement économique et touristique — Convention de partenariat entre "
    "l'Agglomération Béthune Bruay et l'association Pôle TEAM2",
    "received_at_prefecture": date(2024, 7, 11),
    "published_on": date(2024, 7, 12),
    "duration_months": 36,
    "duration_wording": "La présente convention est conclue pour une durée de 3 ans à compter de sa notification.",
    "financial_commitment": False,
    "financial_wording": "Cette convention est mise en œuvre sans engagement financier de part et d'autre.",
    "amendment_wording": "Toute modification de la présente convention ne pourra être valable que par avenant "
    "signé par les deux PARTIES.",
    "appeal_wording": "cette délibération peut faire l'objet d'un recours gracieux par saisine de son auteur ou "
    "d'un recours contentieux devant le tribunal administratif de Lille, dans un délai de deux mois à compter "
    "de sa publication.",
    "governance_wording": "Le comité de suivi se réunit au minimum 2 fois par an (au moins une fois par semestre).",
    "source_document": CONVENTION_DOCUMENT,
    "source_wording": "CONVENTION DE PARTENARIAT STRATEGIQUE ENTRE TEAM2 ET L'AGGLOMERATION BETHUNE BRUAY",
}

PARTIES = [
    (
        CABBALR,
        "Hôtel communautaire – 100 avenue de Londres CS 40548 - 62411 Béthune Cedex",
        "Olivier Gacquerre",
        "Steve Bossart",
    ),
    ("TEAM2", "84 Bis rue Paul BERT à Lens (62300)", "Frédéric Heymans", "Frédéric Heymans"),
]

ACTIONS = {
    1: (
        "Accentuer l'accompagnement de TEAM2 sur les projets développés sur le territoire de la CABBALR et "
        "positionner plus directement TEAM2 comme opérateur d'appui au développement de certains projets aux "
        "côtés de l'agglomération",
        "Pour Action N°1 : TEAM2 pourra se positionner comme opérateur d'appui au développement des projets aux "
        "côtés de l'agglomération (relai des AAP, appui sur FTJ, petit évènementiels, suivi des porteurs de projets...)",
    ),
    2: (
        "Animer un « club territorial » de l'industrie circulaire spécifique à la CABBALR, qui prendrait en "
        "particulier corps à partir du collectif composé des 5 industriels mobilisés sur le site Bridgestone et "
        "de ceux avec qui le Pôle Team2 travaille déjà sur le territoire",
        "Il sera proposé de réunir une fois par trimestre les acteurs de la CABBALR qui souhaitent déployer les "
        "principes d'économie circulaire ou qui mènent des actions d'ores et déjà pour accélérer la transition "
        "économique et écologique.",
    ),
    3: (
        "Préfigurer un pôle d'innovation impliquant la création d'une filiale de TEAM2 qui accompagnerait depuis "
        "Béthune-Bruay à la création et au développement de nouveaux acteurs industriels dans le domaine de "
        "l'économie circulaire",
        "Notre objectif est de mettre en place dans un délai de 18 mois un pôle innovation pour faciliter "
        "l'introduction des métaux issus du recyclage et une gestion optimisée des métaux favorisant ainsi "
        "l'économie circulaire.",
    ),
}

# Annex 1: the themes per strategic domain (DAS), as listed.
THEMES = [
    (
        1,
        Domain.METALS,
        "La politique d'approvisionnement en ressources des gigafactories en métaux critiques et à la structuration d'une filière pour le traitement des déchets de production",
    ),
    (
        1,
        Domain.METALS,
        "Des initiatives lancées pour le réemploi des batteries et l'utilisation des ressources issues du recyclage pour la batterie du futur",
    ),
    (
        1,
        Domain.METALS,
        "Le suivi des plateformes d'essais et de caractérisation des batteries, des systèmes de monitoring et du réemploi des batteries",
    ),
    (
        1,
        Domain.ORGANICS,
        "Création d'un groupe de travail sur les biodéchets : de la collecte au tri, à la valorisation",
    ),
    (
        1,
        Domain.MINERALS,
        "Les travaux concerneront avant tout la mise en place de REP Bâtiment et les besoins en innovation. Il sera proposé aux partenaires de la CABBALR d'intégrer le club innovation et recherche pour le réemploi pour les produits de démolition des bâtiments en collaboration avec la FFB Hauts de France et le syndicat SEDDRé",
    ),
    (
        1,
        Domain.EQUIPMENT,
        "L'offre (re)labellisation EFR à consolider pour les membres du CEFR et sur la visibilité du label sur plan national et international",
    ),
    (
        1,
        Domain.EQUIPMENT,
        "Suivi et animation des groupes de travail : Performance des centres de tri piloté par SETEC + VAUCHE ; Digitalisation, piloté par Team2 ; Formation / RH piloté par Team2",
    ),
    (
        2,
        "",
        "Témoignage sur les bonnes pratiques, en faisant intervenir des acteurs et des experts.",
    ),
    (2, "", "Visites d'usines et de site industriels"),
    (2, "", "Organisation de webinaires"),
    (
        2,
        "",
        "Mise en œuvre d'ateliers spécifiques, qui ont pour vocation d'être des usines à projets",
    ),
    (3, Domain.METALS, "Structurer les filières pour optimiser la gestion des ressources métaux"),
    (
        3,
        Domain.METALS,
        "Réemployer et augmenter de la durée de vie des produits contenant des métaux critiques et stratégiques",
    ),
]

# Annex 1: the projects followed, each with its holder.
PROJECTS = [
    (
        Domain.METALS,
        "Demande de financement auprès des Fonds de transition juste",
        "JB Développement",
        "Accompagnement de JB Développement pour une demande de financement auprès des Fonds de transition Justes",
    ),
    (
        Domain.METALS,
        "SEPAR 8 : unité industrielle de recyclage des batteries lithium-ion en fin de vie",
        "MECAWARE",
        "Le suivi du projet SEPAR 8 menée par MECAWARE pour l'implantation d'une unité industrielle pour le recyclage des batteries lithium Ion en fin de vie.",
    ),
    (
        Domain.METALS,
        "Développement et diversification de BringBack (batteries de serveurs)",
        "BringBack",
        "Le suivi du développement de l'entreprise BRING Back et de sa diversification pour régénérer d'autres types de batteries comme celles des serveurs",
    ),
    (
        Domain.ORGANICS,
        "Plateforme d'innovation pour valoriser les déchets végétaux",
        "Université d'Artois",
        "Accompagnement de l'université d'Artois pour une demande de financement auprès des fonds de transition justes pour une plateforme d'innovation pour valoriser les déchets végétaux",
    ),
    (
        Domain.ORGANICS,
        "Étude de faisabilité HUBERPLAST (orientation des déchets plastiques)",
        "HUBERPLAST",
        "Etude de faisabilité HUBERPLAST qui devrait mettre en place un comité d'expert pour orienter les déchets plastiques vers le mode de valorisation le plus efficace et pour coordonner les demandes en plastique issus du recyclage",
    ),
]

# Annex 3: what the 18 months of incubation of the innovation hub must produce.
DELIVERABLES = [
    (
        "Cartographie des acteurs et des projets",
        "De cartographier des acteurs et des projets en cours ou en incubation sur le territoire et sur le plan national en collaboration avec le BRGM, le pôle de compétitivité AVENIA et l'association A3M",
    ),
    (
        "Événement national avec le S3PI d'Artois sur le Critical Raw Materials Act",
        "D'organiser un événement à vocation nationale en collaboration avec S3PI d'Artois pour Comprendre les impacts du Critical Raw Materials Act sur l'industrie et pour l'usage des métaux",
    ),
    (
        "Analyse des besoins pour exploiter les déchets de la mine urbaine",
        "Analyser des besoins en termes de ressources et moyens techniques pour exploiter les déchets de la Mine Urbaine et dans un second temps sur les déchets miniers",
    ),
    (
        "Étude de faisabilité d'un nouvel écosystème et offre de service",
        "Mener une étude de faisabilité pour mettre en place pour constituer un nouvel écosystème et offre de service pour une gestion optimisée des métaux",
    ),
]

EVENTS = [
    {
        "title": "Peer review RAW4RES : stratégies liées aux matières premières en Hauts-de-France",
        "project": "RAW4RES (Interreg Europe)",
        "starts_on": date(2025, 7, 29),
        "ends_on": date(2025, 7, 30),
        "place": "Lille",
        "themes": "Matières premières essentielles ; filière de la batterie électrique ; économie circulaire",
        "participant_count": None,
        "source_wording": "Le 29 et 30 juillet 2025, les partenaires du projet Interreg RAW4RES, dont la Région "
        "Grèce-Centrale et la municipalité de Kozani, ont participé à un « Peer Review », organisé par le Pôle de "
        "compétitivité TEAM2 et la Région Hauts-de-France.",
        "roles": [
            ("TEAM2", EventRole.ORGANISER, "le Pôle de compétitivité TEAM2"),
            ("Région Hauts-de-France", EventRole.ORGANISER, "la Région Hauts-de-France"),
            ("Région Grèce-Centrale", EventRole.PARTNER, "la Région Grèce-Centrale"),
            ("Municipalité de Kozani", EventRole.PARTNER, "la municipalité de Kozani"),
            ("Weloop", EventRole.PARTICIPANT, "présentées par Weloop"),
            ("BringBack", EventRole.VISITED, "BringBack"),
            ("CREPIM", EventRole.VISITED, "Le CREPIM"),
            ("MECAWARE", EventRole.VISITED, "MECAware"),
        ],
    },
    {
        "title": "Structuration de la filière des terres rares et des aimants permanents (TEAM2EVENT)",
        "project": "RAW4RES (Interreg Europe)",
        "starts_on": date(2025, 11, 7),
        "ends_on": date(2025, 11, 7),
        "place": "Auditorium GIM, Paris",
        "themes": "Terres rares ; aimants permanents ; recyclage ; réglementation",
        "participant_count": 110,
        "source_wording": "Le 7 novembre 2025, c'est 110 participants qui se sont réunis dans l'auditorium GIM à "
        "Paris pour une journée 100 % dédiée à un enjeu majeur : Échanger sur la structuration de la filière des "
        "terres rares et des aimants permanents ! Un TEAM2EVENT organisé par TEAM2 en collaboration avec A3M et "
        "le Pôle Avenia et en partenariat avec Medef International.",
        "roles": [
            ("TEAM2", EventRole.ORGANISER, "organisé par TEAM2"),
            ("Alliance des Minerais, Minéraux et Métaux", EventRole.CO_ORGANISER, "A3M"),
            ("Pôle de compétitivité AVENIA", EventRole.CO_ORGANISER, "le Pôle Avenia"),
            ("Medef International", EventRole.PARTNER, "Medef International"),
        ],
    },
]


@reference_loader(order=30)
def load_partnerships(report):
    for name, short, kind, document, wording in ORGANISATIONS:
        upsert(
            report,
            Organisation,
            {"name": name},
            {
                "short_name": short,
                "kind": kind,
                "source_document": document,
                "source_wording": wording,
            },
        )
    organisations = {o.name: o for o in Organisation.objects.all()}
    people = {}
    for name, organisation, position, wording in PEOPLE:
        people[name] = upsert(
            report,
            Person,
            {"full_name": name, "organisation": organisations[organisation]},
            {
                "position": position,
                "source_document": CONVENTION_DOCUMENT
                if name != "Shenja Ruthenberg"
                else RAW4RES_DOCUMENT,
                "source_wording": wording,
            },
        )
    values = dict(CONVENTION)
    convention = upsert(report, Convention, {"code": "team2-cabbalr"}, values)
    for organisation, address, representative, signatory in PARTIES:
        upsert(
            report,
            ConventionParty,
            {"convention": convention, "organisation": organisations[organisation]},
            {
                "address": address,
                "representative": people[representative],
                "signatory": people[signatory],
                "source_document": CONVENTION_DOCUMENT,
                "source_wording": address,
            },
        )
    actions = {}
    for number, (title, annex) in ACTIONS.items():
        actions[number] = upsert(
            report,
            ConventionAction,
            {"convention": convention, "number": number},
            {
                "title": title,
                "annex_wording": annex,
                "source_document": CONVENTION_DOCUMENT,
                "source_wording": f"ACTION N°{number} : {title}",
            },
        )
    for position, (number, domain, label) in enumerate(THEMES):
        upsert(
            report,
            Theme,
            {"action": actions[number], "label": label},
            {
                "domain": domain,
                "position": position,
                "source_document": CONVENTION_DOCUMENT,
                "source_wording": label,
            },
        )
    for domain, name, holder, wording in PROJECTS:
        upsert(
            report,
            FollowedProject,
            {"action": actions[1], "name": name},
            {
                "domain": domain,
                "holder": organisations[holder],
                "source_document": CONVENTION_DOCUMENT,
                "source_wording": wording,
            },
        )
    for position, (title, wording) in enumerate(DELIVERABLES):
        upsert(
            report,
            Deliverable,
            {"action": actions[3], "title": title},
            {
                "position": position,
                "source_document": CONVENTION_DOCUMENT,
                "source_wording": wording,
            },
        )
    events = {}
    for spec in EVENTS:
        spec = dict(spec)
        roles = spec.pop("roles")
        title = spec["title"]
        event = events[title] = upsert(
            report,
            Event,
            {"title": spec.pop("title")},
            {**spec, "source_document": RAW4RES_DOCUMENT},
        )
        for organisation, role, wording in roles:
            upsert(
                report,
                EventOrganisation,
                {"event": event, "organisation": organisations[organisation], "role": role},
                {"source_document": RAW4RES_DOCUMENT, "source_wording": wording},
            )
    load_passages(report, convention, actions, events)
    _flag_convention(report, convention, actions)
    _flag_readings(report, convention, actions, events)


def _flag_convention(report, convention, actions):
    duration = quote(CONVENTION_DOCUMENT, convention.duration_wording)
    flag(
        report,
        convention,
        code="notification-date-missing",
        message=(
            "La convention court « 3 ans à compter de sa notification » et le texte laisse la date en blanc "
            "(« Fait à Béthune, le »). Sa fin et l'échéancier des obligations ne sont calculés qu'une fois la "
            "date de notification saisie par un agent."
        ),
        evidence=[duration, quote(CONVENTION_DOCUMENT, "Fait à Béthune, le")],
    )
    # The deliberation answers it: « AUTORISE le Président, le Vice-président délégué ou le
    # Conseiller délégué à signer » (kept as a passage of the convention, not as a question).
    unflag(report, convention, code="representative-differs-from-signatory")
    flag(
        report,
        convention,
        code="five-axes-four-domains",
        message=(
            "Le texte présente « cinq axes stratégiques » de TEAM2, mais l'annexe ne décline que quatre DAS "
            "(Métaux, Organiques, Minéraux, Equipementiers) : la « création de boucles d'économie circulaire » "
            "n'a pas de rubrique. Les thèmes sont rangés sous les quatre DAS de l'annexe."
        ),
        evidence=[
            quote(
                CONVENTION_DOCUMENT, "L'action de TEAM2 s'articule autour de cinq axes stratégiques"
            ),
            quote(
                CONVENTION_DOCUMENT,
                "DAS METAUX … DAS ORGANIQUES … DAS MINERAUX … DAS EQUIPEMENTIERS",
            ),
        ],
    )
    flag(
        report,
        actions[3],
        code="hub-start-missing",
        message=(
            "« dans un délai de 18 mois » ne dit pas à partir de quand : l'échéance est comptée depuis la "
            "notification de la convention, à confirmer."
        ),
        evidence=[quote(CONVENTION_DOCUMENT, ACTIONS[3][1])],
    )
    flag(
        report,
        actions[2],
        code="club-companies-unnamed",
        message=(
            "Le club doit prendre corps à partir des « 5 industriels mobilisés sur le site Bridgestone », que "
            "le texte ne nomme pas : à renseigner comme participants des réunions du club."
        ),
        evidence=[
            quote(
                CONVENTION_DOCUMENT,
                "collectif composé des 5 industriels mobilisés sur le site Bridgestone",
            )
        ],
    )
    flag(
        report,
        convention,
        code="deliberation-number-missing",
        message=(
            "La délibération du Conseil communautaire du 25 juin 2024 n'a pas de numéro dans le texte (seule "
            "celle du Bureau, n°2024/BC048, est citée, pour l'adhésion) : à compléter si besoin."
        ),
        evidence=[
            quote(
                CONVENTION_DOCUMENT,
                "Par délibération n°2024/BC048 du 25 juin 2024, le Bureau Communautaire a approuvé l'adhésion",
            )
        ],
    )


def _flag_readings(report, convention, actions, events):
    """What the convention and the article leave open, and the reading the portal follows."""
    flag(
        report,
        convention,
        code="two-titles",
        message=(
            "La délibération approuve une « convention de partenariat entre l'Agglomération Béthune Bruay et "
            "l'association Pôle TEAM2 » ; le texte annexé s'intitule « Convention de partenariat stratégique "
            "entre TEAM2 et l'Agglomération Béthune Bruay ». Le portail les tient pour le même acte."
        ),
        evidence=[
            quote(
                CONVENTION_DOCUMENT,
                "CONVENTION DE PARTENARIAT ENTRE L'AGGLOMERATION BETHUNE BRUAY ET L'ASSOCIATION PÔLE TEAM2",
            ),
            quote(CONVENTION_DOCUMENT, CONVENTION["source_wording"]),
        ],
    )
    flag(
        report,
        convention,
        code="objectives-convention-missing",
        message=(
            "Les demandes de financement de TEAM2 passent par des « conventions d'objectifs annuelles », et la "
            "clause de communication vaut « pour chacune des actions qui seront reprises dans la convention "
            "d'objectifs » : aucune n'est connue. La clause de communication ne peut pas être suivie tant "
            "qu'une convention d'objectifs n'a pas été saisie."
        ),
        evidence=[
            quote(
                CONVENTION_DOCUMENT, "encadrées dans le cadre de conventions d'objectifs annuelles"
            ),
            quote(
                CONVENTION_DOCUMENT,
                "Pour chacune des actions qui seront reprises dans la convention d'objectifs",
            ),
        ],
    )
    flag(
        report,
        convention,
        code="qualified-persons-unnamed",
        message=(
            "Le comité de suivi comprend, outre le représentant de chaque partie, « des personnalités "
            "qualifiées » que le texte ne nomme pas. Une réunion compte comme comité de suivi quand chaque "
            "partie y est représentée ; les personnalités qualifiées sont à inscrire comme participants."
        ),
        evidence=[quote(CONVENTION_DOCUMENT, "ainsi que de personnalités qualifiées")],
    )
    flag(
        report,
        convention,
        code="reporting-cadence-reading",
        message=(
            "Chaque partie doit « rendre compte à échéance régulière » dans l'instance de gouvernance, sans "
            "que l'échéance soit dite. Lecture provisoire : à chaque comité de suivi (au moins une fois par "
            "semestre), ce que le calendrier des obligations vérifie."
        ),
        evidence=[
            quote(
                CONVENTION_DOCUMENT,
                "Rendre compte à échéance régulière dans l'instance de gouvernance établit",
            ),
            quote(CONVENTION_DOCUMENT, CONVENTION["governance_wording"]),
        ],
    )
    flag(
        report,
        convention,
        code="project-undefined",
        message=(
            "« sa part du PROJET » : le terme PROJET, en capitales comme un terme défini, n'est défini nulle "
            "part (la convention parle ailleurs « des projets »). Le portail le lit comme l'ensemble des "
            "projets suivis."
        ),
        evidence=[quote(CONVENTION_DOCUMENT, "pour exécuter sa part du PROJET")],
    )
    flag(
        report,
        actions[1],
        code="annex-columns-lost",
        message=(
            "L'annexe 1 est un tableau à deux colonnes (« Suivi adhérents, renforcement projets » et "
            "« Incubation et suivi des projets ») que l'extraction a aplati : on ne sait plus quel thème "
            "relève de quelle colonne. Les thèmes sont rangés par domaine seulement."
        ),
        evidence=[
            quote(
                CONVENTION_DOCUMENT,
                "Suivi adhérents, renforcement projets Incubation et suivi des projets",
            )
        ],
    )
    flag(
        report,
        actions[2],
        code="club-proposed",
        message=(
            "Le club « sera proposé » une fois par trimestre : une proposition plus qu'une obligation. Le "
            "calendrier le suit comme une réunion attendue par trimestre ; un trimestre sans club est signalé "
            "« manqué »."
        ),
        evidence=[quote(CONVENTION_DOCUMENT, "Il sera proposé de réunir une fois par trimestre")],
    )
    flag(
        report,
        actions[3],
        code="prefigure-or-set-up",
        message=(
            "L'action 3 est de « préfigurer » un pôle d'innovation, son annexe de le « mettre en place dans un "
            "délai de 18 mois » et parle d'une « période d'incubation de 18 mois ». Le calendrier suit la "
            "lecture de l'annexe : le pôle est tenu pour mis en place quand ses quatre livrables sont remis."
        ),
        evidence=[
            quote(CONVENTION_DOCUMENT, "Préfigurer un pôle d'innovation"),
            quote(CONVENTION_DOCUMENT, ACTIONS[3][1]),
            quote(CONVENTION_DOCUMENT, "La période d'incubation de 18 mois devra permettre"),
        ],
    )
    flag(
        report,
        actions[3],
        code="csf-cfs",
        message=(
            "« le CSF « Mines et Métallurgie » et dans le CFS Transformation et Valorisation des Déchets » : "
            "« CFS » est sans doute une coquille pour CSF (comité stratégique de filière). Gardé tel quel."
        ),
        evidence=[
            quote(CONVENTION_DOCUMENT, "et dans le CFS Transformation et Valorisation des Déchets")
        ],
    )
    raw4res_day = events[
        "Structuration de la filière des terres rares et des aimants permanents (TEAM2EVENT)"
    ]
    flag(
        report,
        raw4res_day,
        code="event-project-reading",
        message=(
            "La journée du 7 novembre 2025 est un TEAM2EVENT au cours duquel le projet RAW4RES a été présenté, "
            "pas un événement du projet lui-même : elle est rattachée à RAW4RES parce que l'article la range "
            "parmi les rencontres « en lien avec le projet »."
        ),
        evidence=[
            quote(
                RAW4RES_DOCUMENT,
                "a organisé plusieurs événements et rencontres en lien avec le projet",
            ),
            quote(RAW4RES_DOCUMENT, "a présenté le projet RAW4RES à lors de cet évènement"),
        ],
    )
    peer_review = events[
        "Peer review RAW4RES : stratégies liées aux matières premières en Hauts-de-France"
    ]
    flag(
        report,
        peer_review,
        code="same-organisation-spellings",
        message=(
            "Les deux textes écrivent différemment les mêmes entreprises : « BRING Back » et « BringBack », "
            "« MECAWARE » et « MECAware ». Le portail les tient pour les mêmes organisations."
        ),
        evidence=[
            quote(CONVENTION_DOCUMENT, "Le suivi du développement de l'entreprise BRING Back"),
            quote(
                RAW4RES_DOCUMENT,
                "visiter des entreprises innovantes telles que BringBack, Le CREPIM et MECAware",
            ),
            quote(CONVENTION_DOCUMENT, "Le suivi du projet SEPAR 8 menée par MECAWARE"),
        ],
    )
