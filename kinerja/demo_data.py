"""Data tables of the demo RPJMD 2025–2029 of Kabupaten Sukamaju (fictional; nomenclature per Permendagri
90/2019 and Kepmendagri 900.1.15.5-1317/2023). Used by kinerja/demo.py; no code here, only tables.

Indicator: (nama, satuan, polaritas "+"/"-", sifat "K" kumulatif / "A" nilai akhir / "R" rata-rata,
kondisi awal 2024, target 2025, target 2029); yearly targets in between are interpolated.
"""

VISI = "Sukamaju yang Sehat, Cerdas, Sejahtera dan Berdaya Saing, Berlandaskan Kearifan Lokal"

# Misi → tujuan (with indicators, OPD in charge) → sasaran (with indicators = IKU, OPD in charge).
RPJMD = [
    ("1", "Mewujudkan sumber daya manusia yang sehat, cerdas, berkarakter dan berdaya saing", [
        ("1.1", "Meningkatkan kualitas sumber daya manusia", [
            ("Bappeda", ("Indeks Pembangunan Manusia", "poin", "+", "A", 70.12, 70.60, 72.50)),
        ], [
            ("1.1.1", "Meningkatnya derajat kesehatan masyarakat", [
                ("Dinkes", ("Angka Kematian Ibu", "per 100.000 KH", "-", "A", 98.5, 95, 75)),
                ("Dinkes", ("Angka Kematian Bayi", "per 1.000 KH", "-", "A", 12.4, 12.0, 9.5)),
                ("Dinkes", ("Prevalensi stunting pada balita", "%", "-", "A", 21.3, 19.5, 12.0)),
                ("Dinkes", ("Usia Harapan Hidup", "tahun", "+", "A", 72.45, 72.60, 73.40)),
            ]),
            ("1.1.2", "Meningkatnya akses dan mutu pendidikan", [
                ("Disdikbud", ("Angka Partisipasi Murni SD/MI", "%", "+", "A", 97.10, 97.40, 98.80)),
                ("Disdikbud", ("Angka Partisipasi Murni SMP/MTs", "%", "+", "A", 79.30, 80.00, 84.50)),
                ("Disdikbud", ("Rata-rata Lama Sekolah", "tahun", "+", "A", 7.85, 7.95, 8.60)),
                ("Disdikbud", ("Harapan Lama Sekolah", "tahun", "+", "A", 12.30, 12.40, 12.90)),
            ]),
        ]),
        ("1.2", "Meningkatkan kualitas kehidupan sosial dan kepemudaan", [
            ("Dinsos", ("Indeks Pembangunan Gender", "poin", "+", "A", 88.40, 88.80, 91.00)),
        ], [
            ("1.2.1", "Menurunnya penyandang masalah kesejahteraan sosial", [
                ("Dinsos", ("Persentase PMKS yang tertangani", "%", "+", "K", 62.0, 65.0, 80.0)),
                ("DP3A", ("Indeks Perlindungan Anak", "poin", "+", "A", 64.2, 65.0, 70.0)),
            ]),
        ]),
    ]),
    ("2", "Mewujudkan perekonomian daerah yang tangguh, inklusif dan berkelanjutan", [
        ("2.1", "Meningkatkan pertumbuhan dan pemerataan ekonomi", [
            ("Bappeda", ("Laju Pertumbuhan Ekonomi", "%", "+", "A", 5.02, 5.10, 5.60)),
            ("Bappeda", ("Persentase penduduk miskin", "%", "-", "A", 8.92, 8.60, 6.50)),
        ], [
            ("2.1.1", "Meningkatnya produktivitas pertanian dan ketahanan pangan", [
                ("Distan", ("Produktivitas padi", "kuintal/ha", "+", "R", 58.2, 58.8, 62.0)),
                ("Disketapang", ("Skor Pola Pangan Harapan", "skor", "+", "A", 86.5, 87.5, 92.0)),
            ]),
            ("2.1.2", "Meningkatnya investasi, perdagangan dan pariwisata", [
                ("DPMPTSP", ("Nilai realisasi investasi", "Rp miliar", "+", "K", 1850, 1950, 2600)),
                ("Dispar", ("Jumlah kunjungan wisatawan", "orang", "+", "K", 1_250_000, 1_300_000,
                 1_650_000)),
                ("Disnaker", ("Tingkat Pengangguran Terbuka", "%", "-", "A", 7.10, 6.90, 5.50)),
            ]),
        ]),
    ]),
    ("3", "Mewujudkan infrastruktur wilayah yang merata dan lingkungan hidup yang lestari", [
        ("3.1", "Meningkatkan kualitas infrastruktur dan lingkungan hidup", [
            ("DLH", ("Indeks Kualitas Lingkungan Hidup", "poin", "+", "A", 66.8, 67.2, 70.0)),
        ], [
            ("3.1.1", "Meningkatnya kualitas infrastruktur jalan dan sumber daya air", [
                ("DPUPR", ("Persentase jalan kabupaten kondisi mantap", "%", "+", "A", 71.5, 73.0, 82.0)),
                ("DPUPR", ("Persentase jaringan irigasi kondisi baik", "%", "+", "A", 68.0, 69.5, 76.0)),
                ("Disperkimtan", ("Persentase rumah tangga dengan akses air minum layak", "%", "+", "A", 88.1,
                                  89.5, 96.0)),
            ]),
            ("3.1.2", "Meningkatnya pengelolaan sampah dan ketahanan bencana", [
                ("DLH", ("Persentase sampah yang tertangani", "%", "+", "R", 61.0, 63.0, 75.0)),
                ("BPBD", ("Indeks Risiko Bencana", "poin", "-", "A", 142.5, 140.0, 125.0)),
            ]),
        ]),
    ]),
    ("4", "Mewujudkan tata kelola pemerintahan yang bersih, efektif dan melayani", [
        ("4.1", "Meningkatkan kualitas tata kelola pemerintahan", [
            ("Inspektorat", ("Nilai Indeks Reformasi Birokrasi", "poin", "+", "A", 62.1, 64.0, 75.0)),
        ], [
            ("4.1.1", "Meningkatnya akuntabilitas kinerja dan keuangan", [
                ("Bappeda", ("Nilai SAKIP Pemerintah Daerah", "poin", "+", "A", 66.2, 68.0, 76.0)),
                ("BPKAD", ("Opini BPK atas LKPD", "skor (WTP=4)", "+", "A", 4, 4, 4)),
                ("Inspektorat", ("Level maturitas SPIP", "level", "+", "A", 3.0, 3.0, 3.5)),
            ]),
            ("4.1.2", "Meningkatnya kualitas pelayanan publik", [
                ("DPMPTSP", ("Indeks Kepuasan Masyarakat", "poin", "+", "R", 82.4, 83.0, 88.0)),
                ("Diskominfo", ("Indeks SPBE", "poin", "+", "A", 2.45, 2.60, 3.50)),
                ("Disdukcapil", ("Persentase kepemilikan KTP elektronik", "%", "+", "A", 97.8, 98.2, 99.5)),
            ]),
        ]),
    ]),
]  # fmt: skip

PENUNJANG = "Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota"
# Kegiatan of the program penunjang every OPD carries, with its output indicator.
KEGIATAN_PENUNJANG = [
    ("2.01", "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah",
     ("Persentase dokumen perencanaan dan evaluasi kinerja yang tersusun tepat waktu", "%", "+", "A", 90, 100,
      100)),
    ("2.02", "Administrasi Keuangan Perangkat Daerah",
     ("Jumlah laporan keuangan perangkat daerah yang tersusun", "laporan", "+", "K", 16, 16, 16)),
    ("2.06", "Administrasi Umum Perangkat Daerah",
     ("Persentase kebutuhan administrasi umum perangkat daerah yang terpenuhi", "%", "+", "R", 95, 100, 100)),
]  # fmt: skip
INDIKATOR_PENUNJANG = ("Nilai evaluasi SAKIP perangkat daerah", "poin", "+", "A", 64.0, 66.0, 75.0)

# Urusan programs by OPD (singkatan): (kode, nama, sasaran RPJMD, program indicator,
# [(kegiatan kode, nama, kegiatan indicator, [(sub kegiatan kode, nama, indicator)])]).
PROGRAM = {
    "Dinkes": [
        ("1.02.02", "Program Pemenuhan Upaya Kesehatan Perorangan dan Upaya Kesehatan Masyarakat", "1.1.1",
         ("Persentase puskesmas terakreditasi paripurna", "%", "+", "A", 40, 45, 80), [
            ("2.02", "Penyediaan Layanan Kesehatan untuk UKM dan UKP Rujukan Tingkat Daerah Kabupaten/Kota",
             ("Persentase ibu hamil mendapatkan pelayanan kesehatan sesuai standar", "%", "+", "K", 88, 92,
              100), [
                ("0001", "Pengelolaan Pelayanan Kesehatan Ibu Hamil",
                 ("Jumlah ibu hamil yang mendapatkan pelayanan kesehatan sesuai standar", "orang", "+", "K",
                  17_800, 18_200, 18_900)),
                ("0004", "Pengelolaan Pelayanan Kesehatan Balita",
                 ("Cakupan balita ditimbang", "%", "+", "R", 82, 85, 92)),
                ("0035", "Pengelolaan Pelayanan Kesehatan Gizi Masyarakat",
                 ("Persentase balita gizi kurang yang mendapat PMT", "%", "+", "R", 85, 90, 100)),
            ]),
            ("2.01",
             "Penyediaan Fasilitas Pelayanan Kesehatan untuk UKM dan UKP Kewenangan Daerah Kabupaten/Kota",
             ("Persentase fasilitas pelayanan kesehatan sesuai standar", "%", "+", "A", 70, 74, 90), []),
        ]),
        ("1.02.03", "Program Peningkatan Kapasitas Sumber Daya Manusia Kesehatan", "1.1.1",
         ("Persentase puskesmas dengan sembilan jenis tenaga kesehatan", "%", "+", "A", 60, 65, 90), [
            ("2.02",
             "Perencanaan Kebutuhan dan Pendayagunaan Sumber Daya Manusia Kesehatan untuk UKP dan UKM di "
             "Wilayah Kabupaten/Kota",
             ("Jumlah tenaga kesehatan yang ditingkatkan kompetensinya", "orang", "+", "K", 180, 200, 250),
              []),
        ]),
        ("1.02.05", "Program Pemberdayaan Masyarakat Bidang Kesehatan", "1.1.1",
         ("Persentase desa dengan posyandu aktif", "%", "+", "A", 71, 74, 90), [
            ("2.01",
             "Advokasi, Pemberdayaan, Kemitraan, Peningkatan Peran serta Masyarakat dan Lintas Sektor "
             "Tingkat Daerah Kabupaten/Kota",
             ("Persentase rumah tangga ber-PHBS", "%", "+", "A", 58, 61, 75), []),
        ]),
    ],
    "DPUPR": [
        ("1.03.10", "Program Penyelenggaraan Jalan", "3.1.1",
         ("Panjang jalan kabupaten kondisi mantap", "km", "+", "A", 620.5, 633.0, 714.0), [
            ("2.01", "Penyelenggaraan Jalan Kabupaten/Kota",
             ("Panjang jalan yang direkonstruksi, direhabilitasi dan dipelihara", "km", "+", "K", 85, 90,
              110), [
                ("0013", "Rekonstruksi Jalan",
                 ("Panjang jalan yang direkonstruksi", "km", "+", "K", 18, 20, 26)),
                ("0015", "Rehabilitasi Jalan",
                 ("Panjang jalan yang direhabilitasi", "km", "+", "K", 24, 25, 30)),
                ("0017", "Pemeliharaan Berkala Jalan",
                 ("Panjang jalan yang dipelihara berkala", "km", "+", "K", 43, 45, 54)),
            ]),
        ]),
        ("1.03.02", "Program Pengelolaan Sumber Daya Air (SDA)", "3.1.1",
         ("Luas daerah irigasi kondisi baik", "ha", "+", "A", 14_200, 14_500, 16_000), [
            ("2.01", "Pengelolaan SDA dan Bangunan Pengaman Pantai pada Wilayah Sungai (WS) dalam 1 (satu) "
             "Daerah Kabupaten/Kota",
             ("Panjang saluran irigasi yang direhabilitasi", "m", "+", "K", 9_500, 10_000, 12_500), []),
        ]),
        ("1.03.03", "Program Pengelolaan dan Pengembangan Sistem Penyediaan Air Minum", "3.1.1",
         ("Persentase cakupan pelayanan air minum perpipaan", "%", "+", "A", 42, 44, 55), [
            ("2.01",
             "Pengelolaan dan Pengembangan Sistem Penyediaan Air Minum (SPAM) di Daerah Kabupaten/Kota",
             ("Jumlah sambungan rumah SPAM yang terbangun", "SR", "+", "K", 2_400, 2_500, 3_200), []),
        ]),
        ("1.03.12", "Program Penyelenggaraan Penataan Ruang", "3.1.1",
         ("Persentase kesesuaian pemanfaatan ruang dengan RTRW", "%", "+", "A", 78, 80, 90), [
            ("2.02", "Pelaksanaan Rencana Tata Ruang Wilayah (RTRW) dan Rencana Rinci Tata Ruang (RRTR) "
             "Kabupaten/Kota",
             ("Jumlah dokumen rencana detail tata ruang yang ditetapkan", "dokumen", "+", "K", 2, 2, 2), []),
        ]),
    ],
    "Disdikbud": [
        ("1.01.02", "Program Pengelolaan Pendidikan", "1.1.2",
         ("Angka Partisipasi Kasar PAUD", "%", "+", "A", 68, 70, 80), [
            ("2.02", "Pengelolaan Pendidikan Sekolah Dasar",
             ("Persentase SD dengan sarana prasarana kondisi baik", "%", "+", "A", 64, 67, 80), []),
            ("2.03", "Pengelolaan Pendidikan Sekolah Menengah Pertama",
             ("Angka putus sekolah SMP", "%", "-", "A", 0.42, 0.40, 0.20), []),
        ]),
        ("1.01.04", "Program Pendidik dan Tenaga Kependidikan", "1.1.2",
         ("Persentase guru bersertifikat pendidik", "%", "+", "A", 61, 64, 80), [
            ("2.01",
             "Pemerataan Kuantitas dan Kualitas Pendidik dan Tenaga Kependidikan bagi Satuan Pendidikan "
             "Dasar, PAUD, dan Pendidikan Nonformal",
             ("Jumlah guru yang mengikuti peningkatan kompetensi", "orang", "+", "K", 900, 950, 1_200), []),
        ]),
        ("2.22.02", "Program Pengembangan Kebudayaan", "1.2.1",
         ("Jumlah objek pemajuan kebudayaan yang dilestarikan", "objek", "+", "K", 12, 14, 20), []),
    ],
    "Disperkimtan": [
        ("1.04.05", "Program Peningkatan Prasarana, Sarana dan Utilitas Umum (PSU)", "3.1.1",
         ("Persentase permukiman dengan PSU memadai", "%", "+", "A", 72, 74, 85), []),
        ("1.04.02", "Program Pengembangan Perumahan", "3.1.1",
         ("Jumlah rumah tidak layak huni yang ditangani", "unit", "+", "K", 450, 500, 650), []),
    ],
    "Satpol PP": [("1.05.02", "Program Peningkatan Ketenteraman dan Ketertiban Umum", "4.1.2",
                   ("Persentase penegakan Perda yang diselesaikan", "%", "+", "K", 80, 82, 95), [])],
    "BPBD": [("1.05.03", "Program Penanggulangan Bencana", "3.1.2",
              ("Persentase desa tangguh bencana", "%", "+", "A", 12, 15, 30), [])],
    "Damkar": [("1.05.04", "Program Pencegahan, Penanggulangan, Penyelamatan Kebakaran dan Penyelamatan Non "
                "Kebakaran", "3.1.2",
                ("Waktu tanggap kejadian kebakaran", "menit", "-", "R", 17, 15, 12), [])],
    "Dinsos": [
        ("1.06.05", "Program Perlindungan dan Jaminan Sosial", "1.2.1",
         ("Persentase keluarga penerima manfaat yang tervalidasi", "%", "+", "A", 82, 85, 95), []),
        ("1.06.04", "Program Rehabilitasi Sosial", "1.2.1",
         ("Jumlah PPKS yang mendapat rehabilitasi sosial dasar", "orang", "+", "K", 1_100, 1_200, 1_500), []),
    ],
    "Disnaker": [("2.07.03", "Program Pelatihan Kerja dan Produktivitas Tenaga Kerja", "2.1.2",
                  ("Persentase lulusan pelatihan yang bekerja", "%", "+", "A", 42, 45, 60), [])],
    "DP3A": [
        ("2.08.02", "Program Pengarusutamaan Gender dan Pemberdayaan Perempuan", "1.2.1",
         ("Indeks Pemberdayaan Gender", "poin", "+", "A", 66.5, 67.0, 71.0), []),
        ("2.08.08", "Program Perlindungan Khusus Anak", "1.2.1",
         ("Persentase kasus kekerasan terhadap anak yang tertangani", "%", "+", "K", 92, 95, 100), []),
    ],
    "Disketapang": [("2.09.03", "Program Peningkatan Diversifikasi dan Ketahanan Pangan Masyarakat", "2.1.1",
                     ("Persentase desa rawan pangan", "%", "-", "A", 4.2, 4.0, 2.0), [])],
    "DLH": [
        ("2.11.11", "Program Pengelolaan Persampahan", "3.1.2",
         ("Volume sampah yang terangkut ke TPA", "ton/hari", "+", "R", 310, 320, 380), []),
        ("2.11.03", "Program Pengendalian Pencemaran dan/atau Kerusakan Lingkungan Hidup", "3.1.2",
         ("Indeks Kualitas Air", "poin", "+", "A", 52.1, 53.0, 58.0), []),
    ],
    "Disdukcapil": [
        ("2.12.02", "Program Pendaftaran Penduduk", "4.1.2",
         ("Persentase penduduk wajib KTP yang memiliki KTP-el", "%", "+", "A", 97.8, 98.2, 99.5), []),
        ("2.12.03", "Program Pencatatan Sipil", "4.1.2",
         ("Persentase anak yang memiliki akta kelahiran", "%", "+", "A", 93.5, 94.5, 98.0), []),
    ],
    "DPMD": [("2.13.05", "Program Administrasi Pemerintahan Desa", "4.1.1",
              ("Persentase desa berstatus mandiri", "%", "+", "A", 14, 17, 30), [])],
    "DPPKB": [("2.14.03", "Program Pembinaan Keluarga Berencana (KB)", "1.1.1",
               ("Angka Kelahiran Total (TFR)", "anak per wanita", "-", "A", 2.21, 2.18, 2.10), [])],
    "Dishub": [("2.15.02", "Program Penyelenggaraan Lalu Lintas dan Angkutan Jalan (LLAJ)", "3.1.1",
                ("Jumlah kecelakaan lalu lintas", "kejadian", "-", "K", 410, 400, 320), [])],
    "Diskominfo": [
        ("2.16.03", "Program Aplikasi Informatika", "4.1.2",
         ("Persentase perangkat daerah yang terhubung jaringan intra pemerintah", "%", "+", "A", 80, 85,
          100), []),
        ("2.20.02", "Program Penyelenggaraan Statistik Sektoral", "4.1.1",
         ("Persentase data sektoral yang dipublikasikan di portal Satu Data", "%", "+", "A", 55, 60, 90), []),
    ],
    "Diskopukm": [("2.17.08", "Program Pengembangan UMKM", "2.1.2",
                   ("Jumlah UMKM naik kelas", "unit", "+", "K", 320, 350, 500), [])],
    "DPMPTSP": [("2.18.04", "Program Pelayanan Penanaman Modal", "2.1.2",
                 ("Rata-rata waktu penyelesaian perizinan", "hari", "-", "R", 5.5, 5.0, 3.0), [])],
    "Dispora": [("2.19.03", "Program Pengembangan Kapasitas Daya Saing Keolahragaan", "1.2.1",
                 ("Jumlah medali pada Porprov", "medali", "+", "K", 45, 48, 60), [])],
    "Dispusip": [
        ("2.23.02", "Program Pembinaan Perpustakaan", "1.1.2",
         ("Tingkat Gemar Membaca masyarakat", "poin", "+", "A", 61.2, 62.5, 68.0), []),
        ("2.24.02", "Program Pengelolaan Arsip", "4.1.1",
         ("Nilai pengawasan kearsipan", "poin", "+", "A", 68, 70, 80), []),
    ],
    "Diskan": [("3.25.04", "Program Pengelolaan Perikanan Budidaya", "2.1.1",
                ("Produksi perikanan budidaya", "ton", "+", "K", 12_400, 12_800, 14_500), [])],
    "Dispar": [("3.26.02", "Program Peningkatan Daya Tarik Destinasi Pariwisata", "2.1.2",
                ("Jumlah destinasi wisata yang dikembangkan", "destinasi", "+", "K", 8, 10, 16), [])],
    "Distan": [
        ("3.27.02", "Program Penyediaan dan Pengembangan Sarana Pertanian", "2.1.1",
         ("Produksi padi", "ton GKG", "+", "K", 612_000, 620_000, 660_000), []),
        ("3.27.07", "Program Penyuluhan Pertanian", "2.1.1",
         ("Persentase kelompok tani kelas madya ke atas", "%", "+", "A", 34, 36, 50), []),
    ],
    "Disnakkeswan": [("3.27.05", "Program Pengendalian Kesehatan Hewan dan Kesehatan Masyarakat Veteriner",
                      "2.1.1", ("Persentase kasus penyakit hewan menular yang tertangani", "%", "+", "K",
                       88, 90,
                                98), [])],
    "Disperindag": [
        ("3.30.04", "Program Stabilisasi Harga Barang Kebutuhan Pokok dan Barang Penting", "2.1.2",
         ("Koefisien variasi harga bahan pokok", "%", "-", "R", 6.5, 6.0, 4.5), []),
        ("3.31.02", "Program Perencanaan dan Pembangunan Industri", "2.1.2",
         ("Jumlah IKM yang tumbuh", "unit", "+", "K", 140, 150, 200), []),
    ],
    "Setda": [("4.01.02", "Program Pemerintahan dan Kesejahteraan Rakyat", "4.1.1",
               ("Persentase produk hukum daerah yang ditetapkan tepat waktu", "%", "+", "A", 85, 88, 100),
                [])],
    "Setwan": [("4.02.02", "Program Dukungan Pelaksanaan Tugas dan Fungsi DPRD", "4.1.1",
                ("Jumlah Perda yang ditetapkan", "Perda", "+", "K", 14, 15, 15), [])],
    "Bappeda": [("5.01.02", "Program Perencanaan, Pengendalian dan Evaluasi Pembangunan Daerah", "4.1.1",
                 ("Persentase konsistensi program RPJMD dalam RKPD", "%", "+", "A", 92, 94, 100), [])],
    "BPKAD": [("5.02.02", "Program Pengelolaan Keuangan Daerah", "4.1.1",
               ("Persentase realisasi belanja daerah", "%", "+", "K", 89, 92, 96), [])],
    "Bapenda": [("5.02.04", "Program Pengelolaan Pendapatan Daerah", "2.1.2",
                 ("Realisasi Pendapatan Asli Daerah", "Rp miliar", "+", "K", 545, 575, 760), [])],
    "BKPSDM": [("5.03.02", "Program Kepegawaian Daerah", "4.1.1",
                ("Indeks Profesionalitas ASN", "poin", "+", "A", 68, 70, 80), [])],
    "Brida": [("5.05.02", "Program Penelitian dan Pengembangan Daerah", "4.1.2",
               ("Jumlah inovasi daerah yang diterapkan", "inovasi", "+", "K", 40, 50, 90), [])],
    "Inspektorat": [("6.01.02", "Program Penyelenggaraan Pengawasan", "4.1.1",
                     ("Persentase tindak lanjut rekomendasi hasil pemeriksaan", "%", "+", "K", 82, 85, 95),
                      [])],
    "Kesbangpol": [("8.01.02", "Program Penguatan Ideologi Pancasila dan Karakter Kebangsaan", "4.1.2",
                    ("Persentase konflik sosial yang tertangani", "%", "+", "K", 90, 92, 100), [])],
}  # fmt: skip

PROGRAM_KECAMATAN = [
    ("7.01.02", "Program Penyelenggaraan Pemerintahan dan Pelayanan Publik", "4.1.2",
     ("Indeks Kepuasan Masyarakat layanan kecamatan", "poin", "+", "R", 80, 82, 88)),
    ("7.01.03", "Program Pemberdayaan Masyarakat Desa dan Kelurahan", "4.1.1",
     ("Persentase desa yang menyampaikan laporan APBDes tepat waktu", "%", "+", "A", 75, 80, 100)),
]  # fmt: skip

PENDORONG = [
    "Dukungan anggaran tersedia tepat waktu dan koordinasi lintas sektor berjalan baik.",
    "Partisipasi masyarakat dan pemerintah desa tinggi.",
    "Pendampingan teknis dari provinsi dan kementerian.",
    "Pemanfaatan aplikasi pelaporan mempercepat pengumpulan data.",
]
PENGHAMBAT = [
    "Proses pengadaan barang/jasa terlambat karena gagal lelang pada tahap pertama.",
    "Curah hujan tinggi menghambat pekerjaan fisik di lapangan.",
    "Keterbatasan jumlah tenaga teknis di lapangan.",
    "Data dari puskesmas/desa belum seluruhnya masuk.",
]
TINDAK_LANJUT = [
    "Percepatan pelaksanaan kegiatan pada triwulan berikutnya.",
    "Koordinasi dengan Bagian Pengadaan Barang/Jasa untuk lelang ulang.",
    "Penambahan tenaga pendamping dan bimbingan teknis.",
    "Verifikasi data bersama puskesmas/desa setiap bulan.",
]
CATATAN_VERIFIKASI = [
    "Realisasi melampaui target jauh; mohon lampirkan bukti dukung (rekap data per kecamatan).",
    "Nilai triwulan ini lebih rendah dari triwulan lalu pada indikator nilai akhir; periksa kembali sumber "
    "datanya.",
    "Faktor penghambat belum diisi padahal capaian di bawah target.",
]
