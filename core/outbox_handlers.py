import socket

from django.utils.translation import gettext as _

from core.mail import absolute_url, in_french, send_email
from core.models import ExportFile, ExportStatus
from core.outbox import outbox_handler
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
