"""Agreements, signatures and the request clock, through the services against the real database."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, InternalError, transaction

from opd.choices import JenisOpd
from sipd.models import Notifikasi
from sla import services
from sla.choices import JenisPeristiwa, SatuanWaktu, StatusPermohonan, StatusSla
from sla.models import JedaPermohonan, LiburDaerah, Permohonan, Sla, TandaTangan
from tests.factories import OpdFactory, PegawaiFactory, UserFactory
from tests.sla.conftest import PDF, wib
from tests.sla.factories import LayananFactory, SlaFactory

pytestmark = pytest.mark.django_db


def data_sla(layanan, **extra):
    return {
        "layanan": layanan, "penerima_semua": False, "persyaratan": ["Surat permohonan"], "standar_waktu": 5,
        "satuan_waktu": SatuanWaktu.HARI_KERJA, "keluaran": "Surat", "ukuran_mutu": [], "kontak_eskalasi": [],
        "berlaku_mulai": dt.date(2026, 1, 1), "berlaku_sampai": None, **extra,
    }  # fmt: skip


# --------------------------------------------------------------------------------------------------------
# Agreements and signatures
# --------------------------------------------------------------------------------------------------------
def test_provider_drafts_submits_and_both_heads_sign(two_opds, django_capture_on_commit_callbacks):
    u = two_opds.users
    layanan = LayananFactory(penyedia=two_opds.opd_b)
    sla = services.buat_sla(user=u.operator_b, data=data_sla(layanan), penerima=[two_opds.opd_a])
    assert (sla.nomor, sla.versi, sla.status) == (
        f"SLA/{two_opds.opd_b.singkatan.upper()}/2026/001",
        1,
        "draf",
    )
    assert services.buat_sla(
        user=u.operator_b, data=data_sla(layanan), penerima=[two_opds.opd_a]
    ).nomor.endswith("/002")
    with pytest.raises(PermissionDenied):  # agreements are read by all, changed by the provider only
        services.ubah_sla(user=u.operator_a, sla=sla, data={}, penerima=[two_opds.opd_a])

    services.ajukan_sla(user=u.operator_b, sla=sla)
    assert Notifikasi.objects.filter(penerima__in=[u.kepala_a, u.kepala_b]).count() == 2
    with pytest.raises(ValidationError):
        services.ubah_sla(user=u.operator_b, sla=sla, data={"standar_waktu": 9}, penerima=[two_opds.opd_a])
    with pytest.raises(PermissionDenied):  # an operator is not a head
        services.tandatangani_sla(user=u.operator_a, sla=sla)

    pegawai = PegawaiFactory(opd=two_opds.opd_a, nama="dr. Siti Kepala", jabatan="Kepala Dinas Kesehatan")
    pegawai.user = u.kepala_a
    pegawai.save()
    ttd = services.tandatangani_sla(user=u.kepala_a, sla=sla, now=wib(2026, 1, 5, 9))
    assert (ttd.nama, ttd.nip, ttd.jabatan, ttd.pihak) == (
        pegawai.nama,
        pegawai.nip,
        pegawai.jabatan,
        "penerima",
    )
    with pytest.raises(PermissionDenied):  # once per OPD
        services.tandatangani_sla(user=u.kepala_a, sla=sla)
    sla.refresh_from_db()
    assert sla.status == StatusSla.DIAJUKAN

    with django_capture_on_commit_callbacks() as callbacks:
        services.tandatangani_sla(user=u.kepala_b, sla=sla, now=wib(2026, 1, 6, 9))
    sla.refresh_from_db()
    assert sla.status == StatusSla.BERLAKU and sla.berlaku_pada == wib(2026, 1, 6, 9)
    assert len(callbacks) >= 1  # the PDF is rendered by a worker after commit


def test_acting_head_signs_and_all_receivers_sign_through_the_sekda(two_opds):
    u = two_opds.users
    setda = OpdFactory(kode="4.01.0.00.0.00.01.0000", jenis=JenisOpd.SEKRETARIAT_DAERAH, nama="Setda")
    sekda_pegawai = PegawaiFactory(opd=setda, nama="Sekda")
    setda.pelaksana, setda.jenis_pelaksana = sekda_pegawai, "plh"
    setda.save()
    sekda = UserFactory(username="sekda1", peran=[("pimpinan", None)])
    sekda_pegawai.user = sekda
    sekda_pegawai.save()
    sla = SlaFactory(layanan=LayananFactory(penyedia=two_opds.opd_b), penerima_semua=True)
    services.ajukan_sla(user=u.operator_b, sla=sla)
    assert [opd.pk for _p, opd in services.penanda_tangan_wajib(sla)] == [two_opds.opd_b.pk, setda.pk]
    services.tandatangani_sla(user=sekda, sla=sla)  # the Plh. of Setda signs for every receiver
    services.tandatangani_sla(user=u.kepala_b, sla=sla)
    sla.refresh_from_db()
    assert sla.status == StatusSla.BERLAKU


def test_signed_content_cannot_change_even_by_sql_and_amendment_is_a_new_version(two_opds, sla_ab):
    u = two_opds.users
    with pytest.raises(InternalError), transaction.atomic():
        Sla.objects.filter(pk=sla_ab.pk).update(standar_waktu=30)  # the database trigger refuses
    Sla.objects.filter(pk=sla_ab.pk).update(dokumen="sla/dokumen/x.pdf")  # not content: allowed
    with pytest.raises(ValidationError):
        services.ubah_sla(user=u.operator_b, sla=sla_ab, data={"standar_waktu": 30}, penerima=[])

    baru = services.buat_amandemen(user=u.operator_b, sla=sla_ab)
    assert (baru.seri, baru.versi, baru.nomor, baru.status) == (sla_ab.seri, 2, sla_ab.nomor, StatusSla.DRAF)
    assert list(baru.penerima.all()) == [two_opds.opd_a]
    with pytest.raises(ValidationError):  # one version in the making at a time
        services.buat_amandemen(user=u.operator_b, sla=sla_ab)
    services.ubah_sla(user=u.operator_b, sla=baru, data={"standar_waktu": 2}, penerima=[two_opds.opd_a])
    services.ajukan_sla(user=u.operator_b, sla=baru)
    services.tandatangani_sla(user=u.kepala_a, sla=baru)
    services.tandatangani_sla(user=u.kepala_b, sla=baru)
    sla_ab.refresh_from_db()
    baru.refresh_from_db()
    assert (sla_ab.status, baru.status, baru.standar_waktu) == (StatusSla.DIGANTI, StatusSla.BERLAKU, 2)
    with pytest.raises(InternalError), transaction.atomic():
        TandaTangan.objects.filter(sla=baru).update(nip="199001012015011001")


def test_only_one_version_in_force_per_agreement(sla_ab):
    with pytest.raises(IntegrityError), transaction.atomic():
        SlaFactory(layanan=sla_ab.layanan, seri=sla_ab.seri, versi=2, nomor=sla_ab.nomor, berlaku=True)


def test_withdrawn_submission_drops_signatures(two_opds):
    u = two_opds.users
    sla = SlaFactory(layanan=LayananFactory(penyedia=two_opds.opd_b), penerima=[two_opds.opd_a])
    services.ajukan_sla(user=u.operator_b, sla=sla)
    services.tandatangani_sla(user=u.kepala_a, sla=sla)
    services.tarik_sla(user=u.operator_b, sla=sla)
    sla.refresh_from_db()
    assert sla.status == StatusSla.DRAF and not sla.tanda_tangan.exists()


# --------------------------------------------------------------------------------------------------------
# Requests on the clock
# --------------------------------------------------------------------------------------------------------
def test_request_from_opening_to_completion_on_time(two_opds, permohonan_ab):
    u = two_opds.users
    p = permohonan_ab
    assert (p.status, p.penyedia, p.standar_waktu, p.tenggat) == ("diajukan", two_opds.opd_b, 3, None)
    assert Notifikasi.objects.filter(penerima=u.operator_b, tautan=f"/sla/permohonan/{p.pk}/").exists()
    with pytest.raises(PermissionDenied):  # the requester cannot accept its own request
        services.terima_permohonan(user=u.operator_a, permohonan=p)

    p = services.terima_permohonan(user=u.operator_b, permohonan=p, now=wib(2026, 3, 17, 11))
    # The clock runs from when the complete request arrived (10.00 on the 17th), over Nyepi and Lebaran.
    assert (p.status, p.mulai, p.tenggat) == ("diproses", wib(2026, 3, 17, 10), wib(2026, 3, 27, 16, 30))

    p = services.selesaikan_permohonan(
        user=u.operator_b, permohonan=p, hasil="Rekomendasi terbit", now=wib(2026, 3, 26, 10),
        lampiran=[SimpleUploadedFile("rekomendasi.pdf", PDF)],
    )  # fmt: skip
    assert (p.status, p.tepat_waktu, p.ditutup_pada) == ("selesai", True, wib(2026, 3, 26, 10))
    # 6 h on the 17th + 8.5 h on the 25th + 2.5 h on the 26th
    assert p.durasi_menit == 17 * 60 and p.durasi_hari == Decimal("2.0")
    assert [e.jenis for e in p.peristiwa.all()] == ["diajukan", "diterima", "selesai"]
    assert p.lampiran.get().tipe == "application/pdf"
    assert Notifikasi.objects.filter(penerima=u.operator_a, judul__endswith="selesai").exists()


def test_missing_requirements_pause_the_clock_and_move_the_due_time(two_opds, permohonan_ab):
    u = two_opds.users
    p = services.terima_permohonan(user=u.operator_b, permohonan=permohonan_ab, now=wib(2026, 3, 17, 11))
    p = services.minta_kelengkapan(
        user=u.operator_b, permohonan=p, kekurangan="Gambar rencana", now=wib(2026, 3, 25, 9)
    )
    assert p.status == StatusPermohonan.MENUNGGU_KELENGKAPAN
    assert JedaPermohonan.objects.get(permohonan=p).selesai is None
    with pytest.raises(ValidationError):  # nothing sent
        services.lengkapi_permohonan(user=u.operator_a, permohonan=p, now=wib(2026, 3, 26, 9))
    p = services.lengkapi_permohonan(
        user=u.operator_a, permohonan=p, catatan="Terlampir", now=wib(2026, 3, 26, 9),
        lampiran=[SimpleUploadedFile("gambar.pdf", PDF)],
    )  # fmt: skip
    assert p.status == StatusPermohonan.DIPROSES
    assert p.tenggat == wib(2026, 3, 30, 16, 0)  # one working day paused: one working day later
    p = services.selesaikan_permohonan(
        user=u.operator_b, permohonan=p, hasil="Terbit", now=wib(2026, 3, 30, 15)
    )
    assert p.tepat_waktu is True  # late against the first due time, on time against the moved one


def test_requirements_asked_before_acceptance_start_the_clock_when_complete(two_opds, permohonan_ab):
    u = two_opds.users
    p = services.minta_kelengkapan(
        user=u.operator_b, permohonan=permohonan_ab, kekurangan="Surat permohonan", now=wib(2026, 3, 17, 11)
    )
    assert not JedaPermohonan.objects.filter(permohonan=p).exists()  # the clock had not started
    p = services.lengkapi_permohonan(user=u.operator_a, permohonan=p, catatan="Ada", now=wib(2026, 3, 25, 8))
    assert (p.status, p.lengkap_pada) == (StatusPermohonan.DIAJUKAN, wib(2026, 3, 25, 8))
    p = services.terima_permohonan(user=u.operator_b, permohonan=p, now=wib(2026, 3, 25, 10))
    assert p.tenggat == wib(2026, 3, 30, 16, 0)  # 26, 27, 30


def test_late_completion_rejection_and_cancellation(two_opds, sla_ab, permohonan_ab):
    u = two_opds.users
    p = services.terima_permohonan(user=u.operator_b, permohonan=permohonan_ab, now=wib(2026, 3, 17, 11))
    p = services.selesaikan_permohonan(user=u.operator_b, permohonan=p, hasil="x", now=wib(2026, 3, 30, 8))
    assert p.tepat_waktu is False

    kedua = services.ajukan_permohonan(
        user=u.operator_a, sla=sla_ab, pemohon=two_opds.opd_a, perihal="Kedua", now=wib(2026, 4, 1, 9)
    )
    with pytest.raises(ValidationError):
        services.tolak_permohonan(user=u.operator_b, permohonan=kedua, alasan=" ")
    kedua = services.tolak_permohonan(user=u.operator_b, permohonan=kedua, alasan="Bukan kewenangan")
    assert (kedua.status, kedua.alasan_tolak) == ("ditolak", "Bukan kewenangan")
    with pytest.raises(ValidationError):
        services.terima_permohonan(user=u.operator_b, permohonan=kedua)

    ketiga = services.ajukan_permohonan(
        user=u.operator_a, sla=sla_ab, pemohon=two_opds.opd_a, perihal="Ketiga"
    )
    with pytest.raises(PermissionDenied):
        services.batalkan_permohonan(user=u.operator_b, permohonan=ketiga)
    assert services.batalkan_permohonan(user=u.operator_a, permohonan=ketiga).status == "dibatalkan"


def test_who_may_open_a_request(two_opds, sla_ab, opd_c):
    u = two_opds.users
    with pytest.raises(PermissionDenied):  # B's operator does not work for A
        services.ajukan_permohonan(user=u.operator_b, sla=sla_ab, pemohon=two_opds.opd_a, perihal="x")
    orang_c = UserFactory(peran=[("operator_opd", opd_c)])
    with pytest.raises(ValidationError):  # C is not a receiver of this SLA
        services.ajukan_permohonan(user=orang_c, sla=sla_ab, pemohon=opd_c, perihal="x")
    draf = SlaFactory(layanan=sla_ab.layanan, penerima=[two_opds.opd_a])
    with pytest.raises(ValidationError):  # not in force
        services.ajukan_permohonan(user=u.operator_a, sla=draf, pemohon=two_opds.opd_a, perihal="x")
    lampau = SlaFactory(
        layanan=sla_ab.layanan, berlaku=True, berlaku_sampai=dt.date(2026, 1, 31), penerima=[two_opds.opd_a]
    )
    with pytest.raises(ValidationError):  # validity period over
        services.ajukan_permohonan(
            user=u.operator_a, sla=lampau, pemohon=two_opds.opd_a, perihal="x", now=wib(2026, 2, 2, 9)
        )


def test_attachments_are_checked_by_content_and_size(two_opds, sla_ab, settings):
    u = two_opds.users
    with pytest.raises(ValidationError, match="bukan jenis"):  # a text file named .pdf
        services.ajukan_permohonan(
            user=u.operator_a, sla=sla_ab, pemohon=two_opds.opd_a, perihal="x",
            lampiran=[SimpleUploadedFile("surat.pdf", b"<script>alert(1)</script>")],
        )  # fmt: skip
    settings.SIPD_SLA_LAMPIRAN_MAX_BYTES = 10
    with pytest.raises(ValidationError, match="terlalu besar"):
        services.ajukan_permohonan(
            user=u.operator_a, sla=sla_ab, pemohon=two_opds.opd_a, perihal="x",
            lampiran=[SimpleUploadedFile("surat.pdf", PDF)],
        )  # fmt: skip
    assert not Permohonan.objects.exists()  # nothing is kept when a file is refused


def test_local_holidays_the_admin_adds_move_due_times(two_opds, permohonan_ab):
    u = two_opds.users
    with pytest.raises(PermissionDenied):
        services.simpan_libur(user=u.operator_a, libur=LiburDaerah(tanggal=dt.date(2026, 3, 25), nama="x"))
    services.simpan_libur(user=u.admin, libur=LiburDaerah(tanggal=dt.date(2026, 3, 25), nama="Hari Jadi"))
    p = services.terima_permohonan(user=u.operator_b, permohonan=permohonan_ab, now=wib(2026, 3, 17, 11))
    assert p.tenggat == wib(2026, 3, 30, 16, 0)


# --------------------------------------------------------------------------------------------------------
# The beat: reminders, breach flags, escalation
# --------------------------------------------------------------------------------------------------------
def test_beat_reminds_flags_and_escalates_once(two_opds, permohonan_ab, settings):
    u = two_opds.users
    settings.SIPD_SLA_PENGINGAT_JAM = 4
    p = services.terima_permohonan(user=u.operator_b, permohonan=permohonan_ab, now=wib(2026, 3, 17, 11))
    Notifikasi.objects.all().delete()

    assert services.periksa_tenggat(now=wib(2026, 3, 27, 9)) == {"pengingat": 0, "terlambat": 0}
    assert services.periksa_tenggat(now=wib(2026, 3, 27, 13)) == {"pengingat": 1, "terlambat": 0}
    assert set(Notifikasi.objects.values_list("penerima__username", flat=True)) == {"kepala_b", "operator_b"}
    assert services.periksa_tenggat(now=wib(2026, 3, 27, 14)) == {"pengingat": 0, "terlambat": 0}

    Notifikasi.objects.all().delete()
    assert services.periksa_tenggat(now=wib(2026, 3, 27, 17)) == {"pengingat": 0, "terlambat": 1}
    eskalasi = Notifikasi.objects.get(penerima=u.kepala_b)
    assert (
        "eskalasi" in eskalasi.judul and "Sekretaris Dinas" in eskalasi.pesan
    )  # the SLA's escalation contact
    assert Notifikasi.objects.filter(penerima=u.operator_a).exists()  # the requester is told too
    assert not Notifikasi.objects.filter(penerima=u.operator_b).exists()  # escalation goes to the head
    assert services.periksa_tenggat(now=wib(2026, 3, 27, 18)) == {"pengingat": 0, "terlambat": 0}
    p.refresh_from_db()
    assert p.terlambat_pada == wib(2026, 3, 27, 17)
    assert list(p.peristiwa.values_list("jenis", flat=True))[-2:] == [
        JenisPeristiwa.PENGINGAT, JenisPeristiwa.TERLAMBAT,
    ]  # fmt: skip


def test_paused_requests_are_not_flagged(two_opds, permohonan_ab):
    u = two_opds.users
    p = services.terima_permohonan(user=u.operator_b, permohonan=permohonan_ab, now=wib(2026, 3, 17, 11))
    services.minta_kelengkapan(user=u.operator_b, permohonan=p, kekurangan="x", now=wib(2026, 3, 25, 9))
    assert services.periksa_tenggat(now=wib(2026, 4, 10, 9)) == {"pengingat": 0, "terlambat": 0}
