"""Kinerja views, one module per area (perencanaan, realisasi, impor, skor, dasbor)."""
