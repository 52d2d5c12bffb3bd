"""The PDF compliance report is rendered by a real Celery worker through the shared report flow (/laporan/);
the status page polls the job, the file downloads, another OPD's user gets a 404."""

import time

import pytest

from sipd.models import PekerjaanLaporan
from sla import reports

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]


def test_pdf_report_is_made_by_the_worker_and_downloaded_by_its_opd_only(
    two_opds, permohonan_ca, klien, celery_worker_process, settings
):
    settings.MEDIA_ROOT = celery_worker_process.media_root  # read the worker's files
    client = klien(two_opds.users.operator_a)
    response = client.post(
        "/laporan/", {"jenis": reports.KODE, "format": "pdf", "tahun": 2026, "triwulan": ""}
    )
    job = PekerjaanLaporan.objects.get()
    assert response["Location"] == f"/laporan/{job.pk}/"
    assert job.parameter == {"tahun": 2026, "lingkup": [two_opds.opd_a.pk]}
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        job.refresh_from_db()
        if job.status in (PekerjaanLaporan.Status.SELESAI, PekerjaanLaporan.Status.GAGAL):
            break
        time.sleep(0.5)
    assert job.status == PekerjaanLaporan.Status.SELESAI, (
        job.pesan,
        celery_worker_process.log.read_text()[-3000:],
    )
    partial = client.get(f"/laporan/{job.pk}/", headers={"HX-Request": "true"}).content.decode()
    assert 'id="unduh-laporan"' in partial and "every 2s" not in partial
    download = client.get(f"/laporan/{job.pk}/unduh/")
    assert download.status_code == 200
    assert download["Content-Disposition"] == 'attachment; filename="kepatuhan-sla-2026.pdf"'
    assert b"".join(download.streaming_content)[:5] == b"%PDF-"
    for user in (two_opds.users.operator_b, two_opds.users.kepala_b):
        other = klien(user)
        assert other.get(f"/laporan/{job.pk}/").status_code == 404
        assert other.get(f"/laporan/{job.pk}/unduh/").status_code == 404
