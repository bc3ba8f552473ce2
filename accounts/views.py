from base64 import b32encode, b64encode
from io import BytesIO

import qrcode
import qrcode.image.svg
from axes.handlers.proxy import AxesProxyHandler
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_safe
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice
from rest_framework.authtoken.models import Token

from accounts import services
from accounts.authentication import token_expires_at
from accounts.forms import InviteForm, SignInForm, SignUpForm, TokenForm
from accounts.models import Organisation
from accounts.permissions import can_invite_colleague, can_view_organisations
from accounts.selectors import organisation_get_for_user, organisation_list_for_user
from core.forms import add_service_errors
from core.security import refuse_as_not_found


def cool_off_in_words():
    """The sign-in cool-off as people say it (« 15 minutes »), not as ISO 8601 (« PT15M »)."""
    minutes = max(1, round(settings.AXES_COOLOFF_TIME.total_seconds() / 60))
    if minutes % 60 == 0:
        hours = minutes // 60
        return ngettext("%(n)d heure", "%(n)d heures", hours) % {"n": hours}
    return ngettext("%(n)d minute", "%(n)d minutes", minutes) % {"n": minutes}


def locked_out(request, original_response=None, credentials=None):
    """django-axes' lockout answer (AXES_LOCKOUT_CALLABLE)."""
    return render(
        request,
        "registration/locked_out.html",
        {"cool_off": cool_off_in_words()},
        status=429,
    )


class SignInView(auth_views.LoginView):
    form_class = SignInForm
    template_name = "registration/login.html"
    redirect_authenticated_user = True

    def form_invalid(self, form):
        # Say so before the last attempt, rather than lock the person out by surprise.
        credentials = {"username": form.data.get("username", "").lower()}
        failures = AxesProxyHandler.get_failures(self.request, credentials)
        if failures == settings.AXES_FAILURE_LIMIT - 1:
            form.add_error(
                None,
                _(
                    "Attention : encore un essai erroné et les connexions à ce compte depuis "
                    "votre poste seront suspendues pendant %(duration)s."
                )
                % {"duration": cool_off_in_words()},
            )
        return super().form_invalid(form)


class ChoosePasswordView(auth_views.PasswordResetConfirmView):
    """Choosing a password from an e-mailed link; for an invited colleague it accepts the invitation."""

    def form_valid(self, form):
        response = super().form_valid(form)
        services.invitations_accept(user=form.user)
        return response


def sign_up(request):
    if request.user.is_authenticated:
        return redirect("home")
    form = SignUpForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            user = services.holder_sign_up(
                email=data["email"],
                full_name=data["full_name"],
                password=data["password"],
                organisation_name=data["organisation_name"],
                organisation_kind=data["organisation_kind"],
                identifier=data["identifier"],
                legal_form=data["legal_form"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            messages.success(request, _("Votre compte et celui de votre organisation sont créés."))
            return redirect(_safe_next(request))
    return render(request, "accounts/sign_up.html", {"form": form, "next": _safe_next(request, "")})


@login_required
def invite(request, organisation_pk):
    organisation = Organisation.objects.filter(pk=organisation_pk).first()
    if organisation is None or not can_invite_colleague(request.user, organisation):
        refuse_as_not_found(request.user, "organisation", organisation_pk)
    form = InviteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.colleague_invite(
                actor=request.user, organisation=organisation, **form.cleaned_data
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Invitation envoyée."))
            return redirect("accounts:organisation_detail", pk=organisation.pk)
    return render(request, "accounts/invite.html", {"form": form, "organisation": organisation})


def _safe_next(request, default="home"):
    target = request.POST.get("next") or request.GET.get("next")
    if target and url_has_allowed_host_and_scheme(
        target, {request.get_host()}, request.is_secure()
    ):
        return target
    return default


@login_required
def two_factor(request):
    """Enrol a TOTP device on first use, then ask for a code at each sign-in."""
    device = TOTPDevice.objects.filter(user=request.user, confirmed=True).first()
    enrolling = device is None
    if enrolling:
        device, _created = TOTPDevice.objects.get_or_create(
            user=request.user, confirmed=False, defaults={"name": "TOTP"}
        )
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        allowed, _throttle = device.verify_is_allowed()
        if not allowed:
            form.add_error(
                "token",
                _("Trop d'essais rapprochés : patientez quelques secondes avant de réessayer."),
            )
        elif device.verify_token(form.cleaned_data["token"]):
            if enrolling:
                device.confirmed = True
                device.save()
            otp_login(request, device)
            return redirect(_safe_next(request))
        else:
            form.add_error(
                "token", _("Ce code n'est pas valable. Saisissez le code affiché à l'instant.")
            )
    context = {"form": form, "enrolling": enrolling, "next": _safe_next(request, "")}
    if enrolling:
        image = qrcode.make(device.config_url, image_factory=qrcode.image.svg.SvgPathImage)
        buffer = BytesIO()
        image.save(buffer)
        context["qr_data_uri"] = (
            "data:image/svg+xml;base64," + b64encode(buffer.getvalue()).decode()
        )
        context["secret"] = b32encode(device.bin_key).decode()
    return render(request, "registration/two_factor.html", context)


@login_required
@require_safe
def organisation_list(request):
    if not can_view_organisations(request.user):
        raise PermissionDenied
    organisations = organisation_list_for_user(request.user).order_by("name")
    return render(request, "accounts/organisation_list.html", {"organisations": organisations})


@login_required
@require_safe
def organisation_detail(request, pk):
    organisation = organisation_get_for_user(request.user, pk)
    members = organisation.memberships.select_related("user").order_by("user__full_name")
    return render(
        request,
        "accounts/organisation_detail.html",
        {"organisation": organisation, "members": members},
    )


@login_required
def api_token(request):
    """Issue or revoke one's API token; officers reach this page only after the second factor."""
    token = None
    if request.method == "POST":
        if request.POST.get("action") == "revoke":
            services.api_token_revoke(actor=request.user)
            messages.success(request, _("Votre jeton d'accès à l'API est révoqué."))
            return redirect("accounts:api_token")
        token = services.api_token_issue(actor=request.user)
    current = token or Token.objects.filter(user=request.user).first()
    return render(
        request,
        "accounts/api_token.html",
        {
            "token": token,
            "has_token": current is not None,
            "expires_at": token_expires_at(current) if current else None,
            "rate_count": settings.API_TOKEN_RATE.split("/")[0],
            "rate_period": {
                "second": _("seconde"),
                "minute": _("minute"),
                "hour": _("heure"),
                "day": _("jour"),
            }[settings.API_TOKEN_RATE.split("/")[1]],
        },
    )
