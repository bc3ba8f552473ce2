from base64 import b32encode, b64encode
from io import BytesIO

import qrcode
import qrcode.image.svg
from axes.handlers.proxy import AxesProxyHandler
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST, require_safe
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice
from rest_framework.authtoken.models import Token

from accounts import services
from accounts.authentication import token_expires_at
from accounts.forms import (
    CloseAccountForm,
    InviteForm,
    OrganisationEditForm,
    RecoveryCodeForm,
    SignInForm,
    SignUpForm,
    TokenForm,
)
from accounts.models import Organisation
from accounts.permissions import (
    can_close_own_account,
    can_edit_organisation,
    can_invite_colleague,
    can_manage_colleagues,
    can_view_organisations,
)
from accounts.selectors import organisation_get_for_user, organisation_list_for_user
from core.audit import audit_event
from core.choices import choice_search
from core.forms import add_service_errors
from core.registry import personal_data
from core.security import refuse_as_not_found, require

ORGANISATIONS_PAGE_SIZE = 50
ORGANISATION_SEARCH = ("name", "short_name", "identifier", "city")


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
    """Choosing a password from an e-mailed link; for an invited colleague it accepts the
    invitation. The link proved the address: the person is signed in at once (an officer
    still enters the second factor before anything else)."""

    post_reset_login = True
    post_reset_login_backend = "django.contrib.auth.backends.ModelBackend"
    success_url = reverse_lazy("home")

    def form_valid(self, form):
        response = super().form_valid(form)
        services.invitations_accept(user=form.user)
        services.email_mark_verified(user=form.user)  # the link came to that address
        messages.success(self.request, _("Mot de passe enregistré : vous êtes connecté."))
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


@require_safe
def verify_email(request, token):
    """The link e-mailed after sign-up: opening it confirms the address (no sign-in needed)."""
    try:
        user = services.email_verify(token=token)
    except ValidationError as error:
        return render(
            request, "accounts/verify_email.html", {"error": " ".join(error.messages)}, status=400
        )
    return render(request, "accounts/verify_email.html", {"verified": user})


@login_required
@require_POST
def verify_email_resend(request):
    services.email_verification_send(user=request.user)
    messages.success(
        request,
        _("Un nouveau lien de confirmation a été envoyé à %(email)s.")
        % {"email": request.user.email},
    )
    return redirect(_safe_next(request))


@login_required
def organisation_edit(request, pk):
    organisation = organisation_get_for_user(request.user, pk)
    require(can_edit_organisation(request.user, organisation))
    form = OrganisationEditForm(request.POST or None, instance=organisation)
    if request.method == "POST" and form.is_valid():
        try:
            services.organisation_update(
                actor=request.user, organisation=organisation, **form.cleaned_data
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Organisation mise à jour."))
            return redirect("accounts:organisation_detail", pk=organisation.pk)
    return render(
        request, "accounts/organisation_edit.html", {"form": form, "organisation": organisation}
    )


@login_required
@require_POST
def invitation_revoke(request, pk, invitation_pk):
    organisation = organisation_get_for_user(request.user, pk)
    require(can_manage_colleagues(request.user, organisation))
    invitation = get_object_or_404(
        organisation.invitations, pk=invitation_pk, accepted_at__isnull=True
    )
    services.invitation_revoke(actor=request.user, invitation=invitation)
    messages.success(request, _("Invitation de %(email)s retirée.") % {"email": invitation.email})
    return redirect("accounts:organisation_detail", pk=organisation.pk)


@login_required
@require_POST
def membership_remove(request, pk, membership_pk):
    organisation = organisation_get_for_user(request.user, pk)
    require(can_manage_colleagues(request.user, organisation))
    membership = get_object_or_404(
        organisation.memberships.select_related("user"), pk=membership_pk
    )
    try:
        services.membership_remove(actor=request.user, membership=membership)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("%(name)s ne fait plus partie de l'organisation.")
            % {"name": membership.user.full_name},
        )
    return redirect("accounts:organisation_detail", pk=organisation.pk)


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


ENROLMENT_SESSION_KEY = "totp_enrolment_device"


@login_required
def two_factor(request):
    """The second factor: a TOTP code (or a recovery code) at each sign-in. The first
    authenticator is enrolled only from a link sent to the officer's own address."""
    device = TOTPDevice.objects.filter(user=request.user, confirmed=True).first()
    if device is None:
        return _enrol(request)
    form = TokenForm(request.POST if "token" in request.POST else None)
    recovery_form = RecoveryCodeForm(request.POST if "recovery_code" in request.POST else None)
    if form.is_bound and form.is_valid():
        verified = _verify(device, form, "token", form.cleaned_data["token"])
        if verified:
            otp_login(request, device)
            return redirect(_safe_next(request))
    if recovery_form.is_bound and recovery_form.is_valid():
        static = StaticDevice.objects.filter(user=request.user, confirmed=True).first()
        code = recovery_form.cleaned_data["recovery_code"]
        if static is not None and _verify(static, recovery_form, "recovery_code", code):
            otp_login(request, static)
            left = static.token_set.count()
            messages.warning(
                request,
                ngettext(
                    "Code de secours accepté. Il vous en reste %(n)d : régénérez-les depuis "
                    "« Codes de secours » dès que possible.",
                    "Code de secours accepté. Il vous en reste %(n)d : régénérez-les depuis "
                    "« Codes de secours » dès que possible.",
                    left,
                )
                % {"n": left},
            )
            return redirect(_safe_next(request))
        if static is None:
            recovery_form.add_error("recovery_code", _("Ce code de secours n'est pas valable."))
    return render(
        request,
        "registration/two_factor.html",
        {"form": form, "recovery_form": recovery_form, "next": _safe_next(request, "")},
    )


def _verify(device, form, field, code):
    allowed, _throttle = device.verify_is_allowed()
    if not allowed:
        form.add_error(
            field, _("Trop d'essais rapprochés : patientez quelques secondes avant de réessayer.")
        )
        return False
    if device.verify_token(code):
        return True
    form.add_error(
        field,
        _("Ce code n'est pas valable. Saisissez le code affiché à l'instant.")
        if field == "token"
        else _("Ce code de secours n'est pas valable."),
    )
    return False


def _enrol(request):
    """Enrolment: the link e-mailed to the officer opened this session's device; without it,
    the page offers to send the link."""
    device = TOTPDevice.objects.filter(
        user=request.user, confirmed=False, pk=request.session.get(ENROLMENT_SESSION_KEY)
    ).first()
    if device is None:
        if request.method == "POST" and request.POST.get("action") == "send_link":
            services.totp_enrolment_start(user=request.user)
            messages.success(
                request,
                _("Lien envoyé à %(email)s : ouvrez-le depuis ce navigateur.")
                % {"email": request.user.email},
            )
            return redirect(f"{reverse('two_factor')}?next={_safe_next(request, '')}")
        return render(
            request,
            "registration/two_factor_link.html",
            {
                "next": _safe_next(request, ""),
                "minutes": settings.TOTP_ENROLMENT_LINK_SECONDS // 60,
            },
        )
    form = TokenForm(request.POST or None)
    if (
        request.method == "POST"
        and form.is_valid()
        and _verify(device, form, "token", form.cleaned_data["token"])
    ):
        codes = services.totp_enrolment_confirm(user=request.user, device=device)
        request.session.pop(ENROLMENT_SESSION_KEY, None)
        otp_login(request, device)
        return render(
            request,
            "registration/recovery_codes.html",
            {"codes": codes, "next": _safe_next(request, "")},
        )
    image = qrcode.make(device.config_url, image_factory=qrcode.image.svg.SvgPathImage)
    buffer = BytesIO()
    image.save(buffer)
    return render(
        request,
        "registration/two_factor.html",
        {
            "form": form,
            "enrolling": True,
            "next": _safe_next(request, ""),
            "qr_data_uri": "data:image/svg+xml;base64," + b64encode(buffer.getvalue()).decode(),
            "secret": b32encode(device.bin_key).decode(),
        },
    )


@login_required
@require_safe
def two_factor_enrol(request, token):
    """The link of the enrolment e-mail: valid once, for its addressee, for an hour."""
    device = services.totp_enrolment_device(user=request.user, token=token)
    if device is None:
        messages.error(
            request,
            _(
                "Ce lien d'activation n'est plus valable (expiré, déjà utilisé ou destiné à un "
                "autre compte) : demandez-en un nouveau."
            ),
        )
        return redirect("two_factor")
    request.session[ENROLMENT_SESSION_KEY] = device.pk
    return redirect("two_factor")


@login_required
def recovery_codes(request):
    """See how many recovery codes are left, and replace them (shown once)."""
    static = StaticDevice.objects.filter(user=request.user, confirmed=True).first()
    if request.method == "POST":
        codes = services.recovery_codes_issue(user=request.user)
        return render(request, "registration/recovery_codes.html", {"codes": codes, "next": ""})
    return render(
        request,
        "registration/recovery_codes_status.html",
        {"left": static.token_set.count() if static else 0},
    )


@login_required
@require_safe
def organisation_list(request):
    if not can_view_organisations(request.user):
        raise PermissionDenied
    query = request.GET.get("q", "").strip()
    organisations = organisation_list_for_user(request.user).order_by("name", "pk")
    if query:
        organisations = choice_search(organisations, query, ORGANISATION_SEARCH)
    page = Paginator(organisations, ORGANISATIONS_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "accounts/organisation_list.html",
        {"organisations": page, "page": page, "query": query},
    )


@login_required
@require_safe
def organisation_detail(request, pk):
    organisation = organisation_get_for_user(request.user, pk)
    members = organisation.memberships.select_related("user").order_by("user__full_name")
    manages = can_manage_colleagues(request.user, organisation)
    return render(
        request,
        "accounts/organisation_detail.html",
        {
            "organisation": organisation,
            "members": members,
            "pending": organisation.invitations.filter(accepted_at__isnull=True).select_related(
                "invited_by"
            )
            if manages
            else [],
            "can_invite": can_invite_colleague(request.user, organisation),
            "can_manage": manages,
            "can_edit": can_edit_organisation(request.user, organisation),
        },
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


@login_required
@require_safe
def my_data(request):
    """What the portal holds about the signed-in person, to read and to download (RGPD,
    right of access), and the closing of the account."""
    if request.GET.get("format") == "json":
        content = {
            str(source.label): source.export(request.user) for source in personal_data.values()
        }
        audit_event(actor=request.user, obj=request.user, event="accounts.data_downloaded")
        response = JsonResponse(content, json_dumps_params={"ensure_ascii": False, "indent": 2})
        response["Content-Disposition"] = 'attachment; filename="mes-donnees.json"'
        return response
    return render(
        request,
        "accounts/my_data.html",
        {
            "sources": [str(source.label) for source in personal_data.values()],
            "can_close": can_close_own_account(request.user),
            "keepers": services.account_keepers(request.user),
            "form": CloseAccountForm(),
            "privacy_contact": settings.PRIVACY_CONTACT_EMAIL,
        },
    )


@login_required
@require_POST
def account_close(request):
    if not can_close_own_account(request.user):
        raise PermissionDenied
    form = CloseAccountForm(request.POST)
    if form.is_valid():
        try:
            services.account_close(
                actor=request.user, user=request.user, password=form.cleaned_data["password"]
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            logout(request)
            messages.success(
                request, _("Votre compte est fermé. Merci d'avoir utilisé le portail.")
            )
            return redirect("login")
    return render(
        request,
        "accounts/my_data.html",
        {
            "sources": [str(source.label) for source in personal_data.values()],
            "can_close": True,
            "keepers": services.account_keepers(request.user),
            "form": form,
            "privacy_contact": settings.PRIVACY_CONTACT_EMAIL,
        },
        status=400,
    )
