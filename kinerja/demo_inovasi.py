"""Demo innovations and IKM surveys for the fictitious Kabupaten Sukamaju (seed_demo calls `seed`).

Idempotent and set-based: existing innovations, answers and surveys are left alone, so a re-run writes
nothing. A few perangkat daerah are left without an innovation so the dashboard's flag shows.
"""

from __future__ import annotations

import datetime
import random

from django.db import transaction
from django.db.models import Exists, OuterRef

from kinerja.models import IndikatorInovasi, Inovasi, JawabanInovasi, ResponIkm, SurveiIkm
from kinerja.models.ikm import UNSUR_FIELDS, JenisKelamin, Pekerjaan, Pendidikan
from kinerja.selectors.inovasi import perangkat_daerah
from kinerja.services.ikm import hash_perangkat

SEED = 20260309
TANPA_INOVASI = 3  # the last perangkat daerah (by code) get none: the dashboard flags them
TAHUN_SURVEI = 2025
RESPONDEN = 300

IDE = (
    ("Layanan {s} Keliling", "pelayanan_publik", "Warga desa terpencil jauh dari kantor layanan.",
     "Mobil layanan terjadwal ke desa dengan pendaftaran daring.", "Waktu tempuh warga berkurang."),
    ("{s} Satu Pintu Digital", "tata_kelola", "Berkas dan persetujuan masih manual dan lambat.",
     "Alur persetujuan elektronik dengan tanda tangan elektronik.", "Waktu proses dari 5 hari jadi 1 hari."),
    ("Sigap {s}", "pelayanan_publik", "Pengaduan masyarakat tidak terpantau.",
     "Kanal pengaduan WhatsApp terpadu dengan dasbor tindak lanjut.", "Pengaduan selesai lebih cepat."),
    ("Data Terpadu {s}", "tata_kelola", "Data sektoral tersebar di banyak berkas.",
     "Basis data bersama dengan pembaruan bulanan.", "Perencanaan berbasis data yang sama."),
    ("Kampung {s} Mandiri", "lainnya", "Partisipasi warga rendah.",
     "Pendampingan kader di setiap desa.", "Keterlibatan warga meningkat."),
)  # fmt: skip
SARAN = (
    "", "", "", "Antrean perlu dipercepat.", "Petugas ramah, terima kasih.",
    "Ruang tunggu perlu kipas angin.",
    "Informasi persyaratan agar dipasang.",
)  # fmt: skip
TAHAPAN = ("inisiatif", "uji_coba", "penerapan", "penerapan")
SURVEI = (
    ("1.02.", "Puskesmas Sukamaju", "Pelayanan rawat jalan", 12_000, 0.78),
    ("2.12.", "Pelayanan KTP-el dan KK", "Administrasi kependudukan", 8_000, 0.72),
    ("2.18.", "Mal Pelayanan Publik", "Perizinan berusaha", 3_500, 0.85),
    ("1.03.", "Layanan Rekomendasi Teknis", "Persetujuan bangunan gedung", 600, 0.6),
)


def _tanggal(rng: random.Random, tahapan: str) -> dict:
    inisiatif = datetime.date(2023, 1, 1) + datetime.timedelta(days=rng.randrange(500))
    uji = inisiatif + datetime.timedelta(days=rng.randrange(60, 200)) if tahapan != "inisiatif" else None
    terap = uji + datetime.timedelta(days=rng.randrange(60, 200)) if tahapan == "penerapan" else None
    return {"tanggal_inisiatif": inisiatif, "tanggal_uji_coba": uji, "tanggal_penerapan": terap}


def _seed_inovasi(opd) -> int:
    """Innovations for the perangkat daerah that have none yet (except the last few, left to be flagged)."""
    dengan = opd[: max(len(opd) - TANPA_INOVASI, 0)]
    baru = []
    for o in dengan:
        if o.punya_inovasi:
            continue
        rng = random.Random(f"{SEED}-{o.kode}")  # one stream per OPD: the same plan on every run
        singkat = o.singkatan or o.nama.split()[-1]
        for nama, jenis, masalah, metode, manfaat in rng.sample(IDE, rng.choice((1, 1, 2, 3))):
            nama = nama.format(s=singkat)
            tahapan = rng.choice(TAHAPAN)
            tanggal = _tanggal(rng, tahapan)
            baru.append(
                Inovasi(
                    opd=o, nama=nama, jenis=jenis, tahapan=tahapan, permasalahan=masalah, metode=metode,
                    manfaat=manfaat, **tanggal,
                )
            )  # fmt: skip
    if not baru:
        return 0
    Inovasi.objects.bulk_create(baru)
    skema = list(IndikatorInovasi.objects.filter(aktif=True).prefetch_related("opsi"))
    jawaban = []
    rng = random.Random(SEED)
    for inovasi in baru:
        tingkat = {"inisiatif": 0, "uji_coba": 1, "penerapan": 2}[inovasi.tahapan]
        for ind in skema:
            opsi = list(ind.opsi.all())
            pilih = min(max(tingkat + rng.choice((-1, 0, 0, 1)), 0), len(opsi) - 1)
            jawaban.append(JawabanInovasi(inovasi=inovasi, indikator=ind, opsi=opsi[pilih]))
    JawabanInovasi.objects.bulk_create(jawaban)
    return len(baru)


def _jawaban(rng: random.Random, mutu: float) -> list[int | None]:
    # Mostly 3s and 4s around `mutu`, with a few blanks (people skip the complaints question most).
    hasil = []
    for i in range(len(UNSUR_FIELDS)):
        if rng.random() < (0.08 if i == 8 else 0.02):
            hasil.append(None)
            continue
        r = rng.random()
        hasil.append(4 if r < mutu * 0.45 else 3 if r < mutu + 0.15 else 2 if r < 0.97 else 1)
    return hasil


def _seed_ikm(rng: random.Random, opd_list) -> tuple[int, int]:
    survei_baru = respon_baru = 0
    # One query for what exists: a re-run finds every survey with its answers and writes nothing.
    lengkap = set(
        SurveiIkm.objects.filter(tahun=TAHUN_SURVEI, periode="s2", respon__isnull=False)
        .values_list("opd_id", "unit_layanan")
        .distinct()
    )
    for awalan, unit, layanan, populasi, mutu in SURVEI:
        opd = next((o for o in opd_list if o.kode.startswith(awalan)), None)
        if opd is None or (opd.pk, unit) in lengkap:
            continue
        survei, dibuat = SurveiIkm.objects.get_or_create(
            opd=opd, unit_layanan=unit, tahun=TAHUN_SURVEI, periode="s2",
            defaults={"jenis_layanan": layanan, "tanggal_mulai": datetime.date(TAHUN_SURVEI, 7, 1),
                      "tanggal_selesai": datetime.date(TAHUN_SURVEI + 1, 12, 31), "populasi": populasi,
                      "token": f"demo-{awalan.strip('.').replace('.', '')}-{TAHUN_SURVEI}"},
        )  # fmt: skip
        survei_baru += dibuat
        if survei.respon.exists():
            continue
        rows = []
        for i in range(RESPONDEN):
            nilai = _jawaban(rng, mutu)
            rows.append(
                ResponIkm(
                    survei=survei, perangkat=hash_perangkat(survei, f"demo-{i}"),
                    usia=rng.randint(17, 70), jenis_kelamin=rng.choice(JenisKelamin.values),
                    pendidikan=rng.choice(Pendidikan.values), pekerjaan=rng.choice(Pekerjaan.values),
                    saran=rng.choice(SARAN),
                    **dict(zip(UNSUR_FIELDS, nilai, strict=True)),
                )
            )  # fmt: skip
        ResponIkm.objects.bulk_create(rows)
        respon_baru += len(rows)
    return survei_baru, respon_baru


def seed(*, stdout=None) -> dict:
    with transaction.atomic(savepoint=False):
        ada = Inovasi.objects.filter(opd=OuterRef("pk"))
        opd = list(perangkat_daerah().annotate(punya_inovasi=Exists(ada)).order_by("kode"))
        inovasi = _seed_inovasi(opd)
        survei, respon = _seed_ikm(random.Random(SEED), opd)
    hasil = {"inovasi": inovasi, "survei": survei, "respon": respon}
    if stdout is not None:
        stdout.write(
            f"  Inovasi & IKM    : inovasi baru {inovasi}, survei baru {survei}, jawaban baru {respon}\n"
        )
    return hasil
