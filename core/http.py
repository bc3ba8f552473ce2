"""Answers shared by the pages."""

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, resolve_url


def redirect_after_post(request: HttpRequest, to: str, *args, **kwargs) -> HttpResponse:
    """A redirect after a successful POST; to a page's own ``fetch`` (header
    ``X-Requested-With: fetch``) the address to open instead, so that the flash message waits
    for the page the browser then opens (static/js/dossier-autosave.js)."""
    if request.headers.get("X-Requested-With") == "fetch":
        return JsonResponse({"location": resolve_url(to, *args, **kwargs)})
    return redirect(to, *args, **kwargs)
