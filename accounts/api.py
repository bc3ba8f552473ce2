from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema, extend_schema_field
from rest_framework import mixins, serializers, viewsets
from rest_framework.decorators import api_view
from rest_framework.response import Response

from accounts import services
from accounts.models import Invitation, Membership, Organisation, User
from accounts.selectors import (
    invitation_list_for_user,
    membership_list_for_user,
    organisation_get_for_user,
    organisation_list_for_user,
)
from core.drf import ID_PATTERN


class OrganisationSerializer(serializers.ModelSerializer):
    kind_label = serializers.CharField(source="get_kind_display", read_only=True)

    class Meta:
        model = Organisation
        fields = [
            "id",
            "name",
            "short_name",
            "legal_form",
            "kind",
            "kind_label",
            "identifier",
            "city",
            "website",
            "is_demo",
        ]


class UserSerializer(serializers.ModelSerializer):
    role_label = serializers.CharField(source="get_role_display", read_only=True)
    organisations = serializers.SerializerMethodField()

    class Meta:
        model = User
        fields = ["id", "email", "full_name", "role", "role_label", "organisations"]

    @extend_schema_field(OrganisationSerializer(many=True))
    def get_organisations(self, user):
        organisations = Organisation.objects.filter(memberships__user=user).order_by("name")
        return OrganisationSerializer(organisations, many=True).data


class MembershipSerializer(serializers.ModelSerializer):
    user = serializers.CharField(source="user.full_name", read_only=True)
    email = serializers.EmailField(source="user.email", read_only=True)
    organisation = serializers.PrimaryKeyRelatedField(read_only=True)

    class Meta:
        model = Membership
        fields = ["id", "user", "email", "organisation", "position", "is_manager", "created_at"]


class InvitationSerializer(serializers.ModelSerializer):
    organisation = serializers.PrimaryKeyRelatedField(queryset=Organisation.objects.all())
    full_name = serializers.CharField(write_only=True, max_length=150)
    invited_by = serializers.CharField(source="invited_by.full_name", read_only=True)

    class Meta:
        model = Invitation
        fields = [
            "id",
            "organisation",
            "email",
            "full_name",
            "invited_by",
            "created_at",
            "accepted_at",
        ]
        read_only_fields = ["invited_by", "created_at", "accepted_at"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        request = self.context.get("request")
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            # Only the organisations one manages can be chosen: any other id reads as unknown.
            self.fields["organisation"].queryset = Organisation.objects.filter(
                memberships__user=user, memberships__is_manager=True
            )


class OrganisationViewSet(viewsets.ReadOnlyModelViewSet):
    """Organisations: officers see the whole register, others their own organisations."""

    serializer_class = OrganisationSerializer
    filterset_fields = ["kind"]
    lookup_value_regex = ID_PATTERN

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # schema generation has no user
            return Organisation.objects.none()
        return organisation_list_for_user(self.request.user).order_by("name")

    def get_object(self):
        return organisation_get_for_user(self.request.user, self.kwargs["pk"])


class MembershipViewSet(viewsets.ReadOnlyModelViewSet):
    """Who works for which organisation: officers see all, others their organisations' members."""

    serializer_class = MembershipSerializer
    filterset_fields = ["organisation"]
    lookup_value_regex = ID_PATTERN

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Membership.objects.none()
        return membership_list_for_user(self.request.user).order_by("organisation", "pk").distinct()


class InvitationViewSet(mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    """Invitations of colleagues: a holder's manager invites and follows them."""

    serializer_class = InvitationSerializer
    lookup_value_regex = ID_PATTERN

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Invitation.objects.none()
        return invitation_list_for_user(self.request.user).order_by("-created_at").distinct()

    def perform_create(self, serializer):
        serializer.instance = services.colleague_invite(
            actor=self.request.user,
            organisation=serializer.validated_data["organisation"],
            email=serializer.validated_data["email"],
            full_name=serializer.validated_data["full_name"],
        )


@extend_schema(responses=UserSerializer, summary=_("Le compte connecté"))
@api_view(["GET"])
def me(request):
    return Response(UserSerializer(request.user).data)
