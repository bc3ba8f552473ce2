from django.urls import reverse
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied
from rest_framework.permissions import AllowAny
from rest_framework.response import Response

from ami import selectors, services
from ami.models import (
    Attachment,
    Call,
    Dossier,
    DossierMessage,
    Evaluation,
    FundingScheme,
    Phase,
    Question,
)
from ami.permissions import can_evaluate_dossier, can_instruct_dossier, can_read_messages
from ami.workflows import DOSSIER_WORKFLOW
from core.arrival import arrived_at
from core.drf import ID_PATTERN, CitationField, GrowingListPagination, statements_field


class PhaseSerializer(serializers.ModelSerializer):
    is_open = serializers.SerializerMethodField()

    class Meta:
        model = Phase
        fields = [
            "id",
            "number",
            "title",
            "audience_wording",
            "eligible_kinds",
            "opens_at",
            "closes_at",
            "deadline_wording",
            "rolling_review",
            "is_open",
        ]

    def get_is_open(self, phase) -> bool:
        return phase.is_open()


class CallSerializer(serializers.ModelSerializer):
    phases = PhaseSerializer(many=True, read_only=True)
    source = CitationField()
    statements = statements_field()

    class Meta:
        model = Call
        fields = [
            "id",
            "code",
            "title",
            "short_title",
            "objectives",
            "holders_wording",
            "confidentiality",
            "support_wording",
            "duration_wording",
            "contact_email",
            "phases",
            "source",
            "statements",
        ]


class DossierSerializer(serializers.ModelSerializer):
    call = serializers.CharField(source="phase.call.code", read_only=True)
    organisation = serializers.CharField(source="organisation.name", read_only=True)
    status_label = serializers.CharField(source="get_status_display", read_only=True)
    redirected_to = serializers.ChoiceField(
        choices=FundingScheme.choices, allow_blank=True, read_only=True
    )

    class Meta:
        model = Dossier
        fields = [
            "id",
            "reference",
            "call",
            "phase",
            "organisation",
            "title",
            "territory",
            "synthetic_presentation",
            "partnerships",
            "issues_addressed",
            "steps",
            "expected_follow_up",
            "impacts",
            "financial_elements",
            "status",
            "status_label",
            "redirected_to",
            "submitted_at",
            "is_demo",
        ]
        read_only_fields = ["reference", "phase", "status", "submitted_at", "is_demo"]


class MessageSerializer(serializers.ModelSerializer):
    author = serializers.StringRelatedField()

    class Meta:
        model = DossierMessage
        fields = ["id", "author", "body", "created_at"]
        read_only_fields = ["author", "created_at"]


class TransitionSerializer(serializers.Serializer):
    event = serializers.ChoiceField(choices=DOSSIER_WORKFLOW.choices(actor="officer"))
    reason = serializers.CharField(required=False, allow_blank=True, default="")
    redirected_to = serializers.ChoiceField(
        choices=FundingScheme.choices, required=False, allow_blank=True, default=""
    )


class AvailableTransitionSerializer(serializers.Serializer):
    event = serializers.CharField()
    label = serializers.CharField()
    needs_reason = serializers.BooleanField()


class EvaluationSerializer(serializers.ModelSerializer):
    reviewer = serializers.StringRelatedField()
    scores = serializers.SerializerMethodField()

    class Meta:
        model = Evaluation
        fields = ["id", "reviewer", "conflict_of_interest", "comment", "completed", "scores"]

    def get_scores(self, evaluation) -> dict[str, int]:
        return {score.criterion.code: score.score for score in evaluation.scores.all()}


class AttachmentSerializer(serializers.ModelSerializer):
    scan_status_label = serializers.CharField(source="get_scan_status_display", read_only=True)
    download_url = serializers.SerializerMethodField()

    class Meta:
        model = Attachment
        fields = [
            "id",
            "original_name",
            "size",
            "kind",
            "description",
            "scan_status",
            "scan_status_label",
            "uploaded_at",
            "download_url",
        ]

    def get_download_url(self, attachment) -> str | None:
        """The permission-checked page that serves the file (None while it may not be opened)."""
        if not attachment.downloadable:
            return None
        return reverse("ami:attachment_download", args=[attachment.dossier_id, attachment.pk])


class QuestionSerializer(serializers.ModelSerializer):
    call = serializers.SlugRelatedField(slug_field="code", read_only=True)

    class Meta:
        model = Question
        fields = ["id", "call", "question", "answer", "published_at"]


class CallViewSet(viewsets.ReadOnlyModelViewSet):
    """Calls and their phases: public."""

    serializer_class = CallSerializer
    permission_classes = [AllowAny]
    queryset = Call.objects.prefetch_related("phases", "statements").order_by("position")
    lookup_field = "code"
    lookup_value_regex = "[^/.]+"


class QuestionViewSet(viewsets.ReadOnlyModelViewSet):
    """Questions and answers published for every applicant: public."""

    serializer_class = QuestionSerializer
    permission_classes = [AllowAny]
    queryset = Question.objects.select_related("call").order_by("call__position", "published_at")
    filterset_fields = ["call__code"]
    lookup_value_regex = ID_PATTERN


class DossierViewSet(mixins.UpdateModelMixin, viewsets.ReadOnlyModelViewSet):
    """A holder's own dossiers; officers see every dossier but those they declared a conflict on."""

    serializer_class = DossierSerializer
    filterset_fields = ["status", "phase", "territory"]
    http_method_names = ["get", "patch", "post", "head", "options"]
    lookup_value_regex = ID_PATTERN
    pagination_class = GrowingListPagination
    ordering = ("-created_at", "-id")

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Dossier.objects.none()
        return selectors.dossier_list_for_user(self.request.user).select_related(
            "phase__call", "organisation"
        )

    def get_object(self):
        return selectors.dossier_get_for_user(self.request.user, self.kwargs["pk"])

    def perform_update(self, serializer):
        services.dossier_save(
            actor=self.request.user, dossier=serializer.instance, **serializer.validated_data
        )

    @extend_schema(request=None, responses=DossierSerializer)
    @action(detail=True, methods=["post"])
    def submit(self, request, pk=None):
        dossier = self.get_object()
        services.dossier_submit(
            actor=request.user, dossier_pk=dossier.pk, arrived_at=arrived_at(request)
        )
        dossier.refresh_from_db()
        return Response(DossierSerializer(dossier).data)

    @extend_schema(responses=AvailableTransitionSerializer(many=True))
    @action(detail=True, methods=["get"], pagination_class=None)
    def transitions(self, request, pk=None):
        """The officer's steps open from the dossier's status, as the page offers them."""
        dossier = self.get_object()
        if not can_instruct_dossier(request.user, dossier):
            raise PermissionDenied
        steps = [
            {
                "event": t.event,
                "label": str(t.label),
                "needs_reason": t.needs_reason,
            }
            for t in DOSSIER_WORKFLOW.available(dossier, request.user)
            if t.traits.get("actor") == "officer"
        ]
        return Response(AvailableTransitionSerializer(steps, many=True).data)

    @extend_schema(request=TransitionSerializer, responses=DossierSerializer)
    @action(detail=True, methods=["post"])
    def transition(self, request, pk=None):
        dossier = self.get_object()
        if not can_instruct_dossier(request.user, dossier):
            raise PermissionDenied
        payload = TransitionSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        services.dossier_transition(actor=request.user, dossier=dossier, **payload.validated_data)
        return Response(DossierSerializer(dossier).data)

    @extend_schema(request=MessageSerializer, responses=MessageSerializer(many=True))
    @action(detail=True, methods=["get", "post"], pagination_class=None)
    def messages(self, request, pk=None):
        dossier = self.get_object()
        if not can_read_messages(request.user, dossier):
            raise PermissionDenied
        if request.method == "POST":
            payload = MessageSerializer(data=request.data)
            payload.is_valid(raise_exception=True)
            services.message_post(
                actor=request.user, dossier=dossier, body=payload.validated_data["body"]
            )
        return Response(
            MessageSerializer(dossier.messages.select_related("author"), many=True).data
        )

    @extend_schema(responses=AttachmentSerializer(many=True))
    @action(detail=True, methods=["get"], pagination_class=None)
    def attachments(self, request, pk=None):
        dossier = self.get_object()
        return Response(
            AttachmentSerializer(dossier.attachments.order_by("uploaded_at", "pk"), many=True).data
        )

    @extend_schema(responses=EvaluationSerializer(many=True))
    @action(detail=True, methods=["get"], pagination_class=None)
    def evaluations(self, request, pk=None):
        dossier = self.get_object()
        if not can_instruct_dossier(request.user, dossier) and not can_evaluate_dossier(
            request.user, dossier
        ):
            raise PermissionDenied
        evaluations = (
            dossier.evaluations.exclude(conflict_of_interest=True)
            .select_related("reviewer")
            .prefetch_related("scores__criterion")
        )
        return Response(EvaluationSerializer(evaluations, many=True).data)
