"""Report jobs: a row the page polls, filled by a worker."""

from __future__ import annotations

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from sipd import access
from sla.choices import JenisLaporan, StatusLaporan
from sla.models import BerkasLaporan, Permohonan


@transaction.atomic
def minta_laporan_kepatuhan(*, user, tahun: int, triwulan: int | None = None) -> BerkasLaporan:
    from sla.tasks import buat_laporan

    if not access.can_any(user, access.VIEW, Permohonan):
        raise access.PermissionDenied
    laporan = BerkasLaporan.objects.create(
        pengguna=user, jenis=JenisLaporan.KEPATUHAN_PDF, parameter={"tahun": tahun, "triwulan": triwulan}
    )
    transaction.on_commit(lambda: buat_laporan.delay(laporan.pk))
    return laporan


def simpan_laporan(*, laporan_id: int) -> BerkasLaporan | None:
    """Render the report as its requester sees the data (safe to run twice: a finished one is kept)."""
    from sla.reports import kepatuhan_pdf

    laporan = BerkasLaporan.objects.select_related("pengguna").filter(pk=laporan_id).first()
    if laporan is None or laporan.status == StatusLaporan.SELESAI:
        return laporan
    try:
        isi = kepatuhan_pdf(laporan.pengguna, **laporan.parameter)
    except Exception:
        BerkasLaporan.objects.filter(pk=laporan.pk).update(status=StatusLaporan.GAGAL, selesai=timezone.now())
        raise
    with transaction.atomic():
        laporan.berkas.save(f"kepatuhan-sla-{laporan.pk}.pdf", ContentFile(isi), save=False)
        laporan.status, laporan.selesai = StatusLaporan.SELESAI, timezone.now()
        laporan.save(update_fields=["berkas", "status", "selesai"])
    return laporan
