"""API of the register of brownfields: officers edit, the steering committee reads, holders
and partners get 403."""

from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from accounts.api_permissions import allowed_if
from core.drf import ID_PATTERN, CitationField, GrowingListPagination, statements_field
from sites import selectors, services
from sites.models import Campaign, DepositZone, LabResult, Programme, Sample, Site, ZoneGrade
from sites.permissions import can_manage_sites, can_view_sites

CanViewSites = allowed_if(can_view_sites)


class SiteSerializer(serializers.ModelSerializer):
    class Meta:
        model = Site
        fields = [
            "id",
            "name",
            "programme_status",
            "commune",
            "insee_code",
            "departement",
            "latitude",
            "longitude",
            "crs_epsg",
            "area_ha",
            "owner",
            "manager",
            "site_type",
            "friche_status",
            "pollution_status",
            "pollution_origin",
            "casias_reference",
            "infosols_reference",
            "pollution_risk_score",
            "access_score",
            "ownership_score",
            "planning_score",
            "excavation_cost_per_t",
            "transport_cost_per_t",
            "remediation_cost_avoided",
            "soil_potential_t",
            "eco_catalyst_potential_t",
            "is_demo",
        ]
        read_only_fields = ["is_demo"]


class CampaignSerializer(serializers.ModelSerializer):
    class Meta:
        model = Campaign
        fields = ["id", "site", "kind", "started_on", "method", "area_covered_m2", "findings"]


class SampleSerializer(serializers.ModelSerializer):
    class Meta:
        model = Sample
        fields = [
            "id",
            "campaign",
            "zone",
            "code",
            "point",
            "depth_from_m",
            "depth_to_m",
            "x_m",
            "y_m",
            "sampled_on",
            "laboratory",
            "batch",
        ]


class ResultSerializer(serializers.ModelSerializer):
    class Meta:
        model = LabResult
        fields = [
            "id",
            "sample",
            "element",
            "value_mg_kg",
            "reported_value",
            "reported_unit",
            "detection_limit_mg_kg",
            "below_detection",
            "method",
        ]


class GradeSerializer(serializers.ModelSerializer):
    class Meta:
        model = ZoneGrade
        fields = [
            "element",
            "mean_mg_kg",
            "p10_mg_kg",
            "p50_mg_kg",
            "p90_mg_kg",
            "samples",
            "below_detection",
            "contained_t",
        ]


class ZoneSerializer(serializers.ModelSerializer):
    tonnage_t = serializers.DecimalField(max_digits=18, decimal_places=3, read_only=True)
    # Vertices [[x, y], …] in metres, in the site's coordinate system (``Site.crs_epsg``).
    outline = serializers.ListField(
        child=serializers.ListField(child=serializers.FloatField(), min_length=2, max_length=2),
        allow_null=True,
        read_only=True,
    )
    outline_area_m2 = serializers.FloatField(read_only=True, allow_null=True)
    grades = GradeSerializer(many=True, read_only=True)

    class Meta:
        model = DepositZone
        fields = [
            "id",
            "site",
            "name",
            "outline",
            "outline_area_m2",
            "thickness_m",
            "volume_m3",
            "density_min_t_m3",
            "density_t_m3",
            "density_max_t_m3",
            "tonnage_t",
            "grades",
        ]


class RouteEvaluationSerializer(serializers.Serializer):
    route = serializers.CharField()
    label = serializers.CharField()
    value = serializers.FloatField()
    costs = serializers.FloatField()
    net = serializers.FloatField()
    break_even_factor = serializers.FloatField(allow_null=True)
    metal_t = serializers.DictField(child=serializers.FloatField())


class SiteViewSet(mixins.CreateModelMixin, mixins.UpdateModelMixin, viewsets.ReadOnlyModelViewSet):
    serializer_class = SiteSerializer
    permission_classes = [CanViewSites]
    filterset_fields = ["programme_status", "departement", "pollution_status"]
    lookup_value_regex = ID_PATTERN
    http_method_names = ["get", "post", "patch", "head", "options"]

    def get_queryset(self):
        return selectors.site_list_for_user(self.request.user).order_by("name")

    def get_object(self):
        return selectors.site_get_for_user(self.request.user, self.kwargs["pk"])

    def _require_manager(self):
        if not can_manage_sites(self.request.user):
            self.permission_denied(self.request)

    def perform_create(self, serializer):
        self._require_manager()
        serializer.instance = services.site_save(
            actor=self.request.user, **serializer.validated_data
        )

    def perform_update(self, serializer):
        self._require_manager()
        services.site_save(
            actor=self.request.user, site=serializer.instance, **serializer.validated_data
        )

    @extend_schema(responses=RouteEvaluationSerializer(many=True))
    @action(detail=True, methods=["get"], pagination_class=None)
    def evaluations(self, request, pk=None):
        site = self.get_object()
        results = selectors.evaluate_site(site, selectors.evaluation_inputs())
        return Response(RouteEvaluationSerializer(results, many=True).data)


class _ReadOnly(viewsets.ReadOnlyModelViewSet):
    permission_classes = [CanViewSites]
    lookup_value_regex = ID_PATTERN


class CampaignViewSet(_ReadOnly):
    serializer_class = CampaignSerializer
    filterset_fields = ["site", "kind"]
    queryset = Campaign.objects.order_by("pk")


class SampleViewSet(_ReadOnly):
    # Forty samples a site, five thousand sites at ten times the volume: paged by cursor, as
    # the results are, rather than counted on every page.
    pagination_class = GrowingListPagination
    ordering = ["pk"]
    serializer_class = SampleSerializer
    filterset_fields = ["campaign", "zone", "campaign__site"]
    queryset = Sample.objects.order_by("pk")


class ResultViewSet(_ReadOnly):
    # Millions of rows: a cursor page reads one indexed range, where a numbered page would
    # count them all first.
    pagination_class = GrowingListPagination
    ordering = ["pk"]
    serializer_class = ResultSerializer
    filterset_fields = ["sample", "element", "sample__campaign", "sample__campaign__site"]
    queryset = LabResult.objects.order_by("pk")


class ZoneViewSet(_ReadOnly):
    serializer_class = ZoneSerializer
    filterset_fields = ["site"]
    queryset = DepositZone.objects.prefetch_related("grades").order_by("pk")


class ProgrammeSerializer(serializers.ModelSerializer):
    source = CitationField()
    statements = statements_field()

    class Meta:
        model = Programme
        fields = [
            "code",
            "title",
            "funding_programme",
            "priority",
            "start_year",
            "end_year",
            "budget_total",
            "budget_erdf",
            "pilot_sites",
            "validation_sites",
            "potential_sites_wording",
            "objectives",
            "beneficiaries",
            "decision_tool",
            "source_document",
            "source_wording",
            "source",
            "statements",
        ]


class ProgrammeViewSet(viewsets.ReadOnlyModelViewSet):
    """The brownfield-recovery programmes (REGENERATIS) with their figures and passages."""

    serializer_class = ProgrammeSerializer
    permission_classes = [CanViewSites]
    lookup_field = "code"

    def get_queryset(self):
        return selectors.programme_list_for_user(self.request.user)

    def get_object(self):
        return selectors.programme_get_for_user(self.request.user, self.kwargs["code"])
