"""Report jobs: a real Celery worker renders, the page polls, the file downloads, the same data reuses it."""

import io
import subprocess
import time
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.utils import timezone
from openpyxl import load_workbook

from kinerja.services import realisasi as realisasi_services
from sipd import laporan
from sipd.models import PekerjaanLaporan
from sipd.tasks import buat_laporan
from tests.kinerja.factories import IndikatorFactory

Status = PekerjaanLaporan.Status


def tunggu(job, detik=90):
    deadline = time.monotonic() + detik
    while time.monotonic() < deadline:
        job.refresh_from_db()
        if job.status in (Status.SELESAI, Status.GAGAL):
            return job
        time.sleep(0.3)
    raise AssertionError(f"pekerjaan {job.pk} belum selesai: {job.status} {job.progres}%")


def pdf_teks(isi: bytes) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=isi, capture_output=True, check=True
    ).stdout.decode()


@pytest.fixture
def registry(monkeypatch):
    """Report types registered by a test live only for that test."""
    monkeypatch.setattr(laporan, "_REGISTRY", dict(laporan.semua()))
    return laporan


@pytest.fixture
def data(two_opds):
    ind = IndikatorFactory(opd=two_opds.opd_a, nama="Cakupan imunisasi dasar lengkap")
    IndikatorFactory(opd=two_opds.opd_b)
    realisasi_services.simpan_realisasi(
        user=two_opds.users.operator_a,
        indikator=ind,
        tahun=2025,
        triwulan=1,
        kolom="nilai",
        nilai="90",
        asal="",
    )
    return ind


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_worker_renders_pdf_and_xlsx_then_reuses_the_file(
    two_opds, data, celery_worker_process, settings, client
):
    settings.MEDIA_ROOT = celery_worker_process.media_root
    client.force_login(two_opds.users.bappeda)
    response = client.post(
        "/laporan/", {"jenis": "rekap-pengisian", "format": "pdf", "tahun": 2025, "triwulan": 1}
    )
    job = PekerjaanLaporan.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/laporan/{job.pk}/"
    tunggu(job)
    assert job.status == Status.SELESAI, (job.pesan, celery_worker_process.log.read_text()[-3000:])
    assert job.halaman == 1 and job.progres == 100
    polled = client.get(f"/laporan/{job.pk}/", HTTP_HX_REQUEST="true").content.decode()
    assert "hx-trigger" not in polled and "Unduh" in polled
    isi = b"".join(client.get(f"/laporan/{job.pk}/unduh/").streaming_content)
    teks = pdf_teks(isi)
    assert "Dinas Kesehatan" in teks and "Halaman 1 dari 1" in teks and "Kepala Bappeda" in teks

    # The same request on unchanged data reuses the file; a new figure makes a new version.
    assert (
        laporan.minta(
            user=two_opds.users.bappeda,
            kode="rekap-pengisian",
            params={"tahun": 2025, "triwulan": 1},
            fmt="pdf",
        ).pk
        == job.pk
    )
    realisasi_services.simpan_realisasi(
        user=two_opds.users.operator_a,
        indikator=data,
        tahun=2025,
        triwulan=1,
        kolom="nilai",
        nilai="91",
        asal="90",
    )
    baru = laporan.minta(
        user=two_opds.users.pimpinan,
        kode="rekap-pengisian",
        params={"tahun": 2025, "triwulan": 1},
        fmt="xlsx",
    )
    assert baru.pk != job.pk
    tunggu(baru)
    wb = load_workbook(io.BytesIO(baru.berkas.open("rb").read()), read_only=True)
    rows = list(wb.active.iter_rows(values_only=True))
    assert rows[0][1] == "OPD" and {r[1] for r in rows[1:]} == {"Dinas Kesehatan", two_opds.opd_b.nama}


@pytest.mark.django_db
def test_roles_without_the_report_are_refused(two_opds, client):
    client.force_login(two_opds.users.kepegawaian)
    assert client.get("/laporan/").status_code == 403
    client.force_login(two_opds.users.operator_b)
    with pytest.raises(laporan.PermissionDenied):
        laporan.minta(
            user=two_opds.users.operator_a,
            kode="rekap-pengisian",
            params={"tahun": 2025, "triwulan": 1},
            fmt="pdf",
        )
    job = PekerjaanLaporan.objects.create(jenis="rekap-pengisian", parameter={}, format="pdf", versi_data="x")
    assert client.get(f"/laporan/{job.pk}/").status_code == 404


@pytest.mark.django_db
def test_the_reports_menu_is_decided_only_where_a_page_shows_it(two_opds, rf, monkeypatch):
    from sipd.context_processors import portal

    asked = []
    monkeypatch.setattr(laporan, "yang_boleh", lambda user: asked.append(user) or ["laporan"])
    request = rf.get("/")
    request.user = two_opds.users.bappeda
    context = portal(request)
    assert asked == []  # a partial or a download that never reads it pays nothing
    assert context["bisa_laporan"] and context["bisa_laporan"]
    assert asked == [two_opds.users.bappeda]  # asked once, however often the template reads it


@pytest.mark.django_db
def test_form_asks_for_every_parameter(two_opds, client):
    client.force_login(two_opds.users.bappeda)
    response = client.post("/laporan/", {"jenis": "rekap-pengisian", "format": "pdf", "tahun": 2025})
    assert response.status_code == 200 and "Wajib diisi untuk laporan ini." in response.content.decode()
    assert not PekerjaanLaporan.objects.exists()


@pytest.mark.django_db
def test_a_failing_report_says_why_and_leaves_no_file(two_opds, settings, tmp_path, registry):
    def rusak(params, fmt, progres):
        progres(40)
        raise ValidationError("Belum ada periode RPJMD untuk tahun 2031.")

    laporan.daftar(
        laporan.JenisLaporan(
            kode="uji-rusak",
            judul="Uji",
            boleh=lambda u, p: True,
            versi=lambda p: 1,
            buat=rusak,
            parameter=("tahun",),
        )
    )
    job = PekerjaanLaporan.objects.create(
        jenis="uji-rusak", parameter={"tahun": 2031}, format="pdf", versi_data="v"
    )
    buat_laporan.run(job.pk)  # the task body in this process
    job.refresh_from_db()
    assert job.status == Status.GAGAL and job.pesan == "Belum ada periode RPJMD untuk tahun 2031."
    assert not job.berkas and not any((tmp_path / "media").rglob("*.pdf"))
    buat_laporan.run(job.pk)  # a redelivered message changes nothing
    job.refresh_from_db()
    assert job.status == Status.GAGAL


def test_time_and_memory_failures_have_clear_messages(settings):
    from celery.exceptions import SoftTimeLimitExceeded

    settings.SIPD_LAPORAN_BATAS_DETIK = 300
    assert "batas 300 detik" in laporan.pesan_galat(SoftTimeLimitExceeded())
    assert "Memori tidak cukup" in laporan.pesan_galat(MemoryError())
    assert "kesalahan sistem (KeyError)" in laporan.pesan_galat(KeyError("x"))


@pytest.mark.django_db
def test_sections_merge_with_page_numbers_over_the_whole_document(two_opds, registry):
    from sipd.pdf import render_pdf

    def bagian(i):
        return render_pdf(
            "kinerja/laporan/pengisian.html",
            {"rows": [], "tahun": 2025, "triwulan": i, "judul": f"Bagian {i}", "tanpa_nomor_halaman": True},
        )

    laporan.daftar(
        laporan.JenisLaporan(
            kode="uji-bagian",
            judul="Uji bagian",
            boleh=lambda u, p: True,
            versi=lambda p: 1,
            buat=lambda p, f, g: b"",
            bagian=lambda p: [1, 2, 3],
            buat_bagian=lambda p, b: bagian(b),
        )
    )
    isi = laporan.buat_langsung("uji-bagian", {"tahun": 2025}, "pdf")
    teks = pdf_teks(isi)
    assert laporan.hitung_halaman(isi) == 3
    for i in (1, 2, 3):
        halaman = teks.split("\f")[i - 1]
        assert f"Halaman {i} dari 3" in halaman and f"BAGIAN {i}" in halaman


@pytest.mark.django_db
def test_command_line_writes_the_file_whole(two_opds, data, tmp_path):
    out = tmp_path / "rekap.xlsx"
    call_command("laporan", "rekap-pengisian", tahun=2025, triwulan=1, format="xlsx", output=str(out))
    assert load_workbook(out).active["B2"].value in ("Dinas Kesehatan", two_opds.opd_b.nama)
    assert not list(tmp_path.glob("*.sebagian"))


@pytest.mark.django_db
def test_retention_and_stuck_jobs(two_opds, settings):
    from django.core.files.base import ContentFile

    lama = PekerjaanLaporan.objects.create(
        jenis="rekap-pengisian", parameter={}, format="pdf", versi_data="a", status=Status.SELESAI
    )
    lama.berkas.save("laporan/lama.pdf", ContentFile(b"%PDF-1.4"))
    PekerjaanLaporan.objects.filter(pk=lama.pk).update(dibuat=timezone.now() - timedelta(days=40))
    macet = PekerjaanLaporan.objects.create(
        jenis="rekap-pengisian", parameter={}, format="pdf", versi_data="b", status=Status.DIPROSES
    )
    menunggu = PekerjaanLaporan.objects.create(
        jenis="rekap-pengisian", parameter={}, format="pdf", versi_data="c"
    )
    terlantar = PekerjaanLaporan.objects.create(
        jenis="rekap-pengisian", parameter={}, format="pdf", versi_data="d"
    )
    PekerjaanLaporan.objects.filter(pk__in=[macet.pk, menunggu.pk]).update(
        dibuat=timezone.now() - timedelta(hours=2)
    )
    PekerjaanLaporan.objects.filter(pk=terlantar.pk).update(dibuat=timezone.now() - timedelta(days=2))
    assert laporan.bersihkan() == 1
    assert not PekerjaanLaporan.objects.filter(pk=lama.pk).exists()
    assert not lama.berkas.storage.exists("laporan/lama.pdf")
    macet.refresh_from_db()
    assert macet.status == Status.GAGAL and "minta ulang" in macet.pesan
    # Waiting in the queue for two hours (Redis was down): antre_ulang sends it again, it does not fail.
    menunggu.refresh_from_db()
    assert menunggu.status == Status.ANTRIAN
    # A day with no worker taking it: it fails with the reason, so it can be asked for again.
    terlantar.refresh_from_db()
    assert terlantar.status == Status.GAGAL and "minta ulang" in terlantar.pesan


@pytest.mark.django_db
def test_a_job_taken_by_another_worker_is_skipped_unless_its_message_was_redelivered(settings):
    settings.SIPD_LAPORAN_BATAS_DETIK = 300
    job = PekerjaanLaporan.objects.create(
        jenis="rekap-pengisian", parameter={}, format="xlsx", versi_data="v", pesan="menunggu"
    )
    assert laporan.mulai(job.pk).status == Status.DIPROSES  # the first message takes it
    job.refresh_from_db()
    assert job.pesan == ""  # the "waiting for the queue" message is gone
    assert laporan.mulai(job.pk) is None  # a second message (antre_ulang) while it renders: skipped
    assert laporan.mulai(job.pk, dikirim_ulang=True) is not None  # its worker died: the broker redelivers
    PekerjaanLaporan.objects.filter(pk=job.pk).update(mulai=timezone.now() - timedelta(seconds=331))
    assert laporan.mulai(job.pk) is not None  # past the hard time limit the first worker is surely gone
    PekerjaanLaporan.objects.filter(pk=job.pk).update(status=Status.SELESAI)
    assert laporan.mulai(job.pk, dikirim_ulang=True) is None  # done: never made twice


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_jobs_waiting_in_the_queue_are_sent_again_and_made_once(
    two_opds, data, celery_worker_process, settings
):
    settings.MEDIA_ROOT = celery_worker_process.media_root
    settings.SIPD_LAPORAN_ULANG_DETIK = 60
    params = {"tahun": 2025, "triwulan": 1}
    # Asked for while Redis was down: the record is there with its message, nothing reached the queue.
    job = PekerjaanLaporan.objects.create(
        jenis="rekap-pengisian", parameter=params, format="xlsx", versi_data="v1", nama_berkas="rekap.xlsx",
        diminta_oleh=two_opds.users.bappeda, pesan=str(laporan.PESAN_MENUNGGU_ANTREAN),
    )  # fmt: skip
    PekerjaanLaporan.objects.filter(pk=job.pk).update(dibuat=timezone.now() - timedelta(minutes=2))
    baru = PekerjaanLaporan.objects.create(
        jenis="rekap-pengisian", parameter=params, format="pdf", versi_data="v2", nama_berkas="rekap.pdf"
    )
    assert laporan.antre_ulang() == 1  # only the job waiting longer than SIPD_LAPORAN_ULANG_DETIK
    tunggu(job)
    assert job.status == Status.SELESAI and job.pesan == "", celery_worker_process.log.read_text()[-3000:]
    assert load_workbook(io.BytesIO(job.berkas.open("rb").read()), read_only=True).active["B1"].value == "OPD"
    baru.refresh_from_db()
    assert baru.status == Status.ANTRIAN
    # A late duplicate message finds the job done and changes nothing.
    selesai, berkas = job.selesai, job.berkas.name
    assert laporan.antre_ulang() == 0
    assert buat_laporan.delay(job.pk).get(timeout=60) is None
    job.refresh_from_db()
    assert (job.status, job.selesai, job.berkas.name) == (Status.SELESAI, selesai, berkas)
