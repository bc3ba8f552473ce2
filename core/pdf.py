"""The one place that renders PDFs: ``render_pdf(template, context) -> bytes``.

WeasyPrint fetches only the portal's own static files: any other URL (file://,
http(s)://, data:) is refused, so text typed by a user, such as
``<img src="file:///etc/passwd">``, can never pull anything into a document.
"""

import logging
import mimetypes
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.template.loader import render_to_string

logger = logging.getLogger(__name__)

PORTAL_BASE = "https://portal.invalid/"
# The Region's wordmark or logo, a file the installation names (``PDF_LOGO_PATH``): read from
# that path, never fetched from outside.
LOGO_URL = f"{PORTAL_BASE}__logo__"


def static_only_fetch(url):
    """WeasyPrint's fetcher for every URL a document names."""
    from weasyprint.urls import URLFetcherResponse

    if url == LOGO_URL and settings.PDF_LOGO_PATH:
        with open(settings.PDF_LOGO_PATH, "rb") as handle:
            content = handle.read()
        mime_type = mimetypes.guess_type(settings.PDF_LOGO_PATH)[0] or "application/octet-stream"
        return URLFetcherResponse(url, content, {"Content-Type": mime_type})
    parts = urlsplit(url)
    prefix = settings.STATIC_URL.lstrip("/")
    if f"{parts.scheme}://{parts.netloc}/" != PORTAL_BASE or not parts.path.lstrip("/").startswith(
        prefix
    ):
        logger.warning("PDF rendering refused to fetch %s", url[:200])
        raise ValueError("only the portal's static files may be fetched")
    relative = unquote(parts.path.lstrip("/")[len(prefix) :])
    if ".." in relative.split("/"):
        raise ValueError("path traversal")
    content = _read_static(relative)
    mime_type = mimetypes.guess_type(relative)[0] or "application/octet-stream"
    return URLFetcherResponse(url, content, {"Content-Type": mime_type})


def _read_static(relative):
    found = finders.find(relative)
    if found:
        with open(found, "rb") as handle:
            return handle.read()
    with staticfiles_storage.open(relative) as handle:
        return handle.read()


# Tagged PDF/UA so that screen readers can follow headings, lists and tables.
PDF_OPTIONS = {"pdf_variant": "pdf/ua-1", "pdf_tags": True}


def layout(html):
    """Lay the HTML out into pages (the costly step), without writing the file yet."""
    # Imported here: WeasyPrint takes a second to load and only PDF rendering needs it.
    from weasyprint import HTML
    from weasyprint.urls import URLFetcher

    class StaticOnlyFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            return static_only_fetch(url)

    return HTML(string=html, base_url=PORTAL_BASE, url_fetcher=StaticOnlyFetcher()).render(
        **PDF_OPTIONS
    )


def write(document) -> bytes:
    return document.write_pdf(**PDF_OPTIONS)


def render_html_to_pdf(html) -> bytes:
    return write(layout(html))


def render_pdf(template, context) -> bytes:
    return render_html_to_pdf(render_to_string(template, context))
