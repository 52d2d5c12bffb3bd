"""The PDF compliance report is rendered by a real Celery worker; the page polls the job."""

import time

import pytest

from sla.models import BerkasLaporan

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]


def test_pdf_report_job_is_done_by_the_worker(two_opds, klien, celery_worker_process):
    client = klien(two_opds.users.pimpinan)
    response = client.post("/sla/kepatuhan/pdf/", {"tahun": 2026, "triwulan": ""})
    laporan = BerkasLaporan.objects.get()
    assert response["Location"] == f"/sla/laporan/{laporan.pk}/"
    page = client.get(f"/sla/laporan/{laporan.pk}/").content.decode()
    assert 'hx-trigger="every 2s"' in page or "Unduh PDF" in page
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        laporan.refresh_from_db()
        if laporan.status != "antre":
            break
        time.sleep(0.5)
    assert laporan.status == "selesai", celery_worker_process.log.read_text()[-3000:]
    assert laporan.berkas.name.startswith("sla/laporan/kepatuhan-sla-")
    partial = client.get(f"/sla/laporan/{laporan.pk}/", headers={"HX-Request": "true"}).content.decode()
    assert "Unduh PDF" in partial and "every 2s" not in partial
    assert klien(two_opds.users.bappeda).get(f"/sla/laporan/{laporan.pk}/").status_code == 404  # not theirs
