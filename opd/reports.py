"""Reports of the opd app registered with the report-job framework (sipd.laporan)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db.models import Count, Max
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from opd import klaim_reports, klaim_services
from opd.models import KlaimBpjs
from sipd import access
from sipd.laporan import JenisLaporan, daftar


def _tahun(params) -> int:
    try:
        return int(params["tahun"])
    except (KeyError, TypeError, ValueError):
        raise ValidationError(_("Tahun register tidak sah.")) from None


def _boleh_register(user, params) -> bool:
    """The claim managers; the unmasked register only to the roles that see private data."""
    if not klaim_services.pengelola_klaim(user):
        return False
    return not params.get("data_pribadi") or access.can_see_private_data(user)


def _versi_register(params) -> dict:
    return KlaimBpjs.objects.filter(waktu_kejadian__year=_tahun(params)).aggregate(
        n=Count("pk"), diubah=Max("diubah"), pegawai=Max("pegawai__diubah")
    )


def _buat_register(params, fmt, progres) -> bytes:
    tahun, pribadi = _tahun(params), bool(params.get("data_pribadi"))
    progres(10)
    if fmt == "pdf":
        return klaim_reports.register_pdf(tahun=tahun, data_pribadi=pribadi)
    return klaim_reports.register_xlsx(tahun=tahun, data_pribadi=pribadi)


REGISTER_KLAIM = daftar(
    JenisLaporan(
        kode="register-klaim-bpjs",
        judul=gettext_lazy("Register klaim BPJS Ketenagakerjaan"),
        keterangan=gettext_lazy("Klaim santunan kematian pegawai non-ASN menurut tahun kejadian."),
        boleh=_boleh_register,
        versi=_versi_register,
        buat=_buat_register,
        parameter=("tahun",),
        di_formulir=False,
        nama_berkas=lambda params: f"register-klaim-bpjs-{_tahun(params)}",
        kembali=lambda params: f"{reverse('klaim-list')}?tahun={_tahun(params)}",
    )
)
