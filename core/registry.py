"""Where the apps meet: registries in the ground floor that each app fills from
its ``AppConfig.ready()``.

Nothing in ``core`` or ``accounts`` imports a domain app. The home page, the
navigation, the steering report and the indicators computed from another app
read these registries instead, so adding an app touches that app and
``config/`` only, and no app reaches into another's private names.

Worked example (``ami/apps.py``)::

    from core.registry import computed_sources, navigation, NavEntry

    navigation.add(NavEntry(_("Dossiers AMI"), "ami:dossier_list", can_list_dossiers, order=30))
    computed_sources.add(
        "ami.retained_ressourceries",
        ComputedSource(label=_("dossiers retenus…"), series=retained_ressourceries),
    )
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.utils.functional import Promise

from core.outbox import outbox_enqueue


class Registry:
    """Named entries added once at start-up; read in the order they were given."""

    def __init__(self, name):
        self.name = name
        self._entries: dict[str, Any] = {}

    def add(self, key, entry):
        if key in self._entries and self._entries[key] is not entry:
            raise ValueError(f"{self.name}: {key!r} is already registered")
        self._entries[key] = entry
        return entry

    def get(self, key, default=None):
        return self._entries.get(key, default)

    def items(self):
        return sorted(self._entries.items(), key=lambda item: getattr(item[1], "order", 0))

    def values(self):
        return [entry for _key, entry in self.items()]

    def __contains__(self, key):
        return key in self._entries


@dataclass(frozen=True)
class NavEntry:
    """A link of the main navigation, shown to the users its predicate admits."""

    label: Promise | str
    url_name: str
    visible_to: Callable[[Any], bool]
    order: int = 50
    # "main": the navigation bar; "tools": the header, beside the account (administration, API);
    # "footer": every page's footer and the site map (the public site's legal pages).
    place: str = "main"


@dataclass(frozen=True)
class HomePanel:
    """A block of the home page: ``context(user)`` returns its context, or None to hide it."""

    template: str
    context: Callable[[Any], dict | None]
    order: int = 50


@dataclass(frozen=True)
class OpenDataset:
    """A dataset of the open-data catalogue (``/catalog.jsonld``): ``dcat()`` returns its
    DCAT-AP description (a ``dcat:Dataset`` node, absolute URLs) or None while it has nothing
    published. ``links`` are what the developers' page lists of it: (label, URL name,
    what the address is)."""

    dcat: Callable[[], dict | None]
    links: tuple[tuple[Any, str, str], ...] = ()
    order: int = 50


@dataclass(frozen=True)
class ReportSection:
    """A section of the steering report: ``build(period_start, period_end)`` returns a
    JSON-serialisable dict frozen in the report's snapshot (or None when there is nothing),
    ``template`` renders it in the PDF and ``sheet(data)`` gives (title, header, rows) for the XLSX."""

    title: Promise | str
    build: Callable
    template: str
    sheet: Callable | None = None
    order: int = 50


@dataclass(frozen=True)
class ComputedSource:
    """A series another app computes for an indicator: ``series()`` returns
    ``[(date, value, count), …]`` in date order."""

    label: Promise | str
    series: Callable[[], list]
    order: int = 50


@dataclass(frozen=True)
class ExportSource:
    """A table users may export. ``rows(user, params)`` yields the rows the user may read
    (lazily: a large export is streamed or written by a worker, never held in memory);
    ``count(user, params)`` says how many, to choose between the two."""

    label: Promise | str
    header: Callable[[], list]
    rows: Callable[[Any, dict], Any]
    count: Callable[[Any, dict], int]
    allowed: Callable[[Any], bool]
    filename: str
    sheet_title: Promise | str


@dataclass(frozen=True)
class PersonalData:
    """What an app holds about a person. ``export(user)`` gives a JSON-ready dict for the
    person's own download (« Mes données »); ``keeps_account(user)`` gives the reason the
    account must outlive a request to close it (a submitted dossier is evidence), or None."""

    label: Promise | str
    export: Callable[[Any], dict]
    keeps_account: Callable[[Any], Promise | str | None] = lambda _user: None
    order: int = 50


@dataclass(frozen=True)
class RetentionRule:
    """Personal data kept no longer than the ``days_setting`` setting says.

    ``expired(cutoff)`` gives the objects whose period ends before ``cutoff``; each is
    announced ``RETENTION_WARNING_DAYS`` before to ``recipients(obj)`` (e-mail addresses;
    ``describe(obj)`` says what it is), then ``purge(obj)`` deletes or anonymises it. A rule
    with ``purge_before(cutoff) -> int`` instead works in bulk, unannounced (logs)."""

    label: Promise | str
    days_setting: str
    expired: Callable[[Any], Any] | None = None
    recipients: Callable[[Any], list] = lambda _obj: []
    describe: Callable[[Any], str] = str
    purge: Callable[[Any], None] | None = None
    purge_before: Callable[[Any], int] | None = None
    order: int = 50


@dataclass(frozen=True)
class FlagSettler:
    """How confirming a point à confirmer settles the value it is about. The resolution form
    asks for ``field()`` (a form field: the confirmed date, amount…) and ``apply(actor=,
    subject=, value=)`` writes it through the owning app's service, in the same transaction
    as the decision."""

    field: Callable[[], Any]
    apply: Callable[..., Any]


def date_settler_field(label):
    """The field of a settler that asks for a confirmed date: one date picker for all."""

    def field():
        from django import forms

        return forms.DateField(
            label=label, widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
        )

    return field


navigation = Registry("navigation")
flag_settlers = Registry("flag settlers")
personal_data = Registry("personal data")
retention_rules = Registry("retention rules")
home_panels = Registry("home panels")
# The public home's blocks, for visitors without an account: ``context(user)`` as above.
public_panels = Registry("public panels")
open_datasets = Registry("open datasets")
report_sections = Registry("report sections")
computed_sources = Registry("computed sources")
export_sources = Registry("export sources")

COMPUTED_SOURCE_CHANGED = "core.computed_source_changed"


def computed_source_changed(key):
    """Tell whoever reads the source ``key`` that its values changed (through the outbox,
    in the caller's transaction)."""
    return outbox_enqueue(COMPUTED_SOURCE_CHANGED, source=key)
