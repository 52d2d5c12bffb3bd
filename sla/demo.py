"""Demo SLAs for Kabupaten Sukamaju: a catalogue, agreements in every state, and a year of requests.

Deterministic (fixed dates in 2026, a seeded random generator) and idempotent: rows are keyed by SLA number
and version and by request subject; a second run reads two tables and writes nothing. The requests are
written directly with the clock computed by the same pure functions the services use (no notifications).
"""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

from django.contrib.auth.hashers import make_password
from django.db import transaction

from opd.choices import JenisOpd
from opd.demo import DEMO_PASSWORD, DOMAIN_EMAIL
from opd.models import Opd, Pegawai, PenugasanPeran
from sipd.models import User
from sipd.roles import Peran
from sla.calculations import Jam, tambah_waktu_kerja
from sla.choices import JenisPeristiwa, Pihak, SatuanWaktu, StatusPermohonan, StatusSla
from sla.models import JedaPermohonan, Layanan, Peristiwa, Permohonan, Sla, TandaTangan
from sla.selectors import kalender_kerja

SEED = 4347
WIB = dt.timezone(dt.timedelta(hours=7))
HK, JK = SatuanWaktu.HARI_KERJA, SatuanWaktu.JAM_KERJA
# Heads who sign SLAs in the demo and have no account in opd/demo.py.
AKUN_KEPALA = [("kepala.diskominfo", "Diskominfo"), ("kepala.bkpsdm", "BKPSDM")]

LAYANAN = {
    "Diskominfo": [
        (
            "Pembuatan subdomain dan hosting aplikasi",
            "Subdomain *.sukamaju.go.id, sertifikat TLS, ruang server.",
        ),
        ("Pemasangan jaringan internet kantor", "Titik akses dan kabel jaringan di kantor perangkat daerah."),
    ],
    "BKPSDM": [
        (
            "Penerbitan surat keterangan kepegawaian",
            "Surat keterangan aktif, riwayat jabatan, hukuman disiplin.",
        ),
        ("Rekomendasi mutasi antar-perangkat daerah", ""),
    ],
    "DPUPR": [
        ("Rekomendasi teknis bangunan gedung", "Kajian teknis untuk pembangunan atau rehabilitasi gedung."),
        ("Perbaikan ringan gedung kantor", ""),
    ],
    "Dinkes": [
        ("Pemeriksaan kesehatan pegawai", "Pemeriksaan kesehatan calon pejabat dan pegawai pindahan.")
    ],
}

# (key, provider, service, receivers ("semua" or singkatan list), requirements, standard, unit, output,
#  versions: [(version, status, signed on, standard override)]).
SLA = [
    (
        "DISKOMINFO/2026/001",
        "Diskominfo",
        "Pembuatan subdomain dan hosting aplikasi",
        "semua",
        [
            "Surat permohonan kepala perangkat daerah",
            "Dokumen kebutuhan aplikasi",
            "Nama penanggung jawab teknis",
        ],
        3,
        HK,
        "Subdomain aktif dan akun hosting",
        [(1, StatusSla.BERLAKU, dt.date(2026, 1, 12), None)],
    ),
    (
        "BKPSDM/2026/001",
        "BKPSDM",
        "Penerbitan surat keterangan kepegawaian",
        "semua",
        ["Surat permohonan", "Salinan SK terakhir pegawai"],
        5,
        HK,
        "Surat keterangan bertanda tangan elektronik",
        [(1, StatusSla.BERLAKU, dt.date(2026, 1, 20), None)],
    ),
    (
        "DPUPR/2026/001",
        "DPUPR",
        "Rekomendasi teknis bangunan gedung",
        ["Dinkes"],
        ["Surat permohonan", "Gambar rencana", "Rencana anggaran biaya", "Foto kondisi bangunan"],
        10,
        HK,
        "Surat rekomendasi teknis",
        [(1, StatusSla.DIGANTI, dt.date(2026, 2, 2), None), (2, StatusSla.BERLAKU, dt.date(2026, 6, 1), 8)],
    ),
    (
        "DINKES/2026/001",
        "Dinkes",
        "Pemeriksaan kesehatan pegawai",
        ["BKPSDM"],
        ["Surat pengantar BKPSDM", "Daftar nama pegawai"],
        16,
        JK,
        "Surat keterangan sehat",
        [(1, StatusSla.BERLAKU, dt.date(2026, 2, 10), None)],
    ),
    (
        "DISKOMINFO/2026/002",
        "Diskominfo",
        "Pemasangan jaringan internet kantor",
        ["Dinkes", "DPUPR"],
        ["Surat permohonan", "Denah ruangan"],
        5,
        HK,
        "Jaringan terpasang dan berita acara",
        [(1, StatusSla.DIAJUKAN, None, None)],
    ),
    (
        "DPUPR/2026/002",
        "DPUPR",
        "Perbaikan ringan gedung kantor",
        "semua",
        ["Surat permohonan", "Foto kerusakan"],
        7,
        HK,
        "Berita acara perbaikan",
        [(1, StatusSla.DRAF, None, None)],
    ),
]

PERIHAL = {
    "Pembuatan subdomain dan hosting aplikasi": ["Subdomain dan hosting", "Pemindahan hosting"],
    "Penerbitan surat keterangan kepegawaian": ["Surat keterangan aktif bekerja", "Surat riwayat jabatan"],
    "Rekomendasi teknis bangunan gedung": [
        "Rekomendasi teknis rehabilitasi",
        "Rekomendasi teknis pembangunan",
    ],
    "Pemeriksaan kesehatan pegawai": ["Pemeriksaan kesehatan"],
}
OBJEK = {
    "Pembuatan subdomain dan hosting aplikasi": [
        "aplikasi antrean pelayanan",
        "portal data sektoral",
        "sistem informasi perizinan",
        "aplikasi pengaduan",
        "laman PPID",
        "aplikasi e-arsip",
    ],
    "Penerbitan surat keterangan kepegawaian": [
        "untuk pengajuan KPR",
        "untuk tugas belajar",
        "untuk seleksi jabatan",
        "untuk kenaikan pangkat",
    ],
    "Rekomendasi teknis bangunan gedung": [
        "Puskesmas Sukamaju",
        "Puskesmas Cibening",
        "Puskesmas Tanjungsari",
        "gudang farmasi",
        "Labkesda",
        "Puskesmas Pembantu Mekarjaya",
    ],
    "Pemeriksaan kesehatan pegawai": [
        "calon pejabat administrator",
        "pegawai pindahan",
        "calon pejabat pengawas",
        "PPPK formasi 2026",
    ],
}
PEMOHON_SEMUA = ["Dinkes", "DPUPR", "Bappeda", "BPKAD", "Disdukcapil", "Dishub", "DLH", "Dinsos"]
JUMLAH_PERMOHONAN = 120


def _nomor(key: str) -> str:
    return f"SLA/{key}"


def _akun(opd: dict[str, Opd]) -> dict[str, User]:
    """Accounts of the heads who sign, linked to their Pegawai rows (created once)."""
    users = {u.username: u for u in User.objects.filter(username__in=[u for u, _s in AKUN_KEPALA])}
    sandi = None
    for username, singkatan in AKUN_KEPALA:
        if username in users:
            continue
        kepala = Pegawai.objects.get(pk=opd[singkatan].kepala_id)
        first, _sp, last = kepala.nama.partition(" ")
        sandi = sandi or make_password(DEMO_PASSWORD)
        user = User.objects.create(
            username=username,
            password=sandi,
            first_name=first[:150],
            last_name=last[:150],
            email=f"{username}@{DOMAIN_EMAIL}",
        )
        PenugasanPeran.objects.create(user=user, peran=Peran.KEPALA_OPD, opd=opd[singkatan])
        if kepala.user_id is None:
            Pegawai.objects.filter(pk=kepala.pk).update(user=user)
        users[username] = user
    return users


def _penanda(opd: Opd, users_by_pegawai: dict[int, User]) -> User | None:
    return users_by_pegawai.get(opd.kepala_id) or users_by_pegawai.get(opd.pelaksana_id)


def _buat_sla(opd, layanan, kalender) -> dict[tuple[str, int], Sla]:
    setda = Opd.objects.get(jenis=JenisOpd.SEKRETARIAT_DAERAH, induk__isnull=True)
    kepala_ids = [o.kepala_id for o in opd.values() if o.kepala_id] + [setda.kepala_id]
    users_by_pegawai = {
        p.pk: p.user for p in Pegawai.objects.filter(pk__in=kepala_ids).select_related("user")
    }
    rows = {}
    for key, penyedia, nama, penerima, syarat, standar, satuan, keluaran, versi in SLA:
        seri = None
        for nomor_versi, status, ditandatangani, standar_baru in versi:
            mulai = ditandatangani + dt.timedelta(days=3) if ditandatangani else dt.date(2026, 12, 1)
            sla = Sla(
                versi=nomor_versi,
                nomor=_nomor(key),
                layanan=layanan[(penyedia, nama)],
                penyedia=opd[penyedia],
                penerima_semua=penerima == "semua",
                persyaratan=syarat,
                standar_waktu=standar_baru or standar,
                satuan_waktu=satuan,
                keluaran=keluaran,
                berlaku_mulai=mulai,
                ukuran_mutu=[
                    "Tidak ada pengembalian karena kesalahan penyedia",
                    "Keluhan ditanggapi 1 hari kerja",
                ],
                kontak_eskalasi=[
                    {
                        "nama": f"Sekretaris {opd[penyedia].nama}",
                        "jabatan": "Sekretaris",
                        "kontak": f"sekretariat.{penyedia.lower()}@sukamaju.go.id",
                    }
                ],
                status=status,
            )
            if seri:
                sla.seri = seri
            seri = sla.seri
            if status != StatusSla.DRAF:
                sla.diajukan_pada = dt.datetime.combine(
                    ditandatangani or dt.date(2026, 11, 16), dt.time(9), WIB
                )
            if ditandatangani:
                sla.berlaku_pada = dt.datetime.combine(ditandatangani, dt.time(14), WIB)
            sla.save()
            if penerima != "semua":
                sla.penerima.set([opd[s] for s in penerima])
            rows[(key, nomor_versi)] = sla
            if status == StatusSla.DRAF:
                continue
            pihak = [(Pihak.PENYEDIA, opd[penyedia])]
            pihak += (
                [(Pihak.PENERIMA, setda)]
                if penerima == "semua"
                else [(Pihak.PENERIMA, opd[s]) for s in penerima]
            )
            if not ditandatangani:
                pihak = pihak[:1]  # awaiting the receivers' heads
            for urut, (sisi, o) in enumerate(pihak):
                user = _penanda(o, users_by_pegawai)
                pegawai = Pegawai.objects.get(pk=o.kepala_id or o.pelaksana_id)
                if user is None:
                    continue
                TandaTangan.objects.create(
                    sla=sla,
                    pihak=sisi,
                    opd=o,
                    pengguna=user,
                    nama=pegawai.nama,
                    nip=pegawai.nip or "",
                    jabatan=pegawai.jabatan,
                    waktu=dt.datetime.combine(
                        ditandatangani or dt.date(2026, 11, 17), dt.time(9 + urut), WIB
                    ),
                )
    return rows


def _buat_permohonan(opd, sla_rows, kalender) -> int:
    rng = random.Random(SEED)
    berlaku = [
        s
        for s in sla_rows.values()
        if s.status in (StatusSla.BERLAKU, StatusSla.DIGANTI) and s.layanan.nama in PERIHAL
    ]
    permohonan, peristiwa, jeda = [], [], []
    hari_ini = dt.datetime(2026, 11, 23, 9, 0, tzinfo=WIB)
    for n in range(1, JUMLAH_PERMOHONAN + 1):
        sla = rng.choice(berlaku)
        if sla.penerima_semua:
            pilihan = [s for s in PEMOHON_SEMUA if opd[s].pk != sla.penyedia_id]
        else:
            pilihan = list(sla.penerima.values_list("singkatan", flat=True))
        pemohon = opd[rng.choice(pilihan)]
        awal = max(sla.berlaku_pada, dt.datetime(2026, 1, 15, tzinfo=WIB))
        akhir = hari_ini if sla.status == StatusSla.BERLAKU else dt.datetime(2026, 5, 25, tzinfo=WIB)
        tanggal = (awal + (akhir - awal) * ((n - 1) / JUMLAH_PERMOHONAN)).date()
        while not kalender.is_hari_kerja(tanggal):
            tanggal -= dt.timedelta(days=1)
        diajukan = dt.datetime.combine(tanggal, dt.time(7, 45), WIB) + dt.timedelta(
            minutes=rng.randint(0, 420)
        )
        objek = rng.choice(OBJEK[sla.layanan.nama])
        perihal = f"{rng.choice(PERIHAL[sla.layanan.nama])} {objek}"
        p = Permohonan(
            sla=sla,
            penyedia_id=sla.penyedia_id,
            pemohon=pemohon,
            perihal=perihal,
            uraian="Mohon diproses sesuai SLA.",
            standar_waktu=sla.standar_waktu,
            satuan_waktu=sla.satuan_waktu,
            diajukan_pada=diajukan,
            lengkap_pada=diajukan,
        )
        events = [(JenisPeristiwa.DIAJUKAN, diajukan, "")]
        nasib = rng.choices(
            ["selesai", "terlambat", "ditolak", "jeda", "proses", "baru"], [60, 12, 6, 8, 8, 6]
        )[0]
        if diajukan > hari_ini - dt.timedelta(days=10) and nasib in ("selesai", "terlambat"):
            nasib = "proses"
        if nasib == "baru" and diajukan < hari_ini - dt.timedelta(days=5):
            nasib = "selesai"
        if n > JUMLAH_PERMOHONAN - 8:  # the newest: some of every open state
            nasib = ("baru", "kelengkapan", "proses", "proses")[n % 4]
        if nasib == "ditolak":
            p.status, p.ditutup_pada = StatusPermohonan.DITOLAK, diajukan + dt.timedelta(hours=20)
            p.alasan_tolak = "Layanan yang diminta bukan kewenangan penyedia."
            events.append((JenisPeristiwa.DITOLAK, p.ditutup_pada, p.alasan_tolak))
        elif nasib != "baru":
            terima = tambah_waktu_kerja(diajukan, dt.timedelta(hours=rng.randint(1, 6)), kalender=kalender)
            p.mulai, p.status = p.lengkap_pada, StatusPermohonan.DIPROSES
            jam = Jam(mulai=p.mulai, standar=p.standar_waktu, satuan=p.satuan_waktu)
            events.append((JenisPeristiwa.DITERIMA, terima, ""))
            if nasib == "jeda":
                j_mulai = tambah_waktu_kerja(terima, dt.timedelta(hours=2), kalender=kalender)
                j_selesai = tambah_waktu_kerja(
                    j_mulai, dt.timedelta(hours=rng.randint(4, 20)), kalender=kalender
                )
                jeda.append((n, j_mulai, j_selesai, "Rencana anggaran biaya belum ditandatangani."))
                events += [
                    (
                        JenisPeristiwa.KELENGKAPAN_DIMINTA,
                        j_mulai,
                        "Rencana anggaran biaya belum ditandatangani.",
                    ),
                    (JenisPeristiwa.DILENGKAPI, j_selesai, "Terlampir."),
                ]
                jam = Jam(
                    mulai=p.mulai,
                    standar=p.standar_waktu,
                    satuan=p.satuan_waktu,
                    jeda=((j_mulai, j_selesai),),
                )
            p.tenggat = jam.tenggat(kalender)
            if nasib == "kelengkapan":
                j_mulai = tambah_waktu_kerja(terima, dt.timedelta(hours=1), kalender=kalender)
                kurang = "Gambar rencana belum dilampirkan."
                jeda.append((n, j_mulai, None, kurang))
                events.append((JenisPeristiwa.KELENGKAPAN_DIMINTA, j_mulai, kurang))
                p.status = StatusPermohonan.MENUNGGU_KELENGKAPAN
            selesai = None
            if nasib in ("selesai", "jeda"):
                porsi = rng.uniform(0.25, 0.98)
                selesai = p.mulai + (p.tenggat - p.mulai) * porsi
            elif nasib == "terlambat":
                selesai = tambah_waktu_kerja(
                    p.tenggat, dt.timedelta(hours=rng.randint(2, 30)), kalender=kalender
                )
            if selesai and selesai < hari_ini:
                waktu, hari = jam.durasi(selesai, kalender)
                p.status, p.ditutup_pada, p.hasil = StatusPermohonan.SELESAI, selesai, "Selesai, terlampir."
                p.durasi_menit, p.durasi_hari = int(waktu.total_seconds() // 60), Decimal(str(hari))
                p.tepat_waktu = selesai <= p.tenggat
                events.append((JenisPeristiwa.SELESAI, selesai, p.hasil))
            elif p.tenggat < hari_ini and p.status == StatusPermohonan.DIPROSES:
                p.terlambat_pada = p.tenggat + dt.timedelta(minutes=5)
                events.append((JenisPeristiwa.TERLAMBAT, p.terlambat_pada, ""))
        permohonan.append(p)
        peristiwa.append(events)
    Permohonan.objects.bulk_create(permohonan)
    Peristiwa.objects.bulk_create(
        [
            Peristiwa(permohonan=p, jenis=jenis, waktu=waktu, catatan=catatan)
            for p, events in zip(permohonan, peristiwa, strict=True)
            for jenis, waktu, catatan in events
        ]
    )
    JedaPermohonan.objects.bulk_create(
        [
            JedaPermohonan(permohonan=permohonan[n - 1], mulai=a, selesai=b, kekurangan=k)
            for n, a, b, k in jeda
        ]
    )
    return len(permohonan)


@transaction.atomic
def seed(*, stdout=None) -> dict:
    """Write the SLA demo unless it is there already (one query to find out)."""
    nomor = sorted({_nomor(row[0]) for row in SLA})
    if Sla.objects.filter(nomor__in=nomor, versi=1).count() == len(nomor):
        if stdout is not None:
            stdout.write("SLA demo: sudah ada, tanpa perubahan.\n")
        return {"sla": 0, "permohonan": 0}
    singkatan = set(LAYANAN) | set(PEMOHON_SEMUA)
    opd = {o.singkatan: o for o in Opd.objects.filter(singkatan__in=singkatan, induk__isnull=True)}
    if not set(LAYANAN) <= opd.keys():
        raise RuntimeError("jalankan data demo perangkat daerah lebih dulu")
    users = _akun(opd)
    layanan = {}
    for penyedia, items in LAYANAN.items():
        for nama, uraian in items:
            layanan[(penyedia, nama)], _baru = Layanan.objects.get_or_create(
                penyedia=opd[penyedia], nama=nama, defaults={"uraian": uraian}
            )
    kalender = kalender_kerja()
    sla_rows = _buat_sla(opd, layanan, kalender)
    jumlah = _buat_permohonan(opd, sla_rows, kalender)
    if stdout is not None:
        stdout.write(
            f"SLA demo: {len(sla_rows)} versi SLA, {jumlah} permohonan layanan; "
            f"akun kepala penanda tangan: {', '.join(sorted(users))} (kata sandi sama).\n"
        )
    return {"sla": len(sla_rows), "permohonan": jumlah}
