"""Demo BPJS claims (seed_demo): a paid JKM claim and a JKK claim being prepared. Idempotent."""

from __future__ import annotations

import datetime

from django.db import transaction
from django.utils import timezone

from opd.klaim_choices import HubunganAhliWaris, ProgramBpjs, StatusKlaim
from opd.models import AhliWaris, KlaimBpjs, Pegawai

# (OPD singkatan, program, days ago, place, cause, heirs: (name, relationship))
KLAIM_DEMO = [
    ("Dinkes", ProgramBpjs.JKM, 40, "RSUD Sukamaju", "Meninggal karena sakit jantung.",
     [("Sri Wahyuni", HubunganAhliWaris.SUAMI_ISTRI), ("Dimas Pratama", HubunganAhliWaris.ANAK)]),
    ("DPUPR", ProgramBpjs.JKK, 1, "Tanggul Sungai Cibeureum, Desa Sukamaju",
     "Terseret arus saat memperkuat tanggul dengan karung pasir pada tanggap darurat banjir.",
     [("Ibu Kartini", HubunganAhliWaris.ORANG_TUA)]),
]  # fmt: skip
NIK_WARIS = ["3299016507800001", "3299011203050002", "3299014408650003"]


def _pegawai(singkatan: str) -> Pegawai | None:
    return (
        Pegawai.objects.filter(opd__singkatan=singkatan, status="non_asn", aktif=True, user__isnull=True)
        .order_by("nik")
        .first()
    )


def seed(*, stdout=None) -> list[KlaimBpjs]:
    """One claim per row above, found again by (pegawai, program, cause): a re-run writes nothing."""
    ada = list(KlaimBpjs.objects.filter(penyebab__in=[row[4] for row in KLAIM_DEMO]))
    if len(ada) == len(KLAIM_DEMO):
        return ada
    with transaction.atomic():
        return _tulis(stdout)


def _tulis(stdout) -> list[KlaimBpjs]:
    hasil, nik = [], iter(NIK_WARIS)
    sekarang = timezone.localtime().replace(minute=0, second=0, microsecond=0)
    for singkatan, program, hari, tempat, penyebab, waris in KLAIM_DEMO:
        pegawai = _pegawai(singkatan)
        if pegawai is None:
            continue
        waktu = sekarang.replace(hour=10) - datetime.timedelta(days=hari)
        klaim, baru = KlaimBpjs.objects.get_or_create(
            pegawai=pegawai, program=program, penyebab=penyebab,
            defaults={"waktu_kejadian": waktu, "tanggal_meninggal": waktu.date(), "tempat_kejadian": tempat,
                      "upah_bpjs": pegawai.upah_bpjs or 0},
        )  # fmt: skip
        if baru:
            for nama, hubungan in waris:
                AhliWaris.objects.create(klaim=klaim, nama=nama, nik=next(nik), hubungan=hubungan)
            if program == ProgramBpjs.JKM:
                tgl = waktu.date()
                KlaimBpjs.objects.filter(pk=klaim.pk).update(
                    status=StatusKlaim.DIBAYAR, tanggal_diajukan=tgl + datetime.timedelta(days=5),
                    tanggal_diverifikasi=tgl + datetime.timedelta(days=12),
                    tanggal_dibayar=tgl + datetime.timedelta(days=20), jumlah_dibayar=42_000_000,
                )  # fmt: skip
        hasil.append(klaim)
    if stdout is not None:
        stdout.write(f"  Klaim BPJS       : {len(hasil)} klaim demo (JKM dibayar, JKK disiapkan)\n")
    return hasil
