"""Reads of BPJS claims, through the access layer, and the warnings a claim page shows."""

from __future__ import annotations

import datetime

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from opd import calculations
from opd.klaim_choices import ProgramBpjs, StatusKlaim
from opd.models import KlaimBpjs, Pegawai
from sipd.formatting import format_rupiah

PERINGATAN_KEDALUWARSA_HARI = 90


def klaim_list(user, *, tahun: int | None = None):
    qs = (
        KlaimBpjs.objects.visible_to(user)
        .select_related("pegawai", "pegawai__opd")
        .annotate(
            jumlah_ahli_waris=Count("ahli_waris", distinct=True),
            jumlah_dokumen=Count("dokumen", distinct=True),
        )
        .order_by("-waktu_kejadian", "-pk")
    )
    if tahun:
        qs = qs.filter(waktu_kejadian__year=tahun)
    return qs


def register_tahun(tahun: int):
    """Every claim of a year, for the register (asked for only by the roles that see every claim)."""
    return (
        KlaimBpjs.objects.filter(waktu_kejadian__year=tahun)
        .select_related("pegawai", "pegawai__opd")
        .order_by("waktu_kejadian", "pk")
    )


def tahun_klaim(user) -> list[int]:
    return sorted(
        {d.year for d in KlaimBpjs.objects.visible_to(user).dates("waktu_kejadian", "year")}
        | {timezone.localdate().year},
        reverse=True,
    )


def pegawai_bisa_diklaim(user):
    """Non-ASN staff the user may prepare a claim for (PNS/PPPK are Taspen's)."""
    return Pegawai.objects.visible_to(user).filter(status="non_asn").select_related("opd").order_by("nama")


def _jam(delta: datetime.timedelta) -> str:
    return f"{int(delta.total_seconds() // 3600)}"


def tenggat(klaim: KlaimBpjs, sekarang: datetime.datetime | None = None) -> dict:
    """JKK stage-I report deadline (2×24 hours) and the 5-year lapse of the right to claim."""
    sekarang = sekarang or timezone.now()
    hasil = {"kedaluwarsa": calculations.tanggal_kedaluwarsa(timezone.localdate(klaim.waktu_kejadian))}
    if klaim.program == ProgramBpjs.JKK:
        batas = calculations.batas_laporan_tahap_1(klaim.waktu_kejadian)
        hasil["batas_tahap_1"] = batas
        if klaim.laporan_tahap_1 is None:
            hasil["tahap_1"] = "terlewat" if sekarang > batas else "menunggu"
        else:
            hasil["tahap_1"] = "terlambat" if klaim.laporan_tahap_1 > batas else "tepat"
    return hasil


def peringatan(klaim: KlaimBpjs, *, lihat_nominal: bool, sekarang=None) -> list[str]:
    """What the claim page warns about. Amounts only for roles that see the wage (48 × wage reveals it)."""
    sekarang = sekarang or timezone.now()
    t = tenggat(klaim, sekarang)
    pesan = []
    if t.get("tahap_1") == "terlewat":
        pesan.append(
            _("Laporan kecelakaan tahap I belum dikirim dan batas 2×24 jam (%(batas)s) sudah lewat.")
            % {"batas": date_format(timezone.localtime(t["batas_tahap_1"]), "j F Y H.i")}
        )
    elif t.get("tahap_1") == "terlambat":
        pesan.append(_("Laporan kecelakaan tahap I dikirim melewati batas 2×24 jam."))
    elif t.get("tahap_1") == "menunggu":
        pesan.append(
            _("Kirim laporan kecelakaan tahap I sebelum %(batas)s (sisa %(jam)s jam).")
            % {
                "batas": date_format(timezone.localtime(t["batas_tahap_1"]), "j F Y H.i"),
                "jam": _jam(t["batas_tahap_1"] - sekarang),
            }
        )
    if klaim.status == StatusKlaim.DISIAPKAN:
        sisa = (t["kedaluwarsa"] - timezone.localdate(sekarang)).days
        if sisa <= 0:
            pesan.append(
                _("Hak klaim kedaluwarsa sejak %(tgl)s (5 tahun sejak kejadian).")
                % {"tgl": date_format(t["kedaluwarsa"], "j F Y")}
            )
        elif sisa <= PERINGATAN_KEDALUWARSA_HARI:
            pesan.append(
                _("Hak klaim kedaluwarsa pada %(tgl)s (%(hari)s hari lagi).")
                % {"tgl": date_format(t["kedaluwarsa"], "j F Y"), "hari": sisa}
            )
    if lihat_nominal and klaim.jumlah_dibayar is not None:
        selisih = calculations.selisih_santunan(klaim.program, klaim.upah_bpjs, klaim.jumlah_dibayar)
        if selisih:
            hitung = calculations.santunan_kematian(klaim.program, klaim.upah_bpjs).total
            pesan.append(
                _(
                    "Jumlah dibayar %(dicatat)s berbeda dari hitungan PP 82/2019 %(hitung)s "
                    "(selisih %(selisih)s)."
                )
                % {
                    "dicatat": format_rupiah(klaim.jumlah_dibayar),
                    "hitung": format_rupiah(hitung),
                    "selisih": format_rupiah(selisih),
                }
            )
    return pesan


def rekap_status(queryset) -> dict[str, int]:
    return queryset.aggregate(
        total=Count("pk"), **{s: Count("pk", filter=Q(status=s)) for s in StatusKlaim.values}
    )
