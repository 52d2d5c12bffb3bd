"""Status decrees and the Perbup duty assignments: once per decree, one transaction, no overlaps."""

import datetime

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, transaction
from django.http import Http404

from bencana import services
from bencana.choices import StatusKeadaan
from bencana.models import LaporanHarian, Penugasan, StatusDarurat
from opd.choices import JenisOpd, JenisPelaksana
from opd.models import Opd
from sipd.access import PermissionDenied
from sipd.models import Notifikasi
from sipd.roles import Peran
from tests.bencana import factories as bf
from tests.factories import OpdFactory, PegawaiFactory, UnitFactory, UserFactory

pytestmark = pytest.mark.django_db
HARI = datetime.timedelta(days=1)


@pytest.fixture
def pemda(two_opds):
    """OPD A headed definitively, OPD B by a Plt., a kecamatan, an inactive OPD, a head-less one, a unit."""
    f = two_opds
    Opd.objects.filter(pk=f.opd_a.pk).update(kepala=f.pegawai_a)
    plt = PegawaiFactory(opd=f.opd_b, nama="Plt Kepala B")
    Opd.objects.filter(pk=f.opd_b.pk).update(pelaksana=plt, jenis_pelaksana=JenisPelaksana.PLT)
    kec = bf.kecamatan()
    kec.kepala = PegawaiFactory(opd=kec, nama="Camat")
    kec.save()
    nonaktif = OpdFactory(kode="2.09.0.00.0.00.01.0000", urusan=["2.09"], aktif=False)
    nonaktif.kepala = PegawaiFactory(opd=nonaktif, nama="Kepala nonaktif")
    nonaktif.save()
    OpdFactory(kode="2.10.0.00.0.00.01.0000", urusan=["2.10"], nama="Badan tanpa kepala")
    unit = UnitFactory(induk=f.opd_a)
    unit.kepala = PegawaiFactory(opd=f.opd_a, nama="Kabid")
    unit.save()
    bpbd = bf.bpbd()
    f.plt, f.camat, f.bpbd = plt, kec.kepala, bpbd
    f.kalak_user = UserFactory(username="kalak", peran=[(Peran.KEPALA_OPD, bpbd)])
    f.operator_bpbd = UserFactory(username="op_bpbd", peran=[(Peran.OPERATOR_OPD, bpbd)])
    return f


def _status(f, *, mulai=None, selesai=None, status=StatusKeadaan.TANGGAP, kejadian=None, nomor="360/1/2026"):
    hari_ini = datetime.date.today()
    return services.buat_status(
        user=f.operator_bpbd, kejadian=kejadian or bf.KejadianFactory(opd=f.bpbd), status=status,
        nomor_sk=nomor,
        tanggal_sk=hari_ini, mulai=mulai or hari_ini - HARI, selesai=selesai or hari_ini + 6 * HARI,
    )  # fmt: skip


def test_a_decree_assigns_every_active_head_once(pemda, django_capture_on_commit_callbacks):
    f = pemda
    with django_capture_on_commit_callbacks() as callbacks:
        status, hasil = _status(f)
    orang = {p.pegawai for p in hasil.dibuat}
    # Definitive head, the Plt. where the post is vacant, the camat, the BPBD's head; not the unit's head,
    # not the inactive OPD's, nobody for the head-less badan.
    assert orang == {f.pegawai_a, f.plt, f.camat, f.bpbd.kepala}
    by_opd = {p.opd_id: p for p in hasil.dibuat}
    assert by_opd[f.bpbd.pk].unit == "komando" and by_opd[f.opd_a.pk].unit == "k_kesehatan"
    assert all((p.mulai, p.selesai) == (status.mulai, status.berakhir) for p in hasil.dibuat)
    # Announced in-app to the OPD's Kepala accounts, and by email after commit.
    assert Notifikasi.objects.filter(
        penerima=f.users.kepala_a, tautan=f"/bencana/penugasan/{by_opd[f.opd_a.pk].pk}/"
    )
    assert Notifikasi.objects.filter(penerima=f.kalak_user).count() == 1
    assert len(callbacks) >= 2

    events = apps.get_model("bencana.PenugasanEvent").objects.count()
    again = services.buat_penugasan_status(status=status)
    assert again.sudah and again.dibuat == []
    assert (
        Penugasan.objects.count() == 4 and apps.get_model("bencana.PenugasanEvent").objects.count() == events
    )


def test_the_unique_constraint_backs_the_once_rule(pemda):
    status, hasil = _status(pemda)
    p = hasil.dibuat[0]
    with pytest.raises(IntegrityError), transaction.atomic():
        Penugasan.objects.create(
            status_darurat=status, pegawai=p.pegawai, opd=p.opd, unit="operasi", dasar="ditambahkan",
            mulai=status.berakhir + 10 * HARI, selesai=status.berakhir + 11 * HARI,
        )  # fmt: skip


def test_overlapping_assignments_are_refused(pemda):
    f = pemda
    status, _ = _status(f)
    # A second disaster at the same time: those on duty elsewhere are skipped, with the reason.
    _status2, hasil = _status(f, kejadian=bf.KejadianFactory(opd=f.bpbd, judul="Longsor"), nomor="360/2/2026")
    assert hasil.dibuat == [] and len(hasil.dilewati) == 4
    assert "bertugas pada" in hasil.dilewati[0][1]
    # BPBD adding the same person by hand gets a message...
    with pytest.raises(ValidationError, match="tumpang tindih"):
        services.tambah_penugasan(
            user=f.operator_bpbd, status=_status2, pegawai=f.pegawai_a, unit="operasi", sebutan="Anggota",
            mulai=_status2.mulai, selesai=_status2.berakhir,
        )  # fmt: skip
    # ...and the database refuses it anyway (exclusion constraint on the daterange).
    with pytest.raises(IntegrityError), transaction.atomic():
        Penugasan.objects.create(
            status_darurat=_status2, pegawai=f.pegawai_a, opd=f.opd_a, unit="operasi", dasar="ditambahkan",
            mulai=status.berakhir, selesai=status.berakhir + HARI,
        )  # fmt: skip


def test_a_new_decree_supersedes_the_one_in_force(pemda):
    f = pemda
    hari_ini = datetime.date.today()
    kejadian = bf.KejadianFactory(opd=f.bpbd)
    siaga, _ = _status(f, kejadian=kejadian, status=StatusKeadaan.SIAGA, mulai=hari_ini - 3 * HARI, nomor="1")
    tanggap, hasil = _status(f, kejadian=kejadian, mulai=hari_ini, selesai=hari_ini + 13 * HARI, nomor="2")
    siaga.refresh_from_db()
    assert siaga.berakhir == hari_ini - HARI
    assert set(siaga.penugasan.values_list("selesai", flat=True)) == {hari_ini - HARI}
    assert len(hasil.dibuat) == 4 and not hasil.dilewati  # back-to-back duties do not overlap
    with pytest.raises(ValidationError, match="mulai sesudahnya"):
        _status(f, kejadian=kejadian, mulai=hari_ini - 3 * HARI, nomor="3")
    assert tanggap.berlaku_pada(hari_ini)


def test_extension_extends_running_assignments(pemda):
    f = pemda
    status, hasil = _status(f)
    ended = hasil.dibuat[0]
    services.ubah_penugasan(user=f.operator_bpbd, penugasan=ended, unit="logistik_peralatan",
                            sebutan="Anggota",
                            akhiri_pada=datetime.date.today())  # fmt: skip
    baru = status.berakhir + 7 * HARI
    services.perpanjang_status(user=f.operator_bpbd, status=status, nomor_sk="360/3/2026",
                               tanggal_sk=datetime.date.today(), berakhir_baru=baru)  # fmt: skip
    status.refresh_from_db()
    assert status.berakhir == baru and status.selesai < baru and status.perpanjangan.count() == 1
    selesai = dict(status.penugasan.values_list("pk", "selesai"))
    assert selesai.pop(ended.pk) == datetime.date.today()
    assert set(selesai.values()) == {baru}
    with pytest.raises(ValidationError):
        services.perpanjang_status(user=f.operator_bpbd, status=status, nomor_sk="x",
                                   tanggal_sk=datetime.date.today(), berakhir_baru=baru)  # fmt: skip


def test_a_decree_that_starts_later_assigns_on_its_first_day(pemda, settings):
    f = pemda
    hari_ini = datetime.date.today()
    status, hasil = _status(f, mulai=hari_ini + 2 * HARI, selesai=hari_ini + 9 * HARI)
    assert hasil is None and not status.penugasan.exists()
    assert services.penugasan_status_mulai(tanggal=hari_ini) == 0
    assert services.penugasan_status_mulai(tanggal=hari_ini + 2 * HARI) == 4
    assert services.penugasan_status_mulai(tanggal=hari_ini + 3 * HARI) == 0
    settings.SIPD_BENCANA_PENUGASAN_OTOMATIS = False
    _s, off = _status(f, kejadian=bf.KejadianFactory(opd=f.bpbd), mulai=hari_ini + 20 * HARI,
                      selesai=hari_ini + 22 * HARI, nomor="9")  # fmt: skip
    assert off is None and services.penugasan_status_mulai(tanggal=hari_ini + 21 * HARI) == 0


def test_only_the_bpbd_manages(pemda):
    f = pemda
    kejadian = bf.KejadianFactory(opd=f.bpbd)
    for user in (f.users.kepala_a, f.users.bappeda):
        with pytest.raises((PermissionDenied, Http404)):
            services.buat_status(user=user, kejadian=kejadian, status="siaga", nomor_sk="1",
                                 tanggal_sk=datetime.date.today(), mulai=datetime.date.today(),
                                 selesai=datetime.date.today())  # fmt: skip
    assert not StatusDarurat.objects.exists()


def test_acknowledge_and_daily_report(pemda):
    f = pemda
    _status_obj, hasil = _status(f)
    p = next(p for p in hasil.dibuat if p.opd_id == f.opd_a.pk)
    with pytest.raises(Http404):  # another OPD's assignment
        services.nyatakan_siap(user=f.users.operator_b, penugasan=p)
    services.nyatakan_siap(user=f.users.kepala_a, penugasan=p)
    p.refresh_from_db()
    pertama = p.siap
    services.nyatakan_siap(user=f.users.kepala_a, penugasan=p)
    p.refresh_from_db()
    assert p.siap == pertama and p.siap_oleh == f.users.kepala_a

    foto = SimpleUploadedFile("posko.jpg", bf.jpeg_bytes(), content_type="image/jpeg")
    lap = services.kirim_laporan(user=f.users.operator_a, penugasan=p, foto=[foto],
                                 tanggal=datetime.date.today(),
                                 kegiatan="Pelayanan kesehatan di posko")  # fmt: skip
    assert lap.foto.get().berkas.name.endswith(".jpg") and "posko" not in lap.foto.get().berkas.name
    with pytest.raises(ValidationError, match="sudah dikirim"):
        services.kirim_laporan(
            user=f.users.operator_a, penugasan=p, tanggal=datetime.date.today(), kegiatan="x"
        )
    with pytest.raises(ValidationError, match="luar periode"):
        services.kirim_laporan(user=f.users.operator_a, penugasan=p, tanggal=p.mulai - HARI, kegiatan="x")
    palsu = SimpleUploadedFile("foto.jpg", b"<?php echo 1; ?>" * 10, content_type="image/jpeg")
    with pytest.raises(ValidationError, match="bukan"):
        services.kirim_laporan(
            user=f.users.operator_a, penugasan=p, foto=[palsu], tanggal=p.mulai, kegiatan="x"
        )
    kepala_jpeg = SimpleUploadedFile("rusak.jpg", b"\xff\xd8\xff\xe0" + b"0" * 100, content_type="image/jpeg")
    with pytest.raises(ValidationError, match="rusak"):
        services.kirim_laporan(user=f.users.operator_a, penugasan=p, foto=[kepala_jpeg], tanggal=p.mulai,
                               kegiatan="x")  # fmt: skip
    assert LaporanHarian.objects.count() == 1  # nothing half-saved


def test_daily_reminder_once_a_day(pemda):
    f = pemda
    _s, hasil = _status(f)
    p = next(p for p in hasil.dibuat if p.opd_id == f.opd_a.pk)
    services.kirim_laporan(user=f.users.kepala_a, penugasan=p, tanggal=datetime.date.today(), kegiatan="ok")
    assert services.kirim_pengingat_laporan() == 3  # everyone but OPD A, who reported
    assert services.kirim_pengingat_laporan() == 0
    assert Notifikasi.objects.filter(judul__startswith="Laporan harian", penerima=f.kalak_user).count() == 1
    assert not Notifikasi.objects.filter(
        judul__startswith="Laporan harian", penerima=f.users.kepala_a
    ).exists()


def test_kecamatan_heads_are_assigned(pemda):
    # Kecamatan are perangkat daerah (PP 18/2016): the camat is on duty too, in operations.
    _s, hasil = _status(pemda)
    camat = next(p for p in hasil.dibuat if p.opd.jenis == JenisOpd.KECAMATAN)
    assert camat.unit == "operasi"
