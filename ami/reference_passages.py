"""The two calls' passages beyond their criteria and deadlines (end of seed 002), word for
word: context, stakes, both objects, every holder type, how answers are made, the support."""

from core.reference import PLAN_DOCUMENT, state

COMMON_PROCEDURE = [
    "Cet AMI sera lancé dès l’entrée en vigueur de la présente délibération.",
    "Un dossier type de réponse à l’AMI sera proposé et mis à disposition sur le site internet régional à "
    "l’adresse : https://www.hautsdefrance.fr",
    "Ce dernier permettra aux répondants de décrire leur proposition : présentation synthétique, "
    "partenariats, problématiques traitées, description des étapes, suites attendues, impacts et premiers "
    "éléments financiers.",
]
COOPERATION = (
    "Les lauréats de cet AMI devront s’engager à participer à une dynamique de coopération régionale autour de "
    "la problématique de l’économie circulaire. Cette dynamique aura pour but la mise en place d’échanges pour "
    "faire émerger des coopérations et des boucles de valeurs régionales renforcées sur le sujet de "
    "l’économie circulaire"
)
TECHNICAL = (
    "Un accompagnement technique pourra être proposé par les services de la Région, en lien avec les "
    "partenaires régionaux."
)
NO_FUNDING = (
    "Le présent AMI n’a pas pour objet d’attribuer des financements. Les financements n’interviendront qu’après "
    "dépôt d’un dossier de demande de subvention dans le cadre des différents dispositifs régionaux en place."
)
STAKES = (
    "Dans le cadre du plan d’action pour l’industrie circulaire en Hauts-de-France, la Région appréhende "
    "l’ensemble des problématiques liées à l’économie circulaire, de la recherche à la formation en passant "
    "par l’accompagnement des entreprises et la sensibilisation des citoyens."
)

CALLS = {
    "pmcb": {
        "context": [
            "Dans un contexte de transition écologique et d’économie circulaire, la valorisation des déchets du "
            "bâtiment constitue un levier majeur pour réduire l’impact environnemental du secteur de la "
            "construction. Le réemploi des matériaux et produits issus des chantiers, en particulier, "
            "représente une alternative vertueuse au recyclage ou à la mise en décharge.",
            "La Région Hauts-de-France souhaite structurer et dynamiser une filière régionale du réemploi des "
            "matériaux du bâtiment, en s'appuyant sur les dynamiques locales, les savoir-faire existants, les "
            "ressources des territoires et l'implication des acteurs du secteur.",
        ],
        "stakes": [
            STAKES,
            "Ce plan permet de créer les conditions nécessaires à l’industrialisation de l’économie circulaire "
            "dans la construction, par exemple en étudiant les nouveaux métiers et en formant les salariées et "
            "demandeurs d’emploi sur les techniques de déconstruction sélective, ou en cofinançant des "
            "expérimentations, des démonstrateurs ou des investissements structurants sur la thématique (ces "
            "sujets étant l’objet d’autres actions du plan).",
        ],
        "objectives": [
            (
                "Premier objet : le réseau de plateformes",
                "D’une part d’imaginer, structurer, accompagner et coordonner un réseau de grandes plateformes "
                "de PMCB afin que chaque entreprise régionale de la construction puisse s’impliquer dans cette "
                "dynamique et trouver des produits, des matières et matériaux à proximité.",
            ),
            "En identifiant et mobilisant les porteurs de projets publics et privés",
            "En proposant des solutions d’accompagnement",
            "En coordonnant les projets tout en favorisant les synergies",
            (
                "Second objet : l'outil numérique",
                "D’autre part d’identifier le meilleur outil numérique pour favoriser l’anticipation des "
                "chantiers de déconstruction et construction, de mettre ainsi en lien l’offre et la demande de "
                "PMCB, et également de connecter les différentes plateformes régionales",
            ),
        ],
        "audience": [
            (
                "Acteurs économiques",
                "aux acteurs économiques : entreprises, acteurs de l’économie sociale et solidaire, éco "
                "organismes concernés (Ecomineraux, Valobat, Ecomaison et Valdelia)",
            ),
            ("Collectivités", "aux collectivités locales (et leurs groupements)"),
            ("Bailleurs sociaux", "aux bailleurs sociaux"),
            "Seront particulièrement étudiés les projets émanant de synergies d’acteurs complémentaires "
            "(consortiums publics-privés, territoires et éco organismes) permettant de constituer des "
            "plateformes de taille conséquente avec un démarrage opérationnel à court terme.",
            "Il sera important de démontrer également la portée géographique des projets en permettant aux "
            "entreprises d’un large bassin d’emploi d’utiliser la plateforme et de participer aux flux de "
            "produits, de matières et matériaux déployant ainsi massivement l’économie circulaire dans la "
            "construction.",
        ],
        "procedure": [
            *COMMON_PROCEDURE,
            "L'AMI est ouvert pour une durée de trois années à compter de la date à laquelle la délibération "
            "l'ayant approuvé a été rendue exécutoire.",
            "Les projets et contributions seront étudiés au fil de l’eau.",
        ],
        "support": [
            f"{COOPERATION} dans la construction.",
            TECHNICAL,
            "Les propositions faisant état d’un besoin de financement seront orientées pour étude vers les "
            "dispositifs régionaux de droit commun (FRATRI, aides à l’innovation, aides aux entreprises, …) ou "
            "des fonds européens de développement économique régional (PO FEDER, Fonds de Transition Juste, "
            "...), selon le besoin et l’éligibilité aux dispositifs et outils disponibles.",
            f"{NO_FUNDING} Le soutien régional se fera conformément aux régimes cadres exemptés de notification "
            "relatifs aux aides aux entreprises, à la protection de l’environnement, à la recherche, au "
            "développement et à l’innovation en vigueur.",
        ],
    },
    "ressourceries": {
        "context": [
            "Le réemploi et le recyclage sont aujourd’hui à généraliser afin de réduire l’utilisation des "
            "matières nouvelles. La loi AGEC (anti gaspillage pour une économie circulaire) prévoit "
            "l’obligation pour les déchèteries de mettre en place, à la demande des acteurs de l’économie "
            "sociale, solidaire et circulaire, des zones de dépôt pour des objets en bon état ou réparables, "
            "pour récupération et réemploi.",
            "La loi AGEC renforce également les obligations des producteurs et le développement systématique de "
            "l’écoconception permettant un usage plus durable des ressources, une prolongation de la durée de "
            "vie des objets, une réparabilité accrue et un recyclage facilité. Les éco organismes disposent de "
            "moyens conséquents (issues des éco participations) pour accompagner des démarches facilitant le "
            "développement de l’économie circulaire.",
            "La Région Hauts-de-France souhaite structurer et dynamiser un réseau régional de ressourceries "
            "recycleries de nouvelle génération intégrant l’ensemble de la chaîne de valeur de l’économie "
            "circulaire : collecte-récupération, réparation, upcycling, recyclage, écoconception, ventes "
            "d’occasion, locations, circuits courts… afin de favoriser le réemploi et développer ainsi "
            "l’activité dans les territoires en favorisant la création d’emplois locaux.",
        ],
        "stakes": [
            STAKES,
            "Parmi les actions de ce plan, le développement d’un réseau de ressourceries recycleries devra "
            "permettre d’accélérer la dynamique afin de :",
            "Favoriser le réemploi et la réparation des objets",
            "Développer des filières locales de valorisation, notamment avec les acteurs de l’économie sociale "
            "et solidaire",
            "Contribuer à la création d’emplois non délocalisables",
            "Renforcer la sensibilisation des citoyens sur la nécessité de changer de modèle en démontrant "
            "l’intérêt économique et écologique de penser au réemploi plutôt que l’achat de produits neufs.",
        ],
        "objectives": [
            "Structurer un réseau régional de lieux innovants de réemploi et de réparation",
            "Développer de nouveaux modèles économiques associant réemploi, numérique (traçabilité, plateformes "
            "de dons/vente en ligne), logistique et partenariats avec les filières existantes (textiles, "
            "équipements électriques et électroniques, meubles, vélos, …).",
            "Soutenir les expérimentations et création d’activités",
            "Sensibiliser et former les différents publics et favoriser les échanges",
            "Renforcer l’ancrage territorial : implication des collectivités locales, des habitants et des "
            "acteurs de l’ESS.",
            "Créer des emplois durables et inclusifs, en particulier pour des publics éloignés de l’emploi.",
            "Réduire significativement les tonnages de déchets enfouis ou incinérés grâce à la valorisation "
            "matière et au réemploi.",
            ("Deux phases", "Pour ce faire, 2 phases sont envisagées :"),
            (
                "Phase 1",
                "dans un premier temps court, d’identifier les compétences permettant d’animer, accélérer et "
                "coordonner la démarche,",
            ),
            (
                "Phase 2",
                "dans un second temps de permettre aux porteurs de construire une réponse en phase avec les "
                "objectifs",
            ),
        ],
        "audience": [
            (
                "Phase 1",
                "Aux opérateurs ayant démontré (par des opérations réalisées) leurs connaissances et leur "
                "capacité technique d’accompagner, de conseiller et de coordonner aux côtés de la Région les "
                "initiatives de ressourceries-recycleries qui émergeront de la phase 2 de l’AMI.",
            ),
            (
                "Phase 2 — collectivités et syndicats",
                "aux collectivités locales (et leur groupements), aux syndicats de gestion des déchets",
            ),
            (
                "Phase 2 — acteurs économiques",
                "aux acteurs économiques : entreprises, acteurs de l’économie sociale et solidaire, éco "
                "organismes concernés",
            ),
            "Seront particulièrement étudiés les projets émanant de synergies d’acteurs complémentaires "
            "(consortiums publics-privés, territoires et éco organismes) permettant de constituer des "
            "plateformes multi-produits de taille conséquente avec un démarrage opérationnel à court terme.",
        ],
        "procedure": [
            *COMMON_PROCEDURE,
            "Pour la phase 1 : réponses attendues avant le 31 février 2026.",
            "Pour la phase 2 : réponses attendues avant le 5 juin 2026",
        ],
        "support": [
            f"{COOPERATION}.",
            TECHNICAL,
            "Les propositions faisant état d’un besoin de financement seront orientées pour étude vers les "
            "dispositifs régionaux de droit commun (FRATRI, aides à l’innovation, aides aux entreprises, …) ou "
            "des fonds européens de développement économique régional (FEDER, Fonds de Transition Juste, ...), "
            "selon le besoin et l’éligibilité aux dispositifs et outils disponibles.",
            NO_FUNDING,
        ],
    },
}


def load_passages(report, call):
    state(report, call, PLAN_DOCUMENT, CALLS[call.code])
