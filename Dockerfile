FROM python:3.11-slim-bookworm

ENV PYTHONUNBUFFERED=1 UV_PROJECT_ENVIRONMENT=/opt/venv PATH="/opt/venv/bin:$PATH"
# WeasyPrint needs Pango; fonts for the PDF reports.
RUN apt-get update \
 && apt-get install -y --no-install-recommends libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core gettext \
 && rm -rf /var/lib/apt/lists/* \
 && pip install --no-cache-dir uv

WORKDIR /app
COPY pyproject.toml uv.lock ./
RUN uv sync --frozen --no-dev
COPY . .
# Bytecode compiled once, at build: each process then starts without compiling the code base.
RUN python -m compileall -q -j 0 /app /opt/venv \
 && DEBUG=true python manage.py collectstatic --no-input \
 && useradd --system --home /app portal && mkdir -p /app/var/media && chown -R portal /app/var
USER portal
EXPOSE 8000
# An explicit worker timeout: long work (exports, reports) runs in Celery, never near it.
CMD ["gunicorn", "config.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "3", "--timeout", "30", "--graceful-timeout", "30", "--access-logfile", "-"]
