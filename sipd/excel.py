"""Excel exports that open cleanly in Excel and LibreOffice, with formula injection neutralized."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from io import BytesIO

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
NUMBER_FORMAT = "#,##0.00"
RUPIAH_FORMAT = '"Rp"#,##0'
HEADER_FILL = PatternFill("solid", fgColor="DCE6F1")


def sel_aman(value):
    """A text cell that a spreadsheet would run as a formula is written as plain text (leading ')."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def tulis_lembar(
    ws,
    header: Sequence[str],
    rows: Iterable[Sequence],
    *,
    widths: Sequence[int] | None = None,
    formats: dict[int, str] | None = None,
) -> None:
    """Header in bold on a frozen first row, autofilter, then the rows (text made safe)."""
    ws.append([sel_aman(h) for h in header])
    for cell in ws[1]:
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for row in rows:
        ws.append([sel_aman(v) for v in row])
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = ws.dimensions
    for index, width in enumerate(widths or [], start=1):
        ws.column_dimensions[get_column_letter(index)].width = width
    for index, fmt in (formats or {}).items():
        for (cell,) in ws.iter_rows(min_row=2, min_col=index, max_col=index):
            cell.number_format = fmt


def workbook_bytes(wb: Workbook) -> bytes:
    buffer = BytesIO()
    wb.save(buffer)
    return buffer.getvalue()
