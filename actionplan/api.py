from django.urls import reverse
from django_filters import rest_framework as filters
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from accounts.api_permissions import allowed_if
from actionplan import selectors, services
from actionplan.models import (
    Action,
    Axis,
    FundingCommitment,
    FundingSource,
    Indicator,
    Lifecycle,
    Measurement,
    Report,
    Status,
)
from actionplan.periods import period_label
from actionplan.permissions import can_view_funding, can_view_plan, can_view_reports
from core.drf import ID_PATTERN, CitationField, GrowingListPagination, statements_field

CanViewPlan = allowed_if(can_view_plan)
CanViewFunding = allowed_if(can_view_funding)


class AxisSerializer(serializers.ModelSerializer):
    source = CitationField()

    class Meta:
        model = Axis
        fields = ["id", "code", "title", "source_document", "source_wording", "source"]


class ActionSerializer(serializers.ModelSerializer):
    axis = serializers.SlugRelatedField(slug_field="code", read_only=True)
    statements = statements_field()

    source = CitationField()

    class Meta:
        model = Action
        fields = [
            "id",
            "code",
            "axis",
            "title",
            "theme",
            "proposition",
            "lifecycle",
            "examples",
            "project_group",
            "sheet_stakes",
            "sheet_partners",
            "sheet_objectives",
            "sheet_means",
            "source_wording",
            "source",
            "statements",
        ]


class ForecastSerializer(serializers.Serializer):
    """The stored forecast (``actionplan.forecast``): its state says why a figure is absent."""

    state = serializers.ChoiceField(
        choices=["ok", "too_few", "past_due", "not_applicable", "not_computed"],
        help_text="ok: projected; too_few: fewer than 5 approved values; past_due: the target "
        "date is behind the last value; not_applicable: milestone, qualitative or to be defined.",
    )
    points = serializers.IntegerField(allow_null=True)
    target_date = serializers.DateField(allow_null=True)
    value = serializers.FloatField(allow_null=True, help_text="Projected value at the target date.")
    low = serializers.FloatField(allow_null=True, help_text="Lower bound of the 80 % interval.")
    high = serializers.FloatField(allow_null=True, help_text="Upper bound of the 80 % interval.")
    probability = serializers.FloatField(
        allow_null=True, help_text="Probability that the target is met by its date (0 to 1)."
    )
    level = serializers.FloatField(allow_null=True)

    def to_representation(self, instance):
        stored = instance or {}
        return {
            "state": stored.get("state", "not_computed"),
            **{
                name: stored.get(name)
                for name in ("points", "target_date", "value", "low", "high", "probability")
            },
            "level": stored.get("level"),
        }


class IndicatorSerializer(serializers.ModelSerializer):
    action = serializers.SlugRelatedField(slug_field="code", read_only=True)
    target_in_words = serializers.CharField(read_only=True)
    status = serializers.CharField(source="current_status", read_only=True)
    status_label = serializers.CharField(source="get_current_status_display", read_only=True)
    progress = serializers.DecimalField(
        source="current_progress", max_digits=14, decimal_places=4, read_only=True, allow_null=True
    )
    latest_value = serializers.DecimalField(
        source="current_value", max_digits=16, decimal_places=2, read_only=True, allow_null=True
    )
    latest_value_date = serializers.DateField(
        source="current_value_date", read_only=True, allow_null=True
    )
    stale = serializers.BooleanField(source="current_stale", read_only=True)
    latest_value_is_demo = serializers.BooleanField(source="current_is_demo", read_only=True)
    forecast = ForecastSerializer(read_only=True)

    source = CitationField()

    class Meta:
        model = Indicator
        fields = [
            "id",
            "code",
            "action",
            "name",
            "monitoring_wording",
            "source_wording",
            "source",
            "unit",
            "direction",
            "cumulative",
            "frequency",
            "tolerance",
            "computed_by",
            "target_kind",
            "target_in_words",
            "baseline_value",
            "baseline_year",
            "target_value",
            "target_max",
            "target_count",
            "target_year",
            "target_date",
            "status",
            "status_label",
            "progress",
            "latest_value",
            "latest_value_date",
            "stale",
            "latest_value_is_demo",
            "forecast",
        ]


class MeasurementSerializer(serializers.ModelSerializer):
    indicator = serializers.SlugRelatedField(slug_field="code", queryset=Indicator.objects.all())
    entered_by = serializers.StringRelatedField()
    reviewed_by = serializers.StringRelatedField(allow_null=True)

    class Meta:
        model = Measurement
        fields = [
            "id",
            "indicator",
            "date",
            "value",
            "count",
            "territory",
            "source",
            "nature",
            "comment",
            "status",
            "entered_by",
            "entered_at",
            "reviewed_by",
            "reviewed_at",
            "review_comment",
            "is_demo",
        ]
        read_only_fields = [
            "status",
            "entered_by",
            "entered_at",
            "reviewed_by",
            "reviewed_at",
            "review_comment",
            "is_demo",
        ]


class ReviewSerializer(serializers.Serializer):
    comment = serializers.CharField(required=False, allow_blank=True, default="")


class FundingSourceSerializer(serializers.ModelSerializer):
    committed = serializers.DecimalField(
        max_digits=14, decimal_places=2, read_only=True, allow_null=True
    )

    source = CitationField()

    class Meta:
        model = FundingSource
        fields = [
            "id",
            "code",
            "name",
            "group",
            "envelope",
            "committed",
            "is_leverage",
            "source_wording",
            "source",
        ]


class IndicatorFilter(filters.FilterSet):
    axis = filters.CharFilter(field_name="action__axis__code")
    action = filters.CharFilter(field_name="action__code")
    lifecycle = filters.ChoiceFilter(choices=Lifecycle.choices, method="filter_lifecycle")
    status = filters.ChoiceFilter(field_name="current_status", choices=Status.choices)

    class Meta:
        model = Indicator
        fields = ["axis", "action", "lifecycle", "status", "target_kind"]

    def filter_lifecycle(self, queryset, name, value):
        return queryset.filter(action__lifecycle__icontains=f'"{value}"')


class AxisViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = AxisSerializer
    permission_classes = [CanViewPlan]
    queryset = Axis.objects.order_by("position")
    lookup_field = "code"
    lookup_value_regex = "[^/]+"  # codes such as 1.1-1 contain dots


class ActionViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = ActionSerializer
    permission_classes = [CanViewPlan]
    queryset = (
        Action.objects.select_related("axis").prefetch_related("statements").order_by("position")
    )
    lookup_field = "code"
    lookup_value_regex = "[^/]+"  # codes such as 1.1-1 contain dots
    filterset_fields = ["axis__code", "proposition"]


class IndicatorViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = IndicatorSerializer
    permission_classes = [CanViewPlan]
    queryset = Indicator.objects.select_related("action__axis").order_by("position")
    filterset_class = IndicatorFilter
    lookup_field = "code"
    lookup_value_regex = "[^/]+"  # codes such as 1.1-1 contain dots


class MeasurementViewSet(mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    serializer_class = MeasurementSerializer
    permission_classes = [CanViewPlan]
    filterset_fields = ["indicator__code", "status", "territory"]
    lookup_value_regex = ID_PATTERN
    pagination_class = GrowingListPagination
    ordering = ("-date", "-id")

    def get_queryset(self):
        return Measurement.objects.select_related("indicator", "entered_by", "reviewed_by")

    def get_object(self):
        return selectors.measurement_get_for_user(self.request.user, self.kwargs["pk"])

    def perform_create(self, serializer):
        serializer.instance = services.measurement_create(
            actor=self.request.user, **serializer.validated_data
        )

    @extend_schema(request=ReviewSerializer, responses=MeasurementSerializer)
    @action(detail=True, methods=["post"])
    def approve(self, request, pk=None):
        return self._review(request, services.measurement_approve, "comment")

    @extend_schema(request=ReviewSerializer, responses=MeasurementSerializer)
    @action(detail=True, methods=["post"], url_path="return")
    def return_(self, request, pk=None):
        return self._review(request, services.measurement_return, "reason")

    def _review(self, request, service, argument):
        measurement = self.get_object()
        review = ReviewSerializer(data=request.data)
        review.is_valid(raise_exception=True)
        service(
            actor=request.user,
            measurement=measurement,
            **{argument: review.validated_data["comment"]},
        )
        return Response(MeasurementSerializer(measurement).data, status=status.HTTP_200_OK)


class FundingSourceViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = FundingSourceSerializer
    permission_classes = [CanViewFunding]
    lookup_field = "code"
    lookup_value_regex = "[^/]+"  # codes such as 1.1-1 contain dots

    def get_queryset(self):
        return selectors.funding_by_source()


class FundingCommitmentSerializer(serializers.ModelSerializer):
    source = serializers.SlugRelatedField(slug_field="code", queryset=FundingSource.objects.all())
    action = serializers.SlugRelatedField(slug_field="code", queryset=Action.objects.all())
    over_envelope_confirmed = serializers.BooleanField(
        write_only=True, required=False, default=False
    )

    class Meta:
        model = FundingCommitment
        fields = [
            "id",
            "source",
            "action",
            "amount",
            "date",
            "label",
            "is_demo",
            "over_envelope_confirmed",
        ]
        read_only_fields = ["is_demo"]


class FundingCommitmentViewSet(mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    """Amounts committed per funding source and action; officers record them."""

    serializer_class = FundingCommitmentSerializer
    permission_classes = [CanViewFunding]
    filterset_fields = ["source__code", "action__code"]
    lookup_value_regex = ID_PATTERN

    def get_queryset(self):
        return FundingCommitment.objects.select_related("source", "action").order_by("-date", "-pk")

    def perform_create(self, serializer):
        serializer.instance = services.funding_commitment_create(
            actor=self.request.user, **serializer.validated_data
        )


class ReportSerializer(serializers.ModelSerializer):
    status_label = serializers.CharField(source="get_status_display", read_only=True)
    period_label = serializers.SerializerMethodField()
    pdf_url = serializers.SerializerMethodField()
    xlsx_url = serializers.SerializerMethodField()

    class Meta:
        model = Report
        fields = [
            "id",
            "kind",
            "period_start",
            "period_end",
            "period_label",
            "version",
            "status",
            "status_label",
            "progress",
            "progress_step",
            "page_count",
            "pdf_size",
            "pdf_sha256",
            "requested_at",
            "finished_at",
            "pdf_url",
            "xlsx_url",
        ]

    def get_period_label(self, report) -> str:
        return period_label(report.period_start, report.period_end)

    def get_pdf_url(self, report) -> str | None:
        return reverse("actionplan:report_pdf", args=[report.pk]) if report.pdf else None

    def get_xlsx_url(self, report) -> str | None:
        return reverse("actionplan:report_xlsx", args=[report.pk]) if report.xlsx else None


class ReportViewSet(viewsets.ReadOnlyModelViewSet):
    """Steering reports: the committee reads the ready ones; files are downloaded from
    ``pdf_url`` and ``xlsx_url`` (the pages' permission-checked, logged downloads)."""

    serializer_class = ReportSerializer
    permission_classes = [allowed_if(can_view_reports)]
    filterset_fields = ["status", "kind"]
    lookup_value_regex = ID_PATTERN

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Report.objects.none()
        return selectors.report_list_for_user(self.request.user)

    def get_object(self):
        return selectors.report_get_for_user(self.request.user, self.kwargs["pk"])
