from base64 import b32encode, b64encode
from io import BytesIO

import qrcode
import qrcode.image.svg
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from partners.forms import SignInForm, TokenForm
from partners.permissions import can_view_organisations
from partners.selectors import organisation_get_for_user, organisation_list_for_user


class SignInView(auth_views.LoginView):
    form_class = SignInForm
    template_name = "registration/login.html"
    redirect_authenticated_user = True


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
def organisation_list(request):
    if not can_view_organisations(request.user):
        raise PermissionDenied
    organisations = organisation_list_for_user(request.user).order_by("name")
    return render(request, "partners/organisation_list.html", {"organisations": organisations})


@login_required
def organisation_detail(request, pk):
    organisation = organisation_get_for_user(request.user, pk)
    members = organisation.memberships.select_related("user").order_by("user__full_name")
    return render(
        request,
        "partners/organisation_detail.html",
        {"organisation": organisation, "members": members},
    )
