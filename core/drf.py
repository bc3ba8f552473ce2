"""DRF plumbing every API module shares: one way to answer errors, and a schema that says so.

Services raise Django's ``ValidationError`` and ``PermissionDenied``; views and
viewsets let them through, and ``api_exception_handler`` (DRF's
``EXCEPTION_HANDLER``) answers 400 with the field names, 403 or 404, the same
for every endpoint. ``PortalAutoSchema`` documents those answers on every
operation so that clients (and schemathesis in CI) can rely on them.
"""

from dataclasses import asdict

from django.conf import settings
from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils.translation import gettext_lazy as _
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from rest_framework.exceptions import ValidationError
from rest_framework.pagination import CursorPagination
from rest_framework.response import Response
from rest_framework.views import exception_handler

from core.database import database_unavailable
from core.reference import citation


@extend_schema_field(
    {
        "type": "object",
        "nullable": True,
        "properties": {
            "title": {"type": "string"},
            "issuer": {"type": "string"},
            "date": {"type": "string"},
            "url": {"type": "string"},
        },
    }
)
class CitationField(serializers.Field):
    """A record's source document as it is cited (title, issuer, date, url), read-only."""

    def __init__(self, **kwargs):
        kwargs.setdefault("source", "source_document")
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, value):
        found = citation(value or "")
        return asdict(found) if found else None


class SourceStatementSerializer(serializers.Serializer):
    """A passage of a source document kept on the record (``core.statements``), cited."""

    section = serializers.CharField()
    section_title = serializers.SerializerMethodField()
    label = serializers.CharField()
    wording = serializers.CharField(source="source_wording")
    source = CitationField()

    def get_section_title(self, statement) -> str:
        from core.statements import SECTIONS

        found = SECTIONS.get(statement.section)
        return str(found.title) if found else statement.section


def statements_field():
    """The ``statements`` of a record with a ``GenericRelation`` to them (prefetch it)."""
    return SourceStatementSerializer(many=True, read_only=True)


# Ids in API paths are numbers: anything else does not match and answers 404, never 500.
ID_PATTERN = "[0-9]+"


def api_exception_handler(exc, context):
    if database_unavailable(exc):
        # PostgreSQL restarting: retryable, said so (the page equivalent is core.views.server_error).
        return Response(
            {"detail": _("La base de données redémarre : réessayez dans quelques secondes.")},
            status=503,
            headers={"Retry-After": str(settings.DATABASE_RETRY_AFTER_SECONDS)},
        )
    if isinstance(exc, DjangoValidationError):
        exc = ValidationError(detail=serializers.as_serializer_error(exc))
    return exception_handler(exc, context)


_ERROR_SCHEMA = {
    "type": "object",
    "properties": {"detail": {"type": "string"}},
    "required": ["detail"],
}
_VALIDATION_SCHEMA = {
    "type": "object",
    "description": "Field name (or non_field_errors) → messages.",
    "additionalProperties": {
        "anyOf": [
            {"type": "array", "items": {"type": "string"}},
            {"type": "string"},
            {"type": "object"},
        ]
    },
}


def _json(description, schema):
    return {"description": str(description), "content": {"application/json": {"schema": schema}}}


class PortalAutoSchema(AutoSchema):
    """DRF's schema with the error answers every endpoint can give."""

    def _get_response_bodies(self, direction="response"):
        responses = super()._get_response_bodies(direction)
        if direction != "response":
            return responses
        if self.method in ("POST", "PUT", "PATCH") or self._has_query_filters():
            responses.setdefault("400", _json(_("Saisie refusée, par champ"), _VALIDATION_SCHEMA))
        responses.setdefault("403", _json(_("Non connecté, ou action non permise"), _ERROR_SCHEMA))
        responses.setdefault(
            "404", _json(_("Introuvable, ou non visible pour vous"), _ERROR_SCHEMA)
        )
        responses.setdefault(
            "429",
            _json(_("Trop de requêtes avec ce jeton : réessayez après Retry-After"), _ERROR_SCHEMA),
        )
        responses.setdefault(
            "503",
            _json(_("La base de données redémarre : réessayez après Retry-After"), _ERROR_SCHEMA),
        )
        return responses

    def _has_query_filters(self):
        return self.method == "GET" and bool(
            getattr(self.view, "filterset_class", None)
            or getattr(self.view, "filterset_fields", None)
        )


class GrowingListPagination(CursorPagination):
    """For lists that grow without bound (dossiers, measurements): a cursor page costs one
    indexed range read however long the list, where a numbered page counts every row first
    and reads through all the rows before it. Each view names its ``ordering``, which an
    index must cover, with the primary key last so that the order is total."""

    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 200

    def get_ordering(self, request, queryset, view):
        return tuple(view.ordering)
