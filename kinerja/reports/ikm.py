"""SKM reports in the usual format (PDF and Excel), the printable poster with the QR code, the QR itself."""

from __future__ import annotations

from django.db.models import Count, Max
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from openpyxl import Workbook
from openpyxl.styles import Font

from kinerja.models import ResponIkm, SurveiIkm
from kinerja.models.ikm import JenisKelamin, Pekerjaan, Pendidikan
from kinerja.selectors import ikm as selectors
from sipd import laporan as jobs
from sipd.excel import NUMBER_FORMAT, sel_aman, tulis_lembar, workbook_bytes
from sipd.laporan import JenisLaporan
from sipd.pdf import render_pdf


def qr_data_uri(url: str, *, scale: int = 8) -> str:
    """The link as an SVG QR code (segno: pure Python), as a data: URI (CSP allows data: images)."""
    import segno

    return segno.make(url, error="m").svg_data_uri(scale=scale, border=2)


def nama_berkas(survei: SurveiIkm, ekstensi: str) -> str:
    unit = "".join(c if c.isalnum() else "-" for c in survei.unit_layanan.lower()).strip("-")[:60]
    return f"skm-{unit}-{survei.tahun}-{survei.periode}.{ekstensi}"


def pdf_laporan(survei: SurveiIkm) -> bytes:
    return render_pdf("kinerja/ikm/laporan_pdf.html", {"lap": selectors.laporan(survei)})


def pdf_poster(survei: SurveiIkm, url: str) -> bytes:
    return render_pdf(
        "kinerja/ikm/poster_pdf.html", {"survei": survei, "url": url, "qr": qr_data_uri(url, scale=12)}
    )


def xlsx_laporan(survei: SurveiIkm) -> bytes:
    """Sheet 1 the tabulation (one row per respondent, then sums, NRR, NRR tertimbang, IKM), sheet 2 the
    summary per element, sheet 3 the respondent profile, sheet 4 the comments."""
    lap = selectors.laporan(survei, saran_maks=10_000)
    hasil = lap.hasil
    wb = Workbook()
    ws = wb.active
    ws.title = _("Pengolahan Data")
    label = {
        **dict(JenisKelamin.choices), **dict(Pendidikan.choices), **dict(Pekerjaan.choices),
    }  # fmt: skip
    rows = (
        [nomor, *row[:9], row[9], str(label.get(row[10], "")), str(label.get(row[11], "")),
         str(label.get(row[12], ""))]
        for nomor, row in enumerate(selectors.jawaban_mentah(survei), start=1)
    )  # fmt: skip
    header = [_("No."), *(f"U{i}" for i in range(1, 10)), _("Usia"), _("Jenis kelamin"), _("Pendidikan"),
              _("Pekerjaan")]  # fmt: skip
    tulis_lembar(ws, header, rows, widths=[6, *([6] * 9), 7, 14, 14, 18])
    ws.append([])
    ringkas = [
        (_("Σ nilai per unsur"), hasil.jumlah, "0"),
        (_("Σ responden menjawab"), hasil.terjawab, "0"),
        (_("NRR per unsur"), hasil.nrr_desimal, "0.000"),
        (_("NRR tertimbang"), hasil.nrr_tertimbang, "0.000"),
    ]
    for judul, nilai, fmt in ringkas:
        ws.append([judul, *(float(v) if v is not None else None for v in nilai)])
        for cell in ws[ws.max_row][1:10]:
            cell.number_format = fmt
        ws[ws.max_row][0].font = Font(bold=True)
    ws.append([_("IKM"), float(hasil.nilai_desimal) if hasil.nilai is not None else None])
    ws[ws.max_row][0].font = Font(bold=True)
    ws[ws.max_row][1].number_format = NUMBER_FORMAT
    ws.append([_("Mutu"), sel_aman(f"{hasil.mutu.kode} ({hasil.mutu.kinerja})") if hasil.mutu else "–"])

    rekap = wb.create_sheet(_("Rekap Unsur"))
    tulis_lembar(
        rekap,
        [_("Kode"), _("Unsur pelayanan"), _("Σ nilai"), _("Σ responden"), _("NRR"), _("NRR tertimbang"),
         _("IKM unsur")],
        [[u.kode, u.nama, u.jumlah, u.terjawab, float(u.nrr) if u.nrr is not None else None,
          float(u.nrr_tertimbang) if u.nrr_tertimbang is not None else None,
          float(u.nrr * 25) if u.nrr is not None else None] for u in lap.unsur],
        widths=[7, 44, 10, 12, 10, 16, 12], formats={5: "0.000", 6: "0.000", 7: NUMBER_FORMAT},
    )  # fmt: skip
    rekap.append([])
    for judul, nilai in (
        (_("Unit layanan"), survei.unit_layanan),
        (_("Periode"), f"{survei.get_periode_display()} {survei.tahun}"),
        (_("Jumlah responden"), hasil.responden),
        (_("Sampel minimal (Krejcie–Morgan)"), lap.sampel_minimal),
        (_("IKM"), float(hasil.nilai_desimal) if hasil.nilai is not None else None),
        (_("Mutu pelayanan"), hasil.mutu.kode if hasil.mutu else "–"),
        (_("Kinerja unit pelayanan"), hasil.mutu.kinerja if hasil.mutu else "–"),
    ):
        rekap.append([None, sel_aman(judul), sel_aman(nilai)])
        if judul == _("IKM"):
            rekap[rekap.max_row][2].number_format = NUMBER_FORMAT

    profil = wb.create_sheet(_("Profil Responden"))
    rows = []
    for judul, daftar in (
        (_("Jenis kelamin"), lap.profil["jenis_kelamin"]), (_("Pendidikan"), lap.profil["pendidikan"]),
        (_("Pekerjaan"), lap.profil["pekerjaan"]), (_("Usia"), lap.profil["usia"]),
    ):  # fmt: skip
        rows += [[judul, nama, jumlah] for nama, jumlah in daftar]
    tulis_lembar(profil, [_("Karakteristik"), _("Kategori"), _("Jumlah")], rows, widths=[16, 24, 10])

    saran = wb.create_sheet(_("Saran"))
    tulis_lembar(
        saran, [_("Waktu"), _("Saran dan masukan")],
        [[timezone.localtime(r.dibuat).strftime("%d-%m-%Y %H:%M"), r.saran] for r in lap.saran],
        widths=[18, 100],
    )  # fmt: skip
    return workbook_bytes(wb)


# ---------------------------------------------------------------------------------------------------------
# Registered with the report-job framework (sipd.laporan): rendered by Celery, reused by data version.
# ---------------------------------------------------------------------------------------------------------
def _survei_terlihat(user, params) -> SurveiIkm | None:
    try:
        pk = int(params.get("survei") or 0)
    except (TypeError, ValueError):
        return None
    return SurveiIkm.objects.visible_to(user).filter(pk=pk).first() if pk else None


def _boleh_survei(user, params) -> bool:
    return _survei_terlihat(user, params) is not None


def _versi_survei(params) -> tuple:
    respon = ResponIkm.objects.filter(survei_id=params["survei"]).aggregate(n=Count("pk"), t=Max("dibuat"))
    survei = SurveiIkm.objects.filter(pk=params["survei"]).values().first()
    return respon, survei


def _buat_skm(params, fmt, progres):
    survei = SurveiIkm.objects.select_related("opd__kepala").get(pk=params["survei"])
    progres(20)
    return pdf_laporan(survei) if fmt == "pdf" else xlsx_laporan(survei)


def _nama_skm(params) -> str:
    survei = SurveiIkm.objects.get(pk=params["survei"])
    return nama_berkas(survei, "x").removesuffix(".x")


SKM = jobs.daftar(
    JenisLaporan(
        kode="skm", judul=gettext_lazy("Laporan Survei Kepuasan Masyarakat"), boleh=_boleh_survei,
        versi=_versi_survei, buat=_buat_skm, parameter=("survei",), nama_berkas=_nama_skm,
        keterangan=gettext_lazy("Hasil SKM satu unit layanan dan periode (format PermenPAN-RB 14/2017)."),
    )
)  # fmt: skip


def url_poster_sah(survei: SurveiIkm, url: str) -> bool:
    return url.startswith(("http://", "https://")) and url.endswith(
        reverse("ikm-publik", args=[survei.token])
    )


def _boleh_poster(user, params) -> bool:
    survei = _survei_terlihat(user, params)
    return survei is not None and url_poster_sah(survei, str(params.get("url", "")))


def _buat_poster(params, fmt, progres):
    return pdf_poster(SurveiIkm.objects.select_related("opd").get(pk=params["survei"]), params["url"])


POSTER = jobs.daftar(
    JenisLaporan(
        kode="poster-skm", judul=gettext_lazy("Poster QR Survei Kepuasan Masyarakat"), boleh=_boleh_poster,
        versi=lambda params: SurveiIkm.objects.filter(pk=params["survei"]).values("unit_layanan").first(),
        buat=_buat_poster, format=("pdf",), parameter=("survei", "url"),
        nama_berkas=lambda params: f"poster-{_nama_skm(params)}",
    )
)  # fmt: skip
