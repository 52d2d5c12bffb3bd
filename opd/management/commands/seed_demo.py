from importlib import import_module
from importlib.util import find_spec

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand

from opd import demo, klaim_demo


class Command(BaseCommand):
    help = (
        "Isi data demo Kabupaten Sukamaju (fiktif): profil Pemda, perangkat daerah dan unit, kecamatan, "
        "±1.500 pegawai, akun demo per peran, dan SLA antar perangkat daerah beserta permohonannya. "
        "Aman dijalankan ulang: hanya menulis yang berbeda."
    )

    def handle(self, *args, **options):
        demo.seed(stdout=self.stdout)
        klaim_demo.seed(stdout=self.stdout)
        # Each domain app adds its demo data through `<app>/demo.py: seed(stdout=...)` (opd imports no app).
        for config in apps.get_app_configs():
            if (
                config.name != "opd"
                and config.path.startswith(str(settings.BASE_DIR))
                and find_spec(f"{config.name}.demo") is not None
            ):
                import_module(f"{config.name}.demo").seed(stdout=self.stdout)
