"""The compliance report through the shared report-job framework (sipd.laporan, kode "kepatuhan-sla").

The figures depend on who reads them, so a job carries its requester's scope: users of one OPD share a file,
another OPD's user never receives it, and Pimpinan and Bappeda share the Pemda-wide one. The real worker:
tests/sla/test_worker.py."""

import io

import pytest
from openpyxl import load_workbook

from sipd import laporan
from sipd.models import PekerjaanLaporan
from sipd.tasks import buat_laporan
from sla import reports, selectors

pytestmark = pytest.mark.django_db
Status = PekerjaanLaporan.Status


def minta(client, fmt="xlsx", **data) -> PekerjaanLaporan:
    """Ask as the compliance page's button does (a form posted to /laporan/)."""
    response = client.post("/laporan/", {"jenis": reports.KODE, "format": fmt, "tahun": 2026, **data})
    assert response.status_code == 302, response.content.decode()[:500]
    return PekerjaanLaporan.objects.get(pk=response["Location"].split("/")[-2])


def per_opd(client, job) -> set[str]:
    """Run the task body here (on_commit does not fire in this test), download, read the providers."""
    buat_laporan.run(job.pk)
    response = client.get(f"/laporan/{job.pk}/unduh/")
    assert response.status_code == 200
    wb = load_workbook(io.BytesIO(b"".join(response.streaming_content)), read_only=True)
    return {row[0] for row in wb["Per OPD"].iter_rows(min_row=2, values_only=True)}


def test_the_compliance_page_asks_through_the_shared_report_form(two_opds, klien):
    page = klien(two_opds.users.operator_a).get("/sla/kepatuhan/?tahun=2026&triwulan=2").content.decode()
    assert 'action="/laporan/"' in page and f'name="jenis" value="{reports.KODE}"' in page
    assert 'name="triwulan" value="2"' in page
    client = klien(two_opds.users.operator_a)
    job = minta(client, fmt="pdf", triwulan=2)
    assert job.parameter == {"tahun": 2026, "triwulan": 2, "lingkup": [two_opds.opd_a.pk]}
    assert job.nama_berkas == "kepatuhan-sla-2026-tw2.pdf"
    status = client.get(f"/laporan/{job.pk}/").content.decode()
    assert 'href="/sla/kepatuhan/?tahun=2026&amp;triwulan=2"' in status  # back to the page it came from
    assert f'href="/laporan/{job.pk}/"' in client.get("/sla/kepatuhan/?tahun=2026").content.decode()


def test_jobs_are_shared_within_one_scope_and_refused_to_another_opd(
    two_opds, klien, permohonan_ab, permohonan_ca
):
    """B serves A (permohonan_ab), A serves C (permohonan_ca): each OPD reads its own side as provider."""
    u = two_opds.users
    client_a = klien(u.operator_a)
    job_a = minta(client_a)
    assert job_a.parameter["lingkup"] == [two_opds.opd_a.pk]
    assert minta(klien(u.kepala_a)).pk == job_a.pk  # the same OPD, the same data: the same job

    client_b = klien(u.operator_b)
    assert client_b.get(f"/laporan/{job_a.pk}/").status_code == 404
    job_b = minta(client_b)
    assert job_b.pk != job_a.pk and job_b.parameter["lingkup"] == [two_opds.opd_b.pk]

    assert per_opd(client_a, job_a) == {two_opds.opd_a.nama}
    assert client_b.get(f"/laporan/{job_a.pk}/unduh/").status_code == 404
    assert per_opd(client_b, job_b) == {two_opds.opd_b.nama}

    job_semua = minta(klien(u.pimpinan))
    assert job_semua.parameter["lingkup"] == selectors.SEMUA
    assert minta(klien(u.bappeda)).pk == job_semua.pk
    assert per_opd(klien(u.bappeda), job_semua) == {two_opds.opd_a.nama, two_opds.opd_b.nama}
    assert client_a.get(f"/laporan/{job_semua.pk}/unduh/").status_code == 404


def test_a_scope_sent_with_the_request_is_replaced_by_the_requesters_own(two_opds):
    u = two_opds.users
    job = laporan.minta(
        user=u.operator_b, kode=reports.KODE, params={"tahun": 2026, "lingkup": selectors.SEMUA}, fmt="pdf"
    )
    assert job.parameter["lingkup"] == [two_opds.opd_b.pk]
    assert not laporan.boleh_lihat(u.operator_a, job) and laporan.boleh_lihat(u.kepala_b, job)
    assert reports.KEPATUHAN not in laporan.yang_boleh(u.kepegawaian)  # no compliance to read


def test_report_figures_equal_the_page_for_the_same_scope(two_opds, permohonan_ab, permohonan_ca):
    for user in (two_opds.users.operator_a, two_opds.users.operator_b, two_opds.users.bappeda):
        lingkup = selectors.lingkup_kepatuhan(user)
        assert reports.data_laporan(lingkup, tahun=2026) == reports.data_laporan(user, tahun=2026)


def test_a_new_request_makes_a_new_version_of_the_file(two_opds, klien, permohonan_ab, sla_ab):
    from sla import services

    client = klien(two_opds.users.operator_b)
    job = minta(client)
    buat_laporan.run(job.pk)
    assert minta(client).pk == job.pk  # nothing changed: the finished file is reused
    services.ajukan_permohonan(
        user=two_opds.users.operator_a, sla=sla_ab, pemohon=two_opds.opd_a, perihal="Kedua"
    )
    assert minta(client).pk != job.pk
