"""Produce a report from the command line (scheduled jobs): the same builders the portal's Celery jobs use."""

import time
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from opd.models import Opd
from sipd import laporan


class Command(BaseCommand):
    help = "Buat laporan: python manage.py laporan <jenis> --tahun 2025 [--opd KODE] --format pdf --output F"

    def add_arguments(self, parser):
        parser.add_argument("jenis", help="kode jenis laporan; --daftar menampilkan semuanya")
        parser.add_argument("--tahun", type=int)
        parser.add_argument("--triwulan", type=int, choices=[1, 2, 3, 4])
        parser.add_argument("--opd", help="kode unit SIPD atau singkatan OPD")
        parser.add_argument("--format", choices=["pdf", "xlsx"], default="pdf")
        parser.add_argument("--output", required=True, help="berkas tujuan")

    def handle(self, *args, **options):
        if options["jenis"] == "daftar":
            for kode, jenis in sorted(laporan.semua().items()):
                self.stdout.write(
                    f"{kode:32} {jenis.judul} ({', '.join(jenis.format)}; {', '.join(jenis.parameter)})"
                )
            return
        try:
            jenis = laporan.ambil(options["jenis"])
        except ValidationError as exc:
            raise CommandError(" ".join(exc.messages)) from exc
        params = {}
        for nama in (*jenis.parameter, *jenis.opsional):
            nilai = options.get(nama)
            if nilai in (None, "") and nama in jenis.opsional:
                continue
            if nilai in (None, ""):
                raise CommandError(f"--{nama} wajib untuk laporan {jenis.kode}")
            if nama == "opd":
                opd = (
                    Opd.objects.filter(kode=nilai).first()
                    or Opd.objects.filter(singkatan__iexact=nilai).first()
                )
                if opd is None:
                    raise CommandError(f"OPD {nilai} tidak ditemukan")
                nilai = opd.pk
            params[nama] = nilai
        if options["format"] not in jenis.format:
            raise CommandError(f"format {options['format']} tidak tersedia untuk {jenis.kode}")
        output = Path(options["output"])
        sementara = output.with_name(output.name + ".sebagian")
        mulai = time.monotonic()
        try:
            isi = laporan.buat_langsung(jenis.kode, params, options["format"])
        except ValidationError as exc:
            raise CommandError(" ".join(exc.messages)) from exc
        sementara.write_bytes(isi)
        sementara.replace(output)  # never a half-written file at the destination
        self.stdout.write(f"{output} ({len(isi):,} bita, {time.monotonic() - mulai:.1f} s)")
