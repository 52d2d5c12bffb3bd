"""Demo disaster (seed_demo): a flood under a Tanggap Darurat decree, its Perbup assignments partly
acknowledged with daily reports, BPBD accounts, and the JKK claim of a worker hurt on duty. Idempotent:
everything is found again by natural key (usernames, the decree's SK number), so a re-run writes nothing."""

from __future__ import annotations

import datetime

import pghistory
from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone

from bencana import selectors, services
from bencana.choices import StatusKeadaan, UnitTugas
from bencana.models import (
    JenisBencana,
    KejadianBencana,
    KlaimPenugasan,
    LaporanHarian,
    Penugasan,
    StatusDarurat,
)
from opd.demo import DEMO_PASSWORD, DOMAIN_EMAIL
from opd.klaim_choices import ProgramBpjs
from opd.models import KlaimBpjs, Opd, Pegawai, PenugasanPeran
from sipd.models import User
from sipd.roles import Peran

AKUN_BPBD = [("kepala.bpbd", Peran.KEPALA_OPD, "kepala"), ("operator.bpbd", Peran.OPERATOR_OPD, "staf")]
NOMOR_SK = "360/Kep.112-BPBD/{tahun}"
JUDUL = "Banjir Kecamatan {kecamatan}"
# Heads who acknowledged (every OPD but each fifth, by order) and filed reports on the days on duty.
BELUM_SIAP_SETIAP = 5


def _akun(bpbd: Opd) -> list[User]:
    ada = {u.username: u for u in User.objects.filter(username__in=[a[0] for a in AKUN_BPBD])}
    if len(ada) == len(AKUN_BPBD):
        return list(ada.values())
    staf = Pegawai.objects.filter(opd=bpbd, aktif=True, user__isnull=True, status="pns").exclude(
        pk=bpbd.pimpinan.pk if bpbd.pimpinan else None
    )
    hasil = []
    for username, peran, milik in AKUN_BPBD:
        user = ada.get(username)
        if user is None:
            pegawai = bpbd.pimpinan if milik == "kepala" else staf.order_by("nip").first()
            depan, _, belakang = (pegawai.nama if pegawai else username).partition(" ")
            user = User.objects.create(
                username=username, first_name=depan[:150], last_name=belakang[:150],
                email=f"{username}@{DOMAIN_EMAIL}", password=make_password(DEMO_PASSWORD),
            )  # fmt: skip
            PenugasanPeran.objects.create(user=user, peran=peran, opd=bpbd)
            if pegawai is not None and pegawai.user_id is None:
                Pegawai.objects.filter(pk=pegawai.pk).update(user=user)
        hasil.append(user)
    return hasil


def _laporan(penugasan: list[Penugasan], hari_ini: datetime.date) -> None:
    rows = []
    for i, p in enumerate(penugasan):
        if i % BELUM_SIAP_SETIAP == 0 or p.dasar != "otomatis":
            continue
        hari = p.mulai
        while hari < hari_ini:
            rows.append(
                LaporanHarian(
                    penugasan=p,
                    tanggal=hari,
                    kegiatan=f"Koordinasi {p.get_unit_display()} di posko; pendataan dan distribusi bantuan.",
                    hasil="Data pengungsi diperbarui; bantuan tersalurkan ke 2 posko.",
                    kendala="Akses jalan desa tergenang." if i % 3 == 0 else "",
                )  # fmt: skip
            )
            hari += datetime.timedelta(days=1)
    dibuat = LaporanHarian.objects.bulk_create(rows)
    # Reports are sent in the evening of their day; every seventh one the next morning (late).
    for j, lap in enumerate(dibuat):
        jam = datetime.time(8, 30) if j % 7 == 3 else datetime.time(19, 15)
        hari = lap.tanggal + datetime.timedelta(days=1 if j % 7 == 3 else 0)
        lap.dibuat = timezone.make_aware(datetime.datetime.combine(hari, jam))
    LaporanHarian.objects.bulk_update(dibuat, ["dibuat"])


def seed(*, stdout=None) -> StatusDarurat | None:
    """A re-run finds the demo decree by its SK number (one query) and writes nothing."""
    sudah = StatusDarurat.objects.filter(nomor_sk__startswith=NOMOR_SK.split("{")[0]).first()
    if sudah is not None:
        return sudah
    with transaction.atomic():
        return _tulis(stdout)


def _tulis(stdout) -> StatusDarurat | None:
    bpbd = selectors.opd_bpbd()
    hari_ini = selectors.hari_ini()
    nomor = NOMOR_SK.format(tahun=hari_ini.year)
    if bpbd is None:
        return None
    kecamatan = Opd.objects.filter(jenis="kecamatan", aktif=True).order_by("urutan", "kode")[1:2].first()
    admin = User.objects.filter(is_superuser=True).order_by("pk").first()
    if kecamatan is None or admin is None:
        return None
    with pghistory.context(perintah="seed_demo"):
        _akun(bpbd)
        nama = kecamatan.nama.removeprefix("Kecamatan ")
        waktu = timezone.make_aware(
            datetime.datetime.combine(hari_ini - datetime.timedelta(days=3), datetime.time(4, 30))
        )
        kejadian = KejadianBencana.objects.create(
            opd=bpbd, jenis=JenisBencana.objects.get_or_create(nama="Banjir")[0],
            judul=JUDUL.format(kecamatan=nama),
            waktu=waktu, kecamatan=kecamatan, desa=f"{nama}, Mekarsari, Cibeureum",
            lokasi="Bantaran Sungai Cibeureum, RW 03–07", dibuat_oleh=admin,
            uraian="Hujan deras sejak sore menyebabkan Sungai Cibeureum meluap; permukiman di tiga desa "
                   "tergenang 50–150 cm.",
            penyebab="Curah hujan tinggi dan tanggul jebol sepanjang 20 m.",
            upaya="Evakuasi warga ke 4 posko pengungsian, dapur umum, layanan kesehatan, perbaikan tanggul "
                  "darurat.",
            meninggal=1, luka=12, hilang=0, pengungsi=1_240, rumah_rusak_ringan=310, rumah_rusak_sedang=42,
            rumah_rusak_berat=6, fasilitas_rusak=4,
            fasilitas_keterangan="2 sekolah dasar, 1 puskesmas pembantu, 1 jembatan",
        )  # fmt: skip
        status, _hasil = services.buat_status(
            user=admin, kejadian=kejadian, status=StatusKeadaan.TANGGAP, nomor_sk=nomor,
            tanggal_sk=hari_ini - datetime.timedelta(days=2), mulai=hari_ini - datetime.timedelta(days=2),
            selesai=hari_ini + datetime.timedelta(days=11),
        )  # fmt: skip
        penugasan = list(status.penugasan.select_related("opd").order_by("opd__urutan", "opd__kode"))
        siap = [p for i, p in enumerate(penugasan) if i % BELUM_SIAP_SETIAP and p.opd.singkatan != "Dinkes"]
        for i, p in enumerate(siap):
            p.siap = (
                p.dibuat
                - datetime.timedelta(days=2)
                + datetime.timedelta(hours=1 + i % 9, minutes=7 * i % 60)
            )
        Penugasan.objects.bulk_update(siap, ["siap"])
        # Announced when the decree started: back-date so the response times read naturally.
        mulai = timezone.make_aware(datetime.datetime.combine(status.mulai, datetime.time(9, 0)))
        Penugasan.objects.filter(status_darurat=status).update(dibuat=mulai)
        for p in siap:
            p.siap = max(p.siap, mulai + datetime.timedelta(minutes=20))
        Penugasan.objects.bulk_update(siap, ["siap"])
        _laporan([p for p in penugasan if p.opd.singkatan != "Dinkes"], hari_ini)
        _klaim_tugas(admin, status)
    if stdout is not None:
        stdout.write(
            f"  Bencana          : {kejadian.judul}, {status.get_status_display()} "
            f"({len(penugasan)} penugasan); akun {', '.join(a[0] for a in AKUN_BPBD)}\n"
        )
    return status


def _klaim_tugas(admin, status: StatusDarurat) -> None:
    """The demo JKK claim's worker (DPUPR) was on duty in the Sarana & Prasarana cluster."""
    klaim = KlaimBpjs.objects.filter(program=ProgramBpjs.JKK, pegawai__opd__singkatan="DPUPR").first()
    if klaim is None or KlaimPenugasan.objects.filter(klaim=klaim).exists():
        return
    penugasan = services.tambah_penugasan(
        user=admin, status=status, pegawai=klaim.pegawai, unit=UnitTugas.KLASTER_SARPRAS,
        sebutan="Anggota tim perbaikan tanggul", mulai=status.mulai, selesai=status.berakhir,
    )  # fmt: skip
    services.tautkan_klaim(user=admin, penugasan=penugasan, klaim=klaim)
