"""Deployment checks of the portal's own settings (``manage.py check --deploy``)."""

from django.conf import settings
from django.core.checks import Error, Tags, Warning, register


@register(Tags.security, deploy=True)
def antivirus_configured(app_configs, **kwargs):
    if settings.CLAMAV_ADDRESS:
        return []
    if settings.ANTIVIRUS_WAIVED:
        return [
            Warning(
                "Uploaded files are served without an antivirus scan (ANTIVIRUS_WAIVED=true).",
                hint="Set CLAMAV_ADDRESS to clamd's socket or tcp://host:3310; files uploaded "
                "meanwhile are scanned as soon as it is set.",
                id="portal.W001",
            )
        ]
    return [
        Error(
            "No antivirus: CLAMAV_ADDRESS is not set, so no uploaded file can be downloaded.",
            hint="Set CLAMAV_ADDRESS, or ANTIVIRUS_WAIVED=true to accept unscanned files.",
            id="portal.E001",
        )
    ]
