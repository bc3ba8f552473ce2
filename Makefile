# Two commands for a newcomer: `make run` and `make test` (see README.md).
PYTHON ?= python3
UV := $(PYTHON) -m uv
MANAGE := $(UV) run --frozen python manage.py

.PHONY: install run test lint messages bench backup restore

install:
	@$(PYTHON) -m uv --version >/dev/null 2>&1 || $(PYTHON) -m pip install --quiet uv
	$(UV) sync --frozen

# The web server and, beside it, the outbox worker that runs follow-up work (e-mails,
# status refreshes, report renders) so that no request waits for it. Ctrl-C stops both.
run: install
	$(MANAGE) migrate --no-input
	$(MANAGE) load_reference_data --demo
	$(MANAGE) run_outbox & trap 'kill $$!' EXIT; $(MANAGE) runserver 127.0.0.1:8000

# Tests run the same on SQLite and PostgreSQL: a throwaway key, and plain HTTP for the test server.
test: export SECRET_KEY ?= test-only-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz
test: export SECURE_SSL_REDIRECT ?= false
test: install
	$(UV) run --frozen pytest $(PYTEST_ARGS)

lint: install
	$(UV) run --frozen ruff check .
	$(UV) run --frozen ruff format --check .
	$(UV) run --frozen lint-imports
	$(UV) run --frozen bandit -q -c pyproject.toml -r .
	$(MANAGE) makemigrations --check --dry-run

messages: install
	$(MANAGE) makemessages -l en --no-location --no-obsolete --ignore '.venv/*' --ignore 'tests/*'
	$(MANAGE) compilemessages -l en --ignore '.venv/*'

# Benchmark on a throwaway PostgreSQL database (BENCH_DATABASE_URL to point elsewhere).
BENCH_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/portal_bench
bench: export DATABASE_URL = $(BENCH_DATABASE_URL)
bench: export SECRET_KEY ?= bench-only-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz
bench: export SECURE_SSL_REDIRECT = false
bench: export DEBUG = false
bench: export ALLOWED_HOSTS = testserver
bench: export REQUIRE_TWO_FACTOR = false
# A Redis database of its own: follow-up work is queued there as in production, then dropped.
bench: export REDIS_URL = redis://127.0.0.1:6379/15
bench: install
	psql "$(dir $(BENCH_DATABASE_URL))postgres" -q -c "DROP DATABASE IF EXISTS $(notdir $(BENCH_DATABASE_URL))" -c "CREATE DATABASE $(notdir $(BENCH_DATABASE_URL))"
	$(MANAGE) migrate --no-input -v0
	$(MANAGE) load_reference_data -v0 >/dev/null
	$(MANAGE) collectstatic --no-input -v0
	$(MANAGE) bench --yes
	redis-cli -n 15 flushdb >/dev/null

# Database and uploaded files together, with a manifest of hashes (see README, "Backups").
backup: install
	$(MANAGE) backup $(BACKUP_DIR)

restore: install
	@test -n "$(BACKUP_DIR)" || (echo "usage: make restore BACKUP_DIR=var/backups/<folder>"; exit 2)
	$(MANAGE) restore $(BACKUP_DIR) --yes
