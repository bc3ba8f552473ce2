"""API of the ground floor: the points to confirm raised by the source documents."""

from drf_spectacular.utils import extend_schema, extend_schema_field
from rest_framework import serializers, viewsets
from rest_framework.decorators import action
from rest_framework.permissions import BasePermission
from rest_framework.response import Response
from rest_framework.settings import api_settings

from core import services
from core.drf import ID_PATTERN, CitationField
from core.models import DataFlag
from core.permissions import can_resolve_data_flag, can_view_data_flags
from core.selectors import data_flag_get_for_user, data_flag_list


class CanViewDataFlags(BasePermission):
    def has_permission(self, request, view):
        return can_view_data_flags(request.user)


class DataFlagSerializer(serializers.ModelSerializer):
    subject = serializers.SerializerMethodField()
    status_label = serializers.CharField(source="get_status_display", read_only=True)
    resolved_by = serializers.StringRelatedField(allow_null=True)
    evidence = serializers.SerializerMethodField()

    class Meta:
        model = DataFlag
        fields = [
            "id",
            "code",
            "subject",
            "message",
            "evidence",
            "status",
            "status_label",
            "resolution",
            "resolved_by",
            "resolved_at",
            "created_at",
        ]

    @extend_schema_field(
        {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {
                    "document": {"type": "string"},
                    "wording": {"type": "string"},
                    "source": {"type": "object", "nullable": True},
                },
            },
        }
    )
    def get_evidence(self, data_flag) -> list:
        """Each value in presence, its wording and the document it is in, cited."""
        return [
            {**item, "source": CitationField().to_representation(item.get("document"))}
            for item in data_flag.evidence
        ]

    def get_subject(self, data_flag) -> str:
        return f"{data_flag.content_type.app_label}.{data_flag.content_type.model}#{data_flag.object_id}"


class DataFlagResolutionSerializer(serializers.Serializer):
    status = serializers.ChoiceField(choices=[DataFlag.Status.CONFIRMED, DataFlag.Status.DISMISSED])
    resolution = serializers.CharField()


class DataFlagViewSet(viewsets.ReadOnlyModelViewSet):
    """What the source documents leave open or contradict, for officers to confirm or dismiss."""

    serializer_class = DataFlagSerializer
    filterset_fields = ["status", "code"]
    lookup_value_regex = ID_PATTERN

    def get_permissions(self):
        # The default (signed in, second factor: set in settings) and the officers' predicate.
        return [*(p() for p in api_settings.DEFAULT_PERMISSION_CLASSES), CanViewDataFlags()]

    def get_queryset(self):
        return data_flag_list()

    def get_object(self):
        return data_flag_get_for_user(self.request.user, self.kwargs["pk"])

    @extend_schema(request=DataFlagResolutionSerializer, responses=DataFlagSerializer)
    @action(detail=True, methods=["post"])
    def resolve(self, request, pk=None):
        data_flag = self.get_object()
        if not can_resolve_data_flag(request.user, data_flag):
            self.permission_denied(request)
        payload = DataFlagResolutionSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        services.data_flag_resolve(
            actor=request.user, data_flag=data_flag, **payload.validated_data
        )
        return Response(DataFlagSerializer(data_flag).data)
