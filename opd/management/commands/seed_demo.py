from django.core.management.base import BaseCommand

from kinerja import demo_inovasi
from opd import demo


class Command(BaseCommand):
    help = (
        "Isi data demo Kabupaten Sukamaju (fiktif): profil Pemda, perangkat daerah dan unit, kecamatan, "
        "±1.500 pegawai, dan akun demo per peran. Aman dijalankan ulang: hanya menulis yang berbeda."
    )

    def handle(self, *args, **options):
        demo.seed(stdout=self.stdout)
        demo_inovasi.seed(stdout=self.stdout)
