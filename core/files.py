"""Uploaded files: the type is read from the content, never trusted from the name."""

import zipfile

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.text import get_valid_filename
from django.utils.translation import gettext as _

MAX_UPLOAD_BYTES = 10 * 1024 * 1024

_OFFICE_ZIP_MARKERS = {
    "word/": "docx",
    "xl/": "xlsx",
    "ppt/": "pptx",
}
_EXTENSIONS = {
    "pdf": {".pdf"},
    "png": {".png"},
    "jpeg": {".jpg", ".jpeg"},
    "docx": {".docx"},
    "xlsx": {".xlsx"},
    "pptx": {".pptx"},
    "opendocument": {".odt", ".ods", ".odp"},
    "ole": {".doc", ".xls", ".ppt"},
}


def sniff(upload) -> str | None:
    """Return the kind of document the bytes are, or None if it is not an accepted kind."""
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "ole"
    if head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(upload) as archive:
                names = archive.namelist()
                if "mimetype" in names and archive.read("mimetype").startswith(
                    b"application/vnd.oasis.opendocument"
                ):
                    return "opendocument"
                for marker, kind in _OFFICE_ZIP_MARKERS.items():
                    if "[Content_Types].xml" in names and any(
                        name.startswith(marker) for name in names
                    ):
                        return kind
        except zipfile.BadZipFile:
            return None
        finally:
            upload.seek(0)
    return None


def validate_document(upload, *, max_bytes=MAX_UPLOAD_BYTES):
    """Accept PDF, office and OpenDocument files and images whose content matches their name."""
    if upload.size > max_bytes:
        raise ValidationError(
            _("Le fichier « %(name)s » pèse %(size)s ; la limite est de %(limit)s.")
            % {
                "name": upload.name,
                "size": filesizeformat(upload.size),
                "limit": filesizeformat(max_bytes),
            }
        )
    kind = sniff(upload)
    if kind is None:
        raise ValidationError(
            _(
                "Le fichier « %(name)s » n'est pas d'un type accepté (PDF, documents bureautiques ou OpenDocument, "
                "images PNG ou JPEG)."
            )
            % {"name": upload.name}
        )
    extension = "." + upload.name.rsplit(".", 1)[-1].lower() if "." in upload.name else ""
    if extension not in _EXTENSIONS[kind]:
        raise ValidationError(
            _("Le contenu du fichier « %(name)s » ne correspond pas à son extension.")
            % {"name": upload.name}
        )
    upload.name = get_valid_filename(upload.name.rsplit("/", 1)[-1].rsplit("\\", 1)[-1])[:120]
    return kind
