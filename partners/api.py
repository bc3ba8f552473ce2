from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, viewsets
from rest_framework.decorators import api_view
from rest_framework.response import Response

from partners.models import Organisation, User
from partners.selectors import organisation_get_for_user, organisation_list_for_user


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
        ]


class UserSerializer(serializers.ModelSerializer):
    role_label = serializers.CharField(source="get_role_display", read_only=True)
    organisations = OrganisationSerializer(
        source="memberships_organisations", many=True, read_only=True
    )

    class Meta:
        model = User
        fields = ["id", "email", "full_name", "role", "role_label", "organisations"]


class OrganisationViewSet(viewsets.ReadOnlyModelViewSet):
    """Organisations: officers see the whole register, others their own organisations."""

    serializer_class = OrganisationSerializer
    filterset_fields = ["kind"]

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # schema generation has no user
            return Organisation.objects.none()
        return organisation_list_for_user(self.request.user).order_by("name")

    def get_object(self):
        return organisation_get_for_user(self.request.user, self.kwargs["pk"])


@extend_schema(responses=UserSerializer, summary=_("Le compte connecté"))
@api_view(["GET"])
def me(request):
    user = request.user
    user.memberships_organisations = Organisation.objects.filter(memberships__user=user)
    return Response(UserSerializer(user).data)
