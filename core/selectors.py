from collections import defaultdict

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q

from core.models import DataFlag, ExportFile, ExportStatus, SourceStatement
from core.permissions import can_view_data_flags
from core.registry import export_sources
from core.security import refuse_as_not_found


def data_flag_list(*, status=None):
    flags = DataFlag.objects.select_related("content_type", "resolved_by").order_by("status", "pk")
    return flags.filter(status=status) if status else flags


def attach_statements(subjects) -> None:
    """Read the passages of many records of several models in one query, for
    ``statements_for`` (a page showing a record and its parts: a convention and its actions).
    """
    subjects = list(subjects)
    by_key, by_type = {}, defaultdict(list)
    for subject in subjects:
        content_type = ContentType.objects.get_for_model(subject).pk
        by_key[(content_type, subject.pk)] = subject
        by_type[content_type].append(subject.pk)
        subject._attached_statements = []
    if not subjects:
        return
    condition = Q()
    for content_type, pks in by_type.items():
        condition |= Q(content_type_id=content_type, object_id__in=pks)
    for statement in SourceStatement.objects.filter(condition):
        by_key[(statement.content_type_id, statement.object_id)]._attached_statements.append(
            statement
        )


def statements_for(subject) -> list[SourceStatement]:
    """The passages of the source documents kept on a record (read beforehand when the caller
    used ``attach_statements`` or prefetched the record's ``statements``)."""
    attached = getattr(subject, "_attached_statements", None)
    if attached is not None:
        return list(attached)
    if hasattr(subject, "statements"):
        return list(subject.statements.all())
    return list(
        SourceStatement.objects.filter(
            content_type=ContentType.objects.get_for_model(subject), object_id=subject.pk
        )
    )


def flags_for(subject) -> list[DataFlag]:
    """What the sources leave open or contradict about a record, open ones first."""
    return list(
        DataFlag.objects.filter(
            content_type=ContentType.objects.get_for_model(subject), object_id=subject.pk
        ).order_by("status", "pk")
    )


def open_flags_about(*models, codes=None) -> list[DataFlag]:
    """The open points about every record of some models (one query), optionally some codes."""
    flags = DataFlag.objects.filter(
        content_type__in=ContentType.objects.get_for_models(*models).values(),
        status=DataFlag.Status.OPEN,
    )
    if codes:
        flags = flags.filter(code__in=codes)
    return list(flags.order_by("subject_label", "pk"))


def data_flag_get_for_user(user, pk):
    data_flag = DataFlag.objects.filter(pk=pk).first()
    if data_flag is None or not can_view_data_flags(user):
        refuse_as_not_found(user, "data flag", pk)
    return data_flag


def data_flags_home_panel(user):
    if not can_view_data_flags(user):
        return None
    return {"open_flags": DataFlag.objects.filter(status=DataFlag.Status.OPEN).count()}


def export_list_for_user(user):
    return ExportFile.objects.filter(owner=user).only(
        "pk",
        "filename",
        "file_format",
        "status",
        "row_count",
        "failure_reason",
        "requested_at",
        "finished_at",
        "owner_id",
    )


def export_get_for_user(user, pk):
    """A ready export of the user's own, while they may still read what it contains."""
    export = ExportFile.objects.filter(pk=pk, owner=user, status=ExportStatus.READY).first()
    source = export_sources.get(export.source) if export else None
    if export is None or not export.file or source is None or not source.allowed(user):
        refuse_as_not_found(user, "export", pk)
    return export
