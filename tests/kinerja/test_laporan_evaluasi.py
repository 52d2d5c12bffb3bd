"""Evaluation reports: the rows (misi → tujuan → sasaran → program), the PDF read back as text and pages,
the Excel read back with openpyxl and opened by LibreOffice."""

import io
import shutil
import subprocess
from decimal import Decimal

import pytest
from django.core.cache import cache
from openpyxl import load_workbook
from PIL import Image

from kinerja.reports import data, evaluasi
from kinerja.services.skor import hitung_skor
from sipd import laporan
from tests.kinerja.factories import (
    IndikatorFactory,
    MisiFactory,
    PaguFactory,
    PeriodeFactory,
    ProgramFactory,
    RealisasiFactory,
    SasaranFactory,
    SubKegiatanFactory,
    TujuanFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def rencana(two_opds):
    periode = PeriodeFactory()
    misi = MisiFactory(periode=periode, nomor="1", uraian="Mewujudkan masyarakat yang sehat")
    tujuan = TujuanFactory(misi=misi, nomor="1.1", uraian="Meningkatkan derajat kesehatan")
    sasaran = SasaranFactory(tujuan=tujuan, nomor="1.1.1", uraian="Menurunnya angka kematian ibu")
    iku = IndikatorFactory(
        opd=two_opds.opd_a,
        periode=periode,
        sasaran=sasaran,
        nama="Angka Kematian Ibu",
        satuan="per 100.000 KH",
        polaritas="negatif",
        targets={2025: 8, 2026: 7.5, 2027: 7, 2028: 6.5, 2029: 6},
        target_akhir=Decimal(6),
    )
    program = ProgramFactory(
        opd=two_opds.opd_a,
        periode=periode,
        sasaran=sasaran,
        program="02",
        nama="Program Pemenuhan Upaya Kesehatan",
    )
    outcome = IndikatorFactory(
        opd=two_opds.opd_a,
        periode=periode,
        nomenklatur=program,
        nama="Cakupan persalinan di faskes",
        targets={2025: 90, 2026: 92, 2027: 94, 2028: 96, 2029: 98},
    )
    RealisasiFactory(indikator=iku, tahun=2025, triwulan=4, nilai=9)  # T=8, R=9 → (2·8−9)/8 = 87,5
    RealisasiFactory(indikator=outcome, tahun=2025, triwulan=4, nilai=Decimal("93.6"))  # 104
    sub = SubKegiatanFactory(opd=two_opds.opd_a, periode=periode, urusan="1", bidang="02", program="02")
    PaguFactory(nomenklatur=sub, tahun=2025, jumlah=1_500_000_000)
    IndikatorFactory(
        opd=two_opds.opd_a, periode=periode, nomenklatur=sub, nama="Jumlah ibu hamil mendapat layanan"
    )
    hitung_skor(tahun=2025)
    return periode


def pdf_teks(isi):
    return subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=isi, capture_output=True, check=True
    ).stdout.decode()


def test_rpjmd_rows_follow_the_tree_with_yearly_and_period_capaian(rencana):
    rows = data.evaluasi_rpjmd(rencana, 2025)
    assert [(r.jenis, r.tingkat or r.indikator.nama) for r in rows] == [
        ("judul", "misi"),
        ("judul", "tujuan"),
        ("judul", "sasaran"),
        ("indikator", "Angka Kematian Ibu"),
        ("judul", "program"),
        ("indikator", "Cakupan persalinan di faskes"),
    ]
    aki, persalinan = rows[3], rows[5]
    assert rows[4].teks == persalinan.kolom_induk
    assert aki.capaian[0] == Decimal("87.5") and aki.realisasi[0] == 9 and aki.capaian[1] is None
    assert persalinan.capaian[0] == Decimal(104) and persalinan.kolom_induk.startswith("1.02.02 ")
    # Nilai akhir: the last entered year (2025: 9) against the target akhir 6 → (12 − 9)/6 = 50 %.
    assert aki.capaian_periode == Decimal(50) and aki.predikat_periode == "Sangat Rendah"


def test_rpjmd_pdf_and_excel(rencana):
    isi = laporan.buat_langsung("evaluasi-rpjmd", {"tahun": 2025}, "pdf")
    teks = pdf_teks(isi)
    for expected in (
        "EVALUASI HASIL RPJMD 2025–2029",
        "Angka Kematian Ibu",
        "87,50",
        "104,00",
        "Halaman 1 dari 1",
        "Kepala Bappeda",
        "Misi 1: Mewujudkan masyarakat yang sehat",
    ):
        assert expected in teks, expected
    wb = load_workbook(io.BytesIO(laporan.buat_langsung("evaluasi-rpjmd", {"tahun": 2025}, "xlsx")))
    rows = [r for r in wb.active.iter_rows(values_only=True) if any(r)]
    assert rows[0][0].startswith("Evaluasi Hasil RPJMD") and rows[1][2] == "Indikator"
    aki = next(r for r in rows if r[2] == "Angka Kematian Ibu")
    assert float(aki[7]) == 87.5 and aki[-1] == "Dinkes"


def test_long_rpjmd_pdf_is_cut_into_sections_with_pages_numbered_throughout(rencana, two_opds, settings):
    settings.SIPD_LAPORAN_BARIS_PER_BAGIAN = 50
    sasaran = rencana.misi.first().tujuan.first().sasaran.first()
    for i in range(70):
        IndikatorFactory(opd=two_opds.opd_b, periode=rencana, sasaran=sasaran, nama=f"Indikator panjang {i}")
    jenis = laporan.ambil("evaluasi-rpjmd")
    bagian = jenis.bagian({"tahun": 2025})
    assert len(bagian) == 2 and bagian[0][0] == 0 and bagian[-1][1] == 76
    isi = laporan.buat_langsung("evaluasi-rpjmd", {"tahun": 2025}, "pdf")
    halaman = laporan.hitung_halaman(isi)
    teks = pdf_teks(isi).split("\f")
    assert halaman >= 2 and f"Halaman {halaman} dari {halaman}" in teks[halaman - 1]
    assert "EVALUASI HASIL RPJMD" in teks[0] and "EVALUASI HASIL RPJMD" not in "".join(teks[1:])
    assert "Kepala Bappeda" in teks[halaman - 1]


def test_renstra_and_renja(rencana, two_opds):
    teks = pdf_teks(
        laporan.buat_langsung("evaluasi-renstra", {"tahun": 2025, "opd": two_opds.opd_a.pk}, "pdf")
    )
    assert "EVALUASI RENSTRA DINAS KESEHATAN 2025–2029" in teks and "Cakupan persalinan" in teks
    renja = pdf_teks(
        laporan.buat_langsung("evaluasi-renja", {"tahun": 2025, "opd": two_opds.opd_a.pk}, "pdf")
    )
    assert "Rp1.500.000.000" in renja and "Jumlah ibu hamil mendapat layanan" in renja
    wb = load_workbook(
        io.BytesIO(laporan.buat_langsung("evaluasi-renja", {"tahun": 2025, "opd": two_opds.opd_a.pk}, "xlsx"))
    )
    assert any(r[6] == 1_500_000_000 for r in wb.active.iter_rows(values_only=True))


def test_an_opd_asks_only_for_its_own_renstra(two_opds):
    jenis = laporan.ambil("evaluasi-renstra")
    assert jenis.boleh(two_opds.users.kepala_a, {"opd": two_opds.opd_a.pk})
    assert not jenis.boleh(two_opds.users.operator_b, {"opd": two_opds.opd_a.pk})
    assert not laporan.ambil("evaluasi-rpjmd").boleh(two_opds.users.kepala_a, {})


def test_excel_opens_in_libreoffice(rencana, tmp_path):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    assert soffice, "LibreOffice (soffice) tidak terpasang: jalankan `make test`"
    for kode in ("evaluasi-rpjmd", "rekap-pengisian"):
        path = tmp_path / f"{kode}.xlsx"
        path.write_bytes(laporan.buat_langsung(kode, {"tahun": 2025, "triwulan": 4}, "xlsx"))
        result = subprocess.run(
            [
                soffice,
                "--headless",
                f"-env:UserInstallation=file://{tmp_path}/lo",
                "--convert-to",
                "csv",
                "--outdir",
                str(tmp_path),
                str(path),
            ],
            capture_output=True,
            timeout=120,
        )
        assert result.returncode == 0, result.stderr
        assert (tmp_path / f"{kode}.csv").stat().st_size > 0


def test_leaders_summary_has_the_dashboard_charts_and_tables(rencana, two_opds):
    isi = laporan.buat_langsung("ringkasan-pimpinan", {"tahun": 2025, "triwulan": 4}, "pdf")
    teks = pdf_teks(isi)
    for expected in (
        "RINGKASAN KINERJA UNTUK PIMPINAN",
        "Capaian per misi",
        "Peringkat perangkat daerah",
        "Dinas Kesehatan",
        "Kepatuhan SLA antarunit",
        "Bencana aktif",
    ):
        assert expected in teks, expected
    wb = load_workbook(
        io.BytesIO(laporan.buat_langsung("ringkasan-pimpinan", {"tahun": 2025, "triwulan": 4}, "xlsx"))
    )
    assert [r[1] for r in wb.active.iter_rows(min_row=2, values_only=True)] == ["Dinas Kesehatan"]
    assert not laporan.ambil("ringkasan-pimpinan").boleh(two_opds.users.kepala_a, {})
    with pytest.raises(laporan.ValidationError, match="Belum ada skor"):
        laporan.buat_langsung("ringkasan-pimpinan", {"tahun": 2027, "triwulan": 1}, "pdf")


def test_a_year_prints_target_realisasi_and_capaian_aligned_in_one_cell(rencana):
    rows = data.evaluasi_rpjmd(rencana, 2025)
    tahun = list(rencana.tahun)
    lebar = evaluasi.lebar_tahunan(rows, tahun, 2025)
    kolom = evaluasi.KolomTahunan.dari(lebar, len(tahun), ("T", "R", "C (%)"))
    aki = rows[3]
    sel = [kolom.sel(n) for n in evaluasi._tiga_nilai(aki, tahun, 2025)]
    # 2025: T 8, R 9, C 87,5 — every figure right-aligned to its column, two decimals, at the table's size.
    assert sel[0][0].split() == ["8,00", "9,00", "87,50"] and sel[0][0].endswith(" 87,50")
    assert all(len(teks) == len(sel[0][0]) and kelas == "" for teks, kelas in sel)
    # 2026 is not reached yet: its target only, no dash for a realisasi nobody could enter.
    assert sel[1][0].split() == [sel[1][0].split()[0]] and sel[1][0].startswith(" ")
    # A figure longer than 99 % of the report's gets its own widths and smaller type in that cell only.
    panjang, kelas = kolom.sel(("1.300.000,00", "986.700,00", "75,90"))
    assert panjang.split() == ["1.300.000,00", "986.700,00", "75,90"] and kelas in {
        "t90",
        "t80",
        "t70",
        "t60",
    }
    assert kolom.ukuran_pt == evaluasi.KolomTahunan.UKURAN_PT


def test_sections_read_their_own_rows_and_line_up_with_the_whole_report(rencana, two_opds, settings):
    settings.SIPD_LAPORAN_BARIS_PER_BAGIAN = 50
    sasaran = rencana.misi.first().tujuan.first().sasaran.first()
    for i in range(70):
        IndikatorFactory(opd=two_opds.opd_b, periode=rencana, sasaran=sasaran, nama=f"Indikator {i}")
    params = {"tahun": 2025}
    bagian = evaluasi._bagian_rpjmd(params)
    kunci = evaluasi._kunci_rpjmd(params, rencana)
    simpanan = [cache.get(f"{kunci}:{a}-{b}") for a, b in bagian]
    assert [len(s[0]) for s in simpanan] == [b - a for a, b in bagian]
    assert simpanan[0][1] == simpanan[1][1] and [s[2] for s in simpanan] == [False, True]
    # Evicted (Redis restarted mid-job): the section is rebuilt from the report's rows, the same PDF text.
    utuh = pdf_teks(evaluasi._buat_bagian_rpjmd(params, bagian[1]))
    cache.delete_many([f"{kunci}:{a}-{b}" for a, b in bagian])
    assert pdf_teks(evaluasi._buat_bagian_rpjmd(params, bagian[1])) == utuh
    assert "Kepala Bappeda" in utuh


def test_rpjmd_pdf_pages_as_images_are_landscape_a4_with_the_table_drawn(rencana, tmp_path):
    isi = laporan.buat_langsung("evaluasi-rpjmd", {"tahun": 2025}, "pdf")
    (tmp_path / "rpjmd.pdf").write_bytes(isi)
    subprocess.run(["pdftoppm", "-r", "50", "-png", tmp_path / "rpjmd.pdf", tmp_path / "hal"], check=True)
    halaman = sorted(tmp_path.glob("hal*.png"))
    assert len(halaman) == laporan.hitung_halaman(isi) == 1
    with Image.open(halaman[0]) as gambar:
        lebar, tinggi = gambar.size
        assert abs(lebar / tinggi - 297 / 210) < 0.01  # A4 landscape
        abu = gambar.convert("L")
        # The table's grid and text: a good share of dark pixels in the upper half, the page not blank.
        atas = abu.crop((0, 0, lebar, tinggi // 2)).histogram()
        assert sum(atas[:128]) > 0.02 * lebar * tinggi // 2
