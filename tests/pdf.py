"""The text of a PDF as a reader would copy it (Debian's ``pdftotext``, a real part)."""

import shutil
import subprocess

import pytest


def pdf_text(content: bytes, *, layout: bool = False) -> str:
    if not shutil.which("pdftotext"):
        pytest.fail("pdftotext is missing (apt-get install poppler-utils)")
    command = ["pdftotext", *(["-layout"] if layout else []), "-", "-"]
    return subprocess.run(command, input=content, capture_output=True, check=True).stdout.decode()
