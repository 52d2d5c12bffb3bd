"""The duty recap through the report-job framework: a real Celery worker renders it, the page polls, the file
downloads; the same data reuses the file, new data makes a new version; another OPD is refused."""

import datetime
import io
import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook

from bencana.models import LaporanHarian
from opd.models import Opd
from sipd import laporan
from sipd.models import PekerjaanLaporan
from sipd.tasks import buat_laporan
from tests.bencana import factories as bf
from tests.sipd.test_laporan import pdf_teks, tunggu

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "pdf"
Status = PekerjaanLaporan.Status


def _png(pdf: bytes, name: str) -> list[Path]:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / f"{name}.pdf").write_bytes(pdf)
    for old in ARTIFACTS.glob(f"{name}-*.png"):
        old.unlink()
    subprocess.run(["pdftoppm", "-r", "60", "-png", str(ARTIFACTS / f"{name}.pdf"), str(ARTIFACTS / name)],
                   check=True)  # fmt: skip
    return sorted(ARTIFACTS.glob(f"{name}-*.png"))


def _status_dengan_penugasan(two_opds):
    Opd.objects.filter(pk=two_opds.opd_a.pk).update(kepala=two_opds.pegawai_a)
    status = bf.StatusFactory(mulai=datetime.date.today() - datetime.timedelta(days=3))
    for pegawai in (two_opds.pegawai_a, two_opds.pegawai_b, two_opds.honorer_a):
        p = bf.PenugasanFactory(status_darurat=status, pegawai=pegawai, opd=pegawai.opd)
        LaporanHarian.objects.create(penugasan=p, tanggal=status.mulai, kegiatan="Posko")
    return status


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_duty_recap_pdf_by_the_worker(two_opds, login, client, celery_worker_process, settings):
    settings.MEDIA_ROOT = celery_worker_process.media_root
    status = _status_dengan_penugasan(two_opds)
    kejadian = status.kejadian
    login(two_opds.users.pimpinan)
    response = client.post(f"/bencana/kejadian/{kejadian.pk}/rekap/", {"format": "pdf"})
    job = PekerjaanLaporan.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/laporan/{job.pk}/"
    assert job.jenis == "rekap-penugasan" and job.parameter == {"kejadian": kejadian.pk}
    tunggu(job)
    assert job.status == Status.SELESAI, (job.pesan, celery_worker_process.log.read_text()[-3000:])
    page = client.get(f"/laporan/{job.pk}/").content.decode()
    assert f'href="/bencana/kejadian/{kejadian.pk}/"' in page  # back to the disaster, not the report form
    polled = client.get(f"/laporan/{job.pk}/", HTTP_HX_REQUEST="true").content.decode()
    assert "hx-trigger" not in polled and "Unduh" in polled
    download = client.get(f"/laporan/{job.pk}/unduh/")
    pdf = b"".join(download.streaming_content)
    assert download["Content-Type"] == "application/pdf" and pdf.startswith(b"%PDF-")
    assert f"rekap-penugasan-{kejadian.pk}.pdf" in download["Content-Disposition"]
    assert _png(pdf, "rekap-penugasan")
    teks = pdf_teks(pdf)
    assert "REKAP PENUGASAN TANGGAP BENCANA" in teks and "Halaman 1 dari" in teks
    assert "Dinas Kesehatan" in teks
    assert two_opds.pegawai_a.nama in teks and two_opds.honorer_a.nama in teks

    # Another viewer of the disaster asking again on unchanged data gets the same file ...
    login(two_opds.users.bappeda)
    again = client.post(f"/bencana/kejadian/{kejadian.pk}/rekap/", {"format": "pdf"})
    assert again["Location"] == f"/laporan/{job.pk}/" and PekerjaanLaporan.objects.count() == 1
    # ... a user of another OPD sees neither the disaster's recap nor its job.
    login(two_opds.users.operator_b)
    assert client.post(f"/bencana/kejadian/{kejadian.pk}/rekap/", {"format": "pdf"}).status_code == 404
    assert client.get(f"/laporan/{job.pk}/").status_code == 404
    assert client.get(f"/laporan/{job.pk}/unduh/").status_code == 404


@pytest.mark.django_db
def test_duty_recap_version_follows_reports_and_acknowledgements(two_opds):
    status = _status_dengan_penugasan(two_opds)
    params = {"kejadian": status.kejadian_id}
    versi = laporan.ambil("rekap-penugasan").versi
    awal = versi(params)
    assert versi(params) == awal
    p = status.penugasan.first()
    LaporanHarian.objects.create(penugasan=p, tanggal=status.mulai + datetime.timedelta(days=1), kegiatan="X")
    dengan_laporan = versi(params)
    assert dengan_laporan != awal
    p.siap = p.dibuat + datetime.timedelta(hours=2)
    p.save(update_fields=["siap", "diubah"])
    assert versi(params) != dengan_laporan


@pytest.mark.django_db
def test_duty_recap_excel_through_the_job(two_opds, login, client):
    status = _status_dengan_penugasan(two_opds)
    login(two_opds.users.admin)
    response = client.post(f"/bencana/kejadian/{status.kejadian_id}/rekap/", {"format": "xlsx"})
    job = PekerjaanLaporan.objects.get()
    assert response["Location"] == f"/laporan/{job.pk}/" and job.format == "xlsx"
    buat_laporan.run(job.pk)  # the task body in this process (on_commit does not fire in this test)
    job.refresh_from_db()
    assert job.status == Status.SELESAI, job.pesan
    wb = load_workbook(io.BytesIO(b"".join(client.get(f"/laporan/{job.pk}/unduh/").streaming_content)))
    assert {r[2] for r in list(wb["Penugasan"].values)[1:]} == {two_opds.opd_a.nama, two_opds.opd_b.nama}
    # An unknown format is refused with a message, no job.
    response = client.post(f"/bencana/kejadian/{status.kejadian_id}/rekap/", {"format": "docx"}, follow=True)
    assert "Format docx tidak tersedia" in response.content.decode() and PekerjaanLaporan.objects.count() == 1
    # Not on the generic report form: it is asked for from the disaster page.
    assert "rekap-penugasan" not in {j.kode for j in laporan.yang_boleh(two_opds.users.admin)}
