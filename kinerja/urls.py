from django.urls import path

from kinerja.views import impor, realisasi

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
    path("matriks/impor/", impor.impor_matriks, name="kinerja-impor"),
    path("matriks/templat/<int:periode>/", impor.templat, name="kinerja-impor-templat"),
    path("matriks/ekspor/", impor.ekspor, name="kinerja-ekspor"),
]
