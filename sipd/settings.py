"""One settings module for every environment, driven by environment variables (see .env.example)."""

from datetime import timedelta
from pathlib import Path

import dj_database_url
from celery.schedules import crontab
from django.core.exceptions import ImproperlyConfigured

from sipd.env import env_bool, env_choice, env_int, env_list, env_str, env_url, parse_skala_predikat

BASE_DIR = Path(__file__).resolve().parent.parent

DEBUG = env_bool("DEBUG", False)
SECRET_KEY = env_str("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY wajib diisi bila DEBUG=false")
    SECRET_KEY = "dev-only-insecure-key-never-use-in-production-0123456789abcdef"  # noqa: S105 - DEBUG only  # nosec B105
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "sipd.admin_site.SipdAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rest_framework",
    "rest_framework.authtoken",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "axes",
    "pgtrigger",
    "pghistory",
    "pghistory.admin",
    "csp",
    "sipd",
    "opd",
    "kinerja",
    "sla",
    "bencana",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "sipd.middleware.AuditContextMiddleware",
    "sipd.audit.AuditAksesMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "sipd.urls"
WSGI_APPLICATION = "sipd.wsgi.application"
AUTH_USER_MODEL = "sipd.User"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "sipd.context_processors.portal",
            ],
        },
    }
]

# Database and Redis. `make run` starts embedded engines and sets these when they are unset.
DATABASE_URL = env_url(
    "DATABASE_URL", "postgres://postgres@127.0.0.1:5432/sipd", {"postgres", "postgresql", "pgsql"}
)
DATABASES = {
    "default": dj_database_url.parse(
        DATABASE_URL,
        conn_max_age=env_int("DB_CONN_MAX_AGE", 60, minimum=0),
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env_url("REDIS_URL", "redis://127.0.0.1:6379/0", {"redis", "rediss", "unix"})
# Redis down: the cache misses instead of failing (sipd/cache.py) and pages keep serving.
REDIS_TIMEOUT = env_int("REDIS_TIMEOUT_MS", 500, minimum=50) / 1000
CACHES = {
    "default": {
        "BACKEND": "sipd.cache.RedisCacheTahanGangguan",
        "LOCATION": REDIS_URL,
        "KEY_PREFIX": "sipd",
        "TIMEOUT": 300,
        "OPTIONS": {"socket_connect_timeout": REDIS_TIMEOUT, "socket_timeout": REDIS_TIMEOUT},
    }
}
SESSION_ENGINE = "django.contrib.sessions.backends.db"
SESSION_COOKIE_AGE = env_int("SESSION_IDLE_SECONDS", 30 * 60, minimum=60)
SESSION_SAVE_EVERY_REQUEST = True  # the age above becomes an idle timeout
SESSION_EXPIRE_AT_BROWSER_CLOSE = True

# Celery
CELERY_BROKER_URL = REDIS_URL
CELERY_RESULT_BACKEND = REDIS_URL
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_TIME_LIMIT = env_int("CELERY_TASK_TIME_LIMIT", 600, minimum=10)
CELERY_TASK_SOFT_TIME_LIMIT = CELERY_TASK_TIME_LIMIT - 5
CELERY_TASK_ALWAYS_EAGER = False
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# A job whose worker died (acks_late: never acknowledged) goes back to the queue after this many seconds.
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": env_int("CELERY_VISIBILITY_TIMEOUT", CELERY_TASK_TIME_LIMIT * 2, minimum=5),
    "socket_connect_timeout": REDIS_TIMEOUT * 4,
    # Look for such jobs every 10 s (kombu's default looks every ~100 s).
    "unacked_restore_interval": 10,
    "unacked_restore_throttle": 1,
}
# Redis down: enqueueing gives up quickly (sipd.tasks.antre_setelah_commit logs it, a sweeper retries).
CELERY_TASK_PUBLISH_RETRY_POLICY = {
    "max_retries": 2,
    "interval_start": 0,
    "interval_step": 0.2,
    "interval_max": 0.5,
}
# apply_async first subscribes to the task's result in Redis; Celery's default retries that 20 times a second
# apart, so with Redis down a request would hang ~20 s. Give up as quickly as the publish above.
CELERY_RESULT_BACKEND_TRANSPORT_OPTIONS = {"retry_policy": CELERY_TASK_PUBLISH_RETRY_POLICY}
# Unsent notification email older than this is enqueued again (Redis was down, or the job was lost).
SIPD_EMAIL_ULANG_DETIK = env_int("EMAIL_RETRY_SECONDS", 300, minimum=1)
CELERY_TIMEZONE = "Asia/Jakarta"
CELERY_TASK_DEFAULT_QUEUE = env_str("CELERY_QUEUE", "sipd")
# Periodic jobs (celery beat); each app adds its entries here.
CELERY_BEAT_SCHEDULE = {
    "kirim-email-tertunda": {"task": "sipd.tasks.kirim_email_tertunda", "schedule": SIPD_EMAIL_ULANG_DETIK},
    "bersihkan-laporan": {"task": "sipd.tasks.bersihkan_laporan", "schedule": 6 * 3600},
    # The access log keeps SIPD_AKSES_RETENSI_HARI days; older rows go in one DELETE each night.
    "bersihkan-catatan-akses": {
        "task": "sipd.tasks.bersihkan_catatan_akses",
        "schedule": crontab(hour=2, minute=15),
    },
    # kinerja: every score recomputed nightly (edits recompute their OPD within a minute anyway).
    "kinerja-hitung-ulang-semua-skor": {
        "task": "kinerja.tasks.hitung_ulang_semua_skor",
        "schedule": crontab(hour=1, minute=30),
    },
    # Decrees that start later get their duty assignments on the day they start.
    "bencana-penugasan-status-mulai": {"task": "bencana.tasks.penugasan_status_mulai", "schedule": 15 * 60},
    "bencana-pengingat-laporan-harian": {
        "task": "bencana.tasks.pengingat_laporan_harian",
        "schedule": 60 * 60,
    },
}

# Auth
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "beranda"
LOGOUT_REDIRECT_URL = "login"

# Lock by username and address together: one office behind a NAT is not locked out by one user.
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5, minimum=1)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("AXES_COOLOFF_MINUTES", 30, minimum=1))
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/terkunci.html"
AXES_IPWARE_META_PRECEDENCE_ORDER = env_list("AXES_IP_HEADERS", ["REMOTE_ADDR"])
# The access log (sipd.audit.CatatanAkses): rows older than this many days are deleted every night.
SIPD_AKSES_RETENSI_HARI = env_int("SIPD_AKSES_RETENSI_HARI", 365, minimum=1)

# i18n: Indonesian first, English through Django's i18n.
LANGUAGE_CODE = "id"
LANGUAGES = [("id", "Bahasa Indonesia"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Jakarta"
USE_I18N = True
USE_TZ = True
USE_THOUSAND_SEPARATOR = True
FORMAT_MODULE_PATH = ["sipd.formats"]

# Static and media: everything served by the portal itself (intranet, no CDN).
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / ".data" / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / ".data" / "media")))
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
SIPD_UPLOAD_MAX_BYTES = env_int("UPLOAD_MAX_MB", 20, minimum=1) * 1024 * 1024

AWS_STORAGE_BUCKET_NAME = env_str("S3_BUCKET", "")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
if AWS_STORAGE_BUCKET_NAME:
    STORAGES["default"] = {"BACKEND": "storages.backends.s3.S3Storage"}
    AWS_S3_ENDPOINT_URL = env_str("S3_ENDPOINT_URL", "") or None
    AWS_S3_REGION_NAME = env_str("S3_REGION", "") or None
    AWS_ACCESS_KEY_ID = env_str("S3_ACCESS_KEY", "")
    AWS_SECRET_ACCESS_KEY = env_str("S3_SECRET_KEY", "")
    AWS_DEFAULT_ACL = None
    AWS_QUERYSTRING_AUTH = True
    AWS_S3_FILE_OVERWRITE = False

# Email: console in development; SMTP when EMAIL_HOST is set.
EMAIL_HOST = env_str("EMAIL_HOST", "")
EMAIL_BACKEND = (
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
)
EMAIL_PORT = env_int("EMAIL_PORT", 587, minimum=1, maximum=65535)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
EMAIL_TIMEOUT = 20
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "SIPD <noreply@sipd.local>")

# Security. Production is simply DEBUG=false: every flag below follows it unless overridden.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0 if DEBUG else 31536000, minimum=0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", not DEBUG)
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SESSION_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SILENCED_SYSTEM_CHECKS = env_list("SILENCED_SYSTEM_CHECKS", [])

# No inline script or style anywhere: every asset is a file the portal serves.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
    }
}

# API
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.SessionAuthentication",
        "rest_framework.authentication.TokenAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["sipd.api.permissions.RolePermission"],
    "DEFAULT_FILTER_BACKENDS": [
        "django_filters.rest_framework.DjangoFilterBackend",
        "rest_framework.filters.SearchFilter",
        "rest_framework.filters.OrderingFilter",
    ],
    "DEFAULT_PAGINATION_CLASS": "sipd.api.pagination.Pagination",
    "PAGE_SIZE": 50,
    "DEFAULT_SCHEMA_CLASS": "sipd.api.schema.AutoSchema",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "SIPD API",
    "DESCRIPTION": "API portal kinerja Pemerintah Daerah",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    "SERVE_PERMISSIONS": ["rest_framework.permissions.IsAuthenticated"],
    # Choice sets whose field names ("jenis", "status") other apps use too: named once here.
    "ENUM_NAME_OVERRIDES": {
        "JenisPerubahanEnum": "kinerja.choices.JenisPerubahan",
        "StatusRencanaEnum": "kinerja.choices.StatusRencana",
    },
}

# Domain settings (DOMAIN.md names the defaults).
# Roles that may see NIK, NIP and wage of pegawai unmasked.
SIPD_PERAN_DATA_PRIBADI = env_list("SIPD_PERAN_DATA_PRIBADI", ["admin", "kepegawaian"])
# Report files: render time and memory limits per task, and how long files are kept.
SIPD_LAPORAN_BATAS_DETIK = env_int("SIPD_LAPORAN_BATAS_DETIK", 300, minimum=10)
SIPD_LAPORAN_MAKS_MEMORI_MB = env_int("SIPD_LAPORAN_MAKS_MEMORI_MB", 3072, minimum=256)
SIPD_LAPORAN_RETENSI_HARI = env_int("SIPD_LAPORAN_RETENSI_HARI", 30, minimum=1)
# Long PDF reports are cut into sections of this many rows, rendered by parallel tasks.
SIPD_LAPORAN_BARIS_PER_BAGIAN = env_int("SIPD_LAPORAN_BARIS_PER_BAGIAN", 500, minimum=50)
# Report jobs still waiting in the queue after this many seconds are sent again by beat (Redis was down when
# they were asked for, or their message was lost); a job sent twice is made once.
SIPD_LAPORAN_ULANG_DETIK = env_int("SIPD_LAPORAN_ULANG_DETIK", 120, minimum=1)
CELERY_BEAT_SCHEDULE["laporan-antre-ulang"] = {
    "task": "sipd.tasks.antre_ulang_laporan",
    "schedule": SIPD_LAPORAN_ULANG_DETIK,
}
# OPD roles that may submit (ajukan) a triwulan report to Bappeda: the Kepala OPD, or also the operator.
SIPD_PENGAJUAN_OLEH = env_list("SIPD_PENGAJUAN_OLEH", ["kepala_opd"])
if not set(SIPD_PENGAJUAN_OLEH) <= {"kepala_opd", "operator_opd"} or not SIPD_PENGAJUAN_OLEH:
    raise ImproperlyConfigured("SIPD_PENGAJUAN_OLEH: kepala_opd dan/atau operator_opd")
# Public IKM questionnaire: answers accepted per network address per survey per hour (anti-spam).
SIPD_IKM_BATAS_PER_JAM = env_int("SIPD_IKM_BATAS_PER_JAM", 30, minimum=1)

# Capaian (DOMAIN.md §3): the formula for negative polarity, the cap before roll-up averages, the predikat
# scale (lower bound:label from the highest band down; the last band has no bound) and how long edits are
# gathered into one recompute of the scores.
SIPD_CAPAIAN_NEGATIF = env_choice("SIPD_CAPAIAN_NEGATIF", "2T-R", {"2T-R", "T/R"})
SIPD_BATAS_CAPAIAN = env_int("SIPD_BATAS_CAPAIAN", 120, minimum=100, maximum=1000)
SIPD_PREDIKAT = parse_skala_predikat(
    env_list("SIPD_PREDIKAT", ["91:Sangat Tinggi", "76:Tinggi", "66:Sedang", "51:Rendah", ":Sangat Rendah"])
)
SIPD_SKOR_JEDA_DETIK = env_int("SIPD_SKOR_JEDA_DETIK", 60, minimum=1, maximum=3600)
SIPD_DASBOR_CACHE_DETIK = env_int("SIPD_DASBOR_CACHE_DETIK", 900, minimum=0)
# The disaster agency (BPBD): the OPD whose singkatan or kode this names manages disaster data.
SIPD_OPD_BPBD = env_str("SIPD_OPD_BPBD", "BPBD")
# Karawang Perbup rule: a status decree assigns every active OPD head as Kepala Pelaksana BPBD on duty.
SIPD_BENCANA_PENUGASAN_OTOMATIS = env_bool("SIPD_BENCANA_PENUGASAN_OTOMATIS", True)
# Hour of the day (local time) when assignees without today's daily report are reminded.
SIPD_BENCANA_JAM_PENGINGAT = env_int("SIPD_BENCANA_JAM_PENGINGAT", 16, minimum=0, maximum=23)
# SLA between units (sla/): working hours of the SLA clock as ISO weekday ranges (1 = Monday); weekdays not
# named are days off. Checked at start-up (sla/checks.py).
SIPD_SLA_JAM_KERJA = env_list("SIPD_SLA_JAM_KERJA", ["1-4=07:30-16:00", "5=07:30-16:30"])
# Hours before the due time when the provider is reminded.
SIPD_SLA_PENGINGAT_JAM = env_int("SIPD_SLA_PENGINGAT_JAM", 4, minimum=1, maximum=240)
# Largest attachment of a service request (MB), and the file types accepted (checked by content).
SIPD_SLA_LAMPIRAN_MAX_BYTES = env_int("SIPD_SLA_LAMPIRAN_MAX_MB", 10, minimum=1, maximum=100) * 1024 * 1024
SIPD_SLA_LAMPIRAN_TIPE = env_list(
    "SIPD_SLA_LAMPIRAN_TIPE", ["pdf", "jpg", "png", "docx", "xlsx", "odt", "ods"]
)
# Weight (percent) of SLA compliance in the OPD performance score; 0 leaves it out.
SIPD_SLA_BOBOT_SKOR = env_int("SIPD_SLA_BOBOT_SKOR", 0, minimum=0, maximum=100)

# SLA: reminders before the due time, breach flags and escalation at it.
CELERY_BEAT_SCHEDULE["sla-periksa-tenggat"] = {"task": "sla.tasks.periksa_tenggat", "schedule": 300.0}

LOG_LEVEL = env_choice("LOG_LEVEL", "INFO", {"DEBUG", "INFO", "WARNING", "ERROR"})
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
    "loggers": {name: {"level": "WARNING"} for name in ("axes", "fontTools", "weasyprint")},
}


# Audit trail in PostgreSQL triggers: bulk updates and raw SQL are recorded too.
import pghistory  # noqa: E402

PGHISTORY_DEFAULT_TRACKERS = (pghistory.InsertEvent(), pghistory.UpdateEvent(), pghistory.DeleteEvent())
PGHISTORY_OBJ_FIELD = pghistory.ObjForeignKey(db_index=True)
