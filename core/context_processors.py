from django.conf import settings

from core.navigation import entries_for


def portal(request):
    return {
        "navigation": entries_for(request.user, request.path) if hasattr(request, "user") else [],
        "navigation_tools": entries_for(request.user, request.path, "tools")
        if hasattr(request, "user")
        else [],
        "navigation_footer": entries_for(request.user, request.path, "footer")
        if hasattr(request, "user")
        else [],
        "embedded_default": settings.EMBEDDED,
        "two_factor_required": settings.REQUIRE_TWO_FACTOR,
    }
