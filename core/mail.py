"""The one way e-mails leave the portal, and the one way their links are built.

E-mails are sent only from outbox handlers (see ``core.outbox``), in French,
with absolute links built from ``SITE_URL``.
"""

from django.conf import settings
from django.core.mail import EmailMessage
from django.urls import reverse
from django.utils import translation


def absolute_url(url_name, *args, **kwargs):
    """``SITE_URL`` + the path of a named URL, for links in e-mails and documents."""
    return settings.SITE_URL.rstrip("/") + reverse(url_name, args=args, kwargs=kwargs)


def send_email(*, to, subject, body, attachments=()):
    """Send one e-mail to the given addresses (nothing happens without recipients).

    ``attachments`` are ``(filename, content, mimetype)`` triples.
    """
    recipients = sorted({address for address in to if address})
    if not recipients:
        return 0
    message = EmailMessage(str(subject), str(body), to=recipients)
    for filename, content, mimetype in attachments:
        message.attach(filename, content, mimetype)
    return message.send()


def in_french():
    """E-mails and documents to the Region's users are in French whoever triggered them."""
    return translation.override("fr")
