"""Where things lie on a site: zone outlines and sample points, in metres, in the site's
projected coordinate reference system (Lambert-93 by default). Pure functions: Django only
for the translation of the messages shown to officers.

A zone's outline is a list of vertices ``[(x, y), …]`` (the last one joins the first); an
officer types it one vertex per line, ``x ; y`` (a decimal comma is accepted), or pastes a
GeoJSON polygon. Worked example, a 100 m × 50 m rectangle::

    >>> square = parse_outline("0 ; 0\\n100 ; 0\\n100 ; 50\\n0 ; 50")
    >>> area_m2(square)
    5000.0
    >>> contains(square, (50, 25)), contains(square, (150, 25))
    (True, False)
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Sequence

from django.utils.translation import gettext as _

Point = tuple[float, float]

# The projected systems a brownfield of North-West Europe is surveyed in (EPSG code: name).
CRS: dict[int, str] = {
    2154: "RGF93 v1 / Lambert-93",
    3949: "RGF93 v1 / CC49",
    3950: "RGF93 v1 / CC50",
    32631: "WGS 84 / UTM zone 31N",
    3812: "ETRS89 / Belgian Lambert 2008",
    28992: "Amersfoort / RD New",
    27700: "OSGB36 / British National Grid",
}
DEFAULT_CRS = 2154
MAX_VERTICES = 500


class OutlineError(ValueError):
    """What is wrong with a typed outline, with the line it is on (1-based) when there is one."""

    def __init__(self, message: str, line: int | None = None):
        super().__init__(message)
        self.message = message
        self.line = line


def _number(text: str) -> float:
    # Spaces (narrow and non-breaking ones too) separate thousands: « 7 050 200,5 ».
    value = float(re.sub(r"\s", "", text).replace(",", "."))
    if not math.isfinite(value):
        raise ValueError(text)
    return value


def parse_outline(text: str) -> list[Point]:
    """The vertices of a typed outline, or ``OutlineError`` saying which line is wrong.

    One vertex per line, X then Y separated by a semicolon, a tab or spaces; or a GeoJSON
    ``Polygon`` (its outer ring). A closing vertex repeating the first is dropped.

    >>> parse_outline("683 100,5 ; 7 050 200\\n683 200 ; 7 050 200\\n683 200 ; 7 050 300")
    [(683100.5, 7050200.0), (683200.0, 7050200.0), (683200.0, 7050300.0)]
    >>> parse_outline("0;0\\n10;0\\nten;10")
    Traceback (most recent call last):
    ...
    sites.geometry.OutlineError: « ten;10 » n'est pas un couple X ; Y en mètres.
    """
    text = text.strip()
    if text.startswith("{"):
        points = _from_geojson(text)
    else:
        points = []
        for number, line in enumerate(text.splitlines(), start=1):
            if not line.strip():
                continue
            parts = [p for p in re.split(r"\s*[;\t]\s*", line.strip()) if p]
            if len(parts) == 1:  # « 683100 7050200 »: spaces separate X and Y
                parts = line.split()
            try:
                if len(parts) != 2:
                    raise ValueError(line)
                points.append((_number(parts[0]), _number(parts[1])))
            except ValueError:
                raise OutlineError(
                    _("« %(line)s » n'est pas un couple X ; Y en mètres.") % {"line": line.strip()},
                    number,
                ) from None
    if len(points) > 1 and points[0] == points[-1]:
        points = points[:-1]
    check_outline(points)
    return points


def _from_geojson(text: str) -> list[Point]:
    try:
        data = json.loads(text)
        if data.get("type") == "Feature":
            data = data["geometry"]
        if data.get("type") != "Polygon":
            raise OutlineError(_("Le GeoJSON doit être un polygone (« Polygon »)."))
        return [(float(x), float(y)) for x, y, *_rest in data["coordinates"][0]]
    except OutlineError:
        raise
    except (ValueError, KeyError, TypeError, IndexError, AttributeError):
        raise OutlineError(
            _("GeoJSON illisible : attendu un polygone de coordonnées X, Y.")
        ) from None


def check_outline(points: Sequence[Point]) -> None:
    """Refuse an outline that does not enclose a surface: fewer than three distinct vertices,
    too many, a zero area, or edges that cross each other.

    >>> check_outline([(0, 0), (10, 10), (10, 0), (0, 10)])  # a bow tie
    Traceback (most recent call last):
    ...
    sites.geometry.OutlineError: Le contour se recoupe (côtés 1 et 3) : donnez les sommets dans l'ordre du tour.
    """
    if len(set(points)) < 3:
        raise OutlineError(_("Un contour a au moins trois sommets distincts."))
    if len(points) > MAX_VERTICES:
        raise OutlineError(_("Un contour a au plus %(count)s sommets.") % {"count": MAX_VERTICES})
    edges = list(zip(points, [*points[1:], points[0]], strict=True))
    for i, first in enumerate(edges):
        for j in range(i + 2, len(edges)):
            if i == 0 and j == len(edges) - 1:
                continue  # the first and last edges share the first vertex
            if _cross(first, edges[j]):
                raise OutlineError(
                    _(
                        "Le contour se recoupe (côtés %(first)s et %(second)s) : donnez les "
                        "sommets dans l'ordre du tour."
                    )
                    % {"first": i + 1, "second": j + 1}
                )
    if area_m2(points) == 0:
        raise OutlineError(_("Les sommets sont alignés : le contour n'a pas de surface."))


def _orientation(a: Point, b: Point, c: Point) -> float:
    return (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0])


def _cross(first: tuple[Point, Point], second: tuple[Point, Point]) -> bool:
    (a, b), (c, d) = first, second
    d1, d2 = _orientation(c, d, a), _orientation(c, d, b)
    d3, d4 = _orientation(a, b, c), _orientation(a, b, d)
    return (d1 * d2 < 0) and (d3 * d4 < 0)


def area_m2(points: Sequence[Point]) -> float:
    """The area enclosed, in m² (shoelace formula).

    >>> area_m2([(0, 0), (4, 0), (4, 3)])
    6.0
    """
    twice = sum(
        x1 * y2 - x2 * y1
        for (x1, y1), (x2, y2) in zip(points, [*points[1:], points[0]], strict=True)
    )
    return abs(twice) / 2


def contains(points: Sequence[Point], point: Point) -> bool:
    """Whether ``point`` is inside the outline or on its edge (ray casting).

    >>> contains([(0, 0), (4, 0), (4, 3)], (4, 1)), contains([(0, 0), (4, 0), (4, 3)], (1, 2))
    (True, False)
    """
    x, y = point
    inside = False
    for (x1, y1), (x2, y2) in zip(points, [*points[1:], points[0]], strict=True):
        if _orientation((x1, y1), (x2, y2), point) == 0 and (
            min(x1, x2) <= x <= max(x1, x2) and min(y1, y2) <= y <= max(y1, y2)
        ):
            return True
        if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
            inside = not inside
    return inside


def format_outline(points: Sequence[Point]) -> str:
    """The outline as an officer types it, one ``x ; y`` per line.

    >>> print(format_outline([(0, 0), (100.5, 0), (100.5, 50)]))
    0 ; 0
    100,5 ; 0
    100,5 ; 50
    """

    def text(value: float) -> str:
        return f"{value:.2f}".rstrip("0").rstrip(".").replace(".", ",")

    return "\n".join(f"{text(x)} ; {text(y)}" for x, y in points)
