"""Choices among thousands that search as you type, instead of one option per row.

A form field keeps its queryset (what this user may choose: validation stays the field's) and
takes the ``SearchSelectMultiple`` widget. The page then renders only what is chosen, a search
box and, without JavaScript, up to ``MATCHES`` matching rows after « Rechercher »; with
JavaScript (``static/js/combobox.js``) the box is an ARIA combobox that asks ``choices_response``
for the matches, page by page. Both read the field: its queryset, its widget's
``search_fields`` and its labels, so the page and the endpoint cannot disagree.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import Q, QuerySet
from django.forms.utils import ErrorDict
from django.http import Http404, HttpRequest, JsonResponse

MATCHES = 20
SEARCH_SUFFIX = "__q"
SEARCH_BUTTON_SUFFIX = "__search"


def choice_search(queryset: QuerySet, query: str, fields: tuple[str, ...]) -> QuerySet:
    """Rows where every word of ``query`` is in one of ``fields`` (case-insensitive).

    « mart lille » finds « Martine Dupont (Métropole de Lille) »: each word may be in a
    different field. An empty query finds nothing (the lists are too long to browse).
    """
    words = query.split()
    if not words:
        return queryset.none()
    condition = Q()
    for word in words[:5]:
        any_field = Q()
        for field in fields:
            any_field |= Q(**{f"{field}__icontains": word})
        condition &= any_field
    return queryset.filter(condition)


class SearchSelectMultiple(forms.SelectMultiple):
    """Several choices among thousands: the chosen ones as ticked boxes, and a search box."""

    template_name = "core/widgets/search_multiple.html"
    use_fieldset = True

    def __init__(
        self, *, search_fields: tuple[str, ...], search_label: str, attrs: dict | None = None
    ):
        super().__init__(attrs)
        self.search_fields = search_fields
        self.search_label = search_label
        self.source = ""  # the URL of the matches, set by the form that knows its object
        self.query = ""

    def value_from_datadict(self, data: Any, files: Any, name: str) -> Any:
        self.query = (data.get(name + SEARCH_SUFFIX) or "").strip()
        return super().value_from_datadict(data, files, name)

    def id_for_label(self, id_: str) -> str:
        # The error summary's link lands on the search box.
        return f"{id_}{SEARCH_SUFFIX}" if id_ else id_

    def get_context(self, name: str, value: Any, attrs: dict | None) -> dict[str, Any]:
        # Not ChoiceWidget.get_context: it would build an option for every row.
        context = forms.Widget.get_context(self, name, value, attrs)
        field = self.choices.field
        queryset = self.choices.queryset
        keys = [key for key in context["widget"]["value"] if str(key).isdigit()]
        chosen = list(queryset.filter(pk__in=keys)) if keys else []
        matches = []
        if self.query:
            found = choice_search(queryset, self.query, self.search_fields)
            matches = list(found.exclude(pk__in=[row.pk for row in chosen])[:MATCHES])
        context["widget"].update(
            {
                "chosen": [(str(row.pk), field.label_from_instance(row)) for row in chosen],
                "matches": [(str(row.pk), field.label_from_instance(row)) for row in matches],
                "query": self.query,
                "source": self.source,
                "search_label": self.search_label,
                "search_name": name + SEARCH_SUFFIX,
                "button_name": name + SEARCH_BUTTON_SUFFIX,
                "max_matches": MATCHES,
            }
        )
        return context


class SearchableForm(forms.Form):
    """A form with ``SearchSelectMultiple`` fields: « Rechercher » (without JavaScript) sends
    the form back to show the matches; that is not a submission: nothing is checked or saved,
    and what was typed is shown again."""

    @property
    def searching(self) -> bool:
        return self.is_bound and any(key.endswith(SEARCH_BUTTON_SUFFIX) for key in self.data)

    def full_clean(self) -> None:
        if self.searching:
            self._errors = ErrorDict()
            self.cleaned_data = {}
            return
        super().full_clean()

    def is_valid(self) -> bool:
        return not self.searching and super().is_valid()


def choices_response(request: HttpRequest, form: forms.Form, name: str) -> JsonResponse:
    """The matches of ``?q=`` for the form's field ``name``, ``MATCHES`` a page (``?page=``),
    as JSON: ``{"results": [{"value": "12", "label": "…"}], "more": true}``; 404 for a field
    that does not search. Whoever may not use the form gets no answer: the caller checks that
    first, as for the form, and builds the form for this user."""
    field = form.fields.get(name)
    if field is None or not isinstance(field.widget, SearchSelectMultiple):
        raise Http404
    try:
        page = max(1, int(request.GET.get("page", "1")))
    except ValueError:
        page = 1
    widget = field.widget
    found = choice_search(field.queryset, request.GET.get("q", ""), widget.search_fields)
    start = (page - 1) * MATCHES
    # One row more than a page says whether there is a next one, without counting.
    rows = list(found.order_by(*found.query.order_by, "pk")[start : start + MATCHES + 1])
    return JsonResponse(
        {
            "results": [
                {"value": str(row.pk), "label": field.label_from_instance(row)}
                for row in rows[:MATCHES]
            ],
            "more": len(rows) > MATCHES,
        }
    )
