"""The convention's passages beyond its dates and actions (seed 003), word for word: the
deliberation's decisions, the parties' figures, the reciprocal commitments (§3.1), the follow-up
committee's composition and role (§3.2), the communication and litigation clauses, and what each
action's annex says besides its themes."""

from core.reference import CONVENTION_DOCUMENT, RAW4RES_DOCUMENT, state

CONVENTION = {
    "context": [
        (
            "Projet de territoire",
            "Vu le Projet de Territoire approuvé par délibération n°2022CC/136 du Conseil communautaire du 6 "
            "décembre 2022 :",
        ),
        (
            "Adhésion à TEAM2",
            "Par délibération n°2024/BC048 du 25 juin 2024, le Bureau Communautaire a approuvé l'adhésion de la "
            "Communauté d'agglomération Béthune-Bruay, à l'Association TEAM2.",
        ),
        (
            "Avis de commission",
            "Suite à l'avis favorable de la Commission « Développement Économique et Transition Écologique » du "
            "10 juin 2024",
        ),
        ("Vote", "A la majorité absolue,"),
        (
            "Signature autorisée",
            "AUTORISE le Président, le Vice-président délégué ou le Conseiller délégué à signer la convention de "
            "partenariat pluriannuelle avec l'association TEAM2 pour une durée de 3 ans à compter de sa "
            "notification telle que ci-annexée.",
        ),
        (
            "Préambule",
            "il convient de mettre en place par la présente convention, un partenariat dans une logique "
            "d'engagement réciproques et de suivi de ceux-ci.",
        ),
        (
            "Priorité du Projet de territoire",
            "Renforcer la coopération, soutenir les 100 communes et leurs habitants",
        ),
        (
            "Priorité du Projet de territoire",
            "S'adapter aux conséquences du changement climatique et protéger la nature",
        ),
        (
            "Priorité du Projet de territoire",
            'Garantir le "Bien vivre ensemble" et la proximité sur l\'ensemble du territoire',
        ),
        ("Priorité du Projet de territoire", "Accélérer les dynamiques de transition économique"),
        (
            "Enjeu du territoire",
            'Tendre vers une écologie "industrielle" et une économie décarbonée - accompagner les '
            "transformations et le développement de nos filières économiques",
        ),
        (
            "Enjeu du territoire",
            "Développer l'attractivité du territoire pour favoriser l'implantation et le "
            "développement des entreprises",
        ),
        (
            "Outil de l'agglomération",
            "Une feuille de route industrielle validée en avril 2021 et réaffirmée dans le cadre du "
            "Projet de Territoire voté en décembre 2022",
        ),
        (
            "Outil de l'agglomération",
            "L'accompagnement des entreprises industrielles dans leurs projets de développement "
            "(recherche de financement, recrutements, mise en réseau, ...)",
        ),
        (
            "Outil de l'agglomération",
            "Une feuille de route emploi visant le rapprochement de l'offre et de la demande "
            "d'emploi et agissant sur les sujets de l'attractivité des métiers, de la formation et "
            "de l'aide aux recrutements",
        ),
        (
            "Outil de l'agglomération",
            "Des solutions immobilières et foncières afin d'attirer de nouveaux projets",
        ),
        (
            "Outil de l'agglomération",
            "Un écosystème d'innovation en développement, qu'elle accompagne grâce à des outils comme "
            "un fonds d'amorçage, des incubateurs ou encore un partenariat avancé avec le Québec.",
        ),
        (
            "Outil de l'agglomération",
            "Le déploiement d'un programme d'écologie industrielle territoriale volontariste.",
        ),
        ("Accompagnement par TEAM2", "Une prise de connaissance de l'entreprise,"),
        ("Accompagnement par TEAM2", "Un diagnostic du besoin d'innovation exprimé,"),
        (
            "Accompagnement par TEAM2",
            "D'une analyse de l'adéquation entre ce besoin, les attentes du marché, la capacité "
            "financière de l'entreprise, les impacts attendus,",
        ),
        (
            "Accompagnement par TEAM2",
            "L'identification de financements publics pour disposer d'un effet levier,",
        ),
        (
            "Accompagnement par TEAM2",
            "L'accompagnement dans la construction de leur dossier de financement.",
        ),
        (
            "TEAM2 et la stratégie régionale",
            "La stratégie de la troisième révolution industrielle (REV3) portée par le Conseil "
            "Régional. L'économie circulaire est un axe de développement pour la compétitivité des "
            "entreprises et un moyen de limiter les émissions de carbone.",
        ),
        (
            "TEAM2 et la stratégie régionale",
            "La feuille de route économie circulaire portée également par la région Hauts-de-France, "
            "qui se veut un territoire d'avant-garde pour la transition d'une économie circulaire.",
        ),
        ("Axe stratégique de TEAM2", "Métaux stratégiques et terres rares"),
        ("Axe stratégique de TEAM2", "Minéraux pour le marché de la construction"),
        (
            "Axe stratégique de TEAM2",
            "Déchets organiques, y compris les composites, les plastiques mélangés et les textiles",
        ),
        (
            "Axe stratégique de TEAM2",
            "Les fabricants français d'équipements de recyclage et les sociétés d'ingénierie",
        ),
        ("Axe stratégique de TEAM2", "Création de boucles d'économie circulaire"),
        (
            "Offre de services de TEAM2",
            "Détecter et accompagner les projets d'innovation du dépôt de l'idée à la demande de financement,",
        ),
        (
            "Offre de services de TEAM2",
            "Veille stratégique portant sur les axes de la feuille de route de TEAM2. Une revue de presse est "
            "envoyée chaque semaine. Des bulletins de veille et états de l'art sont également réalisés,",
        ),
        (
            "Offre de services de TEAM2",
            "Mise en réseau : organisation de conférences, d'ateliers, animation de clubs dédiés à un thème, "
            "visites d'entreprises et de laboratoires,",
        ),
        (
            "Offre de services de TEAM2",
            "Dissémination et mise en valeur des savoirs de nos adhérents et des résultats obtenus sur les "
            "projets dans la limite de la confidentialité.",
        ),
    ],
    "objectives": [
        "Cette convention de partenariat a pour objectif général de définir les perspectives de collaboration "
        "entre les PARTIES. Ces perspectives se déclinent au travers d'un plan d'actions organisé autour de 3 "
        "actions."
    ],
    "commitments": [
        (
            "Sans engagement financier",
            "Cette convention est mise en œuvre sans engagement financier de part et d'autre.",
        ),
        (
            "Conventions d'objectifs annuelles",
            "Les éventuelles demandes de financement de TEAM2 envers la Communauté d'agglomération, seront en "
            "particulier encadrées dans le cadre de conventions d'objectifs annuelles qui devront faire l'objet "
            "d'une demande spécifiquement formulée à cet égard.",
        ),
        (
            "Développement des projets",
            "Les PARTIES conviennent de prendre part au développement de chaque projet identifié suivant leurs "
            "contributions respectives. Elles s'engagent à prendre part aux différentes instances mises en œuvre "
            "au profit du développement des projets.",
        ),
        (
            "Chaque partie s'engage à",
            "Mobiliser les moyens nécessaires au développement des différents partenariats mis en œuvre et des "
            "projets qui en découlent",
        ),
        (
            "Chaque partie s'engage à",
            "Porter à la connaissance de chaque partie l'état d'avancement des projets",
        ),
        (
            "Chaque partie s'engage à",
            "Rendre compte à échéance régulière dans l'instance de gouvernance établit, de la mise en œuvre de "
            "chaque projet",
        ),
        (
            "Chaque partie s'engage à",
            "Prévenir sans délai l'autre partie de toute difficulté susceptible de compromettre l'exécution "
            "normale des projets",
        ),
        (
            "Meilleurs efforts",
            "Chaque PARTIE s'engage à déployer ses meilleurs efforts pour exécuter sa part du PROJET en mettant "
            "en œuvre tous les moyens nécessaires à cette exécution.",
        ),
    ],
    "governance": [
        (
            "Composition du comité de suivi",
            "il est créé un comité de suivi, composé du représentant légal de chacune des parties ou de son "
            "représentant ainsi que de personnalités qualifiées.",
        ),
        (
            "Rythme",
            "Le comité de suivi se réunit au minimum 2 fois par an (au moins une fois par semestre).",
        ),
        (
            "Rôle",
            "Il suit l'exécution de l'accord et notamment l'avancement des projets. Il veille au respect des "
            "échéances prévues et en cas de besoin, décide des solutions en cas de problème d'exécution. Le "
            "comité de suivi est également l'organe de concertation entre les parties en cas de difficulté ou "
            "de litige.",
        ),
    ],
    "clauses": [
        (
            "Caducité",
            "La caducité de l'accord n'ouvre aucun droit à l'indemnisation pour les PARTIES.",
        ),
        (
            "Pas d'entité juridique",
            "Aucune stipulation de l'accord à lui seul ne pourra être interprétée, en tant que telle, comme "
            "constituant entre les PARTIES une entité juridique de quelque nature que ce soit, ni impliquant "
            "une quelconque solidarité entre les PARTIES.",
        ),
        (
            "Pas de pouvoir d'engager",
            "Aucune PARTIE n'a le pouvoir d'engager les autres PARTIES, ni de créer des obligations à la charge "
            "des autres PARTIES.",
        ),
        (
            "Modification",
            "Toute modification de la présente convention ne pourra être valable que par avenant signé par les "
            "deux PARTIES.",
        ),
        (
            "Communication",
            "Pour chacune des actions qui seront reprises dans la convention d'objectifs, les deux parties "
            "devront faire apparaître le partenariat suivant, sur tous les médias et supports de communication "
            "qui seront déclinés.",
        ),
        (
            "Contentieux",
            "En cas de litige entre les deux PARTIES, une recherche de solution à l'amiable sera d'abord mise en "
            "œuvre. A défaut, le Tribunal administratif de Lille est compétent pour connaître les litiges qui "
            "naîtraient de l'exécution du présent accord.",
        ),
        (
            "Recours contre la délibération",
            "cette délibération peut faire l'objet d'un recours gracieux par saisine de son auteur ou d'un "
            "recours contentieux devant le tribunal administratif de Lille, dans un délai de deux mois à compter "
            "de sa publication.",
        ),
    ],
    "figures": [
        (
            "TEAM2",
            "Labellisé en 2010, TEAM2 est le pôle national d'innovation pour l'économie circulaire et le "
            "recyclage qui stimule, accompagne et promeut les secteurs dédiés à la production et à l'utilisation "
            "de nouvelles ressources, grâce à son expertise et à son réseau de près de 200 partenaires "
            "industriels, scientifiques et institutionnels.",
        ),
        (
            "Industrie du territoire",
            "Le territoire de la Communauté d'Agglomération est labellisé « Territoire d'industrie » depuis 2018. "
            "L'industrie sur le territoire représente environ 12 000 emplois directs répartis dans près de 165 "
            "établissements industriels.",
        ),
        (
            "Territoire",
            "La Communauté d'Agglomération Béthune-Bruay réunit 100 communes, près de 280 000 habitants, sur un "
            "territoire de quelques 647 km2.",
        ),
        ("Communes rurales", "(62 communes de moins de 2 000 habitants)"),
        (
            "Plan de relance",
            "l'économie circulaire est un vrai pilier incontournable du plan de relance de 100 "
            "milliards présenté en septembre 2020.",
        ),
    ],
}

ACTIONS = {
    1: {
        "context": [
            "Cette action est dans continuité des travaux menés par TEAM2 pour les adhérents situés sur le "
            "territoire de la CABBALR"
        ],
    },
    2: {
        "method": [
            "Cette rencontre pourra prendre différentes formes en fonction des besoins :",
            "Pour assurer la transition vers une économie circulaire, il est nécessaire de mettre en place "
            "également au travers de ce club des réseaux d'acteurs complémentaires pour apporter des savoirs "
            "faire et former.",
            (
                "TEAM2 va initier régulièrement",
                "le suivi des activités des laboratoires académiques et privés",
            ),
            (
                "TEAM2 va initier régulièrement",
                "des visites de centres techniques et centre d'essais",
            ),
        ],
        "objectives": [
            "L'objectif est de détecter les innovations et travaux permettant de répondre aux besoins des "
            "adhérents de TEAM2 et aux challenges de la CABBALR",
            "Pour ACTION N°2 : TEAM2 vise à intensifier le poids de l'économie circulaire et à proposer des modes "
            "d'organisation inter-entreprises s'appuyant sur l'échange, la substitution des ressources, la "
            "mutualisation des moyens et services ou encore l'optimisation des pratiques de déplacements de "
            "biens et des personnes. Des échanges réguliers avec la CABBALR permettront d'évaluer les impacts "
            "sur le territoire, et sur son aménagement. Cette action permettra de sensibiliser aux besoins et de "
            "renforcer le rôle des pouvoirs publics au sein du territoire.",
        ],
    },
    3: {
        "context": [
            "Cette action concernera en priorité les métaux et la sauvegarde de ces ressources présentes sur le "
            "territoire.",
            "Le pôle cherchera en priorité à répondre aux pénuries stratégiques dans ces domaines par "
            "l'innovation dans le recyclage, grâce à l'accompagnement de projets dans l'industrie aux côtés de "
            "ses partenaires clés comme l'Alliance des Minerais, Minéraux et Métaux (A3M).",
            "Les actions du pôle s'appuient également sur les travaux et besoins du CSF « Mines et Métallurgie » "
            "et dans le CFS Transformation et Valorisation des Déchets.",
        ],
        "measures": [
            (
                "Structurer les filières",
                "Détecter les innovations technologiques pour valoriser les métaux au sein des déchets,",
            ),
            (
                "Structurer les filières",
                "Caractériser le potentiel des gisements en termes de métaux, métaux stratégiques et terres "
                "rares et anticiper les gisements futurs en considérant les évolutions technologiques (et plus "
                "particulièrement pour les nouvelles chimies de batteries),",
            ),
            (
                "Structurer les filières",
                "Renforcer les développements d'innovations dans le recyclage des métaux stratégiques et "
                "critiques, et les terres rares : le couplage de technologie est une alternative,",
            ),
            (
                "Structurer les filières",
                "Identifier et promouvoir des technologies de rupture d'extraction des métaux stratégiques dans "
                "les batteries nouvelle génération, dans les résidus miniers et les effluents industriels,",
            ),
            (
                "Structurer les filières",
                "Améliorer le bilan environnemental des procédés de recyclage des métaux et contribuer à "
                "diminuer la consommation énergétique,",
            ),
            (
                "Structurer les filières",
                "Étudier les modalités de mise en place d'un stock stratégique de métaux issus du recyclage "
                "permettant la sécurisation des approvisionnements et des outils de traçabilité nécessaires à sa "
                "gestion,",
            ),
            (
                "Structurer les filières",
                "Accroître et développer les compétences françaises dans le recyclage de ces métaux.",
            ),
            (
                "Réemployer et prolonger",
                "Mettre au point des systèmes de monitoring pour les produits électroniques, et plus "
                "particulièrement des batteries, pour augmenter leur durée de vie et pour préserver les "
                "ressources,",
            ),
            (
                "Réemployer et prolonger",
                "Développer des filières adaptées aux produits issus du recyclage en tenant compte de leurs "
                "caractéristiques.",
            ),
        ],
        "stakes": [
            (
                "Gisement",
                "Les métaux des DEEE, avec les nouveaux acteurs positionnés en aval de la collecte et du traitement,",
            ),
            ("Gisement", "Les batteries en fin de vie et déchets des Gigafactories,"),
            ("Gisement", "Les Véhicules Hors d'Usage,"),
            ("Gisement", "Les catalyseurs,"),
            ("Gisement", "Les aimants permanents dans les moteurs électriques,"),
            ("Gisement", "Les coproduits de process industriels et résidus miniers."),
            (
                "Marché final",
                "Les composants électroniques et cartes, (tant pour les éléments des téléphones que les data "
                "centers ou les véhicules autonomes...),",
            ),
            ("Marché final", "Les éléments de stockage de l'énergie (nickel, lithium, cobalt...),"),
            ("Marché final", "Les fibres et équipements de transmission numérique,"),
            (
                "Marché final",
                "Les métaux pour obtenir des alliages hautes performances (manganèse, tantale dans les alliages "
                "de turbines ou composants de process, vanadium, titane...).",
            ),
        ],
        "objectives": [
            "La période d'incubation de 18 mois devra permettre :",
            "Pour ACTION N°3 : TEAM2 ambitionne de mettre en place sous le régime d'aide pôle innovation un pôle "
            "permettant d'accélérer la gestion optimisée des ressources métalliques par le réemploi, le recyclage "
            "en mutualisant les ressources et les moyens.",
            (
                "Le pôle innovation devra être en capacité",
                "d'apporter des compétences techniques, et scientifiques,",
            ),
            (
                "Le pôle innovation devra être en capacité",
                "de mettre à disposition des moyens à l'échelle pilote pour caractériser, tracer et transformer "
                "les ressources,",
            ),
            ("Le pôle innovation devra être en capacité", "de mettre en place un stock tampon,"),
            (
                "Le pôle innovation devra être en capacité",
                "d'analyser de nouveaux modèles économiques pour accélérer la transition écologique",
            ),
        ],
    },
}

# The RAW4RES article: what each event was for.
EVENTS = {
    "Peer review RAW4RES : stratégies liées aux matières premières en Hauts-de-France": {
        "objectives": [
            "L'objectif étant de trouver des solutions afin d'intégrer des mesures responsables, durables et de "
            "gestion des risques dans les stratégies de croissance territoriale des entreprises en Région "
            "Hauts-de-France pour assurer l'approvisionnement en matières premières essentielles (telles que les "
            "métaux).",
        ],
        "results": [
            "Ces 2 jours d'échanges, ont permis de souligner l'importance de l'intégration des principes "
            "environnementaux, sociaux, de gouvernance et de l'économie circulaire ; de créer un climat de "
            "confiance autour des activités d'extraction et de recyclage des matières premières ; de garantir "
            "l'intégration des aspects locaux et sociétaux dans le processus d'innovation.",
            "Plusieurs bonnes pratiques en matière de recyclage des matières premières critiques ont incité les "
            "partenaires grecs à intensifier les activités de recyclage dans leur région.",
        ],
    },
    "Structuration de la filière des terres rares et des aimants permanents (TEAM2EVENT)": {
        "objectives": [
            "Favoriser la collaboration entre industriels, chercheurs et institutions,",
            "Partager les avancées technologiques et mettre en avant les projets stratégiques,",
            "Renseigner les institutions sur les besoins des industriels au niveau réglementaire et économique,",
            "Mettre en lumière les politiques publiques visant à encourager le recyclage des terres rares,",
            "Initier des collaborations transverses entre les acteurs de l'extraction minière et ceux de la "
            "filière recyclage.",
        ],
        "figures": [("Participants", "Le 7 novembre 2025, c'est 110 participants")],
        "names": [
            (
                "RAW4RES présenté par",
                "Shenja Ruthenberg, responsable des projets et affaires européennes chez TEAM2, a présenté le "
                "projet RAW4RES à lors de cet évènement.",
            )
        ],
    },
}
RAW4RES_AIM = (
    "L'objectif du projet RAW4RES, est d'évaluer et anticiper les vulnérabilités liées aux matières premières "
    "dans les chaînes de valeur des régions participantes, tout en promouvant des relations circulaires, en "
    "maximisant l'utilisation des ressources, en réduisant les déchets et en valorisant le potentiel de "
    "recyclage encore inexploité dans ces régions."
)


def load_passages(report, convention, actions, events):
    state(report, convention, CONVENTION_DOCUMENT, CONVENTION)
    for number, sections in ACTIONS.items():
        state(report, actions[number], CONVENTION_DOCUMENT, sections)
    for title, sections in EVENTS.items():
        context = {"context": [("RAW4RES", RAW4RES_AIM)]}
        state(report, events[title], RAW4RES_DOCUMENT, {**context, **sections})
