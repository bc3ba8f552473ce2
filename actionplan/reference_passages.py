"""The action plan's passages beyond its figures (seed 002): the plan's context, method,
governance and frameworks, and each action's full statement, sub-measures and the names it
cites, word for word. Loaded by ``actionplan.reference_data``; shown by ``core.statements``."""

from core.reference import PLAN_DOCUMENT, state

PLAN = {
    "context": [
        "L’économie circulaire consiste à concevoir et produire des biens et des services de manière durable en "
        "limitant l’utilisation de ressources nouvelles grâce à l’écoconception, la réparation, la réutilisation, "
        "le réemploi, le recyclage.",
        "Pour faire face à ces nécessaires transitions écologiques, économiques et sociales, une feuille de route "
        "économie circulaire en déclinaison opérationnelle de l’ambition Rev3 et les différents schémas régionaux "
        "(le SRADDET : Schéma Régional d’Aménagement et Développement Durable et d'Egalité des Territoires, le "
        "SRDEII : Schéma Régional de Développement Economique d’Innovation et Internationalisation, le PRPGD : "
        "Plan Régional de Prévention et de Gestion des Déchets) a été votée en 2020.",
        "La loi Anti-Gaspillage pour une Économie Circulaire (AGEC) a été adoptée en 2020 dans le but de "
        "favoriser une économie circulaire, réduire les déchets et promouvoir la durabilité.",
        "Le plan d’action proposé servira également de colonne vertébrale pour la coordination de "
        "conventionnement avec ces partenaires incontournables.",
    ],
    "figures": [
        (
            "Activité économique utilisant des ressources issues du recyclage",
            "En 2023, 17,6 % de l’activité économique française utilise des ressources issues du recyclage, ce "
            "taux est de 11,8 % en moyenne pour l’Europe (Source : Eurostat).",
        ),
        ("Enveloppe", "Mobilisation de 250 M€ sur 3 ans pour industrialiser l’économie circulaire"),
        ("Effet levier", "Effet levier attendu sur des fonds privés et éco-organismes"),
    ],
    "method": [
        (
            "Deux volets",
            "Le plan d’action comporte 2 volets : Le cadre stratégique des actions régionales, Les projets "
            "d’industrialisation de l’économie circulaire s’appuyant sur la mission bénévole menée par André "
            "DUPON dont les principales recommandations ont été présentées en séance plénière du 30 janvier 2025.",
        ),
        (
            "Cycle de vie",
            "La plan d’action a été construit en appréhendant l’ensemble du cycle de vie des produits :",
        ),
        (
            "AMONT",
            "AMONT Soutenir l’écoconception de produits durables, pour un meilleur usage des ressources",
        ),
        (
            "USAGE",
            "USAGE Maximiser l’usage des produits et des matières en favorisant la réparation, la réutilisation "
            "et le changement de modèle économique",
        ),
        (
            "AVAL",
            "AVAL Soutenir le réemploi et le recyclage pour optimiser l’utilisation des ressources par des "
            "démarches innovantes",
        ),
        (
            "Axe II",
            "Ce second point présente les actions spécifiques en direction des entreprises et des porteurs de "
            "projets qui permettront de diffuser et d’industrialiser l’économie circulaire en Hauts-de-France.",
        ),
        (
            "Second volet",
            "En complément du premier volet qui doit créer les conditions favorables à une diffusion large dans "
            "le tissu économique régional, un second volet identifie des projets permettant de changer "
            "d’échelle à court terme.",
        ),
    ],
    "governance": [
        (
            "Pilote du plan",
            "Le pilotage du plan d’action est assuré par André GENELLE, Conseiller régional délégué à "
            "l’économie circulaire.",
        ),
        (
            "Comité de pilotage et S3",
            "Ce comité de pilotage et l’ensemble de la feuille de route constitueront également le contenu et "
            "la gouvernance de l’axe transversal de la S3 « Intégrer la problématique de la nécessité d’un "
            "nouveau modèle de développement ».",
        ),
        (
            "Coordination technique",
            "Le suivi et la coordination technique des différents groupes projets pluridisciplinaires est "
            "assuré au niveau de la Direction Hauts-de-France Entreprises",
        ),
        (
            "Groupes projets",
            "Le plan d’action dans sa globalité est pluridisciplinaire, des groupes projets seront ainsi montés "
            "afin d’assurer la mise en œuvre des actions en coordonnant ainsi l’ensemble des moyens nécessaires.",
        ),
        (
            "Fiches action",
            "Chaque action sera mise en œuvre par un groupe projet et synthétisée dans une fiche action "
            "présentant les enjeux, les partenaires mobilisés (internes et externes), les objectifs et les "
            "moyens.",
        ),
    ],
    "support": [
        (
            "Effet levier",
            "Lever autant que possible les financements privés et notamment ceux des éco organismes par des "
            "conventionnements avec les filières REP (responsabilité élargie des producteurs) à enjeux pour "
            "notre territoire (emballages, textile, bâtiment, équipements électriques et électroniques…)",
        ),
        (
            "Projets européens",
            "Autres opportunités à saisir (plan d’action Européen en cours de finalisation)",
        ),
    ],
    "frameworks": [
        "NB : le plan d’action transversal s’articule autour des schémas et politiques régionales suivants :",
        "Stratégie de spécialisation intelligente (S3)",
        "SRDEII Schéma Régional de Développement économique d’Innovation et d’Internationalisation notamment "
        "l’axe 3.1 économie circulaire)",
        "SRESRI, Schéma Régional Enseignement Supérieur Recherche Innovation",
        "Feuille de route Innovation 2025-2028",
        "Feuille de route régionale d’économie circulaire 2020 ;",
        "PRPGD avec son PRAEC 2019 ; SRADDET volet déchets 2020 et 2024 ;",
        "Feuille de route régionale ESS 2024-2028",
        "Feuille de route REV3 2022-27",
    ],
}

# Per action: its full statement (objectives), its sub-measures, and the names it cites.
ACTIONS = {
    "1.1": {
        "objectives": [
            "Emplois et compétences, accompagner les entreprises et former aux nouveaux métiers en s’appuyant "
            "sur le Plan d’action « Métiers d’avenir Rev3 », politique régionale emploi formation qui vise à "
            "accompagner la transformation économique en répondant aux besoins des entreprises :"
        ],
        "measures": [
            "Évaluer les besoins à 10 ans, le potentiel d’emplois et les compétences requises,",
            "Au travers du Programme Régional de Formation, concevoir et ajuster des parcours adaptés pour "
            "répondre aux besoins du marché, par exemple poursuivre le développement de l’Ecole du recyclage et "
            "de la Ressource (En2r, créée en 2023 à Lomme) en ajoutant de nouveaux modules de formation,",
            "Renforcer l’attractivité des métiers : valoriser les emplois, les formations et les carrières,",
            "Former et accompagner vers l’emploi : faciliter l’accès à la formation et l’insertion "
            "professionnelle,",
            "Faciliter le recrutement pour les entreprises, notamment les PME (en lien avec Proch’Emploi).",
        ],
        "names": [
            ("Métiers d’avenir Rev3", "le Plan d’action « Métiers d’avenir Rev3 »"),
            ("Programme Régional de Formation", "Programme Régional de Formation"),
            ("En2r", "l’Ecole du recyclage et de la Ressource (En2r, créée en 2023 à Lomme)"),
            ("Proch’Emploi", "Proch’Emploi"),
        ],
    },
    "1.2": {
        "measures": [
            "Accentuer le soutien à la recherche sur des programmes stratégiques pluriannuels en s’appuyant sur "
            'le dispositif régional InSPIR - "Initiatives Scientifiques Pilotes d’Intérêt Régional",',
            "Soutenir les chaires industrielles et les collaborations structurantes entreprises / universités,",
            "Coordonner un réseau de recherche régional pluri et interdisciplinaire sur l’économie circulaire "
            "(recherche technologique mais aussi sur les sciences humaines et sociales),",
            "Intégrer davantage les principes de l’économie circulaire dans les cursus de formation supérieure,",
            "Généraliser les projets étudiants et créer le premier challenge inter-établissements,",
            "Mobiliser les parcs d’innovation et les accélérateurs Rev3 labs (CCI et Région) sur l’économie "
            "circulaire.",
        ],
        "names": [
            (
                "InSPIR",
                'le dispositif régional InSPIR - "Initiatives Scientifiques Pilotes d’Intérêt Régional"',
            ),
            ("Rev3 labs", "les accélérateurs Rev3 labs (CCI et Région)"),
        ],
    },
    "1.3": {
        "measures": [
            "Sensibiliser et informer les citoyens sur les modes de consommation responsables en s’appuyant sur "
            "les partenaires et les éco organismes, les collectivités… (par exemple promotion de la consigne),",
            "Structurer et coordonner l’offre régionale de la réparation : les « Repair café » (qui permettent "
            "d’aider les citoyens à réparer leurs objets) et tous les acteurs de la réparation avec l’impulsion "
            "du « bonus réparation » (textile, cordonnerie, équipements électroniques…),",
            "Fédérer les acteurs de la seconde main en s’appuyant sur la tradition des braderies comme marqueur "
            "culturel Hauts-de-France.",
        ],
        "names": [("Bonus réparation", "l’impulsion du « bonus réparation »")],
    },
    "1.4": {
        "measures": [
            "Déployer les stratégies locales de prévention des déchets,",
            "Encourager et accompagner les PLPDMA (programmes locaux de prévention des déchets ménagers) afin de "
            "couvrir 100% du territoire régional,",
            "Encourager la prévention en contractualisant avec les collectivités (tarification incitative, tri "
            "et la valorisation des biodéchets…),",
            "Encourager la lutte contre le gaspillage alimentaire auprès des particuliers et des collectivités,",
            "Améliorer les performances de collecte et tri des matières premières secondaires issues des "
            "déchets des ménages et des entreprises pour favoriser les chaînes de valorisation,",
            "Encourager la prise en compte de l’économie circulaire dans les documents d’urbanisme (afin de "
            "favoriser le réemploi dans le bâtiment par l’identification des gisements et des besoins),",
            "Développer et animer un réseau régional des matériauthèques.",
            "L’Ecologie Industrielle Territoriale (EIT) permet de mettre en lien les acteurs d’un territoire "
            "(d’une zone d’activité par exemple) afin de gérer collectivement les ressources et les besoins. La "
            "Région et l’ADEME ont créé un réseau de territoires ayant initié ces démarches (COM’EIT) avec pour "
            "objectifs :",
            "D’outiller les territoires afin de les aider à construire des boucles d’économie circulaire, créer "
            "une culture de la mutualisation et de la valorisation. Faire des territoires : des zones d’ancrage "
            "et de mobilisation de filières particulières d’économie circulaire ; des points de départ d’un "
            "raisonnement territorial circulaire ; des zones d’application de dimensions réglementaires "
            "(déchets, achats publics…),",
            "D’intégrer l’optimisation des ressources énergétiques (réseau de chaleur) et humaines,",
            "Animer une communauté régionale des territoires autour de l’économie circulaire et s’inscrire "
            "également dans les réseaux européens.",
        ],
        "names": [
            ("PLPDMA", "PLPDMA (programmes locaux de prévention des déchets ménagers)"),
            (
                "COM’EIT",
                "La Région et l’ADEME ont créé un réseau de territoires ayant initié ces démarches (COM’EIT)",
            ),
        ],
    },
    "1.5": {
        "measures": [
            "Relever le défi d’intégrer davantage d’achat publics circulaire pour la Région Hauts-de-France,",
            "Sensibiliser les collectivités via le CERDD (Centre Ressource Développement Durable) et le réseau "
            "régional APURE (Etat Région qui promeut et forme sur les achats publics responsables) sur la base "
            "du référentiel achat public Rev3 et former les TPE PME à mieux répondre à ces marchés publics.",
            "Proposer des formations aux acheteurs publics et techniciens des collectivités (en lien avec le "
            "CNFPT),",
            "Promouvoir l’intégration d’un « lot réemploi » dans les marchés publics de travaux.",
        ],
        "names": [
            ("CERDD", "le CERDD (Centre Ressource Développement Durable)"),
            (
                "APURE",
                "le réseau régional APURE (Etat Région qui promeut et forme sur les achats publics "
                "responsables)",
            ),
            ("CNFPT", "le CNFPT"),
            (
                "Emmaüs Connect",
                "partenariat Emmaüs Connect pour le réemploi du matériel informatique",
            ),
        ],
    },
    "2.1": {
        "objectives": ["Objectif d’accompagner 1 000 entreprises"],
        "measures": [
            "A intégrer l’écoconception et les démarches d’économie circulaire (en mobilisant les outils "
            "existants, comme le booster transformation Rev3, ou le FRATRI),",
            "A améliorer les process de production et la digitalisation, en s’appuyant sur l’Industrie du "
            "Futur dont les solutions permettent d’orienter la production vers une économie plus circulaire,",
            "En identifiant les projets complémentaires à nos chaines de valeur existantes et en accompagnant "
            "l’implantation de nouvelles activités (en lien avec Nord France Invest).",
        ],
        "names": [
            ("Booster transformation Rev3", "le booster transformation Rev3"),
            ("FRATRI", "le FRATRI"),
            ("Industrie du Futur", "l’Industrie du Futur"),
            ("Nord France Invest", "Nord France Invest"),
        ],
    },
    "2.2": {
        "objectives": [
            "Déployer les partenariats inter filières pour accélérer l’innovation et conquérir de nouveaux "
            "marchés (en articulation étroite avec la feuille de route régionale innovation)"
        ],
        "measures": [
            "Cibler les filières historiques et les filières émergentes à fort potentiel en région : batteries, "
            "bioéconomie, textile, bâtiment, et promouvoir un meilleur usage des ressources,",
            "Identifier et qualifier les gisements de matières (coproduits ou déchets pouvant devenir des "
            "coproduits) afin d’ouvrir de nouvelles perspectives en utilisant les coprodruits d’une filière "
            "pour de nouveaux usages dans d’autres filières, en s’appuyant sur l’Odema (observatoire déchets "
            "matières)",
            "Identifier avec les grands groupes régionaux des grappes d’entreprise puis les accompagner "
            "collectivement à déployer des activités plus circulaires.",
        ],
        "names": [("Odema", "l’Odema (observatoire déchets matières)")],
    },
    "2.3": {
        "objectives": [
            "Identifier les opportunités et diffuser les nouveaux modèles économiques : réaliser une veille "
            "prospective sur de nouvelles activités / marchés potentiels que peuvent fournir le réemploi, la "
            "consigne, l’économie de la fonctionnalité, sortie du statut de déchet… Puis structurer de "
            "consortiums rassemblant les compétences régionales à mettre en lien pour initier ces projets et "
            "saisir ces opportunités à l’échelle régionale (identification des flux, sourcing, logistique, "
            "débouchés… )."
        ],
        "names": [("Hauts-la-consigne, le Fourgon", "(Hauts-la-consigne, le Fourgon…)")],
    },
    "2.4": {
        "objectives": [
            "Réaliser un travail d’analyse sur les filières émergentes afin de cartographier précisément les "
            "acteurs mais également les flux entre ces acteurs afin d’identifier les gisements et les débouchés "
            "potentiels en région, en lien avec les outils d’intelligence économique et de développement de la "
            "recherche innovation."
        ],
    },
    "3.1": {
        "measures": [
            "Priorisant l’accélération de la R&D au stade des prototypes et démonstrateurs.",
            "Soutenant la technique d’hydrométallurgie qui est la plus opérationnelle à court terme en "
            "accompagnant l’installation d’un site industriel.",
            "Suscitant et mobilisant une chaîne logistique de grande envergure sur la collecte des mines "
            "urbaines pour les cartes électroniques, les batteries usagées en fin de vie, les métaux et "
            "alliages.",
            "Accompagnant de manière intensive les programmes émergents de recyclage de batteries pour un "
            "changement d’échelle sur la fabrication et le recyclage.",
        ],
    },
    "3.2": {
        "measures": [
            "Créer un site industriel de séparation et de régénération des plastiques avant recyclage.",
            "Implanter en Hauts-de-France une unité industrielle utilisant la solution innovante de broyage à "
            "chaud des plastiques.",
            "Identifier et qualifier les solutions d’industrialisation selon les différentes technologies et "
            "les différents usages avec les partenaires mobilisés, notamment Team2, Euramaterials, CD2e, S3PI…",
        ],
        "names": [("Partenaires mobilisés", "notamment Team2, Euramaterials, CD2e, S3PI…")],
    },
    "3.3": {
        "measures": [
            "Promouvoir le recyclage en recréant et produisant des fibres recyclées. Par exemple les procédés "
            "mis en œuvre par le Centre Européen des Textiles Innovants (CETI) à Roubaix, qui innove en "
            "modélisation, en expérimentation et en industrialisation des matières textiles du futur.",
            "Poursuivre les expérimentations sur les différentes technologies et l’identification des "
            "gisements ainsi que les usages potentiels (nouveaux marchés).",
        ],
        "names": [("CETI", "le Centre Européen des Textiles Innovants (CETI) à Roubaix")],
    },
    "3.4": {
        "method": [
            "Il s’agit dans un premier temps de développer un outil numérique permettant la valorisation de "
            "matériaux pouvant être utilisés dans la construction (issus du réemploi, de valorisation de "
            "matières…).",
            "En s’appuyant cet outil numérique, développer plusieurs modèles de plateformes, notamment :",
        ],
        "measures": [
            "Le réemploi in situ : sur de grosses opérations, déconstruire sur place et réemployer ce qui peut "
            "l’être.",
            "La mise en réseau digitale entre immeubles et chantiers : l’exemple de l’application REUTIl qui met "
            "en contact générateurs de PMCB et utilisateurs/acheteurs.",
            "La création de plateformes de réemploi pour les matériaux ne pouvant être réutilisés "
            "immédiatement.",
        ],
        "objectives": [
            "L’objectif final étant d’accompagner, animer et coordonner un réseau régional de plateformes "
            "permettant une augmentation importante du réemploi dans le bâtiment."
        ],
        "names": [("REUTIl", "l’application REUTIl")],
    },
    "3.5": {
        "context": [
            "Le gisement en Hauts-de-France est substantiel et représente une opportunité. Il s’agira de "
            "structurer avec les industriels du bâtiment et les bailleurs sociaux une filière de valorisation :"
        ],
        "measures": [
            "En réemploi direct : si les briques sont en bon état, elles peuvent être nettoyées et réutilisées "
            "dans de nouvelles constructions ou rénovations.",
            "En réutilisation dans des projets décoratifs : les briques anciennes ou partiellement endommagées "
            "peuvent être utilisées en briques de parement, ou pour des allées de jardins urbains.",
        ],
    },
    "3.6": {
        "objectives": [
            "Créer 10 grandes plateformes locales de nouvelle génération multi-produits de stockage, réemploi et "
            "recyclage, dans une logique de massification et de modèle économique soutenable :"
        ],
        "measures": [
            "Intégrant l’ensemble de la chaîne de valeur de l’économie circulaire : collecte-récupération, "
            "réparation, upcycling, recyclage, occasion, location, circuits courts…",
            "Où l’on travaille : activités de production et de services autour de la circularité produit, de la "
            "fonctionnalité et de la valeur d’usage.",
            "Où l’on innove et on échange : lieux d’incubation, d’expérimentations préindustrielles.",
            "Où l’on partage, apprend et se rassemble : lieux de sensibilisation et de formation.",
            "Avec un écosystème unique et innovant associant collectivités / Syndicats mixtes de déchets, "
            "gestionnaires de déchetteries (régie ou privé) et les acteurs de l’économie sociale et solidaire.",
        ],
    },
    "3.7": {
        "context": [
            "Le recours croissant aux produits de seconde main et de réemploi rend possible la création d’un "
            "centre commercial spécialisé :"
        ],
        "measures": [
            "Accueillant des enseignes diverses, couvrant un large spectre de biens, services et produits de "
            "réemploi, avec une offre complète et transversale : habillement, électroménager, jardin, "
            "bricolage, cuisine, sport, ressourcerie, alimentaire, jouet, location d’équipements, matériaux de "
            "construction, ameublement, mobilier, décoration, alimentaire…",
            "Doté d’une stratégie foncière associant public et privé : des entrepôts, des ateliers de "
            "production, des magasins, des bureaux, de la formation à la réparation.",
            "Doté d’une stratégie commerciale et d’un modèle économique reprenant les codes du commerce.",
            "Nécessitant une surface de 6 000 m2, pour 25 cellules commerciales, une zone de restauration de "
            "200 m2, un centre de formation, un Fablab de type Repair Café, un espace de conférence, des "
            "espaces fonctionnels (réserve, locaux pour le personnel…).",
        ],
    },
}


def load_passages(report, plan, actions):
    state(report, plan, PLAN_DOCUMENT, PLAN)
    for code, sections in ACTIONS.items():
        state(report, actions[code], PLAN_DOCUMENT, sections)
