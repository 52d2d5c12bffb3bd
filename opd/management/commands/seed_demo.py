import inspect
from importlib import import_module
from importlib.util import find_spec

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand

from opd import demo, klaim_demo


class Command(BaseCommand):
    help = (
        "Isi data demo Kabupaten Sukamaju (fiktif): profil Pemda, perangkat daerah dan unit, kecamatan, "
        "±1.500 pegawai, akun demo per peran, RPJMD 2025–2029 dengan indikator, target, pagu dan realisasi "
        "2025. Aman dijalankan ulang: hanya menulis yang berbeda. --scale large menambah data uji beban "
        "(5.000 indikator, ±100.000 realisasi)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--scale", choices=["demo", "large"], default="demo")

    def handle(self, *args, scale="demo", **options):
        demo.seed(stdout=self.stdout)
        klaim_demo.seed(stdout=self.stdout)
        # Each domain app adds its demo data through `<app>/demo.py: seed(stdout=...)` (opd imports no app).
        for config in apps.get_app_configs():
            if (
                config.name != "opd"
                and config.path.startswith(str(settings.BASE_DIR))
                and find_spec(f"{config.name}.demo") is not None
            ):
                seed = import_module(f"{config.name}.demo").seed
                # --scale large reaches the apps whose seed takes it (kinerja: the benchmark data set).
                kwargs = {"scale": scale} if "scale" in inspect.signature(seed).parameters else {}
                seed(stdout=self.stdout, **kwargs)
        self.stdout.write(demo.tabel_akun())  # last: every app's accounts are there by now
