from django.core.management.base import BaseCommand

from opd import demo
from sla import demo as sla_demo


class Command(BaseCommand):
    help = (
        "Isi data demo Kabupaten Sukamaju (fiktif): profil Pemda, perangkat daerah dan unit, kecamatan, "
        "±1.500 pegawai, akun demo per peran, dan SLA antar perangkat daerah beserta permohonannya. "
        "Aman dijalankan ulang: hanya menulis yang berbeda."
    )

    def handle(self, *args, **options):
        demo.seed(stdout=self.stdout)
        sla_demo.seed(stdout=self.stdout)
