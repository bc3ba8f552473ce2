"""What the accessibility statement says was checked, and what the browser tests check.

One table: the tests run axe-core (rules WCAG 2.1 A and AA) on each of these pages without an
account and fail on any violation, and the statement lists the same pages, so it never claims
a check the tests do not make.
"""

from django.utils.translation import gettext_lazy as _

AXE_RULES = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

# (what the page is, its address): the public pages a visitor without an account reaches.
CHECKED_PUBLIC_PAGES = [
    (_("Accueil"), "/"),
    (_("Avancement du plan"), "/avancement/"),
    (_("Un axe du plan"), "/avancement/axes/I/"),
    (_("Une action du plan"), "/avancement/actions/1.1/"),
    (_("Un indicateur"), "/avancement/indicateurs/1.1-1/"),
    (_("Le graphique intégrable d'un indicateur"), "/avancement/indicateurs/1.1-1/integrer/"),
    (_("Les publications"), "/avancement/publications/"),
    (_("Les données ouvertes"), "/donnees/"),
    (_("Les appels à manifestation d'intérêt"), "/ami/"),
    (_("Mentions légales"), "/mentions-legales/"),
    (_("Déclaration d'accessibilité"), "/accessibilite/"),
    (_("Données personnelles"), "/donnees-personnelles/"),
    (_("Plan du site"), "/plan-du-site/"),
    (_("Développeurs"), "/developpeurs/"),
    (_("Connexion"), "/comptes/connexion/"),
]
