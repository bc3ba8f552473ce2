"""The API root: each app registers its viewsets here, under /api/."""

from django.urls import path
from rest_framework.routers import DefaultRouter

from actionplan import api as actionplan_api
from ami import api as ami_api
from partners import api as partners_api

router = DefaultRouter()
router.register("axes", actionplan_api.AxisViewSet, basename="axis")
router.register("actions", actionplan_api.ActionViewSet, basename="action")
router.register("indicators", actionplan_api.IndicatorViewSet, basename="indicator")
router.register("measurements", actionplan_api.MeasurementViewSet, basename="measurement")
router.register("funding-sources", actionplan_api.FundingSourceViewSet, basename="funding-source")
router.register("calls", ami_api.CallViewSet, basename="call")
router.register("dossiers", ami_api.DossierViewSet, basename="dossier")
router.register("organisations", partners_api.OrganisationViewSet, basename="organisation")

urlpatterns = [
    path("me/", partners_api.me, name="api-me"),
    *router.urls,
]
