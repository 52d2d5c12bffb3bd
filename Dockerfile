# check=skip=SecretsUsedInArgOrEnv
# The SIPD portal image. Default command: gunicorn. The same image runs `manage.py migrate`, the Celery
# worker and Celery beat (see docker-compose.yml). Build: `docker compose build` or `docker build -t sipd .`
FROM python:3.11-slim-bookworm

# PYTHONPATH=/app: the source tree in /app is what runs (gunicorn, celery and manage.py alike), so
# BASE_DIR is /app and templates/, static/ and locale/ are found, not the copy pip puts in site-packages.
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PYTHONPATH=/app \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    MEDIA_ROOT=/data/media

# WeasyPrint's native libraries (Pango, HarfBuzz, fontconfig), a font for PDFs, MIME data for uploads.
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        libpango-1.0-0 \
        libpangoft2-1.0-0 \
        libharfbuzz0b \
        libharfbuzz-subset0 \
        libfontconfig1 \
        fonts-dejavu-core \
        shared-mime-info \
    && rm -rf /var/lib/apt/lists/*

# A non-root user. /data holds uploaded media (/data/media, a volume) and the beat schedule.
RUN groupadd --system --gid 1000 sipd \
    && useradd --system --uid 1000 --gid sipd --create-home --home-dir /home/sipd \
        --shell /usr/sbin/nologin sipd \
    && mkdir -p /data/media \
    && chown -R sipd:sipd /data

WORKDIR /app

# Dependencies first, pinned by constraints.txt: this layer is rebuilt only when one of these files changes.
COPY pyproject.toml constraints.txt ./
RUN python -c "import tomllib; print('\n'.join(tomllib.load(open('pyproject.toml', 'rb'))['project']['dependencies']))" \
        > /tmp/requirements.txt \
    && pip install -c constraints.txt -r /tmp/requirements.txt \
    && rm /tmp/requirements.txt

# The project itself: core dependencies only (no `embedded` or `test` extras).
COPY . .
RUN pip install -c constraints.txt . \
    && rm -rf build ./*.egg-info \
    && python -m compileall -q sipd opd kinerja sla bencana

# Static files are collected into the image (whitenoise serves them, hashed and compressed).
# The key below only lets settings load for collectstatic; it is not the runtime SECRET_KEY.
ARG COLLECTSTATIC_SECRET_KEY=collectstatic-only-not-a-secret
RUN DEBUG=false SECRET_KEY="${COLLECTSTATIC_SECRET_KEY}" python manage.py collectstatic --no-input -v 0

USER sipd
EXPOSE 8000

# Healthy when /healthz answers 200: gunicorn is up and reaches PostgreSQL (Redis down still serves pages).
HEALTHCHECK --interval=30s --timeout=10s --start-period=30s --retries=3 \
    CMD ["python", "/app/docker/healthcheck.py"]

CMD ["sh", "-c", "exec gunicorn sipd.wsgi:application --bind 0.0.0.0:8000 --workers ${WEB_CONCURRENCY:-3} --access-logfile -"]
