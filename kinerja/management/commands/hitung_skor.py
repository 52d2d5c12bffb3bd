import time

from django.core.management.base import BaseCommand, CommandError

from kinerja.services.skor import hitung_skor, tahun_dengan_periode
from opd.models import Opd


class Command(BaseCommand):
    help = "Hitung ulang skor kinerja (capaian, predikat, kelengkapan, serapan) sekarang."

    def add_arguments(self, parser):
        parser.add_argument(
            "--tahun", type=int, action="append", help="tahun (boleh berulang); bawaan: semua"
        )
        parser.add_argument("--opd", type=int, action="append", help="id OPD (boleh berulang); bawaan: semua")

    def handle(self, *args, tahun=None, opd=None, **options):
        if tahun and not set(tahun) <= set(tahun_dengan_periode()):
            raise CommandError(
                f"Tahun di luar periode RPJMD: {sorted(set(tahun) - set(tahun_dengan_periode()))}"
            )
        if opd and Opd.objects.filter(pk__in=opd).count() != len(set(opd)):
            raise CommandError("OPD tidak ditemukan.")
        mulai = time.perf_counter()
        ditulis = hitung_skor(tahun=tahun, opd_ids=opd)
        self.stdout.write(
            self.style.SUCCESS(
                f"Skor dihitung dalam {time.perf_counter() - mulai:.2f} detik: "
                f"{ditulis['indikator']} baris indikator, {ditulis['ringkasan']} baris ringkasan ditulis."
            )
        )
