"""The API root: each app's viewsets under /api/ (the shell is the one place that knows them all)."""

from django.urls import path
from rest_framework.routers import DefaultRouter

from accounts import api as accounts_api
from actionplan import api as actionplan_api
from ami import api as ami_api
from core import api as core_api
from partners import api as partners_api
from sites import api as sites_api


class PortalRouter(DefaultRouter):
    # No format suffixes (…/messages.json): one representation, JSON; a suffix answers 404.
    include_format_suffixes = False


router = PortalRouter()
router.register("axes", actionplan_api.AxisViewSet, basename="axis")
router.register("actions", actionplan_api.ActionViewSet, basename="action")
router.register("indicators", actionplan_api.IndicatorViewSet, basename="indicator")
router.register("measurements", actionplan_api.MeasurementViewSet, basename="measurement")
router.register("funding-sources", actionplan_api.FundingSourceViewSet, basename="funding-source")
router.register(
    "funding-commitments",
    actionplan_api.FundingCommitmentViewSet,
    basename="funding-commitment",
)
router.register("reports", actionplan_api.ReportViewSet, basename="report")
router.register("calls", ami_api.CallViewSet, basename="call")
router.register("questions", ami_api.QuestionViewSet, basename="question")
router.register("dossiers", ami_api.DossierViewSet, basename="dossier")
router.register("organisations", accounts_api.OrganisationViewSet, basename="organisation")
router.register("memberships", accounts_api.MembershipViewSet, basename="membership")
router.register("invitations", accounts_api.InvitationViewSet, basename="invitation")
router.register("data-flags", core_api.DataFlagViewSet, basename="data-flag")
router.register("conventions", partners_api.ConventionViewSet, basename="convention")
router.register(
    "convention-actions", partners_api.ConventionActionViewSet, basename="convention-action"
)
router.register("followed-projects", partners_api.ProjectViewSet, basename="followed-project")
router.register("events", partners_api.EventViewSet, basename="event")
router.register("sites", sites_api.SiteViewSet, basename="site")
router.register("programmes", sites_api.ProgrammeViewSet, basename="programme")
router.register("site-campaigns", sites_api.CampaignViewSet, basename="site-campaign")
router.register("site-samples", sites_api.SampleViewSet, basename="site-sample")
router.register("site-results", sites_api.ResultViewSet, basename="site-result")
router.register("site-zones", sites_api.ZoneViewSet, basename="site-zone")

urlpatterns = [
    path("me/", accounts_api.me, name="api-me"),
    *router.urls,
]
