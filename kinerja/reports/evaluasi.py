"""Evaluasi hasil RPJMD, Evaluasi Renstra PD and Evaluasi Renja per triwulan: PDF (WeasyPrint) and Excel.

The RPJMD report is long at the large scale (thousands of indicators): its PDF is cut into sections of
SIPD_LAPORAN_BARIS_PER_BAGIAN rows that parallel Celery tasks render, merged with page numbers stamped over
the whole document (sipd.laporan).
"""

from __future__ import annotations

import itertools
from collections import Counter
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from kinerja.models import PelaporanTriwulan
from kinerja.reports import data
from opd.models import Opd
from sipd import access
from sipd.excel import NUMBER_FORMAT, RUPIAH_FORMAT, tulis_lembar, workbook_bytes
from sipd.formatting import KOSONG, format_angka
from sipd.laporan import JenisLaporan, daftar, sidik
from sipd.pdf import render_pdf

PIMPINAN = ("admin", "bappeda", "pimpinan")


def _boleh_pemda(user, params) -> bool:
    return access.has_role(user, *PIMPINAN)


def _boleh_opd(user, params) -> bool:
    """Leaders and Bappeda for any OPD; the OPD's own head and operator for their OPD."""
    if access.has_role(user, *PIMPINAN):
        return True
    opd = params.get("opd")
    if opd in (None, ""):
        return bool(access.roles_of(user).opd_ids)
    return access.can_for_opd(user, access.VIEW, PelaporanTriwulan, int(opd))


def _periode(tahun):
    periode = data.periode_tahun(int(tahun))
    if periode is None:
        raise ValidationError(_("Belum ada periode RPJMD yang mencakup tahun %(tahun)s.") % {"tahun": tahun})
    return periode


def _opd(opd_id) -> Opd:
    opd = Opd.objects.filter(pk=opd_id).first()
    if opd is None:
        raise ValidationError(_("OPD tidak ditemukan."))
    return opd


# DejaVu Sans Mono advances every glyph 1233/2048 em; a point is 25,4/72 mm.
MONO_EM = 1233 / 2048
PT_MM = 25.4 / 72
JARAK = 2  # spaces between T, R and C


@dataclass(frozen=True)
class KolomTahunan:
    """A year's target, realisasi and capaian printed as one cell of aligned monospace figures.

    WeasyPrint's cost is per cell: one cell per year instead of three lays the long RPJMD table out about
    twice as fast and prints the same columns. The widths come from every row of the report, so sections
    rendered in parallel line up. They fit nearly all of the figures; a row with longer ones (a range, a
    target in the millions) gets its own widths and smaller type in that cell only.
    """

    lebar: tuple[int, int, int]
    ukuran_pt: float
    lebar_mm: float

    RUANG_MM = 142  # what the years may take of the 269 mm of an A4 landscape line (20 characters at 6,3 pt)
    UKURAN_PT = 6.3
    UKURAN_NYAMAN_PT = 5.5
    UKURAN_MIN_PT = 4.5
    PADDING_MM = 1.6
    SKALA = (90, 80, 70, 60)  # steps of smaller type for a cell with long figures, in % (classes .t90 …)

    @classmethod
    def dari(cls, panjang: tuple[dict[int, int], ...], tahun: int, label) -> KolomTahunan:
        """The widths that leave the fewest figures outside them (up to 1 % of them is as good as none) at a
        readable type size, the largest size among equals. `panjang`: per column, how many figures have
        each length (`lebar_tahunan`)."""
        batas = sum(panjang[0].values()) / 100
        terbaik = None
        for lebar in itertools.product(
            *(sorted({max(len(x), n) for n in c} | {len(x)}) for c, x in zip(panjang, label, strict=True))
        ):
            ukuran = min(cls.UKURAN_PT, cls._muat(sum(lebar) + 2 * JARAK, tahun))
            if ukuran < cls.UKURAN_NYAMAN_PT:
                continue
            lewat = sum(n for c, w in zip(panjang, lebar, strict=True) for k, n in c.items() if k > w)
            kunci = (max(0.0, lewat - batas), -ukuran, lewat)
            if terbaik is None or kunci < terbaik[0]:
                terbaik = (kunci, lebar, ukuran)
        if terbaik is None:  # not even the headings fit at a readable size: as small as allowed
            lebar = tuple(len(x) for x in label)
            ukuran = max(cls.UKURAN_MIN_PT, min(cls.UKURAN_PT, cls._muat(sum(lebar) + 2 * JARAK, tahun)))
        else:
            _kunci, lebar, ukuran = terbaik
        return cls(lebar, round(ukuran, 2), round(cls._mm(sum(lebar) + 2 * JARAK, ukuran), 2))

    @property
    def skala(self) -> list[tuple[str, float]]:
        """(class, type size in pt) of the steps of smaller type."""
        return [(f"t{s}", round(self.ukuran_pt * s / 100, 2)) for s in self.SKALA]

    @classmethod
    def _mm(cls, huruf: int, ukuran: float) -> float:
        return huruf * MONO_EM * ukuran * PT_MM + cls.PADDING_MM

    @classmethod
    def _muat(cls, huruf: int, tahun: int) -> float:
        """The largest type (pt) in which `huruf` characters fit the width of a year."""
        return (cls.RUANG_MM / max(tahun, 1) - cls.PADDING_MM) / (huruf * MONO_EM * PT_MM)

    def sel(self, nilai: tuple[str, str, str]) -> tuple[str, str]:
        """The cell's text and its type class ('' at the table's size)."""
        lebar = [max(n, len(t)) for t, n in zip(nilai, self.lebar, strict=True)]
        teks = (" " * JARAK).join(t.rjust(n) for t, n in zip(nilai, lebar, strict=True))
        if tuple(lebar) == self.lebar:
            return teks, ""
        muat = (self.lebar_mm - self.PADDING_MM) / (len(teks) * MONO_EM * PT_MM) / self.ukuran_pt * 100
        return teks, f"t{next((s for s in self.SKALA if s <= muat), self.SKALA[-1])}"


def lebar_tahunan(rows, tahun_list, sampai_tahun) -> tuple[dict[int, int], ...]:
    """For T, R and C: how many of the report's figures have each length (characters)."""
    panjang = (Counter(), Counter(), Counter())
    for r in rows:
        if r.jenis == "indikator":
            for nilai in _tiga_nilai(r, tahun_list, sampai_tahun):
                for i, teks in enumerate(nilai):
                    panjang[i][len(teks)] += 1
    return tuple(dict(c) for c in panjang)


def _tiga_nilai(row, tahun_list, sampai_tahun):
    """(T, R, C) of each year as printed, two decimals so the commas line up; a year not yet reached has
    only its target."""
    for tahun, (target, realisasi, capaian) in zip(tahun_list, row.tahunan, strict=True):
        if target is None:
            t = KOSONG
        elif target.nilai_atas is not None:
            t = f"{format_angka(target.nilai)}–{format_angka(target.nilai_atas)}"
        else:
            t = format_angka(target.nilai)
        if tahun > sampai_tahun:
            yield t, "", ""
        else:
            yield t, format_angka(realisasi), format_angka(capaian)


def _konteks(judul: str, periode, tahun: int, rows, *, lebar=None, **extra) -> dict:
    """`lebar`: the figures' lengths over the whole report (`lebar_tahunan`) when `rows` is one section."""
    tahun_list = list(periode.tahun)
    label = (_("T"), _("R"), pgettext("capaian", "C") + " (%)")
    kolom = KolomTahunan.dari(lebar or lebar_tahunan(rows, tahun_list, tahun), len(tahun_list), label)
    return {
        "judul": judul,
        "periode": periode,
        "tahun_list": tahun_list,
        "sampai_tahun": tahun,
        "baris": [
            (r, [kolom.sel(n) for n in _tiga_nilai(r, tahun_list, tahun)] if r.jenis == "indikator" else None)
            for r in rows
        ],
        "kolom": 7 + len(tahun_list),
        "kolom_tahunan": kolom,
        "label_tahunan": kolom.sel(label)[0],
        **extra,
    }


# --- Evaluasi hasil RPJMD ---------------------------------------------------------------------------------


def _kunci_rpjmd(params, periode) -> str:
    return "laporan:rpjmd:" + sidik(params, data.versi_skor(periode.pk))


def _rows_rpjmd(params):
    """The rows, computed once per data version and kept in Redis while a job may still need them."""
    periode = _periode(params["tahun"])
    kunci = _kunci_rpjmd(params, periode)
    rows = cache.get(kunci)
    if rows is None:
        rows = data.evaluasi_rpjmd(periode, int(params["tahun"]))
        cache.set(kunci, rows, settings.SIPD_LAPORAN_BATAS_DETIK * 2)
    return periode, rows


def _versi_rpjmd(params):
    periode = data.periode_tahun(int(params["tahun"]))
    return data.versi_skor(periode.pk) if periode else None


def _judul_rpjmd(periode) -> str:
    return _("Evaluasi Hasil RPJMD %(awal)s–%(akhir)s") % {
        "awal": periode.tahun_awal,
        "akhir": periode.tahun_akhir,
    }


def _pdf_rpjmd(
    params, rows, periode, *, lebar=None, dengan_ttd=True, tanpa_nomor=False, tampil_judul=True
) -> bytes:
    return render_pdf(
        "kinerja/laporan/evaluasi_periode.html",
        _konteks(
            _judul_rpjmd(periode),
            periode,
            int(params["tahun"]),
            rows,
            lebar=lebar,
            dengan_ttd=dengan_ttd,
            tanpa_nomor_halaman=tanpa_nomor,
            tampil_judul=tampil_judul,
            subjudul=periode.nama,
        ),
    )


def _bagian_rpjmd(params):
    """Cuts the report into sections and leaves each section's rows in Redis with the figures' widths of the
    whole report, so a section task reads its own rows only, not the thousands of the report."""
    periode, rows = _rows_rpjmd(params)
    daftar_bagian = data.potong(rows, settings.SIPD_LAPORAN_BARIS_PER_BAGIAN)
    kunci = _kunci_rpjmd(params, periode)
    lebar = lebar_tahunan(rows, list(periode.tahun), int(params["tahun"]))
    cache.set_many(
        {
            f"{kunci}:{mulai}-{akhir}": (rows[mulai:akhir], lebar, akhir >= len(rows))
            for mulai, akhir in daftar_bagian
        },
        settings.SIPD_LAPORAN_BATAS_DETIK * 2,
    )
    return daftar_bagian


def _buat_bagian_rpjmd(params, bagian):
    mulai, akhir = bagian
    periode = _periode(params["tahun"])
    simpanan = cache.get(f"{_kunci_rpjmd(params, periode)}:{mulai}-{akhir}")
    if simpanan is None:  # evicted, or the data changed since the job was cut: work from all the rows
        _periode_obj, rows = _rows_rpjmd(params)
        simpanan = (
            rows[mulai:akhir],
            lebar_tahunan(rows, list(periode.tahun), int(params["tahun"])),
            akhir >= len(rows),
        )
    rows, lebar, terakhir = simpanan
    return _pdf_rpjmd(
        params, rows, periode, lebar=lebar, dengan_ttd=terakhir, tanpa_nomor=True, tampil_judul=mulai == 0
    )


def _buat_rpjmd(params, fmt, progres):
    periode, rows = _rows_rpjmd(params)
    progres(30)
    if fmt == "pdf":
        return _pdf_rpjmd(params, rows, periode)
    return _xlsx_periode(_judul_rpjmd(periode), periode, rows)


def _xlsx_periode(judul: str, periode, rows) -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.title = _("Evaluasi")[:31]
    tahun = list(periode.tahun)
    header = [_("No."), _("Sasaran / Program"), _("Indikator"), _("Satuan"), _("Kondisi awal")]
    for t in tahun:
        header += [f"{_('Target')} {t}", f"{_('Realisasi')} {t}", f"{_('Capaian')} {t} (%)"]
    header += [_("Capaian akhir periode (%)"), _("Predikat"), _("Perangkat daerah")]
    isi = []
    for r in rows:
        if r.jenis == "judul":
            isi.append(["", r.teks])
            continue
        ind = r.indikator
        baris = [r.nomor, r.kolom_induk, ind.nama, ind.satuan, ind.kondisi_awal]
        for target, realisasi, capaian in zip(r.target, r.realisasi, r.capaian, strict=True):
            baris += [getattr(target, "nilai", None), realisasi, capaian]
        baris += [r.capaian_periode, r.predikat_periode or "", ind.opd.singkatan or ind.opd.nama]
        isi.append(baris)
    tulis_lembar(
        ws,
        header,
        isi,
        widths=[6, 40, 44, 12, 12, *([12] * 3 * len(tahun)), 14, 14, 18],
        formats=dict.fromkeys(range(5, 6 + 3 * len(tahun) + 1), NUMBER_FORMAT),
    )
    for row in ws.iter_rows(min_row=2):
        if row[0].value in (None, ""):
            row[1].font = Font(bold=True)
        for cell in row[1:3]:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    ws.insert_rows(1)
    ws["A1"] = judul
    ws["A1"].font = Font(bold=True, size=13)
    ws.freeze_panes = "D3"
    return workbook_bytes(wb)


RPJMD = daftar(
    JenisLaporan(
        kode="evaluasi-rpjmd",
        judul=gettext_lazy("Evaluasi hasil RPJMD"),
        keterangan=gettext_lazy(
            "Misi → tujuan → sasaran → program: kondisi awal, target, realisasi, capaian dan predikat "
            "per tahun dan akhir periode, perangkat daerah penanggung jawab (Permendagri 86/2017)."
        ),
        boleh=_boleh_pemda,
        versi=_versi_rpjmd,
        buat=_buat_rpjmd,
        bagian=_bagian_rpjmd,
        buat_bagian=_buat_bagian_rpjmd,
        parameter=("tahun",),
    )
)


# --- Evaluasi Renstra PD ----------------------------------------------------------------------------------


def _judul_renstra(opd, periode) -> str:
    return _("Evaluasi Renstra %(opd)s %(awal)s–%(akhir)s") % {
        "opd": opd.nama,
        "awal": periode.tahun_awal,
        "akhir": periode.tahun_akhir,
    }


def _buat_renstra(params, fmt, progres):
    periode, opd = _periode(params["tahun"]), _opd(params["opd"])
    rows = data.evaluasi_renstra(periode, opd.pk, int(params["tahun"]))
    progres(40)
    judul = _judul_renstra(opd, periode)
    if fmt == "pdf":
        return render_pdf(
            "kinerja/laporan/evaluasi_periode.html",
            _konteks(
                judul,
                periode,
                int(params["tahun"]),
                rows,
                dengan_ttd=True,
                subjudul=opd.nama,
                opd=opd,
                tampil_judul=True,
            ),
        )
    return _xlsx_periode(judul, periode, rows)


def _versi_renstra(params):
    periode = data.periode_tahun(int(params["tahun"]))
    return data.versi_skor(periode.pk, opd_id=params.get("opd")) if periode else None


RENSTRA = daftar(
    JenisLaporan(
        kode="evaluasi-renstra",
        judul=gettext_lazy("Evaluasi Renstra Perangkat Daerah"),
        keterangan=gettext_lazy(
            "Tujuan dan sasaran PD, program, kegiatan dan sub kegiatan dengan capaian per tahun."
        ),
        boleh=_boleh_opd,
        versi=_versi_renstra,
        buat=_buat_renstra,
        parameter=("tahun", "opd"),
    )
)


# --- Evaluasi Renja per triwulan --------------------------------------------------------------------------


def _buat_renja(params, fmt, progres):
    tahun, opd = int(params["tahun"]), _opd(params["opd"])
    _periode(tahun)
    rows = data.evaluasi_renja(opd.pk, tahun)
    progres(40)
    judul = _("Evaluasi Renja %(opd)s Tahun %(tahun)s") % {"opd": opd.nama, "tahun": tahun}
    if fmt == "pdf":
        return render_pdf(
            "kinerja/laporan/evaluasi_renja.html",
            {
                "judul": judul,
                "rows": rows,
                "tahun": tahun,
                "opd": opd,
                "penandatangan": opd.kepala or opd.pelaksana,
            },
        )
    wb = Workbook()
    ws = wb.active
    ws.title = _("Renja")
    header = [
        _("No."),
        _("Kode"),
        _("Program / Kegiatan / Sub Kegiatan"),
        _("Indikator"),
        _("Satuan"),
        _("Target"),
        _("Pagu (Rp)"),
    ]
    for tw in ("I", "II", "III", "IV"):
        header += [f"TW {tw} {_('kinerja')}", f"TW {tw} (Rp)"]
    header += [
        _("Realisasi tahun"),
        _("Realisasi anggaran (Rp)"),
        _("Capaian (%)"),
        _("Serapan (%)"),
        _("Predikat"),
        _("Faktor pendorong"),
        _("Faktor penghambat"),
        _("Tindak lanjut"),
    ]
    isi = []
    for r in rows:
        if r.jenis == "judul":
            baris = ["", r.kode, r.teks, "", "", "", r.pagu]
            for rp in r.anggaran_tw:
                baris += ["", rp]
            isi.append([*baris, "", r.anggaran_tahun, "", r.serapan])
            continue
        ind = r.indikator
        baris = [
            r.nomor,
            r.kode,
            r.kolom_induk,
            ind.nama,
            ind.satuan,
            getattr(r.target[0], "nilai", None),
            None,
        ]
        for nilai in r.tw:
            baris += [nilai, None]
        isi.append(
            [
                *baris,
                r.realisasi_tahun,
                None,
                r.capaian[0],
                None,
                r.predikat_periode or "",
                r.narasi["pendorong"],
                r.narasi["penghambat"],
                r.narasi["tindak_lanjut"],
            ]
        )
    formats = {
        6: NUMBER_FORMAT,
        7: RUPIAH_FORMAT,
        16: NUMBER_FORMAT,
        17: RUPIAH_FORMAT,
        18: NUMBER_FORMAT,
        19: NUMBER_FORMAT,
    }
    for i in range(4):
        formats[8 + 2 * i], formats[9 + 2 * i] = NUMBER_FORMAT, RUPIAH_FORMAT
    tulis_lembar(
        ws,
        header,
        isi,
        widths=[6, 18, 40, 40, 10, 10, 16, *([11, 16] * 4), 12, 16, 11, 11, 14, 30, 30, 30],
        formats=formats,
    )
    return workbook_bytes(wb)


def _versi_renja(params):
    from django.db.models import Count, Max

    from kinerja.models import Realisasi, RealisasiAnggaran

    tahun, opd = int(params["tahun"]), params.get("opd")
    return (
        Realisasi.objects.filter(tahun=tahun, indikator__opd_id=opd).aggregate(
            n=Count("pk"), t=Max("diubah")
        ),
        RealisasiAnggaran.objects.filter(tahun=tahun, nomenklatur__opd_id=opd).aggregate(
            n=Count("pk"), t=Max("diubah")
        ),
        _versi_renstra(params),
    )


RENJA = daftar(
    JenisLaporan(
        kode="evaluasi-renja",
        judul=gettext_lazy("Evaluasi Renja per triwulan"),
        keterangan=gettext_lazy(
            "Realisasi kinerja dan anggaran triwulan I–IV, capaian, serapan, faktor pendorong dan "
            "penghambat, tindak lanjut."
        ),
        boleh=_boleh_opd,
        versi=_versi_renja,
        buat=_buat_renja,
        parameter=("tahun", "opd"),
    )
)
