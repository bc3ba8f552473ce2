from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AmiConfig(AppConfig):
    name = "ami"
    verbose_name = _("Appels à manifestation d'intérêt")

    def ready(self):
        from ami import report_section, sources  # noqa: F401  (register with the action plan)
