import os
import subprocess
import sys


def _check_deploy(tmp_path, **variables):
    ignored = {
        "DEBUG",
        "SECURE_SSL_REDIRECT",
        "DJANGO_ALLOW_ASYNC_UNSAFE",
    }  # the last is set by browser tests
    env = {k: v for k, v in os.environ.items() if k not in ignored}
    env.update(
        {
            "DEBUG": "false",
            "SECRET_KEY": "prod-like-key-8f3b2c9d1e7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e0f9a",
            "ALLOWED_HOSTS": "industrie-circulaire.hautsdefrance.fr",
            "DATABASE_URL": env.get("DATABASE_URL", f"sqlite:///{tmp_path / 'prod.sqlite3'}"),
            **variables,
        }
    )
    for name in ("CLAMAV_ADDRESS", "ANTIVIRUS_WAIVED"):
        if name not in variables:
            env.pop(name, None)
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_is_clean_with_production_settings(tmp_path):
    result = _check_deploy(tmp_path, CLAMAV_ADDRESS="tcp://127.0.0.1:3310")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_check_deploy_refuses_production_without_an_antivirus(tmp_path):
    result = _check_deploy(tmp_path)
    assert result.returncode != 0
    assert "portal.E001" in result.stderr + result.stdout


def test_check_deploy_reports_an_antivirus_waiver_every_time(tmp_path):
    result = _check_deploy(tmp_path, ANTIVIRUS_WAIVED="true")
    assert result.returncode != 0  # --fail-level WARNING: the waiver is never silent
    assert "portal.W001" in result.stderr + result.stdout
