"""The matrix workbook out: the blank template, and the stored matrix with a year's realizations.

The export writes the four data sheets exactly as the import reads them, so exporting and importing back
changes nothing; the realization sheets after them are ignored by the import.
"""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

import openpyxl
from django.db.models import Sum
from django.utils import translation
from django.utils.translation import gettext as _

from kinerja.calculations import realisasi_tahunan
from kinerja.choices import Polaritas, SifatAgregasi, Tingkat
from kinerja.impor.kolom import (
    LEMBAR_DATA,
    LEMBAR_PETUNJUK,
    LEMBAR_PROGRAM,
    Simpul,
    TingkatRenstra,
    TingkatRpjmd,
    kolom_lembar,
)
from kinerja.models import (
    Indikator,
    Misi,
    Nomenklatur,
    Pagu,
    PeriodeRpjmd,
    Realisasi,
    RealisasiAnggaran,
    SasaranPd,
    Target,
    TujuanPd,
)
from sipd import spreadsheet as ss
from sipd.excel import NUMBER_FORMAT, RUPIAH_FORMAT, tulis_lembar, workbook_bytes
from sipd.formatting import format_angka


def _label(choices, value) -> str:
    """Indonesian label: what the dropdown offers and every language's import reads."""
    with translation.override("id"):
        return str(choices(value).label)


def _angka(value: Decimal | None):
    """A stored number as the cell value: whole numbers as int, others without trailing zeros."""
    if value is None:
        return None
    value = value.normalize()
    return int(value) if value == value.to_integral_value() else value


def _teks_angka(value: Decimal) -> str:
    value = value.normalize()
    desimal = max(-value.as_tuple().exponent, 0)
    return format_angka(value, desimal)


def _target(nilai, atas):
    if nilai is None:
        return None
    if atas is None:
        return _angka(nilai)
    return f"{_teks_angka(nilai)}–{_teks_angka(atas)}"


def _catatan(tahun) -> list[str]:
    return [
        _("Isi lembar RPJMD, Renstra, Program dan Indikator, satu baris per data mulai baris 2. Lembar yang "
          "tidak dipakai boleh dibiarkan hanya berisi judul kolom."),
        _("Judul kolom di baris 1 jangan diubah; urutan kolom boleh berbeda. Tahun kolom pagu dan target "
          "mengikuti periode %(awal)s–%(akhir)s.") % {"awal": tahun[0], "akhir": tahun[-1]},
        _("Seluruh berkas diperiksa lebih dulu. Bila ada kesalahan, tidak ada data yang disimpan dan semua "
          "kesalahan ditampilkan menurut lembar, baris dan kolom."),
        _("Data dicocokkan dengan nomor (misi, tujuan, sasaran; tujuan dan sasaran PD per OPD), kode "
          "nomenklatur per OPD, dan kode indikator: impor ulang memperbarui, tidak menggandakan. Data yang "
          "tidak ada di berkas tidak dihapus."),
        _("Angka boleh berupa sel angka, atau teks berformat Indonesia (1.234,56). Target rentang ditulis "
          "80–90."),
        _("Perubahan target setelah rencana disetujui wajib disertai jenis perubahan dan alasan, dan dicatat "
          "sebagai revisi target."),
    ]  # fmt: skip


def _workbook(periode: PeriodeRpjmd, rows: dict) -> openpyxl.Workbook:
    tahun = list(periode.tahun)
    kolom = kolom_lembar(tahun)
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for nama in LEMBAR_DATA:
        sheet = workbook.create_sheet(nama)
        ss.tulis_lembar_templat(sheet, kolom[nama], rows.get(nama, []))
        if nama == LEMBAR_PROGRAM:
            for baris in sheet.iter_rows(min_row=2, min_col=6, max_col=5 + len(tahun)):
                for cell in baris:
                    cell.number_format = RUPIAH_FORMAT
    judul = _("Petunjuk impor matriks %(nama)s") % {"nama": periode.nama}
    ss.tulis_petunjuk(
        workbook.create_sheet(LEMBAR_PETUNJUK), judul, _catatan(tahun), [(n, kolom[n]) for n in LEMBAR_DATA]
    )
    return workbook


def templat_xlsx(periode: PeriodeRpjmd) -> bytes:
    """The blank template of the period, one example row per sheet."""
    kolom = kolom_lembar(list(periode.tahun))
    contoh = {nama: [[k.contoh or None for k in kolom[nama]]] for nama in LEMBAR_DATA}
    return workbook_bytes(_workbook(periode, contoh))


def _baris_rpjmd(periode) -> list:
    rows = []
    for misi in Misi.objects.filter(periode=periode).prefetch_related("tujuan__sasaran"):
        rows.append([_label(TingkatRpjmd, "misi"), misi.nomor, None, misi.uraian])
        for tujuan in misi.tujuan.all():
            rows.append([_label(TingkatRpjmd, "tujuan"), tujuan.nomor, misi.nomor, tujuan.uraian])
            for sasaran in tujuan.sasaran.all():
                rows.append([_label(TingkatRpjmd, "sasaran"), sasaran.nomor, tujuan.nomor, sasaran.uraian])
    return rows


def _baris_renstra(periode) -> list:
    rows = []
    sasaran = defaultdict(list)
    for s in SasaranPd.objects.filter(tujuan__renstra__periode=periode).select_related("sasaran_rpjmd"):
        sasaran[s.tujuan_id].append(s)
    tujuan_pd = TujuanPd.objects.filter(renstra__periode=periode).select_related("renstra__opd")
    for t in sorted(tujuan_pd, key=lambda t: (t.renstra.opd.kode, t.urutan, t.nomor)):
        kode_opd = t.renstra.opd.kode
        rows.append([kode_opd, _label(TingkatRenstra, "tujuan_pd"), t.nomor, None, t.uraian, None])
        for s in sasaran[t.pk]:
            rows.append(
                [
                    kode_opd,
                    _label(TingkatRenstra, "sasaran_pd"),
                    s.nomor,
                    t.nomor,
                    s.uraian,
                    s.sasaran_rpjmd.nomor,
                ]
            )
    return rows


def _baris_program(periode, tahun) -> list:
    pagu = defaultdict(dict)
    for p in Pagu.objects.filter(nomenklatur__periode=periode):
        pagu[p.nomenklatur_id][p.tahun] = p.jumlah
    rows = []
    nomenklatur = Nomenklatur.objects.filter(periode=periode).select_related("opd", "sasaran", "sasaran_pd")
    for n in nomenklatur.order_by("opd__kode", "kode"):
        rows.append(
            [n.kode, n.nama, n.opd.kode, n.sasaran.nomor if n.sasaran else None,
             n.sasaran_pd.nomor if n.sasaran_pd else None, *(_angka(pagu[n.pk].get(t)) for t in tahun)]
        )  # fmt: skip
    return rows


def _ref_simpul(ind: Indikator) -> tuple[str, str]:
    for simpul in Simpul.values:
        obj = getattr(ind, simpul)
        if obj is not None:
            return simpul, obj.kode if simpul == Simpul.NOMENKLATUR else obj.nomor
    return "", ""


def _indikator(periode):
    return Indikator.objects.filter(periode=periode).select_related(
        "opd", "tujuan", "sasaran", "tujuan_pd", "sasaran_pd", "nomenklatur"
    )


def _baris_indikator(periode, tahun) -> list:
    target = defaultdict(dict)
    for t in Target.objects.filter(indikator__periode=periode):
        target[t.indikator_id][t.tahun] = _target(t.nilai, t.nilai_atas)
    rows = []
    for ind in _indikator(periode):
        simpul, ref = _ref_simpul(ind)
        rows.append(
            [ind.kode, _label(Simpul, simpul), ref, ind.opd.kode, ind.nama, ind.satuan,
             _label(Polaritas, ind.polaritas), _label(SifatAgregasi, ind.sifat), "ya" if ind.iku else "tidak",
             ind.kondisi_awal_tahun, _angka(ind.kondisi_awal), *(target[ind.pk].get(t) for t in tahun),
             _target(ind.target_akhir, ind.target_akhir_atas), ind.definisi_operasional, ind.sumber_data]
        )  # fmt: skip
    return rows


def _lembar_realisasi(workbook, periode, tahun: int) -> None:
    nilai = defaultdict(dict)
    for r in Realisasi.objects.filter(indikator__periode=periode, tahun=tahun, nilai__isnull=False):
        nilai[r.indikator_id][r.triwulan] = r.nilai
    target = {
        t.indikator_id: _target(t.nilai, t.nilai_atas)
        for t in Target.objects.filter(indikator__periode=periode, tahun=tahun)
    }
    rows = []
    for ind in _indikator(periode):
        tw = [nilai[ind.pk].get(i) for i in range(1, 5)]
        rows.append(
            [ind.kode, ind.nama, ind.opd.kode, ind.opd.nama, ind.satuan, _label(Polaritas, ind.polaritas),
             _label(SifatAgregasi, ind.sifat), target.get(ind.pk), *(_angka(v) for v in tw),
             _angka(realisasi_tahunan(tw, ind.sifat))]
        )  # fmt: skip
    header = [_("Kode"), _("Indikator"), _("Kode OPD"), _("OPD"), _("Satuan"), _("Polaritas"), _("Sifat"),
              _("Target %(tahun)s") % {"tahun": tahun}, _("TW I"), _("TW II"), _("TW III"), _("TW IV"),
              _("Realisasi %(tahun)s") % {"tahun": tahun}]  # fmt: skip
    sheet = workbook.create_sheet(_("Realisasi %(tahun)s") % {"tahun": tahun})
    tulis_lembar(sheet, header, rows, widths=[14, 60, 24, 40, 14, 12, 12, 14, 12, 12, 12, 12, 14],
                 formats=dict.fromkeys(range(9, 14), NUMBER_FORMAT))  # fmt: skip


def _lembar_anggaran(workbook, periode, tahun: int) -> None:
    pagu = dict(
        Pagu.objects.filter(nomenklatur__periode=periode, tahun=tahun).values_list("nomenklatur_id", "jumlah")
    )
    realisasi = defaultdict(dict)
    per_tw = (
        RealisasiAnggaran.objects.filter(nomenklatur__periode=periode, tahun=tahun)
        .values_list("nomenklatur_id", "triwulan")
        .annotate(total=Sum("nilai"))
    )
    for nomenklatur_id, triwulan, total in per_tw:
        realisasi[nomenklatur_id][triwulan] = total
    rows = []
    nomenklatur = Nomenklatur.objects.filter(periode=periode).exclude(tingkat=Tingkat.KEGIATAN)
    for n in nomenklatur.select_related("opd").order_by("opd__kode", "kode"):
        tw = [realisasi[n.pk].get(i) for i in range(1, 5)]
        total = sum(v for v in tw if v is not None) if any(v is not None for v in tw) else None
        jumlah = pagu.get(n.pk)
        serapan = round(total / jumlah * 100, 2) if total is not None and jumlah else None
        rows.append([n.kode, n.nama, n.get_tingkat_display(), n.opd.nama, jumlah, *tw, total, serapan])
    header = [_("Kode"), _("Nomenklatur"), _("Tingkat"), _("OPD"), _("Pagu %(tahun)s") % {"tahun": tahun},
              _("TW I"), _("TW II"), _("TW III"), _("TW IV"), _("Realisasi"), _("Serapan (%)")]  # fmt: skip
    sheet = workbook.create_sheet(_("Anggaran %(tahun)s") % {"tahun": tahun})
    tulis_lembar(sheet, header, rows, widths=[22, 60, 14, 40, 18, 16, 16, 16, 16, 18, 12],
                 formats={**dict.fromkeys(range(5, 11), RUPIAH_FORMAT), 11: NUMBER_FORMAT})  # fmt: skip


def ekspor_xlsx(periode: PeriodeRpjmd, tahun: int) -> bytes:
    """The stored matrix (importable as is) and the year's realizations of indicators and budget."""
    daftar_tahun = list(periode.tahun)
    rows = {
        "RPJMD": _baris_rpjmd(periode),
        "Renstra": _baris_renstra(periode),
        "Program": _baris_program(periode, daftar_tahun),
        "Indikator": _baris_indikator(periode, daftar_tahun),
    }
    workbook = _workbook(periode, rows)
    _lembar_realisasi(workbook, periode, tahun)
    _lembar_anggaran(workbook, periode, tahun)
    return workbook_bytes(workbook)
