"""The RPJMD/Renstra matrix in Excel: template, import (checked whole, set-based, idempotent) and export.

Sheets and columns: kolom.py; checking: periksa.py; the service: simpan.py; template and export: ekspor.py.
Reading and cell parsing are shared with the OPD import in sipd/spreadsheet.py.
"""

from kinerja.impor.ekspor import ekspor_xlsx, templat_xlsx
from kinerja.impor.simpan import HasilMatriks, boleh_ekspor, boleh_impor, impor_matriks

__all__ = ["HasilMatriks", "boleh_ekspor", "boleh_impor", "ekspor_xlsx", "impor_matriks", "templat_xlsx"]
