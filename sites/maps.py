"""The sites on a map drawn on the server (SVG): no outside server is needed, in tests or anywhere.

The Hauts-de-France's bounding box is projected in Web Mercator, the projection of map tiles;
each site is a disc coloured by its rank (top third, middle third, last third), with its name
and rank in a tooltip. When ``MAP_TILE_URL`` is set, the tiles of that server (zoom 8) are laid
under the discs, with the attribution the server requires; without it, a plain background.
The map shows the sites of the ranking's page on screen, so that it costs the same however many
sites the register holds."""

from html import escape
from math import cos, floor, log, pi, radians, tan

from django.conf import settings
from django.utils.translation import gettext as _

WEST, EAST, SOUTH, NORTH = 1.35, 4.3, 48.8, 51.15
WIDTH = 640
ZOOM = 8
TILE = 256
COLOURS = ("#18753c", "#8a4b00", "#ce0500")  # the portal's ok / warn / bad colours
# Prefectures, for bearings (public facts of geography, not data of the plan).
TOWNS = [
    ("Lille", 3.06, 50.63),
    ("Arras", 2.78, 50.29),
    ("Amiens", 2.30, 49.89),
    ("Beauvais", 2.08, 49.43),
    ("Laon", 3.62, 49.56),
]


def mercator(longitude, latitude, zoom=ZOOM):
    """World pixel coordinates of a point at ``zoom`` (the tiles' own grid).

    >>> [round(v) for v in mercator(0, 0, 0)]
    [128, 128]
    """
    world = TILE * 2**zoom
    phi = radians(float(latitude))
    x = (float(longitude) + 180) / 360 * world
    y = (1 - log(tan(phi) + 1 / cos(phi)) / pi) / 2 * world
    return x, y


LEFT, TOP = mercator(WEST, NORTH)
RIGHT, BOTTOM = mercator(EAST, SOUTH)
SCALE = WIDTH / (RIGHT - LEFT)


def _project(longitude, latitude):
    x, y = mercator(longitude, latitude)
    return round((x - LEFT) * SCALE, 1), round((y - TOP) * SCALE, 1)


def height():
    return round((BOTTOM - TOP) * SCALE)


def tiles(url_template):
    """The tiles that cover the map: [(url, x, y, size)] in the map's coordinates."""
    size = round(TILE * SCALE, 2)
    return [
        (
            url_template.format(z=ZOOM, x=column, y=row),
            round((column * TILE - LEFT) * SCALE, 1),
            round((row * TILE - TOP) * SCALE, 1),
            size,
        )
        for row in range(floor(TOP / TILE), floor(BOTTOM / TILE) + 1)
        for column in range(floor(LEFT / TILE), floor(RIGHT / TILE) + 1)
    ]


def sites_svg(ranked, *, total, title_id="sites-map"):
    """``ranked``: [(rank, site)] best first, for ranks among ``total`` sites (the map draws
    one page of the ranking; the colour says the site's third of the whole ranking)."""
    tall = height()
    third = max(1, -(-total // 3))
    # Translated outside the f-strings: xgettext does not read inside them.
    title = _("Carte des sites classés")
    description = _(
        "Chaque site est un disque : vert pour le premier tiers du classement, orange pour le "
        "deuxième, rouge pour le dernier. Le tableau du classement donne les mêmes informations."
    )
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {tall}" role="img" '
        f'aria-labelledby="{title_id} {title_id}-desc" class="sites-map">',
        f'<title id="{title_id}">{escape(title)}</title>',
        f'<desc id="{title_id}-desc">{escape(description)}</desc>',
        f'<rect x="0" y="0" width="{WIDTH}" height="{tall}" fill="#f6f6f6" stroke="#929292"/>',
    ]
    if settings.MAP_TILE_URL:
        parts += [
            f'<image href="{escape(url)}" x="{x}" y="{y}" width="{size}" height="{size}" '
            'preserveAspectRatio="none"/>'
            for url, x, y, size in tiles(settings.MAP_TILE_URL)
        ]
        attribution = escape(settings.MAP_TILE_ATTRIBUTION)
        box = len(settings.MAP_TILE_ATTRIBUTION) * 5.6 + 8  # legible on any tile
        parts.append(
            f'<rect x="{WIDTH - box}" y="{tall - 16}" width="{box}" height="16" fill="#ffffff"/>'
            f'<text x="{WIDTH - 4}" y="{tall - 4}" font-size="10" text-anchor="end" '
            f'fill="#161616">{attribution}</text>'
        )
    for name, longitude, latitude in TOWNS:
        x, y = _project(longitude, latitude)
        parts.append(
            f'<g><rect x="{x - 2}" y="{y - 2}" width="4" height="4" fill="#3a3a3a"/>'
            f'<text x="{x + 5}" y="{y + 4}" font-size="12" fill="#3a3a3a">{escape(name)}</text></g>'
        )
    for rank, site in ranked:
        x, y = _project(site.longitude, site.latitude)
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
