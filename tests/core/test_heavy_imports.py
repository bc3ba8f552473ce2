"""Starting the portal does not load the heavy libraries: each worker would pay for them at boot
and `manage.py` commands would be slow. They are loaded by the code that renders or reads files."""

import os
import subprocess
import sys

HEAVY = ("weasyprint", "openpyxl", "pandas", "numpy", "scipy")

PROBE = """
import sys, django
django.setup()
from django.urls import get_resolver
get_resolver().url_patterns  # loads every view module
from django.core.management import call_command
call_command("check", verbosity=0)
print("loaded:", *[name for name in {heavy!r} if name in sys.modules])
"""


def test_loading_the_urls_and_running_the_checks_does_not_import_pdf_spreadsheet_or_dataframe_libraries():
    result = subprocess.run(  # noqa: S603 -- our own interpreter on a fixed script
        [sys.executable, "-c", PROBE.format(heavy=HEAVY)],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings"},
    )
    assert result.stdout.splitlines()[-1] == "loaded:"
