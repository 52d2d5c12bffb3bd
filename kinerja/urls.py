from django.urls import path

<<<<<<< HEAD
from kinerja.views import dasbor, realisasi
=======
from kinerja.views import perencanaan, realisasi
>>>>>>> main

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
<<<<<<< HEAD
    path("dasbor/", dasbor.dasbor, name="dasbor"),
    path("dasbor/perangkat-daerah/<int:pk>/", dasbor.dasbor_opd, name="dasbor-opd"),
    path("dasbor/indikator/<int:pk>/", dasbor.dasbor_indikator, name="dasbor-indikator"),
=======
    # Perencanaan: RPJMD, Renstra, nomenclature, indicators and targets.
    path("rpjmd/", perencanaan.rpjmd, name="rpjmd"),
    path("rpjmd/tambah/", perencanaan.periode_form, name="periode-tambah"),
    path("rpjmd/<int:pk>/", perencanaan.rpjmd_pohon, name="rpjmd-pohon"),
    path("rpjmd/<int:pk>/ubah/", perencanaan.periode_form, name="periode-ubah"),
    path("rpjmd/<int:pk>/setujui/", perencanaan.rpjmd_setujui, name="rpjmd-setujui"),
    path("rpjmd/<int:pk>/renstra/tambah/", perencanaan.renstra_tambah, name="renstra-tambah"),
    path("butir/<str:jenis>/tambah/<int:induk>/", perencanaan.butir_tambah, name="butir-tambah"),
    path("butir/<str:jenis>/<int:pk>/ubah/", perencanaan.butir_ubah, name="butir-ubah"),
    path("butir/<str:jenis>/<int:pk>/hapus/", perencanaan.butir_hapus, name="butir-hapus"),
    path("renstra/", perencanaan.renstra_list, name="renstra-list"),
    path("renstra/<int:pk>/", perencanaan.renstra_detail, name="renstra-detail"),
    path("renstra/<int:pk>/setujui/", perencanaan.renstra_setujui, name="renstra-setujui"),
    path("renstra/<int:pk>/nomenklatur/tambah/", perencanaan.nomenklatur_tambah, name="nomenklatur-tambah"),
    path("nomenklatur/<int:pk>/ubah/", perencanaan.nomenklatur_ubah, name="nomenklatur-ubah"),
    path("nomenklatur/<int:pk>/hapus/", perencanaan.nomenklatur_hapus, name="nomenklatur-hapus"),
    path("indikator/tambah/<str:simpul>/<int:pk>/", perencanaan.indikator_tambah, name="indikator-tambah"),
    path("indikator/<int:pk>/", perencanaan.indikator_detail, name="indikator-detail"),
    path("indikator/<int:pk>/ubah/", perencanaan.indikator_ubah, name="indikator-ubah"),
    path("indikator/<int:pk>/hapus/", perencanaan.indikator_hapus, name="indikator-hapus"),
    path("indikator/<int:pk>/target/<int:tahun>/", perencanaan.target_ubah, name="target-ubah"),
>>>>>>> main
]
