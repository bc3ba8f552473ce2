"""The API root: each app registers its viewsets here, under /api/."""

from django.urls import path
from rest_framework.routers import DefaultRouter

from partners import api as partners_api

router = DefaultRouter()
router.register("organisations", partners_api.OrganisationViewSet, basename="organisation")

urlpatterns = [
    path("me/", partners_api.me, name="api-me"),
    *router.urls,
]
