"""The duty recap PDF built by a real Celery worker, fetched by the polling page; the claim register PDF."""

import datetime
import subprocess
import time
from pathlib import Path

import pytest

from bencana.models import LaporanHarian
from opd import klaim_reports
from opd.klaim_choices import ProgramBpjs
from opd.models import Opd
from tests.bencana import factories as bf
from tests.opd.klaim_factories import KlaimFactory

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "pdf"


def _png(pdf: bytes, name: str) -> list[Path]:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / f"{name}.pdf").write_bytes(pdf)
    for old in ARTIFACTS.glob(f"{name}-*.png"):
        old.unlink()
    subprocess.run(["pdftoppm", "-r", "60", "-png", str(ARTIFACTS / f"{name}.pdf"), str(ARTIFACTS / name)],
                   check=True)  # fmt: skip
    return sorted(ARTIFACTS.glob(f"{name}-*.png"))


@pytest.mark.django_db(transaction=True)
@pytest.mark.worker
def test_duty_recap_pdf_by_the_worker(two_opds, login, client, celery_worker_process):
    Opd.objects.filter(pk=two_opds.opd_a.pk).update(kepala=two_opds.pegawai_a)
    status = bf.StatusFactory(mulai=datetime.date.today() - datetime.timedelta(days=3))
    for pegawai in (two_opds.pegawai_a, two_opds.pegawai_b, two_opds.honorer_a):
        p = bf.PenugasanFactory(status_darurat=status, pegawai=pegawai, opd=pegawai.opd)
        LaporanHarian.objects.create(penugasan=p, tanggal=status.mulai, kegiatan="Posko")
    login(two_opds.users.pimpinan)
    response = client.post(f"/bencana/kejadian/{status.kejadian_id}/rekap/pdf/")
    assert response.status_code == 302 and response["Location"].startswith("/unduhan/")
    job_page = response["Location"]
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        page = client.get(job_page, HTTP_HX_REQUEST="true").content.decode()
        if "Laporan siap" in page:
            break
        time.sleep(0.5)
    assert "Laporan siap" in page, celery_worker_process.log.read_text()[-3000:]
    pdf = client.get(f"{job_page}berkas/")
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF-")
    login(two_opds.users.bappeda)  # somebody else's job is not theirs
    assert client.get(f"{job_page}berkas/").status_code == 404
    pages = _png(pdf.content, "rekap-penugasan")
    assert len(pages) >= 1
    text = subprocess.run(["pdftotext", "-layout", str(ARTIFACTS / "rekap-penugasan.pdf"), "-"],
                          capture_output=True, text=True, check=True).stdout  # fmt: skip
    assert (
        "REKAP PENUGASAN TANGGAP BENCANA" in text and "Dinas Kesehatan" in text and "Halaman 1 dari" in text
    )


@pytest.mark.django_db
def test_claim_register_pdf(two_opds, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    klaim = KlaimFactory(pegawai=two_opds.honorer_a, program=ProgramBpjs.JKK, jumlah_dibayar=None)
    pdf = klaim_reports.register_pdf(user=two_opds.users.kepegawaian, tahun=klaim.waktu_kejadian.year)
    assert _png(pdf, "register-klaim")
    text = subprocess.run(["pdftotext", "-layout", str(ARTIFACTS / "register-klaim.pdf"), "-"],
                          capture_output=True, text=True, check=True).stdout  # fmt: skip
    assert two_opds.honorer_a.nama in text and "Rp118.000.000" in text and two_opds.honorer_a.nik in text
    masked = klaim_reports.register_pdf(user=two_opds.users.kepala_a, tahun=klaim.waktu_kejadian.year)
    assert b"%PDF-" in masked[:8]
