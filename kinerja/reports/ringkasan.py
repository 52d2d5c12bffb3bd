"""Ringkasan Pimpinan: the dashboard's charts and tables on a few printable pages (PDF) or sheets (Excel)."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from openpyxl import Workbook

from kinerja import charts
from kinerja.models.skor import SkorRingkasan
from kinerja.selectors.dasbor import ringkasan_pemda
from sipd import access
from sipd.excel import NUMBER_FORMAT, RUPIAH_FORMAT, tulis_lembar, workbook_bytes
from sipd.laporan import JenisLaporan, daftar
from sipd.pdf import render_pdf


def _boleh(user, params) -> bool:
    return access.has_role(user, "admin", "bappeda", "pimpinan")


def _versi(params):
    from django.db.models import Count, Max

    return SkorRingkasan.objects.filter(tahun=params.get("tahun")).aggregate(n=Count("pk"), t=Max("dihitung"))


def _data(params) -> dict:
    data = ringkasan_pemda(tahun=int(params["tahun"]), triwulan=int(params["triwulan"]))
    if data["tahun"] != int(params["tahun"]) or not data["opd"]:
        raise ValidationError(_("Belum ada skor untuk tahun %(tahun)s.") % {"tahun": params["tahun"]})
    return data


def _tambahan(tahun: int, triwulan: int) -> dict:
    """SLA compliance of the period and the active disasters, as on the dashboard's tiles."""
    from bencana.selectors import ringkasan_bencana
    from sla.models import Permohonan
    from sla.selectors import kepatuhan, periode

    mulai, akhir = periode(tahun, triwulan)
    return {
        "sla": kepatuhan(Permohonan.objects.all(), mulai=mulai, akhir=akhir)[0],
        "bencana": ringkasan_bencana(),
    }


def _buat(params, fmt, progres):
    data = _data(params)
    progres(40)
    judul = _("Ringkasan Kinerja untuk Pimpinan")
    if fmt == "pdf":
        return render_pdf(
            "kinerja/laporan/ringkasan.html",
            {
                **data,
                **_tambahan(data["tahun"], data["triwulan"]),
                "grafik": charts.grafik_dasbor(data),
                "judul": judul,
            },
        )
    wb = Workbook()
    ws = wb.active
    ws.title = _("Perangkat daerah")
    tulis_lembar(
        ws,
        [
            _("Peringkat"),
            _("Perangkat daerah"),
            _("Capaian"),
            _("Predikat"),
            _("Indikator"),
            _("Terisi"),
            _("Kelengkapan (%)"),
            _("Pagu (Rp)"),
            _("Realisasi anggaran (Rp)"),
            _("Serapan (%)"),
            _("Terlambat"),
        ],
        (
            [
                i,
                s.nama,
                s.capaian,
                s.predikat or "",
                s.jumlah_indikator,
                s.jumlah_terisi,
                s.kelengkapan,
                s.pagu,
                s.realisasi_anggaran,
                s.serapan,
                _("ya") if s.terlambat else "",
            ]
            for i, s in enumerate(data["opd"], start=1)
        ),
        widths=[10, 48, 12, 15, 11, 10, 15, 20, 22, 12, 11],
        formats={3: NUMBER_FORMAT, 7: NUMBER_FORMAT, 8: RUPIAH_FORMAT, 9: RUPIAH_FORMAT, 10: NUMBER_FORMAT},
    )
    misi = wb.create_sheet(_("Misi"))
    tulis_lembar(
        misi, [_("Misi"), _("Capaian"), _("Predikat"), _("Indikator")],
        ([s.nama, s.capaian, s.predikat or "", s.jumlah_indikator] for s in data["misi"]),
        widths=[80, 12, 15, 11], formats={2: NUMBER_FORMAT},
    )  # fmt: skip
    return workbook_bytes(wb)


RINGKASAN = daftar(
    JenisLaporan(
        kode="ringkasan-pimpinan",
        judul=gettext_lazy("Ringkasan Pimpinan"),
        keterangan=gettext_lazy(
            "Capaian RPJMD dan per misi, peringkat OPD, sebaran predikat, serapan anggaran."
        ),
        boleh=_boleh,
        versi=_versi,
        buat=_buat,
        parameter=("tahun", "triwulan"),
    )
)
