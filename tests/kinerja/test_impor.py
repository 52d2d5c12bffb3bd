"""The RPJMD/Renstra matrix from Excel: all or nothing, every error by sheet/row/column, idempotent,
revisions on approved plans, export round trip."""

import io
from decimal import Decimal

import openpyxl
import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile

from kinerja.choices import JenisPerubahan, StatusRencana
from kinerja.impor import ekspor_xlsx, impor_matriks, templat_xlsx
from kinerja.impor.kolom import kolom_lembar
from kinerja.impor.periksa import rentang
from kinerja.models import (
    Indikator,
    Misi,
    Nomenklatur,
    Pagu,
    RevisiTarget,
    Sasaran,
    SasaranPd,
    Target,
    Tujuan,
)
from sipd.spreadsheet import ImporGagal
from tests.kinerja.factories import PeriodeFactory, RealisasiFactory

pytestmark = pytest.mark.django_db

DINKES = "1.02.0.00.0.00.01.0000"
DPUPR = "1.03.0.00.0.00.01.0000"
TAHUN = [2025, 2026, 2027, 2028, 2029]


@pytest.fixture(autouse=True)
def _fast_password_hasher(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def periode(db):
    return PeriodeFactory()


def header(lembar):
    return [k.nama for k in kolom_lembar(TAHUN)[lembar]]


def workbook(rpjmd=(), renstra=(), program=(), indikator=(), name="matriks.xlsx"):
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for nama, rows in (
        ("RPJMD", rpjmd),
        ("Renstra", renstra),
        ("Program", program),
        ("Indikator", indikator),
    ):
        sheet = wb.create_sheet(nama)
        sheet.append(header(nama))
        for row in rows:
            sheet.append(list(row))
    out = io.BytesIO()
    wb.save(out)
    return SimpleUploadedFile(name, out.getvalue())


RPJMD = [
    ["Misi", "1", None, "Mewujudkan sumber daya manusia yang sehat dan cerdas"],
    ["Tujuan", "1.1", "1", "Meningkatkan kualitas sumber daya manusia"],
    ["Sasaran", "1.1.1", "1.1", "Meningkatnya derajat kesehatan masyarakat"],
    ["Misi", "2", None, "Membangun infrastruktur yang merata"],
    ["Tujuan", "2.1", "2", "Meningkatkan konektivitas wilayah"],
    ["Sasaran", "2.1.1", "2.1", "Meningkatnya kualitas jalan kabupaten"],
]
RENSTRA = [
    [DINKES, "Tujuan PD", "1", None, "Meningkatkan derajat kesehatan", None],
    [DINKES, "Sasaran PD", "1.1", "1", "Menurunnya kematian ibu dan bayi", "1.1.1"],
]
KESEHATAN = "Program Pemenuhan Upaya Kesehatan Perorangan dan Upaya Kesehatan Masyarakat"
UKM_UKP = "Penyediaan Layanan Kesehatan untuk UKM dan UKP Rujukan Tingkat Daerah Kabupaten/Kota"
PROGRAM = [
    ["1.02.02", KESEHATAN, DINKES, "1.1.1", "1.1", 12_500_000_000, "13.000.000.000", None, None, None],
    ["1.02.02.2.02", UKM_UKP, DINKES, None, None, 2_000_000_000, None, None, None, None],
    [
        "1.03.10",
        "Program Penyelenggaraan Jalan",
        DPUPR,
        "2.1.1",
        None,
        40_000_000_000,
        None,
        None,
        None,
        None,
    ],
]
AKI, PERSALINAN = "Angka Kematian Ibu", "Cakupan persalinan di fasilitas kesehatan"
INDIKATOR = [
    ["IKU-01", "Sasaran", "1.1.1", DINKES, AKI, "per 100.000 KH", "Negatif", "Nilai akhir", "ya",
     2024, 98.5, 95, 90, 85, 80, 75, "75", "Kematian ibu / kelahiran hidup × 100.000", "Profil Kesehatan"],
    ["IKP-02", "Program/Kegiatan/Sub Kegiatan", "1.02.02", DINKES, PERSALINAN, "%", "Positif", "Kumulatif",
     None, 2024, "92,5", "80–90", "85 - 95", 95, 96, 97, 97, None, None],
    ["IKU-03", "Sasaran", "2.1.1", DPUPR, "Persentase jalan kondisi mantap", "%", "Positif", "Rata-rata",
     "ya", 2024, 61.2, 65, 68, 71, 74, 77, 77, None, "+62 Profil BPS"],
]  # fmt: skip


def full():
    return workbook(RPJMD, RENSTRA, PROGRAM, INDIKATOR)


def galat_of(excinfo):
    return {(g.lembar, g.baris, g.kolom) for g in excinfo.value.galat}


def counts():
    models = [Misi, Tujuan, Sasaran, SasaranPd, Nomenklatur, Pagu, Indikator, Target, RevisiTarget]
    return {m.__name__: m.objects.count() for m in models}


def test_import_creates_the_whole_matrix(two_opds, periode):
    hasil = impor_matriks(user=two_opds.users.bappeda, periode=periode, file=full())
    assert counts() == {"Misi": 2, "Tujuan": 2, "Sasaran": 2, "SasaranPd": 1, "Nomenklatur": 3, "Pagu": 4,
                        "Indikator": 3, "Target": 15, "RevisiTarget": 0}  # fmt: skip
    assert hasil.dibuat["indikator"] == 3 and not any(hasil.diubah.values())
    aki = Indikator.objects.get(kode="IKU-01")
    assert (aki.polaritas, aki.sifat, aki.iku, aki.kondisi_awal) == (
        "negatif",
        "nilai_akhir",
        True,
        Decimal("98.5"),
    )
    assert aki.sasaran.nomor == "1.1.1" and aki.opd == two_opds.opd_a
    persalinan = Indikator.objects.get(kode="IKP-02")
    assert persalinan.nomenklatur.kode == "1.02.02" and persalinan.kondisi_awal == Decimal("92.5")
    assert list(persalinan.target.values_list("tahun", "nilai", "nilai_atas")[:2]) == [
        (2025, Decimal("80"), Decimal("90")),
        (2026, Decimal("85"), Decimal("95")),
    ]
    kegiatan = Nomenklatur.objects.get(kode="1.02.02.2.02")
    assert kegiatan.tingkat == "kegiatan" and kegiatan.induk.kode == "1.02.02"
    assert Pagu.objects.get(nomenklatur__kode="1.02.02", tahun=2026).jumlah == Decimal("13000000000")
    # A formula-like text is stored as typed; the export neutralizes it.
    assert Indikator.objects.get(kode="IKU-03").sumber_data == "+62 Profil BPS"


def test_reimport_is_idempotent(two_opds, periode, django_assert_max_num_queries):
    impor_matriks(user=two_opds.users.bappeda, periode=periode, file=full())
    before = counts()
    # 1 lock + 12 reads of the stored period (opd, misi, tujuan, sasaran, renstra, tujuan/sasaran PD,
    # nomenklatur, pagu, indikator, target), access checks, savepoints, nothing written.
    with django_assert_max_num_queries(25):
        hasil = impor_matriks(user=two_opds.users.bappeda, periode=periode, file=full())
    assert not hasil.ada_perubahan and hasil.tetap["indikator"] == 3 and hasil.tetap["target"] == 15
    assert counts() == before


def test_query_count_flat_with_more_rows(two_opds, periode, django_assert_max_num_queries):
    many = [[f"IND-{i:04d}", "Sasaran", "1.1.1", DINKES, f"Indikator {i}", "%", "Positif", "Kumulatif", None,
             2024, 10, 20, 30, 40, 50, 60, 60, None, None] for i in range(400)]  # fmt: skip
    # Bounded by the number of tables written and batches, not by rows: reads, lock, savepoints, one INSERT
    # per table per batch of 2.000.
    with django_assert_max_num_queries(40):
        impor_matriks(
            user=two_opds.users.bappeda, periode=periode, file=workbook(RPJMD, RENSTRA, PROGRAM, many)
        )
    assert Target.objects.count() == 2000


def test_errors_in_several_rows_save_nothing_and_are_all_listed(two_opds, periode):
    rpjmd = [*RPJMD, ["Sasaran", "9.9.9", "7.7", "Induk tidak ada"], ["Visi", "3", None, "x"]]
    indikator = [
        INDIKATOR[0],
        ["IKU-01", "Sasaran", "1.1.1", DINKES, "Ganda", "%", "Positif", "Kumulatif", None, 2024, 1, 1, 1, 1,
         1, 1, 1, None, None],
        ["IKU-09", "Sasaran", "5.5.5", "9.99.0.00.0.00.01.0000", "", "%", "Netral", "Kumulatif", "mungkin",
         "24", "1,234.5", "90–80", 1, 1, 1, 1, 1, None, None],
    ]  # fmt: skip
    program = [["1.2.3", "Salah", DINKES, None, None, -5, None, None, None, None]]
    with pytest.raises(ImporGagal) as excinfo:
        impor_matriks(
            user=two_opds.users.bappeda, periode=periode, file=workbook(rpjmd, RENSTRA, program, indikator)
        )
    assert galat_of(excinfo) == {
        ("RPJMD", 9, "tingkat"), ("RPJMD", 8, "nomor_induk"),
        ("Program", 2, "kode"), ("Program", 2, "pagu_2025"),
        ("Indikator", 3, "kode"),
        ("Indikator", 4, "kode_opd"), ("Indikator", 4, "nama"), ("Indikator", 4, "polaritas"),
        ("Indikator", 4, "iku"), ("Indikator", 4, "kondisi_awal_tahun"), ("Indikator", 4, "kondisi_awal"),
        ("Indikator", 4, "target_2025"),
    }  # fmt: skip
    # Sorted by sheet in workbook order, then row, then the template's column order.
    assert [g.lembar for g in excinfo.value.galat][:2] == ["RPJMD", "RPJMD"]
    assert str(excinfo.value.galat[0]).startswith("Lembar RPJMD, baris 8, kolom nomor_induk:")
    assert counts() == dict.fromkeys(counts(), 0)


def test_revised_targets_of_an_approved_plan_need_a_reason_and_are_recorded(two_opds, periode):
    impor_matriks(user=two_opds.users.bappeda, periode=periode, file=full())
    periode.status = StatusRencana.DISETUJUI
    periode.save()
    indikator = [list(INDIKATOR[0]), *INDIKATOR[1:]]
    indikator[0][11:13] = [94, 89]  # 2025 and 2026 targets change
    with pytest.raises(ImporGagal) as excinfo:
        impor_matriks(
            user=two_opds.users.bappeda, periode=periode, file=workbook(RPJMD, RENSTRA, PROGRAM, indikator)
        )
    assert galat_of(excinfo) == {("Indikator", 2, "target")}
    assert Target.objects.get(indikator__kode="IKU-01", tahun=2025).nilai == 95

    pratinjau = impor_matriks(user=two_opds.users.bappeda, periode=periode, pratinjau=True,
                              file=workbook(RPJMD, RENSTRA, PROGRAM, indikator))  # fmt: skip
    assert pratinjau.perlu_alasan == 1 and not RevisiTarget.objects.exists()

    hasil = impor_matriks(
        user=two_opds.users.bappeda, periode=periode, file=workbook(RPJMD, RENSTRA, PROGRAM, indikator),
        jenis_perubahan=JenisPerubahan.PERUBAHAN_RPJMD, alasan="Perda perubahan RPJMD 2027",
    )  # fmt: skip
    assert hasil.revisi == 2 and hasil.diubah["target"] == 2
    revisi = RevisiTarget.objects.get(target__tahun=2025)
    assert (revisi.nilai_lama, revisi.nilai_baru, revisi.oleh) == (95, 94, two_opds.users.bappeda)
    assert revisi.jenis == JenisPerubahan.PERUBAHAN_RPJMD


def test_preview_counts_exactly_and_writes_nothing(two_opds, periode):
    hasil = impor_matriks(user=two_opds.users.bappeda, periode=periode, file=full(), pratinjau=True)
    assert hasil.dibuat["indikator"] == 3 and hasil.dibuat["target"] == 15
    assert counts() == dict.fromkeys(counts(), 0)


def test_export_then_import_changes_nothing_and_neutralizes_formulas(two_opds, periode):
    impor_matriks(user=two_opds.users.bappeda, periode=periode, file=full())
    RealisasiFactory(
        indikator=Indikator.objects.get(kode="IKU-01"), tahun=2025, triwulan=1, nilai=Decimal("97")
    )
    isi = ekspor_xlsx(periode, 2025)
    wb = openpyxl.load_workbook(io.BytesIO(isi))
    assert wb.sheetnames[:5] == ["RPJMD", "Renstra", "Program", "Indikator", "Petunjuk"]
    indikator = {row[0]: row for row in wb["Indikator"].iter_rows(min_row=2, values_only=True)}
    assert indikator["IKU-03"][-1] == "'+62 Profil BPS"
    assert indikator["IKP-02"][11] == "80–90"
    realisasi = {row[0]: row for row in wb["Realisasi 2025"].iter_rows(min_row=2, values_only=True)}
    assert realisasi["IKU-01"][8] == 97 and realisasi["IKU-01"][12] == 97

    hasil = impor_matriks(
        user=two_opds.users.bappeda, periode=periode, file=SimpleUploadedFile("e.xlsx", isi)
    )
    assert not hasil.ada_perubahan, hasil.rincian()


def test_template_has_dropdowns_and_instructions(two_opds, periode):
    wb = openpyxl.load_workbook(io.BytesIO(templat_xlsx(periode)))
    assert wb.sheetnames == ["RPJMD", "Renstra", "Program", "Indikator", "Petunjuk"]
    assert [c.value for c in wb["Indikator"][1]] == header("Indikator")
    assert "target_2029" in header("Indikator") and "pagu_2025" in header("Program")
    assert len(wb["Indikator"].data_validations.dataValidation) == 4  # simpul, polaritas, sifat, iku
    petunjuk = [row[0] for row in wb["Petunjuk"].iter_rows(values_only=True)]
    assert set(header("Indikator")) <= set(petunjuk)


def test_refuses_non_xlsx_and_oversized_files(two_opds, periode, settings):
    user = two_opds.users.bappeda
    for berkas in (SimpleUploadedFile("m.csv", b"kode;nama\n"), SimpleUploadedFile("m.xlsx", b"not a zip"),
                   SimpleUploadedFile("m.xlsx", b"\xd0\xcf\x11\xe0old excel")):  # fmt: skip
        with pytest.raises(ImporGagal):
            impor_matriks(user=user, periode=periode, file=berkas)
    settings.SIPD_UPLOAD_MAX_BYTES = 1000
    with pytest.raises(ImporGagal) as excinfo:
        impor_matriks(user=user, periode=periode, file=full())
    assert "lebih besar dari" in str(excinfo.value.galat[0])


@pytest.mark.parametrize("role", ["pimpinan", "kepala_a", "operator_a", "kepegawaian"])
def test_only_bappeda_and_admin_import(two_opds, periode, role):
    with pytest.raises(PermissionDenied):
        impor_matriks(user=getattr(two_opds.users, role), periode=periode, file=full())
    assert impor_matriks(user=two_opds.users.admin, periode=periode, file=full()).dibuat["misi"] == 2


@pytest.mark.parametrize(
    ("nilai", "hasil"),
    [(80, (80, None)), (80.5, (Decimal("80.5"), None)), ("80–90", (80, 90)), ("80 - 90", (80, 90)),
     ("1.234,5", (Decimal("1234.5"), None)), ("-5", (-5, None)), ("-5 – -3", (-5, -3)), ("7–7", (7, None)),
     ("", None), (None, None)],
)  # fmt: skip
def test_rentang(nilai, hasil):
    assert rentang(nilai) == hasil
