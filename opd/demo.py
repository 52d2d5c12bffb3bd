"""Demo data: the fictional Kabupaten Sukamaju (Jawa Barat, kode wilayah 32.99).

`rencana()` builds every row as plain data, deterministic from `SEED` (no ORM, no clock), so re-runs give the
same people, numbers and codes. `seed()` upserts that plan by natural key (Opd.kode, Pegawai NIP/NIK,
User.username) and writes only what differs, in bulk: a second run reads a few tables and writes nothing.
"""

from __future__ import annotations

import datetime
import io
import math
import random
import time
from collections import Counter
from dataclasses import dataclass, field

import pghistory
from django.contrib.auth.hashers import check_password, make_password
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from opd.choices import Eselon, JenisOpd, JenisPelaksana, StatusPegawai
from opd.models import Opd, Pegawai, PenugasanPeran
from opd.validators import parse_kode_unit
from sipd.models import Pemda, User
from sipd.roles import Peran
from sipd.selectors import forget_pemda_profile_on_commit
from sipd.sinkron import selaraskan

SEED = 3299
DEMO_PASSWORD = "sipd-demo-2026"  # noqa: S105 - published demo password, printed by the command  # nosec B105
NAMA_DAERAH = "Sukamaju"
KODE_WILAYAH = "32.99"
DOMAIN_EMAIL = "sukamaju.go.id"
TOTAL_PEGAWAI = 1500
# Share of the whole workforce: 60% PNS, 15% PPPK, the rest non-ASN.
JUMLAH_STATUS = {StatusPegawai.PNS: 900, StatusPegawai.PPPK: 225, StatusPegawai.NON_ASN: 375}

J = JenisOpd
SEKRETARIAT = "Sekretariat"
KASUBBAG_SEKRETARIAT = ("Kepala Subbagian Umum dan Kepegawaian", "Kepala Subbagian Perencanaan dan Keuangan")

# ---------------------------------------------------------------------------------------------------------
# Perangkat daerah: (kode, nama, singkatan, jenis, staff weight, units).
# A unit is a name ("Bidang …", "Bagian …", "UPTD …", "Sekretariat") or (name, jenis, jabatan, eselon).
# ---------------------------------------------------------------------------------------------------------
PERANGKAT_DAERAH = [
    ("4.01.0.00.0.00.01.0000", "Sekretariat Daerah", "Setda", J.SEKRETARIAT_DAERAH, 55, [
        "Bagian Pemerintahan", "Bagian Kesejahteraan Rakyat", "Bagian Hukum",
        "Bagian Perekonomian dan Sumber Daya Alam", "Bagian Organisasi", "Bagian Umum"]),
    ("4.02.0.00.0.00.01.0000", "Sekretariat Dewan Perwakilan Rakyat Daerah", "Setwan", J.SEKRETARIAT_DPRD,
     30, [
        "Bagian Umum dan Keuangan", "Bagian Persidangan dan Perundang-undangan",
        "Bagian Fasilitasi Penganggaran dan Pengawasan", "Bagian Hubungan Masyarakat dan Protokol"]),
    ("6.01.0.00.0.00.01.0000", "Inspektorat Daerah", "Inspektorat", J.INSPEKTORAT, 30, [
        SEKRETARIAT, "Inspektorat Pembantu Wilayah I", "Inspektorat Pembantu Wilayah II",
        "Inspektorat Pembantu Wilayah III", "Inspektorat Pembantu Wilayah IV"]),
    ("1.01.2.22.0.00.01.0000", "Dinas Pendidikan dan Kebudayaan", "Disdikbud", J.DINAS, 40, [
        SEKRETARIAT, "Bidang Pembinaan PAUD dan Pendidikan Nonformal", "Bidang Pembinaan Sekolah Dasar",
        "Bidang Pembinaan Sekolah Menengah Pertama", "Bidang Guru dan Tenaga Kependidikan",
        "Bidang Kebudayaan"]),
    ("1.02.0.00.0.00.01.0000", "Dinas Kesehatan", "Dinkes", J.DINAS, 75, [
        SEKRETARIAT, "Bidang Kesehatan Masyarakat", "Bidang Pencegahan dan Pengendalian Penyakit",
        "Bidang Pelayanan dan Sumber Daya Kesehatan",
        ("Rumah Sakit Umum Daerah Sukamaju", J.UPTD, "Direktur Rumah Sakit Umum Daerah Sukamaju",
         Eselon.III_A),
        "UPTD Laboratorium Kesehatan Daerah"]),
    ("1.03.0.00.0.00.01.0000", "Dinas Pekerjaan Umum dan Penataan Ruang", "DPUPR", J.DINAS, 50, [
        SEKRETARIAT, "Bidang Bina Marga", "Bidang Sumber Daya Air", "Bidang Cipta Karya",
        "Bidang Penataan Ruang", "UPTD Peralatan dan Perbekalan"]),
    ("1.04.2.10.0.00.01.0000", "Dinas Perumahan, Kawasan Permukiman dan Pertanahan", "Disperkimtan", J.DINAS,
     25, [
        SEKRETARIAT, "Bidang Perumahan", "Bidang Kawasan Permukiman", "Bidang Pertanahan", "UPTD Pemakaman"]),
    ("1.05.0.00.0.00.01.0000", "Satuan Polisi Pamong Praja", "Satpol PP", J.DINAS, 45, [
        SEKRETARIAT, "Bidang Penegakan Peraturan Daerah",
        "Bidang Ketertiban Umum dan Ketenteraman Masyarakat", "Bidang Perlindungan Masyarakat"]),
    ("1.05.0.00.0.00.02.0000", "Badan Penanggulangan Bencana Daerah", "BPBD", J.BADAN, 25, [
        SEKRETARIAT, "Bidang Pencegahan dan Kesiapsiagaan", "Bidang Kedaruratan dan Logistik",
        "Bidang Rehabilitasi dan Rekonstruksi"]),
    ("1.05.0.00.0.00.03.0000", "Dinas Pemadam Kebakaran dan Penyelamatan", "Damkar", J.DINAS, 35, [
        SEKRETARIAT, "Bidang Pencegahan Kebakaran", "Bidang Pemadaman dan Penyelamatan",
        "Bidang Sarana dan Prasarana", "UPTD Pemadam Kebakaran Wilayah Selatan"]),
    ("1.06.0.00.0.00.01.0000", "Dinas Sosial", "Dinsos", J.DINAS, 25, [
        SEKRETARIAT, "Bidang Rehabilitasi Sosial", "Bidang Perlindungan dan Jaminan Sosial",
        "Bidang Pemberdayaan Sosial dan Penanganan Fakir Miskin", "UPTD Rumah Perlindungan Sosial"]),
    ("2.07.0.00.0.00.01.0000", "Dinas Tenaga Kerja", "Disnaker", J.DINAS, 18, [
        SEKRETARIAT, "Bidang Pelatihan dan Produktivitas Tenaga Kerja",
        "Bidang Penempatan dan Perluasan Kesempatan Kerja", "Bidang Hubungan Industrial",
        "UPTD Balai Latihan Kerja"]),
    ("2.08.0.00.0.00.01.0000", "Dinas Pemberdayaan Perempuan dan Perlindungan Anak", "DP3A", J.DINAS, 18, [
        SEKRETARIAT, "Bidang Pemberdayaan Perempuan", "Bidang Perlindungan Perempuan dan Anak",
        "Bidang Pemenuhan Hak Anak", "UPTD Perlindungan Perempuan dan Anak"]),
    ("2.09.0.00.0.00.01.0000", "Dinas Ketahanan Pangan", "Disketapang", J.DINAS, 18, [
        SEKRETARIAT, "Bidang Ketersediaan dan Distribusi Pangan", "Bidang Konsumsi dan Keamanan Pangan",
        "Bidang Kerawanan Pangan"]),
    ("2.11.0.00.0.00.01.0000", "Dinas Lingkungan Hidup", "DLH", J.DINAS, 50, [
        SEKRETARIAT, "Bidang Tata Lingkungan", "Bidang Pengelolaan Sampah dan Limbah B3",
        "Bidang Pengendalian Pencemaran dan Kerusakan Lingkungan", "Bidang Pertamanan",
        "UPTD Tempat Pemrosesan Akhir Sampah"]),
    ("2.12.0.00.0.00.01.0000", "Dinas Kependudukan dan Pencatatan Sipil", "Disdukcapil", J.DINAS, 30, [
        SEKRETARIAT, "Bidang Pelayanan Pendaftaran Penduduk", "Bidang Pelayanan Pencatatan Sipil",
        "Bidang Pengelolaan Informasi Administrasi Kependudukan",
        "Bidang Pemanfaatan Data dan Inovasi Pelayanan"]),
    ("2.13.0.00.0.00.01.0000", "Dinas Pemberdayaan Masyarakat dan Desa", "DPMD", J.DINAS, 18, [
        SEKRETARIAT, "Bidang Pemerintahan Desa", "Bidang Pemberdayaan Masyarakat Desa",
        "Bidang Keuangan dan Aset Desa"]),
    ("2.14.0.00.0.00.01.0000", "Dinas Pengendalian Penduduk dan Keluarga Berencana", "DPPKB", J.DINAS, 22, [
        SEKRETARIAT, "Bidang Pengendalian Penduduk", "Bidang Keluarga Berencana",
        "Bidang Ketahanan dan Kesejahteraan Keluarga"]),
    ("2.15.0.00.0.00.01.0000", "Dinas Perhubungan", "Dishub", J.DINAS, 35, [
        SEKRETARIAT, "Bidang Lalu Lintas dan Angkutan", "Bidang Prasarana dan Keselamatan",
        "Bidang Perparkiran", "UPTD Pengujian Kendaraan Bermotor"]),
    ("2.16.2.20.2.21.01.0000", "Dinas Komunikasi dan Informatika", "Diskominfo", J.DINAS, 25, [
        SEKRETARIAT, "Bidang Informasi dan Komunikasi Publik", "Bidang Aplikasi Informatika",
        "Bidang Statistik", "Bidang Persandian dan Keamanan Informasi"]),
    ("2.17.0.00.0.00.01.0000", "Dinas Koperasi, Usaha Kecil dan Menengah", "Diskopukm", J.DINAS, 18, [
        SEKRETARIAT, "Bidang Kelembagaan dan Pengawasan Koperasi", "Bidang Pemberdayaan Koperasi",
        "Bidang Usaha Kecil dan Menengah"]),
    ("2.18.0.00.0.00.01.0000", "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu", "DPMPTSP", J.DINAS,
     25, [
        SEKRETARIAT, "Bidang Penanaman Modal", "Bidang Pelayanan Perizinan",
        "Bidang Pengaduan, Kebijakan dan Pelaporan Layanan"]),
    ("2.19.0.00.0.00.01.0000", "Dinas Pemuda dan Olahraga", "Dispora", J.DINAS, 15, [
        SEKRETARIAT, "Bidang Kepemudaan", "Bidang Keolahragaan", "UPTD Pengelolaan Gelanggang Olahraga"]),
    ("2.23.2.24.0.00.01.0000", "Dinas Perpustakaan dan Kearsipan", "Dispusip", J.DINAS, 18, [
        SEKRETARIAT, "Bidang Pengembangan Perpustakaan", "Bidang Pengelolaan Kearsipan",
        "UPTD Perpustakaan Keliling"]),
    ("3.25.0.00.0.00.01.0000", "Dinas Perikanan", "Diskan", J.DINAS, 18, [
        SEKRETARIAT, "Bidang Perikanan Budidaya", "Bidang Perikanan Tangkap",
        "Bidang Pengolahan dan Pemasaran Hasil Perikanan", "UPTD Balai Benih Ikan"]),
    ("3.26.0.00.0.00.01.0000", "Dinas Pariwisata", "Dispar", J.DINAS, 15, [
        SEKRETARIAT, "Bidang Destinasi Pariwisata", "Bidang Pemasaran Pariwisata", "Bidang Ekonomi Kreatif"]),
    ("3.27.0.00.0.00.01.0000", "Dinas Pertanian", "Distan", J.DINAS, 40, [
        SEKRETARIAT, "Bidang Tanaman Pangan", "Bidang Hortikultura", "Bidang Perkebunan",
        "Bidang Prasarana dan Sarana Pertanian", "UPTD Balai Penyuluhan Pertanian"]),
    ("3.27.0.00.0.00.02.0000", "Dinas Peternakan dan Kesehatan Hewan", "Disnakkeswan", J.DINAS, 22, [
        SEKRETARIAT, "Bidang Produksi Peternakan",
        "Bidang Kesehatan Hewan dan Kesehatan Masyarakat Veteriner", "UPTD Pusat Kesehatan Hewan",
        "UPTD Rumah Potong Hewan"]),
    ("3.30.3.31.0.00.01.0000", "Dinas Perdagangan dan Perindustrian", "Disperindag", J.DINAS, 22, [
        SEKRETARIAT, "Bidang Perdagangan", "Bidang Perindustrian", "Bidang Pengelolaan Pasar",
        "UPTD Metrologi Legal"]),
    ("5.01.0.00.0.00.01.0000", "Badan Perencanaan Pembangunan Daerah", "Bappeda", J.BADAN, 30, [
        SEKRETARIAT, "Bidang Perencanaan, Pengendalian dan Evaluasi Pembangunan",
        "Bidang Pemerintahan dan Pembangunan Manusia", "Bidang Perekonomian dan Sumber Daya Alam",
        "Bidang Infrastruktur dan Kewilayahan"]),
    ("5.02.0.00.0.00.01.0000", "Badan Pengelolaan Keuangan dan Aset Daerah", "BPKAD", J.BADAN, 40, [
        SEKRETARIAT, "Bidang Anggaran", "Bidang Perbendaharaan", "Bidang Akuntansi", "Bidang Aset"]),
    ("5.02.0.00.0.00.02.0000", "Badan Pendapatan Daerah", "Bapenda", J.BADAN, 35, [
        SEKRETARIAT, "Bidang Pendaftaran dan Penetapan", "Bidang Pajak Bumi dan Bangunan serta BPHTB",
        "Bidang Penagihan dan Pengendalian", "UPTD Pajak Daerah Wilayah I"]),
    ("5.03.5.04.0.00.01.0000", "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia", "BKPSDM", J.BADAN,
     30, [
        SEKRETARIAT, "Bidang Pengadaan, Pemberhentian dan Informasi Kepegawaian", "Bidang Mutasi dan Promosi",
        "Bidang Pengembangan Kompetensi Aparatur", "Bidang Penilaian Kinerja Aparatur dan Penghargaan"]),
    ("5.05.0.00.0.00.01.0000", "Badan Riset dan Inovasi Daerah", "Brida", J.BADAN, 12, [
        SEKRETARIAT, "Bidang Riset dan Pengembangan", "Bidang Inovasi Daerah"]),
    ("8.01.0.00.0.00.01.0000", "Badan Kesatuan Bangsa dan Politik", "Kesbangpol", J.BADAN, 15, [
        SEKRETARIAT, "Bidang Ideologi, Wawasan Kebangsaan dan Karakter Bangsa",
        "Bidang Politik Dalam Negeri dan Organisasi Kemasyarakatan",
        "Bidang Kewaspadaan Nasional dan Penanganan Konflik"]),
]  # fmt: skip

# Heads whose title is not "Kepala <nama>".
JABATAN_KEPALA = {
    "Setda": ("Sekretaris Daerah", Eselon.II_A),
    "Setwan": ("Sekretaris DPRD", Eselon.II_B),
    "Inspektorat": ("Inspektur", Eselon.II_B),
    "BPBD": ("Kepala Pelaksana Badan Penanggulangan Bencana Daerah", Eselon.II_B),
}
# Posts at the perangkat daerah itself (no unit), besides the head.
JABATAN_LAIN = {
    "Setda": [
        ("Asisten Pemerintahan dan Kesejahteraan Rakyat", Eselon.II_B),
        ("Asisten Perekonomian dan Pembangunan", Eselon.II_B),
        ("Asisten Administrasi Umum", Eselon.II_B),
        ("Staf Ahli Bupati Bidang Hukum, Politik dan Pemerintahan", Eselon.II_B),
        ("Staf Ahli Bupati Bidang Ekonomi, Keuangan dan Pembangunan", Eselon.II_B),
        ("Staf Ahli Bupati Bidang Kemasyarakatan dan Sumber Daya Manusia", Eselon.II_B),
    ],
}
# Where the Kasubbag sit when there is no Sekretariat.
KASUBBAG = {
    "Setda": ("Bagian Umum", ("Kepala Subbagian Tata Usaha Pimpinan", "Kepala Subbagian Rumah Tangga")),
    "Setwan": (
        "Bagian Umum dan Keuangan",
        ("Kepala Subbagian Tata Usaha dan Kepegawaian", "Kepala Subbagian Keuangan"),
    ),
}
# Vacant heads, so the portal shows these cases: acting head (Plt.) named by (singkatan, jabatan), or nobody.
PLT_KEPALA = {
    "Dispora": ("Dispora", "Sekretaris Dinas Pemuda dan Olahraga"),
    "Diskan": ("Diskan", "Sekretaris Dinas Perikanan"),
    "Kesbangpol": ("Setda", "Asisten Pemerintahan dan Kesejahteraan Rakyat"),
}
KEPALA_KOSONG = {"Brida"}
# Vacant unit heads: (singkatan, unit) -> (jenis pelaksana, (singkatan, jabatan)) or None.
UNIT_KOSONG = {
    ("BPKAD", "Bidang Aset"): (
        JenisPelaksana.PLH, ("BPKAD", "Sekretaris Badan Pengelolaan Keuangan dan Aset Daerah")
    ),
    ("Distan", "Bidang Hortikultura"): (JenisPelaksana.PLT, ("Distan", "Kepala Bidang Tanaman Pangan")),
    ("DLH", "Bidang Pertamanan"): None,
    ("Dishub", "Bidang Perparkiran"): None,
    ("Bapenda", "UPTD Pajak Daerah Wilayah I"): None,
}  # fmt: skip
KELURAHAN_KOSONG = {4, 17, 33}  # positions in the list of all kelurahan

KECAMATAN = [
    "Sukamaju", "Sukamaju Kaler", "Cibeureum Girang", "Cikalong Hilir", "Pasirlaja", "Cijambe Wetan",
    "Sindangraja", "Cimanglid", "Bojongsari Kidul", "Karangmekar", "Tanjungwangi", "Ciherang Tonggoh",
    "Margaluyu", "Cilembu Girang", "Situmekar", "Pagerwangi", "Leuwimanggu", "Rancamulya",
    "Gunungsari Wetan", "Cisalak Kidul", "Sukaresmi Hilir", "Cibodas Tonggoh", "Babakanjaya",
    "Kertajaya Kulon", "Neglasari Girang",
]  # fmt: skip
BOBOT_KECAMATAN = 13
SEKSI_KECAMATAN = (
    "Kepala Seksi Pemerintahan",
    "Kepala Seksi Ketenteraman dan Ketertiban Umum",
    "Kepala Seksi Pemberdayaan Masyarakat dan Desa",
)
_AWALAN_KELURAHAN = ["Suka", "Mekar", "Sindang", "Marga", "Karang", "Tanjung", "Sirna", "Pasir", "Bojong",
                     "Cinta", "Gunung", "Wangun", "Kerta", "Rawa", "Jati", "Cipa"]  # fmt: skip
_AKHIRAN_KELURAHAN = ["jaya", "mukti", "sari", "mulya", "asih", "wangi", "rahayu", "laksana", "harja",
                      "galih", "manah", "senang", "raharja", "makmur", "endah", "bakti"]  # fmt: skip

# ---------------------------------------------------------------------------------------------------------
# People.
# ---------------------------------------------------------------------------------------------------------
NAMA_PRIA = ["Asep", "Ujang", "Dedi", "Dede", "Cecep", "Yayat", "Iwan", "Agus", "Budi", "Hendra", "Rudi",
             "Dadan", "Dudi", "Enjang", "Engkus", "Acep", "Aceng", "Wawan", "Yudi", "Deden", "Ade", "Aan",
             "Rahmat", "Ridwan", "Rizal", "Fajar", "Rizki", "Gilang", "Ilham", "Irfan", "Yusuf", "Hasan",
             "Firman", "Taufik", "Wahyu", "Eko", "Andi", "Hadi", "Lukman", "Mamat", "Nana", "Oman", "Tatang",
             "Entis", "Jajang", "Kurnia", "Galih", "Bayu", "Dimas", "Reza", "Arief", "Yogi", "Denny", "Heri",
             "Irwan", "Teguh", "Ujang", "Dodi", "Usep", "Endang"]  # fmt: skip
NAMA_WANITA = ["Euis", "Neneng", "Siti", "Rina", "Dewi", "Tati", "Yuyun", "Ai", "Nining", "Lilis", "Imas",
               "Cucu", "Enok", "Entin", "Iis", "Nia", "Rini", "Sri", "Ani", "Yanti", "Wati", "Nurul", "Fitri",
               "Intan", "Ratna", "Elis", "Yeni", "Nunung", "Ika", "Dian", "Mira", "Sinta", "Ayu", "Putri",
               "Nisa", "Anisa", "Rahma", "Novi", "Lina", "Tina", "Wulan", "Rosita", "Eha", "Titin", "Yani",
               "Hani", "Nenden", "Ratih", "Indah", "Popon"]  # fmt: skip
AKHIR_PRIA = ["Hidayat", "Kurniawan", "Setiawan", "Permana", "Saputra", "Gunawan", "Suryadi", "Hermawan",
              "Sopandi", "Rohman", "Supriadi", "Mulyana", "Sutisna", "Saepudin", "Suherman", "Nugraha",
              "Firmansyah", "Ramdani", "Hakim", "Sudrajat", "Kusnadi", "Wijaya", "Prasetyo", "Somantri",
              "Koswara", "Sukmana", "Maulana", "Pratama", "Purnama", "Sumarna", "Rukmana", "Juhana", "Sobari",
              "Ruhiyat", "Hamdani", "Syarifudin"]  # fmt: skip
AKHIR_WANITA = ["Rahmawati", "Nurhayati", "Suryani", "Sulastri", "Kurniasih", "Handayani", "Herawati",
                "Nurjanah", "Rosmiati", "Fitriani", "Wulandari", "Lestari", "Purnamasari", "Komalasari",
                "Sumiati", "Yuliani", "Mulyani", "Hasanah", "Nurlaela", "Susanti", "Fauziah", "Marlina",
                "Apriyani", "Maryam", "Setiawati", "Kartika", "Juwita", "Permatasari", "Sundari",
                "Rohmah"]  # fmt: skip

GELAR_S1 = ["S.E.", "S.Sos.", "S.IP.", "S.H.", "S.Kom.", "S.T.", "S.Pd.", "S.Ak.", "S.AP.", "S.Si."]
GELAR_S1_OPD = {
    "Dinkes": ["S.K.M.", "S.Kep.", "S.Farm.", "S.Gz."],
    "DPUPR": ["S.T."],
    "Disperkimtan": ["S.T."],
    "Distan": ["S.P."],
    "Disnakkeswan": ["S.Pt."],
    "Diskan": ["S.Pi."],
    "Disdikbud": ["S.Pd."],
    "BPKAD": ["S.E.", "S.Ak."],
    "Bapenda": ["S.E.", "S.Ak."],
    "Diskominfo": ["S.Kom."],
}
GELAR_S2 = ["M.Si.", "M.M.", "M.AP.", "M.H.", "M.E."]
GELAR_S2_OPD = {"Dinkes": ["M.Kes."], "DPUPR": ["M.T."], "Disdikbud": ["M.Pd."], "Bappeda": ["M.T.", "M.Si."]}

# Functional posts: (name, "ahli" for graduates | "terampil" for diploma holders).
FUNGSIONAL_UMUM = [("Analis Kebijakan", "ahli"), ("Pranata Komputer", "ahli"), ("Arsiparis", "terampil"),
                   ("Analis Keuangan Pusat dan Daerah", "ahli"),
                   ("Analis Sumber Daya Manusia Aparatur", "ahli"),
                   ("Perencana", "ahli"), ("Pranata Hubungan Masyarakat", "ahli"),
                   ("Pengelola Pengadaan Barang/Jasa", "ahli")]  # fmt: skip
FUNGSIONAL_OPD = {
    "Setda": [("Analis Hukum", "ahli"), ("Perancang Peraturan Perundang-undangan", "ahli"),
              ("Analis Kebijakan", "ahli")],
    "Setwan": [("Analis Hukum", "ahli"), ("Pranata Hubungan Masyarakat", "ahli")],
    "Inspektorat": [("Auditor", "ahli"), ("Pengawas Penyelenggaraan Urusan Pemerintahan di Daerah", "ahli"),
                    ("Auditor", "terampil")],
    "Disdikbud": [("Pengawas Sekolah", "ahli"), ("Penilik", "ahli"), ("Pamong Budaya", "ahli")],
    "Dinkes": [("Dokter", "ahli"), ("Perawat", "ahli"), ("Perawat", "terampil"), ("Bidan", "terampil"),
               ("Apoteker", "ahli"), ("Epidemiolog Kesehatan", "ahli"), ("Nutrisionis", "ahli"),
               ("Sanitarian", "terampil"), ("Pranata Laboratorium Kesehatan", "terampil"),
               ("Perekam Medis", "terampil")],
    "DPUPR": [("Teknik Jalan dan Jembatan", "ahli"), ("Teknik Pengairan", "ahli"), ("Penata Ruang", "ahli"),
              ("Teknik Tata Bangunan dan Perumahan", "ahli"), ("Pengawas Sumber Daya Air", "terampil")],
    "Disperkimtan": [("Teknik Tata Bangunan dan Perumahan", "ahli"), ("Penata Kelola Pertanahan", "ahli")],
    "Satpol PP": [("Polisi Pamong Praja", "terampil"), ("Polisi Pamong Praja", "ahli")],
    "BPBD": [("Analis Bencana", "ahli"), ("Analis Kebencanaan", "terampil")],
    "Damkar": [("Analis Kebakaran", "ahli"), ("Pemadam Kebakaran", "terampil")],
    "Dinsos": [("Pekerja Sosial", "ahli"), ("Penyuluh Sosial", "ahli")],
    "Disnaker": [("Pengantar Kerja", "ahli"), ("Mediator Hubungan Industrial", "ahli"),
                 ("Instruktur", "ahli")],
    "DP3A": [("Analis Perlindungan Perempuan dan Anak", "ahli")],
    "Disketapang": [("Analis Ketahanan Pangan", "ahli"), ("Pengawas Mutu Hasil Pertanian", "terampil")],
    "DLH": [("Pengendali Dampak Lingkungan", "ahli"), ("Pengawas Lingkungan Hidup", "ahli")],
    "Disdukcapil": [("Administrator Database Kependudukan", "ahli"), ("Penata Kependudukan", "ahli")],
    "DPMD": [("Penggerak Swadaya Masyarakat", "ahli")],
    "DPPKB": [("Penyuluh Keluarga Berencana", "ahli")],
    "Dishub": [("Penguji Kendaraan Bermotor", "terampil"), ("Analis Transportasi", "ahli")],
    "Diskominfo": [("Pranata Komputer", "ahli"), ("Statistisi", "ahli"), ("Sandiman", "ahli"),
                   ("Pranata Hubungan Masyarakat", "ahli")],
    "Diskopukm": [("Penggerak Koperasi", "ahli")],
    "DPMPTSP": [("Analis Perizinan", "ahli"), ("Penata Perizinan", "terampil")],
    "Dispora": [("Analis Kepemudaan", "ahli")],
    "Dispusip": [("Pustakawan", "ahli"), ("Pustakawan", "terampil"), ("Arsiparis", "ahli")],
    "Diskan": [("Penyuluh Perikanan", "ahli"), ("Pengendali Hama dan Penyakit Ikan", "terampil")],
    "Dispar": [("Adyatama Kepariwisataan dan Ekonomi Kreatif", "ahli")],
    "Distan": [("Penyuluh Pertanian", "ahli"), ("Penyuluh Pertanian", "terampil"),
               ("Pengendali Organisme Pengganggu Tumbuhan", "terampil")],
    "Disnakkeswan": [("Medik Veteriner", "ahli"), ("Paramedik Veteriner", "terampil")],
    "Disperindag": [("Penera", "terampil"), ("Pengawas Perdagangan", "ahli")],
    "Bappeda": [("Perencana", "ahli")],
    "BPKAD": [("Analis Keuangan Pusat dan Daerah", "ahli"), ("Analis Pengelolaan Keuangan APBD", "ahli")],
    "Bapenda": [("Analis Pajak Daerah", "ahli"), ("Penilai Pajak Bumi dan Bangunan", "ahli")],
    "BKPSDM": [("Analis Sumber Daya Manusia Aparatur", "ahli"),
               ("Asesor Sumber Daya Manusia Aparatur", "ahli"), ("Widyaiswara", "ahli")],
    "Brida": [("Peneliti", "ahli"), ("Perencana", "ahli")],
    "Kesbangpol": [("Analis Kebijakan", "ahli")],
}  # fmt: skip
NON_ASN_UMUM = ["Tenaga Administrasi", "Operator Komputer", "Pengemudi", "Petugas Kebersihan",
                "Petugas Keamanan", "Pramu Bakti", "Tenaga Teknis"]  # fmt: skip
NON_ASN_OPD = {
    "Dinkes": ["Perawat", "Bidan", "Petugas Rekam Medis", "Tenaga Farmasi"],
    "DPUPR": ["Pengawas Lapangan", "Operator Alat Berat", "Juru Ukur"],
    "Satpol PP": ["Tenaga Pengamanan", "Tenaga Ketertiban Umum"],
    "BPBD": ["Tim Reaksi Cepat", "Operator Pusat Pengendalian Operasi"],
    "Damkar": ["Petugas Pemadam Kebakaran", "Operator Radio"],
    "Dinsos": ["Pendamping Sosial"],
    "DLH": ["Petugas Kebersihan Jalan", "Pengemudi Truk Sampah", "Petugas Pertamanan"],
    "Disdukcapil": ["Operator Layanan Administrasi Kependudukan"],
    "Dishub": ["Juru Parkir", "Petugas Terminal", "Petugas Penerangan Jalan Umum"],
    "Diskominfo": ["Programmer", "Operator Jaringan"],
    "Distan": ["Tenaga Bantu Penyuluh Pertanian"],
    "Disperindag": ["Petugas Pasar"],
}

# Demo accounts: (username, role, OPD singkatan for OPD roles, the account's Pegawai row: the "kepala" or
# a "staf" member of an OPD).
AKUN_DEMO = [
    ("admin", Peran.ADMIN, None, None),
    ("bappeda", Peran.BAPPEDA, None, ("staf", "Bappeda")),
    ("bupati", Peran.PIMPINAN, None, None),
    ("sekda", Peran.PIMPINAN, None, ("kepala", "Setda")),
    ("bkpsdm", Peran.KEPEGAWAIAN, None, ("staf", "BKPSDM")),
    ("kepala.dinkes", Peran.KEPALA_OPD, "Dinkes", ("kepala", "Dinkes")),
    ("operator.dinkes", Peran.OPERATOR_OPD, "Dinkes", ("staf", "Dinkes")),
    ("kepala.dpupr", Peran.KEPALA_OPD, "DPUPR", ("kepala", "DPUPR")),
    ("operator.dpupr", Peran.OPERATOR_OPD, "DPUPR", ("staf", "DPUPR")),
]
# The staff member behind an account gets a post that fits the account.
JABATAN_AKUN = {
    "bappeda": "Perencana Ahli Muda",
    "bkpsdm": "Analis Sumber Daya Manusia Aparatur Ahli Muda",
    "operator.dinkes": "Pranata Komputer Ahli Pertama",
    "operator.dpupr": "Pranata Komputer Ahli Pertama",
}

# Elected officials have no NIP. Their family names are in no list above, so no staff member shares them.
BUPATI = ("H. Rahmat Wiradikusumah, S.E., M.M.", "Rahmat", "Wiradikusumah")
WAKIL_BUPATI = "Hj. Rosita Kartasasmita, S.Pd., M.Si."
ALAMAT = "Jl. Raya Sukamaju No. 1, Kecamatan Sukamaju, Kabupaten Sukamaju, Jawa Barat 41399"


# ---------------------------------------------------------------------------------------------------------
# The plan: pure data.
# ---------------------------------------------------------------------------------------------------------
@dataclass
class Rencana:
    opd: list[dict] = field(default_factory=list)  # perangkat daerah first, then units
    pegawai: list[dict] = field(default_factory=list)
    pemda: dict = field(default_factory=dict)
    akun: list[dict] = field(default_factory=list)


def _unit_spec(opd_nama: str, unit, setda: bool) -> tuple[str, str, str, str]:
    """(nama, jenis, jabatan kepala, eselon) of one unit."""
    if isinstance(unit, tuple):
        return unit
    if unit == SEKRETARIAT:
        return unit, J.BIDANG, f"Sekretaris {opd_nama}", Eselon.III_A
    if unit.startswith("UPTD "):
        return unit, J.UPTD, f"Kepala {unit}", Eselon.IV_A
    if unit.startswith("Inspektorat Pembantu"):
        return unit, J.BIDANG, unit.replace("Inspektorat", "Inspektur", 1), Eselon.III_B
    return unit, J.BIDANG, f"Kepala {unit}", Eselon.III_A if setda else Eselon.III_B


def nama_kelurahan(seed: int = SEED) -> list[list[str]]:
    """Two to four kelurahan names per kecamatan, unique across the kabupaten."""
    rng = random.Random(f"{seed}:kelurahan")
    used: set[str] = set()
    result = []
    for i, kecamatan in enumerate(KECAMATAN):
        names = [kecamatan] if i == 0 else []  # the capital's core kelurahan bears its name
        count = 4 if i == 0 else rng.choice((2, 2, 3))
        while len(names) < count:
            name = rng.choice(_AWALAN_KELURAHAN) + rng.choice(_AKHIRAN_KELURAHAN)
            if name not in used and name not in KECAMATAN:
                names.append(name)
        used.update(names)
        result.append(names)
    return result


def struktur_opd(seed: int = SEED) -> list[dict]:
    """Every Opd row: 35 perangkat daerah with their units, then the kecamatan with their kelurahan.

    Each row carries the post of its head (jabatan, eselon) for the staff generator.
    """
    induk_rows, unit_rows = [], []
    for urutan, (kode, nama, singkatan, jenis, bobot, units) in enumerate(PERANGKAT_DAERAH, start=1):
        jabatan, eselon = JABATAN_KEPALA.get(singkatan, (f"Kepala {nama}", Eselon.II_B))
        urusan = parse_kode_unit(kode)["urusan"]
        induk_rows.append(
            {"kode": kode, "nama": nama, "singkatan": singkatan, "jenis": jenis, "induk": None,
             "urusan": urusan, "urutan": urutan, "jabatan": jabatan, "eselon": eselon, "bobot": bobot}
        )  # fmt: skip
        for nomor, unit in enumerate(units, start=1):
            setda = jenis == J.SEKRETARIAT_DAERAH
            unit_nama, unit_jenis, unit_jabatan, unit_eselon = _unit_spec(nama, unit, setda)
            unit_rows.append(
                {"kode": f"{kode[:-4]}{nomor:04d}", "nama": unit_nama, "singkatan": "", "jenis": unit_jenis,
                 "induk": kode, "urusan": urusan, "urutan": nomor, "jabatan": unit_jabatan,
                 "eselon": unit_eselon, "induk_singkatan": singkatan}
            )  # fmt: skip
    pasangan = zip(KECAMATAN, nama_kelurahan(seed), strict=True)
    for nomor, (kecamatan, kelurahan) in enumerate(pasangan, start=1):
        kode = f"7.01.0.00.0.00.{nomor:02d}.0000"
        induk_rows.append(
            {"kode": kode, "nama": f"Kecamatan {kecamatan}", "singkatan": f"Kec. {kecamatan}",
             "jenis": J.KECAMATAN, "induk": None, "urusan": ["7.01"], "urutan": 100 + nomor,
             "jabatan": f"Camat {kecamatan}", "eselon": Eselon.III_A, "bobot": BOBOT_KECAMATAN}
        )  # fmt: skip
        for sub, nama in enumerate(kelurahan, start=1):
            unit_rows.append(
                {"kode": f"{kode[:-4]}{sub:04d}", "nama": f"Kelurahan {nama}", "singkatan": "",
                 "jenis": J.KELURAHAN, "induk": kode, "urusan": ["7.01"], "urutan": sub,
                 "jabatan": f"Lurah {nama}", "eselon": Eselon.IV_A, "induk_singkatan": f"Kec. {kecamatan}"}
            )  # fmt: skip
    return induk_rows + unit_rows


class _Orang:
    """Makes people with valid, unique NIP/NIK, deterministic from one Random."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.nip: set[str] = set()
        self.nik: set[str] = set()

    def _lahir(self, first: int, last: int) -> datetime.date:
        return datetime.date(self.rng.randint(first, last), self.rng.randint(1, 12), self.rng.randint(1, 28))

    def _nama(self, kelamin: str) -> str:
        rng = self.rng
        given, family = (NAMA_PRIA, AKHIR_PRIA) if kelamin == "L" else (NAMA_WANITA, AKHIR_WANITA)
        parts = [rng.choice(given)]
        if rng.random() < 0.25:
            parts.append(rng.choice(given))
        if parts[0] == parts[-1] and len(parts) == 2:
            parts.pop()
        parts.append(rng.choice(family))
        return " ".join(parts)

    def _gelar(self, pendidikan: str, singkatan: str, *, dokter: bool = False) -> tuple[str, str]:
        rng = self.rng
        depan = []
        if pendidikan == "s2" and rng.random() < 0.06:
            depan.append("Dr.")
        if dokter:
            depan.append("dr.")
        belakang = []
        if pendidikan in ("s1", "s2") and not dokter:
            khusus = GELAR_S1_OPD.get(singkatan)
            belakang.append(rng.choice(khusus if khusus and rng.random() < 0.6 else GELAR_S1))
        elif pendidikan == "d3":
            belakang.append("A.Md.")
        if pendidikan == "s2":
            belakang.append(rng.choice(GELAR_S2_OPD.get(singkatan, GELAR_S2)))
        return " ".join(depan), ", ".join(belakang)

    def buat(
        self, status: str, singkatan: str, *, umur: tuple[int, int], pendidikan: str, dokter: bool = False
    ) -> dict:
        rng = self.rng
        kelamin = "L" if rng.random() < 0.55 else "P"
        lahir = self._lahir(*umur)
        nama = self._nama(kelamin)
        depan, belakang = self._gelar(pendidikan, singkatan, dokter=dokter)
        if lahir.year < 1980 and rng.random() < 0.3:
            depan = f"{depan} {'H.' if kelamin == 'L' else 'Hj.'}".strip()
        lengkap = f"{depan} {nama}".strip() + (f", {belakang}" if belakang else "")
        row = {
            "nama": lengkap, "nama_pokok": nama, "status": status, "nip": None, "nik": None,
            "jenis_kelamin": kelamin, "tanggal_lahir": lahir, "upah_bpjs": None, "pendidikan": pendidikan,
        }  # fmt: skip
        if status == StatusPegawai.NON_ASN:
            row["nik"] = self._nik(lahir, kelamin)
            row["upah_bpjs"] = rng.randrange(2_100_000, 4_500_001, 50_000)
        else:
            row["nip"] = self._nip(lahir, kelamin, pppk=status == StatusPegawai.PPPK)
        return row

    def _nip(self, lahir: datetime.date, kelamin: str, *, pppk: bool) -> str:
        rng = self.rng
        if pppk:
            tmt = f"{rng.choice((2021, 2022, 2023, 2024))}21"
        else:
            year = min(lahir.year + rng.randint(22, 30), 2024)
            tmt = f"{year}{rng.randint(1, 12):02d}"
        prefix = f"{lahir:%Y%m%d}{tmt}{'1' if kelamin == 'L' else '2'}"
        urut = rng.randint(1, 999)
        while f"{prefix}{urut:03d}" in self.nip:
            urut = urut % 999 + 1
        nip = f"{prefix}{urut:03d}"
        self.nip.add(nip)
        return nip

    def _nik(self, lahir: datetime.date, kelamin: str) -> str:
        rng = self.rng
        wilayah = f"{KODE_WILAYAH.replace('.', '')}{rng.randint(1, len(KECAMATAN)):02d}"
        hari = lahir.day + (40 if kelamin == "P" else 0)
        prefix = f"{wilayah}{hari:02d}{lahir:%m%y}"
        urut = rng.randint(1, 9999)
        while f"{prefix}{urut:04d}" in self.nik:
            urut = urut % 9999 + 1
        nik = f"{prefix}{urut:04d}"
        self.nik.add(nik)
        return nik


# Birth-year ranges by post: eselon II heads are 50-59 in 2026, staff from their twenties.
UMUR = {
    Eselon.II_A: (1968, 1972),
    Eselon.II_B: (1967, 1978),
    Eselon.III_A: (1968, 1982),
    Eselon.III_B: (1969, 1985),
    Eselon.IV_A: (1970, 1990),
    "pns": (1968, 1999),
    "pppk": (1970, 1998),
    "non_asn": (1975, 2005),
}


def _jabatan_staf(rng: random.Random, row: dict, singkatan: str) -> str:
    """A staff post that fits the person's status and education."""
    if row["status"] == StatusPegawai.NON_ASN:
        return rng.choice(NON_ASN_OPD.get(singkatan, []) + NON_ASN_UMUM)
    pendidikan = row["pendidikan"]
    umur = 2026 - row["tanggal_lahir"].year
    if pendidikan in ("s1", "s2", "d3") and rng.random() < 0.6:
        tingkat = "ahli" if pendidikan != "d3" else "terampil"
        pilihan = [f for f, t in FUNGSIONAL_OPD.get(singkatan, []) + FUNGSIONAL_UMUM if t == tingkat]
        if pilihan:
            if tingkat == "ahli":
                jenjang = "Ahli Pertama" if umur < 36 else "Ahli Muda" if umur < 50 else "Ahli Madya"
            else:
                jenjang = "Terampil" if umur < 36 else "Mahir" if umur < 48 else "Penyelia"
            return f"{rng.choice(pilihan)} {jenjang}"
    return {
        "s1": "Penata Layanan Operasional",
        "s2": "Penata Layanan Operasional",
        "d3": "Pengelola Layanan Operasional",
    }.get(pendidikan, rng.choice(("Operator Layanan Operasional", "Pengadministrasi Perkantoran")))


def _apportion(total: int, weights: list[int]) -> list[int]:
    """Split `total` by `weights` (largest remainder), so the parts sum exactly to `total`."""
    whole = sum(weights)
    exact = [total * w / whole for w in weights]
    parts = [int(x) for x in exact]
    by_remainder = sorted(range(len(weights)), key=lambda i: exact[i] - parts[i], reverse=True)
    for i in by_remainder[: total - sum(parts)]:
        parts[i] += 1
    return parts


def rencana(seed: int = SEED) -> Rencana:
    """The whole demo data set as plain dicts, the same on every call."""
    rng = random.Random(seed)
    orang = _Orang(rng)
    opd_rows = struktur_opd(seed)
    induk_rows = [r for r in opd_rows if r["induk"] is None]
    units_of: dict[str, list[dict]] = {r["kode"]: [] for r in induk_rows}
    for row in opd_rows:
        if row["induk"]:
            units_of[row["induk"]].append(row)
    by_singkatan = {r["singkatan"]: r for r in induk_rows}

    pegawai: list[dict] = []
    pejabat: dict[tuple[str, str], dict] = {}  # (singkatan of the perangkat daerah, jabatan) -> person

    def isi(induk: dict, unit: dict | None, jabatan: str, eselon: str) -> dict:
        singkatan = induk["singkatan"]
        dokter = (
            singkatan == "Dinkes"
            and (unit is None or "Rumah Sakit" in unit["nama"])
            and eselon in (Eselon.II_B, Eselon.III_A)
        )
        pendidikan = "s2" if eselon.startswith("II") or rng.random() < 0.5 else "s1"
        row = orang.buat(
            StatusPegawai.PNS, singkatan, umur=UMUR[eselon], pendidikan=pendidikan, dokter=dokter
        )
        row.update(jabatan=jabatan, eselon=eselon, opd=induk["kode"], unit=unit["kode"] if unit else None)
        pegawai.append(row)
        pejabat[(singkatan, jabatan)] = row
        return row

    # Structural posts, all held by PNS.
    kelurahan_ke = 0
    for induk in induk_rows:
        singkatan = induk["singkatan"]
        units = units_of[induk["kode"]]
        induk["kepala"] = None
        if singkatan not in PLT_KEPALA and singkatan not in KEPALA_KOSONG:
            induk["kepala"] = isi(induk, None, induk["jabatan"], induk["eselon"])
        for jabatan, eselon in JABATAN_LAIN.get(singkatan, []):
            isi(induk, None, jabatan, eselon)
        if induk["jenis"] == J.KECAMATAN:
            isi(induk, None, f"Sekretaris {induk['nama']}", Eselon.III_B)
            for jabatan in SEKSI_KECAMATAN:
                isi(induk, None, jabatan, Eselon.IV_A)
        for unit in units:
            unit["kepala"] = None
            kosong = (singkatan, unit["nama"]) in UNIT_KOSONG
            if unit["jenis"] == J.KELURAHAN:
                kosong = kelurahan_ke in KELURAHAN_KOSONG
                kelurahan_ke += 1
            if not kosong:
                unit["kepala"] = isi(induk, unit, unit["jabatan"], unit["eselon"])
        tempat, kasubbag = KASUBBAG.get(singkatan, (SEKRETARIAT, KASUBBAG_SEKRETARIAT))
        for unit in units:
            if unit["nama"] == tempat:
                for jabatan in kasubbag:
                    isi(induk, unit, jabatan, Eselon.IV_A)

    # Acting heads (Plt./Plh.).
    for row in opd_rows:
        row["pelaksana"], row["jenis_pelaksana"] = None, ""
    for singkatan, kunci in PLT_KEPALA.items():
        by_singkatan[singkatan]["pelaksana"] = pejabat[kunci]
        by_singkatan[singkatan]["jenis_pelaksana"] = JenisPelaksana.PLT
    unit_by_name = {(u.get("induk_singkatan"), u["nama"]): u for u in opd_rows if u["induk"]}
    for kunci, pelaksana in UNIT_KOSONG.items():
        if pelaksana:
            jenis, pejabat_kunci = pelaksana
            unit_by_name[kunci].update(jenis_pelaksana=jenis, pelaksana=pejabat[pejabat_kunci])

    # Staff: the rest of the workforce, statuses in exact proportion, spread by weight.
    sisa = TOTAL_PEGAWAI - len(pegawai)
    status_staf = (
        [StatusPegawai.PNS] * (JUMLAH_STATUS[StatusPegawai.PNS] - len(pegawai))
        + [StatusPegawai.PPPK] * JUMLAH_STATUS[StatusPegawai.PPPK]
        + [StatusPegawai.NON_ASN] * JUMLAH_STATUS[StatusPegawai.NON_ASN]
    )
    if len(status_staf) != sisa:
        raise ValueError("more structural posts than PNS: raise JUMLAH_STATUS['pns']")
    rng.shuffle(status_staf)
    jumlah = _apportion(sisa, [r["bobot"] for r in induk_rows])
    statuses = iter(status_staf)
    staf_pertama: dict[str, dict] = {}
    for induk, n in zip(induk_rows, jumlah, strict=True):
        singkatan = induk["singkatan"]
        units = units_of[induk["kode"]]
        tempat = [None, *units]
        if induk["jenis"] == J.KECAMATAN:
            bobot = [4] + [1] * len(units)
        else:
            bobot = [1 if singkatan == "Setda" else 0] + [
                6 if "Rumah Sakit" in u["nama"] else 2 if u["nama"] == SEKRETARIAT else 1.5 for u in units
            ]
        for _ in range(n):
            status = next(statuses)
            if status == StatusPegawai.NON_ASN:
                pendidikan = rng.choices(("s1", "d3", "sma"), (2, 1, 7))[0]
            else:
                pendidikan = rng.choices(("s1", "s2", "d3", "sma"), (6, 1, 2, 2))[0]
            row = orang.buat(status, singkatan, umur=UMUR[status], pendidikan=pendidikan)
            unit = rng.choices(tempat, bobot)[0]
            row.update(
                jabatan=_jabatan_staf(rng, row, singkatan), eselon="", opd=induk["kode"],
                unit=unit["kode"] if unit else None,
            )  # fmt: skip
            muda_sarjana = row["pendidikan"] in ("s1", "s2") and row["tanggal_lahir"].year > 1985
            if status == StatusPegawai.PNS and muda_sarjana:
                staf_pertama.setdefault(singkatan, row)
            pegawai.append(row)

    # Demo accounts.
    akun = []
    for username, peran, opd_singkatan, milik in AKUN_DEMO:
        row = None
        if milik:
            jenis, singkatan = milik
            row = by_singkatan[singkatan]["kepala"] if jenis == "kepala" else staf_pertama[singkatan]
            if username in JABATAN_AKUN:
                row["jabatan"] = JABATAN_AKUN[username]
        if row:
            first, _, last = row["nama_pokok"].partition(" ")
        elif username == "bupati":
            first, last = BUPATI[1], BUPATI[2]
        else:
            first, last = "Admin", "Portal"
        akun.append(
            {"username": username, "peran": peran,
             "opd": by_singkatan[opd_singkatan]["kode"] if opd_singkatan else None,
             "pegawai": _kunci(row) if row else None, "first_name": first, "last_name": last,
             "email": f"{username}@{DOMAIN_EMAIL}", "is_staff": peran == Peran.ADMIN,
             "is_superuser": peran == Peran.ADMIN}
        )  # fmt: skip

    sekda, bappeda = by_singkatan["Setda"]["kepala"], by_singkatan["Bappeda"]["kepala"]
    pemda = {
        "jenis": Pemda.Jenis.KABUPATEN, "nama": NAMA_DAERAH, "kode_wilayah": KODE_WILAYAH, "alamat": ALAMAT,
        "bupati_nama": BUPATI[0], "bupati_nip": "", "wakil_nama": WAKIL_BUPATI, "wakil_nip": "",
        "sekda_nama": sekda["nama"], "sekda_nip": sekda["nip"],
        "kepala_bappeda_nama": bappeda["nama"], "kepala_bappeda_nip": bappeda["nip"],
    }  # fmt: skip
    return Rencana(opd=opd_rows, pegawai=pegawai, pemda=pemda, akun=akun)


def _kunci(row) -> tuple[str, str]:
    """Natural key of a Pegawai (a plan dict or a model instance): its NIP, or its NIK for non-ASN."""
    get = row.get if isinstance(row, dict) else lambda name: getattr(row, name)
    return ("nip", get("nip")) if get("nip") else ("nik", get("nik"))


def gambar_logo() -> bytes:
    """A simple shield in blue and gold with "SKM", as PNG (drawn at 4x, scaled down for smooth edges)."""
    from PIL import Image, ImageDraw, ImageFont

    k, width, height = 4, 240, 280
    image = Image.new("RGBA", (width * k, height * k), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)

    def perisai(inset: float) -> list[tuple[float, float]]:
        """Flat top, straight sides, then two outward curves meeting at the point."""
        left, right, top, tip = (
            (10 + inset) * k,
            (width - 10 - inset) * k,
            (10 + inset) * k,
            (height - 8 - inset) * k,
        )
        mid, shoulder = width * k / 2, 130 * k
        bend = shoulder + (tip - shoulder) * 0.7
        right_curve = [
            ((1 - t) ** 2 * right + 2 * (1 - t) * t * right + t * t * mid,
             (1 - t) ** 2 * shoulder + 2 * (1 - t) * t * bend + t * t * tip)
            for t in (i / 32 for i in range(33))
        ]  # fmt: skip
        left_curve = [(2 * mid - x, y) for x, y in reversed(right_curve)]
        return [(left, top), (right, top), *right_curve, *left_curve]

    gold, blue, navy = (218, 165, 32, 255), (30, 80, 160, 255), (16, 44, 96, 255)
    draw.polygon(perisai(0), fill=gold)
    draw.polygon(perisai(8), fill=blue)
    draw.rectangle((26 * k, 26 * k, (width - 26) * k, 52 * k), fill=navy)
    for x in range(52, width - 40, 34):  # five stars in the top band
        star = [
            (x * k + r * k * math.sin(i * math.pi / 5), 40 * k - r * k * math.cos(i * math.pi / 5))
            for i, r in zip(range(10), [10, 4] * 5, strict=True)
        ]
        draw.polygon(star, fill=gold)
    draw.text(
        (width * k / 2, 104 * k), "SKM", font=ImageFont.load_default(size=62 * k), fill=gold, anchor="mm"
    )
    draw.line((56 * k, 142 * k, (width - 56) * k, 142 * k), fill=gold, width=4 * k)
    font = ImageFont.load_default(size=17 * k)
    draw.text((width * k / 2, 166 * k), NAMA_DAERAH.upper(), font=font, fill=gold, anchor="mm")
    image = image.resize((width, height), Image.Resampling.LANCZOS)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


# ---------------------------------------------------------------------------------------------------------
# Writing: diff against the database, then bulk writes of only what differs.
# ---------------------------------------------------------------------------------------------------------
@dataclass
class Hasil:
    """Rows created and updated, by kind."""

    dibuat: Counter = field(default_factory=Counter)
    diubah: Counter = field(default_factory=Counter)
    # Rows created in this run: filling in their heads afterwards is not a change.
    baru: set = field(default_factory=set, repr=False)

    @property
    def ada_perubahan(self) -> bool:
        return any(self.dibuat.values()) or any(self.diubah.values())


def _sync(model, existing: dict, wanted: dict, hasil: Hasil, label: str, *, unique) -> dict:
    """`sipd.sinkron.selaraskan` upserting on the unique column `unique(key)` names; returns `existing`."""
    baru, ubah = selaraskan(model, existing, wanted, batch=1000, unik=unique)
    hasil.baru.update((model, obj.pk) for obj in baru)
    hasil.dibuat[label] += len(baru)
    hasil.diubah[label] += sum((model, obj.pk) not in hasil.baru for obj in ubah)
    return existing


_OPD_FIELDS = ("nama", "singkatan", "jenis", "urusan", "urutan")
_PEGAWAI_FIELDS = ("nama", "status", "nip", "nik", "jenis_kelamin", "tanggal_lahir", "jabatan", "eselon",
                   "upah_bpjs")  # fmt: skip


def _sync_opd(plan: Rencana, hasil: Hasil) -> dict[str, Opd]:
    """Perangkat daerah first (units need their induk's id), then units; heads come later."""
    existing = {o.kode: o for o in Opd.objects.filter(kode__in=[r["kode"] for r in plan.opd])}
    for units in (False, True):
        wanted = {
            r["kode"]: {
                "kode": r["kode"],
                "induk_id": existing[r["induk"]].pk if r["induk"] else None,
                "aktif": True,
                **{name: r[name] for name in _OPD_FIELDS},
            }
            for r in plan.opd
            if bool(r["induk"]) == units
        }
        _sync(Opd, existing, wanted, hasil, "unit" if units else "opd", unique=lambda key: "kode")
    return existing


def _sync_pegawai(plan: Rencana, opd_map: dict[str, Opd], hasil: Hasil) -> dict[tuple, Pegawai]:
    nips = [r["nip"] for r in plan.pegawai if r["nip"]]
    niks = [r["nik"] for r in plan.pegawai if r["nik"]]
    existing = {_kunci(p): p for p in Pegawai.objects.filter(Q(nip__in=nips) | Q(nik__in=niks))}
    wanted = {
        _kunci(r): {
            **{name: r[name] for name in _PEGAWAI_FIELDS},
            "opd_id": opd_map[r["opd"]].pk,
            "unit_id": opd_map[r["unit"]].pk if r["unit"] else None,
            "aktif": True,
        }
        for r in plan.pegawai
    }
    return _sync(Pegawai, existing, wanted, hasil, "pegawai", unique=lambda key: key[0])


def _sync_kepala(plan: Rencana, opd_map: dict[str, Opd], pegawai: dict[tuple, Pegawai], hasil: Hasil) -> None:
    def pk(person: dict | None) -> int | None:
        return pegawai[_kunci(person)].pk if person else None

    wanted = {
        r["kode"]: {
            "kepala_id": pk(r["kepala"]),
            "pelaksana_id": pk(r["pelaksana"]),
            "jenis_pelaksana": r["jenis_pelaksana"],
        }
        for r in plan.opd
    }
    _sync(Opd, opd_map, wanted, hasil, "kepala", unique=lambda key: "kode")


def _sync_pemda(plan: Rencana, hasil: Hasil) -> None:
    pemda = Pemda.objects.first()
    baru = pemda is None
    if baru:
        pemda = Pemda(**plan.pemda)
    changed = [name for name, value in plan.pemda.items() if getattr(pemda, name) != value]
    for name in changed:
        setattr(pemda, name, plan.pemda[name])
    if not pemda.logo:
        pemda.logo.save(f"logo-{NAMA_DAERAH.lower()}.png", ContentFile(gambar_logo()), save=False)
        changed.append("logo")
    elif not pemda.logo.storage.exists(pemda.logo.name):  # the row survived, the media folder did not
        pemda.logo.storage.save(pemda.logo.name, ContentFile(gambar_logo()))
    if baru or changed:
        pemda.save()
        (hasil.dibuat if baru else hasil.diubah)["pemda"] += 1


def _sync_akun(plan: Rencana, opd_map: dict[str, Opd], pegawai: dict[tuple, Pegawai], hasil: Hasil) -> None:
    existing = {u.username: u for u in User.objects.filter(username__in=[a["username"] for a in plan.akun])}
    fields = ("username", "first_name", "last_name", "email", "is_staff", "is_superuser")
    wanted = {a["username"]: {**{name: a[name] for name in fields}, "is_active": True} for a in plan.akun}
    # PBKDF2 is slow on purpose: hash the demo password once, check each distinct stored hash once.
    hashed: list[str] = []
    checked: dict[str, bool] = {}
    for username, values in wanted.items():
        user = existing.get(username)
        if user is not None:
            if user.password not in checked:
                checked[user.password] = check_password(DEMO_PASSWORD, user.password)
            if checked[user.password]:
                continue
        if not hashed:
            hashed.append(make_password(DEMO_PASSWORD))
        values["password"] = hashed[0]
    users = _sync(User, existing, wanted, hasil, "akun", unique=lambda key: "username")

    have = set(
        PenugasanPeran.objects.filter(user__in=list(users.values())).values_list("user_id", "peran", "opd_id")
    )
    roles = []
    for a in plan.akun:
        key = (users[a["username"]].pk, a["peran"], opd_map[a["opd"]].pk if a["opd"] else None)
        if key not in have:
            roles.append(PenugasanPeran(user_id=key[0], peran=key[1], opd_id=key[2]))
    PenugasanPeran.objects.bulk_create(roles)
    hasil.dibuat["peran"] += len(roles)

    # Link accounts to their Pegawai rows (one row per account: the link is one-to-one).
    link = {pegawai[a["pegawai"]]: users[a["username"]].pk for a in plan.akun if a["pegawai"]}
    now = timezone.now()
    lepas = list(
        Pegawai.objects.filter(user_id__in=link.values())
        .exclude(pk__in=[p.pk for p in link])
        .values_list("pk", flat=True)
    )
    if lepas:
        Pegawai.objects.filter(pk__in=lepas).update(user=None, diubah=now)
    ubah = [p for p, user_id in link.items() if p.user_id != user_id]
    for p in ubah:
        p.user_id, p.diubah = link[p], now
    Pegawai.objects.bulk_update(ubah, ["user", "diubah"])
    hasil.diubah["pegawai"] += len(lepas) + sum((Pegawai, p.pk) not in hasil.baru for p in ubah)


@transaction.atomic
def seed(*, stdout=None) -> Hasil:
    """Write the demo Pemda. Safe to run again: it writes only what differs from the plan."""
    start = time.monotonic()
    plan = rencana()
    hasil = Hasil()
    with pghistory.context(perintah="seed_demo"):  # the audit trail names where these changes came from
        opd_map = _sync_opd(plan, hasil)
        pegawai = _sync_pegawai(plan, opd_map, hasil)
        _sync_kepala(plan, opd_map, pegawai, hasil)
        _sync_pemda(plan, hasil)
        _sync_akun(plan, opd_map, pegawai, hasil)
    forget_pemda_profile_on_commit()
    if stdout is not None:
        stdout.write(laporan(plan, hasil, time.monotonic() - start))
    return hasil


# ---------------------------------------------------------------------------------------------------------
# Output.
# ---------------------------------------------------------------------------------------------------------
def _angka(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def laporan(plan: Rencana, hasil: Hasil, detik: float) -> str:
    """Short summary of what was written (the login table comes last, from tabel_akun)."""
    induk = [r for r in plan.opd if r["induk"] is None]
    kecamatan = sum(r["jenis"] == J.KECAMATAN for r in induk)
    status = Counter(r["status"] for r in plan.pegawai)

    def perubahan(*labels: str) -> str:
        dibuat = sum(hasil.dibuat[label] for label in labels)
        diubah = sum(hasil.diubah[label] for label in labels)
        return f"baru {_angka(dibuat)}, diubah {_angka(diubah)}"

    waktu = f"{detik:.1f}".replace(".", ",")
    lines = [
        f"Data demo Pemerintah Kabupaten {NAMA_DAERAH} ({KODE_WILAYAH}) siap dalam {waktu} detik"
        + ("." if hasil.ada_perubahan else ", tanpa perubahan."),
        f"  Perangkat daerah : {len(induk) - kecamatan} + {kecamatan} kecamatan, "
        f"{len(plan.opd) - len(induk)} unit ({perubahan('opd', 'unit', 'kepala')})",
        f"  Pegawai          : {_angka(len(plan.pegawai))} (PNS {_angka(status[StatusPegawai.PNS])}, "
        f"PPPK {_angka(status[StatusPegawai.PPPK])}, non-ASN {_angka(status[StatusPegawai.NON_ASN])}; "
        f"{perubahan('pegawai')})",
        f"  Profil Pemda     : {perubahan('pemda')}",
        f"  Akun demo        : {len(plan.akun)} ({perubahan('akun')}; peran baru {hasil.dibuat['peran']})",
    ]
    return "\n".join(lines) + "\n"


def tabel_akun() -> str:
    """The demo login table (`make run` shows it): every account of the demo e-mail domain, whichever app's
    seed created it, in the order they were created, with its roles as stored. One query."""
    peran: dict[str, list[str]] = {}
    rows = (
        User.objects.filter(email__endswith=f"@{DOMAIN_EMAIL}")
        .order_by("pk", "daftar_peran__pk")
        .values_list("username", "daftar_peran__peran", "daftar_peran__opd__singkatan")
    )
    for username, kode, singkatan in rows:
        label = peran.setdefault(username, [])
        if kode:
            label.append(f"{Peran(kode).label} ({singkatan})" if singkatan else str(Peran(kode).label))
    lines = [
        "",
        "Akun demo (kata sandi sama untuk semua):",
        f"  {'Nama pengguna':<18}{'Kata sandi':<17}Peran",
        *(f"  {username:<18}{DEMO_PASSWORD:<17}{', '.join(label)}" for username, label in peran.items()),
    ]
    return "\n".join(lines) + "\n"
