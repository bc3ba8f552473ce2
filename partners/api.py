"""API of the register of partnerships, with the pages' permissions."""

from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from accounts.api_permissions import allowed_if
from core.drf import ID_PATTERN, CitationField, statements_field
from partners import selectors, services
from partners.models import (
    Convention,
    ConventionAction,
    Event,
    EventOrganisation,
    FollowedProject,
    Meeting,
    Person,
    Theme,
)
from partners.permissions import can_view_partnerships

CanViewPartnerships = allowed_if(can_view_partnerships)


class PersonSerializer(serializers.ModelSerializer):
    organisation = serializers.CharField(source="organisation.name", read_only=True)

    class Meta:
        model = Person
        fields = ["id", "full_name", "organisation", "position"]


class ConventionSerializer(serializers.ModelSerializer):
    end_date = serializers.DateField(read_only=True, allow_null=True)
    parties = serializers.SerializerMethodField()
    source = CitationField()
    statements = statements_field()

    class Meta:
        model = Convention
        fields = [
            "id",
            "code",
            "title",
            "deliberation_body",
            "deliberation_date",
            "deliberation_subject",
            "received_at_prefecture",
            "published_on",
            "notification_date",
            "duration_months",
            "duration_wording",
            "end_date",
            "financial_commitment",
            "financial_wording",
            "amendment_wording",
            "appeal_wording",
            "parties",
            "source",
            "statements",
        ]

    def get_parties(self, convention) -> list[str]:
        return [party.organisation.name for party in convention.parties.all()]


class ThemeSerializer(serializers.ModelSerializer):
    class Meta:
        model = Theme
        fields = ["id", "domain", "label"]


class ProjectSerializer(serializers.ModelSerializer):
    holder = serializers.CharField(source="holder.name", read_only=True)

    source = CitationField()

    class Meta:
        model = FollowedProject
        fields = [
            "id",
            "name",
            "domain",
            "holder",
            "status",
            "next_step",
            "source_wording",
            "source",
        ]


class ConventionActionSerializer(serializers.ModelSerializer):
    themes = ThemeSerializer(many=True, read_only=True)
    projects = ProjectSerializer(many=True, read_only=True)

    class Meta:
        model = ConventionAction
        fields = ["id", "convention", "number", "title", "annex_wording", "themes", "projects"]


class ObligationSerializer(serializers.Serializer):
    key = serializers.CharField()
    label = serializers.CharField()
    starts = serializers.DateField(allow_null=True)
    deadline = serializers.DateField(allow_null=True)
    state = serializers.CharField()
    state_label = serializers.CharField()
    held = serializers.IntegerField()


class MeetingSerializer(serializers.ModelSerializer):
    attendees = serializers.PrimaryKeyRelatedField(
        many=True, queryset=Person.objects.all(), required=False
    )

    class Meta:
        model = Meeting
        fields = [
            "id",
            "convention",
            "kind",
            "date",
            "place",
            "attendees",
            "minutes_date",
            "decisions",
            "follow_up_actions",
        ]
        read_only_fields = ["convention"]


class EventOrganisationSerializer(serializers.ModelSerializer):
    organisation = serializers.CharField(source="organisation.name")

    class Meta:
        model = EventOrganisation
        fields = ["organisation", "role"]


class EventSerializer(serializers.ModelSerializer):
    involved = EventOrganisationSerializer(many=True, read_only=True)
    statements = statements_field()

    source = CitationField()

    class Meta:
        model = Event
        fields = [
            "id",
            "title",
            "project",
            "starts_on",
            "ends_on",
            "place",
            "themes",
            "participant_count",
            "involved",
            "source_wording",
            "source",
            "statements",
        ]


class ConventionViewSet(viewsets.ReadOnlyModelViewSet):
    """Conventions: officers and the committee see all; a partner those of its organisation."""

    serializer_class = ConventionSerializer
    permission_classes = [CanViewPartnerships]
    lookup_value_regex = ID_PATTERN

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Convention.objects.none()
        return (
            selectors.convention_list_for_user(self.request.user)
            .prefetch_related("parties__organisation", "statements")
            .order_by("pk")
        )

    def get_object(self):
        return selectors.convention_get_for_user(self.request.user, self.kwargs["pk"])

    @extend_schema(responses=ObligationSerializer(many=True))
    @action(detail=True, methods=["get"], pagination_class=None)
    def obligations(self, request, pk=None):
        convention = self.get_object()
        return Response(
            ObligationSerializer(selectors.convention_obligations(convention), many=True).data
        )

    @extend_schema(
        methods=["GET"],
        responses=MeetingSerializer(many=True),
        description="The convention's meetings, a page at a time (each lists who attended).",
    )
    @extend_schema(methods=["POST"], request=MeetingSerializer, responses={201: MeetingSerializer})
    @action(detail=True, methods=["get", "post"])
    def meetings(self, request, pk=None):
        convention = self.get_object()
        if request.method == "POST":
            payload = MeetingSerializer(data=request.data)
            payload.is_valid(raise_exception=True)
            meeting = services.meeting_record(
                actor=request.user, convention=convention, **payload.validated_data
            )
            return Response(MeetingSerializer(meeting).data, status=status.HTTP_201_CREATED)
        page = self.paginate_queryset(selectors.meetings_of(convention))
        return self.get_paginated_response(MeetingSerializer(page, many=True).data)


class ConventionActionViewSet(viewsets.ReadOnlyModelViewSet):
    """The conventions' actions with their themes and followed projects."""

    serializer_class = ConventionActionSerializer
    permission_classes = [CanViewPartnerships]
    filterset_fields = ["convention"]
    lookup_value_regex = ID_PATTERN

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return ConventionAction.objects.none()
        visible = selectors.convention_list_for_user(self.request.user).values("pk")
        return (
            ConventionAction.objects.filter(convention__in=visible)
            .prefetch_related("themes", "projects__holder")
            .order_by("convention", "number")
        )


class ProjectViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = ProjectSerializer
    permission_classes = [CanViewPartnerships]
    filterset_fields = ["action", "status", "domain"]
    lookup_value_regex = ID_PATTERN

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return FollowedProject.objects.none()
        visible = selectors.convention_list_for_user(self.request.user).values("pk")
        return (
            FollowedProject.objects.filter(action__convention__in=visible)
            .select_related("holder")
            .order_by("pk")
        )


class EventViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    serializer_class = EventSerializer
    permission_classes = [CanViewPartnerships]
    lookup_value_regex = ID_PATTERN

    def get_queryset(self):
        return selectors.event_list()
