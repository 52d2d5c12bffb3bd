"""Import of the OPD tree and pegawai from a template: all or nothing, every error listed, idempotent."""

import datetime
import io
import zipfile

import openpyxl
import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from opd import impor
from opd.choices import JenisOpd, StatusPegawai
from opd.impor import ImporGagal, impor_opd, impor_pegawai
from opd.models import Opd, Pegawai
from sipd import spreadsheet
from tests.factories import OpdFactory

pytestmark = pytest.mark.django_db

KOLOM_OPD = ["kode", "nama", "singkatan", "jenis", "kode_induk", "urusan", "aktif", "urutan"]
KOLOM_PEGAWAI = [
    "nama", "status", "nip", "nik", "jabatan", "eselon", "kode_opd", "kode_unit", "upah_bpjs", "aktif",
]  # fmt: skip
DPUPR = "1.03.0.00.0.00.01.0000"
DINKES = "1.02.0.00.0.00.01.0000"
BINA_MARGA = "1.03.0.00.0.00.01.0002"


@pytest.fixture(autouse=True)
def _fast_password_hasher(settings):
    """The `two_opds` users are created with a password; a cheap hasher keeps these many tests quick."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def xlsx(rows, name="impor.xlsx"):
    workbook = openpyxl.Workbook()
    for row in rows:
        workbook.active.append(row)
    out = io.BytesIO()
    workbook.save(out)
    return SimpleUploadedFile(name, out.getvalue())


def csv_file(rows, *, delimiter=";", bom=True, name="impor.csv"):
    import csv

    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    return SimpleUploadedFile(name, (("\ufeff" if bom else "") + out.getvalue()).encode("utf-8"))


def galat_of(excinfo) -> set[tuple[int, str]]:
    return {(g.baris, g.kolom) for g in excinfo.value.galat}


def snapshot(model):
    return sorted(
        model.objects.values_list(*[f.attname for f in model._meta.concrete_fields if f.name != "diubah"])
    )


@pytest.fixture
def bina_marga(two_opds):
    return OpdFactory(
        kode=BINA_MARGA,
        nama="Bidang Bina Marga",
        jenis=JenisOpd.BIDANG,
        induk=two_opds.opd_b,
        urusan=["1.03"],
    )


# OPD ---------------------------------------------------------------------------------------------------


def test_opd_xlsx_creates_and_updates(two_opds):
    berkas = xlsx(
        [
            KOLOM_OPD,
            [BINA_MARGA, "Bidang Bina Marga", "BM", "Bidang/Bagian", DPUPR, "", "ya", 1],
            ["1.04.0.00.0.00.01.0000", "Dinas Perumahan", "Disperkim", "dinas", None, "1.04, 1.03", "ya", 4],
            [DINKES, "Dinas Kesehatan Kabupaten", "Dinkes", "DINAS", "", "", True, 2],
        ]
    )
    hasil = impor_opd(user=two_opds.users.admin, file=berkas)
    assert (hasil.dibuat, hasil.diubah, hasil.tetap) == (2, 1, 0)
    bidang = Opd.objects.get(kode=BINA_MARGA)
    assert (bidang.induk, bidang.jenis, bidang.urusan, bidang.urutan) == (
        two_opds.opd_b,
        "bidang",
        ["1.03"],
        1,
    )
    assert Opd.objects.get(kode="1.04.0.00.0.00.01.0000").urusan == ["1.04", "1.03"]
    assert Opd.objects.get(kode=DINKES).nama == "Dinas Kesehatan Kabupaten"
    assert "2 baru, 1 diperbarui, 0 tidak berubah" in str(hasil)


def test_opd_csv_with_bom_and_semicolon(two_opds):
    berkas = csv_file(
        [
            KOLOM_OPD,
            ["7.01.0.00.0.00.05.0000", "Kecamatan Telukjambe Timur", "", "Kecamatan", "", "", "ya", "10"],
            [
                "7.01.0.00.0.00.05.0001",
                "Kelurahan Sukaluyu",
                "",
                "kelurahan",
                "7.01.0.00.0.00.05.0000",
                "",
                "",
                "",
            ],
        ]
    )
    hasil = impor_opd(user=two_opds.users.admin, file=berkas)
    assert (hasil.dibuat, hasil.diubah) == (2, 0)
    kelurahan = Opd.objects.get(kode="7.01.0.00.0.00.05.0001")
    assert kelurahan.induk.nama == "Kecamatan Telukjambe Timur"
    assert (kelurahan.aktif, kelurahan.urutan, kelurahan.urusan) == (True, 0, ["7.01"])


def test_opd_parent_may_come_after_child(two_opds, django_assert_max_num_queries):
    berkas = xlsx(
        [
            KOLOM_OPD,
            ["1.04.0.00.0.00.02.0101", "UPTD Air Bersih", "", "UPTD", "1.04.0.00.0.00.02.0100", "", "ya", 0],
            [
                "1.04.0.00.0.00.02.0100",
                "Bidang Air Minum",
                "",
                "Bidang",
                "1.04.0.00.0.00.02.0000",
                "",
                "ya",
                0,
            ],
            ["1.04.0.00.0.00.02.0000", "Dinas Perkim", "", "Dinas", "", "", "ya", 0],
        ]
    )
    # savepoint ×2, roles, lock, staff counts, OPDs, roles per OPD, one INSERT per depth ×3
    with django_assert_max_num_queries(10):
        hasil = impor_opd(user=two_opds.users.admin, file=berkas)
    assert hasil.dibuat == 3
    uptd = Opd.objects.select_related("induk__induk").get(kode="1.04.0.00.0.00.02.0101")
    assert uptd.induk.kode == "1.04.0.00.0.00.02.0100"
    assert uptd.induk.induk.kode == "1.04.0.00.0.00.02.0000"


def test_opd_reimport_is_idempotent(two_opds):
    rows = [
        KOLOM_OPD,
        [BINA_MARGA, "Bidang Bina Marga", "BM", "Bidang/Bagian", DPUPR, "1.03", "ya", 1],
        [DPUPR, "Dinas Pekerjaan Umum dan Penataan Ruang", "DPUPR", "Dinas", "", "", "ya", 3],
    ]
    impor_opd(user=two_opds.users.admin, file=xlsx(rows))
    sebelum = snapshot(Opd)
    hasil = impor_opd(user=two_opds.users.admin, file=xlsx(rows))
    assert (hasil.dibuat, hasil.diubah, hasil.tetap) == (0, 0, 2)
    assert snapshot(Opd) == sebelum


def test_opd_every_error_listed_and_nothing_written(two_opds):
    sebelum = snapshot(Opd)
    berkas = xlsx(
        [
            KOLOM_OPD,
            ["1.3.0", "Salah Format", "", "Dinas", "", "", "ya", 0],  # 2
            ["1.05.0.00.0.00.01.0000", "Kantor X", "", "Kantor", "", "", "ya", 0],  # 3
            ["1.05.0.00.0.00.02.0000", "Dinas Berinduk", "", "Dinas", DPUPR, "", "ya", 0],  # 4
            ["1.05.0.00.0.00.03.0001", "Bidang Yatim", "", "Bidang", "", "", "ya", 0],  # 5
            ["1.05.0.00.0.00.04.0000", "Dinas Ganda", "", "Dinas", "", "", "ya", 0],  # 6
            ["1.05.0.00.0.00.04.0000", "Dinas Ganda Lagi", "", "Dinas", "", "", "ya", 0],  # 7
            [
                "1.05.0.00.0.00.05.0001",
                "Bidang Tersesat",
                "",
                "Bidang",
                "1.05.0.00.0.00.09.0000",
                "",
                "ya",
                0,
            ],
            ["1.05.0.00.0.00.06.0000", "Dinas Ragu", "", "Dinas", "", "", "mungkin", -1],  # 9
            ["1.05.0.00.0.00.07.0000", "", "", "Dinas", "", "9.99", "ya", 0],  # 10
            ["1.02.0.00.0.00.01.0101", "Bidang A", "", "Bidang", "1.02.0.00.0.00.01.0102", "", "ya", 0],  # 11
            ["1.02.0.00.0.00.01.0102", "Bidang B", "", "Bidang", "1.02.0.00.0.00.01.0101", "", "ya", 0],  # 12
        ]
    )
    with pytest.raises(ImporGagal) as excinfo:
        impor_opd(user=two_opds.users.admin, file=berkas)
    assert galat_of(excinfo) == {
        (2, "kode"), (3, "jenis"), (4, "kode_induk"), (5, "kode_induk"), (7, "kode"), (8, "kode_induk"),
        (9, "aktif"), (9, "urutan"), (10, "nama"), (10, "urusan"), (11, "kode_induk"), (12, "kode_induk"),
    }  # fmt: skip
    pesan = [str(g) for g in excinfo.value.galat]
    assert pesan[0].startswith("Baris 2, kolom kode: Kode unit 1.3.0 tidak sesuai format SIPD")
    assert any("lingkaran" in p for p in pesan)
    assert [g.baris for g in excinfo.value.galat] == sorted(g.baris for g in excinfo.value.galat)
    assert snapshot(Opd) == sebelum


def test_opd_with_staff_cannot_become_a_unit(two_opds):
    berkas = xlsx([KOLOM_OPD, [DINKES, "Dinas Kesehatan", "", "Bidang", DPUPR, "", "ya", 0]])
    with pytest.raises(ImporGagal) as excinfo:
        impor_opd(user=two_opds.users.admin, file=berkas)
    assert galat_of(excinfo) == {(2, "jenis")}


def test_unit_with_staff_cannot_move_to_another_opd(two_opds, bina_marga):
    two_opds.pegawai_b.unit = bina_marga
    two_opds.pegawai_b.save()
    berkas = xlsx([KOLOM_OPD, [BINA_MARGA, "Bidang Bina Marga", "", "Bidang", DINKES, "", "ya", 0]])
    with pytest.raises(ImporGagal) as excinfo:
        impor_opd(user=two_opds.users.admin, file=berkas)
    assert galat_of(excinfo) == {(2, "kode_induk")}


def test_opd_head_set_by_nip_once_the_pegawai_exists(two_opds):
    kolom = [*KOLOM_OPD, "nip_kepala"]
    nip_a = two_opds.pegawai_a.nip
    berkas = xlsx([kolom, [DINKES, "Dinas Kesehatan", "Dinkes", "Dinas", "", "1.02", "ya", 0, nip_a]])
    hasil = impor_opd(user=two_opds.users.admin, file=berkas)
    assert hasil.diubah == 1
    assert Opd.objects.get(kode=DINKES).kepala == two_opds.pegawai_a

    salah = xlsx(
        [
            kolom,
            [DPUPR, "DPUPR", "", "Dinas", "", "", "ya", 0, nip_a],  # pegawai of another OPD
            ["1.04.0.00.0.00.01.0000", "Disperkim", "", "Dinas", "", "", "ya", 0, "197806122005011003"],
        ]
    )
    with pytest.raises(ImporGagal) as excinfo:
        impor_opd(user=two_opds.users.admin, file=salah)
    assert galat_of(excinfo) == {(2, "nip_kepala"), (3, "nip_kepala")}


# Pegawai -----------------------------------------------------------------------------------------------


def baris_pegawai(two_opds, bina_marga):
    return [
        KOLOM_PEGAWAI,
        ["Ir. Bambang W., M.T.", "PNS", "197806122005011003", "", "Kabid", "III.a", DPUPR, BINA_MARGA, "", 1],
        ["Dewi Lestari", "PPPK", "199001152023212001", "", "Perawat Ahli Pertama", "", DINKES, "", "", "ya"],
        ["Andi Saputra", "Non-ASN", "", "3215011203980002", "Pengemudi", "", DPUPR, "", "Rp2.000.000", "ya"],
        ["Siti Aminah", "PNS", two_opds.pegawai_a.nip, "", "Kepala Seksi", "IV.a", DINKES, "", "", "ya"],
        ["Rina Honorer", "non asn", "", two_opds.honorer_a.nik, "Pramu Bakti", "", DINKES, "", "2.500.000",
         "tidak"],
    ]  # fmt: skip


def test_pegawai_xlsx_creates_updates_and_derives_identity(two_opds, bina_marga):
    hasil = impor_pegawai(user=two_opds.users.kepegawaian, file=xlsx(baris_pegawai(two_opds, bina_marga)))
    assert (hasil.dibuat, hasil.diubah, hasil.tetap) == (3, 2, 0)
    bambang = Pegawai.objects.get(nip="197806122005011003")
    assert (bambang.jenis_kelamin, bambang.tanggal_lahir) == ("L", datetime.date(1978, 6, 12))
    assert (bambang.opd, bambang.unit, bambang.eselon) == (two_opds.opd_b, bina_marga, "III.a")
    dewi = Pegawai.objects.get(nip="199001152023212001")
    assert (dewi.status, dewi.jenis_kelamin) == (StatusPegawai.PPPK, "P")
    andi = Pegawai.objects.get(nik="3215011203980002")
    assert (andi.status, andi.upah_bpjs, andi.tanggal_lahir) == (
        "non_asn",
        2_000_000,
        datetime.date(1998, 3, 12),
    )
    two_opds.pegawai_a.refresh_from_db()
    assert (two_opds.pegawai_a.jabatan, two_opds.pegawai_a.eselon) == ("Kepala Seksi", "IV.a")
    two_opds.honorer_a.refresh_from_db()
    assert (two_opds.honorer_a.upah_bpjs, two_opds.honorer_a.aktif) == (2_500_000, False)


def test_pegawai_csv_with_comma_and_no_bom(two_opds, bina_marga):
    berkas = csv_file(baris_pegawai(two_opds, bina_marga), delimiter=",", bom=False)
    hasil = impor_pegawai(user=two_opds.users.admin, file=berkas)
    assert (hasil.dibuat, hasil.diubah) == (3, 2)
    assert Pegawai.objects.filter(nama="Ir. Bambang W., M.T.").exists()


def test_pegawai_reimport_is_idempotent(two_opds, bina_marga):
    rows = baris_pegawai(two_opds, bina_marga)
    impor_pegawai(user=two_opds.users.kepegawaian, file=xlsx(rows))
    sebelum = snapshot(Pegawai)
    hasil = impor_pegawai(user=two_opds.users.kepegawaian, file=csv_file(rows))
    assert (hasil.dibuat, hasil.diubah, hasil.tetap) == (0, 0, 5)
    assert snapshot(Pegawai) == sebelum


def test_non_asn_appointed_pppk_keeps_their_record(two_opds):
    honorer = two_opds.honorer_a
    berkas = xlsx(
        [
            KOLOM_PEGAWAI,
            [honorer.nama, "PPPK", "199507092024211002", honorer.nik, "", "", DINKES, "", "", "ya"],
        ]
    )
    hasil = impor_pegawai(user=two_opds.users.kepegawaian, file=berkas)
    assert (hasil.dibuat, hasil.diubah) == (0, 1)
    honorer.refresh_from_db()
    assert (honorer.status, honorer.nip, honorer.upah_bpjs) == ("pppk", "199507092024211002", None)


def test_pegawai_every_error_listed_and_nothing_written(two_opds, bina_marga):
    sebelum = snapshot(Pegawai)
    nip = "197806122005011003"
    berkas = xlsx(
        [
            KOLOM_PEGAWAI,
            ["Tanpa NIP", "PNS", "", "", "", "", DINKES, "", "", "ya"],  # 2
            ["Tanpa NIK", "Non-ASN", "", "", "", "", DINKES, "", "", "ya"],  # 3
            ["PNS Berupah", "PNS", "198001012005011001", "", "", "", DINKES, "", "2000000", "ya"],  # 4
            ["NIP Pendek", "PNS", "19800101200501100", "", "", "", DINKES, "", "", "ya"],  # 5
            ["Unit Lain", "PNS", "198001022005011001", "", "", "", DINKES, BINA_MARGA, "", "ya"],  # 6
            [
                "OPD Hilang",
                "PNS",
                "198001032005011001",
                "",
                "",
                "",
                "1.05.0.00.0.00.09.0000",
                "",
                "",
                "ya",
            ],  # 7
            ["OPD Unit", "PNS", "198001042005011001", "", "", "", BINA_MARGA, "", "", "ya"],  # 8
            ["Ganda Satu", "PNS", nip, "", "", "", DPUPR, "", "", "ya"],  # 9
            ["Ganda Dua", "PNS", nip, "", "", "", DPUPR, "", "", "ya"],  # 10
            ["Eselon Salah", "PNS", "198001052005011001", "", "", "V.a", DINKES, "", "", "ya"],  # 11
            ["Status Salah", "Kontrak", "", "3215011203980003", "", "", DINKES, "", "", "ya"],  # 12
            ["NIP Angka", "PNS", 1.97806122005011e17, "", "", "", DINKES, "", "", "ya"],  # 13
            ["Upah Aneh", "Non-ASN", "", "3215011203980004", "", "", DINKES, "", "1,234.56", "ya"],  # 14
            [
                "Honorer ber-NIP",
                "Non-ASN",
                "198001062005011001",
                "3215011203980005",
                "",
                "",
                DINKES,
                "",
                "",
                "",
            ],
        ]
    )
    with pytest.raises(ImporGagal) as excinfo:
        impor_pegawai(user=two_opds.users.kepegawaian, file=berkas)
    assert galat_of(excinfo) == {
        (2, "nip"), (3, "nik"), (4, "upah_bpjs"), (5, "nip"), (6, "kode_unit"), (7, "kode_opd"),
        (8, "kode_opd"), (10, "nip"), (11, "eselon"), (12, "status"), (13, "nip"), (14, "upah_bpjs"),
        (15, "nip"),
    }  # fmt: skip
    pesan = {str(g) for g in excinfo.value.galat}
    assert "Baris 5, kolom nip: NIP harus 18 digit angka." in pesan
    assert "Baris 2, kolom nip: Pegawai PNS wajib ber-NIP." in pesan
    assert snapshot(Pegawai) == sebelum


def test_2000_pegawai_take_a_bounded_number_of_queries(two_opds, django_assert_max_num_queries):
    def rows(jabatan):
        out = [KOLOM_PEGAWAI]
        for i in range(2000):
            lahir = datetime.date(1970, 1, 1) + datetime.timedelta(days=i)
            out.append(
                [f"Pegawai {i}", "PNS", f"{lahir:%Y%m%d}2000011001", "", jabatan, "", DINKES, "", "", "ya"]
            )
        return out

    user = two_opds.users.kepegawaian
    # savepoint ×2, roles, lock, stored pegawai, OPDs, INSERT ×2 (batches of 1000)
    with django_assert_max_num_queries(9):
        hasil = impor_pegawai(user=user, file=xlsx(rows("Pelaksana")))
    assert hasil.dibuat == 2000
    # savepoint ×2, lock, stored pegawai, OPDs, UPDATE ×4 (batches of 500)
    with django_assert_max_num_queries(10):
        hasil = impor_pegawai(user=user, file=csv_file(rows("Analis")))
    assert (hasil.dibuat, hasil.diubah) == (0, 2000)
    assert Pegawai.objects.filter(jabatan="Analis").count() == 2000


# Permission and files ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "role", ["kepegawaian", "bappeda", "pimpinan", "kepala_a", "operator_a", "tanpa_peran"]
)
def test_opd_import_only_for_admin(two_opds, role):
    with pytest.raises(PermissionDenied):
        impor_opd(user=getattr(two_opds.users, role), file=xlsx([KOLOM_OPD]))


@pytest.mark.parametrize("role", ["bappeda", "pimpinan", "kepala_a", "operator_a", "tanpa_peran"])
def test_pegawai_import_only_for_admin_and_kepegawaian(two_opds, role):
    with pytest.raises(PermissionDenied):
        impor_pegawai(user=getattr(two_opds.users, role), file=xlsx([KOLOM_PEGAWAI]))


def _pesan(file, user):
    with pytest.raises(ImporGagal) as excinfo:
        impor_opd(user=user, file=file)
    return [str(g) for g in excinfo.value.galat]


def test_file_type_checked_by_content(two_opds):
    admin = two_opds.users.admin
    teks = b"kode;nama\n1.03.0.00.0.00.01.0000;DPUPR\n"
    assert "bukan berkas Excel" in _pesan(SimpleUploadedFile("opd.xlsx", teks), admin)[0]
    assert (
        "Excel lama (.xls)"
        in _pesan(SimpleUploadedFile("opd.xlsx", b"\xd0\xcf\x11\xe0" + b"\0" * 600), admin)[0]
    )
    zip_lain = io.BytesIO()
    with zipfile.ZipFile(zip_lain, "w") as arsip:
        arsip.writestr("word/document.xml", "<w/>")
    assert "bukan berkas Excel" in _pesan(SimpleUploadedFile("opd.xlsx", zip_lain.getvalue()), admin)[0]
    assert "bukan teks CSV" in _pesan(SimpleUploadedFile("opd.csv", xlsx([KOLOM_OPD]).read()), admin)[0]
    latin1 = "kode;nama\n1.03.0.00.0.00.01.0000;Dinas Pekerjaan Umum – Bandung\n".encode("cp1252")
    assert "UTF-8" in _pesan(SimpleUploadedFile("opd.csv", latin1), admin)[0]
    assert "Hanya berkas" in _pesan(SimpleUploadedFile("opd.pdf", b"%PDF-1.7"), admin)[0]


def test_zip_bomb_refused_before_opening(two_opds):
    bom = io.BytesIO()
    with zipfile.ZipFile(bom, "w", zipfile.ZIP_DEFLATED) as arsip:
        arsip.writestr("[Content_Types].xml", "<Types/>")
        arsip.writestr("xl/workbook.xml", "<workbook/>")
        arsip.writestr("xl/worksheets/sheet1.xml", b" " * (60 * 1024 * 1024))
    assert len(bom.getvalue()) < 1024 * 1024
    assert (
        "lebih dari 50 MB setelah dibuka"
        in _pesan(SimpleUploadedFile("bom.xlsx", bom.getvalue()), two_opds.users.admin)[0]
    )


def test_size_and_row_limits(two_opds, settings, monkeypatch):
    admin = two_opds.users.admin
    rows = [KOLOM_OPD] + [
        [f"1.03.0.00.0.00.01.{i:04d}", "B", "", "Bidang", DPUPR, "", "", ""] for i in range(1, 5)
    ]
    monkeypatch.setattr(spreadsheet, "MAX_BARIS", 3)
    assert "lebih dari 3 baris" in _pesan(xlsx(rows), admin)[0]
    settings.SIPD_UPLOAD_MAX_BYTES = 100
    assert "lebih besar dari" in _pesan(csv_file(rows), admin)[0]


def test_header_must_have_the_template_columns(two_opds):
    berkas = xlsx([["kode", "nama", "jenis", "induk"], [DPUPR, "DPUPR", "Dinas", ""]])
    with pytest.raises(ImporGagal) as excinfo:
        impor_opd(user=two_opds.users.admin, file=berkas)
    assert (1, "induk") in galat_of(excinfo)
    assert (1, "kode_induk") in galat_of(excinfo)


def test_file_of_the_other_kind_named_as_such(two_opds):
    with pytest.raises(ImporGagal) as excinfo:
        impor_pegawai(
            user=two_opds.users.admin, file=xlsx([KOLOM_OPD, [DPUPR, "DPUPR", "", "Dinas", "", "", "", ""]])
        )
    assert [str(g) for g in excinfo.value.galat] == [
        "Ini berkas Struktur OPD, bukan Pegawai. Pilih jenis impor yang sesuai."
    ]


# Pages -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("role", "status"),
    [("admin", 200), ("kepegawaian", 200), ("operator_a", 403), ("kepala_a", 403), ("pimpinan", 403),
     ("bappeda", 403), ("tanpa_peran", 403)],
)  # fmt: skip
def test_page_only_for_admin_and_kepegawaian(two_opds, login, role, status):
    client = login(getattr(two_opds.users, role))
    assert client.get("/opd/impor/").status_code == status
    berkas = xlsx([KOLOM_PEGAWAI, ["Baru", "PNS", "197806122005011003", "", "", "", DINKES, "", "", "ya"]])
    response = client.post("/opd/impor/", {"jenis": "pegawai", "berkas": berkas})
    assert response.status_code == (302 if status == 200 else 403)
    assert Pegawai.objects.filter(nip="197806122005011003").exists() == (status == 200)


def test_kepegawaian_cannot_choose_the_opd_import(two_opds, login):
    client = login(two_opds.users.kepegawaian)
    page = client.get("/opd/impor/")
    assert [value for value, _label in page.context["form"].fields["jenis"].choices] == ["pegawai"]
    berkas = xlsx([KOLOM_OPD, ["1.04.0.00.0.00.01.0000", "Disperkim", "", "Dinas", "", "", "ya", 0]])
    response = client.post("/opd/impor/", {"jenis": "opd", "berkas": berkas})
    assert response.status_code == 200 and response.context["form"].errors["jenis"]
    assert not Opd.objects.filter(kode="1.04.0.00.0.00.01.0000").exists()
    assert client.get("/opd/impor/templat/opd.xlsx").status_code == 403


def test_page_shows_summary_or_every_error(two_opds, login):
    client = login(two_opds.users.admin)
    berkas = xlsx([KOLOM_OPD, ["1.04.0.00.0.00.01.0000", "Disperkim", "", "Dinas", "", "", "ya", 0]])
    response = client.post("/opd/impor/", {"jenis": "opd", "berkas": berkas}, follow=True)
    assert "Impor Struktur OPD selesai: 1 baru, 0 diperbarui, 0 tidak berubah." in response.content.decode()

    berkas = xlsx(
        [
            KOLOM_OPD,
            ["1.3.0", "Salah", "", "Dinas", "", "", "ya", 0],
            ["1.05.0.00.0.00.01.0001", "Bidang", "", "Bidang", "", "", "ya", 0],
        ]
    )
    response = client.post("/opd/impor/", {"jenis": "opd", "berkas": berkas})
    html = response.content.decode()
    assert response.status_code == 200
    assert [(g.baris, g.kolom) for g in response.context["galat"]] == [(2, "kode"), (3, "kode_induk")]
    assert "Berkas ditolak: 2 kesalahan." in html and "<code>kode_induk</code>" in html
    assert "style=" not in html and "<script>" not in html


@pytest.mark.parametrize("jenis", ["opd", "pegawai"])
def test_templates_open_in_openpyxl_and_import_back(two_opds, login, jenis):
    client = login(two_opds.users.admin)
    response = client.get(f"/opd/impor/templat/{jenis}.xlsx")
    assert response.status_code == 200
    assert response["Content-Disposition"] == f'attachment; filename="templat-impor-{jenis}.xlsx"'
    workbook = openpyxl.load_workbook(io.BytesIO(response.content))
    assert workbook.sheetnames == ["OPD" if jenis == "opd" else "Pegawai", "Petunjuk"]
    sheet = workbook.worksheets[0]
    header = [cell.value for cell in sheet[1]]
    assert header == [k.nama for k in impor.KOLOM[jenis]]
    assert header[: len(KOLOM_OPD if jenis == "opd" else KOLOM_PEGAWAI)] == (
        KOLOM_OPD if jenis == "opd" else KOLOM_PEGAWAI
    )
    assert len(sheet.data_validations.dataValidation) >= 2
    petunjuk = [row[0] for row in workbook["Petunjuk"].iter_rows(values_only=True)]
    assert set(header) <= set(petunjuk)

    berkas = SimpleUploadedFile("templat.xlsx", response.content)
    assert client.post("/opd/impor/", {"jenis": jenis, "berkas": berkas}).status_code == 302

    csv_response = client.get(f"/opd/impor/templat/{jenis}.csv")
    assert csv_response.content.startswith(b"\xef\xbb\xbf")
    assert csv_response.content.decode("utf-8-sig").splitlines()[0] == ";".join(header)
    berkas = SimpleUploadedFile("templat.csv", csv_response.content)
    assert client.post("/opd/impor/", {"jenis": jenis, "berkas": berkas}).status_code == 302


# Cell parsers ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("nilai", "hasil"),
    [(2000000, 2_000_000), (2000000.0, 2_000_000), ("2000000", 2_000_000), ("2.000.000", 2_000_000),
     ("Rp2.000.000", 2_000_000), ("Rp 2.000.000", 2_000_000), ("", None), (None, None)],
)  # fmt: skip
def test_upah_accepts_indonesian_formats(nilai, hasil):
    assert impor._upah(nilai) == hasil


@pytest.mark.parametrize("nilai", ["1,234.56", "2.000.000,50", "-5", "dua juta", True])
def test_upah_refuses_ambiguous_or_fractional(nilai):
    with pytest.raises(ValidationError):
        impor._upah(nilai)


@pytest.mark.parametrize(
    ("nilai", "hasil"),
    [
        ("PNS", "pns"),
        ("pppk", "pppk"),
        ("Non-ASN", "non_asn"),
        ("non asn", "non_asn"),
        ("NON_ASN", "non_asn"),
    ],
)
def test_status_spellings(nilai, hasil):
    assert spreadsheet.pilihan(StatusPegawai, "status")(nilai) == hasil


@pytest.mark.parametrize(
    ("nilai", "hasil"),
    [("Dinas", "dinas"), ("Bidang/Bagian", "bidang"), ("bagian", "bidang"), ("SEKRETARIAT DAERAH", "setda"),
     ("setwan", "setwan"), ("uptd", "uptd")],
)  # fmt: skip
def test_jenis_spellings(nilai, hasil):
    assert spreadsheet.pilihan(JenisOpd, "jenis", bagian=JenisOpd.BIDANG)(nilai) == hasil
