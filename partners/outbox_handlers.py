"""E-mails about the conventions' obligations, sent from the outbox."""

from datetime import date

from django.utils.translation import gettext as _

from accounts.models import Role, User
from core.mail import absolute_url, in_french, send_email
from core.outbox import outbox_handler
from partners.models import ObligationNotice


@outbox_handler("partners.obligation_notice")
def send_obligation_notice(*, notice_pk, label, deadline):
    notice = ObligationNotice.objects.select_related("convention").get(pk=notice_pk)
    officers = User.objects.filter(
        role__in=[Role.OFFICER, Role.ADMINISTRATOR], is_active=True
    ).values_list("email", flat=True)
    when = date.fromisoformat(deadline).strftime("%d/%m/%Y") if deadline else "—"
    with in_french():
        if notice.event == ObligationNotice.Event.MISSED:
            subject = _("Obligation manquée : %(label)s") % {"label": label}
            body = _(
                "Bonjour,\n\nL'obligation « %(label)s » de la convention « %(convention)s » n'a pas été "
                "respectée (échéance : %(when)s).\n\nVoir l'échéancier : %(url)s\n"
            )
        else:
            subject = _("Échéance proche : %(label)s") % {"label": label}
            body = _(
                "Bonjour,\n\nL'obligation « %(label)s » de la convention « %(convention)s » arrive à échéance "
                "le %(when)s.\n\nVoir l'échéancier : %(url)s\n"
            )
        values = {
            "label": label,
            "convention": notice.convention.title,
            "when": when,
            "url": absolute_url("partners:convention_detail", pk=notice.convention_id),
        }
        for email in officers:
            send_email(to=[email], subject=subject, body=body % values)
