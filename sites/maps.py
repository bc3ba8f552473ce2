"""The sites on a map drawn on the server (SVG): no tile server, in tests or anywhere.

Longitude and latitude are projected on the Hauts-de-France's bounding box (equirectangular,
longitudes shrunk by the cosine of the mean latitude); each site is a disc coloured by its
rank (top third, middle third, last third), with its name and rank in a tooltip. The map shows
the sites of the ranking's page on screen, so that it costs the same however many sites the
register holds."""

from html import escape
from math import cos, radians

from django.utils.translation import gettext as _

WEST, EAST, SOUTH, NORTH = 1.35, 4.3, 48.8, 51.15
WIDTH = 640
COLOURS = ("#18753c", "#8a4b00", "#ce0500")  # the portal's ok / warn / bad colours
# Prefectures, for bearings (public facts of geography, not data of the plan).
TOWNS = [
    ("Lille", 3.06, 50.63),
    ("Arras", 2.78, 50.29),
    ("Amiens", 2.30, 49.89),
    ("Beauvais", 2.08, 49.43),
    ("Laon", 3.62, 49.56),
]


def _project(longitude, latitude, height):
    scale_x = cos(radians((NORTH + SOUTH) / 2))
    x = (float(longitude) - WEST) / (EAST - WEST) * WIDTH
    y = (NORTH - float(latitude)) / (NORTH - SOUTH) * height
    return round(x, 1), round(y, 1), scale_x


def height():
    return round(WIDTH * (NORTH - SOUTH) / ((EAST - WEST) * cos(radians((NORTH + SOUTH) / 2))))


def sites_svg(ranked, *, total, title_id="sites-map"):
    """``ranked``: [(rank, site)] best first, for ranks among ``total`` sites (the map draws
    one page of the ranking; the colour says the site's third of the whole ranking)."""
    tall = height()
    third = max(1, -(-total // 3))
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {tall}" role="img" '
        f'aria-labelledby="{title_id} {title_id}-desc" class="sites-map">',
        f'<title id="{title_id}">{escape(_("Carte des sites classés"))}</title>',
        f'<desc id="{title_id}-desc">{escape(_("Chaque site est un disque : vert pour le premier tiers du classement, orange pour le deuxième, rouge pour le dernier. Le tableau du classement donne les mêmes informations."))}</desc>',
        f'<rect x="0" y="0" width="{WIDTH}" height="{tall}" fill="#f6f6f6" stroke="#929292"/>',
    ]
    for name, longitude, latitude in TOWNS:
        x, y, _scale = _project(longitude, latitude, tall)
        parts.append(
            f'<g><rect x="{x - 2}" y="{y - 2}" width="4" height="4" fill="#3a3a3a"/>'
            f'<text x="{x + 5}" y="{y + 4}" font-size="12" fill="#3a3a3a">{escape(name)}</text></g>'
        )
    for rank, site in ranked:
        x, y, _scale = _project(site.longitude, site.latitude, tall)
        colour = COLOURS[min(2, (rank - 1) // third)]
        label = _("%(rank)s. %(name)s (%(commune)s)") % {
            "rank": rank,
            "name": site.name,
            "commune": site.commune,
        }
        parts.append(
            f'<g><title>{escape(label)}</title><circle cx="{x}" cy="{y}" r="7" fill="{colour}" '
            f'stroke="#ffffff" stroke-width="1.5"/><text x="{x}" y="{y + 3.5}" font-size="9" '
            f'text-anchor="middle" fill="#ffffff">{rank if rank < 100 else ""}</text></g>'
        )
    parts.append("</svg>")
    return "".join(parts)
