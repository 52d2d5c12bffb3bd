"""Kinerja selectors, one module per area (perencanaan, realisasi, impor, skor, dasbor)."""
