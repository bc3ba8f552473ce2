"""An e-mail backend standing in for an SMTP server that is down (outside the machine)."""

from smtplib import SMTPServerDisconnected

from django.core.mail.backends.base import BaseEmailBackend


class Backend(BaseEmailBackend):
    def send_messages(self, email_messages):
        raise SMTPServerDisconnected("SMTP server unavailable")
