from django.urls import path

from kinerja.views import ikm, inovasi, realisasi

urlpatterns = [
    path("realisasi/", realisasi.realisasi_index, name="realisasi"),
    path("realisasi/<int:opd>/<int:tahun>/<int:triwulan>/", realisasi.realisasi_grid, name="realisasi-grid"),
    path("realisasi/<int:opd>/<int:tahun>/<int:triwulan>/ajukan/", realisasi.ajukan, name="realisasi-ajukan"),
    path("realisasi/sel/", realisasi.simpan_sel, name="realisasi-sel"),
    path("realisasi/anggaran/", realisasi.simpan_anggaran, name="realisasi-anggaran"),
    path("realisasi/bukti/", realisasi.unggah_bukti, name="bukti-unggah"),
    path("bukti/<str:token>/", realisasi.unduh_bukti, name="bukti-unduh"),
    path("bukti/<str:token>/hapus/", realisasi.hapus_bukti, name="bukti-hapus"),
    path("pelaporan/<int:pk>/", realisasi.tinjau, name="pelaporan-tinjau"),
    path("pelaporan/<int:pk>/putuskan/", realisasi.putuskan, name="pelaporan-putuskan"),
    path("pemantauan/", realisasi.pemantauan, name="pemantauan"),
    path("jadwal/", realisasi.jadwal, name="jadwal"),
    # Inovasi Daerah
    path("inovasi/", inovasi.inovasi_list, name="inovasi-list"),
    path("inovasi/tambah/", inovasi.inovasi_tambah, name="inovasi-tambah"),
    path("inovasi/dasbor/", inovasi.inovasi_dasbor, name="inovasi-dasbor"),
    path("inovasi/<int:pk>/", inovasi.inovasi_detail, name="inovasi-detail"),
    path("inovasi/<int:pk>/ubah/", inovasi.inovasi_ubah, name="inovasi-ubah"),
    path("inovasi/<int:pk>/hapus/", inovasi.inovasi_hapus, name="inovasi-hapus"),
    path("inovasi/<int:pk>/berkas/", inovasi.berkas_unggah, name="inovasi-berkas-unggah"),
    path("inovasi/berkas/<str:token>/", inovasi.berkas_unduh, name="inovasi-berkas-unduh"),
    path("inovasi/berkas/<str:token>/hapus/", inovasi.berkas_hapus, name="inovasi-berkas-hapus"),
    # Survei IKM
    path("ikm/", ikm.ikm_list, name="ikm-list"),
    path("ikm/tambah/", ikm.ikm_tambah, name="ikm-tambah"),
    path("ikm/<int:pk>/", ikm.ikm_detail, name="ikm-detail"),
    path("ikm/<int:pk>/ubah/", ikm.ikm_ubah, name="ikm-ubah"),
    path("ikm/<int:pk>/tutup/", ikm.ikm_tutup, name="ikm-tutup"),
    path("ikm/<int:pk>/isi-realisasi/", ikm.ikm_isi_realisasi, name="ikm-isi-realisasi"),
    path("ikm/<int:pk>/poster/", ikm.ikm_poster, name="ikm-poster"),
    path("ikm/<int:pk>/poster/pdf/", ikm.ikm_poster_pdf, name="ikm-poster-pdf"),
    path("ikm/<int:pk>/laporan/", ikm.ikm_laporan, name="ikm-laporan"),
    path("skm/<str:token>/", ikm.ikm_publik, name="ikm-publik"),
]
