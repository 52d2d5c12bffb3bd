from django.apps import AppConfig


class KinerjaConfig(AppConfig):
    name = "kinerja"

    def ready(self):
        from kinerja.services import realisasi, skor

        # A saved realization, budget figure or verification schedules the score recompute of its OPD/year.
        if skor.jadwalkan_hitung_ulang not in realisasi.SETELAH_BERUBAH:
            realisasi.SETELAH_BERUBAH.append(skor.jadwalkan_hitung_ulang)
