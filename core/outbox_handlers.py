import socket
from datetime import date

from django.utils.translation import gettext as _

from core.mail import absolute_url, in_french, send_email
from core.models import ExportFile, ExportStatus
from core.outbox import outbox_handler
from core.registry import retention_rules
from core.services import heartbeat_answer
from core.tasks import build_export


@outbox_handler("core.heartbeat")
def answer_heartbeat(*, name):
    heartbeat_answer(name=name, answered_by=socket.gethostname())


@outbox_handler("core.build_export")
def dispatch_export(*, export_pk):
    """Writing a large file takes a worker task of its own, with its own time limit."""
    build_export.delay(export_pk)


@outbox_handler("core.export_finished")
def tell_export_owner(*, export_pk):
    export = ExportFile.objects.select_related("owner").filter(pk=export_pk).first()
    if export is None:
        return
    with in_french():
        if export.status == ExportStatus.READY:
            subject = _("Votre export « %(name)s » est prêt") % {"name": export.filename}
            body = _(
                "Bonjour,\n\nL'export « %(name)s » que vous avez demandé est prêt (%(rows)s lignes). "
                "Téléchargez-le depuis la page de vos exports, après connexion : %(url)s\n"
            )
        else:
            subject = _("Votre export « %(name)s » n'a pas pu être préparé") % {
                "name": export.filename
            }
            body = _(
                "Bonjour,\n\nL'export « %(name)s » n'a pas pu être préparé : %(reason)s\n"
                "Vos exports : %(url)s\n"
            )
        send_email(
            to=[export.owner.email],
            subject=subject,
            body=body
            % {
                "name": export.filename,
                "rows": export.row_count,
                "reason": export.failure_reason,
                "url": absolute_url("export_list"),
            },
        )


@outbox_handler("core.retention_warning")
def warn_of_deletion(*, to, rule, what, deleted_on):
    entry = retention_rules.get(rule)
    when = date.fromisoformat(deleted_on).strftime("%d/%m/%Y")
    with in_french():
        send_email(
            to=to,
            subject=_("Suppression prévue le %(date)s : %(what)s") % {"date": when, "what": what},
            body=_(
                "Bonjour,\n\nLe portail de la Région Hauts-de-France pour l'industrie circulaire "
                "ne garde vos données que le temps nécessaire. Sans activité de votre part, "
                "« %(what)s » (%(rule)s) sera supprimé à partir du %(date)s.\n\n"
                "Pour le garder, connectez-vous avant cette date : %(url)s\n"
                "Les durées de conservation sont décrites ici : %(privacy)s\n"
            )
            % {
                "what": what,
                "rule": entry.label if entry else rule,
                "date": when,
                "url": absolute_url("login"),
                "privacy": absolute_url("personal_data"),
            },
        )
