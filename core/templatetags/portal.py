"""Number, money and percentage formats for pages and reports (French by default)."""

from decimal import ROUND_HALF_UP, Decimal

from django import template
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from core.reference import citation
from core.units import counts_things

register = template.Library()


def format_number(value, decimals=None):
    if value is None or value == "":
        return "—"
    value = Decimal(str(value))
    if decimals is None:
        decimals = 0 if value == value.to_integral_value() else 2
    # Rounded, not cut: 1,849 shows as 1,85 (Django's formatting alone truncates).
    value = value.quantize(Decimal(1).scaleb(-int(decimals)), rounding=ROUND_HALF_UP)
    return number_format(value, decimal_pos=decimals, use_l10n=True, force_grouping=True)


def format_money(value):
    if value is None:
        return "—"
    value = Decimal(value)
    if abs(value) >= 1_000_000:
        return _("%(amount)s M€") % {
            "amount": format_number(value / 1_000_000, 1 if value % 1_000_000 else 0)
        }
    return _("%(amount)s €") % {"amount": format_number(value, 0)}


def format_money_exact(value):
    """Every euro and cent, as a financing plan or a total must be read: 1 050 000 € stays
    « 1 050 000 € » (``money`` would round it to « 1,1 M€ »), 50 000,50 € keeps its cents.

    >>> from django.utils import translation
    >>> with translation.override("fr"):
    ...     format_money_exact(Decimal("1050000")), format_money_exact(Decimal("-150000.5"))
    ('1\\xa0050\\xa0000 €', '-150\\xa0000,50 €')
    """
    if value is None:
        return "—"
    value = Decimal(value)
    return _("%(amount)s €") % {
        "amount": format_number(value, 0 if value == value.to_integral_value() else 2)
    }


def format_percent(ratio):
    if ratio is None:
        return "—"
    return _("%(value)s %%") % {"value": format_number(Decimal(ratio) * 100, 0)}


@register.filter
def number(value, decimals=None):
    return format_number(value, decimals)


@register.filter
def money(value):
    return format_money(value)


@register.filter
def money_exact(value):
    return format_money_exact(value)


@register.filter
def percent(ratio):
    return format_percent(ratio)


@register.filter
def quantity(value, unit):
    """A value with its unit: money as money, counts as whole numbers (« 17 partenariats »,
    never « 17,46 partenariats » for an expected value), the rest as « 4 500 m² »."""
    if unit == "€":
        return format_money(value)
    if value is not None and value != "" and counts_things(unit):
        value = Decimal(value).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    if unit == "%":
        return _("%(value)s %%") % {"value": format_number(value)}
    if not unit:
        return format_number(value)
    return f"{format_number(value)} {unit}"


@register.filter
def short_date(value):
    """A date, or an ISO string from a stored snapshot, in the active language's short format;
    a moment is shown as its Paris date (a closing at 00:00 in Paris is not the UTC day before)."""
    from datetime import date as date_type
    from datetime import datetime

    from django.utils import timezone
    from django.utils.formats import date_format

    if not value:
        return "—"
    if isinstance(value, str):
        value = datetime.fromisoformat(value) if len(value) > 10 else date_type.fromisoformat(value)
    if isinstance(value, datetime):
        value = timezone.localtime(value, timezone.get_default_timezone()).date()
    return date_format(value, "SHORT_DATE_FORMAT")


def format_long_date(value):
    """A date written out as in a letter, in the active language (« 1er décembre 2026 »; a
    moment is taken on its Paris day).

    >>> from datetime import date
    >>> from django.utils import translation
    >>> with translation.override("fr"):
    ...     format_long_date(date(2026, 12, 1)), format_long_date(date(2026, 12, 14))
    ('1er décembre 2026', '14 décembre 2026')
    >>> with translation.override("en"):
    ...     format_long_date(date(2026, 12, 1))
    '1 December 2026'
    """
    from datetime import datetime

    from django.utils import timezone
    from django.utils.formats import date_format
    from django.utils.translation import get_language

    if isinstance(value, datetime):
        value = timezone.localtime(value, timezone.get_default_timezone()).date()
    written = date_format(value, "j F Y")
    if (get_language() or "").startswith("fr") and value.day == 1:
        # French writes the first of the month as an ordinal: « le 1er décembre ».
        written = "1er" + written[1:]
    return written


@register.filter
def long_date(value):
    return format_long_date(value) if value else "—"


@register.filter
def css_string(value):
    """Text safe inside a CSS string in double quotes (a PDF's running header or footer).

    >>> css_string('Région "HdF" \\ Lille')
    'Région \\"HdF\\" \\\\ Lille'
    """
    from django.utils.safestring import mark_safe

    text = str(value).replace("\\", "\\\\").replace('"', '\\"')
    # Safe in a <style> element, where entities are not decoded: no quote ends the string and
    # no « < » can close the element.
    return mark_safe(" ".join(text.replace("<", "\\3C ").split()))  # noqa: S308  # nosec B308 B703


@register.filter
def get_item(mapping, key):
    return mapping.get(key)


@register.simple_tag
def pdf_static(path):
    """A static file for the PDF renderer, which reads it from the static files themselves
    (see core.pdf), so it needs no hashed name from the manifest."""
    from django.conf import settings

    return f"{settings.STATIC_URL}{path}"


@register.simple_tag
def pdf_logo():
    """The address under which the PDF renderer reads the logo set by ``PDF_LOGO_PATH``, or ""
    when none is set (documents then carry the Region's name in words only)."""
    import os

    from django.conf import settings

    from core.pdf import LOGO_URL

    path = settings.PDF_LOGO_PATH
    return LOGO_URL if path and os.path.isfile(path) else ""


@register.simple_tag(takes_context=True)
def page_url(context, param, number):
    """This page's address with ``param`` set to ``number``, other filters kept."""
    query = context["request"].GET.copy()
    query[param] = number
    return "?" + query.urlencode()


@register.filter
def time_left(moment, now=None):
    """What remains until ``moment`` as people say it: « 1 an et 7 mois », « 12 jours »,
    « 3 heures », « moins d'une heure » (never « 1 année, 7 mois »)."""
    from dateutil.relativedelta import relativedelta
    from django.utils import timezone
    from django.utils.translation import ngettext

    if not moment:
        return "—"
    now = now or timezone.now()
    if moment <= now:
        return _("échu")
    gap = relativedelta(moment, now)
    units = [
        (gap.years, ngettext("%(n)d an", "%(n)d ans", gap.years)),
        (gap.months, ngettext("%(n)d mois", "%(n)d mois", gap.months)),
        (gap.days, ngettext("%(n)d jour", "%(n)d jours", gap.days)),
        (gap.hours, ngettext("%(n)d heure", "%(n)d heures", gap.hours)),
    ]
    parts = [label % {"n": n} for n, label in units if n][:2]
    if not parts:
        return _("moins d'une heure")
    return (
        _("%(first)s et %(second)s") % {"first": parts[0], "second": parts[1]}
        if len(parts) == 2
        else parts[0]
    )


@register.inclusion_tag("includes/error_summary.html", takes_context=True)
def error_summary(context):
    """Every error of every form on the page, at its top, each linking to its field (the
    pattern public-sector design systems use): an error is never 3 000 px below the fold."""
    from django.forms import BaseForm

    seen, items, saving = set(), [], False
    for value in context.flatten().values():
        # ``type``, not ``isinstance``: the latter would evaluate the lazy CSRF token of every
        # context, and a public page would set a cookie that keeps the proxy from sharing it.
        if not issubclass(type(value), BaseForm) or id(value) in seen or not value.is_bound:
            continue
        seen.add(id(value))
        if not value.errors:
            continue
        # A form that records nothing (sign-in, a code) has nothing « not saved » to speak of.
        saving = saving or not getattr(value, "saves_nothing", False)
        for name, errors in value.errors.items():
            field = value.fields.get(name)
            anchor = value[name].id_for_label if field is not None else None
            label = field.label if field is not None else None
            for error in errors:
                items.append({"anchor": anchor, "label": label, "message": error})
    return {"items": items, "saving": saving}


@register.filter
def local_datetime(value):
    """A moment (or its ISO string from a snapshot) in Paris time, as the portal shows it:
    « 01/07/2028 à 00:00 », never the UTC date of a stored instant."""
    from datetime import datetime

    from django.utils import timezone

    if not value:
        return "—"
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    local = timezone.localtime(value, timezone.get_default_timezone())
    return _("%(date)s à %(time)s") % {
        "date": local.strftime("%d/%m/%Y"),
        "time": local.strftime("%H:%M"),
    }


@register.filter
def cite(document):
    """A source document shown by what it is (title, issuer, date), never by its file name;
    a key the table does not know is shown as it is."""
    found = citation(document or "")
    return str(found) if found else document


@register.inclusion_tag("core/source_statements.html")
def source_statements(subject, heading_level=2, exclude=""):
    """What the source documents say of a record, under the headings of ``core.statements``;
    ``exclude`` names sections the page already shows in its own way (comma-separated)."""
    from core.selectors import statements_for
    from core.statements import grouped

    left_out = {code for code in exclude.split(",") if code}
    rows = [row for row in statements_for(subject) if row.section not in left_out]
    return {"groups": grouped(rows), "level": heading_level, "prefix": _anchor(subject)}


@register.inclusion_tag("core/source_flags.html")
def source_flags(subject, heading_level=2):
    """The points to confirm about a record: what the sources contradict or leave open, and
    which provisional reading the portal computes with meanwhile."""
    from core.selectors import flags_for

    return {"flags": flags_for(subject), "level": heading_level, "prefix": _anchor(subject)}


@register.inclusion_tag("core/source_flags.html")
def source_flags_list(flags, prefix, heading_level=2):
    """Points to confirm about several records at once (each named), read in one query."""
    return {"flags": flags, "level": heading_level, "prefix": prefix, "named": True}


def _anchor(subject):
    """A prefix for heading ids, unique per record, so that two records on one page never
    share an id."""
    return f"{subject._meta.model_name}-{subject.pk}"
