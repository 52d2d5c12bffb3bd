from django.apps import AppConfig


class SipdConfig(AppConfig):
    name = "sipd"
    verbose_name = "Platform"

    def ready(self):
        from sipd import signals  # noqa: F401 - connects the receivers
