import os
import subprocess
import sys


def test_check_deploy_is_clean_with_production_settings(tmp_path):
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
        }
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout
