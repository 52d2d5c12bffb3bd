"""Import of the OPD tree and pegawai from an Excel (.xlsx) or CSV file made from the downloadable template.

The whole file is checked before anything is written: every error is collected with the row and column the
user sees, and a single error means nothing is saved. A clean file is written in one transaction with bulk
queries. Rows are matched by kode (OPD), NIP (ASN) or NIK (non-ASN), so importing the same file twice
changes nothing; rows missing from the file are left alone. Reading and cell parsing: sipd/spreadsheet.py.
"""

from opd.impor.kolom import (
    IMPOR_OPD,
    IMPOR_PEGAWAI,
    JENIS_IMPOR,
    KOLOM,
    _upah,
    boleh_impor,
    jenis_yang_boleh,
)
from opd.impor.opd import impor_opd
from opd.impor.pegawai import impor_pegawai
from opd.impor.templat import templat_csv, templat_xlsx
from sipd.spreadsheet import Galat, HasilImpor, ImporGagal

__all__ = [
    "IMPOR_OPD", "IMPOR_PEGAWAI", "JENIS_IMPOR", "KOLOM", "Galat", "HasilImpor", "ImporGagal", "_upah",
    "boleh_impor", "impor_opd", "impor_pegawai", "jenis_yang_boleh", "templat_csv", "templat_xlsx",
]  # fmt: skip
