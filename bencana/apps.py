from django.apps import AppConfig


class BencanaConfig(AppConfig):
    name = "bencana"
