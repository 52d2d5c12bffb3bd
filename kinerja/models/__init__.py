from kinerja.models.ikm import ResponIkm, SurveiIkm
from kinerja.models.inovasi import (
    BerkasInovasi,
    IndikatorInovasi,
    Inovasi,
    JawabanInovasi,
    OpsiIndikatorInovasi,
)
from kinerja.models.perencanaan import (
    ArahKebijakan,
    Indikator,
    Misi,
    Nomenklatur,
    Pagu,
    PeriodeRpjmd,
    Renstra,
    RevisiTarget,
    Sasaran,
    SasaranPd,
    Strategi,
    Target,
    Tujuan,
    TujuanPd,
)
from kinerja.models.realisasi import (
    BukaKunci,
    BuktiDukung,
    CatatanVerifikasi,
    JadwalTriwulan,
    PelaporanTriwulan,
    Realisasi,
    RealisasiAnggaran,
    RiwayatPelaporan,
)
from kinerja.models.skor import SkorIndikator as SkorIndikator
from kinerja.models.skor import SkorRingkasan as SkorRingkasan

__all__ = [
    "ArahKebijakan", "BukaKunci", "BuktiDukung", "CatatanVerifikasi", "Indikator", "JadwalTriwulan", "Misi",
    "Nomenklatur", "Pagu", "PelaporanTriwulan", "PeriodeRpjmd", "Realisasi", "RealisasiAnggaran", "Renstra",
    "RevisiTarget", "RiwayatPelaporan", "Sasaran", "SasaranPd", "Strategi", "Target", "Tujuan", "TujuanPd",
]  # fmt: skip
__all__ += [
    "BerkasInovasi", "IndikatorInovasi", "Inovasi", "JawabanInovasi", "OpsiIndikatorInovasi", "ResponIkm",
    "SurveiIkm",
]  # fmt: skip
