"""Compliance reports: Excel at once (cheap), PDF rendered by a worker."""

from __future__ import annotations

from openpyxl import Workbook

from sipd.excel import NUMBER_FORMAT, tulis_lembar, workbook_bytes
from sla import selectors

HEADER_UKURAN = [
    "Selesai", "Tepat waktu", "Terlambat", "Kepatuhan (%)", "Median (hari kerja)", "P90 (hari kerja)",
    "Median (jam kerja)", "P90 (jam kerja)", "Backlog", "Lewat tenggat (terbuka)", "Pelanggaran", "Ditolak",
]  # fmt: skip


def _angka(value):
    return None if value is None else float(value)


def _ukuran(row: dict) -> list:
    return [
        row["selesai"], row["tepat"], row["terlambat"], _angka(row["persen_tepat"]),
        _angka(row["median_hari"]),
        _angka(row["p90_hari"]), _angka(row["median_jam"]), _angka(row["p90_jam"]), row["backlog"],
        row["lewat_tenggat"], row["pelanggaran"], row["ditolak"],
    ]  # fmt: skip


def data_laporan(user, *, tahun: int, triwulan: int | None = None) -> dict:
    """Everything a compliance report shows, in four queries."""
    return {
        "tahun": tahun,
        "triwulan": triwulan,
        "ringkasan": selectors.ringkasan_kepatuhan(user, tahun=tahun, triwulan=triwulan),
        "per_opd": selectors.kepatuhan_per_opd(user, tahun=tahun, triwulan=triwulan),
        "per_sla": selectors.kepatuhan_per_sla(user, tahun=tahun, triwulan=triwulan),
        "per_bulan": selectors.kepatuhan_per_bulan(user, tahun=tahun),
    }


def kepatuhan_xlsx(user, *, tahun: int, triwulan: int | None = None) -> bytes:
    data = data_laporan(user, tahun=tahun, triwulan=triwulan)
    wb = Workbook()
    angka = dict.fromkeys(range(5, 10), NUMBER_FORMAT)
    ws = wb.active
    ws.title = "Per OPD"
    tulis_lembar(
        ws, ["Perangkat daerah", *HEADER_UKURAN], ([r["opd_nama"], *_ukuran(r)] for r in data["per_opd"]),
        widths=[44] + [13] * len(HEADER_UKURAN), formats=angka,
    )  # fmt: skip
    ws = wb.create_sheet("Per SLA")
    tulis_lembar(
        ws,
        ["Perangkat daerah", "Nomor SLA", "Layanan", *HEADER_UKURAN],
        ([r["opd_nama"], r["nomor"], r["layanan"], *_ukuran(r)] for r in data["per_sla"]),
        widths=[36, 22, 36] + [13] * len(HEADER_UKURAN),
        formats={k + 2: v for k, v in angka.items()},
    )
    ws = wb.create_sheet("Per bulan")
    tulis_lembar(
        ws, ["Bulan", "Selesai", "Tepat waktu", "Kepatuhan (%)"],
        ([r["bulan"].strftime("%Y-%m"), r["selesai"], r["tepat"], float(r["persen_tepat"])]
         for r in data["per_bulan"]),
        widths=[12, 12, 12, 14], formats={4: NUMBER_FORMAT},
    )  # fmt: skip
    return workbook_bytes(wb)


def kepatuhan_pdf(user, *, tahun: int, triwulan: int | None = None) -> bytes:
    from sipd.pdf import render_pdf

    return render_pdf("sla/pdf/kepatuhan.html", data_laporan(user, tahun=tahun, triwulan=triwulan))
