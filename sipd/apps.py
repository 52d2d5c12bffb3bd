from django.apps import AppConfig


class SipdConfig(AppConfig):
    name = "sipd"
    verbose_name = "Platform"
