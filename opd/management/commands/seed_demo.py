from django.core.management.base import BaseCommand

from kinerja import demo as kinerja_demo
from opd import demo


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
        kinerja_demo.seed(stdout=self.stdout, skala="besar" if scale == "large" else "demo")
