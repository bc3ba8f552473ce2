"""Server-side SVG charts, so the page and the quarterly PDF show the same drawing.

Colours pass WCAG contrast on white; meaning never rests on colour alone (the
trajectory is dashed, the target dotted, values are dots joined by a line) and
each chart carries a title and a text description.
"""

from datetime import date
from decimal import Decimal
from html import escape

from django.utils.formats import date_format
from django.utils.translation import gettext as _

from core.templatetags.portal import format_money, format_number, format_percent

WIDTH, HEIGHT = 640, 280
LEFT, RIGHT, TOP, BOTTOM = 72, 24, 20, 40
VALUE_COLOUR = "#000091"
TRAJECTORY_COLOUR = "#3a3a3a"
TARGET_COLOUR = "#18753c"
BAND_COLOUR = "#e3e3fd"
PROJECTION_COLOUR = "#716043"
PROJECTION_BAND_COLOUR = "#f3ede5"


def _ticks(low, high, count=4):
    if high <= low:
        return [low]
    step = (high - low) / count
    magnitude = Decimal(10) ** (len(str(int(step))) - 1) if step >= 1 else Decimal("0.1")
    step = max(magnitude, (Decimal(step) / magnitude).to_integral_value() * magnitude)
    ticks, value = [], Decimal(low)
    while value <= high:
        ticks.append(value)
        value += step
    return ticks


def trajectory_svg(
    *,
    indicator,
    series,
    start,
    end,
    baseline,
    target,
    tolerance_ratio,
    title_id,
    value_count=None,
    forecast=None,
):
    """The approved values against the expected trajectory, its tolerance band and the target.

    ``value_count`` is how many approved values the series stands for when it was thinned
    (the report draws month ends); by default, its number of points. ``forecast`` is a stored
    forecast (``actionplan.forecast.Forecast.as_json``): when it has a projection, its line
    and its 80 % band are drawn from the last value to the target date."""
    points = [(day, Decimal(value)) for day, value, _count in series]
    projection = [
        (date.fromisoformat(day), Decimal(str(value)), Decimal(str(low)), Decimal(str(high)))
        for day, value, low, high in ((forecast or {}).get("path") or [])
    ]
    first_day = min([start] + [day for day, _v in points])
    last_day = max([end] + [day for day, _v in points] + [p[0] for p in projection])
    # The band's extremes widen the scale only up to twice the target: a very uncertain
    # projection must not flatten the values the committee reads first.
    cap = 2 * max(abs(target), abs(baseline), Decimal(1))
    reach = [min(p[3], cap) for p in projection] + [max(p[2], -cap) for p in projection]
    top_value = max([target, baseline] + [value for _d, value in points] + reach) * Decimal(
        "1.1"
    ) or Decimal(1)
    # Start the scale near the lowest value so that a change from a large baseline stays visible.
    floor = min([baseline, target] + [value for _d, value in points] + reach)
    low_value = (
        Decimal(0)
        if floor <= 0 or floor < top_value / 3
        else (floor * Decimal("0.9")).to_integral_value()
    )
    # Coordinates in floats: a series of a thousand points is drawn in a millisecond.
    x_scale = (WIDTH - LEFT - RIGHT) / max((last_day - first_day).days, 1)
    y_low, y_scale = float(low_value), (HEIGHT - TOP - BOTTOM) / float(top_value - low_value)

    def x(day):
        return LEFT + x_scale * (day - first_day).days

    def y(value):
        return TOP + (HEIGHT - TOP - BOTTOM) - y_scale * (float(value) - y_low)

    def y_clipped(value):
        return min(max(y(value), TOP), HEIGHT - BOTTOM)

    band = abs(target - baseline) * tolerance_ratio
    lower = -band if target >= baseline else band
    # Translated outside the f-strings: xgettext does not read inside them.
    title = _("Trajectoire de l’indicateur %(code)s") % {"code": indicator.code}
    target_label = _("Cible : %(value)s") % {"value": format_number(target)}
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}" height="{HEIGHT}" '
        f'role="img" aria-labelledby="{title_id} {title_id}-desc" class="chart">',
        f'<title id="{title_id}">{escape(title)}</title>',
        f'<desc id="{title_id}-desc">{escape(_describe(indicator, points, start, end, baseline, target, value_count, projection))}</desc>',
    ]
    for tick in _ticks(low_value, top_value):
        parts.append(
            f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y(tick):.1f}" y2="{y(tick):.1f}" stroke="#dddddd"/>'
            f'<text x="{LEFT - 6}" y="{y(tick) + 4:.1f}" text-anchor="end" font-size="11" fill="#3a3a3a">'
            f"{escape(format_number(tick))}</text>"
        )
    for year in range(first_day.year, last_day.year + 2):
        day = date(year, 1, 1)
        if first_day <= day <= last_day:
            parts.append(
                f'<line x1="{x(day):.1f}" x2="{x(day):.1f}" y1="{HEIGHT - BOTTOM}" y2="{HEIGHT - BOTTOM + 5}" '
                f'stroke="#3a3a3a"/><text x="{x(day):.1f}" y="{HEIGHT - BOTTOM + 18}" text-anchor="middle" '
                f'font-size="11" fill="#3a3a3a">{year}</text>'
            )
    parts.append(
        f'<polygon points="{x(start):.1f},{y(baseline):.1f} {x(end):.1f},{y(target):.1f} '
        f'{x(end):.1f},{y(target + lower):.1f} {x(start):.1f},{y(baseline + lower):.1f}" fill="{BAND_COLOUR}"/>'
        f'<line x1="{x(start):.1f}" y1="{y(baseline):.1f}" x2="{x(end):.1f}" y2="{y(target):.1f}" '
        f'stroke="{TRAJECTORY_COLOUR}" stroke-width="2" stroke-dasharray="6 4"/>'
        f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y(target):.1f}" y2="{y(target):.1f}" '
        f'stroke="{TARGET_COLOUR}" stroke-width="2" stroke-dasharray="2 3"/>'
        f'<text x="{WIDTH - RIGHT}" y="{y(target) - 6:.1f}" text-anchor="end" font-size="12" '
        f'fill="{TARGET_COLOUR}">{escape(target_label)}</text>'
        f'<line x1="{LEFT}" x2="{LEFT}" y1="{TOP}" y2="{HEIGHT - BOTTOM}" stroke="#3a3a3a"/>'
        f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{HEIGHT - BOTTOM}" y2="{HEIGHT - BOTTOM}" stroke="#3a3a3a"/>'
    )
    if projection:
        upper = " ".join(f"{x(p[0]):.1f},{y_clipped(p[3]):.1f}" for p in projection)
        lower_edge = " ".join(f"{x(p[0]):.1f},{y_clipped(p[2]):.1f}" for p in reversed(projection))
        line = " ".join(f"{x(p[0]):.1f},{y_clipped(p[1]):.1f}" for p in projection)
        parts.append(
            f'<polygon points="{upper} {lower_edge}" fill="{PROJECTION_BAND_COLOUR}" '
            f'stroke="{PROJECTION_COLOUR}" stroke-width="1" stroke-dasharray="1 3"/>'
            f'<polyline points="{line}" fill="none" stroke="{PROJECTION_COLOUR}" stroke-width="2" '
            f'stroke-dasharray="10 3 2 3"/>'
        )
    if points:
        path = " ".join(f"{x(day):.1f},{y(value):.1f}" for day, value in points)
        parts.append(
            f'<polyline points="{path}" fill="none" stroke="{VALUE_COLOUR}" stroke-width="2"/>'
        )
        for day, value in points[-24:]:
            parts.append(
                f'<circle cx="{x(day):.1f}" cy="{y(value):.1f}" r="3" fill="{VALUE_COLOUR}"/>'
            )
    parts.append("</svg>")
    return "".join(parts)


def _describe(indicator, points, start, end, baseline, target, value_count, projection=()):
    text = _(
        "Trajectoire attendue de %(baseline)s le %(start)s à %(target)s le %(end)s, bande de tolérance en dessous."
    ) % {
        "baseline": format_number(baseline),
        "start": date_format(start, "SHORT_DATE_FORMAT"),
        "target": format_number(target),
        "end": date_format(end, "SHORT_DATE_FORMAT"),
    }
    if points:
        day, value = points[-1]
        text += " " + _("%(count)s valeurs approuvées, la dernière %(value)s le %(date)s.") % {
            "count": len(points) if value_count is None else value_count,
            "value": format_number(value),
            "date": date_format(day, "SHORT_DATE_FORMAT"),
        }
    else:
        text += " " + _("Aucune valeur approuvée.")
    if projection:
        day, value, low, high = projection[-1]
        decimals = 0 if abs(target) >= 100 else 1
        text += " " + _(
            "Projection de la tendance : %(value)s le %(date)s, intervalle à 80 %% de %(low)s à %(high)s."
        ) % {
            "value": format_number(value, decimals),
            "date": date_format(day, "SHORT_DATE_FORMAT"),
            "low": format_number(low, decimals),
            "high": format_number(high, decimals),
        }
    return text


def sparkline_svg(trend):
    """A 120×28 trend line of the last points; decorative next to the written value."""
    if len(trend) < 2:
        return ""
    values = [Decimal(str(value)) for _day, value in trend]
    low, high = min(values), max(values)
    spread = (high - low) or Decimal(1)
    step = 116 / (len(values) - 1)
    path = " ".join(
        f"{2 + i * step:.1f},{26 - float((v - low) / spread) * 24:.1f}"
        for i, v in enumerate(values)
    )
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 28" width="120" height="28" aria-hidden="true" '
        f'focusable="false" class="sparkline"><polyline points="{path}" fill="none" stroke="{VALUE_COLOUR}" '
        'stroke-width="2"/></svg>'
    )


STATUS_COLOURS = {
    "achieved": "#18753c",
    "achieved_late": "#8a4b00",
    "on_track": "#0b5e2f",
    "at_risk": "#8a4b00",
    "late": "#b00400",
    "no_data": "#666666",
    "tbd": "#929292",
}


def status_bars_svg(counts, *, title_id):
    """One bar per status with its label and its count written beside it (the colour only
    repeats what the words say), for the report's summary page.

    ``counts`` is ``[(label, status, count), ...]`` as ``reports.summary`` gives it."""
    rows = [(str(label), status, count) for label, status, count in counts]
    width, row_height, label_width = 520, 22, 170
    height = row_height * len(rows) + 8
    largest = max([count for _l, _s, count in rows] + [1])
    scale = (width - label_width - 50) / largest
    total = sum(count for _l, _s, count in rows)
    description = ", ".join(f"{label} : {count}" for label, _s, count in rows)
    title = _("Indicateurs par statut (%(total)s)") % {"total": total}
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" '
        f'height="{height}" role="img" aria-labelledby="{title_id} {title_id}-desc" class="status-chart">',
        f'<title id="{title_id}">{escape(title)}</title>',
        f'<desc id="{title_id}-desc">{escape(description)}</desc>',
    ]
    for index, (label, status, count) in enumerate(rows):
        top = 4 + index * row_height
        bar = max(count * scale, 1 if count else 0)
        parts.append(
            f'<text x="{label_width - 8}" y="{top + 14}" text-anchor="end" font-size="11" '
            f'fill="#161616">{escape(label)}</text>'
            f'<rect x="{label_width}" y="{top + 3}" width="{bar:.1f}" height="{row_height - 8}" '
            f'fill="{STATUS_COLOURS.get(status, "#666666")}"/>'
            f'<text x="{label_width + bar + 6:.1f}" y="{top + 14}" font-size="11" '
            f'fill="#161616">{count}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def envelope_bar_svg(committed, envelope, *, title_id):
    """Money committed against the plan's envelope: one bar, its share written beside it (the
    amounts are in the sentence under it and in the chart's title)."""
    width, height, left = 520, 26, 0
    share = float(committed / envelope) if envelope else 0.0
    filled = (width - 80) * min(share, 1.0)
    text = _("%(committed)s engagés sur %(envelope)s (%(share)s)") % {
        "committed": format_money(committed),
        "envelope": format_money(envelope),
        "share": format_percent(share),
    }
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" '
        f'height="{height}" role="img" aria-labelledby="{title_id}" class="envelope-chart">'
        f'<title id="{title_id}">{escape(text)}</title>'
        f'<rect x="{left}" y="4" width="{width - 80}" height="18" fill="#e3e3fd" stroke="#000091"/>'
        f'<rect x="{left}" y="4" width="{filled:.1f}" height="18" fill="#000091"/>'
        f'<text x="{width - 74}" y="18" font-size="11" fill="#161616">{escape(format_percent(share))}</text>'
        "</svg>"
    )
